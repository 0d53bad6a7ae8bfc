import { useState } from 'react';
import { VERDICT_LABELS, VERDICT_ORDER } from '../../../../shared/engine/labels';
import { EDGE_STYLES } from '../../../../shared/topology/svg';
import type { EdgeKind } from '../../../../shared/topology/topology-graph';
import { EDGE_COLOURS } from './diagram-parts';

const ENGINES = [
  { tone: 'cloud-sync', text: '→ Cloud Sync' },
  { tone: 'connect-sync', text: 'stays on Connect Sync' },
  { tone: 'unknown', text: 'open: data missing' },
] as const;

/** What the colours and lines mean, in the same words as the SVG's legend; it folds away on a small screen. */
export function Legend() {
  const [open, setOpen] = useState(true);
  return (
    <section className="topo-legend" aria-label="Legend">
      <button type="button" className="small ghost" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
        Legend
      </button>
      {open && (
        <div className="topo-legend-body">
          <div>
            <strong>Verdict per forest</strong>
            {VERDICT_ORDER.map((v) => (
              <div key={v} className={`topo-line dot tone-${v}`}>
                {VERDICT_LABELS[v]}
              </div>
            ))}
          </div>
          <div>
            <strong>Planned engine per domain</strong>
            {ENGINES.map((e) => (
              <div key={e.tone} className={`topo-line dot tone-${e.tone}`}>
                {e.text}
              </div>
            ))}
          </div>
          <div>
            <strong>Lines</strong>
            {(Object.keys(EDGE_STYLES) as EdgeKind[]).map((kind) => (
              <div key={kind} className="topo-legend-line">
                <svg width="34" height="10" aria-hidden="true">
                  <line x1="1" y1="5" x2="33" y2="5" stroke={EDGE_COLOURS[kind]} strokeWidth={EDGE_STYLES[kind].width} strokeDasharray={EDGE_STYLES[kind].dash ?? undefined} />
                </svg>
                {EDGE_STYLES[kind].legend}
              </div>
            ))}
          </div>
        </div>
      )}
    </section>
  );
}
