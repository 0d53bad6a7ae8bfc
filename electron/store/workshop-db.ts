import Database from 'better-sqlite3';
import { existsSync, openSync, readSync, closeSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { UserError } from '../../shared/result.js';
import { migrations as defaultMigrations } from './migrations.js';

export type Db = Database.Database;

/** PRAGMA application_id of every workshop: "SYNP". Tells our files from other SQLite files. */
export const APPLICATION_ID = 0x53594e50;
const SQLITE_HEADER = 'SQLite format 3\0';

export interface OpenOptions {
  mode: 'create' | 'open';
  /** Workshop name stored on create. */
  name?: string;
  /** Only tests pass their own list, to exercise upgrades from older files. */
  migrations?: readonly string[];
}

export interface OpenedWorkshop {
  db: Db;
  path: string;
  /** Set when an older file was upgraded: where the pre-upgrade copy is. */
  backupPath: string | null;
}

/**
 * Reads identity and version straight from the 100-byte SQLite header (user_version at offset 60,
 * application_id at 68) without opening a connection, so a refused file and its neighbours stay
 * byte-for-byte as they were: even a read-only WAL connection would create -wal and -shm files.
 */
function inspect(path: string): { appId: number; version: number } {
  const name = basename(path);
  const header = Buffer.alloc(100);
  const fd = openSync(path, 'r');
  let read: number;
  try {
    read = readSync(fd, header, 0, 100, 0);
  } finally {
    closeSync(fd);
  }
  if (read < 100 || header.toString('latin1', 0, 16) !== SQLITE_HEADER) {
    throw new UserError('not-a-workshop', `${name} is not a SyncPlan workshop (it is not an SQLite database); it was left untouched.`);
  }
  return { version: header.readUInt32BE(60), appId: header.readUInt32BE(68) };
}

function configure(db: Db): void {
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.pragma('synchronous = NORMAL');
}

function applyMigrations(db: Db, from: number, list: readonly string[]): void {
  db.transaction(() => {
    for (let version = from; version < list.length; version++) {
      db.exec(list[version] as string);
    }
    db.pragma(`user_version = ${list.length}`);
  })();
}

export async function openWorkshop(path: string, options: OpenOptions): Promise<OpenedWorkshop> {
  const list = options.migrations ?? defaultMigrations;
  const latest = list.length;
  const name = basename(path);
  const exists = existsSync(path);

  if (options.mode === 'create') {
    if (exists) throw new UserError('exists', `${name} already exists; choose another name or open it instead.`);
    if (!existsSync(dirname(path))) throw new UserError('not-found', `The folder ${dirname(path)} does not exist.`);
    const db = new Database(path);
    try {
      configure(db);
      db.pragma(`application_id = ${APPLICATION_ID}`);
      applyMigrations(db, 0, list);
      const setMeta = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)');
      setMeta.run('name', options.name ?? name.replace(/\.syncplan$/i, ''));
      setMeta.run('created_at', new Date().toISOString());
    } catch (error) {
      db.close();
      rmSync(path, { force: true });
      throw error;
    }
    return { db, path, backupPath: null };
  }

  if (!exists) throw new UserError('not-found', `${name} was not found at ${dirname(path)}.`);
  const { appId, version } = inspect(path);
  if (appId !== APPLICATION_ID) {
    throw new UserError('not-a-workshop', `${name} is an SQLite database but not a SyncPlan workshop; it was left untouched.`);
  }
  if (version > latest) {
    throw new UserError(
      'newer-version',
      `${name} was saved by a newer SyncPlan (file format ${version}; this version reads up to ${latest}). ` +
        'Update SyncPlan to open it; the file was left untouched.',
    );
  }

  const db = new Database(path, { fileMustExist: true });
  let backupPath: string | null = null;
  try {
    configure(db);
    if (version < latest) {
      backupPath = join(dirname(path), `${name}.v${version}-backup-${Date.now()}`);
      await db.backup(backupPath);
      applyMigrations(db, version, list);
    }
  } catch (error) {
    db.close();
    if (error instanceof UserError) throw error;
    throw new UserError(
      'migration-failed',
      `${name} could not be upgraded to file format ${latest} (${(error as Error).message}). ` +
        `It was left at format ${version}${backupPath ? `; a copy was saved as ${basename(backupPath)}` : ''}.`,
    );
  }
  return { db, path, backupPath };
}

/**
 * A single self-contained file (no -wal/-shm beside it) for mailing to a colleague. Written next to the
 * target first so a failure never leaves a half-written copy under the user's chosen name.
 */
export function saveCopy(db: Db, target: string): void {
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
  rmSync(temp, { force: true });
  try {
    db.prepare('VACUUM INTO ?').run(temp);
    renameSync(temp, target);
  } catch (error) {
    rmSync(temp, { force: true });
    throw new UserError('save-copy-failed', `The copy could not be written to ${target}: ${(error as Error).message}`);
  }
}

export function closeWorkshop(db: Db): void {
  if (!db.open) return;
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
}
