import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Edit } from '../../shared/edit/edit-schema.js';
import { agent, connectServer, domain, forest, ou } from '../../shared/engine/test-support/estate-builder.js';
import type { Trust } from '../../shared/model/inventory.js';
import { LOGGED_TABLES } from '../store/change-log.js';
import { readInventory, saveAgent, saveConnectServer, saveDomain, saveForest, saveForestLink, saveHygiene, saveOu, saveTrust } from '../store/inventory-repo.js';
import { savePlanInputs } from '../store/plan-repo.js';
import { closeWorkshop, openWorkshop, type Db } from '../store/workshop-db.js';
import { closeAfterTest, tempDir } from '../import/test-support/workshop.js';
import { defaultPlanSettings } from '../../shared/plan/plan-schema.js';
import { EditHistory } from './edit-history.js';

/** Two forests with domains, OUs (one with a typed count), agents, a Connect server, trusts, a link, hygiene and plan edits. */
async function estate(): Promise<{ db: Db; history: EditHistory; path: string }> {
  const path = join(tempDir('syncplan-edit-'), 'edit.syncplan');
  const { db } = await openWorkshop(path, { mode: 'create' });
  closeAfterTest(db);
  db.transaction(() => {
    saveForest(db, forest('a.com'));
    saveForest(db, forest('b.com', { tenant: 'fabrikam.onmicrosoft.com' }));
    saveDomain(db, domain('a.com', 'a.com'));
    saveDomain(db, domain('a.com', 'x.a.com', { users: 500, importedCounts: { users: 420 } }));
    saveDomain(db, domain('b.com', 'b.com'));
    saveOu(db, ou('a.com', 'OU=Sales,DC=a,DC=com'));
    saveOu(db, ou('a.com', 'OU=IT,DC=a,DC=com', { inConnectScope: false }));
    saveOu(db, ou('x.a.com', 'OU=Lab,DC=x,DC=a,DC=com', { users: 7, importedCounts: { users: 3 } }));
    saveOu(db, ou('b.com', 'OU=Staff,DC=b,DC=com'));
    saveAgent(db, agent('a.com', 'agent1', { domain: 'x.a.com' }));
    saveAgent(db, agent('b.com', 'agent2'));
    saveConnectServer(db, connectServer('sync1', ['a.com', 'b.com']));
    saveTrust(db, { source: 'a.com', target: 'b.com', direction: 'bidirectional', trustType: 'Forest', forestTransitive: true });
    saveTrust(db, { source: 'x.a.com', target: 'b.com', direction: 'outbound', trustType: 'External', forestTransitive: false });
    saveForestLink(db, { forest: 'a.com', otherForest: 'b.com', kind: 'trust', direction: 'two-way', notes: '' });
    saveHygiene(db, { domain: 'x.a.com', check: 'duplicate-upn', count: 2, examples: ['u@a.com'] });
    savePlanInputs(db, defaultPlanSettings(), { durations: { 'a.com:pilot': 4 }, waves: { 'ou=sales,dc=a,dc=com': 2 } });
  })();
  return { db, history: new EditHistory(db), path };
}

/** Every row of every table an edit may touch, in a stable order: "the stored model exactly". */
function dump(db: Db): Record<string, unknown[]> {
  return Object.fromEntries(LOGGED_TABLES.map((table) => [table, db.prepare(`SELECT * FROM ${table}`).all().map((row) => JSON.stringify(row)).sort()]));
}

const save = (entity: Edit & { op: 'save' }): Edit => entity;

