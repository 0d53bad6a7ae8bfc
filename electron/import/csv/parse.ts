/**
 * RFC 4180 CSV as PowerShell's Export-Csv writes it, parsed incrementally over decoded text chunks.
 *
 * Written by hand rather than with csv-parse: the library parsed a 1M-row Get-ADUser export at about
 * half the speed the import needs (see bench/import.bench.ts), and it cannot skip the columns nobody
 * reads. Each character is looked at once, whatever the chunk boundaries, so a quote that is never
 * closed costs one pass, not one pass per chunk.
 *
 * `null` is an empty unquoted field (PowerShell's `,,` for $null); `''` is a quoted empty field (`""`).
 */
export type Cell = string | null;

export class CsvSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(message);
    this.name = 'CsvSyntaxError';
  }
}

export interface CsvParserOptions {
  delimiter: string;
  /** Line number of the first line pushed (a skipped `#TYPE` line makes it 2). */
  firstLine?: number;
  /** Largest record accepted; past it the file is taken to be broken (usually a quote never closed). */
  maxRecordChars?: number;
  onRecord(cells: Cell[], line: number): void;
}

const QUOTE = 34;
const CR = 13;
const LF = 10;

const enum State {
  FieldStart,
  Unquoted,
  Quoted,
  /** A quote seen inside a quoted field: either the first of `""` or the closing quote. */
  QuoteInQuoted,
}

export class CsvParser {
  private readonly delimiter: number;
  private readonly onRecord: (cells: Cell[], line: number) => void;
  private readonly maxRecordChars: number;

  /** Cells wanted by the reader; others are scanned but never sliced out. null means all. */
  private wanted: readonly boolean[] | null = null;
  /** How many fields every record must have; 0 until the header fixed it. */
  private expected = 0;

  private state = State.FieldStart;
  private cells: Cell[] = [];
  private field = 0;
  private parts: string[] = [];
  /**
   * The quoted value read so far in the current chunk, not yet in `parts`: most values have no doubled
   * quote and end in the chunk they start in, so they are sliced once, with no array in between.
   */
  private runFrom = -1;
  private runTo = -1;
  /** Set when a chunk ended on CR, so a LF opening the next chunk belongs to the same line break. */
  private skipLf = false;
  /**
   * Position of the next LF in the chunk being pushed: lets quoted fields count their line breaks
   * without searching past their own end.
   */
  private nextLf = 0;

  private line: number;
  private recordLine: number;
  private base = 0;
  private lineStart = 0;
  private recordStart = 0;
  private quoteLine = 0;
  private quoteColumn = 0;
  /** 1-based column where each field of the current record started. */
  readonly columns: number[] = [];

  constructor(options: CsvParserOptions) {
    if (options.delimiter.length !== 1) throw new Error('the delimiter must be one character');
    this.delimiter = options.delimiter.charCodeAt(0);
    this.onRecord = options.onRecord;
    this.maxRecordChars = options.maxRecordChars ?? 256 * 1024 * 1024;
    this.line = options.firstLine ?? 1;
    this.recordLine = this.line;
  }

  /** True between records: everything pushed so far ended whole records (no quoted field left open). */
  atRecordStart(): boolean {
    return this.state === State.FieldStart && this.field === 0 && !this.skipLf;
  }

  /** The line number the next character pushed is on. */
  get nextLine(): number {
    return this.line;
  }

  /** After the header: the field count every record must have and which cells to materialise. */
  expect(fieldCount: number, wanted: readonly boolean[] | null): void {
    this.expected = fieldCount;
    this.wanted = wanted;
  }

  private isWanted(field: number): boolean {
    return this.wanted === null || this.wanted[field] === true;
  }

  private column(pos: number): number {
    return this.base + pos - this.lineStart + 1;
  }

  private startField(pos: number): void {
    if (this.expected > 0 && this.field >= this.expected) {
      throw new CsvSyntaxError(
        `this row has more fields than the header's ${this.expected}; a delimiter inside a value must be quoted`,
        this.line,
        this.column(pos),
      );
    }
    this.columns[this.field] = this.column(pos);
  }

  private endField(value: Cell): void {
    this.cells[this.field] = value;
    this.field++;
    if (this.parts.length !== 0) this.parts.length = 0;
  }

  private endRecord(pos: number): void {
    const blank = this.field === 1 && this.base + pos === this.recordStart;
    if (!blank) {
      if (this.expected > 0 && this.field !== this.expected) {
        throw new CsvSyntaxError(
          `this row has ${this.field} field${this.field === 1 ? '' : 's'} but the header has ${this.expected}`,
          this.recordLine,
          this.column(pos),
        );
      }
      if (this.cells.length !== this.field) this.cells.length = this.field;
      this.onRecord(this.cells, this.recordLine);
    }
    this.field = 0;
  }

  private newLine(posAfter: number): void {
    this.line++;
    this.lineStart = this.base + posAfter;
  }

  private takePart(text: string, from: number, to: number): void {
    if (to > from && this.isWanted(this.field)) this.parts.push(text.slice(from, to));
  }

  private fieldValue(text: string, from: number, to: number): string | null {
    if (!this.isWanted(this.field)) return null;
    if (this.parts.length === 0) return text.slice(from, to);
    if (to > from) this.parts.push(text.slice(from, to));
    return this.parts.join('');
  }

  push(text: string): void {
    const n = text.length;
    let i = 0;
    if (this.skipLf && n > 0) {
      this.skipLf = false;
      if (text.charCodeAt(0) === LF) {
        i = 1;
        this.lineStart = this.base + 1;
      }
    }
    this.nextLf = this.findLf(text, i);
    while (i < n) {
      switch (this.state) {
        case State.FieldStart:
          i = this.fieldStart(text, i);
          break;
        case State.Unquoted:
          i = this.unquoted(text, i);
          break;
        case State.Quoted:
          i = this.quoted(text, i);
          break;
        case State.QuoteInQuoted:
          i = this.afterQuote(text, i);
          break;
      }
    }
    this.base += n;
  }

