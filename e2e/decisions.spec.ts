import { expect, test } from '@playwright/test';
import { startHarnessProcess, tempDir, type HarnessProcess } from './support/harness';

let harness: HarnessProcess | undefined;
test.afterEach(async () => {
  await harness?.stop();
  harness = undefined;
});

const card = (page: import('@playwright/test').Page, forest: string) => page.getByRole('article', { name: `Forest ${forest}` });

test('the sample workshop shows every verdict, and a what-if toggle changes one at once', async ({ page }) => {
  harness = await startHarnessProcess(tempDir('syncplan-e2e-'));
  await page.goto(harness.url);
  await page.getByRole('button', { name: 'Explore the sample workshop' }).click();
  await page.getByRole('tab', { name: 'Decisions' }).click();

  const verdicts = page.locator('.forest-card .verdict-badge');
  await expect(verdicts).toHaveCount(7);
  const seen = new Set(await verdicts.evaluateAll((els) => els.map((e) => e.getAttribute('data-verdict'))));
  expect([...seen].sort()).toEqual(['coexist', 'insufficient-data', 'migrate-after-remediation', 'migrate-now', 'stay-on-connect']);

  const tailspin = card(page, 'tailspintoys.com');
  await expect(tailspin.locator('.verdict-badge')).toHaveAttribute('data-verdict', 'coexist');
  await expect(tailspin).toContainText('device writeback');

  await page.getByLabel('Allow preview features').check();
  await page.getByLabel('Replace device writeback with Cloud Kerberos trust').check();
  await expect(tailspin.locator('.verdict-badge')).not.toHaveAttribute('data-verdict', 'coexist');
  await expect(tailspin.getByText('was Coexist')).toBeVisible();
  // One live region announces the change for the whole view.
  await expect(page.getByRole('status', { name: 'Verdict changes' })).toContainText('tailspintoys.com: now');
  await expect(page.getByRole('status', { name: 'Verdict changes' })).toHaveCount(1);

  // The assumptions are saved with the workshop: a reload decides the same way.
  await page.reload();
  await page.getByRole('tab', { name: 'Decisions' }).click();
  await expect(page.getByLabel('Replace device writeback with Cloud Kerberos trust')).toBeChecked();
  await expect(card(page, 'tailspintoys.com').locator('.verdict-badge')).not.toHaveAttribute('data-verdict', 'coexist');
});

test("editing a forest's features re-decides it without saving, until the user saves", async ({ page }) => {
  harness = await startHarnessProcess(tempDir('syncplan-e2e-'));
  await page.goto(harness.url);
  await page.getByRole('button', { name: 'Explore the sample workshop' }).click();
  await page.getByRole('tab', { name: 'Estate' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: 'Topology' })).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: 'Decisions' })).toBeFocused();
  await expect(page.getByRole('tab', { name: 'Decisions' })).toHaveAttribute('aria-selected', 'true');

  const contoso = card(page, 'contoso.com');
  await expect(contoso.locator('.verdict-badge')).toHaveAttribute('data-verdict', 'migrate-now');
  await contoso.getByRole('button', { name: 'What if its features change…' }).click();
  await contoso.getByLabel('Group writeback v1').selectOption('yes');
  await expect(contoso.locator('.verdict-badge')).toHaveAttribute('data-verdict', 'stay-on-connect');
  await expect(contoso.locator('li.finding[data-rule="group-writeback-v1"]')).toHaveClass(/changed/);
  // Custom rules alone no longer decide: which rules they are (simple or join-changing) waits for the Connect export.
  await contoso.getByLabel('Group writeback v1').selectOption('no');
  await contoso.getByLabel('Custom sync rules').selectOption('yes');
  await expect(contoso.locator('.verdict-badge')).toHaveAttribute('data-verdict', 'insufficient-data');
  await expect(contoso.locator('li.finding[data-rule="custom-sync-rules"]').filter({ hasText: 'configuration export' })).toHaveCount(1);

  await contoso.getByRole('button', { name: 'Discard what-if' }).click();
  await expect(contoso.locator('.verdict-badge')).toHaveAttribute('data-verdict', 'migrate-now');

  await page.getByRole('checkbox', { name: /Information/ }).uncheck();
  await expect(contoso.locator('li.finding.severity-info')).toHaveCount(0);
});

test('the estate section says where Connect Sync stays, once, and findings cite pages the user can open', async ({ page }) => {
  harness = await startHarnessProcess(tempDir('syncplan-e2e-'));
  await page.goto(harness.url);
  await page.getByRole('button', { name: 'Explore the sample workshop' }).click();
  await page.getByRole('tab', { name: 'Decisions' }).click();

  const estate = page.getByRole('region', { name: 'Estate' });
  await expect(estate).toContainText('Connect Sync stays after the migration');
  const servers = estate.getByRole('table', { name: 'Connect servers that stay' });
  await expect(servers.getByRole('row', { name: /FG-SYNC01/ })).toContainText('woodgrovebank.com: whole forest');
  // The sync interval is stated once, for the estate, and no longer in each forest card.
  await expect(estate.locator('li.finding[data-rule="sync-interval"]')).toHaveCount(1);
  await expect(page.locator('.forest-card li.finding[data-rule="sync-interval"]')).toHaveCount(0);

  const source = card(page, 'fabrikam.com').locator('li.finding[data-rule="agent-ram"]').getByRole('link', { name: 'Prerequisites for Microsoft Entra Cloud Sync' });
  await expect(source).toHaveAttribute('href', 'https://learn.microsoft.com/en-us/entra/identity/hybrid/cloud-sync/how-to-prerequisites');
  await expect(source).toHaveAttribute('target', '_blank');
  await expect(source).toHaveAttribute('rel', /noopener/);
});
