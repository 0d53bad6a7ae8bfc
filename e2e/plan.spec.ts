import { expect, test, type Page, type AppFixtures } from './support/fixtures';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

async function openSamplePlan({ page, startHarness, scratchDir }: AppFixtures) {
  const harness = await startHarness(scratchDir('syncplan-e2e-plan-'));
  await page.goto(harness.url);
  await page.getByRole('button', { name: 'Explore the sample workshop' }).click();
}

const phaseRow = (page: Page, id: string) => page.locator(`tr[data-phase="${id}"]`);

test('changing the start date moves every date, is saved, and Ctrl+Z / Ctrl+Shift+Z undo and redo it', async ({ page, startHarness, scratchDir }) => {
  await openSamplePlan({ page, startHarness, scratchDir });
  await page.getByRole('tab', { name: 'Plan' }).click();
  const timeline = page.getByRole('table', { name: 'Plan timeline' });
  await expect(timeline).toBeVisible();
  const start = page.getByTestId('plan-start');
  const firstStart = await start.textContent();
  const pilot = phaseRow(page, 'contoso.com/pilot');
  const firstPilotDates = await pilot.locator('.gantt-dates').textContent();

  const startDate = page.getByLabel('Start date');
  await startDate.fill('2031-03-03');
  await startDate.press('Enter');
  await expect(start).toHaveText('2031-03-03');
  await expect(pilot.locator('.gantt-dates')).not.toHaveText(firstPilotDates ?? '');
  await expect(pilot.locator('.gantt-dates')).toContainText('2031-03');
  // Critical path marked by text as well as by the striped bar.
  await expect(timeline.locator('.critical-mark').first()).toHaveText(/critical/);

  // Ctrl+Z in a text field undoes typing; anywhere else in the Plan view it undoes the plan change.
  await page.getByRole('button', { name: 'Export tasks (CSV)' }).focus();
  await page.keyboard.press('Control+z');
  await expect(start).toHaveText(firstStart ?? '');
  await page.keyboard.press('Control+Shift+Z');
  await expect(start).toHaveText('2031-03-03');

  await page.reload();
  await page.getByRole('tab', { name: 'Plan' }).click();
  await expect(page.getByTestId('plan-start')).toHaveText('2031-03-03');
  await expect(page.getByLabel('Start date')).toHaveValue('2031-03-03');

  // A task opens to its criteria, rollback and runbook, which can be copied.
  await phaseRow(page, 'contoso.com/pilot').getByRole('button', { name: /Pilot/ }).click();
  await page.getByRole('button', { name: /Stop the scheduler and add the no-flow rules/ }).click();
  const detail = page.getByRole('complementary', { name: 'Task details' });
  await expect(detail.getByRole('heading', { name: 'Entry criteria' })).toBeVisible();
  await expect(detail.getByRole('heading', { name: 'Rollback' })).toBeVisible();
  await expect(detail.getByRole('note')).toContainText('Review before running');
  await expect(detail.getByLabel('Runbook script')).toContainText("New-ADSyncRule -Name 'SyncPlan no-flow pilot - contoso.com - user (In)'");
  await detail.getByRole('button', { name: 'Copy runbook' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Runbook copied' })).toBeVisible();
});

test("the whole estate's work comes first: the sample's Connect servers that stay, each a task with its finding", async ({ page, startHarness, scratchDir }) => {
  await openSamplePlan({ page, startHarness, scratchDir });
  await page.getByRole('tab', { name: 'Plan' }).click();
  const rows = page.getByRole('table', { name: 'Plan timeline' }).locator('tbody tr[data-index]');
  await expect(rows.first()).toContainText('Whole estate');
  const readiness = phaseRow(page, 'estate/readiness');
  await expect(readiness.locator('.gantt-dates')).toContainText(`${await page.getByTestId('plan-start').textContent()} to`);
  await readiness.getByRole('button', { name: /Readiness/ }).click();
  await page.getByRole('button', { name: /Resolve finding connect-server-version \(FG-SYNC01\)/ }).click();
  const detail = page.getByRole('complementary', { name: 'Task details' });
  await expect(detail).toContainText('FG-SYNC01 runs Connect Sync 2.5.190.0 and stays after the migration');
});

test('a hostile OU name shows as text in the Plan view, and an OU moved to another wave stays there', async ({ page, startHarness, scratchDir }) => {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await openSamplePlan({ page, startHarness, scratchDir });
  const dir = scratchDir('syncplan-e2e-hostile-');
  const hostile = '<img src=x onerror=alert(1)>';
  const file = join(dir, 'ous.csv');
  writeFileSync(file, `domain,distinguished_name,users,groups,contacts,computers,in_connect_scope\r\ncontoso.com,"OU=${hostile},DC=contoso,DC=com",20,1,0,0,true\r\n`);
  await page.getByRole('tab', { name: 'Import' }).click();
  await page.locator('#import-files-input').setInputFiles(file);
  await page.getByRole('button', { name: 'Import 1 file' }).click();
  await expect(page.getByRole('table', { name: 'Imported files' })).toBeVisible();

  await page.getByRole('tab', { name: 'Plan' }).click();
  const plan = page.locator('.plan');
  await phaseRow(page, 'contoso.com/pilot').getByRole('button', { name: /Pilot/ }).click();
  await expect(plan.getByRole('button', { name: `Stop the scheduler and add the no-flow rules for OU=${hostile},DC=contoso,DC=com` })).toBeVisible();
  await page.getByText('contoso.com: 2 waves').click();
  const waves = page.getByRole('table', { name: 'Waves of contoso.com' });
  await expect(waves.getByRole('rowheader', { name: `OU=${hostile},DC=contoso,DC=com` })).toBeVisible();
  await expect(plan.locator('img')).toHaveCount(0);

  await waves.getByLabel('Wave of OU=Partners,DC=contoso,DC=com').selectOption('2');
  await expect(page.getByText('contoso.com: 1 wave, 1 OU moved by hand')).toBeVisible();
  await page.reload();
  await page.getByRole('tab', { name: 'Plan' }).click();
  await expect(page.getByText('contoso.com: 1 wave, 1 OU moved by hand')).toBeVisible();
  expect(dialogs).toEqual([]);
});
