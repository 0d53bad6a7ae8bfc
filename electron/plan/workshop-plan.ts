import { decide } from '../../shared/engine/decide.js';
import { buildPlan } from '../../shared/plan/build-plan.js';
import type { IsoDate, Plan, PlanEdits, PlanSettings } from '../../shared/plan/plan-schema.js';
import { UserError } from '../../shared/result.js';
import { getAssumptions } from '../store/assumptions-repo.js';
import { readInventory } from '../store/inventory-repo.js';
import { getPlanEdits, getPlanSettings } from '../store/plan-repo.js';
import type { Db } from '../store/workshop-db.js';

export interface WorkshopPlan {
  plan: Plan;
  edits: PlanEdits;
}

/**
 * The workshop's plan from its stored inventory, assumptions, planning settings and edits: what the
 * Plan view, `syncplan plan` and the report all show. `start` overrides the stored start date.
 */
export function workshopPlan(db: Db, options: { today: IsoDate; start?: IsoDate; settings?: PlanSettings; edits?: PlanEdits }): WorkshopPlan {
  const inventory = readInventory(db);
  const stored = options.settings ?? getPlanSettings(db);
  const settings = options.start ? { ...stored, start: options.start } : stored;
  const edits = options.edits ?? getPlanEdits(db);
  try {
    return { plan: buildPlan({ inventory, decisions: decide(inventory, getAssumptions(db)), settings, edits, today: options.today }), edits };
  } catch (error) {
    if (error instanceof RangeError) throw new UserError('plan-too-long', error.message);
    throw error;
  }
}