describe('model edits', () => {
  it('renaming a forest takes its domains, agents, Connect servers and links with it; undo and redo swap them back', async () => {
    const { db, history } = await estate();
    const before = dump(db);
    const outcome = await history.apply(save({ op: 'save', entity: 'forest', value: forest('c.com'), previous: ['a.com'] }));
    expect(outcome).toEqual({ label: 'Rename forest a.com to c.com', history: { undo: 'Rename forest a.com to c.com', redo: null } });
    const renamed = readInventory(db);
    expect(renamed.domains.filter((d) => d.forest === 'c.com').map((d) => d.domain)).toEqual(['a.com', 'x.a.com']);
    expect(renamed.agents.find((a) => a.host === 'agent1')?.forest).toBe('c.com');
    expect(renamed.connectServers[0]?.forests).toEqual(['c.com', 'b.com']);
    expect(renamed.forestLinks[0]).toMatchObject({ forest: 'c.com', otherForest: 'b.com' });
    const after = dump(db);

    expect(await history.undo()).toEqual({ label: 'Rename forest a.com to c.com', history: { undo: null, redo: 'Rename forest a.com to c.com' } });
    expect(dump(db)).toEqual(before);
    await history.redo();
    expect(dump(db)).toEqual(after);
  });

  it('deleting a forest says what goes with it, takes it all, and undo puts every row back', async () => {
    const { db, history } = await estate();
    const before = dump(db);
    const impact = history.impact({ op: 'delete', entity: 'forest', key: ['a.com'] });
    // Its own agent host goes; no other one is left naming one of its domains.
    expect(impact).toEqual([
      { table: 'domains', op: 'delete', rows: 2 },
      { table: 'ous', op: 'delete', rows: 3 },
      { table: 'connect_servers', op: 'update', rows: 1 },
      { table: 'agents', op: 'delete', rows: 1 },
      { table: 'trusts', op: 'delete', rows: 2 },
      { table: 'forest_links', op: 'delete', rows: 1 },
      { table: 'hygiene', op: 'delete', rows: 1 },
    ]);
    expect(dump(db)).toEqual(before);

    await history.apply({ op: 'delete', entity: 'forest', key: ['a.com'] });
    const after = readInventory(db);
    expect(after.forests.map((f) => f.forest)).toEqual(['b.com']);
    expect(after.domains.map((d) => d.domain)).toEqual(['b.com']);
    expect(after.ous.map((o) => o.distinguishedName)).toEqual(['OU=Staff,DC=b,DC=com']);
    expect(after.agents.map((a) => a.host)).toEqual(['agent2']);
    expect(after.connectServers[0]?.forests).toEqual(['b.com']);
    expect(after.trusts).toEqual([]);
    await history.undo();
    expect(dump(db)).toEqual(before);
  });

  it('a renamed domain keeps its OUs, hygiene findings, agents and trusts', async () => {
    const { db, history } = await estate();
    const stored = readInventory(db).domains.find((d) => d.domain === 'x.a.com');
    await history.apply(save({ op: 'save', entity: 'domain', value: { ...stored!, domain: 'lab.a.com' }, previous: ['x.a.com'] }));
    const inventory = readInventory(db);
    expect(inventory.ous.find((o) => o.distinguishedName.startsWith('OU=Lab'))?.domain).toBe('lab.a.com');
    expect(inventory.hygiene[0]?.domain).toBe('lab.a.com');
    expect(inventory.agents.find((a) => a.host === 'agent1')?.domain).toBe('lab.a.com');
    expect(inventory.trusts.map((t) => t.source)).toContain('lab.a.com');
  });

  it('refuses a domain of a forest the workshop does not have, a taken name, and an OU outside its domain, each at its field', async () => {
    const { history } = await estate();
    await expect(history.apply(save({ op: 'save', entity: 'domain', value: domain('zzz.com', 'zzz.com') }))).rejects.toMatchObject({
      code: 'not-found',
      field: 'edit.value.forest',
    });
    await expect(history.apply(save({ op: 'save', entity: 'forest', value: forest('b.com') }))).rejects.toMatchObject({ code: 'exists', field: 'edit.value.forest' });
    await expect(history.apply(save({ op: 'save', entity: 'ou', value: ou('a.com', 'OU=Away,DC=b,DC=com') }))).rejects.toMatchObject({
      field: 'edit.value.distinguishedName',
      message: 'This distinguished name is in domain b.com, not a.com.',
    });
    await expect(history.apply(save({ op: 'save', entity: 'agent', value: agent('b.com', 'agent9', { domain: 'x.a.com' }) }))).rejects.toMatchObject({
      field: 'edit.value.domain',
    });
    expect(history.state()).toEqual({ undo: null, redo: null });
  });

  it('renaming a tenant renames it on its forests and Connect servers; deleting one leaves them without', async () => {
    const { db, history } = await estate();
    await history.apply(save({ op: 'save', entity: 'tenant', value: { name: 'contoso.onmicrosoft.us', cloud: 'us-government', notes: '' }, previous: ['contoso.onmicrosoft.com'] }));
    let inventory = readInventory(db);
    expect(inventory.forests.find((f) => f.forest === 'a.com')?.tenant).toBe('contoso.onmicrosoft.us');
    expect(inventory.connectServers[0]?.tenant).toBe('contoso.onmicrosoft.us');
    expect(inventory.tenants).toEqual([
      { name: 'contoso.onmicrosoft.us', cloud: 'us-government', notes: '' },
      { name: 'fabrikam.onmicrosoft.com', cloud: null, notes: '' },
    ]);
    await history.apply({ op: 'delete', entity: 'tenant', key: ['fabrikam.onmicrosoft.com'] });
    inventory = readInventory(db);
    expect(inventory.forests.find((f) => f.forest === 'b.com')?.tenant).toBeNull();
    expect(inventory.tenants.map((t) => t.name)).toEqual(['contoso.onmicrosoft.us']);
  });

  it('a count typed in a form is kept apart from the imported one, which can be taken back', async () => {
    const { db, history } = await estate();
    const stored = readInventory(db).domains.find((d) => d.domain === 'a.com')!;
    // What the form sends as importedCounts is ignored: only the workshop knows what an import computed.
    await history.apply(save({ op: 'save', entity: 'domain', value: { ...stored, groups: 999, importedCounts: { users: 1 } }, previous: ['a.com'] }));
    let saved = readInventory(db).domains.find((d) => d.domain === 'a.com')!;
    expect(saved).toMatchObject({ groups: 999, users: 1_000, importedCounts: { groups: 200 } });
    await history.apply({ op: 'use-imported', entity: 'domain', key: 'a.com', counts: ['groups'] });
    saved = readInventory(db).domains.find((d) => d.domain === 'a.com')!;
    expect(saved).toMatchObject({ groups: 200, importedCounts: {} });
    expect(history.state().undo).toBe('Use the imported groups of domain a.com');
  });

  it('sets the Connect scope of picked OUs, or of every OU a filter shows', async () => {
    const { db, history } = await estate();
    const scope = () => Object.fromEntries(readInventory(db).ous.map((o) => [o.distinguishedName, o.inConnectScope]));
    await history.apply({ op: 'ou-scope', ous: { keys: ['ou=it,dc=a,dc=com'] }, inConnectScope: true });
    expect(scope()['OU=IT,DC=a,DC=com']).toBe(true);
    const outcome = await history.apply({ op: 'ou-scope', ous: { filter: { domain: 'a.com', text: '' } }, inConnectScope: false });
    expect(outcome.label).toBe('Set 2 OUs out of Connect scope');
    expect(scope()).toEqual({ 'OU=IT,DC=a,DC=com': false, 'OU=Sales,DC=a,DC=com': false, 'OU=Lab,DC=x,DC=a,DC=com': true, 'OU=Staff,DC=b,DC=com': true });
  });

  it('drops its steps when another program changed the workshop, rather than undo over its changes', async () => {
    const { db, history, path } = await estate();
    await history.apply(save({ op: 'save', entity: 'forest', value: forest('c.com') }));
    const other = new Database(path);
    other.prepare("UPDATE forests SET notes = 'changed elsewhere' WHERE forest = 'b.com'").run();
    other.close();
    await expect(history.undo()).rejects.toMatchObject({ code: 'history-cleared' });
    expect(history.state()).toEqual({ undo: null, redo: null });
    expect(readInventory(db).forests.map((f) => f.forest)).toContain('c.com');
  });
});

