import type { HandlerTable } from '../handler-types.js';
import type { planContract } from '../../../shared/ipc/contracts/plan.js';
import { savePlanInputs } from '../../store/plan-repo.js';
import { workshopPlan } from '../../plan/workshop-plan.js';

export const planHandlers: HandlerTable<keyof typeof planContract> = {
  'plan.get': ({ today }, { session }) => workshopPlan(session.db(), { today }),
  'plan.save': ({ today, settings, edits }, { session }) => {
    const db = session.db();
    // Build first: settings that cannot give a plan are refused before anything is stored.
    const view = workshopPlan(db, { today, settings, edits });
    savePlanInputs(db, settings, edits);
    return view;
  },
};
