import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { onTestFinished } from 'vitest';
import { closeWorkshop, openWorkshop, type Db } from '../../store/workshop-db.js';

export const repoRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..');
/** The real sample inputs beside the repository (same sibling layout in CI). */
export const samples = (name: string) => resolve(repoRoot, '../shared/samples', name);

export function tempDir(prefix = 'syncplan-import-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export async function tempWorkshop(): Promise<{ db: Db; path: string; dir: string }> {
  const dir = tempDir();
  const path = join(dir, 'test.syncplan');
  const { db } = await openWorkshop(path, { mode: 'create' });
  return { db, path, dir };
}

/** Closes `db` when the running test ends, passed or failed (unless the test closed it itself). */
export function closeAfterTest(db: Db): Db {
  onTestFinished(() => {
    if (db.open) closeWorkshop(db);
  });
  return db;
}

/** A temporary workshop that the running test's end closes. */
export async function testWorkshop(): Promise<{ db: Db; path: string; dir: string }> {
  const made = await tempWorkshop();
  closeAfterTest(made.db);
  return made;
}

export function writeFixture(dir: string, name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}
