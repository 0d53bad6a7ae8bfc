import { useState, type FormEvent, type KeyboardEvent } from 'react';
import { FEATURE_NAMES, type FeatureName, type Forest } from '../../../../shared/model/inventory';
import { api } from '../../api/transport';
import { useNotifier } from '../../ui/notifications';
import { FEATURE_LABELS } from './feature-labels';

interface Props {
  initial: Forest;
  previousName: string | undefined;
  onCancel(): void;
  onSaved(forest: Forest): void;
}

type Choice<T extends string> = { value: T | ''; label: string };
const UNKNOWN = { value: '', label: 'Unknown' } as const;

function Select<T extends string>(props: {
  id: string;
  label: string;
  value: T | null;
  options: Choice<T>[];
  onChange(value: T | null): void;
}) {
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      <select id={props.id} value={props.value ?? ''} onChange={(e) => props.onChange((e.target.value || null) as T | null)}>
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
  const [forest, setForest] = useState<Forest>(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const set = <K extends keyof Forest>(key: K, value: Forest[K]) => setForest((f) => ({ ...f, [key]: value }));
  const setFeature = (name: FeatureName, value: boolean | null) =>
    setForest((f) => ({ ...f, features: { ...f.features, [name]: value } }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await api['forests.save']({ forest, ...(previousName ? { previousName } : {}) });
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
          <label htmlFor="forest-name">Forest root domain</label>
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
          <label htmlFor="forest-tenant">Entra tenant</label>
          <input id="forest-tenant" value={forest.tenant ?? ''} placeholder="contoso.onmicrosoft.com" onChange={(e) => set('tenant', e.target.value || null)} />
        </div>
        <Select
          id="forest-network"
          label="Network"
          value={forest.network}
          options={[
            { value: 'connected', label: 'Connected' },
            { value: 'disconnected', label: 'Disconnected (no line of sight)' },
          ]}
          onChange={(v) => set('network', v)}
        />
        <Select
          id="forest-engine"
          label="Syncs today with"
          value={forest.currentEngine}
          options={[
            { value: 'connect-sync', label: 'Connect Sync' },
            { value: 'cloud-sync', label: 'Cloud Sync' },
            { value: 'none', label: 'Nothing' },
          ]}
          onChange={(v) => set('currentEngine', v)}
        />
        <Select
          id="forest-anchor"
          label="Source anchor"
          value={forest.sourceAnchor}
          options={[
            { value: 'ms-DS-ConsistencyGuid', label: 'ms-DS-ConsistencyGuid' },
            { value: 'objectGUID', label: 'objectGUID' },
            { value: 'other', label: 'Other attribute' },
          ]}
          onChange={(v) => set('sourceAnchor', v)}
        />
        <Select
          id="forest-role"
          label="Topology role"
          value={forest.topologyRole}
          options={[
            { value: 'standard', label: 'Standard' },
            { value: 'account', label: 'Account forest' },
            { value: 'resource', label: 'Resource forest' },
          ]}
          onChange={(v) => set('topologyRole', v)}
        />
        <div className="field">
          <label htmlFor="forest-level">Functional level</label>
          <input id="forest-level" value={forest.functionalLevel ?? ''} placeholder="Windows2016Forest" onChange={(e) => set('functionalLevel', e.target.value || null)} />
        </div>
      </div>
      <fieldset className="features">
        <legend>Features in use today</legend>
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
        <label htmlFor="forest-notes">Notes</label>
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
