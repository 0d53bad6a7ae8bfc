import Database from 'better-sqlite3';
import { accessSync, constants, copyFileSync, existsSync, mkdtempSync, rmSync, statSync, type Stats } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { UserError } from '../../shared/result.js';
import { nonRegularKind, NotRegularFileError, readRegularFileHead, readRegularFileSync } from '../files/regular-file.js';
import { publishNew, removeStaleTemps, replaceWith, siblingTemp } from '../files/sibling-temp.js';
import { migrations as defaultMigrations } from './migrations.js';
import { damagedError, explainStoreError, isBusy, whyReadOnly, type ExplainOptions } from './store-errors.js';

export type Db = Database.Database;

/** PRAGMA application_id of every workshop: "SYNP". Tells our files from other SQLite files. */
export const APPLICATION_ID = 0x53594e50;
const SQLITE_HEADER = 'SQLite format 3\0';
/** How long one statement waits for another program's write to finish before reporting the workshop in use. */
export const BUSY_TIMEOUT_MS = 3000;

/**
 * `read` never changes the file: a live connection that refuses writes (PRAGMA query_only) when the
 * file and its folder are writable, else a private in-memory snapshot, so that nothing (not even the
 * -wal and -shm files a WAL connection needs) is created beside a file in a read-only place.
 */
export type OpenMode = 'create' | 'open' | 'read';

export interface OpenOptions {
  mode: OpenMode;
  /** Workshop name stored on create. */
  name?: string;
  /** Only tests pass their own list, to exercise upgrades from older files. */
  migrations?: readonly string[];
  /** How a damaged file is recovered where the user is (the app's button, or the CLI command). */
  explain?: ExplainOptions;
}

export interface OpenedWorkshop {
  db: Db;
  path: string;
  /** Set when an older file was upgraded: where the pre-upgrade copy is. */
  backupPath: string | null;
  /** Why nothing can be changed (one sentence for the user); null when the workshop is open for changes. */
  readOnly: string | null;
}

const DEFAULT_EXPLAIN: ExplainOptions = { recover: 'Use "Recover into a new workshop"' };

/** The file each connection is about, for messages; an in-memory snapshot has no file name of its own. */
const files = new WeakMap<Db, string>();
export const workshopFile = (db: Db): string | null => files.get(db) ?? null;

function register(db: Db, path: string): Db {
  files.set(db, path);
  return db;
}

function closeQuietly(db: Db): void {
  try {
    if (db.open) db.close();
  } catch {
    // Closing must never hide the error that made us close.
  }
}

function checkPathText(path: string): void {
  if (path.includes('\0')) {
    throw new UserError('bad-path', 'The workshop path contains a NUL character, which no file name can hold; choose another name.');
  }
}

function statWorkshop(path: string): Stats {
  const name = basename(path);
  let stats: Stats;
  try {
    stats = statSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new UserError('not-found', `${name} was not found at ${dirname(path)}.`);
    throw error;
  }
  const kind = nonRegularKind(stats);
  if (kind) throw new NotRegularFileError(path, kind);
  return stats;
}

/**
 * Until SQLite checkpoints it, the newest state of a workshop may sit in its -wal file: a first
 * import killed before the checkpoint leaves an empty main file. Then only a connection, which
 * replays the WAL, tells what the file is.
 */
function hasPendingWal(path: string): boolean {
  try {
    const wal = statSync(`${path}-wal`);
    return wal.isFile() && wal.size > 0;
  } catch {
    return false;
  }
}

interface Identity {
  appId: number;
  version: number;
}

/**
 * Identity and version straight from the 100-byte SQLite header (user_version at offset 60,
 * application_id at 68) without opening a connection, so that a refused file and its neighbours stay
 * byte-for-byte as they were: even a read-only WAL connection would create -wal and -shm files.
 */
function readHeader(path: string): Identity {
  const header = readRegularFileHead(path, 100);
  if (header.length < 100 || header.toString('latin1', 0, 16) !== SQLITE_HEADER) {
    throw new UserError('not-a-workshop', `${basename(path)} is not a SyncPlan workshop (it is not an SQLite database); it was left untouched.`);
  }
  return { version: header.readUInt32BE(60), appId: header.readUInt32BE(68) };
}

function readIdentity(db: Db): Identity {
  return {
    appId: Number(db.pragma('application_id', { simple: true })),
    version: Number(db.pragma('user_version', { simple: true })),
  };
}

function checkIdentity({ appId, version }: Identity, path: string, latest: number): void {
  const name = basename(path);
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
}

/** Damage is found when the file is opened, not halfway through some later command. */
function checkIntact(db: Db, path: string, explain: ExplainOptions): void {
  const verdict = String(db.pragma('quick_check(1)', { simple: true }));
  if (verdict === 'ok') return;
  const detail = verdict.replace(/\*\*\* in database \w+ \*\*\*/g, '').replace(/\s+/g, ' ').trim();
  throw damagedError(path, `SQLite reports: ${detail}`, explain);
}

