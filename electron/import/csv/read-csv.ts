import { UserError, type SourceLocation } from '../../../shared/result.js';
import { inputFileError, openRegularFile } from '../../files/regular-file.js';
import { createDecoder, TruncatedTextError, utf8Decoder, type StreamDecoder } from './decode.js';
import { CsvParser, CsvSyntaxError, type Cell } from './parse.js';

/**
 * Streams one CSV file: bytes → text → records, never holding more than a chunk and one record.
 * The header decides what the rest of the file is read for (`open`), so unread columns cost nothing.
 */
export interface CsvHeader {
  names: string[];
  /** The `#TYPE ...` line Windows PowerShell writes first, without "#TYPE ". */
  typeName: string | null;
  line: number;
  delimiter: string;
}

export interface CsvSink {
  /** Which cells `row` reads; null reads all. */
  wanted: readonly boolean[] | null;
  /** `columns[i]` is the 1-based column where cell i starts. Returning false stops reading. */
  row(cells: readonly Cell[], line: number, columns: readonly number[]): boolean | void;
}

/** Where a file is split for two threads (split-read.ts): this thread reads up to `offset`, another the rest. */
export interface ReadCsvSplit {
  /** A byte offset just after a line break, several chunks past the header. */
  offset: number;
  /**
   * Called on reaching `offset`: true when the rest was read elsewhere and this read ends there. Told
   * whether the offset is between records and whether the text so far is clean UTF-8, which the other
   * thread's reading of the rest takes for granted.
   */
  settle(at: { recordStart: boolean; cleanText: boolean; nextLine: number; rows: number; encoding: string }): Promise<boolean>;
}

export interface ReadCsvOptions {
  /** How the file is named in messages. */
  displayName: string;
  signal?: AbortSignal;
  onProgress?(rows: number, bytes: number): void;
  chunkBytes?: number;
  /** Offered the header, and the file's rows as estimated from its first chunk: a split to read the rest of the file in another thread, or null. */
  split?(header: CsvHeader, totalBytes: number, rowsEstimate: number): ReadCsvSplit | null;
  /** Reads from `offset` (just after a line break) with this header, numbering lines from 1 there: the other thread's part. */
  from?: { offset: number; header: CsvHeader };
}

export interface ReadCsvResult {
  header: CsvHeader;
  rows: number;
  bytesRead: number;
  totalBytes: number;
  /** False when the sink stopped early. */
  complete: boolean;
  /** Decided by the whole file: an "é" near the end turns "ASCII" into "UTF-8" or "Windows-1252". */
  encoding: string;
  /** Bytes were not valid in the detected encoding and were replaced. */
  replacedBytes: boolean;
  /** Only ASCII or valid UTF-8 was read (StreamDecoder.clean). */
  cleanText: boolean;
}

export class ImportCancelled extends UserError {
  constructor() {
    super('cancelled', 'The import was cancelled; nothing was written.');
  }
}

const MAX_HEADER_CHARS = 1024 * 1024;
const DELIMITERS = [',', ';', '\t'];

/** The delimiter that splits the header line most often outside quotes; `,` when none does. */
export function sniffDelimiter(headerLine: string): string {
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const ch of headerLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && counts.has(ch)) counts.set(ch, (counts.get(ch) as number) + 1);
  }
  let best = ',';
  for (const d of DELIMITERS) if ((counts.get(d) as number) > (counts.get(best) as number)) best = d;
  return best;
}

function parseHeaderLine(text: string, delimiter: string, line: number): string[] {
  let names: string[] = [];
  const parser = new CsvParser({ delimiter, firstLine: line, onRecord: (cells) => (names = cells.map((c) => c ?? '')) });
  parser.push(text);
  parser.end();
  return names;
}

/**
 * A NUL is never part of a directory value: it means binary data, or UTF-16 read as something else.
 * A byte-order mark past the start of the file means two exports were joined into one; the line it
 * is on is the second file's header row, not data.
 */
