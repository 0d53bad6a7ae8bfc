import type { DecisionResult, DomainEngine, Verdict } from '../engine/decision-schema.js';
import { normalizeTenant } from '../engine/estate-index.js';
import { VERDICT_ORDER } from '../engine/labels.js';
import type { Agent, ConnectServer, EstateModel, Forest, Inventory } from '../model/inventory.js';

/**
 * The estate as a diagram shows it, before any layout: tenants holding their forests, Connect servers
 * and agent hosts beside what they serve, and the links between forests. Tenants can be collapsed into
 * one box each (what a 200-forest estate needs to stay readable); links then join the boxes.
 */

export interface DomainLine {
  domain: string;
  /** The engine the decision plans for the domain; null when the forest has no decision. */
  planned: DomainEngine | null;
  /** Parts that stay on Connect Sync while the rest moves ("devices"). */
  partsOnConnect: string[];
}

export interface ForestNode {
  kind: 'forest';
  id: string;
  forest: string;
  tenant: string;
  currentEngine: Forest['currentEngine'];
  network: Forest['network'];
  topologyRole: Forest['topologyRole'];
  verdict: Verdict | null;
  domains: DomainLine[];
}

export interface ServerNode {
  kind: 'server';
  id: string;
  server: string;
  tenant: string;
  mode: ConnectServer['mode'];
  version: string | null;
  database: ConnectServer['database'];
  /** Whether Connect Sync keeps running on it after the migration: true, false, or null when open. */
  stays: boolean | null;
}

export interface AgentsNode {
  kind: 'agents';
  id: string;
  forest: string;
  tenant: string;
  hosts: { host: string; os: string | null }[];
}

/** The end of a trust that is no forest or domain of the workshop. */
export interface ExternalNode {
  kind: 'external';
  id: string;
  name: string;
}

export interface TenantGroup {
  id: string;
  /** null: forests that name no tenant. */
  name: string | null;
  cloud: string | null;
  collapsed: boolean;
  forests: number;
  /** Forests per verdict, for a collapsed tenant's summary. */
  verdicts: Partial<Record<Verdict, number>>;
  servers: number;
  agentHosts: number;
  /** The nodes drawn inside the tenant (none when collapsed). */
  children: (ForestNode | ServerNode | AgentsNode)[];
}

export type EdgeKind = 'trust' | 'merge' | 'references' | 'resource-for' | 'serves' | 'agents';
/** Arrowheads: at the target, at both ends, or none. */
export type EdgeArrows = 'forward' | 'both' | 'none';

export interface TopologyEdge {
  id: string;
  kind: EdgeKind;
  source: string;
  target: string;
  arrows: EdgeArrows;
  label: string | null;
}

export interface TopologyGraph {
  tenants: TenantGroup[];
  externals: ExternalNode[];
  edges: TopologyEdge[];
}

export type TopologyNode = ForestNode | ServerNode | AgentsNode | ExternalNode;

/** Above this many forests, tenants start collapsed: the diagram would not fit a screen otherwise. */
export const COLLAPSE_ABOVE_FORESTS = 30;

export const tenantId = (name: string | null) => `tenant:${name ?? ''}`;
export const forestId = (forest: string) => `forest:${forest}`;
export const serverId = (server: string) => `server:${server.toLowerCase()}`;
export const agentsId = (forest: string) => `agents:${forest}`;
const externalId = (name: string) => `external:${name}`;

/** The tenants drawn collapsed when the user has not chosen: none, unless the estate is too large to draw whole. */
export function defaultCollapsed(model: Pick<EstateModel, 'forests'>): Set<string> {
  if (model.forests.length <= COLLAPSE_ABOVE_FORESTS) return new Set();
  return new Set(model.forests.map((f) => tenantId(normalizeTenant(f.tenant))));
}

const TRUST_ARROWS: Record<NonNullable<Inventory['trusts'][number]['direction']>, EdgeArrows> = {
  // The arrow points from the trusting side to the trusted one.
  outbound: 'forward',
  inbound: 'forward',
  bidirectional: 'both',
};

