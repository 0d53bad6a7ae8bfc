import { useMemo, useState } from 'react';
import { dayNumber, isoDate } from '../../../../shared/plan/calendar';
import type { Plan, PlanPhase, PlannedForest } from '../../../../shared/plan/plan-schema';
import { TRACK_LABELS } from '../../../../shared/plan/labels';

interface Props {
  plan: Plan;
  selected: string | null;
  onSelect: (taskId: string) => void;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** Forests shown open at first; a larger estate starts folded so the timeline stays readable. */
const OPEN_FORESTS = 12;

interface Scale {
  first: number;
  span: number;
}

function place(scale: Scale, start: string, end: string) {
  const s = dayNumber(start) - scale.first;
  const e = dayNumber(end) - scale.first + 1;
  return { left: `${(s / scale.span) * 100}%`, width: `${Math.max(((e - s) / scale.span) * 100, 0.4)}%` };
}

/** Month starts inside the plan, every `step` months so that about 16 labels at most show. */
function ticks(scale: Scale): { label: string; left: string }[] {
  const start = new Date(isoDate(scale.first));
  const step = [1, 2, 3, 6, 12, 24, 60, 120].find((s) => scale.span / 30 / s <= 16) ?? 240;
  const out: { label: string; left: string }[] = [];
  for (let m = 1; ; m++) {
    const date = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + m, 1));
    const day = Math.floor(date.getTime() / 86_400_000) - scale.first;
    if (day >= scale.span) break;
    if ((date.getUTCFullYear() * 12 + date.getUTCMonth()) % step !== 0) continue;
    out.push({ label: `${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`, left: `${(day / scale.span) * 100}%` });
  }
  return out;
}

function CriticalMark() {
  return (
    <span className="critical-mark" title="On the critical path">
      <span aria-hidden="true">◆</span> critical
    </span>
  );
}

/**
 * The timeline: a row per forest, per phase and (when a phase is opened) per task. The critical path is
 * marked by a striped, outlined bar and a "critical" label, not by colour alone.
 */
export function Gantt({ plan, selected, onSelect }: Props) {
  const scale = useMemo<Scale>(() => ({ first: dayNumber(plan.start), span: Math.max(dayNumber(plan.end) - dayNumber(plan.start) + 1, 1) }), [plan.start, plan.end]);
  const axis = useMemo(() => ticks(scale), [scale]);
  const [openForests, setOpenForests] = useState<ReadonlySet<string>>(() => new Set(plan.forests.slice(0, OPEN_FORESTS).map((f) => f.forest)));
  const [openPhases, setOpenPhases] = useState<ReadonlySet<string>>(() => new Set());
  const phasesByForest = useMemo(() => {
    const map = new Map<string, PlanPhase[]>();
    for (const p of plan.phases) map.set(p.forest ?? '', [...(map.get(p.forest ?? '') ?? []), p]);
    return map;
  }, [plan.phases]);
  const toggle = (set: ReadonlySet<string>, key: string) => {
    const next = new Set(set);
    if (next.has(key)) next.delete(key);
    else next.add(key);
    return next;
  };

  const forestRow = (f: PlannedForest) => {
    const open = openForests.has(f.forest);
    const planned = f.start !== null && f.end !== null;
    return (
      <tr key={f.forest} className="gantt-forest" data-forest={f.forest}>
        <th scope="row">
          <button type="button" className="ghost gantt-toggle" aria-expanded={planned ? open : undefined} disabled={!planned} onClick={() => setOpenForests((s) => toggle(s, f.forest))}>
            <span aria-hidden="true">{planned ? (open ? '▾' : '▸') : '·'}</span> {f.forest}
          </button>
          <span className={`track track-${f.track}`}>{TRACK_LABELS[f.track]}</span>
        </th>
        <td className="gantt-lane-cell">
          <div className="gantt-lane">
            {planned ? <div className="gantt-bar forest-bar" style={place(scale, f.start as string, f.end as string)} /> : <span className="muted small gantt-unplanned">{f.reason}</span>}
          </div>
        </td>
      </tr>
    );
  };

  return (
    <div className="gantt-wrap">
      <p className="gantt-legend muted small">
        <span className="legend-bar" aria-hidden="true" /> task or phase <span className="legend-bar critical" aria-hidden="true" /> <CriticalMark /> path: what decides the end date. Open a phase to see its tasks; open a task for its criteria, rollback and runbook.
      </p>
      <table className="gantt" aria-label="Plan timeline">
        <thead>
          <tr>
            <th scope="col">Forest, phase, task</th>
            <th scope="col" className="gantt-axis-cell">
              <span className="sr-only">
                Timeline from {plan.start} to {plan.end}
              </span>
              <div className="gantt-axis" aria-hidden="true">
                {axis.map((t) => (
                  <span key={t.label} className="tick" style={{ left: t.left }}>
                    {t.label}
                  </span>
                ))}
              </div>
            </th>
          </tr>
        </thead>
        <tbody>
          {plan.forests.flatMap((f) => {
            const rows = [forestRow(f)];
            if (!openForests.has(f.forest)) return rows;
            for (const phase of phasesByForest.get(f.forest) ?? []) {
              const critical = phase.tasks.some((t) => t.critical);
              const open = openPhases.has(phase.id);
              rows.push(
                <tr key={phase.id} className={`gantt-phase phase-${phase.kind}${critical ? ' critical' : ''}`} data-phase={phase.id}>
                  <th scope="row">
                    <button type="button" className="ghost gantt-toggle" aria-expanded={open} onClick={() => setOpenPhases((s) => toggle(s, phase.id))}>
                      <span aria-hidden="true">{open ? '▾' : '▸'}</span> {phase.name}
                    </button>
                    {critical && <CriticalMark />}
                    <span className="gantt-dates muted small">
                      {phase.start} to {phase.end}
                    </span>
                  </th>
                  <td className="gantt-lane-cell">
                    <div className="gantt-lane">
                      <div className={`gantt-bar phase-bar${critical ? ' critical' : ''}`} style={place(scale, phase.start, phase.end)} />
                    </div>
                  </td>
                </tr>,
              );
              if (!open) continue;
              for (const task of phase.tasks) {
                rows.push(
                  <tr key={task.id} className={`gantt-task${task.critical ? ' critical' : ''}${task.id === selected ? ' selected' : ''}`} data-task={task.id}>
                    <th scope="row">
                      <button type="button" className="link gantt-task-button" aria-pressed={task.id === selected} onClick={() => onSelect(task.id)}>
                        {task.title}
                      </button>
                      {task.critical && <CriticalMark />}
                      <span className="gantt-dates muted small">
                        {task.start} to {task.end} ({task.duration} d)
                      </span>
                    </th>
                    <td className="gantt-lane-cell">
                      <div className="gantt-lane">
                        <div className={`gantt-bar task-bar${task.critical ? ' critical' : ''}`} style={place(scale, task.start, task.end)} />
                      </div>
                    </td>
                  </tr>,
                );
              }
            }
            return rows;
          })}
        </tbody>
      </table>
    </div>
  );
}
