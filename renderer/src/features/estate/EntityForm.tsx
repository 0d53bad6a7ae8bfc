import { useId, useRef, useState, type FormEvent, type KeyboardEvent, type ReactNode } from 'react';
import { EDITABLE_ENTITIES, type EditableEntity, type EditableValue as EntityValue, type RowKey } from '../../../../shared/edit/edit-schema';
import type { AnyField } from '../../../../shared/model/entity';
import type { AppError } from '../../../../shared/result';
import { useWrite } from '../../api/workshop-data';
import { useNotifier } from '../../ui/notifications';
import { fieldText, isFormField, readFieldText } from './field-text';


/**
 * How a field that names another row is entered: a select of the rows it may name, a text box that
 * suggests them (a tenant may be new), or checkboxes for a list (the forests a Connect server syncs).
 * `within`: only the rows that belong to what another field of the form names (an agent host's domain
 * is one of its forest's domains), by each option's parent.
 */
export type Reference = { kind: 'select' | 'suggest' | 'multi'; options: readonly string[]; within?: { field: string; parentOf: ReadonlyMap<string, string> } };

/** The options a reference offers, given the form's texts: narrowed to the parent's rows once that field is filled in. */
export function offeredOptions(ref: Reference, texts: Readonly<Record<string, string>>): readonly string[] {
  const parent = ref.within ? (texts[ref.within.field] ?? '').toLowerCase() : '';
  if (!ref.within || parent === '') return ref.options;
  const { parentOf } = ref.within;
  return ref.options.filter((o) => parentOf.get(o)?.toLowerCase() === parent);
}

interface Props<E extends EditableEntity> {
  entity: E;
  initial: EntityValue<E>;
  /** The row's key as stored: absent for a new row. */
  previous?: RowKey;
  references?: Partial<Record<string, Reference>>;
  /** Fields the generic form does not draw (a forest's features), drawn by the caller from the value. */
  extra?: (value: EntityValue<E>, set: (value: EntityValue<E>) => void) => ReactNode;
  /** A note under a field (which counts were typed over an import). */
  hint?: (key: string) => ReactNode;
  onCancel(): void;
  onSaved(value: EntityValue<E>): void;
}

const UNKNOWN = '';

/** The field an error path names: "edit.value.forest" and "forest" both mean the forest field. */
const fieldOfPath = (path: string) => path.replace(/^edit\.value\./, '').split('.')[0] ?? '';

/**
 * Adds or edits one row of any entity, its fields drawn from the entity's description: a field added
 * there shows up here. Values are checked with the entity's schema before they are sent and again by
 * main; each problem shows next to its field. Escape cancels.
 */
