import { useState, type ReactNode } from 'react';
import { EDITABLE_ENTITIES, keyOf, type EditableEntity, type EditableValue, type RowKey } from '../../../../shared/edit/edit-schema';
import type { AnyField } from '../../../../shared/model/entity';
import { EntityForm } from './EntityForm';
import { CountValue, FieldValue } from './FieldValue';
import { referencesFor, type KnownRows } from './references';
import { useDeleteRow } from './use-delete-row';

export interface ExtraColumn<T> {
  label: string;
  numeric?: boolean;
  cell(row: T): ReactNode;
}

interface Props<E extends EditableEntity> {
  entity: E;
  title: string;
  rows: readonly EditableValue<E>[];
  /** The rows this entity's fields may name (a forest's tenant, a domain's forest). */
  known: KnownRows;
  /** The fields shown as columns, after the key (the first field of the key is the row's header). */
  columns: readonly string[];
  extraColumns?: readonly ExtraColumn<EditableValue<E>>[];
  newRow(): EditableValue<E>;
  empty: string;
  /** Controls beside the title (a filter). */
  tools?: ReactNode;
  formExtra?: Parameters<typeof EntityForm<E>>[0]['extra'];
}

type Editing<E extends EditableEntity> = { value: EditableValue<E>; previous?: RowKey } | null;

/**
 * One entity's rows, with Add, Edit and Delete. Columns come from the entity's description; counts that
 * a person typed over an import say so and offer the imported value back.
 */
export function EntityList<E extends EditableEntity>({ entity, title, rows, known, columns, extraColumns = [], newRow, empty, tools, formExtra }: Props<E>) {
  const spec = EDITABLE_ENTITIES[entity];
  const fields = spec.fields as Record<string, AnyField>;
  const [editing, setEditing] = useState<Editing<E>>(null);
  const remove = useDeleteRow();
  const header = spec.key[0] as string;
  const counted = entity === 'domain' || entity === 'ou';
  const label = (key: RowKey) => key.join(' → ');

  return (
    <div className={`entity-list entity-${entity}`}>
      <div className="toolbar">
        <h2>{title}</h2>
        {tools}
        <span className="spacer" />
        <button type="button" className="primary" onClick={() => setEditing({ value: newRow() })}>
          Add {spec.noun}
        </button>
      </div>
      {editing && (
        <EntityForm
          key={editing.previous ? label(editing.previous) : 'new'}
          entity={entity}
          initial={editing.value}
          {...(editing.previous ? { previous: editing.previous } : {})}
          references={referencesFor(entity, known)}
          extra={formExtra}
          hint={(key) =>
            counted && key in (editing.value as { importedCounts: object }).importedCounts ? (
              <p className="muted small-print">Typed in the app; the import said {String((editing.value as { importedCounts: Record<string, number | null> }).importedCounts[key] ?? 'nothing')}.</p>
            ) : null
          }
          onCancel={() => setEditing(null)}
          onSaved={() => setEditing(null)}
        />
      )}
      {rows.length === 0 ? (
        <p className="muted empty">{empty}</p>
      ) : (
        <div className="table-scroll">
          <table className="grid" aria-label={title}>
            <thead>
              <tr>
                <th scope="col">{fields[header]?.label}</th>
                {columns.map((c) => (
                  <th scope="col" key={c} className={fields[c]?.kind === 'count' || fields[c]?.kind === 'decimal' ? 'num' : undefined}>
                    {fields[c]?.label}
                  </th>
                ))}
                {extraColumns.map((c) => (
                  <th scope="col" key={c.label} className={c.numeric ? 'num' : undefined}>
                    {c.label}
                  </th>
                ))}
                <th scope="col">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => {
                const key = keyOf(entity, row);
                const name = label(key);
                const value = row as Record<string, unknown>;
                return (
                  <tr key={name}>
                    <th scope="row">{String(value[header])}</th>
                    {columns.map((c) => {
                      const field = fields[c] as AnyField;
                      const numeric = field.kind === 'count' || field.kind === 'decimal';
                      return (
                        <td key={c} className={numeric ? 'num' : undefined}>
                          {counted && field.kind === 'count' ? (
                            <CountValue entity={entity as 'domain' | 'ou'} row={row as never} count={c} rowKey={key[0] as string} />
                          ) : (
                            <FieldValue field={field} value={value[c]} />
                          )}
                        </td>
                      );
                    })}
                    {extraColumns.map((c) => (
                      <td key={c.label} className={c.numeric ? 'num' : undefined}>
                        {c.cell(row)}
                      </td>
                    ))}
                    <td className="actions">
                      <button type="button" className="small" onClick={() => setEditing({ value: row, previous: key })}>
                        Edit<span className="sr-only"> {name}</span>
                      </button>
                      <button type="button" className="small danger" onClick={() => void remove.request(entity, key)}>
                        Delete<span className="sr-only"> {name}</span>
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {remove.confirmation}
    </div>
  );
}
