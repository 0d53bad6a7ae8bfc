import { VERDICT_LABELS, VERDICT_ORDER } from '../engine/labels.js';
import { html, trusted, type SafeHtml } from '../report/html.js';
import { boxLayout, textWidth, TYPE, type PositionedBox, type PositionedEdge, type TopologyLayout } from './layout.js';
import type { Line, Tone } from './node-content.js';
import type { AgentsNode, EdgeKind, ExternalNode, ForestNode, ServerNode, TenantGroup } from './topology-graph.js';

/**
 * The laid-out diagram as one self-contained SVG document: its fonts, colours and legend are inside it,
 * and every inventory string goes through the escaping template (a name like `<img onerror=…>` stays
 * text). Boxes carry data- attributes naming what they draw, for tools and tests that read the file.
 */

export const TONE_COLOURS: Record<Tone, string> = {
  'migrate-now': '#1a7f37',
  'migrate-after-remediation': '#0b5cad',
  coexist: '#9a6700',
  'stay-on-connect': '#b42318',
  'insufficient-data': '#5b6675',
  'cloud-sync': '#1a7f37',
  'connect-sync': '#9a6700',
  unknown: '#5b6675',
  neutral: '#1b1f24',
  muted: '#5b6675',
};

export const EDGE_STYLES: Record<EdgeKind, { colour: string; dash: string | null; width: number; legend: string }> = {
  trust: { colour: '#0b5cad', dash: null, width: 1.8, legend: 'trust (arrow: from the trusting side to the trusted one)' },
  merge: { colour: '#8250df', dash: '7 4', width: 1.8, legend: 'merge: the same people in both, joined by Connect' },
  references: { colour: '#8250df', dash: '2 3', width: 1.8, legend: 'references into the other forest' },
  'resource-for': { colour: '#8250df', dash: '9 3 2 3', width: 1.8, legend: 'resource forest for the accounts of the other' },
  serves: { colour: '#57606a', dash: null, width: 1.2, legend: 'Connect server syncs the forest' },
  agents: { colour: '#57606a', dash: '1 3', width: 1.4, legend: 'Cloud Sync agent hosts of the forest' },
};

const FONT = "'Segoe UI', system-ui, -apple-system, Roboto, 'Helvetica Neue', Arial, sans-serif";
const STYLE = `
.sp-topo { font-family: ${FONT}; }
.sp-topo text { fill: #1b1f24; font-size: ${TYPE.line}px; }
.sp-topo .sp-caption { fill: #5b6675; font-size: ${TYPE.caption}px; }
.sp-topo .sp-title { font-size: ${TYPE.title}px; font-weight: 700; }
.sp-topo .sp-badge { font-weight: 700; }
.sp-topo .sp-edge-label { font-size: ${TYPE.label}px; fill: #1b1f24; }
.sp-topo .sp-legend-title { font-weight: 700; }
`;

const tone = (t: Tone) => TONE_COLOURS[t];
const n = (v: number) => Math.round(v * 10) / 10;

