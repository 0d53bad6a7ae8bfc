import type { Db } from '../store/workshop-db.js';
import {
  deleteForest,
  readInventory,
  saveAgent,
  saveConnectServer,
  saveDomain,
  saveForest,
  saveHygiene,
  saveOu,
  saveTrust,
} from '../store/inventory-repo.js';
import { bareForest, type Agent, type ConnectServer, type Domain, type Forest, type Ou } from '../../shared/model/inventory.js';
import { dnKey, domainOfRdns, formatDn, parseDn } from '../../shared/model/distinguished-name.js';
import type { ImportChanges } from '../../shared/import/summary.js';
import type { ImportBatch } from './batch.js';
import { CATEGORIES } from './rollup.js';

/**
 * Writes a staged import into the workshop. The caller runs this inside one transaction: either all
 * of it lands or none. Stored values stay wherever the import said nothing (an unknown is not a "no").
 */
const COUNT_FIELD = { user: 'users', group: 'groups', contact: 'contacts', computer: 'computers' } as const;

function patched<T extends object>(base: T, patch: object): T {
  const out = { ...base } as Record<string, unknown>;
  for (const [key, value] of Object.entries(patch)) if (value !== undefined && key in out) out[key] = value;
  return out as T;
}


/** A forest row that says nothing but its name. */
const isBare = (f: Forest): boolean =>
  [f.tenant, f.functionalLevel, f.schemaVersion, f.network, f.currentEngine, f.sourceAnchor, f.topologyRole].every((v) => v === null) &&
  Object.values(f.features).every((v) => v === null) &&
  f.notes === '';

const bareDomain = (domain: string, forest: string): Domain => ({
  forest,
  domain,
  netbios: null,
  functionalLevel: null,
  users: null,
  groups: null,
  contacts: null,
  computers: null,
  largestGroupMembers: null,
  upnSuffixes: [],
  inetOrgPersons: null,
});

const bareOu = (domain: string, distinguishedName: string): Ou => ({
  domain,
  distinguishedName,
  users: null,
  groups: null,
  contacts: null,
  computers: null,
  inConnectScope: null,
});

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

