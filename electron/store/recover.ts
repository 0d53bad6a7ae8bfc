import Database from 'better-sqlite3';
import { copyFileSync, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { UserError } from '../../shared/result.js';
import type { RecoveryReport } from '../../shared/ipc/contracts/workshop.js';
import { nonRegularKind } from '../files/regular-file.js';
import { publishNew, removeStaleTemps, siblingTemp } from '../files/sibling-temp.js';
import { migrations as defaultMigrations } from './migrations.js';
import { APPLICATION_ID, type Db } from './workshop-db.js';
import { explainStoreError } from './store-errors.js';
import { count, plural } from '../../shared/engine/format.js';

/**
 * "Recover into a new workshop": copies every row SQLite can still read from a damaged workshop into
 * a new file, in the spirit of the sqlite3 shell's `.recover` (which the library does not have).
 * The damaged file is never opened in place: it (and its -wal) is copied to a private folder first,
 * so not even a -shm file appears beside it.
 *
 * Each table is read forwards and backwards in key order (a damaged page stops a scan, so the two
 * together reach the rows on both sides of it), and the keys listed in the table's indexes are looked
 * up one by one, which reaches rows between damaged pages. Rows are written through the current
 * schema's constraints: a row that lost what it belongs to (a domain whose forest is gone) is dropped,
 * never stored dangling.
 */
export interface RecoverOptions {
  signal?: AbortSignal;
  migrations?: readonly string[];
}

type Row = Record<string, unknown>;
const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

function attempt<T>(read: () => T): T | null {
  try {
    return read();
  } catch {
    return null;
  }
}

/** Opens the private copy; when its WAL cannot be replayed, the main file alone is better than nothing. */
function openCopy(folder: string, source: string): Db {
  const copy = join(folder, 'damaged.syncplan');
  copyFileSync(source, copy);
  const wal = attempt(() => statSync(`${source}-wal`));
  if (wal?.isFile() && wal.size > 0) copyFileSync(`${source}-wal`, `${copy}-wal`);
  for (const withWal of [true, false]) {
    if (!withWal) rmSync(`${copy}-wal`, { force: true });
    const db = attempt(() => {
      const opened = new Database(copy, { fileMustExist: true });
      opened.pragma('application_id', { simple: true });
      return opened;
    });
    if (db) return db;
  }
  throw new UserError('unrecoverable', `${basename(source)} is too damaged for anything to be read from it; restore it from a backup or a copy.`);
}

interface TableShape {
  columns: string[];
  /** Key columns, in key order; ["rowid"] for tables with row ids. */
  key: string[];
  indexes: string[];
}

function shapeOf(db: Db, table: string): TableShape | null {
  return attempt(() => {
    const info = db.prepare(`PRAGMA table_info(${quote(table)})`).all() as { name: string; pk: number }[];
    if (info.length === 0) return null;
    const withoutRowid = /\bWITHOUT\s+ROWID\b/i.test(
      String((db.prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?").get(table) as { sql?: string } | undefined)?.sql ?? ''),
    );
    const key = withoutRowid ? info.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk).map((c) => c.name) : ['rowid'];
    const indexes = (db.prepare(`PRAGMA index_list(${quote(table)})`).all() as { name: string }[]).map((i) => i.name);
    return { columns: info.map((c) => c.name), key, indexes };
  });
}

/** Every readable row of one table of the damaged copy, keyed by its key. */
function readTable(db: Db, table: string, shape: TableShape, wanted: string[]): { rows: Map<string, Row>; damaged: boolean; lost: number } {
  const rows = new Map<string, Row>();
  let damaged = false;
  const keyList = shape.key.map(quote).join(', ');
  const keyAliases = shape.key.map((k, i) => `${quote(k)} AS "__k${i}"`).join(', ');
  const select = `SELECT ${wanted.map(quote).join(', ')}, ${keyAliases} FROM ${quote(table)}`;
  const keyOf = (row: Row) => JSON.stringify(shape.key.map((_, i) => String(row[`__k${i}`])));
  const take = (row: Row) => {
    const key = keyOf(row);
    for (let i = 0; i < shape.key.length; i++) delete row[`__k${i}`];
    rows.set(key, row);
  };

  for (const order of ['ASC', 'DESC']) {
    try {
      const statement = db.prepare(`${select} ORDER BY ${shape.key.map((k) => `${quote(k)} ${order}`).join(', ')}`).safeIntegers(true);
      for (const row of statement.iterate() as Iterable<Row>) take(row);
    } catch {
      damaged = true;
    }
  }

  let lost = 0;
  if (damaged) {
    const lookup = attempt(() => db.prepare(`${select} WHERE ${shape.key.map((k) => `${quote(k)} = ?`).join(' AND ')}`).safeIntegers(true));
    for (const index of shape.indexes) {
      const keys = attempt(() => {
        const found: unknown[][] = [];
        const scan = db.prepare(`SELECT ${keyList} FROM ${quote(table)} INDEXED BY ${quote(index)}`).safeIntegers(true).raw(true);
        try {
          for (const key of scan.iterate() as Iterable<unknown[]>) found.push(key);
        } catch {
          // A damaged index still gave the keys before the damage.
        }
        return found;
      });
      for (const key of keys ?? []) {
        const id = JSON.stringify(key.map(String));
        if (rows.has(id)) continue;
        const row = lookup ? attempt(() => lookup.get(...key) as Row | undefined) : null;
        if (row) take(row);
        else lost++;
      }
    }
  }
  return { rows, damaged, lost };
}

/** Parents before children, so that foreign keys can be checked as rows go in. */
function parentsFirst(db: Db, tables: string[]): string[] {
  const parents = new Map(tables.map((t) => [t, (db.prepare(`PRAGMA foreign_key_list(${quote(t)})`).all() as { table: string }[]).map((f) => f.table)]));
  const ordered: string[] = [];
  const visit = (table: string, path: Set<string>) => {
    if (ordered.includes(table) || path.has(table)) return;
    path.add(table);
    for (const parent of parents.get(table) ?? []) if (parents.has(parent)) visit(parent, path);
    ordered.push(table);
  };
  for (const table of tables) visit(table, new Set());
  return ordered;
}

export async function recoverWorkshop(source: string, target: string, options: RecoverOptions = {}): Promise<RecoveryReport> {
  const list = options.migrations ?? defaultMigrations;
  const name = basename(source);
  if (source.includes('\0') || target.includes('\0')) throw new UserError('bad-path', 'A file name cannot contain a NUL character; choose another name.');
  const kind = attempt(() => nonRegularKind(statSync(source)));
  if (kind === null && !existsSync(source)) throw new UserError('not-found', `${name} was not found.`);
  if (kind) throw new UserError('not-a-file', `${name} is ${kind}, not a workshop file.`);
  if (existsSync(target)) throw new UserError('exists', `${basename(target)} already exists; choose a new file name for the recovered workshop.`);

  const folder = mkdtempSync(join(tmpdir(), 'syncplan-recover-'));
  const temp = siblingTemp(target, 'recover');
  removeStaleTemps(target);
  let damaged: Db | null = null;
  try {
    damaged = openCopy(folder, source);
    const appId = attempt(() => Number(damaged?.pragma('application_id', { simple: true })));
    const version = attempt(() => Number(damaged?.pragma('user_version', { simple: true }))) ?? 0;
    if (appId !== APPLICATION_ID) {
      throw new UserError('not-a-workshop', `${name} is not a SyncPlan workshop, so there is nothing SyncPlan can recover from it.`);
    }
    if (version > list.length) {
      throw new UserError('newer-version', `${name} was saved by a newer SyncPlan (file format ${version}); recover it with that version.`);
    }
    const fresh = new Database(temp);
    const report: RecoveryReport = { source, target, rows: 0, dropped: 0, tables: [], summary: '' };
    try {
      fresh.pragma('foreign_keys = ON');
      fresh.exec('BEGIN');
      fresh.pragma(`application_id = ${APPLICATION_ID}`);
      for (const sql of list.slice(0, version)) fresh.exec(sql);
      const tables = (fresh.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as { name: string }[]).map((t) => t.name);
      for (const table of parentsFirst(fresh, tables)) {
        if (options.signal?.aborted) throw new UserError('cancelled', `Recovery was cancelled; ${basename(target)} was not written.`);
        await yieldToEventLoop();
        const shape = shapeOf(damaged, table);
        if (!shape) {
          report.tables.push({ table, rows: 0, damaged: true, lost: 0 });
          continue;
        }
        const targetColumns = new Set((fresh.prepare(`PRAGMA table_info(${quote(table)})`).all() as { name: string }[]).map((c) => c.name));
        const wanted = shape.columns.filter((c) => targetColumns.has(c));
        const read = readTable(damaged, table, shape, wanted);
        const insert = fresh.prepare(`INSERT INTO ${quote(table)} (${wanted.map(quote).join(', ')}) VALUES (${wanted.map(() => '?').join(', ')})`);
        let rows = 0;
        for (const row of read.rows.values()) {
          try {
            insert.run(...wanted.map((c) => row[c]));
            rows++;
          } catch {
            report.dropped++;
          }
        }
        report.rows += rows;
        report.tables.push({ table, rows, damaged: read.damaged, lost: read.lost });
      }
      // Named apart from the damaged original, which may sit beside it in the recent workshops.
      const named = fresh.prepare("SELECT value FROM meta WHERE key = 'name'").pluck().get() as string | undefined;
      fresh.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('name', ?)").run(named ? `${named} (recovered)` : basename(target).replace(/\.syncplan$/i, ''));
      fresh.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('recovered_from', ?)").run(source);
      for (const sql of list.slice(version)) fresh.exec(sql);
      fresh.pragma(`user_version = ${list.length}`);
      fresh.exec('COMMIT');
      const verdict = String(fresh.pragma('integrity_check(1)', { simple: true }));
      if (verdict !== 'ok') throw new Error(`the recovered file failed its integrity check: ${verdict}`);
      fresh.pragma('journal_mode = WAL');
    } finally {
      fresh.close();
    }
    if (!publishNew(temp, target)) throw new UserError('exists', `${basename(target)} already exists; choose a new file name for the recovered workshop.`);
    return { ...report, summary: describeRecovery(report) };
  } catch (error) {
    // What fails past the tolerant reading is writing the new file (a full disk, a folder not writable).
    throw explainStoreError(error, target, { recover: 'Choose another place' }) ?? error;
  } finally {
    damaged?.close();
    rmSync(folder, { recursive: true, force: true });
    for (const suffix of ['', '-journal', '-wal', '-shm']) rmSync(`${temp}${suffix}`, { force: true });
  }
}

/** "Recovered 1,234 rows …": one paragraph for the CLI and the app. */
function describeRecovery(report: RecoveryReport): string {
  const damaged = report.tables.filter((t) => t.damaged);
  const parts = [`Recovered ${plural(report.rows, 'row', 'rows')} from ${basename(report.source)} into ${report.target}.`];
  if (damaged.length === 0) parts.push('Every table could be read in full.');
  else {
    const list = damaged.map((t) => (t.lost > 0 ? `${t.table} (at least ${count(t.lost)} rows lost)` : t.table)).join(', ');
    parts.push(`Unreadable parts in: ${list}.`);
  }
  if (report.dropped > 0) parts.push(`${count(report.dropped)} row${report.dropped === 1 ? ' was' : 's were'} left out because what they belonged to was lost or their values were garbled.`);
  parts.push('Check the recovered workshop, and re-import what is missing.');
  return parts.join(' ');
}
