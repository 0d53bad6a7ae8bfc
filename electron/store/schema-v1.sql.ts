/**
 * Version 1 of the workshop schema. Keys are the inventory's own keys (DNS names lower-case, DNs folded
 * through dnKey) so that re-importing a row updates it in place.
 */
export const schemaV1 = `
CREATE TABLE meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE forests (
  forest TEXT PRIMARY KEY,
  tenant TEXT,
  functional_level TEXT,
  schema_version TEXT,
  network TEXT CHECK (network IN ('connected', 'disconnected')),
  current_engine TEXT CHECK (current_engine IN ('connect-sync', 'cloud-sync', 'none')),
  source_anchor TEXT CHECK (source_anchor IN ('ms-DS-ConsistencyGuid', 'objectGUID', 'other')),
  topology_role TEXT CHECK (topology_role IN ('standard', 'account', 'resource')),
  notes TEXT NOT NULL DEFAULT ''
);

CREATE TABLE forest_features (
  forest TEXT NOT NULL REFERENCES forests(forest) ON DELETE CASCADE ON UPDATE CASCADE,
  feature TEXT NOT NULL,
  value INTEGER CHECK (value IN (0, 1)),
  PRIMARY KEY (forest, feature)
) WITHOUT ROWID;

CREATE TABLE domains (
  domain TEXT PRIMARY KEY,
  forest TEXT NOT NULL REFERENCES forests(forest) ON DELETE CASCADE ON UPDATE CASCADE,
  netbios TEXT,
  functional_level TEXT,
  users INTEGER,
  groups INTEGER,
  contacts INTEGER,
  computers INTEGER,
  largest_group_members INTEGER,
  upn_suffixes TEXT NOT NULL DEFAULT '[]'
);
CREATE INDEX domains_by_forest ON domains(forest);

CREATE TABLE ous (
  dn_key TEXT PRIMARY KEY,
  domain TEXT NOT NULL REFERENCES domains(domain) ON DELETE CASCADE ON UPDATE CASCADE,
  distinguished_name TEXT NOT NULL,
  users INTEGER,
  groups INTEGER,
  contacts INTEGER,
  computers INTEGER,
  in_connect_scope INTEGER CHECK (in_connect_scope IN (0, 1))
) WITHOUT ROWID;
CREATE INDEX ous_by_domain ON ous(domain);

CREATE TABLE connect_servers (
  server TEXT PRIMARY KEY COLLATE NOCASE,
  forests TEXT NOT NULL DEFAULT '[]',
  tenant TEXT,
  version TEXT,
  mode TEXT CHECK (mode IN ('active', 'staging')),
  os TEXT,
  database TEXT CHECK (database IN ('localdb', 'sql-server')),
  standard_rules INTEGER,
  custom_rules INTEGER,
  disabled_rules INTEGER,
  sign_on_method TEXT,
  scopes TEXT NOT NULL DEFAULT '[]'
);

CREATE TABLE agents (
  host TEXT PRIMARY KEY COLLATE NOCASE,
  forest TEXT NOT NULL,
  domain TEXT,
  os TEXT,
  ram_gb REAL,
  dotnet TEXT,
  server_core INTEGER,
  domain_joined INTEGER,
  tls12 INTEGER,
  ldap_389 INTEGER,
  gc_3268 INTEGER,
  outbound_443 INTEGER,
  agent_version TEXT
);

CREATE TABLE trusts (
  source TEXT NOT NULL,
  target TEXT NOT NULL,
  direction TEXT,
  trust_type TEXT,
  forest_transitive INTEGER,
  PRIMARY KEY (source, target)
) WITHOUT ROWID;

CREATE TABLE hygiene (
  domain TEXT NOT NULL,
  check_id TEXT NOT NULL,
  count INTEGER NOT NULL,
  examples TEXT NOT NULL DEFAULT '[]',
  PRIMARY KEY (domain, check_id)
) WITHOUT ROWID;

CREATE TABLE import_log (
  id INTEGER PRIMARY KEY,
  imported_at TEXT NOT NULL,
  summary TEXT NOT NULL
);
`;
