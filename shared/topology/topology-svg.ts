import type { DecisionResult } from '../engine/decision-schema.js';
import type { EstateModel, Inventory } from '../model/inventory.js';
import { layoutTopology, type ElkEngine } from './layout.js';
import { renderTopologySvg } from './svg.js';
import { defaultCollapsed, topologyGraph } from './topology-graph.js';

export interface TopologySvgOptions {
  /** The document's title: the workshop's name. */
  title: string;
  /** Tenants drawn collapsed (tenantId); by default none, unless the estate is too large to draw whole. */
  collapsed?: ReadonlySet<string>;
}

/**
 * The estate as an SVG document: model and decisions, laid out by ELK, drawn with its fonts, colours and
 * legend inside. The same drawing the app's Topology view shows, for Export SVG, `syncplan export --svg`
 * and the PDF report.
 */
export async function topologySvg(model: EstateModel | Inventory, decisions: DecisionResult, elk: ElkEngine, options: TopologySvgOptions): Promise<string> {
  const graph = topologyGraph(model, decisions, options.collapsed ?? defaultCollapsed(model));
  return renderTopologySvg(await layoutTopology(graph, elk), `Topology of ${options.title}`);
}
