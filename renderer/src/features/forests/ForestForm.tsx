import { useState, type FormEvent, type KeyboardEvent } from 'react';
import { FEATURE_NAMES, type FeatureName, type Forest } from '../../../../shared/model/inventory';
import { useWrite } from '../../api/workshop-data';
import { useNotifier } from '../../ui/notifications';
import { FEATURE_LABELS } from '../../../../shared/model/feature-labels';
import { fieldLabels } from '../../../../shared/model/entity';
import { forestEntity } from '../../../../shared/model/entities';

const LABELS = fieldLabels(forestEntity);
/** The forest's fields that are one of a list of values, as selects; their values and labels come from the description. */
const CHOICES = ['network', 'currentEngine', 'sourceAnchor', 'topologyRole', 'cloud'] as const;

interface Props {
  initial: Forest;
  previousName: string | undefined;
  onCancel(): void;
  onSaved(forest: Forest): void;
}

const UNKNOWN = { value: '', label: 'Unknown' } as const;

function Select(props: {
  id: string;
  label: string;
  value: string | null;
  options: readonly { value: string; label: string }[];
  onChange(value: string | null): void;
}) {
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      <select id={props.id} value={props.value ?? ''} onChange={(e) => props.onChange(e.target.value || null)}>
        {[UNKNOWN, ...props.options].map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

const tri = (value: boolean | null) => (value === null ? '' : value ? 'yes' : 'no');
const fromTri = (value: string) => (value === '' ? null : value === 'yes');

export function ForestForm({ initial, previousName, onCancel, onSaved }: Props) {
  const notifier = useNotifier();
  const write = useWrite();
  const [forest, setForest] = useState<Forest>(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const set = <K extends keyof Forest>(key: K, value: Forest[K]) => setForest((f) => ({ ...f, [key]: value }));
  const setFeature = (name: FeatureName, value: boolean | null) =>
    setForest((f) => ({ ...f, features: { ...f.features, [name]: value } }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await write('forests.save', { forest, ...(previousName ? { previousName } : {}) });
    if (result.ok) return onSaved(result.value);
    if (result.error.issues?.length) {
      setErrors(Object.fromEntries(result.error.issues.map((i) => [i.path.replace(/^forest\./, ''), i.message])));
    } else {
      setErrors({});
      notifier.error(result.error, () => void submit(event));
    }
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') onCancel();
  };

  const title = previousName ? `Edit forest ${previousName}` : 'New forest';
  return (
    <form className="panel forest-form" aria-label={title} onSubmit={(e) => void submit(e)} onKeyDown={onKeyDown}>
      <h3>{title}</h3>
      <div className="fields">
        <div className="field">
          <label htmlFor="forest-name">{LABELS.forest}</label>
          <input
            id="forest-name"
            autoFocus
            value={forest.forest}
            placeholder="contoso.com"
            aria-invalid={errors.forest ? true : undefined}
            aria-describedby={errors.forest ? 'forest-name-error' : undefined}
            onChange={(e) => set('forest', e.target.value)}
          />
          {errors.forest && (
            <p id="forest-name-error" className="field-error" role="alert">
              {errors.forest}
            </p>
          )}
        </div>
        <div className="field">
          <label htmlFor="forest-tenant">{LABELS.tenant}</label>
          <input id="forest-tenant" value={forest.tenant ?? ''} placeholder="contoso.onmicrosoft.com" onChange={(e) => set('tenant', e.target.value || null)} />
        </div>
        {CHOICES.map((key) => (
          <Select
            key={key}
            id={`forest-${key}`}
            label={LABELS[key]}
            value={forest[key]}
            options={forestEntity.fields[key].choices}
            onChange={(value) => set(key, value as never)}
          />
        ))}
        <div className="field">
          <label htmlFor="forest-level">{LABELS.functionalLevel}</label>
          <input id="forest-level" value={forest.functionalLevel ?? ''} placeholder="Windows2016Forest" onChange={(e) => set('functionalLevel', e.target.value || null)} />
        </div>
      </div>
      <fieldset className="features">
        <legend>{LABELS.features}</legend>
        {FEATURE_NAMES.map((name) => (
          <div className="field inline" key={name}>
            <label htmlFor={`feature-${name}`}>{FEATURE_LABELS[name]}</label>
            <select id={`feature-${name}`} value={tri(forest.features[name])} onChange={(e) => setFeature(name, fromTri(e.target.value))}>
              <option value="">Unknown</option>
              <option value="yes">Yes</option>
              <option value="no">No</option>
            </select>
          </div>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor="forest-notes">{LABELS.notes}</label>
        <textarea id="forest-notes" rows={2} value={forest.notes} onChange={(e) => set('notes', e.target.value)} />
      </div>
      <div className="row end">
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="primary">
          Save forest
        </button>
      </div>
    </form>
  );
}
