import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { closeWorkshop, openWorkshop } from '../store/workshop-db.js';
import { saveDomain, saveForest, saveForestLink } from '../store/inventory-repo.js';
import { bareForest, unknownFeatures } from '../../shared/model/inventory.js';
import { blankRow } from '../../shared/model/entity.js';
import { domainEntity } from '../../shared/model/entities.js';

const repoRoot = resolve(import.meta.dirname, '..', '..');

/** Runs the real `syncplan` entry point, as `npx syncplan` would. */
function syncplan(...args: string[]) {
  const run = spawnSync(process.execPath, [join(repoRoot, 'bin/syncplan.cjs'), ...args], { encoding: 'utf8', cwd: repoRoot });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('syncplan command line', () => {
  it('prints usage on stderr and exits 2 when called without a command', () => {
    const run = syncplan();
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('Usage: syncplan <command>');
    expect(run.stdout).toBe('');
  });

  it('prints help on stdout and exits 0 for --help, globally and per command', () => {
    const global = syncplan('--help');
    expect(global.status).toBe(0);
    expect(global.stdout).toMatch(/Commands:[\s\S]*show/);
    const show = syncplan('show', '--help');
    expect(show.status).toBe(0);
    expect(show.stdout).toContain('Usage: syncplan show <workshop.syncplan> --json');
  });

  it('exits 2 with the usage for unknown commands, unknown flags and missing arguments', () => {
    expect(syncplan('frobnicate').status).toBe(2);
    const flag = syncplan('show', 'x.syncplan', '--json', '--colour');
    expect(flag.status).toBe(2);
    expect(flag.stderr).toContain("Unknown option '--colour'");
    expect(syncplan('show').status).toBe(2);
    expect(syncplan('show', 'x.syncplan').stderr).toContain('--json is required');
  });

  it('exits 1 with one clear message for a missing or foreign workshop file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'syncplan-cli-'));
    const missing = syncplan('show', join(dir, 'nope.syncplan'), '--json');
    expect(missing.status).toBe(1);
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);
    expect(missing.stderr).toContain('nope.syncplan was not found');
    const foreign = join(dir, 'notes.syncplan');
    writeFileSync(foreign, 'just text');
    const refused = syncplan('show', foreign, '--json');
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('not a SyncPlan workshop');
  });

  it('shows the stored inventory as JSON, with unknown counts as null', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'syncplan-cli-')), 'w.syncplan');
    const { db } = await openWorkshop(path, { mode: 'create' });
    saveForest(db, {
      ...bareForest('contoso.com'),
      tenant: 'contoso.onmicrosoft.com',
      network: 'connected',
      currentEngine: 'connect-sync',
      sourceAnchor: 'objectGUID',
      features: { ...unknownFeatures(), password_hash_sync: true },
    });
    saveDomain(db, { ...blankRow(domainEntity, { forest: 'contoso.com', domain: 'contoso.com' }), netbios: 'CONTOSO', users: 1200, computers: 300 });
    saveForest(db, { ...bareForest('fabrikam.com'), cloud: 'us-government' });
    saveForestLink(db, { forest: 'fabrikam.com', otherForest: 'contoso.com', kind: 'resource-for', direction: null, notes: '' });
    closeWorkshop(db);
    const run = syncplan('show', path, '--json');
    expect(run.status).toBe(0);
    const shown = JSON.parse(run.stdout);
    expect(shown.forests[0]).toMatchObject({
      forest: 'contoso.com',
      tenant: 'contoso.onmicrosoft.com',
      network: 'connected',
      currentEngine: 'connect-sync',
      sourceAnchor: 'objectGUID',
      features: { password_hash_sync: true, federation: null },
      domains: [{ domain: 'contoso.com', users: 1200, groups: null, contacts: null, computers: 300, largestGroupMembers: null, ous: 0 }],
    });
    expect(shown.forests[0].cloud).toBeNull();
    expect(shown.forests[1]).toMatchObject({ forest: 'fabrikam.com', cloud: 'us-government', domains: [] });
    expect(shown.forestLinks).toEqual([{ forest: 'fabrikam.com', otherForest: 'contoso.com', kind: 'resource-for', direction: null, notes: '' }]);
    expect(shown.connectServers).toEqual([]);
    expect(shown.agents).toEqual([]);
  });
});