// ---- any sequence of edits, then as many undos ----

const FORESTS = ['a.com', 'b.com', 'c.com'];
const DOMAINS: [string, string][] = [
  ['a.com', 'a.com'],
  ['a.com', 'x.a.com'],
  ['b.com', 'b.com'],
  ['c.com', 'c.com'],
];
const OUS: [string, string][] = [
  ['a.com', 'OU=Sales,DC=a,DC=com'],
  ['a.com', 'OU=New,DC=a,DC=com'],
  ['x.a.com', 'OU=Lab,DC=x,DC=a,DC=com'],
  ['b.com', 'OU=Staff,DC=b,DC=com'],
];
const TENANTS = ['contoso.onmicrosoft.com', 'fabrikam.onmicrosoft.com', 'other.onmicrosoft.com'];
const count = fc.option(fc.nat({ max: 100_000 }));
const pick = <T,>(xs: readonly T[]) => fc.constantFrom(...xs);

const editArb: fc.Arbitrary<Edit> = fc.oneof(
  fc
    .record({ name: pick(FORESTS), previous: fc.option(pick(FORESTS)), tenant: fc.option(pick(TENANTS)), notes: fc.string({ maxLength: 8 }), phs: fc.option(fc.boolean()) })
    .map(({ name, previous, tenant, notes, phs }) =>
      save({ op: 'save', entity: 'forest', value: forest(name, { tenant, notes, features: { password_hash_sync: phs } }), ...(previous ? { previous: [previous] } : {}) }),
    ),
  fc.record({ name: pick(FORESTS) }).map(({ name }): Edit => ({ op: 'delete', entity: 'forest', key: [name] })),
  fc
    .record({ d: pick(DOMAINS), previous: fc.option(pick(DOMAINS.map((d) => d[1]))), users: count, groups: count })
    .map(({ d, previous, users, groups }) => save({ op: 'save', entity: 'domain', value: domain(d[0], d[1], { users, groups }), ...(previous ? { previous: [previous] } : {}) })),
  fc.record({ d: pick(DOMAINS) }).map(({ d }): Edit => ({ op: 'delete', entity: 'domain', key: [d[1]] })),
  fc
    .record({ o: pick(OUS), previous: fc.option(pick(OUS.map((o) => o[1]))), users: count, scope: fc.option(fc.boolean()) })
    .map(({ o, previous, users, scope }) => save({ op: 'save', entity: 'ou', value: ou(o[0], o[1], { users, inConnectScope: scope }), ...(previous ? { previous: [previous] } : {}) })),
  fc.record({ o: pick(OUS) }).map(({ o }): Edit => ({ op: 'delete', entity: 'ou', key: [o[1]] })),
  fc.record({ domain: fc.option(pick(DOMAINS.map((d) => d[1]))), scope: fc.option(fc.boolean()) }).map(({ domain: d, scope }): Edit => ({ op: 'ou-scope', ous: { filter: { domain: d, text: '' } }, inConnectScope: scope })),
  fc.record({ d: pick(DOMAINS), counts: fc.subarray(['users', 'groups'], { minLength: 1 }) }).map(({ d, counts }): Edit => ({ op: 'use-imported', entity: 'domain', key: d[1], counts })),
  fc
    .record({ name: pick(TENANTS), previous: fc.option(pick(TENANTS)), cloud: fc.option(pick(['global', 'us-government'] as const)) })
    .map(({ name, previous, cloud }) => save({ op: 'save', entity: 'tenant', value: { name, cloud, notes: '' }, ...(previous ? { previous: [previous] } : {}) })),
  fc.record({ name: pick(TENANTS) }).map(({ name }): Edit => ({ op: 'delete', entity: 'tenant', key: [name] })),
  fc
    .record({ source: pick(DOMAINS.map((d) => d[1])), target: pick(FORESTS), direction: fc.option(pick(['inbound', 'bidirectional'] as const)) })
    .map(({ source, target, direction }) => save({ op: 'save', entity: 'trust', value: { source, target, direction, trustType: 'Forest', forestTransitive: true } satisfies Trust })),
  fc.record({ forests: fc.subarray(FORESTS), previous: fc.option(fc.constant('sync1')) }).map(({ forests, previous }) =>
    save({ op: 'save', entity: 'connectServer', value: connectServer('sync1', forests), ...(previous ? { previous: [previous] } : {}) }),
  ),
  fc.record({ forestName: pick(FORESTS), host: pick(['agent1', 'agent2', 'agent3']), ram: fc.option(fc.double({ min: 0, max: 512, noNaN: true })) }).map(({ forestName, host, ram }) =>
    save({ op: 'save', entity: 'agent', value: agent(forestName, host, { ramGb: ram }) }),
  ),
  fc.record({ host: pick(['agent1', 'agent2', 'agent3']) }).map(({ host }): Edit => ({ op: 'delete', entity: 'agent', key: [host] })),
  fc.record({ forest: pick(FORESTS), other: pick(FORESTS), kind: pick(['merge', 'trust'] as const) }).map(({ forest: f, other, kind }) =>
    save({ op: 'save', entity: 'forestLink', value: { forest: f, otherForest: other, kind, direction: null, notes: '' } }),
  ),
);

describe('undo and redo', () => {
  it('any sequence of edits, then as many undos, restores the stored model exactly; as many redos bring the edits back', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(editArb, { minLength: 1, maxLength: 12 }), async (edits) => {
        const { db, history } = await estate();
        try {
          const before = dump(db);
          let applied = 0;
          for (const edit of edits) {
            try {
              const outcome = await history.apply(edit);
              if (outcome.history.undo !== null && outcome.label !== null) applied++;
            } catch (error) {
              // A refused edit changes nothing and is no step of the history.
              if (!(error instanceof Error) || error.name !== 'UserError') throw error;
            }
          }
          const after = dump(db);
          let steps = 0;
          while (history.state().undo !== null) {
            await history.undo();
            steps++;
          }
          expect(steps).toBeLessThanOrEqual(applied);
          expect(dump(db)).toEqual(before);
          while (history.state().redo !== null) await history.redo();
          expect(dump(db)).toEqual(after);
        } finally {
          closeWorkshop(db);
        }
      }),
      { numRuns: 60 },
    );
  });
});
