import { expect, test, type Page, type AppFixtures } from './support/fixtures';
import { readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { repoRoot } from './support/harness';
import { writeLargeUserExport } from '../electron/import/test-support/large-user-export';

/**
 * Importing through the UI against the real handlers: folder chooser → preview → import → summary →
 * Forests; errors with file, line and column; Cancel during a large import writes nothing.
 */
const ADRECON = resolve(repoRoot, '../shared/samples/adrecon-sos-labs');
const CONNECT = resolve(repoRoot, '../shared/samples/aadconnect-contoso');

async function newWorkshop({ page, startHarness, scratchDir }: AppFixtures, name: string) {
  const harness = await startHarness(scratchDir('syncplan-e2e-'));
  await page.goto(harness.url);
  await page.getByLabel('New workshop').fill(name);
  await page.getByRole('button', { name: 'Create workshop' }).click();
  await expect(page.getByRole('heading', { name: 'Forests' })).toBeVisible();
}

const forestNames = (page: Page) => page.getByRole('table', { name: 'Forests' }).getByRole('rowheader');
const previewTable = (page: Page) => page.getByRole('table', { name: 'Files to import' });
const summaryTable = (page: Page) => page.getByRole('table', { name: 'Imported files' });
/** A file's row in the preview, by the path shown for it. */
const fileRow = (page: Page, shown: string) =>
  previewTable(page).locator('tr.import-file', { has: page.getByRole('rowheader', { name: shown, exact: true }) });

async function openImport(page: Page) {
  await page.getByRole('tab', { name: 'Import' }).click();
  await expect(page.getByRole('heading', { name: 'Import', exact: true })).toBeVisible();
}

async function importFolder(page: Page, folder: string) {
  await openImport(page);
  await page.locator('#import-folder-input').setInputFiles(folder);
}

test('an ADRecon folder chosen with the folder chooser is previewed, imported and shows up in Forests', async ({ page, startHarness, scratchDir }) => {
  await newWorkshop({ page, startHarness, scratchDir }, 'SOS Labs');
  await importFolder(page, ADRECON);

  const csvCount = readdirSync(ADRECON).filter((f) => /\.csv$/i.test(f)).length;
  const preview = previewTable(page);
  await expect(page.getByRole('heading', { name: `Preview: ${csvCount} files` })).toBeVisible();
  await expect(preview.locator('tr.import-file')).toHaveCount(csvCount);
  // Paths are shown relative to the chosen folder's parent, not as the harness's upload folder.
  const users = fileRow(page, 'adrecon-sos-labs/Users.csv');
  await expect(users).toHaveAttribute('data-kind', 'ad-users');
  await expect(users).toContainText('AD users');
  await expect(users).toContainText('ADRecon (Users.csv)');
  await expect(users).toContainText('comma');
  await expect(fileRow(page, 'adrecon-sos-labs/Forest.csv')).toHaveAttribute('data-kind', 'ad-forest');
  await expect(fileRow(page, 'adrecon-sos-labs/Groups.csv')).toHaveAttribute('data-kind', 'ad-groups');
  await expect(fileRow(page, 'adrecon-sos-labs/Sites.csv')).toContainText('Not inventory');

  // The column mapping is one click away: mapped columns with their field, ignored columns apart.
  await preview.getByRole('button', { name: 'Details of adrecon-sos-labs/Users.csv' }).click();
  const mapped = page.getByRole('table', { name: /Mapped columns of .*Users\.csv/ });
  await expect(mapped).toBeVisible();
  await expect(mapped.getByRole('row')).not.toHaveCount(1);
  await expect(page.getByRole('list', { name: /Ignored columns of .*Users\.csv/ })).toBeVisible();

  await page.getByRole('button', { name: `Import ${csvCount} files` }).click();
  await expect(page.getByRole('heading', { name: 'Import complete' })).toBeVisible();
  const summary = summaryTable(page);
  await expect(summary.locator('tr', { has: page.getByRole('rowheader', { name: 'adrecon-sos-labs/Users.csv', exact: true }) })).toContainText(
    'sos.labs: 19 users',
  );
  await expect(page.getByRole('list', { name: 'Changes' })).toContainText('1 forest');

  await page.getByRole('button', { name: 'Go to Forests' }).click();
  await expect(forestNames(page)).toHaveText(['sos.labs']);
});

test('an Entra Connect export folder is recognised as a whole and adds its forest and server', async ({ page, startHarness, scratchDir }) => {
  await newWorkshop({ page, startHarness, scratchDir }, 'Contoso');
  await importFolder(page, CONNECT);

  const preview = previewTable(page);
  await expect(preview.locator('tr.import-file')).toHaveCount(1);
  await expect(preview.locator('tr.import-file')).toHaveAttribute('data-kind', 'connect-export');
  await expect(preview).toContainText('Entra Connect export');
  await expect(preview.getByRole('rowheader', { name: 'aadconnect-contoso' })).toBeVisible();

  await page.getByRole('button', { name: 'Import 1 file' }).click();
  await expect(page.getByRole('heading', { name: 'Import complete' })).toBeVisible();
  await expect(summaryTable(page)).toContainText('Connect server CONTOSO-SYNC01');
  await expect(page.getByRole('list', { name: 'Changes' })).toContainText('1 Connect server');

  await page.getByRole('button', { name: 'Go to Forests' }).click();
  await expect(forestNames(page)).toHaveText(['contoso.com']);
});

test('files dropped anywhere on the workshop open the Import tab with their preview', async ({ page, startHarness, scratchDir }) => {
  await newWorkshop({ page, startHarness, scratchDir }, 'Dropped');
  const dataTransfer = await page.evaluateHandle(() => {
    const data = new DataTransfer();
    data.items.add(new File(['forest,tenant,network\r\nfabrikam.com,fabrikam.onmicrosoft.com,connected\r\n'], 'forests.csv', { type: 'text/csv' }));
    return data;
  });
  const target = page.getByText('No forests yet');
  await target.dispatchEvent('dragenter', { dataTransfer });
  await target.dispatchEvent('dragover', { dataTransfer });
  await expect(page.getByText('Drop to preview the import')).toBeAttached();
  await target.dispatchEvent('drop', { dataTransfer });

  await expect(page.getByRole('tab', { name: 'Import' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByText('Drop to preview the import')).not.toBeAttached();
  const row = fileRow(page, 'forests.csv');
  await expect(row).toHaveAttribute('data-kind', 'forests');
  await expect(row).toContainText('SyncPlan template');
  await page.getByRole('button', { name: 'Import 1 file' }).click();
  await page.getByRole('button', { name: 'Go to Forests' }).click();
  await expect(forestNames(page)).toHaveText(['fabrikam.com']);
});

test('a CSV with a bad value is refused in the preview with its file, line and column, and nothing is written', async ({ page, startHarness, scratchDir }) => {
  await newWorkshop({ page, startHarness, scratchDir }, 'Refused');
  const dir = scratchDir('syncplan-bad-csv-');
  const bad = join(dir, 'domains.csv');
  writeFileSync(bad, 'forest,domain,users\r\nfabrikam.com,fabrikam.com,12\r\nfabrikam.com,corp.fabrikam.com,lots\r\n');

  await openImport(page);
  await page.locator('#import-files-input').setInputFiles(bad);
  const preview = previewTable(page);
  await expect(preview.locator('tr.import-file')).toHaveAttribute('data-kind', 'not-inventory');
  const error = preview.getByRole('alert');
  await expect(error).toContainText('domains.csv, line 3, column 3');
  await expect(error).toContainText('"lots" is not a count');
  await expect(page.getByText('Nothing was written: the workshop is as it was.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Import 1 file' })).toBeDisabled();
  await page.getByRole('button', { name: 'Cancel' }).click();

  await page.getByRole('tab', { name: 'Estate' }).click();
  await expect(page.getByText('No forests yet')).toBeVisible();
});

test('an error past what the preview reads fails the import with file, line and column, and writes nothing', async ({ page, startHarness, scratchDir }) => {
  await newWorkshop({ page, startHarness, scratchDir }, 'Late error');
  await importFolder(page, ADRECON);
  await page.getByRole('button', { name: /^Import \d+ files$/ }).click();
  await page.getByRole('button', { name: 'Go to Forests' }).click();
  await expect(forestNames(page)).toHaveText(['sos.labs']);

  // Over the preview's 256 KB sample, so only the import itself reaches the bad last row.
  const dir = scratchDir('syncplan-late-error-');
  const file = join(dir, 'ous.csv');
  const rows = ['domain,distinguished_name,users,groups,contacts,computers,in_connect_scope'];
  for (let i = 0; i < 5000; i++) rows.push(`fabrikam.com,"OU=Team ${i},OU=Staff,DC=fabrikam,DC=com",${i % 90},1,0,0,true`);
  rows.push('fabrikam.com,"OU=Broken,DC=fabrikam,DC=com",12,x1,0,0,true');
  writeFileSync(file, rows.join('\r\n') + '\r\n');

  await openImport(page);
  // The last import's summary stays on the tab until the next one starts.
  await page.getByRole('button', { name: 'Import more files' }).click();
  await page.locator('#import-files-input').setInputFiles(file);
  await expect(previewTable(page).locator('tr.import-file')).toHaveAttribute('data-kind', 'ous');
  await page.getByRole('button', { name: 'Import 1 file' }).click();
  const failure = page.locator('.import-failed');
  await expect(failure.getByRole('heading', { name: 'The import failed' })).toBeVisible();
  await expect(failure).toContainText(`ous.csv, line ${rows.length}, column 4`);
  await expect(failure).toContainText('Nothing was written');

  await page.getByRole('tab', { name: 'Estate' }).click();
  await expect(forestNames(page)).toHaveText(['sos.labs']);
});

test('Cancel during a large import leaves the workshop as it was', async ({ page, startHarness, scratchDir }) => {
  test.setTimeout(45_000);
  await newWorkshop({ page, startHarness, scratchDir }, 'Cancelled');
  await importFolder(page, ADRECON);
  await page.getByRole('button', { name: /^Import \d+ files$/ }).click();
  await page.getByRole('button', { name: 'Go to Forests' }).click();
  await expect(forestNames(page)).toHaveText(['sos.labs']);

  const dir = scratchDir('syncplan-large-');
  const users = join(dir, 'users.csv');
  await writeLargeUserExport(users, 150_000); // about 48 MB

  await openImport(page);
  await page.getByRole('button', { name: 'Import more files' }).click();
  await page.locator('#import-files-input').setInputFiles(users);
  const preview = previewTable(page);
  await expect(preview.locator('tr.import-file')).toHaveAttribute('data-kind', 'ad-users', { timeout: 20_000 });
  await expect(preview).toContainText('Export-Csv (Get-ADUser)');

  await page.getByRole('button', { name: 'Import 1 file' }).click();
  await expect(page.getByRole('progressbar', { name: 'Import progress' })).toBeVisible();
  await page.getByRole('button', { name: 'Cancel import' }).click();
  await expect(page.getByText('Import cancelled; nothing was written.')).toBeVisible();

  await page.getByRole('tab', { name: 'Estate' }).click();
  await expect(forestNames(page)).toHaveText(['sos.labs']);
});
