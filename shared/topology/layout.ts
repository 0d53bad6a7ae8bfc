import type { ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api.js';
import { nodeContent, tenantContent, type NodeContent } from './node-content.js';
import type { EdgeArrows, EdgeKind, TenantGroup, TopologyGraph, TopologyNode } from './topology-graph.js';

/**
 * Lays the diagram out with ELK (layered, left to right: Connect servers, then the forests they sync,
 * then the agent hosts that will serve them; tenants as boxes around theirs). The layout engine is
 * passed in: elkjs's bundled build in Node, its Web Worker build in the page; both run the same code.
 */
export interface ElkEngine {
  layout(graph: ElkNode): Promise<ElkNode>;
}

export type BoxKind = 'tenant' | TopologyNode['kind'];

export interface PositionedBox {
  id: string;
  kind: BoxKind;
  x: number;
  y: number;
  width: number;
  height: number;
  content: NodeContent;
  /** The graph's own node or tenant, for the app to open its editor. */
  source: TopologyNode | TenantGroup;
}

export interface PositionedEdge {
  id: string;
  kind: EdgeKind;
  arrows: EdgeArrows;
  source: string;
  target: string;
  label: string | null;
  labelBox: { x: number; y: number; width: number; height: number } | null;
  points: { x: number; y: number }[];
}

export interface TopologyLayout {
  width: number;
  height: number;
  /** Tenants first (drawn behind), then the boxes inside them and outside any. */
  boxes: PositionedBox[];
  edges: PositionedEdge[];
}

/** Type sizes of the drawing, shared by the SVG and the app so that text fits the boxes ELK was given. */
export const TYPE = { caption: 11, title: 14, line: 12, label: 11 } as const;
const LINE_HEIGHT = 17;
const PAD = 12;
export const MIN_WIDTH = 200;
export const MAX_WIDTH = 460;
const TENANT_BAND = 44;

/** A generous estimate of a text's width in the diagram's sans-serif: boxes err on the roomy side. */
export const textWidth = (text: string, size: number, bold = false) => text.length * size * (bold ? 0.64 : 0.6);

export function boxLayout(content: NodeContent): { width: number; height: number; rows: { caption: number; title: number; badge: number | null; lines: number[] } } {
  const widest = Math.max(
    textWidth(content.caption, TYPE.caption),
    textWidth(content.title, TYPE.title, true),
    content.badge ? textWidth(content.badge.text, TYPE.line, true) + 16 : 0,
    ...content.lines.map((l) => textWidth(l.text, TYPE.line) + 14),
  );
  const width = Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, Math.ceil(widest + 2 * PAD)));
  let y = PAD + TYPE.caption;
  const caption = y;
  y += TYPE.title + 6;
  const title = y;
  let badge: number | null = null;
  if (content.badge) {
    y += 24;
    badge = y;
  }
  const lines = content.lines.map(() => (y += LINE_HEIGHT));
  return { width, height: Math.ceil(y + PAD), rows: { caption, title, badge, lines } };
}

const ROOT_OPTIONS = {
  'elk.algorithm': 'layered',
  'elk.direction': 'RIGHT',
  // Straight segments: orthogonal routes around boxes read as more boxes.
  'elk.edgeRouting': 'POLYLINE',
  'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
  'elk.json.edgeCoords': 'ROOT',
  'elk.json.shapeCoords': 'ROOT',
  'elk.spacing.nodeNode': '28',
  'elk.layered.spacing.nodeNodeBetweenLayers': '64',
  'elk.spacing.edgeLabel': '4',
  'elk.edgeLabels.inline': 'false',
  'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
  'elk.padding': '[top=16,left=16,bottom=16,right=16]',
};

export async function layoutTopology(graph: TopologyGraph, elk: ElkEngine): Promise<TopologyLayout> {
  const boxes = new Map<string, Omit<PositionedBox, 'x' | 'y'>>();
  const leaf = (node: TopologyNode): ElkNode => {
    const content = nodeContent(node);
    const size = boxLayout(content);
    boxes.set(node.id, { id: node.id, kind: node.kind, width: size.width, height: size.height, content, source: node });
    return { id: node.id, width: size.width, height: size.height };
  };
  const children: ElkNode[] = graph.tenants.map((tenant) => {
    const content = tenantContent(tenant);
    if (tenant.collapsed) {
      const size = boxLayout(content);
      boxes.set(tenant.id, { id: tenant.id, kind: 'tenant', width: size.width, height: size.height, content, source: tenant });
      return { id: tenant.id, width: size.width, height: size.height };
    }
    boxes.set(tenant.id, { id: tenant.id, kind: 'tenant', width: 0, height: 0, content, source: tenant });
    const inner = tenant.children.map(leaf);
    const minWidth = Math.ceil(Math.max(textWidth(content.title, TYPE.title, true), textWidth(content.caption, TYPE.caption)) + 2 * PAD);
    return {
      id: tenant.id,
      children: inner,
      layoutOptions: { 'elk.edgeRouting': ROOT_OPTIONS['elk.edgeRouting'], 'elk.padding': `[top=${TENANT_BAND},left=${PAD},bottom=${PAD},right=${PAD}]`, 'elk.nodeSize.constraints': 'MINIMUM_SIZE', 'elk.nodeSize.minimum': `(${minWidth}, ${TENANT_BAND + PAD})` },
    };
  });
  children.push(...graph.externals.map(leaf));
  const edges: ElkExtendedEdge[] = graph.edges.map((e) => ({
    id: e.id,
    sources: [e.source],
    targets: [e.target],
    ...(e.label ? { labels: [{ text: e.label, width: Math.ceil(textWidth(e.label, TYPE.label) + 8), height: TYPE.label + 6 }] } : {}),
  }));

  const laid = await elk.layout({ id: 'root', layoutOptions: ROOT_OPTIONS, children, edges });

  const positioned: PositionedBox[] = [];
  const walk = (nodes: readonly ElkNode[] | undefined) => {
    for (const n of nodes ?? []) {
      const box = boxes.get(n.id);
      if (box) positioned.push({ ...box, x: n.x ?? 0, y: n.y ?? 0, width: n.width ?? box.width, height: n.height ?? box.height });
      walk(n.children);
    }
  };
  walk(laid.children);
  const byId = new Map(graph.edges.map((e) => [e.id, e]));
  const laidEdges = (laid.edges ?? []) as ElkExtendedEdge[];
  return {
    width: Math.ceil(laid.width ?? 0),
    height: Math.ceil(laid.height ?? 0),
    boxes: positioned,
    edges: laidEdges.flatMap((e) => {
      const edge = byId.get(e.id);
      if (!edge) return [];
      const section = e.sections?.[0];
      const points = section ? [section.startPoint, ...(section.bendPoints ?? []), section.endPoint] : [];
      const label = e.labels?.[0];
      return [
        {
          id: edge.id,
          kind: edge.kind,
          arrows: edge.arrows,
          source: edge.source,
          target: edge.target,
          label: edge.label,
          labelBox: label ? { x: label.x ?? 0, y: label.y ?? 0, width: label.width ?? 0, height: label.height ?? 0 } : null,
          points,
        },
      ];
    }),
  };
}
