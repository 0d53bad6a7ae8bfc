import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { generateLargeEstate } from '../../shared/engine/test-support/large-estate.js';
import { defaultPlanSettings, emptyPlanEdits } from '../../shared/plan/plan-schema.js';
import { testWorkshop } from '../import/test-support/workshop.js';
import { getAssumptions, setAssumptions } from '../store/assumptions-repo.js';
import { readInventory } from '../store/inventory-repo.js';
import { getPlanSettings, savePlanInputs } from '../store/plan-repo.js';
import { saveInventory } from '../store/test-support/save-inventory.js';
import { keepPlan, keptPlan } from './plan-cache.js';
import { workshopPlan } from './workshop-plan.js';

const TODAY = '2027-01-04';
async function workshop() {
  const made = await testWorkshop();
  saveInventory(made.db, generateLargeEstate({ forests: 6, domainsPerForest: 2, ousPerDomain: 6 }));
  return made;
}

describe('the plan main keeps per open workshop', () => {
  it('is built once and served until the workshop changes; reads change nothing', async () => {
    const { db } = await workshop();
    const first = keptPlan(db, TODAY);
    readInventory(db);
    getPlanSettings(db);
    getAssumptions(db);
    expect(keptPlan(db, TODAY)).toBe(first);
    expect(first.plan).toEqual(workshopPlan(db, { today: TODAY }).plan);
    // Another day is another plan when the settings have no start date.
    expect(keptPlan(db, '2027-02-01').plan.start).toBe('2027-02-01');
  });

  it('is built again after this connection writes the plan settings, the model or the assumptions', async () => {
    const { db } = await workshop();
    const before = keptPlan(db, TODAY);
    savePlanInputs(db, { ...defaultPlanSettings(), start: '2027-03-01' }, emptyPlanEdits());
    const moved = keptPlan(db, TODAY);
    expect(moved).not.toBe(before);
    expect(moved.plan.start).toBe('2027-03-01');

    const forest = moved.plan.forests[0]?.forest as string;
    db.prepare('DELETE FROM forests WHERE forest = ?').run(forest);
    const fewer = keptPlan(db, TODAY);
    expect(fewer.plan.forests.map((f) => f.forest)).not.toContain(forest);

    setAssumptions(db, { ...getAssumptions(db), movePtaOrFederationToPhs: true });
    expect(keptPlan(db, TODAY)).not.toBe(fewer);
    expect(keptPlan(db, TODAY).plan).toEqual(workshopPlan(db, { today: TODAY }).plan);
  });

  it('is built again after another program writes to the workshop', async () => {
    const { db, path } = await workshop();
    const before = keptPlan(db, TODAY);
    const other = new Database(path);
    other.prepare('INSERT INTO plan_settings (id, settings) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET settings = excluded.settings').run(JSON.stringify({ ...defaultPlanSettings(), start: '2027-05-03' }));
    other.close();
    const after = keptPlan(db, TODAY);
    expect(after).not.toBe(before);
    expect(after.plan.start).toBe('2027-05-03');
  });

  it('serves a plan kept after a write without building it again, and looks its tasks and phases up', async () => {
    const { db } = await workshop();
    const settings = { ...defaultPlanSettings(), start: '2027-06-01' };
    savePlanInputs(db, settings, emptyPlanEdits());
    const kept = keepPlan(db, TODAY, workshopPlan(db, { today: TODAY }));
    expect(keptPlan(db, TODAY)).toBe(kept);
    for (const phase of kept.plan.phases) {
      expect(kept.phases.get(phase.id)).toBe(phase);
      expect(kept.phasesByForest.get(phase.forest ?? '')).toContain(phase);
      for (const task of phase.tasks) expect(kept.tasks.get(task.id)).toBe(task);
    }
  });
});
