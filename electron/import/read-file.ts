import { UserError } from '../../shared/result.js';
import type { FileSummary, ImportKind, ImportWarning } from '../../shared/import/summary.js';
import { headerKey, listSome, mapColumns, type ColumnMap } from './columns.js';
import { readCsv, type CsvHeader, type ReadCsvResult } from './csv/read-csv.js';
import { detectKind, type Detected } from './detect-kind.js';
import type { ImportBatch } from './batch.js';
import type { FileContext, RowHandler } from './kinds/context.js';
import { notInventoryReader } from './kinds/adrecon.js';
import { splitObjectsFile, type Splitter } from './split-read.js';

/** One CSV file of an import: detect its kind from the header, stream its rows into the batch. */
export interface CsvInput {
  path: string;
  /** How the file is named to the user. */
  display: string;
  /** Inside a folder the user gave: a CSV of no known kind is skipped with a warning instead of failing the import. */
  inFolder: boolean;
}

export interface ReadFileOptions {
  signal?: AbortSignal;
  onProgress?(rows: number, bytes: number): void;
  /** Preview: stop once this many bytes were read. */
  stopAfterBytes?: number;
  chunkBytes?: number;
  /** Per-object exports larger than this are read by two threads (split-read.ts); tests lower it. */
  splitAbove?: number;
  /** No file of the import follows: what only a later file would be checked against need not be kept. */
  lastFile?: boolean;
}

export interface ReadFileResult {
  summary: FileSummary;
  read: ReadCsvResult;
  columns: ColumnMap | null;
  /** When stopped early: rows and bytes read up to the stop, to estimate the whole file from. */
  sample: { rows: number; bytes: number } | null;
}

/**
 * A file that is not a CSV at all (a text file, a configuration file) has no column names to quote;
 * quoting its first line would only echo some unrelated content back.
 */
function describeHeader(names: readonly string[]): string {
  if (names.length < 2) return 'the first line is not a row of column names (it has no "," ";" or tab): this does not look like a CSV file';
  const shown = names.map((name) => (name.length > 40 ? `${name.slice(0, 40)}…` : name));
  return `the header row (${listSome(shown, 8)}) matches no kind SyncPlan imports`;
}

/** The same column twice: which one to read is a guess, so a column SyncPlan reads must be unique. */
function checkDuplicateColumns(names: readonly string[], columns: ColumnMap, ctx: FileContext, line: number): void {
  const positions = new Map<string, number[]>();
  names.forEach((name, i) => {
    const key = headerKey(name);
    if (key) positions.set(key, [...(positions.get(key) ?? []), i]);
  });
  for (const at of positions.values()) {
    if (at.length < 2) continue;
    const name = names[at[0] as number] as string;
    const numbers = at.map((i) => i + 1);
    const repeated = `the column "${name}" appears ${at.length === 2 ? 'twice' : `${at.length} times`} (columns ${numbers.slice(0, -1).join(', ')} and ${numbers.at(-1)})`;
    if (at.some((i) => columns.wanted[i])) ctx.fail(`${repeated}, so SyncPlan cannot tell which to read; remove or rename the extra ones`, line);
    ctx.warn(`${repeated}; SyncPlan does not read it`, line);
  }
}

function describeDelimiter(delimiter: string): string {
  return delimiter === '\t' ? 'tab' : delimiter;
}

