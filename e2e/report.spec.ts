import { expect, test } from './support/fixtures';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const SAMPLE_FORESTS = ['adatum.com', 'contoso.com', 'fabrikam.com', 'litware.net', 'northwindtraders.com', 'tailspintoys.com', 'woodgrovebank.com'];

test('export the PDF: open the sample, export, and the file has every forest', async ({ page, startHarness, scratchDir }) => {
  const dataDir = scratchDir('syncplan-e2e-');
  const harness = await startHarness(dataDir);
  await page.goto(harness.url);
  await page.getByRole('button', { name: 'Explore the sample workshop' }).click();

  await page.getByRole('button', { name: 'Export PDF…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export the report as PDF' });
  await expect(dialog.getByLabel('Customer')).toHaveValue('Sample - Fabrikam Group');
  await dialog.getByLabel('Customer').fill('Fabrikam Group');
  await dialog.getByLabel('Prepared by').fill('Ada Architect');
  await dialog.getByLabel('Paper').selectOption('letter');
  await dialog.getByRole('button', { name: 'Export PDF…' }).click();
  await expect(dialog.getByRole('progressbar', { name: 'Export progress' })).toBeVisible();

  await expect(page.getByText(/The report was saved as .*Fabrikam Group - migration plan\.pdf \(\d+ pages\)/)).toBeVisible({ timeout: 45_000 });
  await expect(dialog).toBeHidden();
  const pdf = join(dataDir, 'Fabrikam Group - migration plan.pdf');
  expect(existsSync(pdf)).toBe(true);
  const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });
  for (const forest of SAMPLE_FORESTS) expect(text).toContain(forest);
  expect(text).toContain('Prepared by Ada Architect');
  expect(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' })).toMatch(/612 x 792 pts/);

  // The next export offers what was used last.
  await page.getByRole('button', { name: 'Export PDF…' }).click();
  await expect(page.getByRole('dialog').getByLabel('Customer')).toHaveValue('Fabrikam Group');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toBeHidden();
});
