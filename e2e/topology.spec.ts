import { expect, test, type Page } from './support/fixtures';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { largeWorkshop } from './support/harness';

const section = (page: Page, name: RegExp) => page.getByRole('navigation', { name: 'Estate' }).getByRole('button', { name });

async function add(page: Page, noun: string, fill: () => Promise<void>) {
  await page.getByRole('button', { name: `Add ${noun}` }).click();
  await fill();
  await page.getByRole('button', { name: `Save ${noun}` }).click();
  await expect(page.getByRole('form', { name: `New ${noun}` })).toHaveCount(0);
}

test('a two-forest estate built from nothing in the UI is all there after a reload, and in the diagram', async ({ page, startHarness, scratchDir }) => {
  const harness = await startHarness(scratchDir('syncplan-e2e-topology-'));
  await page.goto(harness.url);
  await page.getByLabel('New workshop').fill('Two forests');
  await page.getByRole('button', { name: 'Create workshop' }).click();

  // A form left open belongs to its section: another section starts without it.
  await page.getByRole('button', { name: 'Add forest' }).click();
  await section(page, /^Tenants/).click();
  await expect(page.getByRole('form')).toHaveCount(0);
  await add(page, 'tenant', async () => {
    await page.getByRole('textbox', { name: 'Tenant', exact: true }).fill('contoso.onmicrosoft.com');
    await page.getByLabel('Microsoft cloud').selectOption('global');
  });

  await section(page, /^Forests/).click();
  for (const name of ['contoso.com', 'fabrikam.com']) {
    await add(page, 'forest', async () => {
      await page.getByLabel('Forest root domain').fill(name);
      await page.getByLabel('Entra tenant').fill('contoso.onmicrosoft.com');
      await page.getByLabel('Network').selectOption('connected');
      await page.getByLabel('Syncs today with').selectOption('connect-sync');
    });
  }

  await section(page, /^Domains/).click();
  for (const [forest, domain] of [
    ['contoso.com', 'corp.contoso.com'],
    ['fabrikam.com', 'fabrikam.com'],
  ] as const) {
    await add(page, 'domain', async () => {
      await page.getByRole('combobox', { name: 'Forest', exact: true }).selectOption(forest);
      await page.getByRole('textbox', { name: 'Domain', exact: true }).fill(domain);
      await page.getByLabel('Users', { exact: true }).fill('1,200');
    });
  }

  await section(page, /^Trusts/).click();
  await add(page, 'trust', async () => {
    await page.getByRole('combobox', { name: 'From', exact: true }).fill('corp.contoso.com');
    await page.getByRole('combobox', { name: 'To', exact: true }).fill('fabrikam.com');
    await page.getByLabel('Direction').selectOption('bidirectional');
  });

  await section(page, /^Connect servers/).click();
  await add(page, 'Connect server', async () => {
    await page.getByRole('textbox', { name: 'Server', exact: true }).fill('SYNC01');
    const forests = page.getByRole('group', { name: 'Forests it syncs' });
    await forests.getByLabel('contoso.com').check();
    await forests.getByLabel('fabrikam.com').check();
    await page.getByLabel('Connect version').fill('2.5.79.0');
  });

  await section(page, /^Agent hosts/).click();
  for (const [host, forest] of [
    ['AGENT1', 'contoso.com'],
    ['AGENT2', 'contoso.com'],
    ['AGENT3', 'fabrikam.com'],
  ] as const) {
    await add(page, 'agent host', async () => {
      await page.getByRole('textbox', { name: 'Host', exact: true }).fill(host);
      await page.getByRole('combobox', { name: 'Forest', exact: true }).selectOption(forest);
      await page.getByLabel('Operating system').fill('Windows Server 2022');
    });
  }

  await page.reload();
  const rows = (name: string) => page.getByRole('table', { name }).getByRole('rowheader');
  await section(page, /^Tenants/).click();
  await expect(rows('Tenants')).toHaveText(['contoso.onmicrosoft.com']);
  await section(page, /^Forests/).click();
  await expect(rows('Forests')).toHaveText(['contoso.com', 'fabrikam.com']);
  await section(page, /^Domains/).click();
  await expect(rows('Domains')).toHaveText(['corp.contoso.com', 'fabrikam.com']);
  await expect(page.getByRole('table', { name: 'Domains' }).getByRole('row', { name: /corp\.contoso\.com/ })).toContainText('1,200');
  await section(page, /^Trusts/).click();
  await expect(page.getByRole('table', { name: 'Trusts' }).getByRole('row', { name: /corp\.contoso\.com/ })).toContainText('bidirectional');
  await section(page, /^Connect servers/).click();
  await expect(page.getByRole('table', { name: 'Connect servers' }).getByRole('row', { name: /SYNC01/ })).toContainText('contoso.com, fabrikam.com');
  await section(page, /^Agent hosts/).click();
  await expect(rows('Agent hosts')).toHaveText(['AGENT1', 'AGENT2', 'AGENT3']);

  await page.getByRole('tab', { name: 'Topology' }).click();
  const diagram = page.getByRole('application', { name: /Topology diagram/ });
  await expect(diagram.locator('[data-kind="forest"]')).toHaveCount(2);
  await expect(diagram.locator('[data-kind="server"]')).toContainText('SYNC01');
  await expect(diagram.locator('[data-host]')).toHaveText([/AGENT1/, /AGENT2/, /AGENT3/]);
  await expect(diagram.getByText('two-way trust')).toBeVisible();
});

