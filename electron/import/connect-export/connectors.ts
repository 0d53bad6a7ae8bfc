import { parseDn } from '../../../shared/model/distinguished-name.js';
import { DnsName } from '../../../shared/model/inventory.js';
import type { ImportWarning } from '../../../shared/import/summary.js';
import { lineOf, type XmlFile } from './xml-file.js';
import { element, elements, parameterValues, textAt, textOf } from './xml-tree.js';

export interface AdPartition {
  dn: string;
  selected: boolean;
  included: string[];
  excluded: string[];
  objectClasses: string[];
}

export interface AdConnector {
  kind: 'ad';
  id: string;
  name: string;
  forest: string;
  /** Domain partitions only: DNS zones and the configuration partition never hold synced objects. */
  partitions: AdPartition[];
  /** "" when the parameter is there but no group is set; undefined when the export lacks it. */
  groupFilterDn: string | undefined;
  passwordHashSync: boolean | undefined;
}

export interface EntraConnector {
  kind: 'entra';
  id: string;
  name: string;
  tenant: string | null;
  /** The account Connect created for itself in Entra: Sync_<server>_<12 hex>@<tenant>. */
  serviceAccount: string | null;
  passwordWriteback: boolean | undefined;
}

export interface OtherConnector {
  kind: 'other';
  id: string;
  name: string;
  /** "Generic SQL", "Generic LDAP", …: empty for an AD connector whose forest could not be read. */
  type: string;
}

export type Connector = AdConnector | EntraConnector | OtherConnector;

/** Rules name their connector by id in another case and sometimes without braces. */
export const connectorKey = (id: string): string => id.trim().replace(/^\{|\}$/g, '').toLowerCase();

const bit = (value: string | undefined): boolean | undefined =>
  value === undefined || value === '' ? undefined : value === '1' || /^true$/i.test(value);

function readAdConnector(
  file: XmlFile,
  ma: unknown,
  base: Omit<OtherConnector, 'kind' | 'type'>,
  warnings: ImportWarning[],
): AdConnector | OtherConnector {
  const adma = element(ma, 'private-configuration', 'adma-configuration');
  const parameters = parameterValues(element(adma, 'parameter-values'));
  // forest-name is what the wizard stored; the connector is named after the forest by default.
  const candidates = [textAt(adma, 'forest-name'), parameters.get('forest-name'), parameters.get('forest.fqdn'), base.name];
  const forest = candidates.map((c) => DnsName.safeParse(c ?? '')).find((r) => r.success)?.data;
  if (!forest) {
    warnings.push({ file: file.path, message: `AD connector "${base.name}" names no forest DNS name; its forest was left out` });
    return { kind: 'other', ...base, type: '' };
  }
  const partitions: AdPartition[] = [];
  for (const partition of elements(element(ma, 'ma-partition-data'), 'partition')) {
    const dn = textAt(partition, 'name') ?? '';
    if (dn === '' || textAt(partition, 'custom-data', 'adma-partition-data', 'is-domain') === '0') continue;
    const containers = element(partition, 'filter', 'containers');
    const dns = (list: string, item: string) =>
      elements(element(containers, list), item)
        .map(textOf)
        .filter((dn) => dn !== '');
    partitions.push({
      dn,
      selected: bit(textAt(partition, 'selected')) ?? false,
      included: dns('inclusions', 'inclusion'),
      excluded: dns('exclusions', 'exclusion'),
      objectClasses: elements(element(partition, 'filter', 'object-classes'), 'object-class').map(textOf),
    });
  }
  for (const dn of partitions.flatMap((p) => [...p.included, ...p.excluded])) {
    const parsed = parseDn(dn);
    if (!parsed.ok) {
      const line = lineOf(file.text, `>${dn}<`);
      const message = `OU filter entry "${dn}" is not a valid DN: ${parsed.message}`;
      warnings.push(line === undefined ? { file: file.path, message } : { file: file.path, line, message });
    }
  }
  return {
    kind: 'ad',
    ...base,
    forest,
    partitions,
    groupFilterDn: parameters.get('connector.groupfilteringgroupdn'),
    passwordHashSync: bit(textAt(adma, 'password-hash-sync-config', 'enabled')),
  };
}

const ENTRA_CONNECTOR = /Microsoft\.Azure\.ActiveDirectory\.Connector\.dll|Azure Active Directory|Entra/i;

function readEntraConnector(ma: unknown, base: Omit<OtherConnector, 'kind' | 'type'>): EntraConnector {
  const config = element(ma, 'private-configuration', 'MAConfig');
  const serviceAccount = parameterValues(element(config, 'parameter-values')).get('username') || null;
  // The wizard names the connector "<tenant> - AAD"; the service account's domain is the surer source.
  const tenant = serviceAccount?.split('@')[1] ?? base.name.replace(/\s+-\s+AAD$/i, '');
  return {
    kind: 'entra',
    ...base,
    tenant: DnsName.safeParse(tenant).success ? tenant.toLowerCase() : null,
    serviceAccount,
    passwordWriteback: bit(textAt(config, 'aad-password-reset-config', 'enabled')),
  };
}

/** Undefined when the file is not a connector at all (an unknown extra file). */
export function readConnector(file: XmlFile, warnings: ImportWarning[]): Connector | undefined {
  const ma = element(file.doc, 'ma-data');
  if (ma === undefined) return undefined;
  const base = { id: connectorKey(textAt(ma, 'id') ?? ''), name: textAt(ma, 'name') ?? '' };
  const category = textAt(ma, 'category') ?? '';
  if (/^AD$/i.test(category)) return readAdConnector(file, ma, base, warnings);
  const identity = [
    textAt(ma, 'subtype'),
    textAt(ma, 'ma-listname'),
    textAt(ma, 'private-configuration', 'MAConfig', 'extension-config', 'filename'),
  ].join(' ');
  if (/^Extensible2$/i.test(category) && ENTRA_CONNECTOR.test(identity)) return readEntraConnector(ma, base);
  warnings.push({
    file: file.path,
    message: `connector "${base.name}" (${category || 'no category'}) is neither Active Directory nor Entra: Cloud Sync cannot take it over`,
  });
  const subtype = textAt(ma, 'subtype') ?? '';
  return { kind: 'other', ...base, type: subtype || category || 'unknown' };
}
