import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { APPLICATION_ID, closeWorkshop, openWorkshop, saveCopy } from './workshop-db.js';
import { explainStoreError } from './store-errors.js';
import { writeTransaction } from './write-transaction.js';
import { damageLeafPage } from './test-support/damage.js';
import { holdWriteLock } from './test-support/lock-process.js';
import { LATEST_VERSION, migrations } from './migrations.js';
import { listForests, readInventory, saveConnectServer, saveDomain, saveForest, saveForestLink } from './inventory-repo.js';
import { connectServer, domain } from '../../shared/engine/test-support/estate-builder.js';
import { unknownFeatures, type Forest } from '../../shared/model/inventory.js';

const dir = () => mkdtempSync(join(tmpdir(), 'syncplan-db-'));
const forest = (name: string): Forest => ({
  forest: name,
  tenant: 'contoso.onmicrosoft.com',
  functionalLevel: null,
  schemaVersion: null,
  network: 'connected',
  currentEngine: 'connect-sync',
  sourceAnchor: null,
  topologyRole: null,
  cloud: null,
  features: { ...unknownFeatures(), password_hash_sync: true },
  notes: '',
});

describe('workshop files', () => {
  it('creates a fresh file at the latest version, marked as a SyncPlan workshop, in WAL mode with foreign keys', async () => {
    const path = join(dir(), 'new.syncplan');
    const { db } = await openWorkshop(path, { mode: 'create', name: 'Contoso' });
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    closeWorkshop(db);
  });

  it('keeps what was saved across close and reopen', async () => {
    const path = join(dir(), 'keep.syncplan');
    const created = await openWorkshop(path, { mode: 'create' });
    saveForest(created.db, forest('contoso.com'));
    closeWorkshop(created.db);
    const reopened = await openWorkshop(path, { mode: 'open' });
    expect(listForests(reopened.db)).toEqual([forest('contoso.com')]);
    closeWorkshop(reopened.db);
  });

  it('upgrades an older file in one step, after saving a backup of it', async () => {
    const path = join(dir(), 'old.syncplan');
    const v1 = await openWorkshop(path, { mode: 'create', migrations: [migrations[0] as string] });
    v1.db.prepare("INSERT INTO forests (forest) VALUES ('contoso.com')").run();
    closeWorkshop(v1.db);

    const v2 = [migrations[0] as string, "ALTER TABLE forests ADD COLUMN region TEXT NOT NULL DEFAULT 'emea';"];
    const upgraded = await openWorkshop(path, { mode: 'open', migrations: v2 });
    expect(upgraded.db.pragma('user_version', { simple: true })).toBe(2);
    expect(upgraded.db.prepare('SELECT forest, region FROM forests').all()).toEqual([{ forest: 'contoso.com', region: 'emea' }]);
    expect(upgraded.backupPath).not.toBeNull();
    const backup = new Database(upgraded.backupPath as string, { readonly: true });
    expect(backup.pragma('user_version', { simple: true })).toBe(1);
    expect(backup.prepare('SELECT forest FROM forests').all()).toEqual([{ forest: 'contoso.com' }]);
    backup.close();
    closeWorkshop(upgraded.db);
  });

  it('leaves a file at its old version when a migration fails part-way, without piling up backups', async () => {
    const base = dir();
    const path = join(base, 'broken.syncplan');
    const v1 = await openWorkshop(path, { mode: 'create', migrations: [migrations[0] as string] });
    closeWorkshop(v1.db);
    const broken = [migrations[0] as string, 'CREATE TABLE extra (x); THIS IS NOT SQL;'];
    await expect(openWorkshop(path, { mode: 'open', migrations: broken })).rejects.toMatchObject({ code: 'migration-failed' });
    await expect(openWorkshop(path, { mode: 'open', migrations: broken })).rejects.toMatchObject({ code: 'migration-failed' });
    expect(readdirSync(base)).toEqual(['broken.syncplan']);
    const check = new Database(path, { readonly: true });
    expect(check.pragma('user_version', { simple: true })).toBe(1);
    expect(check.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'extra'").get()).toEqual({ n: 0 });
    check.close();
  });

  it('refuses a file from a newer SyncPlan and leaves it byte-for-byte untouched', async () => {
    const path = join(dir(), 'future.syncplan');
    const { db } = await openWorkshop(path, { mode: 'create' });
    db.pragma(`user_version = ${LATEST_VERSION + 5}`);
    closeWorkshop(db);
    const before = readFileSync(path);
    await expect(openWorkshop(path, { mode: 'open' })).rejects.toMatchObject({
      code: 'newer-version',
      message: expect.stringContaining('newer SyncPlan'),
    });
    expect(readFileSync(path).equals(before)).toBe(true);
    expect(existsSync(`${path}-wal`)).toBe(false);
  });

  it('refuses files that are not SyncPlan workshops without touching them', async () => {
    const base = dir();
    const text = join(base, 'notes.syncplan');
    writeFileSync(text, 'forest,tenant\ncontoso.com,x\n');
    await expect(openWorkshop(text, { mode: 'open' })).rejects.toMatchObject({ code: 'not-a-workshop' });
    expect(readFileSync(text, 'utf8')).toBe('forest,tenant\ncontoso.com,x\n');

    const other = join(base, 'other.db');
    const foreign = new Database(other);
    foreign.exec('CREATE TABLE t (x); INSERT INTO t VALUES (1);');
    foreign.close();
    const before = readFileSync(other);
    await expect(openWorkshop(other, { mode: 'open' })).rejects.toMatchObject({
      code: 'not-a-workshop',
      message: expect.stringContaining('not a SyncPlan workshop'),
    });
    expect(readFileSync(other).equals(before)).toBe(true);

    const empty = join(base, 'empty.syncplan');
    writeFileSync(empty, '');
    await expect(openWorkshop(empty, { mode: 'open' })).rejects.toMatchObject({ code: 'not-a-workshop' });
  });

  it('does not overwrite an existing file on create, and reports a missing file on open', async () => {
    const path = join(dir(), 'twice.syncplan');
    closeWorkshop((await openWorkshop(path, { mode: 'create' })).db);
    await expect(openWorkshop(path, { mode: 'create' })).rejects.toMatchObject({ code: 'exists' });
    await expect(openWorkshop(join(dir(), 'missing.syncplan'), { mode: 'open' })).rejects.toMatchObject({ code: 'not-found' });
  });

  it('upgrades a version 1 workshop to the current format with its forests intact, ready for clouds and forest links', async () => {
    const path = join(dir(), 'v1.syncplan');
    const v1 = await openWorkshop(path, { mode: 'create', migrations: [migrations[0] as string] });
    v1.db.prepare("INSERT INTO forests (forest, tenant) VALUES ('contoso.com', 'contoso.onmicrosoft.com'), ('fabrikam.com', NULL)").run();
    closeWorkshop(v1.db);
    const { db } = await openWorkshop(path, { mode: 'open' });
    expect(listForests(db).map((f) => [f.forest, f.tenant, f.cloud])).toEqual([
      ['contoso.com', 'contoso.onmicrosoft.com', null],
      ['fabrikam.com', null, null],
    ]);
    saveForest(db, { ...forest('contoso.com'), cloud: '21vianet' });
    saveForestLink(db, { forest: 'contoso.com', otherForest: 'fabrikam.com', kind: 'merge', direction: null, notes: 'HR feed' });
    const inventory = readInventory(db);
    expect(inventory.forests.find((f) => f.forest === 'contoso.com')?.cloud).toBe('21vianet');
    expect(inventory.forestLinks).toEqual([{ forest: 'contoso.com', otherForest: 'fabrikam.com', kind: 'merge', direction: null, notes: 'HR feed' }]);
    expect(() => saveForestLink(db, { forest: 'contoso.com', otherForest: 'nowhere.example', kind: 'trust', direction: 'two-way', notes: '' })).toThrow(/FOREIGN KEY/);
    closeWorkshop(db);
  });

  it('saves a single-file copy that opens on its own', async () => {
    const base = dir();
    const { db } = await openWorkshop(join(base, 'a.syncplan'), { mode: 'create' });
    saveForest(db, forest('contoso.com'));
    const copy = join(base, 'copy.syncplan');
    saveCopy(db, copy);
    closeWorkshop(db);
    expect(existsSync(`${copy}-wal`)).toBe(false);
    const opened = await openWorkshop(copy, { mode: 'open' });
    expect(listForests(opened.db).map((f) => f.forest)).toEqual(['contoso.com']);
    closeWorkshop(opened.db);
  });

  it('keeps the engine facts of version 3 (InetOrgPerson counts, pilot and join rules, non-AD connectors, userType) and reads older rows as unknown', async () => {
    const path = join(dir(), 'v3.syncplan');
    const v2 = await openWorkshop(path, { mode: 'create', migrations: migrations.slice(0, 2) });
    saveForest(v2.db, forest('contoso.com'));
    v2.db.prepare("INSERT INTO domains (domain, forest, upn_suffixes) VALUES ('old.contoso.com', 'contoso.com', '[]')").run();
    closeWorkshop(v2.db);

    const { db } = await openWorkshop(path, { mode: 'open' });
    expect(readInventory(db).domains[0]?.inetOrgPersons).toBeNull();
    const d = domain('contoso.com', 'contoso.com', { inetOrgPersons: 40 });
    const server = connectServer('SYNC01', ['contoso.com'], {
      pilotNoFlowRules: 6,
      joinRules: 1,
      nonAdConnectors: [{ name: 'HR', type: 'Generic SQL' }],
      syncsUserType: true,
    });
    saveDomain(db, d);
    saveConnectServer(db, server);
    saveConnectServer(db, { ...server, server: 'SYNC02', pilotNoFlowRules: null, joinRules: null, nonAdConnectors: null, syncsUserType: null });
    const inventory = readInventory(db);
    expect(inventory.domains.find((x) => x.domain === 'contoso.com')).toEqual(d);
    expect(inventory.connectServers).toEqual([server, { ...server, server: 'SYNC02', pilotNoFlowRules: null, joinRules: null, nonAdConnectors: null, syncsUserType: null }]);
    closeWorkshop(db);
  });

  it('opens a workshop whose creation and first import were killed before SQLite moved them out of the WAL', async () => {
    // What earlier versions left when killed: created in WAL mode, everything still in the -wal file.
    const live = join(dir(), 'live.syncplan');
    const db = new Database(live);
    db.pragma('journal_mode = WAL');
    db.pragma('wal_autocheckpoint = 0');
    db.pragma(`application_id = ${APPLICATION_ID}`);
    db.transaction(() => {
      for (const sql of migrations) db.exec(sql);
      db.pragma(`user_version = ${LATEST_VERSION}`);
    })();
    saveForest(db, forest('contoso.com'));
    const crashed = join(dir(), 'crashed.syncplan');
    copyFileSync(live, crashed);
    copyFileSync(`${live}-wal`, `${crashed}-wal`);
    db.close();
    expect(readFileSync(crashed).length === 0 || readFileSync(crashed).readUInt32BE(68) !== APPLICATION_ID).toBe(true);
    const reopened = await openWorkshop(crashed, { mode: 'open' });
    expect(listForests(reopened.db).map((f) => f.forest)).toEqual(['contoso.com']);
    closeWorkshop(reopened.db);
  });

  it('reads the version from the recovered database, not from a header the WAL has overtaken', async () => {
    const base = dir();
    const path = join(base, 'upgraded.syncplan');
    closeWorkshop((await openWorkshop(path, { mode: 'create', migrations: [migrations[0] as string] })).db);
    const upgraded = await openWorkshop(path, { mode: 'open' });
    upgraded.db.pragma('wal_autocheckpoint = 0');
    upgraded.db.prepare("INSERT INTO forests (forest) VALUES ('contoso.com')").run();
    const crashed = join(dir(), 'crashed.syncplan');
    copyFileSync(path, crashed);
    copyFileSync(`${path}-wal`, `${crashed}-wal`);
    closeWorkshop(upgraded.db);
    expect(readFileSync(crashed).readUInt32BE(60)).toBe(1);
    const reopened = await openWorkshop(crashed, { mode: 'open' });
    expect(reopened.backupPath).toBeNull();
    expect(reopened.db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(listForests(reopened.db).map((f) => f.forest)).toEqual(['contoso.com']);
    closeWorkshop(reopened.db);
  });

  it('creates a workshop whole or not at all, and clears what a killed creation left behind', async () => {
    const base = dir();
    const path = join(base, 'new.syncplan');
    writeFileSync(join(base, '.new.syncplan.999999.new.tmp'), 'half-written by a killed process');
    writeFileSync(`${path}-wal`, 'a WAL left by a deleted workshop');
    const { db } = await openWorkshop(path, { mode: 'create', name: 'New' });
    closeWorkshop(db);
    expect(readdirSync(base)).toEqual(['new.syncplan']);
    expect(readFileSync(path).readUInt32BE(68)).toBe(APPLICATION_ID);
  });

  it('opens read-only on request without ever writing, and says so when something tries', async () => {
    const path = join(dir(), 'shown.syncplan');
    const created = await openWorkshop(path, { mode: 'create' });
    saveForest(created.db, forest('contoso.com'));
    closeWorkshop(created.db);
    const before = readFileSync(path);
    const opened = await openWorkshop(path, { mode: 'read' });
    expect(opened.readOnly).toContain('read-only');
    expect(listForests(opened.db).map((f) => f.forest)).toEqual(['contoso.com']);
    let refused: unknown;
    try {
      saveForest(opened.db, forest('fabrikam.com'));
    } catch (error) {
      refused = explainStoreError(error, path, { recover: 'Recover it' });
    }
    expect(refused).toMatchObject({ code: 'read-only', message: expect.stringContaining('shown.syncplan is open read-only') });
    closeWorkshop(opened.db);
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it('shows an older workshop read-only upgraded in memory, leaving the file at its format', async () => {
    const path = join(dir(), 'old.syncplan');
    const v1 = await openWorkshop(path, { mode: 'create', migrations: [migrations[0] as string] });
    v1.db.prepare("INSERT INTO forests (forest) VALUES ('contoso.com')").run();
    closeWorkshop(v1.db);
    const opened = await openWorkshop(path, { mode: 'read' });
    expect(listForests(opened.db).map((f) => [f.forest, f.cloud])).toEqual([['contoso.com', null]]);
    expect(opened.readOnly).toContain('older file format (1)');
    closeWorkshop(opened.db);
    expect(readFileSync(path).readUInt32BE(60)).toBe(1);
  });

  it('says a damaged workshop is damaged, names it and offers recovery, instead of a failed upgrade', async () => {
    const base = dir();
    const path = join(base, 'damaged.syncplan');
    const { db } = await openWorkshop(path, { mode: 'create' });
    const insert = db.prepare('INSERT INTO import_log (imported_at, summary) VALUES (?, ?)');
    for (let i = 0; i < 200; i++) insert.run('2026-01-01', 'x'.repeat(200));
    closeWorkshop(db);
    damageLeafPage(path, 'import_log');
    for (const mode of ['open', 'read'] as const) {
      await expect(openWorkshop(path, { mode, explain: { recover: 'Run the recovery' } })).rejects.toMatchObject({
        code: 'damaged',
        workshop: path,
        message: expect.stringMatching(/^damaged\.syncplan is damaged \(SQLite reports: .*\)\. Run the recovery to copy what is still readable/),
      });
    }
    expect(readdirSync(base)).toEqual(['damaged.syncplan']);
  });

  it('refuses folders, pipes, devices and NUL characters as workshop paths without opening them', async () => {
    const base = dir();
    mkdirSync(join(base, 'folder.syncplan'));
    execFileSync('mkfifo', [join(base, 'pipe.syncplan')]);
    await expect(openWorkshop(join(base, 'folder.syncplan'), { mode: 'open' })).rejects.toMatchObject({ code: 'not-a-file', message: 'folder.syncplan is a folder, not a workshop file; choose a .syncplan file.' });
    await expect(openWorkshop(join(base, 'pipe.syncplan'), { mode: 'read' })).rejects.toMatchObject({ code: 'not-a-file', message: expect.stringContaining('named pipe') });
    await expect(openWorkshop('/dev/zero', { mode: 'open' })).rejects.toMatchObject({ code: 'not-a-file', message: expect.stringContaining('a device') });
    await expect(openWorkshop(join(base, 'a\0b.syncplan'), { mode: 'create' })).rejects.toMatchObject({ code: 'bad-path' });
    expect(readdirSync(base).sort()).toEqual(['folder.syncplan', 'pipe.syncplan']);
  });
});

describe('save a copy', () => {
  it('refuses to replace the open workshop itself, and later changes still reach the file', async () => {
    const path = join(dir(), 'open.syncplan');
    const { db } = await openWorkshop(path, { mode: 'create' });
    expect(() => saveCopy(db, path)).toThrow(expect.objectContaining({ code: 'copy-onto-open' }));
    saveForest(db, forest('later.example'));
    closeWorkshop(db);
    const reopened = await openWorkshop(path, { mode: 'open' });
    expect(listForests(reopened.db).map((f) => f.forest)).toEqual(['later.example']);
    closeWorkshop(reopened.db);
  });

  it('copies a workshop open read-only', async () => {
    const base = dir();
    const path = join(base, 'shown.syncplan');
    const created = await openWorkshop(path, { mode: 'create' });
    saveForest(created.db, forest('contoso.com'));
    closeWorkshop(created.db);
    const shown = await openWorkshop(path, { mode: 'read' });
    saveCopy(shown.db, join(base, 'copy.syncplan'));
    expect(() => saveForest(shown.db, forest('fabrikam.com'))).toThrow(/readonly/);
    closeWorkshop(shown.db);
    const copy = await openWorkshop(join(base, 'copy.syncplan'), { mode: 'open' });
    expect(listForests(copy.db).map((f) => f.forest)).toEqual(['contoso.com']);
    closeWorkshop(copy.db);
  });

  it('refuses to replace a workshop open in another program or another window', async () => {
    const base = dir();
    const mine = await openWorkshop(join(base, 'mine.syncplan'), { mode: 'create' });
    const theirs = join(base, 'theirs.syncplan');
    closeWorkshop((await openWorkshop(theirs, { mode: 'create' })).db);

    const holder = await holdWriteLock(theirs);
    try {
      expect(() => saveCopy(mine.db, theirs)).toThrow(expect.objectContaining({ code: 'copy-onto-open', message: expect.stringContaining('theirs.syncplan is open') }));
    } finally {
      await holder.release();
    }
    const window = await openWorkshop(theirs, { mode: 'open' });
    expect(() => saveCopy(mine.db, theirs)).toThrow(expect.objectContaining({ code: 'copy-onto-open' }));
    saveForest(window.db, forest('kept.example'));
    closeWorkshop(window.db);

    saveCopy(mine.db, theirs);
    closeWorkshop(mine.db);
    const copy = await openWorkshop(theirs, { mode: 'open' });
    expect(listForests(copy.db)).toEqual([]);
    closeWorkshop(copy.db);
  });
});

describe('writers', () => {
  it('wait their turn behind another writer, and land', async () => {
    const path = join(dir(), 'busy.syncplan');
    const { db } = await openWorkshop(path, { mode: 'create' });
    const holder = await holdWriteLock(path);
    const write = writeTransaction(db, () => saveForest(db, forest('waited.example')));
    setTimeout(() => void holder.release(), 300);
    await write;
    expect(listForests(db).map((f) => f.forest)).toEqual(['waited.example']);
    closeWorkshop(db);
  });

  it('say who holds the workshop when it stays locked, and can be cancelled while waiting', async () => {
    const path = join(dir(), 'locked.syncplan');
    const { db } = await openWorkshop(path, { mode: 'create' });
    const holder = await holdWriteLock(path);
    try {
      const refused = writeTransaction(db, () => saveForest(db, forest('never.example')), { waitMs: 300 });
      await expect(refused).rejects.toMatchObject({
        code: 'in-use',
        workshop: path,
        message: expect.stringMatching(process.platform === 'linux' ? new RegExp(`^locked\\.syncplan is in use by node \\(process ${holder.pid}\\)`) : /in use by/),
      });
      const controller = new AbortController();
      const cancelled = writeTransaction(db, () => saveForest(db, forest('never.example')), { signal: controller.signal });
      setTimeout(() => controller.abort(), 100);
      await expect(cancelled).rejects.toMatchObject({ code: 'cancelled' });
    } finally {
      await holder.release();
    }
    expect(listForests(db)).toEqual([]);
    closeWorkshop(db);
  });
});
