import { expect, test, type Page } from './support/fixtures';

const overview = (page: Page) => page.getByRole('table', { name: 'Forests overview' });
const row = (page: Page, forest: string) => overview(page).locator(`tr[data-forest="${forest}"]`);
/** Cards are virtualised: the overview's forest button brings the card into view (opening it if need be). */
async function card(page: Page, forest: string) {
  await overview(page).getByRole('button', { name: forest, exact: true }).click();
  const article = page.getByRole('article', { name: `Forest ${forest}` });
  await expect(article).toBeInViewport();
  return article;
}

test('the sample workshop shows every verdict, and a what-if toggle changes one at once', async ({ page, startHarness, scratchDir }) => {
  const harness = await startHarness(scratchDir('syncplan-e2e-'));
  await page.goto(harness.url);
  await page.getByRole('button', { name: 'Explore the sample workshop' }).click();
  await page.getByRole('tab', { name: 'Decisions' }).click();

  const verdicts = overview(page).locator('.verdict-badge');
  await expect(verdicts).toHaveCount(7);
  const seen = new Set(await verdicts.evaluateAll((els) => els.map((e) => e.getAttribute('data-verdict'))));
  expect([...seen].sort()).toEqual(['coexist', 'insufficient-data', 'migrate-after-remediation', 'migrate-now', 'stay-on-connect']);

  const tailspin = await card(page, 'tailspintoys.com');
  await expect(tailspin.locator('.verdict-badge')).toHaveAttribute('data-verdict', 'coexist');
  await expect(tailspin).toContainText('device writeback');

  await page.getByLabel('Allow preview features').check();
  await page.getByLabel('Replace device writeback with Cloud Kerberos trust').check();
  await expect(row(page, 'tailspintoys.com').locator('.verdict-badge')).not.toHaveAttribute('data-verdict', 'coexist');
  await expect(row(page, 'tailspintoys.com').getByText('was Coexist')).toBeVisible();
  await expect((await card(page, 'tailspintoys.com')).getByText('was Coexist')).toBeVisible();
  // One live region announces the change for the whole view.
  await expect(page.getByRole('status', { name: 'Verdict changes' })).toContainText('tailspintoys.com: now');
  await expect(page.getByRole('status', { name: 'Verdict changes' })).toHaveCount(1);

  // The assumptions are saved with the workshop: a reload decides the same way.
  await page.reload();
  await page.getByRole('tab', { name: 'Decisions' }).click();
  await expect(page.getByLabel('Replace device writeback with Cloud Kerberos trust')).toBeChecked();
  await expect(row(page, 'tailspintoys.com').locator('.verdict-badge')).not.toHaveAttribute('data-verdict', 'coexist');
});

test("editing a forest's features re-decides it without saving, until the user saves", async ({ page, startHarness, scratchDir }) => {
  const harness = await startHarness(scratchDir('syncplan-e2e-'));
  await page.goto(harness.url);
  await page.getByRole('button', { name: 'Explore the sample workshop' }).click();
  await page.getByRole('tab', { name: 'Estate' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: 'Topology' })).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: 'Decisions' })).toBeFocused();
  await expect(page.getByRole('tab', { name: 'Decisions' })).toHaveAttribute('aria-selected', 'true');

  const contoso = await card(page, 'contoso.com');
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

test('the estate section says where Connect Sync stays, once, and findings cite pages the user can open', async ({ page, startHarness, scratchDir }) => {
  const harness = await startHarness(scratchDir('syncplan-e2e-'));
  await page.goto(harness.url);
  await page.getByRole('button', { name: 'Explore the sample workshop' }).click();
  await page.getByRole('tab', { name: 'Decisions' }).click();

  const estate = page.getByRole('region', { name: 'Estate' });
  await expect(estate).toContainText('Connect Sync stays after the migration');
  const servers = estate.getByRole('table', { name: 'Connect servers that stay' });
  await expect(servers.getByRole('row', { name: /FG-SYNC01/ })).toContainText('woodgrovebank.com: whole forest');
  // The sync interval is stated once, for the estate, and no longer in each forest card.
  await expect(estate.locator('li.finding[data-rule="sync-interval"]')).toHaveCount(1);
  for (const forest of await overview(page).locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-forest') ?? ''))) {
    await expect((await card(page, forest)).locator('li.finding[data-rule="sync-interval"]')).toHaveCount(0);
  }

  const source = (await card(page, 'fabrikam.com')).locator('li.finding[data-rule="agent-ram"]').getByRole('link', { name: 'Prerequisites for Microsoft Entra Cloud Sync' });
  await expect(source).toHaveAttribute('href', 'https://learn.microsoft.com/en-us/entra/identity/hybrid/cloud-sync/how-to-prerequisites');
  await expect(source).toHaveAttribute('target', '_blank');
  await expect(source).toHaveAttribute('rel', /noopener/);
});

test('the overview filters and sorts, and a forest opens its card on demand', async ({ page, startHarness, scratchDir }) => {
  const harness = await startHarness(scratchDir('syncplan-e2e-'));
  await page.goto(harness.url);
  await page.getByRole('button', { name: 'Explore the sample workshop' }).click();
  await page.getByRole('tab', { name: 'Decisions' }).click();

  const forests = () => overview(page).locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-forest')));
  await expect(overview(page).locator('tbody tr')).toHaveCount(7);
  const byName = await forests();
  expect(byName).toEqual([...byName].sort());

  await overview(page).getByRole('button', { name: 'Blockers' }).click();
  await overview(page).getByRole('button', { name: 'Blockers' }).click();
  await expect(overview(page).getByRole('columnheader', { name: /Blockers/ })).toHaveAttribute('aria-sort', 'descending');
  const blockers = await overview(page).locator('tbody tr td:nth-child(4)').allTextContents();
  expect(blockers.map(Number)).toEqual(blockers.map(Number).sort((a, b) => b - a));

  await page.getByLabel('Show verdict').selectOption('coexist');
  await expect(overview(page).locator('tbody tr')).toHaveCount(2);
  await expect(overview(page).locator('.verdict-badge[data-verdict="coexist"]')).toHaveCount(2);
  await page.getByLabel('Show verdict').selectOption('all');
  await page.getByLabel('Filter forests').fill('tailspin');
  await expect(overview(page).locator('tbody tr')).toHaveCount(1);
  await expect(page.getByRole('article')).toHaveCount(1);

  await page.getByRole('button', { name: 'Close all' }).click();
  await expect(page.getByRole('article')).toHaveCount(0);
  await card(page, 'tailspintoys.com');
  await expect(page.getByRole('heading', { name: 'tailspintoys.com' })).toBeFocused();
});
