import { expect, test } from './support/fixtures';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './support/harness';

/**
 * The transport is chosen at build time (renderer/src/api/transport.ts). Checked on the built output
 * that `npm test` has just produced: the Electron renderer carries no harness client, the harness
 * renderer does, and the Electron renderer without its preload says so instead of looking elsewhere.
 */
function bundle(dir: string): string {
  const assets = join(repoRoot, dir, 'assets');
  const scripts = readdirSync(assets).filter((name) => name.endsWith('.js'));
  expect(scripts.length).toBeGreaterThan(0);
  return scripts.map((name) => readFileSync(join(assets, name), 'utf8')).join('\n');
}

/** What only the harness client holds: its token header, its event stream, its upload and API routes. */
const HARNESS_CLIENT = ['X-SyncPlan-Token', 'syncplan-harness-token', 'new EventSource', '/upload?batch=', '`/api/${'];
const PRELOAD_ONLY = 'its preload API (window.syncplan) is missing';

test('the Electron renderer bundle contains no harness client, and the harness bundle does', () => {
  const electron = bundle('out/renderer');
  const harness = bundle('out/harness');
  for (const marker of HARNESS_CLIENT) {
    expect(electron, marker).not.toContain(marker);
    expect(harness, marker).toContain(marker);
  }
  expect(electron).toContain(PRELOAD_ONLY);
  expect(harness).not.toContain(PRELOAD_ONLY);
});

test('the Electron renderer without its preload says it cannot start, and never calls the harness', async ({ page, startHarness, scratchDir }) => {
  const harness = await startHarness(scratchDir('syncplan-e2e-'), undefined, join(repoRoot, 'out/renderer'));
  const errors: string[] = [];
  const apiCalls: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('request', (request) => {
    if (/\/(api|events|upload)\b/.test(new URL(request.url()).pathname)) apiCalls.push(request.url());
  });
  await page.goto(harness.url);
  await expect(page.locator('body')).toContainText('SyncPlan cannot start: its preload API (window.syncplan) is missing');
  expect(errors.some((message) => message.includes('window.syncplan'))).toBe(true);
  expect(apiCalls).toEqual([]);
});
