import type { Db } from './workshop-db.js';
import {
  FEATURE_NAMES,
  unknownFeatures,
  type Agent,
  type ConnectServer,
  type Domain,
  type FeatureName,
  type Forest,
  type ForestLink,
  type HygieneFinding,
  type Inventory,
  type Ou,
  type Trust,
} from '../../shared/model/inventory.js';
import { dnKey } from '../../shared/model/distinguished-name.js';

/** SQLite keeps booleans as 0/1; null stays "unknown". */
const toBit = (value: boolean | null): number | null => (value === null ? null : value ? 1 : 0);
const fromBit = (value: unknown): boolean | null => (value === null || value === undefined ? null : value === 1);

type Row = Record<string, unknown>;
const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

function forestFromRow(row: Row): Forest {
  return {
    forest: String(row.forest),
    tenant: str(row.tenant),
    functionalLevel: str(row.functional_level),
    schemaVersion: str(row.schema_version),
    network: str(row.network) as Forest['network'],
    currentEngine: str(row.current_engine) as Forest['currentEngine'],
    sourceAnchor: str(row.source_anchor) as Forest['sourceAnchor'],
    topologyRole: str(row.topology_role) as Forest['topologyRole'],
    cloud: str(row.cloud) as Forest['cloud'],
    features: unknownFeatures(),
    notes: String(row.notes ?? ''),
  };
}

function domainFromRow(row: Row): Domain {
  return {
    forest: String(row.forest),
    domain: String(row.domain),
    netbios: str(row.netbios),
    functionalLevel: str(row.functional_level),
    users: num(row.users),
    groups: num(row.groups),
    contacts: num(row.contacts),
    computers: num(row.computers),
    largestGroupMembers: num(row.largest_group_members),
    upnSuffixes: JSON.parse(String(row.upn_suffixes)) as string[],
    inetOrgPersons: num(row.inetorgpersons),
  };
}

function ouFromRow(row: Row): Ou {
  return {
    domain: String(row.domain),
    distinguishedName: String(row.distinguished_name),
    users: num(row.users),
    groups: num(row.groups),
    contacts: num(row.contacts),
    computers: num(row.computers),
    inConnectScope: fromBit(row.in_connect_scope),
  };
}

function serverFromRow(row: Row): ConnectServer {
  return {
    server: String(row.server),
    forests: JSON.parse(String(row.forests)) as string[],
    tenant: str(row.tenant),
    version: str(row.version),
    mode: str(row.mode) as ConnectServer['mode'],
    os: str(row.os),
    database: str(row.database) as ConnectServer['database'],
    standardRules: num(row.standard_rules),
    customRules: num(row.custom_rules),
    disabledRules: num(row.disabled_rules),
    signOnMethod: str(row.sign_on_method),
    scopes: JSON.parse(String(row.scopes)) as ConnectServer['scopes'],
    pilotNoFlowRules: num(row.pilot_noflow_rules),
    joinRules: num(row.join_rules),
    nonAdConnectors: row.non_ad_connectors === null || row.non_ad_connectors === undefined ? null : (JSON.parse(String(row.non_ad_connectors)) as ConnectServer['nonAdConnectors']),
    syncsUserType: fromBit(row.syncs_user_type),
  };
}

function agentFromRow(row: Row): Agent {
  return {
    host: String(row.host),
    forest: String(row.forest),
    domain: str(row.domain),
    os: str(row.os),
    ramGb: num(row.ram_gb),
    dotnet: str(row.dotnet),
    serverCore: fromBit(row.server_core),
    domainJoined: fromBit(row.domain_joined),
    tls12: fromBit(row.tls12),
    ldap389: fromBit(row.ldap_389),
    gc3268: fromBit(row.gc_3268),
    outbound443: fromBit(row.outbound_443),
    agentVersion: str(row.agent_version),
  };
}

function trustFromRow(row: Row): Trust {
  return {
    source: String(row.source),
    target: String(row.target),
    direction: str(row.direction) as Trust['direction'],
    trustType: str(row.trust_type),
    forestTransitive: fromBit(row.forest_transitive),
  };
}

