import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dispatch } from './dispatch.js';
import { handlers } from './handlers/index.js';
import { Session } from './session.js';
import { testPlatform } from './test-support/test-platform.js';
import { CHANNELS } from '../../shared/ipc/contract.js';
import { bareForest } from '../../shared/model/inventory.js';

function testSession(): Session {
  const dir = mkdtempSync(join(tmpdir(), 'syncplan-ipc-'));
  const platform = testPlatform(dir);

  return new Session(platform);
}

const validForest = bareForest('Contoso.COM');

let session: Session;
afterEach(() => session?.close());

describe('IPC dispatch', () => {
  it('has a handler for every contract channel and none besides', () => {
    expect(Object.keys(handlers).sort()).toEqual([...CHANNELS].sort());
  });

  it('refuses unknown channels', async () => {
    session = testSession();
    const result = await dispatch(handlers, 'fs.readFile', { path: '/etc/passwd' }, { session });
    expect(result).toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
  });

  it('refuses an invalid payload with the field at fault, and changes nothing', async () => {
    session = testSession();
    await dispatch(handlers, 'workshop.create', { name: 'Contoso' }, { session });
    const bad = await dispatch(handlers, 'forests.save', { forest: { ...validForest, forest: 'no spaces allowed' } }, { session });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-input', issues: [{ path: 'forest.forest' }] } });
    expect(bad.ok === false && bad.error.message).toContain('Nothing was changed');
    const extra = await dispatch(handlers, 'inventory.get', { sql: 'DROP TABLE forests' }, { session });
    expect(extra).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await dispatch(handlers, 'inventory.get', {}, { session })).toMatchObject({ ok: true, value: { forests: [] } });
  });

  it('validates then stores: names are normalised to lower case and duplicates refused', async () => {
    session = testSession();
    await dispatch(handlers, 'workshop.create', { name: 'Contoso' }, { session });
    const saved = await dispatch(handlers, 'forests.save', { forest: validForest }, { session });
    expect(saved).toMatchObject({ ok: true, value: { forest: 'contoso.com', notes: '' } });
    const again = await dispatch(handlers, 'forests.save', { forest: validForest }, { session });
    expect(again).toMatchObject({ ok: false, error: { code: 'exists' } });
  });

  it('answers with a clear error when no workshop is open', async () => {
    session = testSession();
    const result = await dispatch(handlers, 'inventory.get', {}, { session });
    expect(result).toMatchObject({ ok: false, error: { code: 'no-workshop', message: expect.stringContaining('No workshop is open') } });
  });

  it('deletes a forest with its domains and links through edit.apply, says what went with it, and undoes it whole', async () => {
    session = testSession();
    await dispatch(handlers, 'workshop.create', { name: 'Undo' }, { session });
    await dispatch(handlers, 'forests.save', { forest: validForest }, { session });
    await dispatch(handlers, 'forests.save', { forest: bareForest('fabrikam.com') }, { session });
    const db = session.db();
    db.prepare("INSERT INTO domains (domain, forest, users) VALUES ('emea.contoso.com', 'contoso.com', 1200)").run();
    db.prepare("INSERT INTO forest_links (forest, other_forest, kind, direction) VALUES ('fabrikam.com', 'contoso.com', 'trust', 'two-way')").run();
    const edit = { op: 'delete', entity: 'forest', key: ['contoso.com'] };
    expect(await dispatch(handlers, 'edit.impact', { edit }, { session })).toEqual({
      ok: true,
      value: [
        { table: 'domains', op: 'delete', rows: 1 },
        { table: 'forest_links', op: 'delete', rows: 1 },
      ],
    });
    expect(await dispatch(handlers, 'edit.apply', { edit }, { session })).toMatchObject({ ok: true, value: { label: 'Delete forest contoso.com' } });
    expect(db.prepare('SELECT count(*) AS n FROM domains').get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT count(*) AS n FROM forest_links').get()).toEqual({ n: 0 });
    expect(await dispatch(handlers, 'edit.undo', {}, { session })).toMatchObject({ ok: true, value: { label: 'Delete forest contoso.com', history: { redo: 'Delete forest contoso.com' } } });
    expect(db.prepare('SELECT domain, users FROM domains').all()).toEqual([{ domain: 'emea.contoso.com', users: 1200 }]);
    expect(db.prepare('SELECT forest, other_forest, kind, direction FROM forest_links').all()).toEqual([
      { forest: 'fabrikam.com', other_forest: 'contoso.com', kind: 'trust', direction: 'two-way' },
    ]);
  });

  it('puts a field-level refusal of an edit on the field at fault', async () => {
    session = testSession();
    await dispatch(handlers, 'workshop.create', { name: 'Fields' }, { session });
    const refused = await dispatch(handlers, 'edit.apply', { edit: { op: 'save', entity: 'forest', value: { ...validForest, forest: 'not a name' } } }, { session });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid-input', issues: [{ path: 'edit.value.forest' }] } });
    await dispatch(handlers, 'forests.save', { forest: validForest }, { session });
    const taken = await dispatch(handlers, 'edit.apply', { edit: { op: 'save', entity: 'forest', value: validForest } }, { session });
    expect(taken).toMatchObject({ ok: false, error: { code: 'exists', issues: [{ path: 'edit.value.forest', message: 'A forest contoso.com is already in this workshop.' }] } });
  });
});
