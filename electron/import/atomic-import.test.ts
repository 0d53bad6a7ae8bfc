import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createHash } from 'node:crypto';
import { readFileSync, existsSync } from 'node:fs';
import { readInventory } from '../store/inventory-repo.js';
import { closeWorkshop, openWorkshop } from '../store/workshop-db.js';
import { UserError } from '../../shared/result.js';
import type { ImportSummary } from '../../shared/import/summary.js';
import { Inventory } from '../../shared/model/inventory.js';
import { runImport } from './run-import.js';
import { exportCsvText } from './test-support/export-csv.js';
import { closeAfterTest, tempWorkshop, writeFixture } from './test-support/workshop.js';

/**
 * One import is one transaction: a failure anywhere, a cancel, or garbage input leaves the workshop
 * exactly as it was.
 */
const EMPTY: Inventory = { tenants: [], forests: [], domains: [], ous: [], connectServers: [], agents: [], trusts: [], forestLinks: [], hygiene: [] };

const digest = (path: string) => (existsSync(path) ? createHash('sha256').update(readFileSync(path)).digest('hex') : null);
const fileState = (path: string) => [digest(path), digest(`${path}-wal`)];

function usersCsv(count: number, badAt?: number): string {
  const rows = Array.from({ length: count }, (_, i) => ({
    DistinguishedName: i === badAt ? 'CN=broken' : `CN=User ${i},OU=Dept${i % 20},DC=corp,DC=contoso,DC=com`,
    UserPrincipalName: `user${i}@contoso.com`,
    SamAccountName: `user${i}`,
  }));
  return exportCsvText(['DistinguishedName', 'UserPrincipalName', 'SamAccountName'], rows, { edition: '7' });
}

async function seeded() {
  const w = await tempWorkshop();
  closeAfterTest(w.db);
  await runImport(w.db, [writeFixture(w.dir, 'forests.csv', 'forest,tenant\nearlier.com,earlier.onmicrosoft.com\n')]);
  return w;
}

