import type { CollectField } from './decision-schema.js';
import { FEATURE_NAMES } from '../model/inventory.js';

/** The canonical CSV templates and the columns a finding may ask for (interfaces §3). */
export const TEMPLATE_COLUMNS = {
  forests: ['tenant', 'functional_level', 'schema_version', 'network', 'current_engine', 'source_anchor', 'topology_role'],
  domains: ['forest', 'users', 'groups', 'contacts', 'computers', 'largest_group_members', 'upn_suffixes'],
  ous: ['users', 'groups', 'contacts', 'computers', 'in_connect_scope'],
  sync_features: FEATURE_NAMES,
  connect_servers: ['forests', 'tenant', 'version', 'mode', 'os', 'database'],
  agents: ['forest', 'domain', 'os', 'ram_gb', 'dotnet', 'server_core', 'domain_joined', 'tls12', 'ldap_389', 'gc_3268', 'outbound_443', 'agent_version'],
} as const;

export type Template = keyof typeof TEMPLATE_COLUMNS;
export type Column<T extends Template> = (typeof TEMPLATE_COLUMNS)[T][number];

export function collect<T extends Template>(template: T, column: Column<T>, key: string): CollectField {
  return { field: `${template}.${column}`, template, column, key };
}

/**
 * "Fill in users, groups in the domains template for emea.contoso.com." Grouped by template and row so
 * a long list stays one sentence per row.
 */
export function collectPhrase(fields: readonly CollectField[]): string {
  const rows = new Map<string, { template: string; key: string; columns: string[] }>();
  for (const f of fields) {
    const id = `${f.template}\u0000${f.key}`;
    const row = rows.get(id) ?? { template: f.template, key: f.key, columns: [] };
    if (!row.columns.includes(f.column)) row.columns.push(f.column);
    rows.set(id, row);
  }
  return [...rows.values()]
    .map((r) => `Fill in ${r.columns.join(', ')} in the ${r.template} template for ${r.key}.`)
    .join(' ');
}