  /** Each state's step reads from `i` and returns where the next step starts. */
  private fieldStart(text: string, i: number): number {
    if (this.field === 0) {
      this.recordLine = this.line;
      this.recordStart = this.base + i;
    }
    this.startField(i);
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      this.state = State.Quoted;
      this.quoteLine = this.line;
      this.quoteColumn = this.column(i);
      return i + 1;
    }
    if (c === this.delimiter) {
      this.endField(null);
      return i + 1;
    }
    if (c === CR || c === LF) {
      this.endField(null);
      return this.breakLine(text, i, c);
    }
    this.state = State.Unquoted;
    return i;
  }

  private unquoted(text: string, from: number): number {
    const n = text.length;
    const delimiter = this.delimiter;
    let j = from;
    let c = 0;
    for (; j < n; j++) {
      c = text.charCodeAt(j);
      if (c === delimiter || c === CR || c === LF || c === QUOTE) break;
    }
    if (j === n) {
      this.takePart(text, from, n);
      this.checkRecordSize(n, this.recordLine, this.columns[this.field] ?? 1);
      return n;
    }
    if (c === QUOTE) {
      throw new CsvSyntaxError('a quote inside a value that does not start with a quote; quote the whole value and double the quote', this.line, this.column(j));
    }
    this.endField(this.fieldValue(text, from, j));
    this.state = State.FieldStart;
    return c === delimiter ? j + 1 : this.breakLine(text, j, c);
  }

  private quoted(text: string, i: number): number {
    const n = text.length;
    let j = text.indexOf('"', i);
    if (j === -1) j = n;
    while (this.nextLf < j) {
      this.newLine(this.nextLf + 1);
      this.nextLf = this.findLf(text, this.nextLf + 1);
    }
    this.checkRecordSize(j, this.quoteLine, this.quoteColumn);
    // A run that the chunk's end cuts (or whose closing quote is its last character) is kept now.
    if (j + 1 >= n) this.takePart(text, i, j);
    else {
      this.runFrom = i;
      this.runTo = j;
    }
    if (j === n) return n;
    this.state = State.QuoteInQuoted;
    return j + 1;
  }

  /** Moves the pending run of a quoted value into `parts`. */
  private keepRun(text: string): void {
    if (this.runFrom >= 0) this.takePart(text, this.runFrom, this.runTo);
    this.runFrom = -1;
  }

  /** A quote inside a quoted field: the first of `""`, or the closing quote. */
  private afterQuote(text: string, i: number): number {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      this.keepRun(text);
      if (this.isWanted(this.field)) this.parts.push('"');
      this.state = State.Quoted;
      return i + 1;
    }
    if (c === this.delimiter || c === CR || c === LF) {
      let value: string | null = null;
      if (this.isWanted(this.field)) {
        if (this.runFrom >= 0 && this.parts.length === 0) value = text.slice(this.runFrom, this.runTo);
        else {
          this.keepRun(text);
          value = this.parts.join('');
        }
      }
      this.runFrom = -1;
      this.endField(value);
      this.state = State.FieldStart;
      return c === this.delimiter ? i + 1 : this.breakLine(text, i, c);
    }
    throw new CsvSyntaxError(
      `unexpected "${String.fromCharCode(c)}" after the closing quote of a value; a quote inside a quoted value must be doubled`,
      this.line,
      this.column(i),
    );
  }

  /** Ends the record at a line break and keeps the next-LF position ahead of the read position. */
  private breakLine(text: string, pos: number, c: number): number {
    const next = this.lineBreak(text, pos, c);
    if (this.nextLf < next) this.nextLf = this.findLf(text, next);
    return next;
  }

  private findLf(text: string, from: number): number {
    const k = text.indexOf('\n', from);
    return k === -1 ? text.length : k;
  }

  /** Ends the record at a CR, LF or CRLF starting at `pos`; returns the position after it. */
  private lineBreak(text: string, pos: number, c: number): number {
    this.endRecord(pos);
    let next = pos + 1;
    if (c === CR) {
      if (next < text.length) {
        if (text.charCodeAt(next) === LF) next++;
      } else {
        this.skipLf = true;
      }
    }
    this.newLine(next);
    return next;
  }

  private checkRecordSize(pos: number, line: number, column: number): void {
    if (this.base + pos - this.recordStart > this.maxRecordChars) {
      throw new CsvSyntaxError(
        `a value starting here runs on for more than ${Math.round(this.maxRecordChars / 1048576)} MB; a closing quote or a line break is probably missing`,
        line,
        column,
      );
    }
  }

  /** End of input: a record without a final line break still counts. */
  end(): void {
    this.skipLf = false;
    switch (this.state) {
      case State.Quoted:
        throw new CsvSyntaxError('a quoted value is never closed: its closing quote is missing', this.quoteLine, this.quoteColumn);
      case State.QuoteInQuoted:
        this.endField(this.isWanted(this.field) ? this.parts.join('') : null);
        this.endRecord(0);
        break;
      case State.Unquoted:
        this.endField(this.isWanted(this.field) ? this.parts.join('') : null);
        this.endRecord(0);
        break;
      case State.FieldStart:
        // A record that ended on a delimiter still has its last, empty field to come.
        if (this.field > 0) {
          this.startField(0);
          this.endField(null);
          this.endRecord(0);
        }
        break;
    }
    this.state = State.FieldStart;
  }
}
