import { memo } from 'react';
import type { Verdict } from '../../../../shared/engine/decision-schema';
import type { ForestHighlight } from './ForestCard';
import { VERDICT_LABELS, VERDICT_ORDER } from './labels';
import type { OverviewRow, OverviewView, SortColumn } from './overview-rows';

/** Column widths are fixed (table-layout: fixed) so that a what-if changing a few cells lays out one row, not 200. */
const COLUMNS: { id: SortColumn; label: string; width: string; numeric?: boolean }[] = [
  { id: 'forest', label: 'Forest', width: '19%' },
  { id: 'verdict', label: 'Verdict', width: '22%' },
  { id: 'engines', label: 'Domains by engine', width: '17%' },
  { id: 'blockers', label: 'Blockers', width: '8%', numeric: true },
  { id: 'remediations', label: 'Remediations', width: '10%', numeric: true },
  { id: 'warnings', label: 'Warnings', width: '8%', numeric: true },
  { id: 'dependsOn', label: 'Depends on', width: '16%' },
];

function enginesText(engines: OverviewRow['engines']): string {
  const parts = [
    engines['cloud-sync'] > 0 ? `${engines['cloud-sync']} Cloud Sync` : '',
    engines['connect-sync'] > 0 ? `${engines['connect-sync']} Connect Sync` : '',
    engines.unknown > 0 ? `${engines.unknown} open` : '',
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(', ') : 'no domains';
}

interface RowProps {
  row: OverviewRow;
  highlight: ForestHighlight | undefined;
  open: boolean;
  onOpen(forest: string): void;
}

/** Memoised: a what-if re-renders only the rows whose forest it changed. */
const Row = memo(function Row({ row, highlight, open, onOpen }: RowProps) {
  const was = highlight?.verdictWas != null && highlight.verdictWas !== row.verdict ? highlight.verdictWas : null;
  return (
    <tr className={was ? 'changed' : undefined} data-forest={row.forest}>
      <th scope="row">
        <button type="button" className="link" aria-pressed={open} title={open ? 'Show its card' : 'Open its card'} onClick={() => onOpen(row.forest)}>
          {row.forest}
        </button>
      </th>
      <td>
        <span className={`verdict-badge verdict-${row.verdict}`} data-verdict={row.verdict}>
          {VERDICT_LABELS[row.verdict]}
        </span>
        {was && <span className="badge changed-badge">was {VERDICT_LABELS[was]}</span>}
      </td>
      <td className="small">{enginesText(row.engines)}</td>
      <td className="number">{row.blockers}</td>
      <td className="number">{row.remediations}</td>
      <td className="number">{row.warnings}</td>
      <td className="small">
        {row.dependsOn.map((forest, i) => (
          <span key={forest}>
            {i > 0 && ', '}
            {forest === row.decidedBy ? <strong title="Its verdict follows from this forest">{forest}</strong> : forest}
          </span>
        ))}
      </td>
    </tr>
  );
});

interface Props {
  rows: readonly OverviewRow[];
  total: number;
  view: OverviewView;
  onView(view: OverviewView): void;
  highlights: ReadonlyMap<string, ForestHighlight>;
  open: ReadonlySet<string>;
  onOpen(forest: string): void;
}

/** One row per forest, filtered and sorted; a forest's name opens its card below. */
export const Overview = memo(function Overview({ rows, total, view, onView, highlights, open, onOpen }: Props) {
  const sortBy = (column: SortColumn) => onView({ ...view, sort: column, descending: view.sort === column ? !view.descending : false });
  return (
    <section className="panel overview" aria-label="Overview">
      <div className="toolbar overview-toolbar">
        <h3>Overview</h3>
        <input
          type="search"
          aria-label="Filter forests"
          placeholder="Filter by forest"
          value={view.text}
          onChange={(e) => onView({ ...view, text: e.target.value })}
        />
        <select aria-label="Show verdict" value={view.verdict} onChange={(e) => onView({ ...view, verdict: e.target.value as Verdict | 'all' })}>
          <option value="all">Every verdict</option>
          {VERDICT_ORDER.map((v) => (
            <option key={v} value={v}>
              {VERDICT_LABELS[v]}
            </option>
          ))}
        </select>
        <span className="muted small" role="status">
          {rows.length === total ? `${total} forests` : `${rows.length} of ${total} forests`}
        </span>
      </div>
      <table className="grid compact overview-table" aria-label="Forests overview">
        <thead>
          <tr>
            {COLUMNS.map((c) => (
              <th
                key={c.id}
                scope="col"
                className={c.numeric ? 'number' : undefined}
                style={{ width: c.width }}
                aria-sort={view.sort === c.id ? (view.descending ? 'descending' : 'ascending') : 'none'}
              >
                <button type="button" className="sort" onClick={() => sortBy(c.id)}>
                  {c.label}
                  <span aria-hidden="true">{view.sort === c.id ? (view.descending ? ' ▼' : ' ▲') : ''}</span>
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <Row key={row.forest} row={row} highlight={highlights.get(row.forest)} open={open.has(row.forest)} onOpen={onOpen} />
          ))}
        </tbody>
      </table>
    </section>
  );
});
