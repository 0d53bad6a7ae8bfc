import { describe, expect, it } from 'vitest';
import { estateModel } from '../../shared/model/inventory.js';
import { generateLargeEstate } from '../../shared/engine/test-support/large-estate.js';
import { estateOutline, forestSummaries, readEstateModel, readInventory } from './inventory-repo.js';
import { saveInventory } from './test-support/save-inventory.js';
import { tempWorkshop } from '../import/test-support/workshop.js';
import { closeWorkshop } from './workshop-db.js';

describe('what the views read, summed by SQLite', () => {
  it('counts OUs per domain instead of sending them, and keeps every other entity as stored', async () => {
    const { db } = await tempWorkshop();
    saveInventory(db, generateLargeEstate({ forests: 6, domainsPerForest: 3, ousPerDomain: 4 }));
    const model = readEstateModel(db);
    expect(model).not.toHaveProperty('ous');
    expect(model).toEqual(estateModel(readInventory(db)));
    expect(Object.values(model.ouCounts).reduce((a, b) => a + b, 0)).toBe(readInventory(db).ous.length);
    closeWorkshop(db);
  });

  it('sums domains, users and OUs per forest; users are unknown as soon as one domain does not know them', async () => {
    const { db } = await tempWorkshop();
    const estate = generateLargeEstate({ forests: 3, domainsPerForest: 2, ousPerDomain: 5 });
    const [first, second] = estate.forests.map((f) => f.forest);
    const domains = estate.domains.map((d) => (d.forest === first ? { ...d, users: 10 } : d.forest === second ? { ...d, users: null } : d));
    saveInventory(db, { ...estate, domains, forests: [...estate.forests, { ...estate.forests[0]!, forest: 'empty.example.com' }] });
    const summaries = new Map(forestSummaries(db).map((s) => [s.forest.forest, s]));
    expect(summaries.get(first!)).toMatchObject({ domains: 2, users: 20, ous: 10 });
    expect(summaries.get(second!)).toMatchObject({ domains: 2, users: null, ous: 10 });
    expect(summaries.get('empty.example.com')).toMatchObject({ domains: 0, users: null, ous: 0 });
    expect(summaries.get(first!)?.forest).toEqual(estate.forests[0]);
    closeWorkshop(db);
  });

  it("counts every section of the Estate view as the model holds it, and names every tenant, those only named by a forest too", async () => {
    const { db } = await tempWorkshop();
    const estate = generateLargeEstate({ forests: 4, domainsPerForest: 3, ousPerDomain: 5 });
    saveInventory(db, { ...estate, forests: estate.forests.map((f, i) => (i === 0 ? { ...f, tenant: 'only-named.onmicrosoft.com' } : f)) });
    const model = readEstateModel(db);
    const outline = estateOutline(db);
    expect(outline.counts).toEqual({
      tenants: model.tenants.length,
      forests: model.forests.length,
      domains: model.domains.length,
      ous: readInventory(db).ous.length,
      trusts: model.trusts.length,
      forestLinks: model.forestLinks.length,
      connectServers: model.connectServers.length,
      agents: model.agents.length,
    });
    expect(outline.counts.ous).toBe(60);
    expect(outline.tenants).toEqual(model.tenants);
    expect(outline.tenants.map((t) => t.name)).toContain('only-named.onmicrosoft.com');
    closeWorkshop(db);
  });
});
