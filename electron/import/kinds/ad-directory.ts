import { dirname } from 'node:path';
import { DnsName, type Trust } from '../../../shared/model/inventory.js';
import { domainOfDn, domainOfRdns, parseDn } from '../../../shared/model/distinguished-name.js';
import type { ColumnMap } from '../columns.js';
import type { Cell } from '../csv/parse.js';
import { dnsName, LostValues, text, type CellAt } from './cell-values.js';
import type { FileContext, KindReader, RowHandler } from './context.js';

/**
 * The directory's shape from Get-ADForest, Get-ADDomain, Get-ADOrganizationalUnit and Get-ADTrust
 * exports (and ADRecon's OUs.csv and Trusts.csv, which use the same or spaced column names).
 */
interface RowReader {
  /** The trimmed cell of a field; undefined when empty, absent, or a type name instead of values. */
  get(field: string): string | undefined;
  at(field: string): CellAt;
  dns(field: string): string | undefined;
  /** Multi-valued cells joined by -join with ";", "," or spaces. */
  dnsList(field: string): string[] | undefined;
}

function rowReader(ctx: FileContext, map: ColumnMap, lost: LostValues, cells: readonly Cell[], line: number, columns: readonly number[]): RowReader {
  const name = (i: number | undefined, field: string) => (i === undefined ? field : (map.mapping[i]?.column ?? field));
  const reader: RowReader = {
    get(field) {
      const i = map.index.get(field);
      return i === undefined ? undefined : text(lost.check(cells[i], name(i, field), line, columns[i] ?? 1));
    },
    at(field) {
      const i = map.index.get(field);
      return { ctx, line, column: (i === undefined ? undefined : columns[i]) ?? 1, name: name(i, field) };
    },
    dns: (field) => dnsName(reader.get(field), reader.at(field)),
    dnsList: (field) =>
      reader
        .get(field)
        ?.split(/[;,\s]+/)
        .filter((s) => s !== '')
        .map((s) => dnsName(s, reader.at(field)) as string),
  };
  return reader;
}

function simpleReader(
  kind: KindReader['kind'],
  fields: KindReader['fields'],
  required: readonly string[],
  onRow: (read: RowReader, ctx: FileContext, line: number) => string | null,
  noun: string,
): KindReader {
  return {
    kind,
    fields,
    required,
    start(ctx, map): RowHandler {
      const lost = new LostValues();
      const shown: string[] = [];
      let count = 0;
      return {
        row(cells, line, columns) {
          const name = onRow(rowReader(ctx, map, lost, cells, line, columns), ctx, line);
          if (name === null) return;
          if (count++ < 5) shown.push(name);
          ctx.imported();
        },
        finish() {
          lost.report(ctx);
          const more = count > shown.length ? ` and ${count - shown.length} more` : '';
          ctx.understood(`${count} ${noun}${count === 1 ? '' : 's'}${count ? `: ${shown.join(', ')}${more}` : ''}`);
        },
      };
    },
  };
}

export const adForestReader = simpleReader(
  'ad-forest',
  [
    { field: 'name', columns: ['Name'] },
    { field: 'rootDomain', columns: ['RootDomain'] },
    { field: 'mode', columns: ['ForestMode'] },
    { field: 'domains', columns: ['Domains'] },
    { field: 'upnSuffixes', columns: ['UPNSuffixes'] },
  ],
  ['name'],
  (read, ctx) => {
    const forest = read.dns('name') ?? read.dns('rootDomain');
    if (forest === undefined) return null;
    ctx.batch.forest({ forest, functionalLevel: read.get('mode'), memberDomains: read.dnsList('domains'), upnSuffixes: read.dnsList('upnSuffixes') });
    return forest;
  },
  'forest',
);

export const adDomainReader = simpleReader(
  'ad-domain',
  [
    { field: 'dnsRoot', columns: ['DNSRoot'] },
    { field: 'forest', columns: ['Forest'] },
    { field: 'netbios', columns: ['NetBIOSName'] },
    { field: 'mode', columns: ['DomainMode'] },
  ],
  ['dnsRoot'],
  (read, ctx) => {
    const domain = read.dns('dnsRoot');
    if (domain === undefined) return null;
    const forest = read.dns('forest');
    if (forest !== undefined) ctx.batch.forest({ forest });
    ctx.batch.domain({ domain, forest, netbios: read.get('netbios'), functionalLevel: read.get('mode') });
    return domain;
  },
  'domain',
);

export const adOusReader = simpleReader(
  'ad-ous',
  [{ field: 'dn', columns: ['DistinguishedName', 'Distinguished Name', 'DN'] }],
  ['dn'],
  (read, ctx, line) => {
    const dn = read.get('dn');
    if (dn === undefined) return null;
    const parsed = parseDn(dn);
    const column = read.at('dn').column;
    if (!parsed.ok) return ctx.fail(`"${dn}" is not a distinguished name: ${parsed.message}`, line, column + parsed.column - 1);
    const dc = domainOfRdns(parsed.rdns);
    const domain = dc === null ? null : DnsName.safeParse(dc);
    if (!domain?.success) return ctx.fail(`"${dn}" has no DC= components that form a DNS name, so its domain is unknown`, line, column);
    ctx.batch.ou({ domain: domain.data, distinguishedName: dn });
    ctx.batch.noteFolderDomain(dirname(ctx.path), domain.data);
    return dn;
  },
  'OU',
);

const DIRECTIONS: Record<string, Trust['direction']> = {
  inbound: 'inbound',
  outbound: 'outbound',
  bidirectional: 'bidirectional',
  '1': 'inbound',
  '2': 'outbound',
  '3': 'bidirectional',
};

/** Get-ADTrust's Source is the domain's DN; ADRecon writes DNS names. */
function trustEnd(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  return /^\s*dc=/i.test(value) ? (domainOfDn(value) ?? value) : value;
}

export const adTrustsReader = simpleReader(
  'ad-trusts',
  [
    { field: 'source', columns: ['Source', 'Source Domain'] },
    { field: 'target', columns: ['Target', 'Target Domain'] },
    { field: 'direction', columns: ['Direction', 'Trust Direction'] },
    { field: 'type', columns: ['TrustType', 'Trust Type'] },
    { field: 'forestTransitive', columns: ['ForestTransitive'] },
    { field: 'attributes', columns: ['Attributes', 'TrustAttributes'] },
  ],
  ['source', 'target'],
  (read, ctx) => {
    const source = dnsName(trustEnd(read.get('source')), read.at('source'));
    const target = dnsName(trustEnd(read.get('target')), read.at('target'));
    if (source === undefined || target === undefined) return null;
    const transitive = read.get('forestTransitive');
    const attributes = read.get('attributes');
    let forestTransitive: boolean | null = null;
    if (transitive !== undefined) forestTransitive = /^true$/i.test(transitive);
    else if (attributes !== undefined) {
      // ADRecon spells the flags out; Get-ADTrust's TrustAttributes is the bit mask (0x8 = forest transitive).
      forestTransitive = /^\d+$/.test(attributes) ? (Number(attributes) & 8) !== 0 : /forest transitive/i.test(attributes);
    }
    ctx.batch.trust({
      source,
      target,
      direction: DIRECTIONS[read.get('direction')?.toLowerCase() ?? ''] ?? null,
      trustType: read.get('type') ?? null,
      forestTransitive,
    });
    return `${source} → ${target}`;
  },
  'trust',
);
