import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { APPLICATION_ID, closeWorkshop, openWorkshop, saveCopy } from './workshop-db.js';
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

  it('leaves a file at its old version when a migration fails part-way', async () => {
    const path = join(dir(), 'broken.syncplan');
    const v1 = await openWorkshop(path, { mode: 'create', migrations: [migrations[0] as string] });
    closeWorkshop(v1.db);
    const broken = [migrations[0] as string, 'CREATE TABLE extra (x); THIS IS NOT SQL;'];
    await expect(openWorkshop(path, { mode: 'open', migrations: broken })).rejects.toMatchObject({ code: 'migration-failed' });
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
});
