import type { Db } from '../store/workshop-db.js';
import {
  deleteForest,
  readInventory,
  saveAgent,
  saveConnectServer,
  saveDomain,
  saveForest,
  saveForestLink,
  saveHygiene,
  saveOu,
  saveTrust,
} from '../store/inventory-repo.js';
import { blankRow, isBlank } from '../../shared/model/entity.js';
import { swapTypedCounts } from '../../shared/model/typed-counts.js';
import { agentEntity, connectServerEntity, domainEntity, forestEntity, forestLinkEntity, ouEntity } from '../../shared/model/entities.js';
import type { Agent, ConnectServer, Domain, Forest, ForestLink, HygieneFinding, Inventory, Ou } from '../../shared/model/inventory.js';
import { dnKey, domainOfRdns, formatDn, parseDn } from '../../shared/model/distinguished-name.js';
import type { ImportChanges } from '../../shared/import/summary.js';
import { forestLinkKey, type ImportBatch } from './batch.js';
import { CATEGORIES } from './rollup.js';

/**
 * Writes a staged import into the workshop. The caller runs this inside one transaction: either all
 * of it lands or none. Stored values stay wherever the import said nothing (an unknown is not a "no").
 *
 * The workshop's rows are read once, then each merge step below applies one part of the batch, in
 * order: later steps rely on what earlier ones placed (domains need their forests, OUs their domains).
 */
const COUNT_FIELD = { user: 'users', group: 'groups', contact: 'contacts', computer: 'computers' } as const;

function patched<T extends object>(base: T, patch: object): T {
  const out = { ...base } as Record<string, unknown>;
  for (const [key, value] of Object.entries(patch)) if (value !== undefined && key in out) out[key] = value;
  return out as T;
}

/** The workshop's rows as this import changes them, and which of them it touched. */
class Staged {
  readonly forests: Map<string, Forest>;
  readonly domains: Map<string, Domain>;
  readonly ous: Map<string, Ou>;
  readonly servers: Map<string, ConnectServer>;
  readonly agents: Map<string, Agent>;
  readonly links: Map<string, ForestLink>;
  readonly touched = { forests: new Set<string>(), domains: new Set<string>(), ous: new Set<string>() };
  readonly serversToSave: ConnectServer[] = [];
  readonly agentsToSave: Agent[] = [];
  readonly linksToSave: ForestLink[] = [];
  findings: HygieneFinding[] = [];
  /** Domains a forest of this import lists as its own (Get-ADForest Domains): where they belong. */
  readonly home = new Map<string, string>();
  /** Forests named after a domain only because nothing said otherwise, until the import placed that domain. */
  readonly placeholders = new Set<string>();

  /** Counts a person typed are swapped out: the import merges on the values it computed (see write). */
  constructor(stored: Inventory) {
    this.forests = new Map(stored.forests.map((f) => [f.forest, f]));
    this.domains = new Map(stored.domains.map((d) => [d.domain, swapTypedCounts(d)]));
    this.ous = new Map(stored.ous.map((o) => [dnKey(o.distinguishedName), swapTypedCounts(o)]));
    this.servers = new Map(stored.connectServers.map((s) => [s.server.toLowerCase(), s]));
    this.agents = new Map(stored.agents.map((a) => [a.host.toLowerCase(), a]));
    this.links = new Map(stored.forestLinks.map((l) => [forestLinkKey(l), l]));
  }

  putForest(forest: Forest): void {
    this.forests.set(forest.forest, forest);
    this.touched.forests.add(forest.forest);
  }

  ensureForest(name: string): Forest {
    const found = this.forests.get(name);
    if (found) return found;
    const created = blankRow(forestEntity, { forest: name });
    this.putForest(created);
    return created;
  }

  putDomain(domain: Domain): void {
    this.ensureForest(domain.forest);
    this.domains.set(domain.domain, domain);
    this.touched.domains.add(domain.domain);
  }

  /** Without a forest column: where the workshop already has it, else a forest listing it, else a forest of its own name. */
  forestOf(domain: string): string {
    return this.domains.get(domain)?.forest ?? this.home.get(domain) ?? domain;
  }

  ensureDomain(name: string): Domain {
    const found = this.domains.get(name);
    if (found) return found;
    const created = blankRow(domainEntity, { domain: name, forest: this.forestOf(name) });
    this.putDomain(created);
    return created;
  }

  putOu(key: string, ou: Ou): void {
    this.ensureDomain(ou.domain);
    this.ous.set(key, ou);
    this.touched.ous.add(key);
  }
}

type Step = (staged: Staged, batch: ImportBatch) => void;

/** Forests first: their member lists tell where domains without a forest column belong. */
const mergeForests: Step = (staged, batch) => {
  for (const patch of batch.forests.values()) {
    const base = staged.forests.get(patch.forest) ?? blankRow(forestEntity, { forest: patch.forest });
    const { features, memberDomains, upnSuffixes: _suffixes, ...fields } = patch;
    const merged = patched(base, fields);
    merged.features = { ...base.features, ...Object.fromEntries(Object.entries(features ?? {}).filter(([, v]) => v !== undefined)) };
    staged.putForest(merged);
    for (const domain of memberDomains ?? []) staged.home.set(domain, patch.forest);
  }
};

