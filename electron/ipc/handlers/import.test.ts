import { afterEach, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { dispatch } from '../dispatch.js';
import { handlers } from './index.js';
import { Session } from '../session.js';
import { testPlatform } from '../test-support/test-platform.js';
import type { EventName, EventPayload } from '../../../shared/ipc/contract.js';
import { ImportPreview, ImportSummary } from '../../../shared/import/summary.js';
import { samples, tempDir, writeFixture } from '../../import/test-support/workshop.js';

function testSession(dir: string, events: EventPayload<'importProgress'>[]): Session {
  const platform = testPlatform(dir, {
    dialogs: {
      importPaths: async () => [join(dir, 'picked.csv')],
      templatesFolder: async () => join(dir, 'templates'),
    },
    emit: <E extends EventName>(_event: E, payload: EventPayload<E>) => events.push(payload as EventPayload<'importProgress'>),
  });

  return new Session(platform);
}

let session: Session | undefined;
afterEach(() => session?.close());

function bigUsers(rows: number): string {
  const lines = ['DistinguishedName,UserPrincipalName'];
  for (let i = 0; i < rows; i++) lines.push(`"CN=U${i},OU=Sales,DC=corp,DC=contoso,DC=com",u${i}@contoso.com`);
  return `${lines.join('\n')}\n`;
}

describe('import channels', () => {
  it('previews without writing: kind, encoding, delimiter, column mapping and rows', async () => {
    const dir = tempDir();
    const events: EventPayload<'importProgress'>[] = [];
    session = testSession(dir, events);
    await dispatch(handlers, 'workshop.create', { name: 'w' }, { session });
    const big = writeFixture(dir, 'users.csv', bigUsers(40_000));
    const result = await dispatch(handlers, 'import.preview', { paths: [samples('adrecon-sos-labs'), big] }, { session });
    if (!result.ok) throw new Error(result.error.message);
    const preview = ImportPreview.parse(result.value);
    const users = preview.files.find((f) => f.path.endsWith('Users.csv'));
    expect(users).toMatchObject({ kind: 'ad-users', source: 'ADRecon (Users.csv)', encoding: 'ASCII', delimiter: ',', rows: 19, rowsEstimated: false, error: null });
    expect(users?.columns.filter((c) => c.field !== null)).toEqual([
      { column: 'UserName', field: 'sam' },
      { column: 'Email', field: 'mail' },
      { column: 'DistinguishedName', field: 'dn' },
    ]);
    const estimate = preview.files.find((f) => f.path === big);
    expect(estimate?.rowsEstimated).toBe(true);
    expect(estimate?.rows).toBeGreaterThan(35_000);
    expect(estimate?.rows).toBeLessThan(45_000);
    const inventory = await dispatch(handlers, 'inventory.get', {}, { session });
    expect(inventory).toMatchObject({ ok: true, value: { forests: [], domains: [] } });
  });

  it('previews a broken file with its error instead of failing the whole preview', async () => {
    const dir = tempDir();
    session = testSession(dir, []);
    const bad = writeFixture(dir, 'bad.csv', 'forest,network\nx.com,"open\n');
    const result = await dispatch(handlers, 'import.preview', { paths: [bad] }, { session });
    expect(result).toMatchObject({ ok: true, value: { files: [{ path: bad, error: { file: bad, line: 2, column: 7 } }] } });
  });

  it('runs an import with progress events, and reports a failed one as a located error', async () => {
    const dir = tempDir();
    const events: EventPayload<'importProgress'>[] = [];
    session = testSession(dir, events);
    await dispatch(handlers, 'workshop.create', { name: 'w' }, { session });
    const result = await dispatch(handlers, 'import.run', { paths: [writeFixture(dir, 'users.csv', bigUsers(20_000))] }, { session });
    if (!result.ok) throw new Error(result.error.message);
    expect(ImportSummary.parse(result.value).files[0]).toMatchObject({ kind: 'ad-users', rows: 20_000 });
    expect(events.at(-1)).toMatchObject({ rows: 20_000, fileIndex: 0, fileCount: 1, percent: 100 });
    expect(events.at(-1)?.bytes).toBe(events.at(-1)?.totalBytes);

    const failed = await dispatch(handlers, 'import.run', { paths: [writeFixture(dir, 'bad.csv', 'domain,users\nx.com,-1\n')] }, { session });
    expect(failed).toMatchObject({ ok: false, error: { code: 'bad-input', location: { line: 2, column: 7 } } });
  });

  it('cancels a running import and leaves the workshop as it was', async () => {
    const dir = tempDir();
    session = testSession(dir, []);
    await dispatch(handlers, 'workshop.create', { name: 'w' }, { session });
    const running = dispatch(handlers, 'import.run', { paths: [writeFixture(dir, 'users.csv', bigUsers(200_000))] }, { session });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await dispatch(handlers, 'import.cancel', {}, { session })).toEqual({ ok: true, value: true });
    expect(await running).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    expect(await dispatch(handlers, 'import.cancel', {}, { session })).toEqual({ ok: true, value: false });
    expect(await dispatch(handlers, 'inventory.get', {}, { session })).toMatchObject({ ok: true, value: { domains: [] } });
  });

  it('refuses an empty path list before anything runs', async () => {
    session = testSession(tempDir(), []);
    expect(await dispatch(handlers, 'import.run', { paths: [] }, { session })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('writes the templates into the folder the user picks, and offers the file picker', async () => {
    const dir = tempDir();
    session = testSession(dir, []);
    const written = await dispatch(handlers, 'templates.write', {}, { session });
    expect(written).toMatchObject({ ok: true, value: expect.arrayContaining([join(dir, 'templates', 'forests.csv')]) });
    expect(existsSync(join(dir, 'templates', 'agents.csv'))).toBe(true);
    expect(await dispatch(handlers, 'import.choosePaths', {}, { session })).toEqual({ ok: true, value: [join(dir, 'picked.csv')] });
  });
});
