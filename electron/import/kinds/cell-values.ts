import { DnsName } from '../../../shared/model/inventory.js';
import type { Cell } from '../csv/parse.js';
import type { FileContext } from './context.js';

/**
 * Cell conventions of the templates (interfaces §3): an empty cell means unknown; booleans are
 * true/false, yes/no, 1/0; counts are non-negative integers with optional thousands separators;
 * lists are separated by ";".
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

const TRUE = new Set(['true', 'yes', '1']);
const FALSE = new Set(['false', 'no', '0']);

export function bool(cell: Cell | undefined, at: CellAt): boolean | undefined {
  if (isBlank(cell)) return undefined;
  const v = cell.trim().toLowerCase();
  if (TRUE.has(v)) return true;
  if (FALSE.has(v)) return false;
  return at.ctx.fail(`column ${at.name}: "${cell.trim()}" is not a yes/no value (use true/false, yes/no or 1/0, or leave it empty)`, at.line, at.column);
}

/** Plain digits, or groups of three split by one consistent separator: "1,234,567", "1.234", "12 000". */
const GROUPED = /^\d{1,3}(?:([,.' \u00a0\u202f\u2019])\d{3})?(?:\1\d{3})*$/;

export function count(cell: Cell | undefined, at: CellAt): number | undefined {
  if (isBlank(cell)) return undefined;
  const v = cell.trim();
  if (/^\d+$/.test(v) || GROUPED.test(v)) {
    const n = Number(v.replace(/\D/g, ''));
    if (Number.isSafeInteger(n)) return n;
  }
  return at.ctx.fail(`column ${at.name}: "${v}" is not a count (a whole number of zero or more)`, at.line, at.column);
}

export function decimal(cell: Cell | undefined, at: CellAt): number | undefined {
  if (isBlank(cell)) return undefined;
  const v = cell.trim().replace(',', '.');
  const n = Number(v);
  if (/^\d+(\.\d+)?$/.test(v) && Number.isFinite(n)) return n;
  return at.ctx.fail(`column ${at.name}: "${cell.trim()}" is not a number of zero or more`, at.line, at.column);
}

export function list(cell: Cell | undefined): string[] | undefined {
  if (isBlank(cell)) return undefined;
  return cell
    .split(';')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** Matches an allowed value case-insensitively and returns it as spelled in the model. */
export function oneOf<T extends string>(cell: Cell | undefined, allowed: readonly T[], at: CellAt): T | undefined {
  if (isBlank(cell)) return undefined;
  const v = cell.trim().toLowerCase();
  const found = allowed.find((a) => a.toLowerCase() === v);
  if (found !== undefined) return found;
  return at.ctx.fail(`column ${at.name}: "${cell.trim()}" is not one of ${allowed.join(', ')}`, at.line, at.column);
}

export function dnsName(cell: Cell | undefined, at: CellAt): string | undefined {
  if (isBlank(cell)) return undefined;
  const parsed = DnsName.safeParse(cell);
  if (parsed.success) return parsed.data;
  return at.ctx.fail(`column ${at.name}: "${cell.trim()}" is not a DNS name (letters, digits, "-" and "." only)`, at.line, at.column);
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

export class LostValues {
  private readonly lost = new Map<string, { count: number; line: number; column: number; value: string }>();

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