export async function readCsvFile(input: CsvInput, batch: ImportBatch, options: ReadFileOptions = {}): Promise<ReadFileResult> {
  const warnings: ImportWarning[] = [];
  const understood: string[] = [];
  let imported = 0;
  let kind: ImportKind = 'not-inventory';
  let source = 'unknown';
  let handler: RowHandler | null = null;
  let columns: ColumnMap | null = null;
  let bytesSoFar = 0;
  let sample: { rows: number; bytes: number } | null = null;
  let splitter: Splitter | null = null;
  /** The worker's rows and bytes, added to this thread's. */
  const elsewhere = () => (splitter as Splitter | null)?.progress() ?? { rows: 0, bytes: 0 };

  const ctx: FileContext = {
    file: input.display,
    path: input.path,
    batch,
    warn(message, line, column) {
      warnings.push({ file: input.display, ...(line ? { line } : {}), ...(column ? { column } : {}), message });
    },
    fail(message, line, column): never {
      throw new UserError('bad-input', message, { file: input.display, ...(line ? { line } : {}), ...(column ? { column } : {}) });
    },
    understood(sentence) {
      understood.push(sentence);
    },
    imported(rows = 1) {
      imported += rows;
    },
    reclassify(next) {
      kind = next;
    },
  };

  try {
    const read = await readCsv(
      input.path,
      (header) => {
        let detected: Detected | null = detectKind(header.names, header.typeName);
        if (!detected) {
          if (!input.inFolder) {
            throw new UserError(
              'unknown-kind',
              `${describeHeader(header.names)}. Expected a SyncPlan template ` +
                '(see "syncplan templates"), an Export-Csv of Get-ADForest, Get-ADDomain, Get-ADOrganizationalUnit, Get-ADUser, ' +
                'Get-ADGroup, Get-ADComputer or Get-ADTrust, or a file from ADRecon\'s CSV-Files folder',
              { file: input.display, line: header.line, column: 1 },
            );
          }
          detected = { reader: notInventoryReader, source: 'unknown' };
        }
        kind = detected.reader.kind;
        source = detected.source;
        columns = mapColumns(header.names, detected.reader.fields);
        if (kind !== 'not-inventory') checkDuplicateColumns(header.names, columns, ctx, header.line);
        for (const field of detected.reader.required) {
          if (!columns.index.has(field)) {
            const spec = detected.reader.fields.find((f) => f.field === field);
            ctx.fail(`this looks like ${source} (${kind}) but has no ${spec?.columns[0] ?? field} column`, header.line, 1);
          }
        }
        if (kind !== 'not-inventory' && kind !== 'ad-domain-controllers' && columns.ignored.length) {
          const template = source === 'SyncPlan template';
          ctx.warn(
            template
              ? `unknown column${columns.ignored.length === 1 ? '' : 's'} ignored: ${listSome(columns.ignored)}`
              : `${columns.ignored.length} column${columns.ignored.length === 1 ? '' : 's'} not used by SyncPlan: ${listSome(columns.ignored)}`,
            header.line,
          );
        }
        handler = detected.reader.start(ctx, columns);
        const rows = handler;
        return {
          wanted: columns.wanted,
          row: (cells, line, cols) => {
            if (options.stopAfterBytes !== undefined && bytesSoFar >= options.stopAfterBytes) return false;
            rows.row(cells, line, cols);
            return true;
          },
        };
      },
      {
        displayName: input.display,
        ...(options.signal ? { signal: options.signal } : {}),
        ...(options.chunkBytes ? { chunkBytes: options.chunkBytes } : {}),
        ...(options.stopAfterBytes === undefined
          ? {
              split(header: CsvHeader, totalBytes: number, rowsEstimate: number) {
                if (!handler) return null;
                splitter = splitObjectsFile({
                  path: input.path,
                  display: input.display,
                  kind,
                  header,
                  totalBytes,
                  rowsEstimate,
                  batch,
                  handler,
                  keepSeen: options.lastFile !== true,
                  ...(options.splitAbove !== undefined ? { splitAbove: options.splitAbove } : {}),
                  ...(options.signal ? { signal: options.signal } : {}),
                });
                return splitter?.split ?? null;
              },
            }
          : {}),
        onProgress(rows, bytes) {
          bytesSoFar = bytes;
          if (options.stopAfterBytes !== undefined && bytes >= options.stopAfterBytes) sample ??= { rows, bytes };
          const other = elsewhere();
          options.onProgress?.(rows + other.rows, bytes + other.bytes);
        },
      },
    );
    const rows = read.rows + elsewhere().rows;
    const encoding = (splitter as Splitter | null)?.encoding() ?? read.encoding;
    (handler as RowHandler | null)?.finish();
    if (rows === 0) ctx.warn('no data rows below the header; nothing was imported from this file');
    if (read.replacedBytes) ctx.warn(`some bytes are not valid ${read.encoding} and were replaced by "\uFFFD"; the file may mix encodings`);

    return {
      summary: {
        path: input.display,
        kind,
        source,
        encoding,
        delimiter: describeDelimiter(read.header.delimiter),
        rows,
        imported,
        understood,
        warnings,
      },
      read,
      columns,
      sample: read.complete ? null : sample,
    };
  } finally {
    (splitter as Splitter | null)?.dispose();
  }
}
