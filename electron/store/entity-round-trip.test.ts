import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { exampleRow, formatRow, templateColumns, templateFields, type AnyEntity } from '../../shared/model/entity.js';
import { TEMPLATE_KINDS, templateEntity, type TemplateKind } from '../../shared/import/template-catalog.js';
import type { Inventory } from '../../shared/model/inventory.js';
import { runImport } from '../import/run-import.js';
import { closeAfterTest, tempWorkshop } from '../import/test-support/workshop.js';
import { readInventory, saveHygiene, saveTrust } from './inventory-repo.js';

/**
 * Every entity with a template, through its description: a template row is imported into a workshop,
 * read back from the file, and written as a template row again — and must come out as it went in
 * (cells in their canonical spelling: "12,500" is written back as "12500").
 */
/** The stored rows of a template kind, as values of its entity. */
const STORED: Record<TemplateKind, (inventory: Inventory) => object[]> = {
  forests: (i) => i.forests,
  sync_features: (i) => i.forests.map((f) => ({ forest: f.forest, ...f.features })),
  domains: (i) => i.domains,
  ous: (i) => i.ous,
  connect_servers: (i) => i.connectServers,
  agents: (i) => i.agents,
  forest_links: (i) => i.forestLinks,
};

/** A cell as the writer spells it: parsed, then formatted. */
function canonical(entity: AnyEntity, row: readonly string[]): string[] {
  return templateFields(entity).map(({ field }, i) => {
    const cell = row[i] ?? '';
    if (cell === '') return '';
    const parsed = field.parse(cell);
    if (!parsed.ok) throw new Error(`example cell "${cell}": ${parsed.problem}`);
    return field.format(parsed.value);
  });
}

/** The example row with only the fields a row cannot exist without: every other cell empty (unknown). */
function sparseRow(entity: AnyEntity): string[] {
  const example = exampleRow(entity);
  return templateFields(entity).map(({ field }, i) => (field.required ? (example[i] as string) : ''));
}

const csv = (rows: readonly (readonly string[])[]) => rows.map((r) => r.map((c) => `"${c.replace(/"/g, '""')}"`).join(',')).join('\r\n');

async function roundTrip(kind: TemplateKind, row: readonly string[]): Promise<string[]> {
  const entity = templateEntity(kind);
  const w = await tempWorkshop();
  closeAfterTest(w.db);
  const file = join(w.dir, `${kind}.csv`);
  writeFileSync(file, csv([templateColumns(entity), row]));
  const summary = await runImport(w.db, [file]);
  expect(summary.files[0]).toMatchObject({ kind, imported: 1, warnings: [] });
  const keyColumns = entity.key.map((k: string) => templateFields(entity).findIndex((f) => f.key === k));
  const rows = STORED[kind](readInventory(w.db)).map((value) => formatRow(entity, value as never));
  const mine = rows.filter((r) => keyColumns.every((i: number) => r[i]?.toLowerCase() === row[i]?.toLowerCase()));
  expect(mine).toHaveLength(1);
  return mine[0] as string[];
}

type Choices = { options?: readonly string[]; unwrap?: () => Choices };
const optionsOf = (schema: Choices): readonly string[] | undefined => schema.options ?? (schema.unwrap ? optionsOf(schema.unwrap()) : undefined);
const choiceColumns = TEMPLATE_KINDS.flatMap((kind) =>
  templateFields(templateEntity(kind)).flatMap(({ column, field }) => {
    const options = optionsOf(field.schema as Choices);
    return options ? [[kind, column, options] as const] : [];
  }),
);

describe('each entity description round-trips: template row → workshop file → template row', () => {
  it.each(TEMPLATE_KINDS)('%s: the example row, every cell filled', async (kind) => {
    const entity = templateEntity(kind);
    const example = exampleRow(entity);
    expect(example.every((cell) => cell !== '')).toBe(true);
    expect(await roundTrip(kind, example)).toEqual(canonical(entity, example));
  });

  it.each(TEMPLATE_KINDS)('%s: a row that knows only what it cannot do without', async (kind) => {
    const entity = templateEntity(kind);
    const sparse = sparseRow(entity);
    expect(await roundTrip(kind, sparse)).toEqual(canonical(entity, sparse));
  });

  it.each(choiceColumns)('%s.%s: every allowed value of a choice comes back, whatever its case', async (kind, column, options) => {
      const entity = templateEntity(kind);
      const at = templateColumns(entity).indexOf(column);
      for (const option of options) {
        const row = [...exampleRow(entity)];
        row[at] = option.toUpperCase();
        expect((await roundTrip(kind, row))[at]).toBe(option);
      }
  });
});

describe('entities without a template round-trip through the workshop file', () => {
  it('a trust and a hygiene finding come back as they were saved, and a second save updates in place', async () => {
    const w = await tempWorkshop();
    closeAfterTest(w.db);
    const trust = { source: 'a.com', target: 'b.com', direction: 'bidirectional' as const, trustType: 'Forest', forestTransitive: true };
    const finding = { domain: 'a.com', check: 'duplicate-upn' as const, count: 3, examples: ['x@a.com', 'y@a.com'] };
    saveTrust(w.db, trust);
    saveHygiene(w.db, finding);
    saveTrust(w.db, { ...trust, forestTransitive: null });
    saveHygiene(w.db, { ...finding, count: 4 });
    const stored = readInventory(w.db);
    expect(stored.trusts).toEqual([{ ...trust, forestTransitive: null }]);
    expect(stored.hygiene).toEqual([{ ...finding, count: 4 }]);
  });
});
