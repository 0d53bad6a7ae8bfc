import { useEffect, useMemo, useState } from 'react';
import { decide } from '../../../../shared/engine/decide';
import { layoutTopology, type TopologyLayout } from '../../../../shared/topology/layout';
import { defaultCollapsed, topologyGraph } from '../../../../shared/topology/topology-graph';
import { useRead } from '../../api/workshop-data';
import { workerElk } from './worker-elk';
import { toggled } from '../../ui/toggled';

export interface TopologyState {
  layout: TopologyLayout | null;
  /** The layout on screen is of an older model: a new one is being laid out. */
  stale: boolean;
  /** How long the last layout took, from the model to positions. */
  layoutMs: number | null;
  collapsed: ReadonlySet<string>;
  toggle(tenantId: string): void;
  setAll(collapsed: boolean): void;
  error: string | null;
  reads: ReturnType<typeof useRead>[];
}

/**
 * The diagram of the open workshop, kept current: any edit, undo, import or what-if setting reloads
 * the model or the assumptions, the engine decides again here, and ELK lays the result out in its
 * worker while the previous layout stays on screen.
 */
export function useTopology(): TopologyState {
  const model = useRead('inventory.get', {});
  const assumptions = useRead('assumptions.get', {});
  const [chosen, setChosen] = useState<ReadonlySet<string> | null>(null);
  const [laid, setLaid] = useState<{ layout: TopologyLayout; of: unknown; ms: number } | null>(null);
  const [error, setError] = useState<string | null>(null);

  const decisions = useMemo(() => (model.data && assumptions.data ? decide(model.data, assumptions.data) : null), [model.data, assumptions.data]);
  const collapsed = useMemo(() => chosen ?? (model.data ? defaultCollapsed(model.data) : new Set<string>()), [chosen, model.data]);
  const graph = useMemo(() => (model.data && decisions ? topologyGraph(model.data, decisions, collapsed) : null), [model.data, decisions, collapsed]);

  useEffect(() => {
    if (!graph) return;
    let live = true;
    const started = performance.now();
    layoutTopology(graph, workerElk()).then(
      (layout) => {
        if (!live) return;
        setLaid({ layout, of: graph, ms: Math.round(performance.now() - started) });
        setError(null);
      },
      (failure: unknown) => {
        if (live) setError(`The diagram could not be laid out: ${failure instanceof Error ? failure.message : String(failure)}`);
      },
    );
    return () => {
      live = false;
    };
  }, [graph]);

  return {
    layout: laid?.layout ?? null,
    stale: laid !== null && laid.of !== graph,
    layoutMs: laid?.ms ?? null,
    collapsed,
    toggle: (id) => setChosen(toggled(collapsed, id)),
    setAll: (all) => setChosen(all && model.data ? new Set(topologyGraph(model.data, null).tenants.map((t) => t.id)) : new Set()),
    error,
    reads: [model, assumptions],
  };
}
