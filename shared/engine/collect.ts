import type { CollectField } from './decision-schema.js';
import type { TemplateColumnOf, TemplateKind } from '../import/template-catalog.js';

/** A canonical CSV template and one of its columns (docs/templates.md), as a finding names them. */
export type Template = TemplateKind;
export type Column<T extends Template> = TemplateColumnOf<T>;

export function collect<T extends Template>(template: T, column: Column<T>, key: string): CollectField {
  return { field: `${template}.${column}`, template, column, key };
}

/** The pseudo-template of a Connect Sync configuration export: what no CSV column holds, the export tells. */
export const CONNECT_EXPORT = 'connect-export';

/** Ask for the Connect configuration export of the server that syncs `key` (a forest or a server). */
export function collectExport(key: string): CollectField {
  return { field: `${CONNECT_EXPORT}.SynchronizationRules`, template: CONNECT_EXPORT, column: 'SynchronizationRules', key };
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
    .map((r) =>
      r.template === CONNECT_EXPORT
        ? `Import the Connect Sync configuration export (Get-ADSyncServerConfiguration) of the server that syncs ${r.key}.`
        : `Fill in ${r.columns.join(', ')} in the ${r.template} template for ${r.key}.`,
    )
    .join(' ');
}
