import { DnsName } from './dns-name.js';

/**
 * The cell conventions of the templates (docs/templates.md): an empty cell means unknown; booleans are
 * true/false, yes/no, 1/0; counts are non-negative integers with optional thousands separators; lists
 * are separated by ";". Pure, so that the import and the editors' form fields read a cell the same way.
 *
 * A parser sees a trimmed, non-empty cell and returns the value or what is wrong with it (the caller
 * says which column and where).
 */
export type CellParse<T> = { ok: true; value: T } | { ok: false; problem: string };

const ok = <T>(value: T): CellParse<T> => ({ ok: true, value });
const wrong = (problem: string): CellParse<never> => ({ ok: false, problem });

const TRUE = new Set(['true', 'yes', '1']);
const FALSE = new Set(['false', 'no', '0']);

export function parseBool(cell: string): CellParse<boolean> {
  const v = cell.toLowerCase();
  if (TRUE.has(v)) return ok(true);
  if (FALSE.has(v)) return ok(false);
  return wrong(`"${cell}" is not a yes/no value (use true/false, yes/no or 1/0, or leave it empty)`);
}

/** Plain digits, or groups of three split by one consistent separator: "1,234,567", "1.234", "12 000". */
const GROUPED = /^\d{1,3}(?:([,.' \u00a0\u202f\u2019])\d{3})?(?:\1\d{3})*$/;

export function parseCount(cell: string): CellParse<number> {
  if (/^\d+$/.test(cell) || GROUPED.test(cell)) {
    const n = Number(cell.replace(/\D/g, ''));
    if (Number.isSafeInteger(n)) return ok(n);
  }
  return wrong(`"${cell}" is not a count (a whole number of zero or more)`);
}

export function parseDecimal(cell: string): CellParse<number> {
  const v = cell.replace(',', '.');
  const n = Number(v);
  if (/^\d+(\.\d+)?$/.test(v) && Number.isFinite(n)) return ok(n);
  return wrong(`"${cell}" is not a number of zero or more`);
}

export function splitList(cell: string): string[] {
  return cell
    .split(';')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** Matches an allowed value case-insensitively and returns it as spelled in the model. */
export function parseChoice<T extends string>(cell: string, allowed: readonly T[]): CellParse<T> {
  const v = cell.toLowerCase();
  const found = allowed.find((a) => a.toLowerCase() === v);
  return found !== undefined ? ok(found) : wrong(`"${cell}" is not one of ${allowed.join(', ')}`);
}

export function parseDnsName(cell: string): CellParse<string> {
  const parsed = DnsName.safeParse(cell);
  return parsed.success ? ok(parsed.data) : wrong(`"${cell}" is not a DNS name (letters, digits, "-" and "." only)`);
}

export function parseDnsList(cell: string): CellParse<string[]> {
  const names: string[] = [];
  for (const item of splitList(cell)) {
    const parsed = parseDnsName(item);
    if (!parsed.ok) return parsed;
    names.push(parsed.value);
  }
  return ok(names);
}

export const parseText = (cell: string): CellParse<string> => ok(cell);

/** How a value is written back into a template cell; null (unknown) is an empty cell. */
export function formatCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.join(';');
  return String(value);
}
