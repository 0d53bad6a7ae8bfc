import { useId, useState } from 'react';
import { IsoDate, type FreezeWindow, type PlanSettings } from '../../../../shared/plan/plan-schema';
import { DEFAULT_DURATIONS } from '../../../../shared/plan/durations';
import { DURATION_KINDS, WEEKDAYS } from './labels';
import { useCommittedInput } from './use-committed-input';

interface Props {
  settings: PlanSettings;
  /** The plan's first day (today when the settings have no start date). */
  planStart: string;
  onChange: (settings: PlanSettings) => void;
}

/** A whole number committed on Enter or when the field loses focus; out-of-range values are refused in place. */
function NumberField(props: { label: string; value: number | null; min: number; max: number; placeholder?: string; onCommit: (value: number | null) => void; allowEmpty?: boolean }) {
  const id = useId();
  const parse = (text: string): number | null | undefined => {
    if (text.trim() === '') return props.allowEmpty ? null : undefined;
    const n = Number(text);
    return Number.isInteger(n) && n >= props.min && n <= props.max ? n : undefined;
  };
  const { valid, inputProps } = useCommittedInput(props.value === null ? '' : String(props.value), parse, props.onCommit);
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <input id={id} type="number" inputMode="numeric" min={props.min} max={props.max} placeholder={props.placeholder} aria-describedby={valid ? undefined : `${id}-error`} {...inputProps} />
      {!valid && (
        <p id={`${id}-error`} className="field-error">
          A whole number from {props.min} to {props.max}
          {props.allowEmpty ? ', or empty for the default' : ''}.
        </p>
      )}
    </div>
  );
}

function DateList({ label, dates, onChange }: { label: string; dates: readonly string[]; onChange: (dates: string[]) => void }) {
  const id = useId();
  const [draft, setDraft] = useState('');
  const add = () => {
    if (!IsoDate.safeParse(draft).success || dates.includes(draft)) return;
    onChange([...dates, draft].sort());
    setDraft('');
  };
  return (
    <fieldset className="plan-list">
      <legend>{label}</legend>
      <ul aria-label={label}>
        {dates.map((d) => (
          <li key={d}>
            <span>{d}</span>
            <button type="button" className="ghost small" aria-label={`Remove ${d}`} onClick={() => onChange(dates.filter((x) => x !== d))}>
              ×
            </button>
          </li>
        ))}
        {dates.length === 0 && <li className="muted">None</li>}
      </ul>
      <div className="row">
        <label htmlFor={id} className="sr-only">
          Add a date to {label.toLowerCase()}
        </label>
        <input id={id} type="date" value={draft} onChange={(e) => setDraft(e.target.value)} onKeyDown={(e) => e.key === 'Enter' && add()} />
        <button type="button" className="small" onClick={add} disabled={!IsoDate.safeParse(draft).success}>
          Add
        </button>
      </div>
    </fieldset>
  );
}

function FreezeWindows({ windows, onChange }: { windows: readonly FreezeWindow[]; onChange: (windows: FreezeWindow[]) => void }) {
  const [draft, setDraft] = useState<FreezeWindow>({ start: '', end: '', reason: '' });
  const complete = IsoDate.safeParse(draft.start).success && IsoDate.safeParse(draft.end).success;
  const ordered = complete && draft.end >= draft.start;
  const add = () => {
    if (!ordered) return;
    onChange([...windows, draft].sort((a, b) => (a.start < b.start ? -1 : 1)));
    setDraft({ start: '', end: '', reason: '' });
  };
  return (
    <fieldset className="plan-list">
      <legend>Freeze windows</legend>
      <ul aria-label="Freeze windows">
        {windows.map((w, i) => (
          <li key={`${w.start}-${w.end}-${i}`}>
            <span>
              {w.start} to {w.end}
              {w.reason ? ` (${w.reason})` : ''}
            </span>
            <button type="button" className="ghost small" aria-label={`Remove freeze window ${w.start} to ${w.end}`} onClick={() => onChange(windows.filter((_, j) => j !== i))}>
              ×
            </button>
          </li>
        ))}
        {windows.length === 0 && <li className="muted">None</li>}
      </ul>
      <div className="row">
        <label>
          <span className="sr-only">Freeze window start</span>
          <input type="date" value={draft.start} onChange={(e) => setDraft({ ...draft, start: e.target.value })} />
        </label>
        <label>
          <span className="sr-only">Freeze window end</span>
          <input type="date" value={draft.end} aria-invalid={complete && !ordered} onChange={(e) => setDraft({ ...draft, end: e.target.value })} />
        </label>
        <label>
          <span className="sr-only">Freeze window reason</span>
          <input type="text" placeholder="Reason" maxLength={200} value={draft.reason} onChange={(e) => setDraft({ ...draft, reason: e.target.value })} />
        </label>
        <button type="button" className="small" onClick={add} disabled={!ordered}>
          Add
        </button>
      </div>
      {complete && !ordered && <p className="field-error">A freeze window ends on or after its start.</p>}
    </fieldset>
  );
}

