import type { Agent, ConnectorScope, ConnectServer, Domain, EstateModel, Forest, HygieneFinding } from '../model/inventory.js';
import type { ForestLinkRef } from './decision-schema.js';
import { deriveLinks, TYING_KINDS } from './links.js';

/** Objects Connect Sync holds for some scope: a lower bound, and whether every count was known. */
export interface ObjectTally {
  readonly lower: number;
  readonly complete: boolean;
}

/** Other active Connect servers of the same tenant: known for sure, or possible given unknown fields. */
export interface ActiveServerConflicts {
  readonly known: readonly string[];
  readonly possible: readonly string[];
}

/**
 * The inventory indexed once per decision, so that every rule looks up its forest's rows in a Map
 * instead of scanning the estate (200 forests × 100,000 OUs would otherwise dominate the run).
 * Every list is sorted by its key so findings do not depend on import order.
 */
export interface EstateIndex {
  readonly forests: readonly Forest[];
  readonly domainsByForest: ReadonlyMap<string, readonly Domain[]>;
  readonly ouCountByDomain: ReadonlyMap<string, number>;
  readonly agentsByForest: ReadonlyMap<string, readonly Agent[]>;
  readonly serversByForest: ReadonlyMap<string, readonly ConnectServer[]>;
  /** By forest: the Connect connector scopes (included and excluded OUs) that name it, from every server. */
  readonly scopesByForest: ReadonlyMap<string, readonly ConnectorScope[]>;
  readonly hygieneByDomain: ReadonlyMap<string, readonly HygieneFinding[]>;
  readonly servers: readonly ConnectServer[];
  /** By host name without its DNS suffix, lower-case: to spot an agent sharing a host with a Connect server. */
  readonly serversByHost: ReadonlyMap<string, readonly ConnectServer[]>;
  /** Every tenant named by a forest or a Connect server, lower-case and sorted. */
  readonly tenants: readonly string[];
  /** By forest: its users, groups, contacts and computers. */
  readonly forestObjects: ReadonlyMap<string, ObjectTally>;
  /** By server name: the objects of the forests it serves. */
  readonly connectLoad: ReadonlyMap<string, ObjectTally>;
  /** By server name. */
  readonly activeConflicts: ReadonlyMap<string, ActiveServerConflicts>;
  /** Every link between two forests of the inventory (links.ts), sorted. */
  readonly links: readonly ForestLinkRef[];
  /** By forest: every link that names it. */
  readonly linksByForest: ReadonlyMap<string, readonly ForestLinkRef[]>;
  /** By forest: the merge, references and resource-for links that tie its verdict to another forest's. */
  readonly tyingByForest: ReadonlyMap<string, readonly ForestLinkRef[]>;
  /** By lower-case tenant: the forests that name it, sorted. */
  readonly forestsByTenant: ReadonlyMap<string, readonly Forest[]>;
}

const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function group<T>(rows: readonly T[], keyOf: (row: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const list = map.get(key);
    if (list) list.push(row);
    else map.set(key, [row]);
  }
  return map;
}

function sortGroups<T>(map: Map<string, T[]>, keyOf: (row: T) => string): Map<string, T[]> {
  for (const list of map.values()) list.sort((a, b) => byName(keyOf(a), keyOf(b)));
  return map;
}

/** "SYNC01.contoso.com" → "sync01". */
export function shortHostName(host: string): string {
  return host.trim().toLowerCase().split('.')[0] ?? '';
}

export function normalizeTenant(tenant: string | null): string | null {
  const t = tenant?.trim().toLowerCase() ?? '';
  return t === '' ? null : t;
}

/** Users, groups, contacts and computers of a forest: what a Connect Sync metaverse holds. */
function forestTally(domains: readonly Domain[]): ObjectTally {
  let lower = 0;
  let complete = domains.length > 0;
  for (const d of domains) {
    for (const n of [d.users, d.groups, d.contacts, d.computers]) {
      if (n === null) complete = false;
      else lower += n;
    }
  }
  return { lower, complete };
}