function forestLinkFromRow(row: Row): ForestLink {
  return {
    forest: String(row.forest),
    otherForest: String(row.other_forest),
    kind: String(row.kind) as ForestLink['kind'],
    direction: str(row.direction) as ForestLink['direction'],
    notes: String(row.notes ?? ''),
  };
}

function hygieneFromRow(row: Row): HygieneFinding {
  return {
    domain: String(row.domain),
    check: String(row.check_id) as HygieneFinding['check'],
    count: Number(row.count),
    examples: JSON.parse(String(row.examples)) as string[],
  };
}

export function listForests(db: Db): Forest[] {
  const forests = (db.prepare('SELECT * FROM forests ORDER BY forest').all() as Row[]).map(forestFromRow);
  const byName = new Map(forests.map((f) => [f.forest, f]));
  for (const row of db.prepare('SELECT forest, feature, value FROM forest_features').all() as Row[]) {
    const forest = byName.get(String(row.forest));
    if (forest && (FEATURE_NAMES as readonly string[]).includes(String(row.feature))) {
      forest.features[row.feature as FeatureName] = fromBit(row.value);
    }
  }
  return forests;
}

export function readInventory(db: Db): Inventory {
  const all = (sql: string) => db.prepare(sql).all() as Row[];
  return db.transaction(() => ({
    forests: listForests(db),
    domains: all('SELECT * FROM domains ORDER BY domain').map(domainFromRow),
    ous: all('SELECT * FROM ous ORDER BY domain, dn_key').map(ouFromRow),
    connectServers: all('SELECT * FROM connect_servers ORDER BY server').map(serverFromRow),
    agents: all('SELECT * FROM agents ORDER BY host').map(agentFromRow),
    trusts: all('SELECT * FROM trusts ORDER BY source, target').map(trustFromRow),
    forestLinks: all('SELECT * FROM forest_links ORDER BY forest, other_forest, kind').map(forestLinkFromRow),
    hygiene: all('SELECT * FROM hygiene ORDER BY domain, check_id').map(hygieneFromRow),
  }))();
}

/**
 * Inserts or replaces a forest. `previousName` renames it: domains follow through ON UPDATE CASCADE.
 */
