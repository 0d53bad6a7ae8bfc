import { domainOfRdns, parseDn } from '../../../shared/model/distinguished-name.js';
import { templateFields, type AnyEntity } from '../../../shared/model/entity.js';
import { TEMPLATE_KINDS, TEMPLATE_REQUIRED, templateEntity, type TemplateKind } from '../../../shared/import/template-catalog.js';
import type { AgentPatch, DomainPatch, ForestLinkPatch, ForestPatch, OuPatch, ServerPatch } from '../batch.js';
import type { ColumnMap } from '../columns.js';
import type { Cell } from '../csv/parse.js';
import { dnsName, text } from './cell-values.js';
import type { FileContext, KindReader, RowHandler } from './context.js';

/**
 * Reads SyncPlan's own templates. Which columns there are, how each cell is read and which field it
 * feeds all come from the entity descriptions; what is left here is where each kind's rows go.
 */
type Patch = Record<string, unknown>;

interface TemplateRow {
  patch: Patch;
  /** Where a column's cell is, for messages. */
  column(name: string): number;
  ctx: FileContext;
  line: number;
}

function readRow(entity: AnyEntity, required: readonly string[], ctx: FileContext, map: ColumnMap, cells: readonly Cell[], line: number, columns: readonly number[]): TemplateRow {
  const column = (name: string) => columns[map.index.get(name) ?? 0] ?? 1;
  const patch: Patch = {};
  for (const { key, column: name, field } of templateFields(entity)) {
    const at = map.index.get(name);
    const cell = text(at === undefined ? undefined : cells[at]);
    if (cell === undefined) {
      // The key of the row: a row without it cannot be matched to anything.
      if (required.includes(name)) ctx.fail(`column ${name} is empty; every row needs its ${name}`, line, column(name));
      continue;
    }
    const parsed = field.parse(cell);
    if (!parsed.ok) ctx.fail(`column ${name}: ${parsed.problem}`, line, column(name));
    patch[key] = parsed.value;
  }
  return { patch, column, ctx, line };
}

/** The domain of an OU row is the one its DN names; a domain column, when filled, must agree. */
function ouPatch({ patch, column, ctx, line }: TemplateRow): OuPatch {
  const dn = patch.distinguishedName as string;
  const parsed = parseDn(dn);
  const at = column('distinguished_name');
  if (!parsed.ok) ctx.fail(`column distinguished_name: "${dn}" is not a distinguished name: ${parsed.message}`, line, at + parsed.column - 1);
  const fromDn = parsed.ok ? domainOfRdns(parsed.rdns) : null;
  const given = patch.domain as string | undefined;
  if (fromDn === null && given === undefined) {
    ctx.fail(`column distinguished_name: "${dn}" has no DC= components and the domain column is empty, so its domain is unknown`, line, at);
  }
  const domain = dnsName(fromDn ?? given, { ctx, line, column: at, name: 'distinguished_name' }) as string;
  if (given !== undefined && given !== domain) ctx.fail(`column domain says ${given} but the distinguished name "${dn}" is in ${domain}`, line, column('domain'));
  return { ...patch, domain, distinguishedName: dn };
}

const STAGE: Record<TemplateKind, (row: TemplateRow) => void> = {
  forests: ({ patch, ctx }) => ctx.batch.forest(patch as ForestPatch),
  sync_features: ({ patch: { forest, ...features }, ctx }) => ctx.batch.forest({ forest, features } as ForestPatch),
  domains: ({ patch, ctx }) => ctx.batch.domain(patch as DomainPatch),
  ous: (row) => row.ctx.batch.ou(ouPatch(row)),
  connect_servers: ({ patch, ctx }) => ctx.batch.server(patch as ServerPatch),
  agents: ({ patch, ctx }) => ctx.batch.agent(patch as AgentPatch),
  forest_links: ({ patch, ctx }) => ctx.batch.forestLink(patch as ForestLinkPatch),
};

function templateReader(kind: TemplateKind): KindReader {
  const entity = templateEntity(kind);
  const required = TEMPLATE_REQUIRED[kind];
  return {
    kind,
    fields: templateFields(entity).map(({ column }) => ({ field: column, columns: [column] })),
    required,
    start(ctx, map): RowHandler {
      let rows = 0;
      return {
        row(cells, line, columns) {
          STAGE[kind](readRow(entity, required, ctx, map, cells, line, columns));
          rows++;
          ctx.imported();
        },
        finish() {
          ctx.understood(`${rows} ${entity.noun} row${rows === 1 ? '' : 's'}`);
        },
      };
    },
  };
}

export const templateReaders = Object.fromEntries(TEMPLATE_KINDS.map((kind) => [kind, templateReader(kind)])) as Record<TemplateKind, KindReader>;
