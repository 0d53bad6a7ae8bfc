import { expect, test } from './support/fixtures';
import { join } from 'node:path';
import { decide } from '../shared/engine/decide';
import { generateLargeEstate } from '../shared/engine/test-support/large-estate';
import { defaultAssumptions } from '../shared/model/assumptions';
import { closeWorkshop, openWorkshop } from '../electron/store/workshop-db';
import { saveInventory } from '../electron/store/test-support/save-inventory';

test('the 200-forest estate opens, its overview shows 200 rows, and a what-if toggle changes a verdict', async ({ page, startHarness, scratchDir }) => {
  const dir = scratchDir('syncplan-e2e-large-');
  const path = join(dir, 'large.syncplan');
  const estate = generateLargeEstate({ forests: 200, domainsPerForest: 10, ousPerDomain: 50 });
  const { db } = await openWorkshop(path, { mode: 'create', name: 'Large estate' });
  saveInventory(db, estate);
  closeWorkshop(db);
  // The forest the toggle moves, as the engine itself decides it outside the app.
  const before = decide(estate, defaultAssumptions());
  const after = decide(estate, { ...defaultAssumptions(), replaceDeviceWritebackWithCloudKerberos: true });
  const moved = after.forests.find((f, i) => f.verdict !== before.forests[i]?.verdict);
  if (!moved) throw new Error('the toggle changes no verdict in the large estate');
  const was = before.forests.find((f) => f.forest === moved.forest)?.verdict;

  const harness = await startHarness(dir);
  await page.goto(harness.url);
  const opened = await page.evaluate(
    async ({ path, token }) =>
      (await fetch('/api/workshop.open', { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-SyncPlan-Token': token }, body: JSON.stringify({ path }) })).json(),
    { path, token: harness.token },
  );
  expect(opened).toMatchObject({ ok: true });
  await page.reload();
  await expect(page.getByRole('table', { name: 'Forests' }).locator('tbody tr')).toHaveCount(200);

  await page.getByRole('tab', { name: 'Decisions' }).click();
  const overview = page.getByRole('table', { name: 'Forests overview' });
  await expect(overview.locator('tbody tr')).toHaveCount(200);
  // At 200 forests cards open on demand: none is in the page until asked for.
  await expect(page.getByRole('article')).toHaveCount(0);
  const row = overview.locator(`tr[data-forest="${moved.forest}"]`);
  await expect(row.locator('.verdict-badge')).toHaveAttribute('data-verdict', was ?? '');

  await page.getByLabel('Replace device writeback with Cloud Kerberos trust').check();
  await expect(row.locator('.verdict-badge')).toHaveAttribute('data-verdict', moved.verdict);
  await expect(page.getByRole('status', { name: 'Verdict changes' })).toContainText(`${moved.forest}: now`);
});