function connectLoads(servers: readonly ConnectServer[], forestObjects: ReadonlyMap<string, ObjectTally>) {
  const loads = new Map<string, ObjectTally>();
  for (const s of servers) {
    let lower = 0;
    let complete = s.forests.length > 0;
    for (const f of new Set(s.forests)) {
      const t = forestObjects.get(f) ?? { lower: 0, complete: false };
      lower += t.lower;
      complete &&= t.complete;
    }
    loads.set(s.server, { lower, complete });
  }
  return loads;
}

/**
 * CTOPO allows one active server per tenant. A server whose mode or tenant is unknown may still be
 * that second active server, so it is listed as a possible conflict.
 */
function activeConflicts(servers: readonly ConnectServer[]): Map<string, ActiveServerConflicts> {
  const candidates = servers.filter((s) => s.mode !== 'staging');
  const byTenant = group(
    candidates.filter((s) => normalizeTenant(s.tenant) !== null),
    (s) => normalizeTenant(s.tenant) as string,
  );
  const tenantUnknown = candidates.filter((s) => normalizeTenant(s.tenant) === null);
  const result = new Map<string, ActiveServerConflicts>();
  for (const s of candidates) {
    const tenant = normalizeTenant(s.tenant);
    const others = (tenant === null ? candidates : [...(byTenant.get(tenant) ?? []), ...tenantUnknown]).filter(
      (o) => o !== s,
    );
    const known: string[] = [];
    const possible: string[] = [];
    for (const o of others) {
      const sure = s.mode === 'active' && o.mode === 'active' && tenant !== null && normalizeTenant(o.tenant) === tenant;
      (sure ? known : possible).push(o.server);
    }
    result.set(s.server, { known: known.sort(byName), possible: possible.sort(byName) });
  }
  return result;
}

export function indexEstate(inventory: EstateModel): EstateIndex {
  const domainsByForest = sortGroups(group(inventory.domains, (d) => d.forest), (d) => d.domain);
  const ouCountByDomain = new Map(Object.entries(inventory.ouCounts));
  const servers = [...inventory.connectServers].sort((a, b) => byName(a.server, b.server));
  const serversByForest = new Map<string, ConnectServer[]>();
  for (const s of servers) {
    for (const f of new Set(s.forests)) {
      const list = serversByForest.get(f);
      if (list) list.push(s);
      else serversByForest.set(f, [s]);
    }
  }
  const forestObjects = new Map<string, ObjectTally>();
  for (const f of inventory.forests) forestObjects.set(f.forest, forestTally(domainsByForest.get(f.forest) ?? []));
  const tenants = new Set<string>();
  for (const t of [...inventory.forests.map((f) => f.tenant), ...servers.map((s) => s.tenant)]) {
    const n = normalizeTenant(t);
    if (n !== null) tenants.add(n);
  }
  const forests = [...inventory.forests].sort((a, b) => byName(a.forest, b.forest));
  const links = deriveLinks(inventory.forestLinks, inventory.trusts, inventory.domains, new Set(forests.map((f) => f.forest)));
  const linksByForest = new Map<string, ForestLinkRef[]>();
  const tyingByForest = new Map<string, ForestLinkRef[]>();
  for (const l of links) {
    for (const f of [l.forest, l.otherForest]) {
      linksByForest.set(f, [...(linksByForest.get(f) ?? []), l]);
      if (TYING_KINDS.has(l.kind)) tyingByForest.set(f, [...(tyingByForest.get(f) ?? []), l]);
    }
  }
  return {
    forests,
    domainsByForest,
    ouCountByDomain,
    agentsByForest: sortGroups(group(inventory.agents, (a) => a.forest), (a) => a.host.toLowerCase()),
    serversByForest,
    scopesByForest: group(
      servers.flatMap((s) => s.scopes),
      (scope) => scope.forest,
    ),
    hygieneByDomain: sortGroups(group(inventory.hygiene, (h) => h.domain), (h) => h.check),
    servers,
    serversByHost: group(servers, (s) => shortHostName(s.server)),
    tenants: [...tenants].sort(byName),
    forestObjects,
    connectLoad: connectLoads(servers, forestObjects),
    activeConflicts: activeConflicts(servers),
    links,
    linksByForest,
    tyingByForest,
    forestsByTenant: group(
      forests.filter((f) => normalizeTenant(f.tenant) !== null),
      (f) => normalizeTenant(f.tenant) as string,
    ),
  };
}