function trustLabel(direction: string | null, type: string | null): string {
  const way = direction === 'bidirectional' ? 'two-way trust' : direction ? 'one-way trust' : 'trust';
  return type ? `${way} (${type.toLowerCase()})` : way;
}

const LINK_LABELS: Record<'merge' | 'references' | 'resource-for' | 'trust', string> = {
  merge: 'merge (same people)',
  references: 'references',
  'resource-for': 'resource forest for',
  trust: 'trust',
};

/** The estate's graph for the diagram; `collapsed` holds tenant ids (tenantId) drawn as one box. */
export function topologyGraph(model: EstateModel | Inventory, decisions: DecisionResult | null, collapsed: ReadonlySet<string> = new Set()): TopologyGraph {
  const decisionOf = new Map((decisions?.forests ?? []).map((d) => [d.forest, d]));
  const domainsOf = new Map<string, string[]>();
  const forestOfDomain = new Map<string, string>();
  for (const d of model.domains) {
    domainsOf.set(d.forest, [...(domainsOf.get(d.forest) ?? []), d.domain]);
    forestOfDomain.set(d.domain, d.forest);
  }
  const forestNames = new Set(model.forests.map((f) => f.forest));
  const tenantKeyOfForest = new Map(model.forests.map((f) => [f.forest, normalizeTenant(f.tenant)]));
  const staying = new Map((decisions?.estate.connect.servers ?? []).map((s) => [s.server.toLowerCase(), s.certain]));

  // Tenants: rows first (for their spelling and cloud), then names only forests and servers give.
  const tenants = new Map<string | null, TenantGroup>();
  const group = (key: string | null, spelled: string | null = key): TenantGroup => {
    let found = tenants.get(key);
    if (!found) {
      const row = key === null ? undefined : model.tenants.find((t) => normalizeTenant(t.name) === key);
      const id = tenantId(key);
      found = { id, name: row?.name ?? spelled, cloud: row?.cloud ?? null, collapsed: collapsed.has(id), forests: 0, verdicts: {}, servers: 0, agentHosts: 0, children: [] };
      tenants.set(key, found);
    }
    return found;
  };
  for (const t of model.tenants) group(normalizeTenant(t.name), t.name);

  // Where each node ends up: its own id, or its collapsed tenant's.
  const shownAs = new Map<string, string>();
  const place = (tenant: TenantGroup, node: ForestNode | ServerNode | AgentsNode) => {
    if (tenant.collapsed) shownAs.set(node.id, tenant.id);
    else {
      shownAs.set(node.id, node.id);
      tenant.children.push(node);
    }
  };

  for (const f of model.forests) {
    const tenant = group(normalizeTenant(f.tenant), f.tenant?.trim() || null);
    const decision = decisionOf.get(f.forest);
    const engines = new Map((decision?.domains ?? []).map((d) => [d.domain, d]));
    tenant.forests++;
    if (decision) tenant.verdicts[decision.verdict] = (tenant.verdicts[decision.verdict] ?? 0) + 1;
    place(tenant, {
      kind: 'forest',
      id: forestId(f.forest),
      forest: f.forest,
      tenant: tenant.id,
      currentEngine: f.currentEngine,
      network: f.network,
      topologyRole: f.topologyRole,
      verdict: decision?.verdict ?? null,
      domains: (domainsOf.get(f.forest) ?? []).map((domain) => ({
        domain,
        planned: engines.get(domain)?.engine ?? null,
        partsOnConnect: engines.get(domain)?.partsOnConnect ?? [],
      })),
    });
  }

  const edges = new Map<string, TopologyEdge>();
  const addEdge = (kind: EdgeKind, from: string, to: string, arrows: EdgeArrows, label: string | null) => {
    const source = shownAs.get(from) ?? from;
    const target = shownAs.get(to) ?? to;
    if (source === target) return;
    // One line per pair and kind: links that collapsing joins into one are counted on it.
    const pair = arrows === 'forward' ? `${source}>${target}` : [source, target].sort().join('|');
    const id = `${kind}:${pair}`;
    const found = edges.get(id);
    if (!found) return void edges.set(id, { id, kind, source, target, arrows, label });
    // Several links drawn as one (between collapsed tenants) say how many they are.
    const count = Number(/^(\d+) links?/.exec(found.label ?? '')?.[1] ?? 1) + 1;
    found.label = kind === 'serves' || kind === 'agents' ? null : `${count} links: ${LINK_LABELS[kind as keyof typeof LINK_LABELS]}`;
    if (found.arrows !== arrows) found.arrows = 'both';
  };

  for (const s of model.connectServers) {
    const key = normalizeTenant(s.tenant) ?? (s.forests[0] !== undefined ? (tenantKeyOfForest.get(s.forests[0]) ?? null) : null);
    const tenant = group(key, s.tenant?.trim() || null);
    tenant.servers++;
    const node: ServerNode = {
      kind: 'server',
      id: serverId(s.server),
      server: s.server,
      tenant: tenant.id,
      mode: s.mode,
      version: s.version,
      database: s.database,
      stays: staying.has(s.server.toLowerCase()) ? (staying.get(s.server.toLowerCase()) ? true : null) : decisions ? false : null,
    };
    place(tenant, node);
  }

  const agentsByForest = new Map<string, Agent[]>();
  for (const a of model.agents) agentsByForest.set(a.forest, [...(agentsByForest.get(a.forest) ?? []), a]);
  for (const [forest, agents] of agentsByForest) {
    const tenant = group(tenantKeyOfForest.get(forest) ?? null);
    tenant.agentHosts += agents.length;
    place(tenant, { kind: 'agents', id: agentsId(forest), forest, tenant: tenant.id, hosts: agents.map((a) => ({ host: a.host, os: a.os })) });
  }

  // Servers sync their forests; agent hosts hang off the forest they serve.
  for (const s of model.connectServers) for (const f of s.forests) if (forestNames.has(f)) addEdge('serves', serverId(s.server), forestId(f), 'forward', null);
  for (const forest of agentsByForest.keys()) if (forestNames.has(forest)) addEdge('agents', forestId(forest), agentsId(forest), 'none', null);

  const externals = new Map<string, ExternalNode>();
  const endOf = (name: string): string => {
    const forest = forestNames.has(name) ? name : forestOfDomain.get(name);
    if (forest !== undefined) return forestId(forest);
    const id = externalId(name);
    if (!externals.has(id)) externals.set(id, { kind: 'external', id, name });
    return id;
  };
  for (const t of model.trusts) {
    const reversed = t.direction === 'inbound';
    const [from, to] = reversed ? [endOf(t.target), endOf(t.source)] : [endOf(t.source), endOf(t.target)];
    addEdge('trust', from, to, t.direction ? TRUST_ARROWS[t.direction] : 'none', trustLabel(t.direction, t.trustType));
  }
  for (const l of model.forestLinks) {
    const arrows: EdgeArrows = l.kind === 'trust' ? (l.direction === 'two-way' ? 'both' : l.direction === 'one-way' ? 'forward' : 'none') : l.kind === 'merge' ? 'none' : 'forward';
    const label = l.kind === 'trust' ? trustLabel(l.direction === 'two-way' ? 'bidirectional' : l.direction === 'one-way' ? 'outbound' : null, null) : LINK_LABELS[l.kind];
    addEdge(l.kind, forestId(l.forest), forestId(l.otherForest), arrows, label);
  }

  const ordered = [...tenants.values()].filter((t) => t.forests + t.servers + t.agentHosts > 0 || t.name !== null);
  ordered.sort((a, b) => (a.name === null ? 1 : b.name === null ? -1 : a.name.localeCompare(b.name)));
  return { tenants: ordered, externals: [...externals.values()], edges: [...edges.values()] };
}

/** A collapsed tenant's verdicts, most hopeful first. */
export const verdictCounts = (tenant: TenantGroup): [Verdict, number][] =>
  VERDICT_ORDER.flatMap((v) => (tenant.verdicts[v] ? [[v, tenant.verdicts[v] as number] as [Verdict, number]] : []));
