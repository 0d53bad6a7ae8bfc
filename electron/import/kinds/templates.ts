import { FEATURE_NAMES, type Features } from '../../../shared/model/inventory.js';
import { domainOfRdns, parseDn } from '../../../shared/model/distinguished-name.js';
import { TEMPLATE_COLUMNS, TEMPLATE_KEYS, type TemplateKind } from '../../../shared/import/templates.js';
import type { ColumnMap } from '../columns.js';
import type { Cell } from '../csv/parse.js';
import { bool, count, decimal, dnsName, list, oneOf, text, type CellAt } from './cell-values.js';
import type { FileContext, KindReader, RowHandler } from './context.js';

/** One row of a template, read cell by cell with the cell's location for messages. */
class TemplateRow {
  constructor(
    private readonly ctx: FileContext,
    private readonly map: ColumnMap,
    private readonly cells: readonly Cell[],
    private readonly line: number,
    private readonly columns: readonly number[],
  ) {}

  cell(column: string): Cell | undefined {
    const at = this.map.index.get(column);
    return at === undefined ? undefined : this.cells[at];
  }

  at(column: string): CellAt {
    const index = this.map.index.get(column) ?? 0;
    return { ctx: this.ctx, line: this.line, column: this.columns[index] ?? 1, name: column };
  }

  text = (column: string) => text(this.cell(column));
  bool = (column: string) => bool(this.cell(column), this.at(column));
  count = (column: string) => count(this.cell(column), this.at(column));
  decimal = (column: string) => decimal(this.cell(column), this.at(column));
  dns = (column: string) => dnsName(this.cell(column), this.at(column));
  oneOf = <T extends string>(column: string, allowed: readonly T[]) => oneOf(this.cell(column), allowed, this.at(column));
  dnsList(column: string): string[] | undefined {
    return list(this.cell(column))?.map((name) => dnsName(name, this.at(column)) as string);
  }

  /** The key of the row; a row without it cannot be matched to anything. */
  key(column: string, read: (column: string) => string | undefined): string {
    const value = read(column);
    if (value === undefined) {
      return this.ctx.fail(`column ${column} is empty; every row needs its ${column}`, this.line, this.at(column).column);
    }
    return value;
  }
}

type Apply = (row: TemplateRow, ctx: FileContext, line: number) => void;

const APPLY: Record<TemplateKind, Apply> = {
  forests(row, ctx) {
    ctx.batch.forest({
      forest: row.key('forest', row.dns),
      tenant: row.text('tenant'),
      functionalLevel: row.text('functional_level'),
      schemaVersion: row.text('schema_version'),
      network: row.oneOf('network', ['connected', 'disconnected'] as const),
      currentEngine: row.oneOf('current_engine', ['connect-sync', 'cloud-sync', 'none'] as const),
      sourceAnchor: row.oneOf('source_anchor', ['ms-DS-ConsistencyGuid', 'objectGUID', 'other'] as const),
      topologyRole: row.oneOf('topology_role', ['standard', 'account', 'resource'] as const),
    });
  },
  domains(row, ctx) {
    ctx.batch.domain({
      domain: row.key('domain', row.dns),
      forest: row.dns('forest'),
      netbios: row.text('netbios'),
      functionalLevel: row.text('functional_level'),
      users: row.count('users'),
      groups: row.count('groups'),
      contacts: row.count('contacts'),
      computers: row.count('computers'),
      largestGroupMembers: row.count('largest_group_members'),
      upnSuffixes: row.dnsList('upn_suffixes'),
    });
  },
  ous(row, ctx, line) {
    const dn = row.key('distinguished_name', row.text);
    const parsed = parseDn(dn);
    const at = row.at('distinguished_name');
    if (!parsed.ok) ctx.fail(`column distinguished_name: "${dn}" is not a distinguished name: ${parsed.message}`, line, at.column + parsed.column - 1);
    const fromDn = parsed.ok ? domainOfRdns(parsed.rdns) : null;
    const given = row.dns('domain');
    if (fromDn === null && given === undefined) {
      ctx.fail(`column distinguished_name: "${dn}" has no DC= components and the domain column is empty, so its domain is unknown`, line, at.column);
    }
    const domain = dnsName(fromDn ?? given, at) as string;
    if (given !== undefined && given !== domain) {
      ctx.fail(`column domain says ${given} but the distinguished name "${dn}" is in ${domain}`, line, row.at('domain').column);
    }
    ctx.batch.ou({
      domain,
      distinguishedName: dn,
      users: row.count('users'),
      groups: row.count('groups'),
      contacts: row.count('contacts'),
      computers: row.count('computers'),
      inConnectScope: row.bool('in_connect_scope'),
    });
  },
  sync_features(row, ctx) {
    const forest = row.key('forest', row.dns);
    const features: Partial<Features> = {};
    for (const name of FEATURE_NAMES) {
      const value = row.bool(name);
      if (value !== undefined) features[name] = value;
    }
    ctx.batch.forest({ forest, features });
  },
  connect_servers(row, ctx) {
    ctx.batch.server({
      server: row.key('server', row.text),
      forests: row.dnsList('forests'),
      tenant: row.text('tenant'),
      version: row.text('version'),
      mode: row.oneOf('mode', ['active', 'staging'] as const),
      os: row.text('os'),
      database: row.oneOf('database', ['localdb', 'sql-server'] as const),
    });
  },
  agents(row, ctx) {
    ctx.batch.agent({
      host: row.key('host', row.text),
      forest: row.key('forest', row.dns),
      domain: row.dns('domain'),
      os: row.text('os'),
      ramGb: row.decimal('ram_gb'),
      dotnet: row.text('dotnet'),
      serverCore: row.bool('server_core'),
      domainJoined: row.bool('domain_joined'),
      tls12: row.bool('tls12'),
      ldap389: row.bool('ldap_389'),
      gc3268: row.bool('gc_3268'),
      outbound443: row.bool('outbound_443'),
      agentVersion: row.text('agent_version'),
    });
  },
};

const NOUNS: Record<TemplateKind, string> = {
  forests: 'forest',
  domains: 'domain',
  ous: 'OU',
  sync_features: 'forest feature set',
  connect_servers: 'Connect server',
  agents: 'agent host',
};

function templateReader(kind: TemplateKind): KindReader {
  return {
    kind,
    fields: TEMPLATE_COLUMNS[kind].map((column) => ({ field: column, columns: [column] })),
    // An agent belongs to a forest: without the column no row could be stored.
    required: kind === 'agents' ? ['host', 'forest'] : [TEMPLATE_KEYS[kind]],
    start(ctx, map): RowHandler {
      let rows = 0;
      return {
        row(cells, line, columns) {
          APPLY[kind](new TemplateRow(ctx, map, cells, line, columns), ctx, line);
          rows++;
          ctx.imported();
        },
        finish() {
          ctx.understood(`${rows} ${NOUNS[kind]} row${rows === 1 ? '' : 's'}`);
        },
      };
    },
  };
}

export const templateReaders: Record<TemplateKind, KindReader> = Object.fromEntries(
  Object.keys(APPLY).map((kind) => [kind, templateReader(kind as TemplateKind)]),
) as Record<TemplateKind, KindReader>;
