import type { Cell } from '../csv/parse.js';
import type { ColumnMap, FieldSpec } from '../columns.js';
import type { ImportKind } from '../../../shared/import/summary.js';
import type { ImportBatch } from '../batch.js';
import type { ObjectsPart } from './ad-objects.js';

/** What a kind reader can do with the file it reads: stage data, warn, fail with a location. */
export interface FileContext {
  /** The file as named in messages. */
  file: string;
  path: string;
  batch: ImportBatch;
  warn(message: string, line?: number, column?: number): void;
  fail(message: string, line?: number, column?: number): never;
  /** One plain sentence for the summary of what the file contributed. */
  understood(sentence: string): void;
  /** Counts rows that contributed to the inventory. */
  imported(rows?: number): void;
  /** For files whose kind only their rows tell (ADRecon's key/value files). */
  reclassify(kind: ImportKind): void;
}

export interface RowHandler {
  row(cells: readonly Cell[], line: number, columns: readonly number[]): void;
  finish(): void;
  /** Per-object readers, whose rows are independent: what they took so far, to be read in two threads. */
  part?(): ObjectsPart;
  /** Adds what the reader of the file's later part took; its lines start `lineOffset` lines further. */
  merge?(part: ObjectsPart, lineOffset: number): void;
}

export interface KindReader {
  kind: ImportKind;
  fields: readonly FieldSpec[];
  /** Fields without which the file cannot be read. */
  required: readonly string[];
  start(ctx: FileContext, columns: ColumnMap): RowHandler;
}
