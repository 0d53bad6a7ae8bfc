import { useEffect, useEffectEvent, useMemo, useState } from 'react';
import { localToday } from '../../../../shared/plan/calendar';
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

/** Ctrl+Z in a text field undoes the typing, not the plan. */
function editsText(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target instanceof HTMLTextAreaElement || target.isContentEditable) return true;
  return target instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'submit'].includes(target.type);
}

/**
 * The phased migration plan: settings, timeline with the critical path, task details with runbooks,
 * wave membership and the planner's notes. Every change is saved to the workshop and can be undone with
 * Ctrl+Z (Ctrl+Shift+Z or Ctrl+Y to redo) while the Plan view is open.
 */
export function PlanPanel() {
  const notifier = useNotifier();
  const { read, view, saving, canUndo, canRedo, change, undo, redo } = usePlan();
  const [selected, setSelected] = useState<string | null>(null);
  const [exporting, setExporting] = useState(false);
  const task = useMemo(() => (selected && view ? (view.plan.phases.flatMap((p) => p.tasks).find((t) => t.id === selected) ?? null) : null), [selected, view]);

  const onKey = useEffectEvent((event: KeyboardEvent) => {
    if (!(event.ctrlKey || event.metaKey) || event.altKey || editsText(event.target)) return;
    const key = event.key.toLowerCase();
    if (key === 'z' && !event.shiftKey) {
      event.preventDefault();
      undo();
    } else if ((key === 'z' && event.shiftKey) || key === 'y') {
      event.preventDefault();
      redo();
    }
  });
  useEffect(() => {
    const listener = (e: KeyboardEvent) => onKey(e);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);

  if (!view) return <ReadState read={read} loading="Planning…" />;
  const { plan, edits } = view;
  const planned = plan.forests.filter((f) => f.start !== null);

  const exportCsv = async () => {
    setExporting(true);
    const result = await api['plan.exportTasksCsv']({ today: localToday() });
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
              {count(plan.criticalPath.length)} tasks on the critical path
            </>
          ) : (
            'No forest can be planned yet.'
          )}
          {saving && ' (saving…)'}
        </span>
        <span className="spacer" />
        <button type="button" onClick={undo} disabled={!canUndo} aria-keyshortcuts="Control+Z" title="Undo (Ctrl+Z)">
          Undo
        </button>
        <button type="button" onClick={redo} disabled={!canRedo} aria-keyshortcuts="Control+Shift+Z Control+Y" title="Redo (Ctrl+Shift+Z)">
          Redo
        </button>
        <button type="button" onClick={() => void exportCsv()} disabled={exporting || planned.length === 0}>
          Export tasks (CSV)
        </button>
      </div>
      <SettingsForm settings={plan.settings} planStart={plan.start} onChange={(settings) => change((current) => ({ ...current, settings }))} />
      <div className={`plan-main${task ? ' with-detail' : ''}`}>
        <Gantt plan={plan} selected={selected} onSelect={setSelected} />
        {task && (
          <TaskDetail
            plan={plan}
            task={task}
            onSelect={setSelected}
            onClose={() => setSelected(null)}
            onDuration={(days) =>
              change((current) => {
                const { [task.id]: _old, ...rest } = current.edits.durations;
                return { ...current, edits: { ...current.edits, durations: days === null ? rest : { ...rest, [task.id]: days } } };
              })
            }
          />
        )}
      </div>
      <WaveEditor
        plan={plan}
        edits={edits}
        onMove={(key, wave) => change((current) => ({ ...current, edits: { ...current.edits, waves: { ...current.edits.waves, [key]: wave } } }))}
        onReset={(keys) =>
          change((current) => ({ ...current, edits: { ...current.edits, waves: Object.fromEntries(Object.entries(current.edits.waves).filter(([k]) => !keys.includes(k))) } }))
        }
      />
      {plan.notes.length > 0 && (
        <section className="panel plan-notes" aria-labelledby="plan-notes-heading">
          <h3 id="plan-notes-heading">Notes and assumptions</h3>
          <ul>
            {plan.notes.map((n, i) => (
              <li key={i}>{n}</li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