function arrowMarkers(): SafeHtml {
  return html`<defs>${(Object.keys(EDGE_STYLES) as EdgeKind[]).map(
    (kind) =>
      html`<marker id="sp-topo-arrow-${kind}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="${EDGE_STYLES[kind].colour}"/></marker>`,
  )}</defs>`;
}

/** What a box draws, as data- attributes: the forest, server, agent hosts or tenant it stands for. */
function dataAttributes(box: PositionedBox): SafeHtml {
  const s = box.source;
  switch (box.kind) {
    case 'forest':
      return html` data-forest="${(s as ForestNode).forest}"`;
    case 'server':
      return html` data-server="${(s as ServerNode).server}"`;
    case 'agents':
      return html` data-agents-of="${(s as AgentsNode).forest}"`;
    case 'external':
      return html` data-external="${(s as ExternalNode).name}"`;
    case 'tenant':
      return html` data-tenant="${(s as TenantGroup).name ?? ''}" data-collapsed="${String((s as TenantGroup).collapsed)}"`;
  }
}

/** The data- attribute of a line that stands for a domain or an agent host. */
function lineAttribute(line: Line): SafeHtml {
  if (line.subject?.kind === 'domain') return html` data-domain="${line.subject.name}"`;
  if (line.subject?.kind === 'host') return html` data-host="${line.subject.name}"`;
  return html``;
}

function drawBox(box: PositionedBox): SafeHtml {
  const { x, y, width, height, content } = box;
  const rows = boxLayout(content).rows;
  const expandedTenant = box.kind === 'tenant' && !(box.source as TenantGroup).collapsed;
  const stripe = box.kind === 'forest' && content.badge ? tone(content.badge.tone) : null;
  const fill = box.kind === 'tenant' ? '#f3f5f8' : box.kind === 'external' ? '#ffffff' : '#ffffff';
  const stroke = box.kind === 'tenant' ? '#aab4c0' : '#c4ccd6';
  const dash = box.kind === 'external' ? html` stroke-dasharray="5 3"` : html``;
  const text = (dx: number, dy: number, value: string, cls: string, colour?: string, extra: SafeHtml = html``) =>
    html`<text x="${n(x + dx)}" y="${n(y + dy)}" class="${cls}"${colour ? html` fill="${colour}"` : html``}${extra}>${value}</text>`;
  const badge = content.badge
    ? html`<rect x="${n(x + 12)}" y="${n(y + (rows.badge ?? 0) - 15)}" width="${n(textWidth(content.badge.text, TYPE.line, true) + 14)}" height="19" rx="9.5" fill="${tone(content.badge.tone)}" fill-opacity="0.12" stroke="${tone(content.badge.tone)}"/>${text(19, rows.badge ?? 0, content.badge.text, 'sp-badge', tone(content.badge.tone))}`
    : html``;
  const lines = content.lines.map((line, i) => {
    const dy = rows.lines[i] ?? 0;
    const dot = line.dot ? html`<circle cx="${n(x + 16)}" cy="${n(y + dy - 4)}" r="3.5" fill="${tone(line.tone)}"/>` : html``;
    return html`${dot}${text(line.dot || line.indent ? 24 : 12, dy, line.text, 'sp-line', tone(line.tone), lineAttribute(line))}`;
  });
  const title = expandedTenant ? html`${text(12, 18, content.caption, 'sp-caption')}${text(12, 36, content.title, 'sp-title')}` : html`${text(12, rows.caption, content.caption, 'sp-caption')}${text(12, rows.title, content.title, 'sp-title')}`;
  return html`<g class="sp-box sp-${box.kind}"${dataAttributes(box)}><rect x="${n(x)}" y="${n(y)}" width="${n(width)}" height="${n(height)}" rx="8" fill="${fill}" stroke="${stroke}"${dash}/>${
    stripe ? html`<rect x="${n(x)}" y="${n(y + 8)}" width="4" height="${n(height - 16)}" fill="${stripe}"/>` : html``
  }${title}${badge}${expandedTenant ? html`` : lines}</g>`;
}

function drawEdge(edge: PositionedEdge): SafeHtml {
  if (edge.points.length < 2) return html``;
  const style = EDGE_STYLES[edge.kind];
  const d = edge.points.map((p, i) => `${i === 0 ? 'M' : 'L'}${n(p.x)},${n(p.y)}`).join(' ');
  const marker = `url(#sp-topo-arrow-${edge.kind})`;
  const ends =
    edge.arrows === 'both' ? html` marker-start="${marker}" marker-end="${marker}"` : edge.arrows === 'forward' ? html` marker-end="${marker}"` : html``;
  const label =
    edge.label && edge.labelBox
      ? html`<rect x="${n(edge.labelBox.x - 2)}" y="${n(edge.labelBox.y - 1)}" width="${n(edge.labelBox.width + 4)}" height="${n(edge.labelBox.height + 2)}" rx="3" fill="#ffffff" fill-opacity="0.9"/><text x="${n(edge.labelBox.x + 2)}" y="${n(edge.labelBox.y + edge.labelBox.height - 4)}" class="sp-edge-label">${edge.label}</text>`
      : html``;
  const trust = edge.kind === 'trust' ? html` data-trust="${edge.source.replace(/^\w+:/, '')} → ${edge.target.replace(/^\w+:/, '')}"` : html``;
  return html`<g class="sp-edge sp-edge-${edge.kind}"${trust}><path d="${d}" fill="none" stroke="${style.colour}" stroke-width="${style.width}"${style.dash ? html` stroke-dasharray="${style.dash}"` : html``}${ends}/>${label}</g>`;
}

