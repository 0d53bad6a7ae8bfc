import iconv from 'iconv-lite';

/**
 * Builds CSV bytes the way PowerShell's Export-Csv writes them, for fixtures no real file covers.
 * Windows PowerShell 5.1: a `#TYPE` line unless -NoTypeInformation, every field quoted, $null as an
 * empty unquoted field, CRLF, ASCII by default (anything else becomes "?"). PowerShell 7: no `#TYPE`
 * line, quotes per -UseQuotes (Always by default), UTF-8 without BOM by default.
 */
export type ExportEncoding = 'ascii' | 'utf8' | 'utf8bom' | 'utf16le' | 'utf16be' | 'ansi';

export interface ExportCsvOptions {
  edition: '5.1' | '7';
  /** .NET type written in the `#TYPE` line by 5.1, e.g. Microsoft.ActiveDirectory.Management.ADUser. */
  typeName?: string;
  noTypeInformation?: boolean;
  /** -Encoding; defaults to the edition's default (ASCII for 5.1, UTF-8 without BOM for 7). */
  encoding?: ExportEncoding;
  /** -Delimiter or -UseCulture (";" on most European cultures). */
  delimiter?: ',' | ';';
  /** PowerShell 7's -UseQuotes. */
  useQuotes?: 'Always' | 'AsNeeded' | 'Never';
  /** PowerShell on Linux writes LF. */
  newline?: '\r\n' | '\n';
}

export type ExportRow = Record<string, string | null>;

function field(value: string | null, options: Required<Pick<ExportCsvOptions, 'delimiter' | 'useQuotes'>>): string {
  if (value === null) return '';
  const needs = value === '' || /["\r\n]/.test(value) || value.includes(options.delimiter);
  if (options.useQuotes === 'Never' || (options.useQuotes === 'AsNeeded' && !needs)) return value;
  return `"${value.replace(/"/g, '""')}"`;
}

export function exportCsvText(columns: readonly string[], rows: readonly ExportRow[], options: ExportCsvOptions): string {
  const delimiter = options.delimiter ?? ',';
  const useQuotes = options.edition === '5.1' ? 'Always' : (options.useQuotes ?? 'Always');
  const newline = options.newline ?? '\r\n';
  const lines: string[] = [];
  if (options.edition === '5.1' && !options.noTypeInformation) lines.push(`#TYPE ${options.typeName ?? 'System.Management.Automation.PSCustomObject'}`);
  lines.push(columns.map((c) => field(c, { delimiter, useQuotes })).join(delimiter));
  for (const row of rows) lines.push(columns.map((c) => field(row[c] ?? null, { delimiter, useQuotes })).join(delimiter));
  return lines.join(newline) + newline;
}

export function encodeAs(text: string, encoding: ExportEncoding): Buffer {
  switch (encoding) {
    case 'ascii':
      return Buffer.from(text.replace(/[\u0080-\uffff]/g, '?'), 'latin1');
    case 'utf8':
      return Buffer.from(text, 'utf8');
    case 'utf8bom':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    case 'utf16le':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    case 'utf16be':
      return Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]);
    case 'ansi':
      return iconv.encode(text, 'windows-1252');
  }
}

export function exportCsv(columns: readonly string[], rows: readonly ExportRow[], options: ExportCsvOptions): Buffer {
  return encodeAs(exportCsvText(columns, rows, options), options.encoding ?? (options.edition === '5.1' ? 'ascii' : 'utf8'));
}