/** A date typed digit by digit passes through odd years on the way: it is committed on Enter or on leaving the field. */
function StartDate({ value, isDefault, onCommit }: { value: string; isDefault: boolean; onCommit: (date: string) => void }) {
  const id = useId();
  const { inputProps } = useCommittedInput(value, (text) => (IsoDate.safeParse(text).success ? text : undefined), onCommit);
  return (
    <div className="field">
      <label htmlFor={id}>Start date</label>
      <input id={id} type="date" {...inputProps} />
      {isDefault && <span className="muted small">Today, until you set a date</span>}
    </div>
  );
}

/** The planning settings stored in the workshop; every change re-plans and can be undone. */
export function SettingsForm({ settings, planStart, onChange }: Props) {
  const set = (patch: Partial<PlanSettings>) => onChange({ ...settings, ...patch });
  const toggleDay = (day: number) => {
    const days = settings.workingDays.includes(day) ? settings.workingDays.filter((d) => d !== day) : [...settings.workingDays, day].sort();
    if (days.length > 0) set({ workingDays: days });
  };
  return (
    <form className="panel plan-settings" aria-label="Planning settings" onSubmit={(e) => e.preventDefault()}>
      <h3>Planning settings</h3>
      <div className="fields">
        <StartDate value={settings.start ?? planStart} isDefault={settings.start === null} onCommit={(start) => set({ start })} />
        <NumberField label="Largest wave (objects)" value={settings.maxWaveObjects} min={1} max={10_000_000} onCommit={(v) => v !== null && set({ maxWaveObjects: v })} />
        <NumberField label="Team capacity (forests at once)" value={settings.teamCapacity} min={1} max={50} onCommit={(v) => v !== null && set({ teamCapacity: v })} />
        <NumberField label="Validation period (working days)" value={settings.validationDays} min={1} max={250} onCommit={(v) => v !== null && set({ validationDays: v })} />
      </div>
      <fieldset className="working-days">
        <legend>Working days</legend>
        {WEEKDAYS.map((d) => (
          <label key={d.day} className="toggle">
            <input type="checkbox" checked={settings.workingDays.includes(d.day)} disabled={settings.workingDays.length === 1 && settings.workingDays.includes(d.day)} onChange={() => toggleDay(d.day)} />
            {d.label}
          </label>
        ))}
      </fieldset>
      <div className="plan-lists">
        <DateList label="Holidays" dates={settings.holidays} onChange={(holidays) => set({ holidays })} />
        <FreezeWindows windows={settings.freezeWindows} onChange={(freezeWindows) => set({ freezeWindows })} />
      </div>
      <details className="durations">
        <summary>Durations per task kind (working days)</summary>
        <div className="fields">
          {DURATION_KINDS.map(({ kind, label }) => (
            <NumberField
              key={kind}
              label={label}
              value={settings.durations[kind] ?? null}
              placeholder={`${DEFAULT_DURATIONS[kind]} (default)`}
              min={0}
              max={250}
              allowEmpty
              onCommit={(v) => {
                const { [kind]: _old, ...rest } = settings.durations;
                set({ durations: v === null ? rest : { ...rest, [kind]: v } });
              }}
            />
          ))}
        </div>
      </details>
    </form>
  );
}
