import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closeWorkshop, openWorkshop } from './workshop-db.js';
import { readInventory } from './inventory-repo.js';
import { recoverWorkshop } from './recover.js';
import { migrations } from './migrations.js';
import { damageLeafPage, ousCsv } from './test-support/damage.js';
import { runImport } from '../import/run-import.js';

const dir = () => mkdtempSync(join(tmpdir(), 'syncplan-recover-'));
const OUS = 3000;

async function workshopWithOus(base: string): Promise<string> {
  const path = join(base, 'damaged.syncplan');
  writeFileSync(join(base, 'forests.csv'), 'forest,tenant\r\nfabrikam.com,fabrikam.onmicrosoft.com\r\n');
  writeFileSync(join(base, 'ous.csv'), ousCsv(OUS));
  const { db } = await openWorkshop(path, { mode: 'create', name: 'Fabrikam' });
  await runImport(db, [join(base, 'forests.csv'), join(base, 'ous.csv')]);
  closeWorkshop(db);
  return path;
}

describe('recover into a new workshop', () => {
  it('copies every readable row past a damaged page, says what was lost, and never touches the original', async () => {
    const base = dir();
    const damaged = await workshopWithOus(base);
    damageLeafPage(damaged, 'ous');
    const before = readFileSync(damaged);
    const listing = readdirSync(base).sort();

    const target = join(base, 'recovered.syncplan');
    const report = await recoverWorkshop(damaged, target);

    expect(readFileSync(damaged).equals(before)).toBe(true);
    expect(readdirSync(base).sort()).toEqual([...listing, 'recovered.syncplan'].sort());
    const ous = report.tables.find((t) => t.table === 'ous');
    expect(ous).toMatchObject({ damaged: true });
    expect(ous?.rows).toBeGreaterThan(OUS * 0.9);
    expect(ous?.rows).toBeLessThan(OUS);
    expect((ous?.rows ?? 0) + (ous?.lost ?? 0)).toBe(OUS);
    expect(report.tables.filter((t) => t.damaged).map((t) => t.table)).toEqual(['ous']);
    expect(report.summary).toMatch(/^Recovered [\d,]+ rows from damaged\.syncplan into .*recovered\.syncplan\. Unreadable parts in: ous \(at least \d+ rows lost\)\./);

    const { db } = await openWorkshop(target, { mode: 'open' });
    const inventory = readInventory(db);
    expect(inventory.forests.map((f) => f.forest)).toEqual(['fabrikam.com']);
    expect(inventory.ous).toHaveLength(ous?.rows ?? -1);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.prepare("SELECT value FROM meta WHERE key = 'name'").pluck().get()).toBe('Fabrikam (recovered)');
    closeWorkshop(db);
  });

  it('brings an older workshop to the current format, leaving out rows whose parent was lost', async () => {
    const base = dir();
    const path = join(base, 'old.syncplan');
    const v1 = await openWorkshop(path, { mode: 'create', migrations: [migrations[0] as string] });
    v1.db.exec("INSERT INTO forests (forest) VALUES ('contoso.com')");
    v1.db.pragma('foreign_keys = OFF');
    v1.db.exec("INSERT INTO domains (domain, forest) VALUES ('contoso.com', 'contoso.com'), ('orphan.example', 'lost.example')");
    closeWorkshop(v1.db);

    const report = await recoverWorkshop(path, join(base, 'new.syncplan'));
    expect(report).toMatchObject({ dropped: 1 });
    const { db } = await openWorkshop(join(base, 'new.syncplan'), { mode: 'open' });
    expect(readInventory(db).domains.map((d) => d.domain)).toEqual(['contoso.com']);
    closeWorkshop(db);
  });

  it('refuses a target that exists, and files that are not workshops', async () => {
    const base = dir();
    const damaged = await workshopWithOus(base);
    await expect(recoverWorkshop(damaged, join(base, 'ous.csv'))).rejects.toMatchObject({ code: 'exists' });
    const foreign = join(base, 'other.db');
    const other = new Database(foreign);
    other.exec('CREATE TABLE t (x)');
    other.close();
    await expect(recoverWorkshop(foreign, join(base, 'x.syncplan'))).rejects.toMatchObject({ code: 'not-a-workshop' });
    await expect(recoverWorkshop(base, join(base, 'y.syncplan'))).rejects.toMatchObject({ code: 'not-a-file' });
  });
});
