import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { startHarness } from '../electron/harness/server.js';
const dir = '/tmp/walk';
const harness = await startHarness({ dataDir: dir, userDataDir: join(dir, 'user'), rendererDir: '/work/main/out/harness' });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
await page.addInitScript({ content: 'globalThis.__name = (f) => f;' });
await page.goto(`${harness.url}?token=${harness.token}`);
await page.evaluate(async ({ path, token }) => {
  const call = (c: string, b: unknown) => fetch(`/api/${c}`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-SyncPlan-Token': token }, body: JSON.stringify(b) });
  await call('workshop.open', { path }); await call('workshop.close', {});
}, { path: join(dir, 'w.syncplan'), token: harness.token });
await page.reload();
await page.locator('ul.recent button.link').first().click();
const shots = (process.argv[2] ?? 'Estate,Decisions,Topology,Plan').split(',');
for (const tab of shots) {
  await page.getByRole('tab', { name: tab }).click();
  await page.waitForTimeout(1500);
  await page.screenshot({ path: `/tmp/walk/${tab}.png`, fullPage: false });
}
if (process.argv[3]) {
  await page.getByRole('tab', { name: 'Estate' }).click();
  await page.getByRole('button', { name: /Connect servers/ }).click();
  await page.waitForTimeout(800);
  await page.screenshot({ path: '/tmp/walk/servers.png' });
  await page.getByRole('button', { name: /^Edit/ }).first().click().catch(() => undefined);
  await page.waitForTimeout(500);
  await page.screenshot({ path: '/tmp/walk/server-edit.png', fullPage: true });
}
await browser.close();
await harness.close();