const mergeDomains: Step = (staged, batch) => {
  for (const patch of batch.domains.values()) {
    const base = staged.domains.get(patch.domain) ?? blankRow(domainEntity, { domain: patch.domain, forest: patch.forest ?? staged.forestOf(patch.domain) });
    staged.putDomain(patched(base, patch));
  }
};

/**
 * A domain that went into a forest of its own name only because nothing said otherwise moves to the
 * forest that now lists it; that placeholder forest goes later if nothing else refers to it.
 */
const moveDomainsHome: Step = (staged, batch) => {
  for (const [name, forest] of staged.home) {
    const stored = staged.domains.get(name);
    if (stored && stored.forest === name && forest !== name && batch.domains.get(name)?.forest === undefined) {
      staged.putDomain({ ...stored, forest });
      staged.placeholders.add(name);
    }
  }
  for (const domain of staged.home.keys()) staged.ensureDomain(domain);
};

/** Forest-wide UPN suffixes go to every domain of the forest. */
const spreadUpnSuffixes: Step = (staged, batch) => {
  for (const patch of batch.forests.values()) {
    if (!patch.upnSuffixes?.length) continue;
    for (const domain of staged.domains.values()) {
      if (domain.forest !== patch.forest) continue;
      const suffixes = [...new Set([...domain.upnSuffixes, ...patch.upnSuffixes])];
      if (suffixes.length !== domain.upnSuffixes.length) staged.putDomain({ ...domain, upnSuffixes: suffixes });
    }
  }
};

const mergeOus: Step = (staged, batch) => {
  for (const [key, patch] of batch.ous) {
    const base = staged.ous.get(key) ?? blankRow(ouEntity, { domain: patch.domain, distinguishedName: patch.distinguishedName });
    staged.putOu(key, patched(base, patch));
  }
};

/** A per-object export replaces its domain's counts of that kind, and the same counts of every OU in the domain. */
const applyRollup: Step = (staged, { rollup }) => {
  for (const [name, totals] of rollup.domains) {
    const domain = { ...staged.ensureDomain(name) };
    for (const category of totals.covered) domain[COUNT_FIELD[category]] = totals.counts[CATEGORIES.indexOf(category)] ?? 0;
    if (totals.largestGroup !== null) domain.largestGroupMembers = totals.largestGroup;
    if (totals.inetOrgPersons !== null) domain.inetOrgPersons = totals.inetOrgPersons;
    staged.putDomain(domain);
    if (totals.covered.size === 0) continue;
    for (const container of rollup.containers.values()) {
      if (container.domain === name && !staged.ous.has(container.key)) {
        staged.ous.set(container.key, blankRow(ouEntity, { domain: name, distinguishedName: container.dn }));
      }
    }
    for (const [key, ou] of staged.ous) {
      if (ou.domain !== name) continue;
      const container = rollup.containers.get(key);
      const updated = { ...ou };
      for (const category of totals.covered) updated[COUNT_FIELD[category]] = container?.counts[CATEGORIES.indexOf(category)] ?? 0;
      staged.putOu(key, updated);
    }
  }
};

/** Whether an OU is synced by Connect: the nearest listed OU at or above it decides; none listed means not included. */
function scopeOf(ouKey: string, included: Set<string>, excluded: Set<string>): boolean {
  const parsed = parseDn(ouKey);
  if (!parsed.ok) return false;
  for (let i = 0; i < parsed.rdns.length; i++) {
    const key = dnKey(formatDn(parsed.rdns.slice(i)));
    if (excluded.has(key)) return false;
    if (included.has(key)) return true;
  }
  return false;
}

function applyScope(staged: Staged, scope: { includedOus: string[]; excludedOus: string[] }, fromThisImport: boolean): void {
  const included = new Set(scope.includedOus.map(dnKey));
  const excluded = new Set(scope.excludedOus.map(dnKey));
  const scopedDomains = new Set<string>();
  for (const dn of [...scope.includedOus, ...scope.excludedOus]) {
    const parsed = parseDn(dn);
    const domain = parsed.ok ? domainOfRdns(parsed.rdns) : null;
    if (!parsed.ok || domain === null) continue;
    scopedDomains.add(domain);
    const isDomainRoot = parsed.rdns.every((r) => r.type.toLowerCase() === 'dc');
    if (fromThisImport && !isDomainRoot && !staged.ous.has(dnKey(dn))) {
      staged.putOu(dnKey(dn), blankRow(ouEntity, { domain, distinguishedName: dn }));
    }
  }
  for (const [key, ou] of staged.ous) {
    if (!scopedDomains.has(ou.domain)) continue;
    if (!fromThisImport && (ou.inConnectScope !== null || !staged.touched.ous.has(key))) continue;
    const inScope = scopeOf(key, included, excluded);
    if (ou.inConnectScope !== inScope) staged.putOu(key, { ...ou, inConnectScope: inScope });
  }
}

