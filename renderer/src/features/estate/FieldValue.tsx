import { EDITABLE_ENTITIES } from '../../../../shared/edit/edit-schema';
import type { AnyField } from '../../../../shared/model/entity';
import { isTyped, type CountedRow } from '../../../../shared/model/typed-counts';
import { useWrite } from '../../api/workshop-data';
import { useNotifier } from '../../ui/notifications';

const Unknown = () => <span className="muted">unknown</span>;

/** A stored value as a list shows it; unknown says so rather than showing blank or 0. */
export function FieldValue({ field, value }: { field: AnyField; value: unknown }) {
  if (value === null || value === undefined) return <Unknown />;
  switch (field.kind) {
    case 'flag':
      return <>{value ? 'Yes' : 'No'}</>;
    case 'choice':
      return <>{field.choices?.find((c) => c.value === value)?.label ?? String(value)}</>;
    case 'dns-names':
      return (value as string[]).length === 0 ? <span className="muted">none</span> : <>{(value as string[]).join(', ')}</>;
    case 'count':
    case 'decimal':
      return <>{(value as number).toLocaleString('en-US')}</>;
    default:
      return <>{String(value)}</>;
  }
}

const formatCount = (n: number | null | undefined) => (n === null || n === undefined ? 'unknown' : n.toLocaleString('en-US'));

/** A count, or "unknown" (muted) when nobody knows it: never blank, never 0. */
export function KnownCount({ value }: { value: number | null | undefined }) {
  return value === null || value === undefined ? <Unknown /> : <>{formatCount(value)}</>;
}

/**
 * A count of a domain or OU: the value in use, marked "typed" when a person typed it over what an
 * import computed, with the imported value one click away.
 */
export function CountValue({ entity, row, count, rowKey }: { entity: 'domain' | 'ou'; row: CountedRow & Record<string, unknown>; count: string; rowKey: string }) {
  const write = useWrite();
  const notifier = useNotifier();
  const value = row[count] as number | null;
  if (!isTyped(row, count)) return <KnownCount value={value} />;
  const imported = row.importedCounts[count] ?? null;
  const label = (EDITABLE_ENTITIES[entity].fields as Record<string, { label: string }>)[count]?.label ?? count;
  const takeImported = async () => {
    const result = await write('edit.apply', { edit: { op: 'use-imported', entity, key: rowKey, counts: [count] } });
    if (!result.ok) notifier.error(result.error);
  };
  return (
    <span className="typed-count">
      <KnownCount value={value} />{' '}
      <span className="badge typed-badge" title={`Typed in the app; the import said ${formatCount(imported)}`}>
        typed
      </span>
      <button type="button" className="link small" onClick={() => void takeImported()} title={`Use the imported value: ${formatCount(imported)}`}>
        use imported ({formatCount(imported)})<span className="sr-only"> {label.toLowerCase()} of {rowKey}</span>
      </button>
    </span>
  );
}
