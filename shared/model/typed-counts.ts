/**
 * Counts a person typed and counts an import computed are both kept (docs/workshop-file.md): a row's
 * count fields hold what the model uses, and `importedCounts` lists each count a person typed over
 * with the value the import computed for it. An import never overwrites a typed count; the person can
 * take the imported value back.
 */
type CountValue = number | null;

export interface CountedRow {
  importedCounts: Partial<Record<string, CountValue>>;
}

type Row = CountedRow & Record<string, unknown>;

/**
 * Exchanges every typed count with the imported value kept for it. An import merges on the values it
 * computed (so a count it does not touch keeps its last imported value), and swapping again before
 * the row is written puts the typed values back in place with the new imported ones beside them. Its
 * own inverse.
 */
export function swapTypedCounts<T extends CountedRow>(row: T): T {
  const keys = Object.keys(row.importedCounts);
  if (keys.length === 0) return row;
  const source = row as unknown as Row;
  const out: Row = { ...source, importedCounts: { ...row.importedCounts } };
  for (const key of keys) {
    out[key] = row.importedCounts[key] ?? null;
    out.importedCounts[key] = (source[key] ?? null) as CountValue;
  }
  return out as unknown as T;
}

/**
 * A row as a person saved it: every count that differs from the stored row becomes typed, and keeps
 * the value it had before (which came from an import, or was unknown) as its imported value. What the
 * editor sent as `importedCounts` is ignored: only stored rows say what an import computed.
 */
export function withTypedCounts<T extends CountedRow>(stored: T | null, edited: T, counts: readonly string[]): T {
  const before = (stored ?? null) as unknown as Row | null;
  const after = edited as unknown as Row;
  const importedCounts: Partial<Record<string, CountValue>> = { ...(stored?.importedCounts ?? {}) };
  for (const key of counts) {
    if (key in importedCounts) continue;
    const previous = (before?.[key] ?? null) as CountValue;
    if (after[key] !== previous) importedCounts[key] = previous;
  }
  return { ...edited, importedCounts };
}

/** The row with the imported value of `key` back in use; nothing changes for a count nobody typed. */
export function useImportedCount<T extends CountedRow>(row: T, key: string): T {
  if (!(key in row.importedCounts)) return row;
  const { [key]: imported, ...rest } = row.importedCounts;
  return { ...row, [key]: imported ?? null, importedCounts: rest };
}

/** Whether a person typed this count. */
export const isTyped = (row: CountedRow, key: string): boolean => key in row.importedCounts;