const LEGEND_ROW = 20;

function legend(top: number): { markup: SafeHtml; width: number; height: number } {
  const verdicts = VERDICT_ORDER.map((v) => ({ colour: TONE_COLOURS[v], text: VERDICT_LABELS[v] }));
  const engines = [
    { colour: TONE_COLOURS['cloud-sync'], text: '→ Cloud Sync' },
    { colour: TONE_COLOURS['connect-sync'], text: 'stays on Connect Sync' },
    { colour: TONE_COLOURS.unknown, text: 'open: data missing' },
  ];
  const columnX = [16, 260, 500];
  const swatch = (x: number, y: number, item: { colour: string; text: string }) =>
    html`<circle cx="${x + 6}" cy="${y - 4}" r="5" fill="${item.colour}"/><text x="${x + 18}" y="${y}">${item.text}</text>`;
  const lines = (Object.keys(EDGE_STYLES) as EdgeKind[]).map((kind, i) => {
    const s = EDGE_STYLES[kind];
    const y = top + 40 + i * LEGEND_ROW;
    const x = columnX[2] as number;
    return html`<path d="M${x},${y - 4} L${x + 42},${y - 4}" stroke="${s.colour}" stroke-width="${s.width}" fill="none"${s.dash ? html` stroke-dasharray="${s.dash}"` : html``}${kind === 'trust' || kind === 'serves' ? html` marker-end="url(#sp-topo-arrow-${kind})"` : html``}/><text x="${x + 52}" y="${y}">${s.legend}</text>`;
  });
  const width = (columnX[2] as number) + 52 + Math.max(...Object.values(EDGE_STYLES).map((s) => textWidth(s.legend, TYPE.line))) + 16;
  const height = 40 + Object.keys(EDGE_STYLES).length * LEGEND_ROW + 12;
  const markup = html`<g class="sp-legend"><line x1="16" x2="${n(width - 16)}" y1="${top + 8}" y2="${top + 8}" stroke="#d5dbe3"/><text x="16" y="${top + 26}" class="sp-legend-title">Verdict per forest</text><text x="${columnX[1] as number}" y="${top + 26}" class="sp-legend-title">Planned engine per domain</text><text x="${columnX[2] as number}" y="${top + 26}" class="sp-legend-title">Lines</text>${verdicts.map((v, i) =>
    swatch(columnX[0] as number, top + 40 + i * LEGEND_ROW, v),
  )}${engines.map((e, i) => swatch(columnX[1] as number, top + 40 + i * LEGEND_ROW, e))}${lines}</g>`;
  return { markup, width, height };
}

/** The finished SVG document of a laid-out diagram. */
export function renderTopologySvg(layout: TopologyLayout, title: string): string {
  const key = legend(layout.height);
  const width = Math.ceil(Math.max(layout.width, key.width));
  const height = Math.ceil(layout.height + key.height);
  const tenants = layout.boxes.filter((b) => b.kind === 'tenant' && !(b.source as TenantGroup).collapsed);
  const others = layout.boxes.filter((b) => !tenants.includes(b));
  const empty = layout.boxes.length === 0 ? html`<text x="16" y="32" class="sp-caption">Nothing to draw yet: add forests or import the inventory.</text>` : html``;
  return html`<svg xmlns="http://www.w3.org/2000/svg" class="sp-topo" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="sp-topo-title"><title id="sp-topo-title">${title}</title><style>${trusted(
    STYLE,
  )}</style>${arrowMarkers()}<rect width="${width}" height="${height}" fill="#ffffff"/>${empty}<g class="sp-tenants">${tenants.map(drawBox)}</g><g class="sp-edges">${layout.edges.map(drawEdge)}</g><g class="sp-nodes">${others.map(drawBox)}</g>${key.markup}</svg>`.value;
}
