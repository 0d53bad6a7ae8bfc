import type { DomainEngine, Verdict } from '../engine/decision-schema.js';
import { VERDICT_LABELS } from '../engine/labels.js';
import { verdictCounts, type ExternalNode, type TenantGroup, type TopologyNode } from './topology-graph.js';

/**
 * What each box of the diagram says, the same in the app and in the SVG: every colour comes with words
 * (a verdict is written out, a planned engine is named), so nothing is told by colour alone.
 */

export type Tone = Verdict | DomainEngine | 'neutral' | 'muted';

export interface Line {
  text: string;
  tone: Tone;
  /** A coloured dot before the text (the colour a planned engine or verdict has in the legend). */
  dot?: boolean;
  /** Under the line before it, as part of it. */
  indent?: boolean;
  /** The domain or agent host the line stands for. */
  subject?: { kind: 'domain' | 'host'; name: string };
}

export interface NodeContent {
  caption: string;
  title: string;
  badge: Line | null;
  lines: Line[];
}

/** A forest's domains past this many are counted, not listed. */
export const MAX_DOMAIN_LINES = 12;
const MAX_HOST_LINES = 10;

const CURRENT_ENGINE: Record<string, string> = { 'connect-sync': 'Connect Sync', 'cloud-sync': 'Cloud Sync', none: 'nothing' };

export function plannedText(engine: DomainEngine | null): string {
  if (engine === null) return 'not decided';
  if (engine === 'connect-sync') return 'stays on Connect Sync';
  if (engine === 'unknown') return 'open: data missing';
  return '→ Cloud Sync';
}

export function nodeContent(node: TopologyNode): NodeContent {
  switch (node.kind) {
    case 'forest': {
      const today = node.currentEngine === null ? 'unknown' : (CURRENT_ENGINE[node.currentEngine] ?? node.currentEngine);
      const notes = [node.network === 'disconnected' ? 'disconnected' : null, node.topologyRole && node.topologyRole !== 'standard' ? `${node.topologyRole} forest` : null].filter(Boolean);
      const shown = node.domains.slice(0, MAX_DOMAIN_LINES);
      const lines: Line[] = [
        { text: `Today: ${today}${notes.length ? ` · ${notes.join(' · ')}` : ''}`, tone: 'neutral' },
        ...shown.flatMap((d): Line[] => [
          { text: `${d.domain}  ${plannedText(d.planned)}`, tone: (d.planned ?? 'muted') as Tone, dot: true, subject: { kind: 'domain', name: d.domain } },
          ...(d.partsOnConnect.length ? [{ text: `${d.partsOnConnect.join(', ')} stay on Connect Sync`, tone: 'connect-sync' as Tone, indent: true }] : []),
        ]),
      ];
      if (node.domains.length === 0) lines.push({ text: 'no domains recorded', tone: 'muted' });
      if (node.domains.length > shown.length) lines.push({ text: `+ ${node.domains.length - shown.length} more domains`, tone: 'muted' });
      return {
        caption: 'Forest',
        title: node.forest,
        badge: node.verdict ? { text: VERDICT_LABELS[node.verdict], tone: node.verdict } : { text: 'Not decided', tone: 'muted' },
        lines,
      };
    }
    case 'server': {
      const facts = [node.mode, node.version, node.database === 'sql-server' ? 'SQL Server' : node.database === 'localdb' ? 'LocalDB' : null].filter(Boolean).join(' · ');
      const stays = node.stays === true ? 'stays after the migration' : node.stays === false ? 'can be retired after cutover' : 'whether it stays is open';
      return {
        caption: 'Connect server',
        title: node.server,
        badge: null,
        lines: [
          { text: facts || 'version and mode unknown', tone: facts ? 'neutral' : 'muted' },
          { text: stays, tone: node.stays === true ? 'connect-sync' : node.stays === false ? 'cloud-sync' : 'muted', dot: node.stays !== null },
        ],
      };
    }
    case 'agents': {
      const shown = node.hosts.slice(0, MAX_HOST_LINES);
      const lines: Line[] = shown.map((h) => ({ text: h.os ? `${h.host} · ${h.os}` : h.host, tone: 'neutral', subject: { kind: 'host', name: h.host } }));
      if (node.hosts.length > shown.length) lines.push({ text: `+ ${node.hosts.length - shown.length} more hosts`, tone: 'muted' });
      return { caption: `Cloud Sync agent host${node.hosts.length === 1 ? '' : 's'}`, title: `for ${node.forest}`, badge: null, lines };
    }
    case 'external':
      return externalContent(node);
  }
}

function externalContent(node: ExternalNode): NodeContent {
  return { caption: 'Outside this workshop', title: node.name, badge: null, lines: [{ text: 'a trust names it; not in the inventory', tone: 'muted' }] };
}

/** The title band of a tenant, and a collapsed tenant's summary. */
export function tenantContent(tenant: TenantGroup): NodeContent {
  const title = tenant.name ?? 'No tenant recorded';
  const cloud = tenant.cloud ? ` · ${tenant.cloud}` : '';
  const counts = `${tenant.forests} forest${tenant.forests === 1 ? '' : 's'}, ${tenant.servers} Connect server${tenant.servers === 1 ? '' : 's'}, ${tenant.agentHosts} agent host${tenant.agentHosts === 1 ? '' : 's'}`;
  if (!tenant.collapsed) return { caption: `Tenant${cloud}`, title, badge: null, lines: [] };
  return {
    caption: `Tenant${cloud} (collapsed)`,
    title,
    badge: null,
    lines: [{ text: counts, tone: 'neutral' }, ...verdictCounts(tenant).map(([v, n]): Line => ({ text: `${n} × ${VERDICT_LABELS[v]}`, tone: v, dot: true }))],
  };
}
