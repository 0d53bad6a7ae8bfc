import { FEATURE_NAMES, type Features } from '../../../../shared/model/inventory';
import { FEATURE_LABELS } from '../../../../shared/model/feature-labels';

interface Props {
  forest: string;
  features: Features;
  saved: Features;
  onChange(features: Features): void;
  onSave(): void;
  onDiscard(): void;
}

const tri = (value: boolean | null) => (value === null ? '' : value ? 'yes' : 'no');

/** Edits a forest's features for a what-if; nothing is written until the user saves. */
export function WhatIfFeatures({ forest, features, saved, onChange, onSave, onDiscard }: Props) {
  const dirty = FEATURE_NAMES.some((n) => features[n] !== saved[n]);
  return (
    <fieldset className="features what-if-features" aria-label={`Features of ${forest}`}>
      <legend>Features in use (what-if)</legend>
      {FEATURE_NAMES.map((name) => (
        <div className={`field inline${features[name] !== saved[name] ? ' changed' : ''}`} key={name}>
          <label htmlFor={`whatif-${forest}-${name}`}>{FEATURE_LABELS[name]}</label>
          <select
            id={`whatif-${forest}-${name}`}
            value={tri(features[name])}
            onChange={(e) => onChange({ ...features, [name]: e.target.value === '' ? null : e.target.value === 'yes' })}
          >
            <option value="">Unknown</option>
            <option value="yes">Yes</option>
            <option value="no">No</option>
          </select>
        </div>
      ))}
      {dirty && (
        <div className="row end what-if-actions">
          <button type="button" onClick={onDiscard}>
            Discard what-if
          </button>
          <button type="button" className="primary" onClick={onSave}>
            Save to workshop
          </button>
        </div>
      )}
    </fieldset>
  );
}
