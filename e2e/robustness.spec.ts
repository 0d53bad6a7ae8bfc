import { expect, test, type Page } from './support/fixtures';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { holdWriteLock, type LockHolder } from '../electron/store/test-support/lock-process';
import { damageLeafPage, ousCsv } from '../electron/store/test-support/damage';
import { closeWorkshop, openWorkshop } from '../electron/store/workshop-db';
import { runImport } from '../electron/import/run-import';

/**
 * A workshop another program is writing to, and a damaged one, as the app shows them: one sentence
 * naming the file, with what can be done (retry, open read-only, recover into a new workshop).
 */
let lock: LockHolder | undefined;
test.afterEach(async () => {
  await lock?.release();
  lock = undefined;
});

const forestNames = (page: Page) => page.getByRole('table', { name: 'Forests' }).getByRole('rowheader');

async function addForest(page: Page, name: string) {
  await page.getByRole('button', { name: 'Add forest' }).click();
  await page.getByLabel('Forest root domain').fill(name);
  await page.getByRole('button', { name: 'Save forest' }).click();
}

test('a workshop another program is writing to: the same message, Retry, then Open read-only', async ({ page, startHarness, scratchDir }) => {
  const dataDir = scratchDir('syncplan-e2e-busy-');
  const harness = await startHarness(dataDir);
  await page.goto(harness.url);
  await page.getByLabel('New workshop').fill('Busy');
  await page.getByRole('button', { name: 'Create workshop' }).click();
  await expect(page.getByRole('heading', { name: 'Forests' })).toBeVisible();

  const path = join(dataDir, 'Busy.syncplan');
  lock = await holdWriteLock(path);
  await addForest(page, 'contoso.com');
  const notice = page.getByRole('alert').filter({ hasText: 'Busy.syncplan is in use by' });
  await expect(notice).toContainText(`Busy.syncplan is in use by node (process ${lock.pid}), which is changing it; nothing was changed here.`, { timeout: 15_000 });
  await expect(notice.getByRole('button', { name: 'Open read-only' })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('in-use.png') });

  await lock.release();
  lock = undefined;
  await notice.getByRole('button', { name: 'Retry' }).click();
  await expect(forestNames(page)).toHaveText(['contoso.com']);

  // An import that cannot get in says the same, where the import's outcome is shown.
  const csv = join(scratchDir('syncplan-e2e-csv-'), 'forests.csv');
  writeFileSync(csv, 'forest\nfabrikam.com\n');
  lock = await holdWriteLock(path);
  await page.getByRole('tab', { name: 'Import' }).click();
  await page.locator('#import-files-input').setInputFiles(csv);
  await page.getByRole('button', { name: 'Import 1 file' }).click();
  const outcome = page.locator('.import-failed');
  await expect(outcome).toContainText('Busy.syncplan is in use by node', { timeout: 20_000 });
  await expect(outcome.getByRole('button', { name: 'Retry' })).toBeVisible();
  await outcome.getByRole('button', { name: 'Open read-only' }).click();

  await expect(page.locator('.read-only-badge')).toHaveText('Read-only');
  await expect(page.getByRole('status').filter({ hasText: 'Opened read-only, as asked' })).toBeVisible();
  await expect(forestNames(page)).toHaveText(['contoso.com']);
  await page.screenshot({ path: test.info().outputPath('read-only.png') });
});

test('a damaged workshop: the message names it and offers to recover what is readable into a new workshop', async ({ page, startHarness, scratchDir }) => {
  const dataDir = scratchDir('syncplan-e2e-damaged-');
  const userDataDir = join(dataDir, 'user-data');
  mkdirSync(userDataDir, { recursive: true });
  const damaged = join(dataDir, 'Contoso.syncplan');
  writeFileSync(join(dataDir, 'forests.csv'), 'forest,tenant\r\ncontoso.com,contoso.onmicrosoft.com\r\n');
  writeFileSync(join(dataDir, 'ous.csv'), ousCsv(3000, 'contoso.com'));
  const { db } = await openWorkshop(damaged, { mode: 'create', name: 'Contoso' });
  await runImport(db, [join(dataDir, 'forests.csv'), join(dataDir, 'ous.csv')]);
  closeWorkshop(db);
  damageLeafPage(damaged, 'ous');
  const before = readFileSync(damaged);
  writeFileSync(join(userDataDir, 'recent-workshops.json'), JSON.stringify([{ path: damaged, name: 'Contoso', openedAt: new Date().toISOString() }]));

  const harness = await startHarness(dataDir, userDataDir);
  await page.goto(harness.url);
  await page.getByRole('list', { name: 'Recent workshops' }).getByRole('button', { name: 'Contoso', exact: true }).click();
  const notice = page.getByRole('alert').filter({ hasText: 'Contoso.syncplan is damaged' });
  await expect(notice).toContainText('Choose "Recover into a new workshop…" to copy what is still readable into a new workshop; the damaged file is left as it is.');
  await expect(notice).not.toContainText(/at \S+ \(\S+:\d+:\d+\)/);
  await notice.getByRole('button', { name: 'Recover into a new workshop…' }).click();

  await expect(page.getByRole('status').filter({ hasText: 'Recovered' })).toContainText(/Recovered [\d,]+ rows from Contoso\.syncplan into .*Contoso \(recovered\)\.syncplan\. Unreadable parts in: ous/);
  await expect(forestNames(page)).toHaveText(['contoso.com']);
  await page.screenshot({ path: test.info().outputPath('recovered.png') });
  expect(readFileSync(damaged).equals(before)).toBe(true);
});
