import { afterEach, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHarness, type Harness } from './server.js';

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

async function start() {
  const dir = mkdtempSync(join(tmpdir(), 'syncplan-harness-'));
  const rendererDir = join(dir, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>SyncPlan</title>');
  harness = await startHarness({ dataDir: join(dir, 'data'), userDataDir: join(dir, 'user'), rendererDir });
  return harness;
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
});
