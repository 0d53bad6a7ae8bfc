import { useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { dayNumber, isoDate, spanOf } from '../../../../shared/plan/calendar';
import type { IsoDate } from '../../../../shared/plan/plan-schema';
import type { ForestOutline, PhaseOutline, PlanOutline, TaskOutline } from '../../../../shared/plan/plan-outline';
import { TRACK_LABELS } from '../../../../shared/plan/labels';
import { useReadMany } from '../../api/workshop-data';
import { SpacerRow, useTableWindow } from './table-window';
import { toggled } from '../../ui/toggled';

interface Props {
  plan: PlanOutline;
  today: IsoDate;
  selected: string | null;
  onSelect: (taskId: string) => void;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** Forests shown open at first; a larger estate starts folded so the timeline stays readable. */
const OPEN_FORESTS = 12;
/** A row's usual height in pixels; taller rows are measured. */
const ROW_HEIGHT = 29;

/** Each row knows the position of its forest in the plan (`at`): how far down the timeline has been seen. */
type Row = { at: number } & (
  | { kind: 'estate' }
  | { kind: 'forest'; forest: ForestOutline }
  | { kind: 'loading'; forest: ForestOutline }
  | { kind: 'phase'; phase: PhaseOutline }
  | { kind: 'task'; task: TaskOutline }
);

const rowKey = (row: Row | undefined): string => {
  if (!row) return '';
  if (row.kind === 'estate') return 'e';
  if (row.kind === 'forest') return `f:${row.forest.forest}`;
  if (row.kind === 'loading') return `l:${row.forest.forest}`;
  return row.kind === 'phase' ? `p:${row.phase.id}` : `t:${row.task.id}`;
};
/** A forest whose phases are on their way holds the room they will take, so the rows below stay put and out of view. */
const loadingHeight = (row: Row | undefined) => (row?.kind === 'loading' ? Math.max(row.forest.phaseCount, 1) * ROW_HEIGHT : undefined);
/** Rows that hold something to focus: Up and Down skip the others. */
const focusable = (row: Row | undefined) => row !== undefined && row.kind !== 'loading' && (row.kind !== 'forest' || row.forest.start !== null);

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
 * The timeline: the whole estate's work first (when there is any), then a row per forest, per phase of an
 * opened forest and per task of an opened phase. An opened forest's phases are asked for when it opens;
 * only the rows the timeline's scroll box shows are in the page, so 200 forests open as fast as seven. Tab and Shift+Tab move through the rows' buttons,
 * Up and Down from row to row. The critical path is marked by a striped, outlined bar and a "critical"
 * label, not by colour alone.
 */
export function Gantt({ plan, today, selected, onSelect }: Props) {
  const scale = useMemo<Scale>(() => ({ first: dayNumber(plan.start), span: Math.max(dayNumber(plan.end) - dayNumber(plan.start) + 1, 1) }), [plan.start, plan.end]);
  const axis = useMemo(() => ticks(scale), [scale]);
  const [openForests, setOpenForests] = useState<ReadonlySet<string>>(() => new Set(plan.forests.slice(0, OPEN_FORESTS).map((f) => f.forest)));
  const [openPhases, setOpenPhases] = useState<ReadonlySet<string>>(() => new Set());
  const [estateOpen, setEstateOpen] = useState(true);
  const scroller = useRef<HTMLDivElement>(null);
  /** A row that Up or Down moved to before it was drawn: focused once it is. */
  const pendingFocus = useRef<number | null>(null);
  // Forests down to the last one that came into view: an open forest's phases are asked for once its row
  // comes into view, so a first visit asks for the few forests it shows, not for every open one.
  const [reach, setReach] = useState(0);
  const opened = useMemo(
    () => plan.forests.slice(0, reach).filter((f) => f.start !== null && openForests.has(f.forest)).map((f) => f.forest),
    [plan.forests, openForests, reach],
  );
  const requests = useMemo(() => opened.map((forest) => ({ today, forest })), [opened, today]);
  const answers = useReadMany('plan.forest', requests);

  const phasesOf = new Map(opened.map((forest, i) => [forest, answers[i]?.phases]));
  const rows: Row[] = [];
  // The whole estate's work comes first: it starts on the first day, whatever the forests' verdicts.
  if (plan.estate.length > 0) {
    rows.push({ at: -1, kind: 'estate' });
    if (estateOpen) {
      for (const phase of plan.estate) {
        rows.push({ at: -1, kind: 'phase', phase });
        if (openPhases.has(phase.id)) for (const task of phase.tasks) rows.push({ at: -1, kind: 'task', task });
      }
    }
  }
  for (const [at, forest] of plan.forests.entries()) {
    rows.push({ at, kind: 'forest', forest });
    if (forest.start === null || !openForests.has(forest.forest)) continue;
    const phases = phasesOf.get(forest.forest);
    if (!phases) {
      rows.push({ at, kind: 'loading', forest });
      continue;
    }
    for (const phase of phases) {
      rows.push({ at, kind: 'phase', phase });
      if (openPhases.has(phase.id)) for (const task of phase.tasks) rows.push({ at, kind: 'task', task });
    }
  }
  const view = useTableWindow(
    scroller,
    rows.length,
    (index) => loadingHeight(rows[index]) ?? ROW_HEIGHT,
    (index) => rowKey(rows[index]),
    (last) => {
      const seen = (rows[last]?.at ?? -1) + 1;
      setReach((was) => Math.max(was, seen));
    },
  );

  const focusRow = (index: number): boolean => {
    const button = scroller.current?.querySelector<HTMLElement>(`tr[data-index="${index}"] button`);
    if (!button) return false;
    button.focus();
    pendingFocus.current = null;
    return true;
  };
  useLayoutEffect(() => {
    if (pendingFocus.current !== null) focusRow(pendingFocus.current);
  });
  const onKeyDown = (event: KeyboardEvent<HTMLTableSectionElement>) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const from = Number((event.target as HTMLElement).closest<HTMLElement>('tr[data-index]')?.dataset.index ?? NaN);
    if (Number.isNaN(from)) return;
    const step = event.key === 'ArrowDown' ? 1 : -1;
    let next = from + step;
    while (next >= 0 && next < rows.length && !focusable(rows[next])) next += step;
    if (next < 0 || next >= rows.length) return;
    event.preventDefault();
    if (focusRow(next)) return;
    pendingFocus.current = next;
    view.virtualizer.scrollToIndex(next);
  };

  const rowProps = (index: number) => ({ 'data-index': index, ref: view.measure, 'aria-rowindex': index + 2 });

  const forestRow = (f: ForestOutline, index: number) => {
    const open = openForests.has(f.forest);
    const planned = f.start !== null && f.end !== null;
    return (
      <tr key={rowKey(rows[index])} className="gantt-forest" data-forest={f.forest} {...rowProps(index)}>
        <th scope="row">
          <button type="button" className="ghost gantt-toggle" aria-expanded={planned ? open : undefined} disabled={!planned} onClick={() => setOpenForests((s) => toggled(s, f.forest))}>
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

  const estateRow = (index: number) => {
    const span = spanOf(plan.estate);
    return (
      <tr key={rowKey(rows[index])} className="gantt-forest gantt-estate" {...rowProps(index)}>
        <th scope="row">
          <button type="button" className="ghost gantt-toggle" aria-expanded={estateOpen} onClick={() => setEstateOpen((open) => !open)}>
            <span aria-hidden="true">{estateOpen ? '▾' : '▸'}</span> Whole estate
          </button>
          <span className="track">Whatever the verdicts</span>
        </th>
        <td className="gantt-lane-cell">
          <div className="gantt-lane">
            {span && <div className="gantt-bar forest-bar" style={place(scale, span.start, span.end)} />}
          </div>
        </td>
      </tr>
    );
  };

  const phaseRow = (phase: PhaseOutline, index: number) => {
    const critical = phase.tasks.some((t) => t.critical);
    const open = openPhases.has(phase.id);
    return (
      <tr key={rowKey(rows[index])} className={`gantt-phase phase-${phase.kind}${critical ? ' critical' : ''}`} data-phase={phase.id} {...rowProps(index)}>
        <th scope="row">
          <button type="button" className="ghost gantt-toggle" aria-expanded={open} onClick={() => setOpenPhases((s) => toggled(s, phase.id))}>
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
      </tr>
    );
  };

  const taskRow = (task: TaskOutline, index: number) => (
    <tr key={rowKey(rows[index])} className={`gantt-task${task.critical ? ' critical' : ''}${task.id === selected ? ' selected' : ''}`} data-task={task.id} {...rowProps(index)}>
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
    </tr>
  );

  const row = (index: number) => {
    const r = rows[index];
    if (!r) return null;
    if (r.kind === 'estate') return estateRow(index);
    if (r.kind === 'forest') return forestRow(r.forest, index);
    if (r.kind === 'phase') return phaseRow(r.phase, index);
    if (r.kind === 'task') return taskRow(r.task, index);
    return (
      <tr key={rowKey(r)} className="gantt-loading" {...rowProps(index)}>
        <td colSpan={2} className="muted small" style={{ height: loadingHeight(r) }}>
          Loading the phases of {r.forest.forest}…
        </td>
      </tr>
    );
  };

  return (
    <div className="gantt-wrap">
      <p className="gantt-legend muted small">
        <span className="legend-bar" aria-hidden="true" /> task or phase <span className="legend-bar critical" aria-hidden="true" /> <CriticalMark /> path: what decides the end date. Open a phase to see its tasks; open a task for its criteria, rollback and runbook.
      </p>
      <div className="gantt-scroll" ref={scroller}>
        <table className="gantt" aria-label="Plan timeline" aria-rowcount={rows.length + 1}>
          <thead>
            <tr aria-rowindex={1}>
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
          <tbody onKeyDown={onKeyDown}>
            <SpacerRow height={view.above} columns={2} />
            {view.items.map((item) => row(item.index))}
            <SpacerRow height={view.below} columns={2} />
          </tbody>
        </table>
      </div>
    </div>
  );
}
