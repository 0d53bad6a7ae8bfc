import { TEMPLATE_COLUMNS, TEMPLATE_KEYS, TEMPLATE_KINDS, type TemplateKind } from '../../shared/import/template-catalog.js';
import { headerKey } from './columns.js';
import type { KindReader } from './kinds/context.js';
import { templateReaders } from './kinds/template-readers.js';
import { objectReaders } from './kinds/ad-objects.js';
import { adDomainReader, adForestReader, adOusReader, adTrustsReader } from './kinds/ad-directory.js';
import { adreconGroupMembersReader, adreconKeyValueReader, domainControllersReader } from './kinds/adrecon.js';

/**
 * A file's kind comes from its content, never its name: the `#TYPE` line when Windows PowerShell
 * wrote one, else the header row. Templates are matched on their exact column names (§3: any order,
 * any case); AD exports on the properties each cmdlet writes.
 */
export interface Detected {
  reader: KindReader;
  /** Which tool wrote the file, for the summary. */
  source: string;
}

const TYPE_READERS: Record<string, [KindReader, string]> = {
  aduser: [objectReaders['ad-users'], 'Get-ADUser'],
  adgroup: [objectReaders['ad-groups'], 'Get-ADGroup'],
  adcomputer: [objectReaders['ad-computers'], 'Get-ADComputer'],
  adobject: [objectReaders['ad-objects'], 'Get-ADObject'],
  adorganizationalunit: [adOusReader, 'Get-ADOrganizationalUnit'],
  addomain: [adDomainReader, 'Get-ADDomain'],
  adforest: [adForestReader, 'Get-ADForest'],
  adtrust: [adTrustsReader, 'Get-ADTrust'],
  addomaincontroller: [domainControllersReader, 'Get-ADDomainController'],
};

function fromTypeName(typeName: string | null): Detected | null {
  if (!typeName) return null;
  const match = /^(?:Selected\.|Deserialized\.)*Microsoft\.ActiveDirectory\.Management\.(\w+)$/i.exec(typeName.trim());
  const entry = match ? TYPE_READERS[(match[1] as string).toLowerCase()] : undefined;
  return entry ? { reader: entry[0], source: `Export-Csv (${entry[1]})` } : null;
}

/** Exact (case-insensitive) template column names: more than half of the header, the key's columns included. */
function fromTemplate(names: readonly string[]): Detected | null {
  const lower = names.map((n) => n.replace(/^\uFEFF/, '').trim().toLowerCase());
  let best: { kind: TemplateKind; score: number } | null = null;
  for (const kind of TEMPLATE_KINDS) {
    if (!TEMPLATE_KEYS[kind].every((column) => lower.includes(column))) continue;
    const score = lower.filter((n) => TEMPLATE_COLUMNS[kind].includes(n)).length;
    if (score * 2 > lower.length && (!best || score > best.score)) best = { kind, score };
  }
  return best ? { reader: templateReaders[best.kind], source: 'SyncPlan template' } : null;
}

function fromHeader(names: readonly string[]): Detected | null {
  const keys = new Set(names.map(headerKey));
  const has = (...k: string[]) => k.some((key) => keys.has(key));
  // ADRecon spells several columns with spaces where the ActiveDirectory module has none.
  // ADRecon spells several columns with spaces where the ActiveDirectory module has none, and its
  // Groups.csv and OUs.csv lack the ObjectGUID every unfiltered Export-Csv of a cmdlet carries.
  const adrecon =
    names.some((n) => /^(Distinguished Name|Group Name|Source Domain|Must Change Password at Logon|Operating System)$/i.test(n.trim())) ||
    (!has('objectguid') && has('canonicalname', 'depth'));
  const by = (cmdlet: string, adreconFile: string) => (adrecon ? `ADRecon (${adreconFile})` : `Export-Csv (${cmdlet})`);

  if (keys.size === 2 && has('category') && has('value')) return { reader: adreconKeyValueReader, source: 'ADRecon (key/value file)' };
  if (has('groupname') && has('membername', 'memberusername')) return { reader: adreconGroupMembersReader, source: 'ADRecon (GroupMembers.csv)' };
  if (has('sourcedomain') && has('targetdomain')) return { reader: adTrustsReader, source: 'ADRecon (Trusts.csv)' };
  if (has('source') && has('target') && has('direction', 'trusttype')) return { reader: adTrustsReader, source: 'Export-Csv (Get-ADTrust)' };
  if (has('forestmode') || (has('domainnamingmaster') && has('rootdomain'))) return { reader: adForestReader, source: 'Export-Csv (Get-ADForest)' };
  if (has('dnsroot')) return { reader: adDomainReader, source: 'Export-Csv (Get-ADDomain)' };
  if (has('distinguishedname', 'dn')) {
    if (has('dnshostname', 'operatingsystem')) return { reader: objectReaders['ad-computers'], source: by('Get-ADComputer', 'Computers.csv') };
    if (has('groupcategory', 'groupscope')) return { reader: objectReaders['ad-groups'], source: by('Get-ADGroup', 'Groups.csv') };
    if (has('userprincipalname', 'givenname', 'surname', 'username', 'mustchangepasswordatlogon')) {
      return { reader: objectReaders['ad-users'], source: by('Get-ADUser', 'Users.csv') };
    }
    if (has('linkedgrouppolicyobjects', 'gplink', 'depth')) return { reader: adOusReader, source: by('Get-ADOrganizationalUnit', 'OUs.csv') };
    if (has('objectclass')) return { reader: objectReaders['ad-objects'], source: 'Export-Csv (Get-ADObject)' };
  }
  if (has('domain') && has('hostname') && has('site', 'ipv4address')) {
    return { reader: domainControllersReader, source: by('Get-ADDomainController', 'DomainControllers.csv') };
  }
  return null;
}

export function detectKind(names: readonly string[], typeName: string | null): Detected | null {
  return fromTypeName(typeName) ?? fromTemplate(names) ?? fromHeader(names);
}