function refuseStrayCharacters(
  cells: readonly Cell[],
  line: number,
  columns: readonly number[],
  where: (line?: number, column?: number) => SourceLocation,
): void {
  for (const [i, cell] of cells.entries()) {
    if (cell === null) continue;
    if (cell.includes('\0')) {
      throw new UserError('bad-csv', 'this value contains a NUL byte, which no directory value has: the file holds binary data or was saved in another encoding', where(line, columns[i]));
    }
    if (cell.includes('\uFEFF')) {
      throw new UserError(
        'bad-csv',
        'a byte-order mark (BOM) in the middle of the file: two exports seem to have been joined here, and this line is the second one\'s header. Import them as separate files',
        where(line, columns[i]),
      );
    }
  }
}

export async function readCsv(path: string, openSink: (header: CsvHeader) => CsvSink, options: ReadCsvOptions): Promise<ReadCsvResult> {
  const where = (line?: number, column?: number) => ({
    file: options.displayName,
    ...(line !== undefined ? { line } : {}),
    ...(column !== undefined ? { column } : {}),
  });
  let handle;
  try {
    handle = await openRegularFile(path);
  } catch (error) {
    throw inputFileError(error, where());
  }
  let reading: Promise<{ bytesRead: number }> | null = null;
  try {
    const totalBytes = (await handle.stat()).size;
    // Two buffers: the next chunk is read while this one is parsed.
    const size = options.chunkBytes ?? 1024 * 1024;
    const buffers = [Buffer.allocUnsafe(size), Buffer.allocUnsafe(size)] as const;
    let which = 0;
    /** Where the next read starts, and where this thread's reading stops (a split's offset, else the end). */
    let position = options.from?.offset ?? 0;
    let limit = totalBytes;
    let split: ReadCsvSplit | null = null;
    const readAt = (buffer: Buffer) => {
      const length = Math.min(size, limit - position);
      return length > 0 ? handle.read(buffer, 0, length, position) : Promise.resolve({ bytesRead: 0 });
    };
    reading = readAt(buffers[0]);
    let bytesRead = 0;
    let rows = 0;
    let decoder: StreamDecoder | null = options.from ? utf8Decoder() : null;
    let header: CsvHeader | null = null;
    let parser: CsvParser | null = null;
    let pending = '';
    let stopped = false;
    let suspect = false;

    const startRows = (sink: CsvSink, delimiter: string, names: readonly string[], firstLine: number): CsvParser => {
      const started: CsvParser = new CsvParser({
        delimiter,
        firstLine,
        onRecord: (cells, line) => {
          if (stopped) return;
          rows++;
          const columns = started.columns;
          if (suspect) refuseStrayCharacters(cells, line, columns, where);
          if (sink.row(cells, line, columns) === false) stopped = true;
        },
      });
      started.expect(names.length, sink.wanted);
      return started;
    };
    if (options.from) {
      header = options.from.header;
      parser = startRows(openSink(header), header.delimiter, header.names, 1);
    }

    const startBody = (text: string, final: boolean): void => {
      pending += text;
      let start = 0;
      let line = 1;
      let typeName: string | null = null;
      let lineEnd = pending.indexOf('\n');
      // Windows PowerShell writes a `#TYPE` line first unless told -NoTypeInformation.
      if (/^#TYPE\b/i.test(pending) && lineEnd !== -1) {
        typeName = pending.slice(5, lineEnd).replace(/\r$/, '').trim() || null;
        start = lineEnd + 1;
        line = 2;
        lineEnd = pending.indexOf('\n', start);
      }
      if (lineEnd === -1 && !final) {
        if (pending.length > MAX_HEADER_CHARS) {
          throw new UserError('bad-csv', 'no header line in the first megabyte: this does not look like a CSV file', where(line, 1));
        }
        return;
      }
      const firstLine = line;
      const headerText = pending.slice(start, lineEnd === -1 ? undefined : lineEnd).replace(/\r$/, '');
      if (headerText.trim() === '' || /^#TYPE\b/i.test(headerText)) {
        throw new UserError('bad-csv', 'expected a header row of column names here, found an empty line', where(firstLine, 1));
      }
      if (headerText.includes('\0')) throw new UserError('bad-csv', 'this is not a text CSV file (it contains binary data)', where(firstLine, 1));
      const delimiter = sniffDelimiter(headerText);
      const names = parseHeaderLine(headerText, delimiter, firstLine);
      header = { names, typeName, line: firstLine, delimiter };
      parser = startRows(openSink(header), delimiter, names, firstLine + 1);
      // The reads already under way end before any offset a split may choose (several chunks in).
      let lines = 0;
      for (let k = pending.indexOf('\n', lineEnd + 1); k !== -1; k = pending.indexOf('\n', k + 1)) lines++;
      split = options.split?.(header, totalBytes, Math.ceil((totalBytes * Math.max(lines, 1)) / Math.max(pending.length, 1))) ?? null;
      if (split && split.offset >= position + size) limit = split.offset;
      else split = null;
      const rest = lineEnd === -1 ? '' : pending.slice(lineEnd + 1);
      pending = '';
      if (rest) parser.push(rest);
    };

    const feed = (text: string, final: boolean): void => {
      // Cells are searched only once the text holds a NUL or a BOM at all, which keeps clean files fast.
      if (!suspect && (text.includes('\0') || text.includes('\uFEFF'))) suspect = true;
      if (parser) parser.push(text);
      else startBody(text, final);
    };

    let settled = false;
    try {
      for (;;) {
        if (options.signal?.aborted) throw new ImportCancelled();
        const { bytesRead: n } = await (reading as Promise<{ bytesRead: number }>);
        reading = null;
        // Set by the header (startBody), which control flow analysis does not see.
        const pendingSplit = split as ReadCsvSplit | null;
        if (n === 0) {
          if (!pendingSplit || stopped || position !== limit) break;
          const reader = parser as CsvParser | null;
          const text = decoder as StreamDecoder | null;
          split = null;
          const at = { recordStart: reader?.atRecordStart() ?? false, cleanText: text?.clean() ?? false, nextLine: reader?.nextLine ?? 0, rows, encoding: text?.label() ?? '' };
          if (await pendingSplit.settle(at)) {
            settled = true;
            break;
          }
          // The other thread's part cannot be used: this thread reads on to the end.
          limit = totalBytes;
          reading = readAt(which === 0 ? buffers[0] : buffers[1]);
          continue;
        }
        position += n;
        const buffer = which === 0 ? buffers[0] : buffers[1];
        which ^= 1;
        reading = readAt(which === 0 ? buffers[0] : buffers[1]);
        let chunk: Uint8Array = buffer.subarray(0, n);
        if (!decoder) {
          const chosen = createDecoder(chunk);
          decoder = chosen.decoder;
          chunk = chunk.subarray(chosen.skip);
        }
        bytesRead += n;
        feed(decoder.decode(chunk), false);
        options.onProgress?.(rows, bytesRead);
        if (stopped) break;
      }
      if (!decoder) throw new UserError('bad-csv', 'the file is empty; expected a header row of column names', where(1, 1));
      if (!stopped && !settled) {
        feed(decoder.end(), true);
        if (!parser) startBody('', true);
        (parser as CsvParser | null)?.end();
      }
    } catch (error) {
      if (error instanceof CsvSyntaxError) throw new UserError('bad-csv', error.message, where(error.line, error.column));
      if (error instanceof TruncatedTextError) throw new UserError('bad-csv', `${error.message}: it was cut short or damaged when copied; export or copy it again`, where());
      throw error;
    }
    options.onProgress?.(rows, bytesRead);
    return {
      header: header as unknown as CsvHeader,
      rows,
      bytesRead,
      totalBytes,
      complete: !stopped,
      encoding: (decoder as StreamDecoder).label(),
      replacedBytes: (decoder as StreamDecoder).replaced,
      cleanText: (decoder as StreamDecoder).clean(),
    };
  } finally {
    await reading?.catch(() => undefined);
    await handle.close();
  }
}