test('a feature changed in the diagram changes that forest’s verdict there; Undo changes it back; the SVG export names every forest', async ({ page, startHarness, scratchDir }) => {
  const dataDir = scratchDir('syncplan-e2e-topology-');
  const harness = await startHarness(dataDir);
  await page.goto(harness.url);
  await page.getByRole('button', { name: 'Explore the sample workshop' }).click();
  await page.getByRole('tab', { name: 'Topology' }).click();

  const diagram = page.getByRole('application', { name: /Topology diagram/ });
  const contoso = diagram.locator('.react-flow__node[data-id="forest:contoso.com"]');
  await expect(contoso.locator('.topo-badge')).toHaveText('Migrate now');

  // Keyboard: a box takes focus, Enter opens its editor.
  await contoso.focus();
  await page.keyboard.press('Enter');
  const editor = page.getByRole('complementary', { name: 'Edit the selected box' });
  await editor.getByLabel('Device writeback').selectOption('yes');
  await editor.getByRole('button', { name: 'Save forest' }).click();
  await expect(editor).toHaveCount(0);
  await expect(contoso.locator('.topo-badge')).not.toHaveText('Migrate now');
  const changed = await contoso.locator('.topo-badge').textContent();

  await page.getByRole('heading', { name: 'Topology' }).click();
  await page.keyboard.press('Control+z');
  await expect(contoso.locator('.topo-badge')).toHaveText('Migrate now');
  await page.keyboard.press('Control+Shift+Z');
  await expect(contoso.locator('.topo-badge')).toHaveText(changed ?? '');

  await page.getByRole('button', { name: 'Export SVG…' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Diagram saved as' })).toBeVisible();
  const file = readdirSync(dataDir).find((f) => f.endsWith(' - topology.svg'));
  const svg = readFileSync(join(dataDir, file ?? 'missing.svg'), 'utf8');
  const forests = await diagram.locator('[data-kind="forest"] .topo-title').allTextContents();
  expect(forests.length).toBe(7);
  for (const forest of forests) expect(svg).toContain(`data-forest="${forest}"`);

  await page.getByRole('button', { name: 'Export PNG…' }).click();
  await expect(page.getByRole('status').filter({ hasText: /Diagram saved as .* - topology\.png/ })).toBeVisible();
  const png = readFileSync(join(dataDir, readdirSync(dataDir).find((f) => f.endsWith(' - topology.png')) ?? 'missing.png'));
  expect([...png.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
  expect(png.byteLength).toBeGreaterThan(20_000);
});

test('the OU table of a 100,000-OU estate scrolls to its last row, which can be edited in place', async ({ page, startHarness, scratchDir }) => {
  const dataDir = scratchDir('syncplan-e2e-ous-');
  const userDataDir = join(dataDir, 'user-data');
  mkdirSync(userDataDir, { recursive: true });
  const workshop = join(dataDir, 'large.syncplan');
  largeWorkshop(workshop, 50, 4, 500);
  writeFileSync(join(userDataDir, 'recent-workshops.json'), JSON.stringify([{ path: workshop, name: 'Large estate', openedAt: new Date().toISOString() }]));
  const harness = await startHarness(dataDir, userDataDir);
  await page.goto(harness.url);
  await page.getByRole('list', { name: 'Recent workshops' }).getByRole('button', { name: 'Large estate', exact: true }).click();
  await section(page, /^OUs/).click();

  const grid = page.getByRole('grid', { name: 'OUs' });
  await expect(grid).toHaveAttribute('aria-rowcount', '100001');
  await expect(page.getByTestId('ou-count')).toHaveText('100,000 OUs');
  // Only a window of rows is in the page, never the whole table.
  expect(await grid.getByRole('row').count()).toBeLessThan(120);

  await grid.locator('.ou-scroll').evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
  const last = grid.locator('[role="row"][aria-rowindex="100001"]');
  await expect(last).toBeVisible();
  await expect(last).not.toHaveClass(/loading/);
  const dn = (await last.locator('.dn').textContent()) ?? '';
  await last.getByRole('button', { name: /^Users of/ }).click();
  const input = last.getByRole('textbox', { name: `Users of ${dn}` });
  await input.fill('777');
  await input.press('Enter');
  await expect(last.locator('.typed-count')).toContainText('777');
  await expect(last.locator('.typed-badge')).toBeVisible();

  // Filtered by domain and name, then every OU the filter shows goes out of Connect scope at once.
  const domain = (await last.getByRole('gridcell').nth(2).textContent()) ?? '';
  await page.getByRole('combobox', { name: 'Show the OUs of domain' }).selectOption(domain);
  await page.getByRole('searchbox', { name: 'Filter OUs by name' }).fill('Region');
  // The generated domains hold 500 OUs each, all under their regions.
  await expect(page.getByTestId('ou-count')).toHaveText('500 OUs');
  await grid.getByRole('checkbox', { name: 'Select every OU the filter shows' }).check();
  await page.getByRole('region', { name: 'Selected OUs' }).getByRole('button', { name: 'Out of Connect scope' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Set 500 OUs out of Connect scope' })).toBeVisible();
  await expect(grid.getByRole('combobox', { name: /^In Connect scope/ }).first()).toHaveValue('no');
});
