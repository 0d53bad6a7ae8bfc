import { useDeferredValue, useState } from 'react';
import { count } from '../../../../shared/engine/format';
import { api } from '../../api/transport';
import { useNotifier } from '../../ui/notifications';
import { ReadState } from '../workshop/ReadState';
import { Gantt } from './Gantt';
import { SettingsForm } from './SettingsForm';
import { TaskDetail } from './TaskDetail';
import { usePlan } from './use-plan';
import { WaveEditor } from './WaveEditor';
import './plan.css';

/**
 * The phased migration plan: settings, timeline with the critical path, task details with runbooks,
 * wave membership and the planner's notes. Every change is saved to the workshop and is a step of the
 * workshop's one undo history (Ctrl+Z, Ctrl+Shift+Z or Ctrl+Y, Edit → Undo, the Undo button), with the
 * model's edits.
 */
export function PlanPanel() {
  const notifier = useNotifier();
  const { read, view, today, saving, change } = usePlan();
  const [selected, setSelected] = useState<string | null>(null);
  const [exporting, setExporting] = useState(false);
  // What lies below the timeline (waves, notes) is drawn in a second, interruptible pass: the timeline
  // paints first, and no single task blocks the page for long.
  const below = useDeferredValue(view, null);

  if (!view) return <ReadState read={read} loading="Planning…" />;
  const { plan } = view;
  const planned = plan.forests.filter((f) => f.start !== null);

  const exportCsv = async () => {
    setExporting(true);
    const result = await api['plan.exportTasksCsv']({ today });
    setExporting(false);
    if (!result.ok) notifier.error(result.error);
    else if (result.value) notifier.notify({ kind: 'info', message: `Tasks exported to ${result.value.path}` });
  };

  return (
    <div className="plan">
      <div className="toolbar plan-toolbar">
        <h2>Plan</h2>
        <span className="muted plan-summary" aria-live="polite">
          {planned.length > 0 ? (
            <>
              <span data-testid="plan-start">{plan.start}</span> to <span data-testid="plan-end">{plan.end}</span>: {count(planned.length)} of {count(plan.forests.length)} forests planned,{' '}
              {count(plan.criticalTasks)} tasks on the critical path
            </>
          ) : (
            'No forest can be planned yet.'
          )}
          {saving && ' (saving…)'}
        </span>
        <span className="spacer" />
        <button type="button" onClick={() => void exportCsv()} disabled={exporting || planned.length === 0}>
          Export tasks (CSV)
        </button>
      </div>
      <SettingsForm settings={plan.settings} planStart={plan.start} onChange={(settings) => change((current) => ({ ...current, settings }))} />
      <div className={`plan-main${selected ? ' with-detail' : ''}`}>
        <Gantt plan={plan} today={today} selected={selected} onSelect={setSelected} />
        {selected && (
          <TaskDetail
            today={today}
            taskId={selected}
            onSelect={setSelected}
            onClose={() => setSelected(null)}
            onDuration={(days) =>
              change((current) => {
                const { [selected]: _old, ...rest } = current.edits.durations;
                return { ...current, edits: { ...current.edits, durations: days === null ? rest : { ...rest, [selected]: days } } };
              })
            }
          />
        )}
      </div>
      {below && (
        <WaveEditor
          plan={below.plan}
          today={today}
          onMove={(key, wave) => change((current) => ({ ...current, edits: { ...current.edits, waves: { ...current.edits.waves, [key]: wave } } }))}
          onReset={(keys) =>
            change((current) => ({ ...current, edits: { ...current.edits, waves: Object.fromEntries(Object.entries(current.edits.waves).filter(([k]) => !keys.includes(k))) } }))
          }
        />
      )}
      {below && below.plan.notes.length > 0 && (
        <section className="panel plan-notes" aria-labelledby="plan-notes-heading">
          <h3 id="plan-notes-heading">Notes and assumptions</h3>
          <ul>
            {below.plan.notes.map((n, i) => (
              <li key={i}>{n}</li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