function configure(db: Db): void {
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
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

const connect = (path: string): Db => register(new Database(path, { fileMustExist: true, timeout: BUSY_TIMEOUT_MS }), path);

/**
 * A private, in-memory copy of the workshop as it is now (its -wal replayed on a copy in a temporary
 * folder), for reading a file that must not or cannot be written.
 */
function snapshot(path: string): Db {
  if (!hasPendingWal(path)) return register(fromImage(readRegularFileSync(path)), path);
  const folder = mkdtempSync(join(tmpdir(), 'syncplan-read-'));
  try {
    const copy = join(folder, 'workshop.syncplan');
    copyFileSync(path, copy);
    copyFileSync(`${path}-wal`, `${copy}-wal`);
    const db = new Database(copy, { fileMustExist: true });
    try {
      return register(fromImage(db.serialize()), path);
    } finally {
      db.close();
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

function fromImage(image: Buffer): Db {
  // An in-memory database has no -wal beside it: a WAL-mode image must be marked as a rollback-journal one.
  if (image.length >= 20) {
    image[18] = 1;
    image[19] = 1;
  }
  return new Database(image);
}

async function createWorkshop(path: string, name: string, list: readonly string[], explain: ExplainOptions): Promise<OpenedWorkshop> {
  const file = basename(path);
  if (existsSync(path)) throw new UserError('exists', `${file} already exists; choose another name or open it instead.`);
  if (!existsSync(dirname(path))) throw new UserError('not-found', `The folder ${dirname(path)} does not exist.`);
  try {
    accessSync(dirname(path), constants.W_OK);
  } catch {
    throw new UserError('read-only', `${file} cannot be created in ${dirname(path)}: the folder is read-only. Choose another folder.`);
  }
  removeStaleTemps(path);
  // Journal files without their workshop are leftovers of a removed one; SQLite would replay them into this one.
  for (const suffix of ['-wal', '-shm', '-journal']) if (!existsSync(path)) rmSync(`${path}${suffix}`, { force: true });
  // Built complete under a temporary name, then published in one step: a workshop exists whole or not at all.
  const temp = siblingTemp(path, 'new');
  try {
    const db = new Database(temp);
    try {
      db.transaction(() => {
        db.pragma(`application_id = ${APPLICATION_ID}`);
        for (const sql of list) db.exec(sql);
        db.pragma(`user_version = ${list.length}`);
        const setMeta = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)');
        setMeta.run('name', name);
        setMeta.run('created_at', new Date().toISOString());
      })();
      db.pragma('journal_mode = WAL');
    } finally {
      db.close();
    }
    if (!publishNew(temp, path)) throw new UserError('exists', `${file} already exists; choose another name or open it instead.`);
  } catch (error) {
    throw explainStoreError(error, path, explain) ?? error;
  } finally {
    for (const suffix of ['', '-journal', '-wal', '-shm']) rmSync(`${temp}${suffix}`, { force: true });
  }
  return openExisting(path, 'open', list, explain);
}

async function openForChanges(path: string, list: readonly string[], explain: ExplainOptions): Promise<OpenedWorkshop> {
  // A creation killed right after publishing the workshop leaves its temporary name behind too.
  removeStaleTemps(path);
  const db = connect(path);
  let backupPath: string | null = null;
  try {
    const identity = readIdentity(db);
    checkIdentity(identity, path, list.length);
    configure(db);
    checkIntact(db, path, explain);
    if (identity.version < list.length) {
      backupPath = join(dirname(path), `${basename(path)}.v${identity.version}-backup-${Date.now()}`);
      await db.backup(backupPath);
      try {
        applyMigrations(db, identity.version, list);
      } catch (error) {
        if (isBusy(error) || explainStoreError(error, path, explain)) throw error;
        throw new UserError(
          'migration-failed',
          `${basename(path)} could not be upgraded to file format ${list.length} (${(error as Error).message}). ` +
            `It was left at format ${identity.version}, unchanged.`,
        );
      }
    }
  } catch (error) {
    closeQuietly(db);
    // The file is unchanged, so a copy of it would only pile up with every attempt.
    if (backupPath) rmSync(backupPath, { force: true });
    throw explainStoreError(error, path, explain) ?? error;
  }
  return { db, path, backupPath, readOnly: null };
}

function openForReading(path: string, list: readonly string[], reason: string, explain: ExplainOptions): OpenedWorkshop {
  let db = whyReadOnly(path) === null ? connect(path) : snapshot(path);
  try {
    const identity = readIdentity(db);
    checkIdentity(identity, path, list.length);
    checkIntact(db, path, explain);
    let upgraded = '';
    if (identity.version < list.length) {
      // Upgraded in memory only: the file keeps its format, as it must when it cannot or may not be written.
      if (db.name !== ':memory:') {
        closeQuietly(db);
        db = snapshot(path);
      }
      applyMigrations(db, identity.version, list);
      upgraded = ` It is in an older file format (${identity.version}), shown upgraded without changing the file.`;
    }
    db.pragma('query_only = ON');
    return { db, path, backupPath: null, readOnly: `${reason}.${upgraded}` };
  } catch (error) {
    closeQuietly(db);
    throw explainStoreError(error, path, explain) ?? error;
  }
}

async function openExisting(path: string, mode: 'open' | 'read', list: readonly string[], explain: ExplainOptions): Promise<OpenedWorkshop> {
  try {
    statWorkshop(path);
    if (!hasPendingWal(path)) checkIdentity(readHeader(path), path, list.length);
  } catch (error) {
    throw explainStoreError(error, path, explain) ?? error;
  }
  const cannotWrite = whyReadOnly(path);
  if (mode === 'open' && cannotWrite === null) return openForChanges(path, list, explain);
  const reason =
    mode === 'read'
      ? 'Opened read-only, as asked: nothing done here changes the file'
      : `Opened read-only because ${cannotWrite}: changes cannot be saved. Save a copy to work on it`;
  return openForReading(path, list, reason, explain);
}

export async function openWorkshop(path: string, options: OpenOptions): Promise<OpenedWorkshop> {
  checkPathText(path);
  const list = options.migrations ?? defaultMigrations;
  const explain = options.explain ?? DEFAULT_EXPLAIN;
  if (options.mode === 'create') {
    return createWorkshop(path, options.name ?? basename(path).replace(/\.syncplan$/i, ''), list, explain);
  }
  return openExisting(path, options.mode, list, explain);
}

/**
 * Whether another connection (this process's or another program's) has `path` open. A WAL-mode
 * connection holds a shared lock on the file for as long as it is open, so an exclusive lock can
 * only be had when nobody else has it open.
 */
export function isOpenElsewhere(path: string): boolean {
  try {
    if (readRegularFileHead(path, 16).toString('latin1') !== SQLITE_HEADER) return false;
  } catch {
    return false;
  }
  let probe: Db | null = null;
  try {
    probe = new Database(path, { fileMustExist: true, timeout: 0 });
    probe.pragma('locking_mode = EXCLUSIVE');
    probe.exec('BEGIN EXCLUSIVE');
    probe.exec('ROLLBACK');
    return false;
  } catch (error) {
    return isBusy(error);
  } finally {
    if (probe) closeQuietly(probe);
  }
}

function sameFile(a: string, b: string): boolean {
  try {
    const x = statSync(a);
    const y = statSync(b);
    return x.dev === y.dev && x.ino === y.ino;
  } catch {
    return false;
  }
}

/**
 * A single self-contained file (no -wal/-shm beside it) for mailing to a colleague. Written next to the
 * target first so a failure never leaves a half-written copy under the user's chosen name. Replacing a
 * workshop that is open (this one, or one open in another window or program) would leave its
 * connection writing to a file that no longer has a name, silently losing every later change.
 */
export function saveCopy(db: Db, target: string): void {
  checkPathText(target);
  const name = basename(target);
  const source = workshopFile(db);
  if (existsSync(target)) {
    const kind = nonRegularKind(statSync(target));
    if (kind) throw new UserError('not-a-file', `The copy cannot be saved as ${name}: that is ${kind}. Choose a file name.`);
    if (source && sameFile(source, target)) {
      throw new UserError('copy-onto-open', `${name} is the workshop you have open; a copy cannot replace it. Choose another name for the copy.`);
    }
    if (isOpenElsewhere(target)) {
      throw new UserError(
        'copy-onto-open',
        `${name} is open in SyncPlan or another program, so the copy cannot replace it. Close it there first, or choose another name.`,
      );
    }
  }
  const temp = siblingTemp(target, 'copy');
  rmSync(temp, { force: true });
  // A read-only workshop can still be copied: VACUUM INTO writes only the new file, but query_only refuses it.
  const queryOnly = Number(db.pragma('query_only', { simple: true })) === 1;
  try {
    if (queryOnly) db.pragma('query_only = OFF');
    try {
      db.prepare('VACUUM INTO ?').run(temp);
    } finally {
      if (queryOnly) db.pragma('query_only = ON');
    }
    replaceWith(temp, target);
  } catch (error) {
    rmSync(temp, { force: true });
    const explained = explainStoreError(error, target, DEFAULT_EXPLAIN);
    throw new UserError('save-copy-failed', `The copy could not be saved as ${target}: ${explained?.message ?? (error as Error).message}`);
  }
}

/** Never throws: closing happens on error paths too, where it must not hide the original error. */
export function closeWorkshop(db: Db): void {
  files.delete(db);
  closeQuietly(db);
}
