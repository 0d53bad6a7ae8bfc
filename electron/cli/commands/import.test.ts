import { describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { once } from 'node:events';
import { ImportSummary } from '../../../shared/import/summary.js';
import { readInventory } from '../../store/inventory-repo.js';
import { closeWorkshop, openWorkshop } from '../../store/workshop-db.js';
import { repoRoot, samples, tempDir } from '../../import/test-support/workshop.js';

const bin = join(repoRoot, 'bin/syncplan.cjs');

function syncplan(cwd: string, ...args: string[]) {
  const run = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', cwd });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

async function inventoryOf(path: string) {
  const { db } = await openWorkshop(path, { mode: 'open' });
  try {
    return readInventory(db);
  } finally {
    closeWorkshop(db);
  }
}

describe('syncplan import', () => {
  it('creates the workshop, imports, and prints kind, rows and warnings per file; --json prints the same summary', async () => {
    const dir = tempDir();
    const text = syncplan(dir, 'import', 'w.syncplan', samples('adrecon-sos-labs'));
    expect(text.status).toBe(0);
    expect(text.stderr).toBe('');
    expect(text.stdout).toContain('kind: ad-users — ADRecon (Users.csv) (ASCII, ","-separated)');
    expect(text.stdout).toContain('rows: 19 read, 19 imported');
    expect(text.stdout).toContain('sos.labs: 19 users in 3 OUs and containers');
    expect(text.stdout).toMatch(/warning: line 1: 40 columns not used by SyncPlan/);

    const json = syncplan(dir, 'import', 'w.syncplan', samples('aadconnect-contoso'), '--json');
    expect(json.status).toBe(0);
    const summary = ImportSummary.parse(JSON.parse(json.stdout));
    expect(summary.files[0]?.kind).toBe('connect-export');
    const inventory = await inventoryOf(join(dir, 'w.syncplan'));
    expect(inventory.forests.map((f) => f.forest)).toEqual(['contoso.com', 'sos.labs']);
  });

  it('exits 1 with "file, line N, column M: message" for a bad CSV, and removes the workshop it created', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'domains.csv'), 'domain,users\r\nok.com,1\r\nbad.com,"12\r\n');
    const run = syncplan(dir, 'import', 'new.syncplan', 'domains.csv');
    expect(run.status).toBe(1);
    expect(run.stderr).toBe('syncplan import: domains.csv, line 3, column 9: a quoted value is never closed: its closing quote is missing\n');
    expect(run.stdout).toBe('');
    expect(existsSync(join(dir, 'new.syncplan'))).toBe(false);
    expect(existsSync(join(dir, 'new.syncplan-wal'))).toBe(false);
  });

  it('leaves an existing workshop as it was when an import fails', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'forests.csv'), 'forest\nkept.com\n');
    expect(syncplan(dir, 'import', 'w.syncplan', 'forests.csv').status).toBe(0);
    writeFileSync(join(dir, 'more.csv'), 'forest,network\nnew.com,sideways\n');
    const run = syncplan(dir, 'import', 'w.syncplan', 'forests.csv', 'more.csv');
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('more.csv, line 2, column 9: column network: "sideways" is not one of connected, disconnected');
    expect((await inventoryOf(join(dir, 'w.syncplan'))).forests.map((f) => f.forest)).toEqual(['kept.com']);
  });

  it('exits 1 for a missing input and 2 for wrong usage, with --help on stdout', () => {
    const dir = tempDir();
    const missing = syncplan(dir, 'import', 'w.syncplan', 'nope.csv');
    expect(missing.status).toBe(1);
    expect(missing.stderr).toBe('syncplan import: nope.csv: no such file or folder\n');
    expect(existsSync(join(dir, 'w.syncplan'))).toBe(false);
    const usage = syncplan(dir, 'import', 'w.syncplan');
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain('Usage: syncplan import <workshop.syncplan> <path>...');
    expect(syncplan(dir, 'import', 'w.syncplan', 'x.csv', '--yaml').status).toBe(2);
    const help = syncplan(dir, 'import', '--help');
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('one transaction');
  });

  it('a process killed in the middle of an import leaves the workshop openable with its earlier contents', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'forests.csv'), 'forest\nearlier.com\n');
    expect(syncplan(dir, 'import', 'w.syncplan', 'forests.csv').status).toBe(0);
    // A pipe as input: the test decides how far the import has got when it is killed.
    const fifo = join(dir, 'users.csv');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const child = spawn(process.execPath, [bin, 'import', 'w.syncplan', 'users.csv'], { cwd: dir, stdio: 'ignore' });
    const exited = once(child, 'exit');
    const pipe = createWriteStream(fifo);
    // Killing the reader breaks the pipe: a write still buffered then fails with EPIPE, as it should.
    pipe.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') throw error;
    });
    pipe.write('DistinguishedName,UserPrincipalName\n');
    for (let i = 0; i < 20_000; i++) {
      if (!pipe.write(`"CN=U${i},OU=Sales,DC=corp,DC=contoso,DC=com",u${i}@contoso.com\n`)) await once(pipe, 'drain');
    }
    child.kill('SIGKILL');
    const [code, signal] = await exited;
    pipe.destroy();
    expect([code, signal]).toEqual([null, 'SIGKILL']);
    const inventory = await inventoryOf(join(dir, 'w.syncplan'));
    expect(inventory.forests.map((f) => f.forest)).toEqual(['earlier.com']);
    expect(inventory.domains).toEqual([]);
  });
});

describe('syncplan templates', () => {
  it('writes the six templates, and refuses to overwrite them', () => {
    const dir = tempDir();
    const run = syncplan(dir, 'templates', 'tpl');
    expect(run.status).toBe(0);
    expect(run.stdout.trim().split('\n').map((p) => p.split('/').pop())).toEqual([
      'forests.csv',
      'domains.csv',
      'ous.csv',
      'sync_features.csv',
      'connect_servers.csv',
      'agents.csv',
    ]);
    const again = syncplan(dir, 'templates', 'tpl');
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('already exist; nothing was written');
    expect(syncplan(dir, 'templates').status).toBe(2);
  });
});
