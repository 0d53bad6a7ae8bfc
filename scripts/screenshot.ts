import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { startHarness } from '../electron/harness/server.js';

/**
 * Regenerates docs/screenshot.png for the README: the sample workshop's Decisions view, served by the
 * harness from the built renderer (run `npm run build:harness` first).
 */
const root = resolve(import.meta.dirname, '..');
const dir = mkdtempSync(join(tmpdir(), 'syncplan-shot-'));
const harness = await startHarness({ dataDir: dir, userDataDir: join(dir, 'user'), rendererDir: join(root, 'out/harness') });
const browser = await chromium.launch({
  executablePath: process.env.SYNCPLAN_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 860 }, colorScheme: process.env.SYNCPLAN_SHOT_DARK ? 'dark' : 'light' });
  await page.goto(`${harness.url}?token=${harness.token}`);
  await page.getByRole('button', { name: 'Explore the sample workshop' }).click();
  await page.getByRole('tab', { name: process.argv[2] ?? 'Decisions' }).click();
  await page.locator('.forest-card, table.grid, .import-panel, [role=tabpanel] button').first().waitFor();
  await page.screenshot({ path: join(root, 'docs', 'screenshot.png') });
  console.log('wrote docs/screenshot.png');
} finally {
  await browser.close();
  await harness.close();
}