export function commitBatch(db: Db, batch: ImportBatch): ImportChanges {
  const stored = readInventory(db);
  const forests = new Map(stored.forests.map((f) => [f.forest, f]));
  const domains = new Map(stored.domains.map((d) => [d.domain, d]));
  const ous = new Map(stored.ous.map((o) => [dnKey(o.distinguishedName), o]));
  const servers = new Map(stored.connectServers.map((s) => [s.server.toLowerCase(), s]));
  const agents = new Map(stored.agents.map((a) => [a.host.toLowerCase(), a]));
  const touched = { forests: new Set<string>(), domains: new Set<string>(), ous: new Set<string>() };

  const putForest = (forest: Forest) => {
    forests.set(forest.forest, forest);
    touched.forests.add(forest.forest);
  };
  const ensureForest = (name: string): Forest => {
    const found = forests.get(name);
    if (found) return found;
    const created = bareForest(name);
    putForest(created);
    return created;
  };

  // Forests first: their member lists tell where domains without a forest column belong.
  const home = new Map<string, string>();
  for (const patch of batch.forests.values()) {
    const base = forests.get(patch.forest) ?? bareForest(patch.forest);
    const { features, memberDomains, upnSuffixes: _suffixes, ...fields } = patch;
    const merged = patched(base, fields);
    merged.features = { ...base.features, ...Object.fromEntries(Object.entries(features ?? {}).filter(([, v]) => v !== undefined)) };
    putForest(merged);
    for (const domain of memberDomains ?? []) home.set(domain, patch.forest);
  }

  const putDomain = (domain: Domain) => {
    ensureForest(domain.forest);
    domains.set(domain.domain, domain);
    touched.domains.add(domain.domain);
  };
  /** Without a forest column: where the workshop already has it, else a forest listing it, else a forest of its own name. */
  const forestOf = (domain: string) => domains.get(domain)?.forest ?? home.get(domain) ?? domain;
  const ensureDomain = (name: string): Domain => {
    const found = domains.get(name);
    if (found) return found;
    const created = bareDomain(name, forestOf(name));
    putDomain(created);
    return created;
  };

  for (const patch of batch.domains.values()) {
    const base = domains.get(patch.domain) ?? bareDomain(patch.domain, patch.forest ?? forestOf(patch.domain));
    putDomain(patched(base, patch));
  }
  // A domain that went into a forest of its own name only because nothing said otherwise moves to the
  // forest that now lists it; that placeholder forest goes if nothing else refers to it.
  const placeholders = new Set<string>();
  for (const [name, forest] of home) {
    const stored = domains.get(name);
    if (stored && stored.forest === name && forest !== name && batch.domains.get(name)?.forest === undefined) {
      putDomain({ ...stored, forest });
      placeholders.add(name);
    }
  }
  for (const domain of home.keys()) ensureDomain(domain);
  for (const patch of batch.forests.values()) {
    if (!patch.upnSuffixes?.length) continue;
    for (const domain of domains.values()) {
      if (domain.forest !== patch.forest) continue;
      const suffixes = [...new Set([...domain.upnSuffixes, ...patch.upnSuffixes])];
      if (suffixes.length !== domain.upnSuffixes.length) putDomain({ ...domain, upnSuffixes: suffixes });
    }
  }

  const putOu = (key: string, ou: Ou) => {
    ensureDomain(ou.domain);
    ous.set(key, ou);
    touched.ous.add(key);
  };
  for (const [key, patch] of batch.ous) putOu(key, patched(ous.get(key) ?? bareOu(patch.domain, patch.distinguishedName), patch));

  // A per-object export replaces its domain's counts of that kind, and the same counts of every OU in the domain.
  const { rollup } = batch;
  for (const [name, totals] of rollup.domains) {
    const domain = { ...ensureDomain(name) };
    for (const category of totals.covered) domain[COUNT_FIELD[category]] = totals.counts[CATEGORIES.indexOf(category)] ?? 0;
    if (totals.largestGroup !== null) domain.largestGroupMembers = totals.largestGroup;
    if (totals.inetOrgPersons !== null) domain.inetOrgPersons = totals.inetOrgPersons;
    putDomain(domain);
    if (totals.covered.size === 0) continue;
    for (const container of rollup.containers.values()) {
      if (container.domain === name && !ous.has(container.key)) ous.set(container.key, bareOu(name, container.dn));
    }
    for (const [key, ou] of ous) {
      if (ou.domain !== name) continue;
      const container = rollup.containers.get(key);
      const updated = { ...ou };
      for (const category of totals.covered) updated[COUNT_FIELD[category]] = container?.counts[CATEGORIES.indexOf(category)] ?? 0;
      putOu(key, updated);
    }
  }

  // Connect's OU filter: listed OUs as configured, every other OU of the same domains by its nearest
  // listed parent. A Connect export in this import decides for all OUs of its domains; the filters of
  // servers already in the workshop only fill in OUs that this import added without a scope.
  const applyScope = (scope: { includedOus: string[]; excludedOus: string[] }, fromThisImport: boolean) => {
    const included = new Set(scope.includedOus.map(dnKey));
    const excluded = new Set(scope.excludedOus.map(dnKey));
    const scopedDomains = new Set<string>();
    for (const dn of [...scope.includedOus, ...scope.excludedOus]) {
      const parsed = parseDn(dn);
      const domain = parsed.ok ? domainOfRdns(parsed.rdns) : null;
      if (!parsed.ok || domain === null) continue;
      scopedDomains.add(domain);
      const isDomainRoot = parsed.rdns.every((r) => r.type.toLowerCase() === 'dc');
      if (fromThisImport && !isDomainRoot && !ous.has(dnKey(dn))) putOu(dnKey(dn), bareOu(domain, dn));
    }
    for (const [key, ou] of ous) {
      if (!scopedDomains.has(ou.domain)) continue;
      if (!fromThisImport && (ou.inConnectScope !== null || !touched.ous.has(key))) continue;
      const inScope = scopeOf(key, included, excluded);
      if (ou.inConnectScope !== inScope) putOu(key, { ...ou, inConnectScope: inScope });
    }
  };
  for (const scope of batch.connectScopes) applyScope(scope, true);
  for (const [key, server] of servers) {
    if (!batch.servers.has(key)) for (const scope of server.scopes) applyScope(scope, false);
  }

  const serversToSave: ConnectServer[] = [];
  for (const [key, patch] of batch.servers) {
    const base: ConnectServer = servers.get(key) ?? {
      server: patch.server,
      forests: [],
      tenant: null,
      version: null,
      mode: null,
      os: null,
      database: null,
      standardRules: null,
      customRules: null,
      disabledRules: null,
      pilotNoFlowRules: null,
      joinRules: null,
      nonAdConnectors: null,
      syncsUserType: null,
      signOnMethod: null,
      scopes: [],
    };
    const server = patched(base, patch);
    for (const name of server.forests) {
      const forest = ensureForest(name);
      // A forest a Connect server syncs is on Connect Sync, unless the workshop already says otherwise.
      if (forest.currentEngine === null) putForest({ ...forest, currentEngine: 'connect-sync' });
    }
    serversToSave.push(server);
  }

  const agentsToSave: Agent[] = [];

  for (const [key, patch] of batch.agents) {
    const base: Agent = agents.get(key) ?? {
      host: patch.host,
      forest: patch.forest,
      domain: null,
      os: null,
      ramGb: null,
      dotnet: null,
      serverCore: null,
      domainJoined: null,
      tls12: null,
      ldap389: null,
      gc3268: null,
      outbound443: null,
      agentVersion: null,
    };
    const agent = patched(base, patch);
    ensureForest(agent.forest);
    agentsToSave.push(agent);
  }

  const findings = batch.hygiene.findings();
  for (const finding of findings) ensureDomain(finding.domain);

  for (const name of touched.forests) saveForest(db, forests.get(name) as Forest);
  for (const name of touched.domains) saveDomain(db, domains.get(name) as Domain);
  for (const key of touched.ous) saveOu(db, ous.get(key) as Ou);
  for (const server of serversToSave) saveConnectServer(db, server);
  for (const agent of agentsToSave) saveAgent(db, agent);
  for (const trust of batch.trusts.values()) saveTrust(db, trust);
  for (const finding of findings) saveHygiene(db, finding);

  const referenced = new Set([
    ...[...domains.values()].map((d) => d.forest),
    ...[...agents.values(), ...agentsToSave].map((a) => a.forest),
    ...[...servers.values(), ...serversToSave].flatMap((s) => s.forests),
  ]);
  for (const name of placeholders) {
    const forest = forests.get(name);
    if (forest && !referenced.has(name) && isBare(forest)) {
      deleteForest(db, name);
      touched.forests.delete(name);
    }
  }

  return {
    forests: touched.forests.size,
    domains: touched.domains.size,
    ous: touched.ous.size,
    connectServers: batch.servers.size,
    agents: batch.agents.size,
    trusts: batch.trusts.size,
    hygiene: findings.length,
  };
}
