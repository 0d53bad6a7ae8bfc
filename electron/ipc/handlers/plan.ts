import { basename } from 'node:path';
import type { HandlerTable } from '../handler-types.js';
import type { planContract } from '../../../shared/ipc/contracts/plan.js';
import { getPlanEdits, getPlanSettings, savePlanInputs } from '../../store/plan-repo.js';
import { planChangeLabel } from '../../../shared/plan/change-label.js';
import { workshopPlan } from '../../plan/workshop-plan.js';
import { writeFileAtomic } from '../../plan/write-atomic.js';
import { tasksCsv } from '../../../shared/plan/tasks-csv.js';

export const planHandlers: HandlerTable<keyof typeof planContract> = {
  'plan.get': ({ today }, { session }) => workshopPlan(session.db(), { today }),
  /** Plan changes are model edits like any other: one undo history covers both. */
  'plan.save': async ({ today, settings, edits }, { session }) => {
    const db = session.db();
    // Build first: settings that cannot give a plan are refused before anything is stored.
    const view = workshopPlan(db, { today, settings, edits });
    const label = planChangeLabel({ settings: getPlanSettings(db), edits: getPlanEdits(db) }, { settings, edits });
    await session.history().record(() => {
      savePlanInputs(db, settings, edits);
      return label;
    });
    return view;
  },
  'plan.exportTasksCsv': async ({ today }, { session }) => {
    const { plan } = workshopPlan(session.db(), { today });
    const name = `${basename(session.info?.path ?? 'workshop.syncplan', '.syncplan')} - plan tasks.csv`;
    const path = await session.platform.dialogs.exportPath(name, { name: 'CSV (comma separated)', extensions: ['csv'] });
    if (!path) return null;
    writeFileAtomic(path, tasksCsv(plan));
    return { path };
  },
};
