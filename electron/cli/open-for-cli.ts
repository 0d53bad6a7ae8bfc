import { rmSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { UserError } from '../../shared/result.js';
import { closeWorkshop, isOpenElsewhere, openWorkshop, type Db } from '../store/workshop-db.js';
import { explainStoreError, whyReadOnly, type ExplainOptions } from '../store/store-errors.js';

const explainFor = (given: string): ExplainOptions => ({ recover: `Run "syncplan recover ${given} <new file>"` });

/**
 * Opens an existing workshop read-only (CLI paths are relative to the caller's folder), runs `use`,
 * always closes. Reading never changes the file, so it works in read-only folders too.
 */
export async function withWorkshop<T>(path: string, cwd: string, use: (db: Db) => T | Promise<T>): Promise<T> {
  const full = resolve(cwd, path);
  const explain = explainFor(path);
  const { db } = await openWorkshop(full, { mode: 'read', explain });
  try {
    return await use(db);
  } catch (error) {
    throw explainStoreError(error, full, explain) ?? error;
  } finally {
    closeWorkshop(db);
  }
}

const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/**
 * The workshop an import writes to, created when missing. Ctrl+C, a kill (SIGTERM) or a closed
 * terminal (SIGHUP) cancel the import through `signal`, so it stops with nothing written instead of
 * dying; a second Ctrl+C ends the process at once, which SQLite's journal makes safe too. A workshop
 * this call created is removed again when the import does not complete, unless someone else has
 * opened it in the meantime.
 */
export async function withImportTarget<T>(path: string, cwd: string, run: (db: Db, signal: AbortSignal) => Promise<T>): Promise<T> {
  const full = resolve(cwd, path);
  const explain = explainFor(path);
  const controller = new AbortController();
  const cancel = () => controller.abort();
  for (const signal of STOP_SIGNALS) process.once(signal, cancel);
  let db: Db | null = null;
  let created = false;
  try {
    try {
      db = (await openWorkshop(full, { mode: 'create', explain })).db;
      created = true;
    } catch (error) {
      // Another import may have created it a moment ago: then this one adds to it.
      if (!(error instanceof UserError && error.code === 'exists')) throw error;
    }
    if (!db) {
      const opened = await openWorkshop(full, { mode: 'open', explain });
      db = opened.db;
      const reason = opened.readOnly ? whyReadOnly(full) : null;
      if (reason) throw new UserError('read-only', `${basename(full)} cannot be changed because ${reason}; nothing was imported. Copy it to a folder you can write to first.`);
    }
    return await run(db, controller.signal);
  } catch (error) {
    if (db) closeWorkshop(db);
    db = null;
    // The workshop itself last: stopped in between, what is left is still a whole (empty) workshop.
    if (created && !isOpenElsewhere(full)) for (const suffix of ['-wal', '-shm', '-journal', '']) rmSync(`${full}${suffix}`, { force: true });
    throw explainStoreError(error, full, explain) ?? error;
  } finally {
    for (const signal of STOP_SIGNALS) process.off(signal, cancel);
    if (db) closeWorkshop(db);
  }
}
