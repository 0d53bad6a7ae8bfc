import { expect, test, type Page } from './support/fixtures';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

async function addForest(page: Page, name: string, tenant: string) {
  await page.getByRole('button', { name: 'Add forest' }).click();
  await page.getByLabel('Forest root domain').fill(name);
  await page.getByLabel('Entra tenant').fill(tenant);
  await page.getByLabel('Network').selectOption('connected');
  await page.getByRole('button', { name: 'Save forest' }).click();
  await expect(page.getByRole('rowheader', { name })).toBeVisible();
}

test('a workshop keeps its forests across a restart of the back end', async ({ page, startHarness, scratchDir }) => {
  const dataDir = scratchDir('syncplan-e2e-');
  let harness = await startHarness(dataDir);
  await page.goto(harness.url);

  await page.getByLabel('New workshop').fill('Contoso 2026');
  await page.getByRole('button', { name: 'Create workshop' }).click();
  await expect(page.getByRole('heading', { name: 'Forests' })).toBeVisible();
  expect(existsSync(join(dataDir, 'Contoso 2026.syncplan'))).toBe(true);

  await addForest(page, 'contoso.com', 'contoso.onmicrosoft.com');
  await addForest(page, 'fabrikam.local', 'contoso.onmicrosoft.com');

  await page.getByRole('button', { name: 'Save a copy…' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'A copy of the workshop was saved' })).toBeVisible();
  expect(existsSync(join(dataDir, 'Contoso 2026 (copy).syncplan'))).toBe(true);

  await harness.stop();
  harness = await startHarness(dataDir);
  await page.goto(harness.url);

  await page.getByRole('list', { name: 'Recent workshops' }).getByRole('button', { name: 'Contoso 2026', exact: true }).click();
  const rows = page.getByRole('table', { name: 'Forests' }).getByRole('rowheader');
  await expect(rows).toHaveText(['contoso.com', 'fabrikam.local']);
});

test('the back end refuses a malformed request and the UI says why', async ({ page, startHarness, scratchDir }) => {
  const harness = await startHarness(scratchDir('syncplan-e2e-'));
  await page.goto(harness.url);
  await page.getByLabel('New workshop').fill('Refusals');
  await page.getByRole('button', { name: 'Create workshop' }).click();

  await page.getByRole('button', { name: 'Add forest' }).click();
  await page.getByLabel('Forest root domain').fill('not a dns name!');
  await page.getByRole('button', { name: 'Save forest' }).click();
  await expect(page.locator('#forest-forest-error')).toContainText('not a DNS name');
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByText('No forests yet')).toBeVisible();

  const raw = await page.evaluate(async () => {
    const token = sessionStorage.getItem('syncplan-harness-token') ?? '';
    const response = await fetch('/api/forests.save', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-SyncPlan-Token': token },
      body: JSON.stringify({ forest: { forest: 42 } }),
    });
    return (await response.json()) as { ok: boolean; error?: { code: string } };
  });
  expect(raw).toMatchObject({ ok: false, error: { code: 'invalid-input' } });

  const untokened = await page.evaluate(async () => (await fetch('/api/inventory.get', { method: 'POST', body: '{}' })).status);
  expect(untokened).toBe(403);
});

test('the Undo offered after deleting a forest stays until used or dismissed, and puts the forest back', async ({ page, startHarness, scratchDir }) => {
  const harness = await startHarness(scratchDir('syncplan-e2e-'));
  await page.clock.install();
  await page.goto(harness.url);
  await page.getByLabel('New workshop').fill('Undo');
  await page.getByRole('button', { name: 'Create workshop' }).click();
  await addForest(page, 'contoso.com', 'contoso.onmicrosoft.com');

  await page.getByRole('button', { name: 'Delete contoso.com' }).click();
  await expect(page.getByRole('rowheader', { name: 'contoso.com' })).toHaveCount(0);
  const notice = page.getByRole('status').filter({ hasText: 'Forest contoso.com deleted' });
  await expect(notice).toBeVisible();
  // Long after plain information would have faded, the offer is still there.
  await page.clock.fastForward(60_000);
  await expect(notice.getByRole('button', { name: 'Undo' })).toBeVisible();
  await notice.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('rowheader', { name: 'contoso.com' })).toBeVisible();
  await expect(notice).toHaveCount(0);
});