export function saveForest(db: Db, forest: Forest, previousName?: string): void {
  db.transaction(() => {
    const key = previousName ?? forest.forest;
    const existing = db.prepare('SELECT 1 FROM forests WHERE forest = ?').get(key);
    const values = [
      forest.forest,
      forest.tenant,
      forest.functionalLevel,
      forest.schemaVersion,
      forest.network,
      forest.currentEngine,
      forest.sourceAnchor,
      forest.topologyRole,
      forest.notes,
      forest.cloud,
    ];
    if (existing) {
      db.prepare(
        `UPDATE forests SET forest = ?, tenant = ?, functional_level = ?, schema_version = ?, network = ?,
         current_engine = ?, source_anchor = ?, topology_role = ?, notes = ?, cloud = ? WHERE forest = ?`,
      ).run(...values, key);
    } else {
      db.prepare(
        `INSERT INTO forests (forest, tenant, functional_level, schema_version, network, current_engine, source_anchor,
         topology_role, notes, cloud) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(...values);
    }
    saveFeatures(db, forest.forest, forest.features);
  })();
}

export function saveFeatures(db: Db, forest: string, features: Partial<Record<FeatureName, boolean | null>>): void {
  const upsert = db.prepare(
    `INSERT INTO forest_features (forest, feature, value) VALUES (?, ?, ?)
     ON CONFLICT (forest, feature) DO UPDATE SET value = excluded.value`,
  );
  for (const [feature, value] of Object.entries(features)) {
    upsert.run(forest, feature, toBit(value ?? null));
  }
}

export function deleteForest(db: Db, forest: string): boolean {
  return db.prepare('DELETE FROM forests WHERE forest = ?').run(forest).changes > 0;
}

export function saveDomain(db: Db, d: Domain): void {
  db.prepare(
    `INSERT INTO domains (domain, forest, netbios, functional_level, users, groups, contacts, computers,
       largest_group_members, upn_suffixes, inetorgpersons) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (domain) DO UPDATE SET forest = excluded.forest, netbios = excluded.netbios,
       functional_level = excluded.functional_level, users = excluded.users, groups = excluded.groups,
       contacts = excluded.contacts, computers = excluded.computers,
       largest_group_members = excluded.largest_group_members, upn_suffixes = excluded.upn_suffixes,
       inetorgpersons = excluded.inetorgpersons`,
  ).run(
    d.domain,
    d.forest,
    d.netbios,
    d.functionalLevel,
    d.users,
    d.groups,
    d.contacts,
    d.computers,
    d.largestGroupMembers,
    JSON.stringify(d.upnSuffixes),
    d.inetOrgPersons,
  );
}

export function saveOu(db: Db, ou: Ou): void {
  db.prepare(
    `INSERT INTO ous (dn_key, domain, distinguished_name, users, groups, contacts, computers, in_connect_scope)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (dn_key) DO UPDATE SET domain = excluded.domain, distinguished_name = excluded.distinguished_name,
       users = excluded.users, groups = excluded.groups, contacts = excluded.contacts,
       computers = excluded.computers, in_connect_scope = excluded.in_connect_scope`,
  ).run(
    dnKey(ou.distinguishedName),
    ou.domain,
    ou.distinguishedName,
    ou.users,
    ou.groups,
    ou.contacts,
    ou.computers,
    toBit(ou.inConnectScope),
  );
}

export function saveConnectServer(db: Db, s: ConnectServer): void {
  db.prepare(
    `INSERT OR REPLACE INTO connect_servers (server, forests, tenant, version, mode, os, database,
       standard_rules, custom_rules, disabled_rules, sign_on_method, scopes, pilot_noflow_rules, join_rules,
       non_ad_connectors, syncs_user_type)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    s.server,
    JSON.stringify(s.forests),
    s.tenant,
    s.version,
    s.mode,
    s.os,
    s.database,
    s.standardRules,
    s.customRules,
    s.disabledRules,
    s.signOnMethod,
    JSON.stringify(s.scopes),
    s.pilotNoFlowRules,
    s.joinRules,
    s.nonAdConnectors === null ? null : JSON.stringify(s.nonAdConnectors),
    toBit(s.syncsUserType),
  );
}

export function saveAgent(db: Db, a: Agent): void {
  db.prepare(
    `INSERT OR REPLACE INTO agents (host, forest, domain, os, ram_gb, dotnet, server_core, domain_joined, tls12,
       ldap_389, gc_3268, outbound_443, agent_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    a.host,
    a.forest,
    a.domain,
    a.os,
    a.ramGb,
    a.dotnet,
    toBit(a.serverCore),
    toBit(a.domainJoined),
    toBit(a.tls12),
    toBit(a.ldap389),
    toBit(a.gc3268),
    toBit(a.outbound443),
    a.agentVersion,
  );
}

export function saveTrust(db: Db, t: Trust): void {
  db.prepare(
    'INSERT OR REPLACE INTO trusts (source, target, direction, trust_type, forest_transitive) VALUES (?, ?, ?, ?, ?)',
  ).run(t.source, t.target, t.direction, t.trustType, toBit(t.forestTransitive));
}

export function saveForestLink(db: Db, link: ForestLink): void {
  db.prepare(
    `INSERT INTO forest_links (forest, other_forest, kind, direction, notes) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (forest, other_forest, kind) DO UPDATE SET direction = excluded.direction, notes = excluded.notes`,
  ).run(link.forest, link.otherForest, link.kind, link.direction, link.notes);
}

export function saveHygiene(db: Db, h: HygieneFinding): void {
  db.prepare('INSERT OR REPLACE INTO hygiene (domain, check_id, count, examples) VALUES (?, ?, ?, ?)').run(
    h.domain,
    h.check,
    h.count,
    JSON.stringify(h.examples),
  );
}

export function getMeta(db: Db, key: string): string | null {
  const row = db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
  return row?.value ?? null;
}

export function setMeta(db: Db, key: string, value: string): void {
  db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(
    key,
    value,
  );
}

/** One row per committed import: when, and its summary as JSON. */
export function appendImportLog(db: Db, summaryJson: string): void {
  db.prepare('INSERT INTO import_log (imported_at, summary) VALUES (?, ?)').run(new Date().toISOString(), summaryJson);
}
