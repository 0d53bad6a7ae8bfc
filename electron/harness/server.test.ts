import { afterEach, describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { startHarness, type Harness } from './server.js';
import { closeWorkshop, openWorkshop } from '../store/workshop-db.js';
import { saveForest } from '../store/inventory-repo.js';
import { bareForest } from '../../shared/model/inventory.js';
import { damageLeafPage } from '../store/test-support/damage.js';
import { unprivileged } from '../cli/test-support/unprivileged.js';
import { samples } from '../import/test-support/workshop.js';

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

async function start(maxUploadBytes?: number) {
  const dir = mkdtempSync(join(tmpdir(), 'syncplan-harness-'));
  const rendererDir = join(dir, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>SyncPlan</title>');
  harness = await startHarness({ dataDir: join(dir, 'data'), userDataDir: join(dir, 'user'), rendererDir, ...(maxUploadBytes ? { maxUploadBytes } : {}) });
  return { ...harness, dir };
}

function api(h: { url: string; token: string }, channel: string, input: unknown) {
  return raw(`${h.url}api/${channel}`, { method: 'POST', headers: { 'X-SyncPlan-Token': h.token }, body: JSON.stringify(input) }).then((r) => ({
    ...r,
    json: JSON.parse(r.body) as { ok: boolean; value?: unknown; error?: { code: string; message: string; workshop?: string } },
  }));
}

function upload(h: { url: string; token: string }, query: string, body: string, headers: Record<string, string> = {}) {
  return raw(`${h.url}upload?${query}`, { method: 'POST', headers: { 'X-SyncPlan-Token': h.token, ...headers }, body });
}

function raw(url: string, options: { method?: string; headers?: Record<string, string>; body?: string }) {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: string }>((resolve, reject) => {
    const req = request(url, { method: options.method ?? 'GET', headers: options.headers }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

describe('e2e harness', () => {
  it('listens on loopback only and answers API calls that carry the run token', async () => {
    const h = await start();
    expect(h.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const ok = await raw(`${h.url}api/workshop.recent`, { method: 'POST', headers: { 'X-SyncPlan-Token': h.token }, body: '{}' });
    expect(JSON.parse(ok.body)).toEqual({ ok: true, value: [] });
  });

  it('refuses calls without the token, or with a wrong one', async () => {
    const h = await start();
    const none = await raw(`${h.url}api/workshop.recent`, { method: 'POST', body: '{}' });
    expect(none.status).toBe(403);
    const wrong = await raw(`${h.url}api/workshop.recent`, { method: 'POST', headers: { 'X-SyncPlan-Token': 'x'.repeat(h.token.length) }, body: '{}' });
    expect(wrong.status).toBe(403);
  });

  it('refuses other Host names (DNS rebinding)', async () => {
    const h = await start();
    const res = await raw(`${h.url}api/workshop.recent`, {
      method: 'POST',
      headers: { Host: 'attacker.example', 'X-SyncPlan-Token': h.token },
      body: '{}',
    });
    expect(res.status).toBe(421);
  });

  it('serves the renderer with the strict CSP', async () => {
    const h = await start();
    const page = await raw(h.url, {});
    expect(page.status).toBe(200);
    expect(String(page.headers['content-security-policy'])).toContain("script-src 'self'");
  });

  it('answers malformed JSON with an error value', async () => {
    const h = await start();
    const res = await raw(`${h.url}api/workshop.create`, { method: 'POST', headers: { 'X-SyncPlan-Token': h.token }, body: '{oops' });
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('sends JSON answers with nosniff, and refuses an oversized API body with 413', async () => {
    const h = await start();
    const ok = await raw(`${h.url}api/workshop.recent`, { method: 'POST', headers: { 'X-SyncPlan-Token': h.token }, body: '{}' });
    expect(ok.headers['x-content-type-options']).toBe('nosniff');
    const big = await raw(`${h.url}api/workshop.recent`, { method: 'POST', headers: { 'X-SyncPlan-Token': h.token, 'Content-Length': String(64 * 1024 * 1024) }, body: '{}' });
    expect(big.status).toBe(413);
    expect(big.headers['x-content-type-options']).toBe('nosniff');
    expect(JSON.parse(big.body)).toMatchObject({ ok: false, error: { code: 'too-large' } });
  });
});

describe('the harness upload endpoint', () => {
  it('stores a plain relative name inside its batch folder', async () => {
    const h = await start();
    const res = await upload(h, 'batch=1700000000-abc&name=exports%2Fforests.csv', 'forest\ncontoso.com\n');
    const { value } = JSON.parse(res.body) as { value: { path: string; root: string } };
    expect(value.path).toBe(join(h.dir, 'data', 'uploads', '1700000000-abc', 'exports', 'forests.csv'));
    expect(readFileSync(value.path, 'utf8')).toBe('forest\ncontoso.com\n');
  });

  it.each([
    ['a batch that climbs out', 'batch=..&name=victim.syncplan'],
    ['a batch with a separator', 'batch=a%2F..%2F..&name=x.csv'],
    ['a name that climbs out', 'batch=b1&name=..%2F..%2Fvictim.syncplan'],
    ['a name that climbs out halfway', 'batch=b1&name=a%2F..%2F..%2Fvictim.syncplan'],
    ['an absolute name', 'batch=b1&name=%2Ftmp%2Fvictim.syncplan'],
    ['a Windows drive name', 'batch=b1&name=C%3A%5Cvictim.syncplan'],
    ['a name with a NUL', 'batch=b1&name=a%00.csv'],
    ['no name at all', 'batch=b1&name='],
  ])('refuses %s and writes nothing', async (_name, query) => {
    const h = await start();
    writeFileSync(join(h.dir, 'data', 'victim.syncplan'), 'precious');
    const res = await upload(h, query, 'overwritten');
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(readFileSync(join(h.dir, 'data', 'victim.syncplan'), 'utf8')).toBe('precious');
    expect(existsSync(join(h.dir, 'data', 'uploads'))).toBe(false);
  });

  it('refuses a file over the limit, declared or streamed, and keeps no part of it', async () => {
    const h = await start(1024);
    const declared = await upload(h, 'batch=b2&name=big.csv', 'x', { 'Content-Length': String(1024 * 1024 * 1024 * 4) });
    expect(declared.status).toBe(413);
    const streamed = await upload(h, 'batch=b2&name=big.csv', 'x'.repeat(4096), { 'Transfer-Encoding': 'chunked' });
    expect(streamed.status).toBe(413);
    expect(JSON.parse(streamed.body)).toMatchObject({ ok: false, error: { code: 'too-large' } });
    expect(existsSync(join(h.dir, 'data', 'uploads', 'b2', 'big.csv'))).toBe(false);
  });
});

const asNobody = unprivileged();

describe('hostile workshop paths through the harness', () => {
  async function hostile(dir: string) {
    mkdirSync(join(dir, 'folder.syncplan'));
    expect(spawnSync('mkfifo', [join(dir, 'pipe.syncplan')]).status).toBe(0);
    const good = join(dir, 'good.syncplan');
    const { db } = await openWorkshop(good, { mode: 'create' });
    const insert = db.prepare('INSERT INTO import_log (imported_at, summary) VALUES (?, ?)');
    for (let i = 0; i < 200; i++) insert.run('2026-01-01', 'x'.repeat(200));
    saveForest(db, bareForest('contoso.com'));
    closeWorkshop(db);
    cpSync(good, join(dir, 'damaged.syncplan'));
    damageLeafPage(join(dir, 'damaged.syncplan'), 'import_log');
  }

  it('answers each with one sentence naming the file, and a pipe never freezes the server', async () => {
    const h = await start();
    await hostile(h.dir);
    const cases: [string, { code: string; message: RegExp }][] = [
      ['folder.syncplan', { code: 'not-a-file', message: /^folder\.syncplan is a folder, not a workshop file/ }],
      ['pipe.syncplan', { code: 'not-a-file', message: /^pipe\.syncplan is a named pipe \(FIFO\), not a workshop file/ }],
      ['/dev/zero', { code: 'not-a-file', message: /^zero is a device, not a workshop file/ }],
      ['damaged.syncplan', { code: 'damaged', message: /^damaged\.syncplan is damaged \(SQLite reports: .+\)\. Choose "Recover into a new workshop…" to copy what is still readable/ }],
    ];
    for (const [path, expected] of cases) {
      const res = await api(h, 'workshop.open', { path: resolve(h.dir, path) });
      expect(res.status).toBe(200);
      expect(res.json).toMatchObject({ ok: false, error: { code: expected.code, message: expect.stringMatching(expected.message) } });
      expect(res.json.error?.message).not.toMatch(/\n|\s+at /);
    }
    expect((await api(h, 'workshop.recent', {})).json).toEqual({ ok: true, value: [] });

    const exportFolder = join(h.dir, 'export');
    cpSync(samples('aadconnect-contoso'), exportFolder, { recursive: true });
    const mv = join(exportFolder, 'GlobalSettings', 'MV.xml');
    writeFileSync(mv, `<!DOCTYPE x [<!ENTITY secret SYSTEM "file:///etc/passwd">]>\n${readFileSync(mv, 'utf8')}`);
    await api(h, 'workshop.open', { path: join(h.dir, 'good.syncplan') });
    const imported = await api(h, 'import.run', { paths: [exportFolder] });
    expect(imported.json).toMatchObject({ ok: false, error: { code: 'bad-connect-export', location: { file: mv, line: 1 }, message: expect.stringMatching(/^declares a document type/) } });
  });

  it('refuses a NUL or a line break in a new workshop name, creating nothing', async () => {
    const h = await start();
    for (const name of ['Contoso\u0000.syncplan', 'Contoso\nFabrikam']) {
      const res = await api(h, 'workshop.create', { name });
      expect(res.json).toMatchObject({ ok: false, error: { code: 'invalid-input', message: expect.stringContaining('control characters') } });
    }
    expect(readdirSync(join(h.dir, 'data'))).toEqual([]);
  });

  it('recovers a damaged workshop into a new one it then opens, leaving the original as it was', async () => {
    const h = await start();
    await hostile(h.dir);
    const damaged = join(h.dir, 'damaged.syncplan');
    const before = readFileSync(damaged);
    const res = await api(h, 'workshop.recover', { path: damaged });
    expect(res.json).toMatchObject({
      ok: true,
      value: {
        info: { path: join(h.dir, 'data', 'damaged (recovered).syncplan') },
        report: { tables: expect.arrayContaining([expect.objectContaining({ table: 'import_log', damaged: true })]) },
      },
    });
    expect((await api(h, 'inventory.get', {})).json).toMatchObject({ ok: true, value: { forests: [{ forest: 'contoso.com' }] } });
    expect(readFileSync(damaged).equals(before)).toBe(true);
  });

  it.skipIf(asNobody.skip !== undefined)('opens a workshop in a read-only folder read-only, and refuses changes with a sentence', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'syncplan-harness-ro-'));
    chmodSync(dir, 0o755);
    const folder = join(dir, 'locked');
    mkdirSync(folder);
    const path = join(folder, 'w.syncplan');
    const { db } = await openWorkshop(path, { mode: 'create' });
    saveForest(db, bareForest('contoso.com'));
    closeWorkshop(db);
    chmodSync(path, 0o644);
    chmodSync(folder, 0o555);
    const data = join(dir, 'data');
    mkdirSync(data);
    chmodSync(data, 0o777);
    const repo = resolve(import.meta.dirname, '..', '..');
    const argv = [...(asNobody.prefix ?? []), process.execPath, join(repo, 'bin/run-ts.mjs'), join(repo, 'electron/harness/cli.ts'), '--data-dir', data, '--renderer-dir', join(dir, 'none')];
    const child = spawn(argv[0] as string, argv.slice(1), {
      cwd: repo,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    try {
      const line = await new Promise<string>((resolveLine, reject) => {
        createInterface({ input: child.stdout }).once('line', resolveLine);
        child.once('exit', (code) => reject(new Error(`harness exited with ${code}`)));
      });
      const h = JSON.parse(line) as { url: string; token: string };
      const opened = await api(h, 'workshop.open', { path });
      expect(opened.json).toMatchObject({ ok: true, value: { readOnly: expect.stringContaining('Opened read-only because the file is read-only') } });
      expect((await api(h, 'inventory.get', {})).json).toMatchObject({ ok: true, value: { forests: [{ forest: 'contoso.com' }] } });
      const refused = await api(h, 'forests.save', { forest: bareForest('fabrikam.com') });
      expect(refused.json).toMatchObject({ ok: false, error: { code: 'read-only', message: expect.stringMatching(/^w\.syncplan is open read-only \(the file is read-only\), so nothing was changed\./) } });
      expect((await api(h, 'workshop.saveCopy', {})).json).toEqual({ ok: true, value: { path: join(data, 'w (copy).syncplan') } });
      expect(readdirSync(folder)).toEqual(['w.syncplan']);
    } finally {
      child.kill('SIGTERM');
    }
  });
});
