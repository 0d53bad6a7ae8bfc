import { afterEach, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { dispatch } from './dispatch.js';
import { handlers } from './handlers/index.js';
import { Session } from './session.js';
import { testPlatform } from './test-support/test-platform.js';
import { tempDir } from '../import/test-support/workshop.js';
import { readInventory } from '../store/inventory-repo.js';

/**
 * Counts a person typed and counts an import computed are both kept: a later import never overwrites a
 * typed count, records what it computed beside it, and the person can take the imported value.
 */
let session: Session;
afterEach(() => session?.close());

async function call(channel: string, input: unknown) {
  const result = await dispatch(handlers, channel, input, { session });
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

function templates(dir: string, users: number, groups: number, ouUsers: number): string[] {
  const forests = join(dir, 'forests.csv');
  const domains = join(dir, 'domains.csv');
  const ous = join(dir, 'ous.csv');
  writeFileSync(forests, 'forest,tenant\ncontoso.com,contoso.onmicrosoft.com\n');
  writeFileSync(domains, `forest,domain,users,groups\ncontoso.com,contoso.com,${users},${groups}\n`);
  writeFileSync(ous, `domain,distinguished_name,users,in_connect_scope\ncontoso.com,"OU=Staff,DC=contoso,DC=com",${ouUsers},true\n`);
  return [forests, domains, ous];
}

describe('typed and imported counts', () => {
  it('a later import keeps the typed count, records its own value beside it, and the imported value can be taken back', async () => {
    const dir = tempDir('syncplan-typed-');
    session = new Session(testPlatform(dir));
    await call('workshop.create', { name: 'Typed' });
    await call('import.run', { paths: templates(dir, 100, 10, 40) });

    const domain = () => readInventory(session.db()).domains[0]!;
    const ou = () => readInventory(session.db()).ous[0]!;
    await call('edit.apply', { edit: { op: 'save', entity: 'domain', value: { ...domain(), users: 500 }, previous: ['contoso.com'] } });
    await call('edit.apply', { edit: { op: 'save', entity: 'ou', value: { ...ou(), users: 45 }, previous: [ou().distinguishedName] } });
    expect(domain()).toMatchObject({ users: 500, groups: 10, importedCounts: { users: 100 } });

    // The customer's new export: users and groups changed. Groups nobody typed follow it; users stay as typed.
    const dir2 = tempDir('syncplan-typed-');
    await call('import.run', { paths: templates(dir2, 200, 20, 60) });
    expect(domain()).toMatchObject({ users: 500, groups: 20, importedCounts: { users: 200 } });
    expect(ou()).toMatchObject({ users: 45, importedCounts: { users: 60 } });

    // An import of counts it does not cover leaves the imported value it recorded.
    const forestsOnly = join(dir2, 'forests-only.csv');
    writeFileSync(forestsOnly, 'forest,tenant\ncontoso.com,contoso.onmicrosoft.com\n');
    await call('import.run', { paths: [forestsOnly] });
    expect(domain()).toMatchObject({ users: 500, importedCounts: { users: 200 } });

    await call('edit.apply', { edit: { op: 'use-imported', entity: 'domain', key: 'contoso.com', counts: ['users'] } });
    expect(domain()).toMatchObject({ users: 200, importedCounts: {} });
    await call('import.run', { paths: templates(tempDir('syncplan-typed-'), 300, 20, 60) });
    expect(domain()).toMatchObject({ users: 300, importedCounts: {} });
  });

  it('an import clears the undo history, which could otherwise undo edits over what it wrote', async () => {
    const dir = tempDir('syncplan-typed-');
    session = new Session(testPlatform(dir));
    await call('workshop.create', { name: 'Import clears' });
    await call('edit.apply', { edit: { op: 'save', entity: 'tenant', value: { name: 'contoso.onmicrosoft.com', cloud: 'global', notes: '' } } });
    expect(await call('edit.history', {})).toEqual({ undo: 'Add tenant contoso.onmicrosoft.com', redo: null });
    await call('import.run', { paths: templates(dir, 1, 1, 1) });
    expect(await call('edit.history', {})).toEqual({ undo: null, redo: null });
  });
});
