import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { startHarness } from '../electron/harness/server.js';

/**
 * Regenerates the README's pictures: the sample workshop's Decisions view (docs/screenshot.png), or
 * another tab into another file (`scripts/screenshot.ts Topology topology.png`), served by the harness
 * from the built renderer (run `npm run build:harness` first).
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
  await page.locator('.forest-card, table.grid, .import-panel, .react-flow__node, [role=tabpanel] button').first().waitFor();
  // The diagram fits itself to the view once laid out.
  if (await page.locator('.react-flow').count()) await page.waitForTimeout(800);
  const file = process.argv[3] ?? 'screenshot.png';
  await page.screenshot({ path: join(root, 'docs', file) });
  console.log(`wrote docs/${file}`);
} finally {
  await browser.close();
  await harness.close();
}