export function EntityForm<E extends EditableEntity>({ entity, initial, previous, references = {}, extra, hint, onCancel, onSaved }: Props<E>) {
  const spec = EDITABLE_ENTITIES[entity];
  const fields = (Object.entries(spec.fields) as [string, AnyField][]).filter(([, f]) => isFormField(f));
  const notifier = useNotifier();
  const write = useWrite();
  const id = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const [value, setValue] = useState<EntityValue<E>>(initial);
  const [texts, setTexts] = useState<Record<string, string>>(() =>
    Object.fromEntries(fields.map(([key, field]) => [key, fieldText(field, (initial as Record<string, unknown>)[key])])),
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);

  const showErrors = (found: Record<string, string>) => {
    setErrors(found);
    // Focus the first field at fault so a keyboard user lands on it.
    requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
  };

  const serverErrors = (error: AppError) => {
    const known = (error.issues ?? []).filter((i) => fields.some(([key]) => key === fieldOfPath(i.path)));
    if (known.length === 0) return false;
    showErrors(Object.fromEntries(known.map((i) => [fieldOfPath(i.path), i.message])));
    return true;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    const next: Record<string, unknown> = { ...value };
    for (const [key, field] of fields) {
      const ref = references[key];
      if (ref?.kind === 'multi') continue;
      const read = readFieldText(field, texts[key] ?? '');
      if (read.ok) next[key] = read.value;
      else found[key] = read.problem;
    }
    const checked = spec.schema.safeParse(next);
    if (!checked.success) for (const issue of checked.error.issues) found[String(issue.path[0])] ??= issue.message;
    if (Object.keys(found).length > 0) return showErrors(found);
    setSaving(true);
    const saved = checked.data as EntityValue<E>;
    const result = await write('edit.apply', { edit: { op: 'save', entity, value: saved, ...(previous ? { previous } : {}) } as never });
    setSaving(false);
    if (result.ok) return onSaved(saved);
    if (!serverErrors(result.error)) notifier.error(result.error, () => void submit(event));
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      onCancel();
    }
  };

  const setText = (key: string, text: string) => setTexts((t) => ({ ...t, [key]: text }));
  const noun = spec.noun;
  const title = previous ? `Edit ${noun} ${previous.join(' → ')}` : `New ${noun}`;
  let first = true;

  return (
    <form ref={formRef} className="panel entity-form" aria-label={title} onSubmit={(e) => void submit(e)} onKeyDown={onKeyDown} noValidate>
      <h3>{title}</h3>
      <div className="fields">
        {fields.map(([key, field]) => {
          const inputId = `${id}-${key}`;
          const errorId = `${entity}-${key}-error`;
          const invalid = errors[key] !== undefined;
          const describedBy = invalid ? errorId : undefined;
          const autoFocus = first;
          first = false;
          const ref = references[key];
          const common = { id: inputId, 'aria-invalid': invalid || undefined, 'aria-required': field.required || undefined, 'aria-describedby': describedBy, autoFocus } as const;
          let input: ReactNode;
          if (ref?.kind === 'multi') {
            const chosen = new Set((value as Record<string, unknown>)[key] as string[]);
            input = (
              <div className="multi-choice" role="group" aria-labelledby={`${inputId}-label`}>
                {ref.options.length === 0 && <span className="muted">None in this workshop yet</span>}
                {ref.options.map((option) => (
                  <label key={option} className="toggle">
                    <input
                      type="checkbox"
                      checked={chosen.has(option)}
                      onChange={(e) => {
                        const list = ref.options.filter((o) => (o === option ? e.target.checked : chosen.has(o)));
                        setValue((v) => ({ ...v, [key]: list }));
                      }}
                    />
                    {option}
                  </label>
                ))}
              </div>
            );
          } else if (field.kind === 'flag') {
            input = (
              <select {...common} value={texts[key]} onChange={(e) => setText(key, e.target.value)}>
                <option value={UNKNOWN}>Unknown</option>
                <option value="yes">Yes</option>
                <option value="no">No</option>
              </select>
            );
          } else if (field.kind === 'choice' || ref?.kind === 'select') {
            const options = field.choices ?? (ref ? offeredOptions(ref, texts) : []).map((o) => ({ value: o, label: o }));
            const current = texts[key] ?? '';
            // A stored value the list does not offer stays selectable, so saving never changes it silently;
            // it says why it is not among them when another field's choice left it out.
            const outside = ref?.within && ref.options.includes(current) ? ` (not in ${texts[ref.within.field]})` : '';
            const all = current && !options.some((o) => o.value === current) ? [...options, { value: current, label: `${current}${outside}` }] : options;
            input = (
              <select {...common} value={current} onChange={(e) => setText(key, e.target.value)}>
                {(!field.required || current === '') && <option value={UNKNOWN}>{field.required ? 'Choose…' : 'Unknown'}</option>}
                {all.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </select>
            );
          } else if (field.kind === 'notes') {
            input = <textarea {...common} rows={2} value={texts[key]} onChange={(e) => setText(key, e.target.value)} />;
          } else {
            const numeric = field.kind === 'count' || field.kind === 'decimal';
            input = (
              <>
                <input
                  {...common}
                  value={texts[key]}
                  inputMode={numeric ? 'decimal' : undefined}
                  placeholder={field.example ? `e.g. ${field.example}` : undefined}
                  list={ref?.kind === 'suggest' ? `${inputId}-options` : undefined}
                  onChange={(e) => setText(key, e.target.value)}
                />
                {ref?.kind === 'suggest' && (
                  <datalist id={`${inputId}-options`}>
                    {ref.options.map((o) => (
                      <option key={o} value={o} />
                    ))}
                  </datalist>
                )}
              </>
            );
          }
          return (
            <div className={`field${field.kind === 'notes' || ref?.kind === 'multi' ? ' wide' : ''}`} key={key}>
              <label id={`${inputId}-label`} htmlFor={ref?.kind === 'multi' ? undefined : inputId}>
                {field.label}
                {field.required && <span aria-hidden="true"> *</span>}
              </label>
              {input}
              {hint?.(key)}
              {invalid && (
                <p id={errorId} className="field-error" role="alert">
                  {errors[key]}
                </p>
              )}
            </div>
          );
        })}
      </div>
      {extra?.(value, setValue)}
      <div className="row end">
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={saving}>
          Save {noun}
        </button>
      </div>
    </form>
  );
}