describe('an import is all or nothing', () => {
  it('a failure deep into a large file leaves the workshop byte-for-byte as it was', async () => {
    const { db, dir, path } = await seeded();
    const before = readInventory(db);
    const state = fileState(path);
    const file = writeFixture(dir, 'users.csv', usersCsv(60_000, 50_000));
    const error = await runImport(db, [writeFixture(dir, 'ok.csv', usersCsv(10)), file]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).location).toEqual({ file, line: 50_002, column: 1 });
    expect(fileState(path)).toEqual(state);
    expect(readInventory(db)).toEqual(before);
    closeWorkshop(db);
    const reopened = (await openWorkshop(path, { mode: 'open' })).db;
    closeAfterTest(reopened);
    expect(readInventory(reopened)).toEqual(before);
  });

  it('a cancel while a file streams stops the import and writes nothing', async () => {
    const { db, dir, path } = await seeded();
    const before = readInventory(db);
    const state = fileState(path);
    const file = writeFixture(dir, 'users.csv', usersCsv(80_000));
    const controller = new AbortController();
    const seen: number[] = [];
    const error = await runImport(db, [file], {
      signal: controller.signal,
      onProgress: (p) => {
        seen.push(p.percent);
        if (p.percent > 20) controller.abort();
      },
    }).catch((e: unknown) => e);
    expect((error as UserError).code).toBe('cancelled');
    expect(seen.some((p) => p > 0 && p < 100)).toBe(true);
    expect(fileState(path)).toEqual(state);
    expect(readInventory(db)).toEqual(before);
  });

  it('reports progress by rows, bytes and percent, ending at 100%', async () => {
    const { db, dir } = await seeded();
    const file = writeFixture(dir, 'users.csv', usersCsv(30_000));
    const progress: { rows: number; bytes: number; percent: number }[] = [];
    await runImport(db, [file], { onProgress: (p) => progress.push(p) });
    const last = progress[progress.length - 1];
    expect(last).toMatchObject({ rows: 30_000, percent: 100, fileIndex: 0, fileCount: 1 });
    expect(progress.length).toBeGreaterThan(1);
  });

  it('arbitrary bytes never crash or hang the import: it fails with nothing written, or writes a valid, repeatable inventory', async () => {
    const { db, dir } = await seeded();
    const outcomes = { failed: 0, imported: 0 };
    // Raw bytes, and rows of cells under a header SyncPlan knows, so that both outcomes are reached.
    const headers = [['forest', 'network', 'cloud'], ['domain', 'users', 'upn_suffixes'], ['DistinguishedName', 'UserPrincipalName'], ['forest', 'other_forest', 'kind']];
    const cell = fc.constantFrom('a.com', 'B.com', '', 'yes', '12', '"1,234"', 'global', 'trust', 'connected', '"CN=x,DC=a,DC=com"', 'u@a.com', 'é', '"', ',', ' x ');
    const table = fc
      .constantFrom(...headers)
      .chain((header) => fc.tuple(fc.constant(header), fc.array(fc.array(cell, { minLength: header.length, maxLength: header.length }), { maxLength: 8 })));
    const input = fc.oneof(
      { arbitrary: fc.uint8Array({ maxLength: 2000 }), weight: 1 },
      { arbitrary: table.map(([header, rows]) => new TextEncoder().encode([header, ...rows].map((r) => r.join(',')).join('\r\n'))), weight: 3 },
    );
    await fc.assert(
      fc.asyncProperty(input, async (bytes) => {
        const before = readInventory(db);
        const file = writeFixture(dir, 'random.csv', Buffer.from(bytes));
        let summary: ImportSummary;
        try {
          summary = await runImport(db, [file]);
        } catch (error) {
          expect(error).toBeInstanceOf(UserError);
          expect(readInventory(db)).toEqual(before);
          outcomes.failed++;
          return;
        }
        outcomes.imported++;
        expect(summary.files).toHaveLength(1);
        const after = readInventory(db);
        expect(() => Inventory.parse(after)).not.toThrow();
        expect(after.forests.map((f) => f.forest)).toEqual(expect.arrayContaining(before.forests.map((f) => f.forest)));
        // Re-importing the same rows updates them in place: nothing more changes.
        await runImport(db, [file]);
        expect(readInventory(db)).toEqual(after);
      }),
      { numRuns: 200 },
    );
    expect(outcomes.failed).toBeGreaterThan(0);
    expect(outcomes.imported).toBeGreaterThan(0);
  });

  it('mangled CSVs either fail with a location inside the file and leave their workshop empty, or import every row they kept', async () => {
    const { db, dir } = await seeded();
    const valid = usersCsv(30);
    const before = readInventory(db);
    const outcomes = { failed: 0, imported: 0 };
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ at: fc.nat(), text: fc.constantFrom('"', ',', '\n', '\r', 'x', '', 'CN=', '\u0000') }), { minLength: 1, maxLength: 5 }),
        async (edits) => {
          let text = valid;
          for (const { at, text: insert } of edits) {
            const i = at % text.length;
            text = insert === '' ? text.slice(0, i) + text.slice(i + 1) : text.slice(0, i) + insert + text.slice(i);
          }
          const file = writeFixture(dir, 'mangled.csv', text);
          const scratch = await tempWorkshop();
          closeAfterTest(scratch.db);
          let summary: ImportSummary;
          try {
            summary = await runImport(scratch.db, [file]);
          } catch (error) {
            expect(error).toBeInstanceOf(UserError);
            const location = (error as UserError).location;
            expect(location?.file).toBe(file);
            if (location?.line !== undefined) expect(location.line).toBeLessThanOrEqual(text.split(/\r\n|\r|\n/).length + 1);
            expect(readInventory(scratch.db)).toEqual(EMPTY);
            outcomes.failed++;
            return;
          }
          outcomes.imported++;
          const [read] = summary.files;
          const stored = readInventory(scratch.db);
          const users = stored.domains.reduce((sum, d) => sum + (d.users ?? 0), 0);
          expect(read?.kind).toBe('ad-users');
          expect(users).toBe(read?.imported);
          expect(read?.imported).toBeGreaterThan(0);
        },
      ),
      { numRuns: 80 },
    );
    expect(readInventory(db)).toEqual(before);
    expect(outcomes.failed).toBeGreaterThan(0);
    expect(outcomes.imported).toBeGreaterThan(0);
  });
});
