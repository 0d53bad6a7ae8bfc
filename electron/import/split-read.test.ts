import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readInventory } from '../store/inventory-repo.js';
import { ImportBatch } from './batch.js';
import { readCsvFile } from './read-file.js';
import { runImport } from './run-import.js';
import { writeLargeUserExport } from './test-support/large-user-export.js';
import { closeAfterTest, tempDir, tempWorkshop } from './test-support/workshop.js';

/** The same files imported by one thread and by two (everything above 1 byte is split): summary and workshop. */
async function bothWays(paths: string[]) {
  const one = await tempWorkshop();
  const two = await tempWorkshop();
  closeAfterTest(one.db);
  closeAfterTest(two.db);
  const settle = async (run: Promise<unknown>) => run.then((value) => ({ ok: true as const, value }), (error: unknown) => ({ ok: false as const, error }));
  const sequential = await settle(runImport(one.db, paths, { splitAbove: Infinity }));
  const split = await settle(runImport(two.db, paths, { splitAbove: 1 }));
  const strip = (r: typeof sequential) => (r.ok ? { ...(r.value as { elapsedMs: number }), elapsedMs: 0 } : r.error);
  return { sequential: strip(sequential), split: strip(split), inventories: [readInventory(one.db), readInventory(two.db)] as const };
}

async function usersFile(rows: number, edit?: (text: string) => string): Promise<string> {
  const path = join(tempDir(), 'users.csv');
  await writeLargeUserExport(path, rows);
  if (edit) writeFileSync(path, edit(readFileSync(path, 'utf8')));
  return path;
}

const lines = (text: string) => text.split('\r\n');

describe('a large per-object export read by two threads', () => {
  it('reads the second half in the worker and gives exactly the one-thread import', async () => {
    const path = await usersFile(20_000);
    const batch = new ImportBatch();
    const { summary, read } = await readCsvFile({ path, display: 'users.csv', inFolder: false }, batch, { splitAbove: 1 });
    // This thread read only up to the middle; the summary counts both halves.
    expect(read.rows).toBeGreaterThan(9000);
    expect(read.rows).toBeLessThan(11_000);
    expect(summary.rows).toBe(20_000);
    expect(summary.imported).toBe(20_000);

    const { sequential, split, inventories } = await bothWays([path]);
    expect(split).toEqual(sequential);
    expect(inventories[1]).toEqual(inventories[0]);
  });

  it('counts a UPN and a DN seen in both halves as duplicates, as one thread does', async () => {
    const path = await usersFile(20_000, (text) => {
      const rows = lines(text);
      // The last user repeats the first one's UPN; the one before it repeats the second user's DN.
      rows[rows.length - 2] = (rows[rows.length - 2] as string).replace(/"[^"]*@contoso\.com","[^"]*@contoso\.com"/, `"${/"([^"]*@contoso\.com)"/.exec(rows[1] as string)?.[1]}","x@contoso.com"`);
      rows[rows.length - 3] = `${(rows[2] as string).split('","')[0]}",${(rows[rows.length - 3] as string).split('","').slice(1).join('","').replace(/^/, '"')}`;
      return rows.join('\r\n');
    });
    const { sequential, split, inventories } = await bothWays([path]);
    expect(JSON.stringify(sequential)).toContain('skipped: the same distinguished name');
    expect(inventories[0].hygiene.find((h) => h.check === 'duplicate-upn')?.count).toBe(1);
    expect(split).toEqual(sequential);
    expect(inventories[1]).toEqual(inventories[0]);
  });

  it('falls back to one thread when the middle line break is inside a quoted value', async () => {
    const path = await usersFile(20_000, (text) => {
      const rows = lines(text);
      // One user whose Name holds a hundred thousand line breaks, so the middle of the file falls inside it.
      const long = Array.from({ length: 100_000 }, (_, i) => `line ${i}`).join('\n');
      rows.splice(10_000, 0, (rows[10_000] as string).replace(/"True","([^"]*)","([^"]*)"/, `"True","$1","${long}"`).replace('CN=', 'CN=Multi '));
      return rows.join('\r\n');
    });
    const { sequential, split, inventories } = await bothWays([path]);
    expect((sequential as { files: { rows: number }[] }).files[0]?.rows).toBe(20_001);
    expect(split).toEqual(sequential);
    expect(inventories[1]).toEqual(inventories[0]);
  });

  it('reports an error in the second half at its line in the whole file', async () => {
    const path = await usersFile(20_000, (text) => {
      const rows = lines(text);
      rows[18_000] = (rows[18_000] as string).replace(/^"CN=[^"]*"/, '"not a dn"');
      return rows.join('\r\n');
    });
    const { sequential, split } = await bothWays([path]);
    expect(sequential).toMatchObject({ code: 'bad-input', location: { file: expect.stringContaining('users.csv'), line: 18_001, column: 1 } });
    expect(split).toEqual(sequential);
  });

  it('falls back to one thread for a Windows-1252 file, decoded as one reading would', async () => {
    const path = await usersFile(20_000);
    writeFileSync(path, Buffer.from(readFileSync(path, 'utf8'), 'latin1'));
    const { sequential, split, inventories } = await bothWays([path]);
    expect((sequential as { files: { encoding: string }[] }).files[0]?.encoding).toBe('Windows-1252 (ANSI)');
    expect(split).toEqual(sequential);
    expect(inventories[1]).toEqual(inventories[0]);
  });

  it('stops both threads on cancel and writes nothing', async () => {
    const path = await usersFile(60_000);
    const w = await tempWorkshop();
    closeAfterTest(w.db);
    const controller = new AbortController();
    const progress: number[] = [];
    const running = runImport(w.db, [path], {
      splitAbove: 1,
      signal: controller.signal,
      onProgress: (p) => {
        progress.push(p.percent);
        if (p.percent > 20) controller.abort();
      },
    });
    await expect(running).rejects.toMatchObject({ code: 'cancelled' });
    expect(readInventory(w.db).domains).toEqual([]);
  });

  it('reports progress across both halves up to 100%', async () => {
    const path = await usersFile(20_000);
    const w = await tempWorkshop();
    closeAfterTest(w.db);
    const events: { rows: number; percent: number }[] = [];
    const summary = await runImport(w.db, [path], { splitAbove: 1, onProgress: (p) => events.push({ rows: p.rows, percent: p.percent }) });
    expect(summary.files[0]?.rows).toBe(20_000);
    expect(events.at(-1)).toEqual({ rows: 20_000, percent: 100 });
  });
});
