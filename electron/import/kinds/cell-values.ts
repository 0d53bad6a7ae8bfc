import { parseDnsName } from '../../../shared/model/cells.js';
import type { Cell } from '../csv/parse.js';
import type { FileContext } from './context.js';

/**
 * The template cell conventions (shared/model/cells.ts), failing with the cell's location. Other tools'
 * exports read their cells through these too.
 */
export interface CellAt {
  ctx: FileContext;
  line: number;
  column: number;
  /** Header name, for messages. */
  name: string;
}

export const isBlank = (cell: Cell | undefined): cell is null | undefined | '' =>
  cell === null || cell === undefined || cell.trim() === '';

export function text(cell: Cell | undefined): string | undefined {
  return isBlank(cell) ? undefined : cell.trim();
}

export function dnsName(cell: Cell | undefined, at: CellAt): string | undefined {
  if (isBlank(cell)) return undefined;
  const parsed = parseDnsName(cell.trim());
  return parsed.ok ? parsed.value : at.ctx.fail(`column ${at.name}: ${parsed.problem}`, at.line, at.column);
}

/**
 * Export-Csv writes a multi-valued property as its type name. Such a cell holds no data; counting
 * them per column lets the summary say which columns to re-export with -join.
 */
const TYPE_NAME = /^(?:Microsoft\.ActiveDirectory\.Management\.[A-Za-z]+|System\.[A-Za-z.]+\[\]|System\.Collections\.[\w.`[\], ]+)$/;

export function isTypeName(cell: string): boolean {
  const c = cell.charCodeAt(0);
  return (c === 77 || c === 83) && TYPE_NAME.test(cell);
}

export interface LostValue {
  count: number;
  line: number;
  column: number;
  value: string;
}

export class LostValues {
  private readonly lost = new Map<string, LostValue>();

  /** The cell's value, or null (and counted) when it is a type name instead of values. */
  check(cell: Cell | undefined, column: string, line: number, col: number): Cell {
    if (cell === null || cell === undefined) return null;
    if (!isTypeName(cell)) return cell;
    this.record(column, line, col, cell);
    return null;
  }

  record(column: string, line: number, col: number, value: string): void {
    const seen = this.lost.get(column);
    if (seen) seen.count++;
    else this.lost.set(column, { count: 1, line, column: col, value });
  }

  has(column: string): boolean {
    return this.lost.has(column);
  }

  entries(): [string, LostValue][] {
    return [...this.lost];
  }

  /** Adds what the reader of a later part of the file found; its lines start `lineOffset` lines further. */
  merge(entries: readonly [string, LostValue][], lineOffset: number): void {
    for (const [column, later] of entries) {
      const seen = this.lost.get(column);
      if (seen) seen.count += later.count;
      else this.lost.set(column, { ...later, line: later.line + lineOffset });
    }
  }

  report(ctx: FileContext): void {
    for (const [column, { count, line, column: col, value }] of this.lost) {
      ctx.warn(
        `column ${column}: ${count.toLocaleString('en-US')} cell${count === 1 ? '' : 's'} hold "${value}" instead of values — values lost in export: re-export with -join (e.g. @{n='${column}';e={$_.${column} -join ';'}}); the column was not used`,
        line,
        col,
      );
    }
  }
}