/**
 * Connect's OU filter: listed OUs as configured, every other OU of the same domains by its nearest
 * listed parent. A Connect export in this import decides for all OUs of its domains; the filters of
 * servers already in the workshop only fill in OUs that this import added without a scope.
 */
const applyConnectScopes: Step = (staged, batch) => {
  for (const scope of batch.connectScopes) applyScope(staged, scope, true);
  for (const [key, server] of staged.servers) {
    if (!batch.servers.has(key)) for (const scope of server.scopes) applyScope(staged, scope, false);
  }
};

const mergeServers: Step = (staged, batch) => {
  for (const [key, patch] of batch.servers) {
    const server = patched(staged.servers.get(key) ?? blankRow(connectServerEntity, { server: patch.server }), patch);
    for (const name of server.forests) {
      const forest = staged.ensureForest(name);
      // A forest a Connect server syncs is on Connect Sync, and syncs to that server's tenant (a server
      // serves one tenant), unless the workshop already says otherwise.
      const currentEngine = forest.currentEngine ?? 'connect-sync';
      const tenant = forest.tenant ?? server.tenant;
      if (currentEngine !== forest.currentEngine || tenant !== forest.tenant) staged.putForest({ ...forest, currentEngine, tenant });
    }
    staged.serversToSave.push(server);
  }
};

const mergeAgents: Step = (staged, batch) => {
  for (const [key, patch] of batch.agents) {
    const agent = patched(staged.agents.get(key) ?? blankRow(agentEntity, { host: patch.host, forest: patch.forest }), patch);
    staged.ensureForest(agent.forest);
    staged.agentsToSave.push(agent);
  }
};

/** A link may name forests the workshop does not have yet: both ends are created, known by name only. */
const mergeForestLinks: Step = (staged, batch) => {
  for (const [key, patch] of batch.forestLinks) {
    staged.ensureForest(patch.forest);
    staged.ensureForest(patch.otherForest);
    staged.linksToSave.push(patched(staged.links.get(key) ?? blankRow(forestLinkEntity, patch), patch));
  }
};

const collectFindings: Step = (staged, batch) => {
  staged.findings = batch.hygiene.findings();
  for (const finding of staged.findings) staged.ensureDomain(finding.domain);
};

const STEPS: readonly Step[] = [
  mergeForests,
  mergeDomains,
  moveDomainsHome,
  spreadUpnSuffixes,
  mergeOus,
  applyRollup,
  applyConnectScopes,
  mergeServers,
  mergeAgents,
  mergeForestLinks,
  collectFindings,
];

function write(db: Db, staged: Staged, batch: ImportBatch): void {
  for (const name of staged.touched.forests) saveForest(db, staged.forests.get(name) as Forest);
  // A count a person typed stays in use; what this import computed for it is kept beside it.
  for (const name of staged.touched.domains) saveDomain(db, swapTypedCounts(staged.domains.get(name) as Domain));
  for (const key of staged.touched.ous) saveOu(db, swapTypedCounts(staged.ous.get(key) as Ou));
  for (const server of staged.serversToSave) saveConnectServer(db, server);
  for (const agent of staged.agentsToSave) saveAgent(db, agent);
  for (const trust of batch.trusts.values()) saveTrust(db, trust);
  for (const link of staged.linksToSave) saveForestLink(db, link);
  for (const finding of staged.findings) saveHygiene(db, finding);
}

/** A placeholder forest that ended up with no domain, agent, server or link and says nothing but its name goes. */
function dropUnusedPlaceholders(db: Db, staged: Staged): void {
  const referenced = new Set([
    ...[...staged.domains.values()].map((d) => d.forest),
    ...[...staged.agents.values(), ...staged.agentsToSave].map((a) => a.forest),
    ...[...staged.servers.values(), ...staged.serversToSave].flatMap((s) => s.forests),
    ...[...staged.links.values(), ...staged.linksToSave].flatMap((l) => [l.forest, l.otherForest]),
  ]);
  for (const name of staged.placeholders) {
    const forest = staged.forests.get(name);
    if (forest && !referenced.has(name) && isBlank(forestEntity, forest)) {
      deleteForest(db, name);
      staged.touched.forests.delete(name);
    }
  }
}

export function commitBatch(db: Db, batch: ImportBatch): ImportChanges {
  const staged = new Staged(readInventory(db));
  for (const step of STEPS) step(staged, batch);
  write(db, staged, batch);
  dropUnusedPlaceholders(db, staged);
  return {
    forests: staged.touched.forests.size,
    domains: staged.touched.domains.size,
    ous: staged.touched.ous.size,
    connectServers: batch.servers.size,
    agents: batch.agents.size,
    trusts: batch.trusts.size,
    forestLinks: batch.forestLinks.size,
    hygiene: staged.findings.length,
  };
}
