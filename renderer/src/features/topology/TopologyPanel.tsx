import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { Controls, MarkerType, MiniMap, ReactFlow, ReactFlowProvider, useReactFlow, type EdgeMarker } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import type { PositionedBox, PositionedEdge, TopologyLayout } from '../../../../shared/topology/layout';
import { renderTopologySvg } from '../../../../shared/topology/svg';
import type { TenantGroup } from '../../../../shared/topology/topology-graph';
import { useRead, useWrite } from '../../api/workshop-data';
import { useNotifier } from '../../ui/notifications';
import { ReadState } from '../workshop/ReadState';
import { BoxView, EDGE_COLOURS, LineView, type BoxNode, type LineEdge } from './diagram-parts';
import { Legend } from './Legend';
import { NodeEditor } from './NodeEditor';
import { svgToPngBase64 } from './rasterise';
import { nextInDirection, type Direction } from './spatial-focus';
import { useTopology } from './use-topology';
import './topology.css';

const nodeTypes = { box: BoxView };
const edgeTypes = { line: LineView };
/** The overview map appears once the diagram has more boxes than a screen shows comfortably. */
const MINIMAP_ABOVE = 24;

function ariaLabel(box: PositionedBox): string {
  const { caption, title, badge } = box.content;
  return [caption, title, badge?.text].filter(Boolean).join(', ');
}

function toFlow(layout: TopologyLayout, onToggle: (id: string) => void): { nodes: BoxNode[]; edges: LineEdge[] } {
  const nodes: BoxNode[] = layout.boxes.map((box) => {
    const expandedTenant = box.kind === 'tenant' && !(box.source as TenantGroup).collapsed;
    return {
      id: box.id,
      type: 'box',
      position: { x: box.x, y: box.y },
      width: box.width,
      height: box.height,
      data: { box, onToggle },
      draggable: false,
      connectable: false,
      deletable: false,
      // A tenant's box lies behind the boxes drawn in it.
      zIndex: expandedTenant ? 0 : 1,
      ariaLabel: ariaLabel(box),
      domAttributes: { 'data-kind': box.kind } as never,
    };
  });
  const marker = (kind: PositionedEdge['kind']): EdgeMarker => ({
    type: MarkerType.ArrowClosed,
    color: EDGE_COLOURS[kind],
    width: 16,
    height: 16,
  });
  const edges: LineEdge[] = layout.edges.map((edge) => ({
    id: edge.id,
    type: 'line',
    source: edge.source,
    target: edge.target,
    data: { edge },
    selectable: false,
    focusable: false,
    zIndex: 2,
    ...(edge.arrows !== 'none' ? { markerEnd: marker(edge.kind) } : {}),
    ...(edge.arrows === 'both' ? { markerStart: marker(edge.kind) } : {}),
  }));
  return { nodes, edges };
}

