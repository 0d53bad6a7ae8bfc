import type { ColumnMapping } from '../../shared/import/summary.js';

/**
 * Header names compare without case, spaces, underscores or hyphens, so `distinguished_name`,
 * `DistinguishedName` and ADRecon's `Distinguished Name` are the same column.
 */
export function headerKey(name: string): string {
  return name.replace(/^\uFEFF/, '').replace(/[\s_-]+/g, '').toLowerCase();
}

export interface FieldSpec {
  field: string;
  /** Header names that feed the field, in preference order; compared through headerKey. */
  columns: readonly string[];
}

export interface ColumnMap {
  /** Cell index per field; absent when the file has no such column. */
  index: Map<string, number>;
  mapping: ColumnMapping[];
  ignored: string[];
  wanted: boolean[];
}

export function mapColumns(names: readonly string[], specs: readonly FieldSpec[]): ColumnMap {
  const keys = names.map(headerKey);
  const index = new Map<string, number>();
  const fieldOf: (string | null)[] = names.map(() => null);
  for (const spec of specs) {
    for (const column of spec.columns) {
      const at = keys.findIndex((key, i) => key === headerKey(column) && fieldOf[i] === null);
      if (at !== -1) {
        index.set(spec.field, at);
        fieldOf[at] = spec.field;
        break;
      }
    }
  }
  return {
    index,
    mapping: names.map((column, i) => ({ column, field: fieldOf[i] ?? null })),
    ignored: names.filter((_, i) => fieldOf[i] === null),
    wanted: fieldOf.map((f) => f !== null),
  };
}

/** "a, b, c and 12 more": keeps warnings about 200-column exports readable. */
export function listSome(items: readonly string[], max = 10): string {
  const shown = items.slice(0, max).map((s) => (s === '' ? '(empty name)' : s));
  return items.length > max ? `${shown.join(', ')} and ${items.length - max} more` : shown.join(', ');
}
