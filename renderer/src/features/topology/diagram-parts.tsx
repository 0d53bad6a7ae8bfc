import { memo } from 'react';
import { BaseEdge, EdgeLabelRenderer, Handle, Position, type Edge, type EdgeProps, type Node, type NodeProps } from '@xyflow/react';
import type { PositionedBox, PositionedEdge } from '../../../../shared/topology/layout';
import type { NodeContent } from '../../../../shared/topology/node-content';
import type { TenantGroup } from '../../../../shared/topology/topology-graph';

/**
 * The boxes and lines of the Topology view, drawn from the same layout and the same words as the SVG
 * export: colours come from the theme (light or dark), the text is the same.
 */

export type BoxNodeData = { box: PositionedBox; onToggle(tenantId: string): void };
export type BoxNode = Node<BoxNodeData, 'box'>;
export type LineEdgeData = { edge: PositionedEdge };
export type LineEdge = Edge<LineEdgeData, 'line'>;

function Content({ content }: { content: NodeContent }) {
  return (
    <>
      <div className="topo-caption">{content.caption}</div>
      <div className="topo-title">{content.title}</div>
      {content.badge && <div className={`topo-badge tone-${content.badge.tone}`}>{content.badge.text}</div>}
      {content.lines.map((line, i) => (
        <div key={i} className={`topo-line tone-${line.tone}${line.dot ? ' dot' : ''}${line.indent ? ' indent' : ''}`} {...(line.subject ? { [`data-${line.subject.kind}`]: line.subject.name } : {})}>
          {line.text}
        </div>
      ))}
    </>
  );
}

export const BoxView = memo(function BoxView({ data }: NodeProps<BoxNode>) {
  const { box, onToggle } = data;
  const tenant = box.kind === 'tenant' ? (box.source as TenantGroup) : null;
  const verdict = box.kind === 'forest' && box.content.badge ? ` verdict-${box.content.badge.tone}` : '';
  return (
    <div className={`topo-box topo-${box.kind}${tenant?.collapsed ? ' collapsed' : ''}${verdict}`} style={{ width: box.width, height: box.height }}>
      {tenant && (
        <button
          type="button"
          className="small topo-toggle nodrag"
          tabIndex={-1}
          onClick={(event) => {
            event.stopPropagation();
            onToggle(tenant.id);
          }}
        >
          {tenant.collapsed ? 'Expand' : 'Collapse'}
        </button>
      )}
      <Content content={box.content} />
      {/* React Flow draws a line only between handles; ELK's route decides where it really runs. */}
      <Handle type="target" position={Position.Left} className="topo-handle" isConnectable={false} />
      <Handle type="source" position={Position.Right} className="topo-handle" isConnectable={false} />
    </div>
  );
});

const EDGE_COLOURS: Record<PositionedEdge['kind'], string> = {
  trust: 'var(--topo-trust)',
  merge: 'var(--topo-link)',
  references: 'var(--topo-link)',
  'resource-for': 'var(--topo-link)',
  serves: 'var(--topo-serves)',
  agents: 'var(--topo-serves)',
};
const EDGE_DASH: Record<PositionedEdge['kind'], string | undefined> = {
  trust: undefined,
  merge: '7 4',
  references: '2 3',
  'resource-for': '9 3 2 3',
  serves: undefined,
  agents: '1 3',
};

export function LineView({ data, markerEnd, markerStart }: EdgeProps<LineEdge>) {
  if (!data) return null;
  const { edge } = data;
  const path = edge.points.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x},${p.y}`).join(' ');
  return (
    <>
      <BaseEdge
        path={path}
        {...(markerEnd ? { markerEnd } : {})}
        {...(markerStart ? { markerStart } : {})}
        style={{ stroke: EDGE_COLOURS[edge.kind], strokeWidth: edge.kind === 'serves' ? 1.2 : 1.8, ...(EDGE_DASH[edge.kind] ? { strokeDasharray: EDGE_DASH[edge.kind] } : {}) }}
      />
      {edge.label && edge.labelBox && (
        <EdgeLabelRenderer>
          <div className={`topo-edge-label edge-${edge.kind}`} style={{ transform: `translate(${edge.labelBox.x}px, ${edge.labelBox.y}px)` }}>
            {edge.label}
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  );
}

export { EDGE_COLOURS };
