import { FEATURE_NAMES } from '../model/inventory.js';

/** The canonical inventory templates of interfaces §3: file kinds, their key and columns in order. */
export const TEMPLATE_KINDS = ['forests', 'domains', 'ous', 'sync_features', 'connect_servers', 'agents'] as const;
export type TemplateKind = (typeof TEMPLATE_KINDS)[number];

export const TEMPLATE_KEYS: Record<TemplateKind, string> = {
  forests: 'forest',
  domains: 'domain',
  ous: 'distinguished_name',
  sync_features: 'forest',
  connect_servers: 'server',
  agents: 'host',
};

/** Column lists with their literal names, for code that asks for a specific column (the engine's "collect"). */
export const TEMPLATE_COLUMN_NAMES = {
  forests: ['forest', 'tenant', 'functional_level', 'schema_version', 'network', 'current_engine', 'source_anchor', 'topology_role'],
  domains: ['forest', 'domain', 'netbios', 'functional_level', 'users', 'groups', 'contacts', 'computers', 'largest_group_members', 'upn_suffixes'],
  ous: ['domain', 'distinguished_name', 'users', 'groups', 'contacts', 'computers', 'in_connect_scope'],
  sync_features: ['forest', ...FEATURE_NAMES],
  connect_servers: ['server', 'forests', 'tenant', 'version', 'mode', 'os', 'database'],
  agents: ['host', 'forest', 'domain', 'os', 'ram_gb', 'dotnet', 'server_core', 'domain_joined', 'tls12', 'ldap_389', 'gc_3268', 'outbound_443', 'agent_version'],
} as const satisfies Record<TemplateKind, readonly string[]>;

export const TEMPLATE_COLUMNS: Record<TemplateKind, readonly string[]> = TEMPLATE_COLUMN_NAMES;

/** The one example row each written template carries, in column order. */
export const TEMPLATE_EXAMPLES: Record<TemplateKind, readonly string[]> = {
  forests: ['contoso.com', 'contoso.onmicrosoft.com', 'Windows2016Forest', '88', 'connected', 'connect-sync', 'ms-DS-ConsistencyGuid', 'standard'],
  domains: ['contoso.com', 'corp.contoso.com', 'CORP', 'Windows2016Domain', '12,500', '3,200', '150', '9,800', '4,100', 'contoso.com;corp.contoso.com'],
  ous: ['corp.contoso.com', 'OU=Sales,OU=Users,DC=corp,DC=contoso,DC=com', '420', '35', '0', '0', 'true'],
  sync_features: ['contoso.com', ...FEATURE_NAMES.map((f) => (f === 'password_hash_sync' || f === 'seamless_sso' || f === 'password_writeback' ? 'true' : 'false'))],
  connect_servers: ['SYNC01.corp.contoso.com', 'contoso.com', 'contoso.onmicrosoft.com', '2.5.79.0', 'active', 'Windows Server 2022', 'localdb'],
  agents: ['AGENT01.corp.contoso.com', 'contoso.com', 'corp.contoso.com', 'Windows Server 2022', '8', '4.8.1', 'false', 'true', 'true', 'true', 'true', 'true', '1.1.1370.0'],
};
