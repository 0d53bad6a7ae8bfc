import { useRef, useState } from 'react';
import { dnKey } from '../../../../shared/model/distinguished-name';
import { count, plural } from '../../../../shared/engine/format';
import type { IsoDate, WaveOu } from '../../../../shared/plan/plan-schema';
import type { ForestOutline, PhaseOutline, PlanOutline } from '../../../../shared/plan/plan-outline';
import { useRead, useReadMany } from '../../api/workshop-data';
import { ReadState } from '../workshop/ReadState';
import { SpacerRow, useTableWindow } from './table-window';
import { toggled } from '../../ui/toggled';

interface Moves {
  onMove: (ouKey: string, wave: number) => void;
  onReset: (ouKeys: string[]) => void;
}

interface Props extends Moves {
  plan: PlanOutline;
  today: IsoDate;
}

/** A forest whose pilot and waves hold at most this many OUs shows them all when opened; a larger one lists its waves folded. */
const OPEN_WAVES_UP_TO = 40;
const ROW_HEIGHT = 33;


/**
 * Wave membership per forest: each OU's wave can be changed; a move is an edit kept in the workshop.
 * A forest's waves are asked for when it is opened, and a wave's OUs when the wave is.
 */
export function WaveEditor({ plan, today, onMove, onReset }: Props) {
  const forests = plan.forests.filter((f) => f.track === 'migrate' || f.track === 'coexist' || f.track === 'onboard');
  if (forests.length === 0) return null;
  return (
    <section className="panel waves" aria-labelledby="waves-heading">
      <h3 id="waves-heading">Waves</h3>
      <p className="muted">
        Largest wave: {count(plan.settings.maxWaveObjects)} objects. A parent OU's scope takes its whole subtree, so child OUs move in the same or an earlier wave.
      </p>
      {forests.map((f) => (
        <WaveForest key={f.forest} forest={f} today={today} onMove={onMove} onReset={onReset} />
      ))}
    </section>
  );
}

function WaveForest({ forest, today, onMove, onReset }: { forest: ForestOutline; today: IsoDate } & Moves) {
  const [open, setOpen] = useState(false);
  return (
    <details className="wave-forest" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>
        {forest.forest}: {forest.waves} wave{forest.waves === 1 ? '' : 's'}
        {forest.movedByHand > 0 ? `, ${forest.movedByHand} OU${forest.movedByHand === 1 ? '' : 's'} moved by hand` : ''}
      </summary>
      {open && <ForestWaves forest={forest.forest} today={today} onMove={onMove} onReset={onReset} />}
    </details>
  );
}

function ForestWaves({ forest, today, onMove, onReset }: { forest: string; today: IsoDate } & Moves) {
  const read = useRead('plan.forest', { today, forest });
  if (!read.data) return <ReadState read={read} loading="Loading the waves…" />;
  const groups = read.data.phases.filter((p) => p.kind === 'pilot' || p.kind === 'wave');
  const moved = groups.flatMap((p) => p.movedByHand);
  return (
    <>
      <WaveTable forest={forest} today={today} groups={groups} onMove={onMove} />
      {moved.length > 0 && (
        <button type="button" className="small" onClick={() => onReset(moved)}>
          Undo the hand moves of {forest}
        </button>
      )}
    </>
  );
}

type Row = { kind: 'group'; phase: PhaseOutline } | { kind: 'ou'; phase: PhaseOutline; ou: WaveOu } | { kind: 'loading'; phase: PhaseOutline };

const rowKey = (row: Row | undefined) => (!row ? '' : row.kind === 'ou' ? `o:${row.phase.id}:${row.ou.distinguishedName}` : `${row.kind}:${row.phase.id}`);