function Diagram({ title }: { title: string }) {
  const notifier = useNotifier();
  const write = useWrite();
  const topology = useTopology();
  const model = useRead('inventory.get', {});
  const flow = useReactFlow();
  const wrapper = useRef<HTMLDivElement>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [exporting, setExporting] = useState<'svg' | 'png' | null>(null);
  const { layout, toggle } = topology;

  const { nodes, edges } = useMemo(() => (layout ? toFlow(layout, toggle) : { nodes: [], edges: [] }), [layout, toggle]);
  const selectedBox = layout?.boxes.find((b) => b.id === selected) ?? null;

  // Fit the whole estate when a workshop's diagram first appears, and when tenants open or close.
  const shape = layout ? layout.boxes.length : 0;
  useEffect(() => {
    if (shape > 0) requestAnimationFrame(() => void flow.fitView({ padding: 0.04, maxZoom: 1 }));
  }, [shape, flow]);

  const focusNode = useCallback(
    (id: string) => {
      const element = wrapper.current?.querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(id)}"]`);
      element?.focus();
      const box = layout?.boxes.find((b) => b.id === id);
      if (box) void flow.setCenter(box.x + box.width / 2, box.y + box.height / 2, { zoom: Math.max(flow.getZoom(), 0.6), duration: 150 });
    },
    [flow, layout],
  );

  const onKeyDown = (event: KeyboardEvent) => {
    const target = event.target as HTMLElement;
    const id = target.closest('.react-flow__node')?.getAttribute('data-id');
    if (!id || !layout) return;
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      setSelected(id);
      return;
    }
    if (!['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown'].includes(event.key)) return;
    event.preventDefault();
    const next = nextInDirection(layout.boxes, id, event.key as Direction);
    if (next) focusNode(next);
  };

  const exportSvg = async () => {
    setExporting('svg');
    const result = await write('topology.exportSvg', { collapsed: [...topology.collapsed] });
    setExporting(null);
    if (!result.ok) notifier.error(result.error);
    else if (result.value) notifier.notify({ kind: 'info', message: `Diagram saved as ${result.value.path}` });
  };

  const exportPng = async () => {
    if (!layout) return;
    setExporting('png');
    try {
      const svg = renderTopologySvg(layout, `Topology of ${title}`);
      const size = /width="(\d+)" height="(\d+)"/.exec(svg);
      const png = await svgToPngBase64(svg, Number(size?.[1] ?? layout.width), Number(size?.[2] ?? layout.height));
      const result = await write('topology.exportPng', { png });
      if (!result.ok) notifier.error(result.error);
      else if (result.value) notifier.notify({ kind: 'info', message: `Diagram saved as ${result.value.path}` });
    } catch (error) {
      notifier.error({ code: 'png-failed', message: `The PNG could not be drawn: ${(error as Error).message}. Export the SVG instead.` });
    } finally {
      setExporting(null);
    }
  };

  if (!layout || !model.data) {
    const failed = topology.reads.find((r) => r.error);
    if (failed) return <ReadState read={failed} loading="" />;
    return (
      <p className="muted" role="status">
        {topology.error ?? 'Drawing the estate…'}
      </p>
    );
  }

  const tenants = layout.boxes.filter((b) => b.kind === 'tenant');
  return (
    <div className="topology">
      <div className="toolbar">
        <h2>Topology</h2>
        <span className="muted small-print" role="status" data-testid="topology-status">
          {topology.stale ? 'Updating…' : `${layout.boxes.filter((b) => b.kind === 'forest').length} forests shown${topology.layoutMs !== null ? `, laid out in ${topology.layoutMs} ms` : ''}`}
        </span>
        <span className="spacer" />
        {tenants.length > 0 && (
          <>
            <button type="button" className="small" onClick={() => topology.setAll(false)}>
              Expand all
            </button>
            <button type="button" className="small" onClick={() => topology.setAll(true)}>
              Collapse all
            </button>
          </>
        )}
        <button type="button" onClick={() => void exportSvg()} disabled={exporting !== null}>
          Export SVG…
        </button>
        <button type="button" onClick={() => void exportPng()} disabled={exporting !== null}>
          Export PNG…
        </button>
      </div>
      <div className={`topology-main${selectedBox ? ' with-editor' : ''}`}>
        <div className="topology-canvas" ref={wrapper} onKeyDown={onKeyDown} role="application" aria-label="Topology diagram: Tab to a box, arrow keys to move between boxes, Enter to edit">
          <ReactFlow
            nodes={nodes}
            edges={edges}
            nodeTypes={nodeTypes}
            edgeTypes={edgeTypes}
            nodesDraggable={false}
            nodesConnectable={false}
            elementsSelectable
            nodesFocusable
            edgesFocusable={false}
            minZoom={0.05}
            maxZoom={2}
            onlyRenderVisibleElements={nodes.length > 150}
            proOptions={{ hideAttribution: true }}
            onNodeClick={(_event, node) => setSelected(node.id)}
            onPaneClick={() => setSelected(null)}
          >
            <Controls showInteractive={false} position="top-left" />
            {nodes.length > MINIMAP_ABOVE && <MiniMap pannable zoomable ariaLabel="Overview of the whole diagram" nodeStrokeWidth={2} />}
          </ReactFlow>
        </div>
        {selectedBox && (
          <aside className="topology-editor" aria-label="Edit the selected box" onKeyDown={(e) => e.key === 'Escape' && setSelected(null)}>
            <NodeEditor box={selectedBox} model={model.data} onClose={() => setSelected(null)} />
          </aside>
        )}
      </div>
      <Legend />
    </div>
  );
}

/**
 * The estate as a diagram: tenants, forests with their verdict and planned engine per domain, trusts
 * and links between forests, Connect servers and agent hosts. It follows every change of the model; a
 * box opens its editor; large estates open with their tenants collapsed.
 */
export function TopologyPanel({ title }: { title: string }) {
  return (
    <ReactFlowProvider>
      <Diagram title={title} />
    </ReactFlowProvider>
  );
}
