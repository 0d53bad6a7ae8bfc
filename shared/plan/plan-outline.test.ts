import { describe, expect, it } from 'vitest';
import { decide } from '../engine/decide.js';
import { estate } from '../engine/test-support/estate-builder.js';
import { defaultAssumptions } from '../model/assumptions.js';
import { buildPlan } from './build-plan.js';
import { planOutline } from './plan-outline.js';
import { defaultPlanSettings, emptyPlanEdits } from './plan-schema.js';

describe("the Plan view's outline", () => {
  it("sends the whole estate's phases whole (outlined), and counts only a forest's own phases", () => {
    const built = estate()
      .healthyForest('contoso.com', {}, { users: 900, groups: 50, contacts: 0, computers: 0 })
      .ou('contoso.com', 'OU=Staff,DC=contoso,DC=com', { users: 900, groups: 50, contacts: 0, computers: 0 })
      .build();
    const inventory = { ...built, connectServers: built.connectServers.map((s) => ({ ...s, version: '2.4.27.0' })) };
    const plan = buildPlan({ inventory, decisions: decide(inventory, defaultAssumptions()), settings: defaultPlanSettings(), edits: emptyPlanEdits(), today: '2027-01-04' });
    const outline = planOutline(plan, emptyPlanEdits());

    const estatePhases = plan.phases.filter((p) => p.forest === null);
    expect(estatePhases).toHaveLength(1);
    expect(outline.estate.map((p) => p.id)).toEqual(['estate/readiness']);
    expect(outline.estate[0]?.tasks.map((t) => t.id)).toEqual(estatePhases[0]?.tasks.map((t) => t.id));
    expect(outline.estate[0]?.tasks[0]).not.toHaveProperty('entryCriteria');
    expect(outline.forests.find((f) => f.forest === 'contoso.com')?.phaseCount).toBe(plan.phases.filter((p) => p.forest === 'contoso.com').length);
  });
});