/** The pilot and the waves of one forest, each a row that opens to its OUs; only the rows on screen are in the page. */
function WaveTable({ forest, today, groups, onMove }: { forest: string; today: IsoDate; groups: PhaseOutline[]; onMove: Moves['onMove'] }) {
  const waves = groups.filter((p) => p.kind === 'wave');
  // Small forests open with every wave open; what the user toggles is kept as a difference from that.
  const openAtFirst = groups.reduce((n, p) => n + p.ouCount, 0) <= OPEN_WAVES_UP_TO;
  const [flipped, setFlipped] = useState<ReadonlySet<string>>(() => new Set());
  const isOpen = (phase: PhaseOutline) => openAtFirst !== flipped.has(phase.id);
  const opened = groups.filter(isOpen);
  const answers = useReadMany(
    'plan.wave',
    opened.map((p) => ({ today, phase: p.id })),
  );
  const ousOf = new Map(opened.map((p, i) => [p.id, answers[i]]));

  const rows: Row[] = [];
  for (const phase of groups) {
    rows.push({ kind: 'group', phase });
    if (!ousOf.has(phase.id)) continue;
    const answer = ousOf.get(phase.id);
    if (answer) for (const ou of answer.ous) rows.push({ kind: 'ou', phase, ou });
    else if (answer === undefined) rows.push({ kind: 'loading', phase });
  }
  const scroller = useRef<HTMLDivElement>(null);
  const view = useTableWindow(scroller, rows.length, () => ROW_HEIGHT, (index) => rowKey(rows[index]));
  const rowProps = (index: number) => ({ 'data-index': index, ref: view.measure, 'aria-rowindex': index + 2 });

  const row = (index: number) => {
    const r = rows[index];
    if (!r) return null;
    const { phase } = r;
    if (r.kind === 'group') {
      const open = isOpen(phase);
      return (
        <tr key={rowKey(r)} className="wave-group" {...rowProps(index)}>
          <th scope="rowgroup" colSpan={4}>
            <button
              type="button"
              className="ghost gantt-toggle"
              aria-expanded={open}
              onClick={() => setFlipped((s) => toggled(s, phase.id))}
            >
              <span aria-hidden="true">{open ? '▾' : '▸'}</span> {phase.name}: {plural(phase.ouCount, 'OU', 'OUs')}, {plural(phase.objects, 'object', 'objects')}
            </button>
            <span className="gantt-dates muted small">
              {phase.start} to {phase.end}
            </span>
          </th>
        </tr>
      );
    }
    if (r.kind === 'loading') {
      return (
        <tr key={rowKey(r)} {...rowProps(index)}>
          <td colSpan={4} className="muted small">
            Loading the OUs of {phase.name}…
          </td>
        </tr>
      );
    }
    const { ou } = r;
    const key = dnKey(ou.distinguishedName);
    return (
      <tr key={rowKey(r)} data-wave={phase.wave ?? undefined} {...rowProps(index)}>
        <th scope="row" className="dn">
          {ou.distinguishedName}
        </th>
        <td>{ou.domain}</td>
        <td>{count(ou.objects)}</td>
        <td>
          {phase.kind === 'pilot' ? (
            'Pilot'
          ) : (
            <select aria-label={`Wave of ${ou.distinguishedName}`} value={phase.wave ?? 1} onChange={(e) => onMove(key, Number(e.target.value))}>
              {waves.map((x) => (
                <option key={x.id} value={x.wave ?? 1}>
                  Wave {x.wave} ({count(x.objects)} objects)
                </option>
              ))}
              <option value={waves.length + 1}>New wave {waves.length + 1}</option>
            </select>
          )}
        </td>
      </tr>
    );
  };

  return (
    <div className="wave-scroll" ref={scroller}>
      <table className="grid compact" aria-label={`Waves of ${forest}`} aria-rowcount={rows.length + 1}>
        <thead>
          <tr aria-rowindex={1}>
            <th scope="col">OU</th>
            <th scope="col">Domain</th>
            <th scope="col">Objects</th>
            <th scope="col">Wave</th>
          </tr>
        </thead>
        <tbody>
          <SpacerRow height={view.above} columns={4} />
          {view.items.map((item) => row(item.index))}
          <SpacerRow height={view.below} columns={4} />
        </tbody>
      </table>
    </div>
  );
}
