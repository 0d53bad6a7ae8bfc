import { basename } from 'node:path';
import type { HandlerTable } from '../handler-types.js';
import type { planContract, PlanView } from '../../../shared/ipc/contracts/plan.js';
import { getPlanEdits, getPlanSettings, savePlanInputs } from '../../store/plan-repo.js';
import { planChangeLabel } from '../../../shared/plan/change-label.js';
import { phaseOutline, planOutline } from '../../../shared/plan/plan-outline.js';
import { keepPlan, keptPlan } from '../../plan/plan-cache.js';
import { workshopPlan, type WorkshopPlan } from '../../plan/workshop-plan.js';
import { writeFileAtomic } from '../../files/write-file-atomic.js';
import { tasksCsv } from '../../../shared/plan/tasks-csv.js';

const view = ({ plan, edits }: WorkshopPlan): PlanView => ({ plan: planOutline(plan, edits), edits });

export const planHandlers: HandlerTable<keyof typeof planContract> = {
  'plan.get': ({ today }, { session }) => view(keptPlan(session.db(), today)),
  'plan.forest': ({ today, forest }, { session }) => {
    const kept = keptPlan(session.db(), today);
    return { phases: (kept.phasesByForest.get(forest) ?? []).map((p) => phaseOutline(p, kept.edits)) };
  },
  'plan.task': ({ today, task: id }, { session }) => {
    const kept = keptPlan(session.db(), today);
    const task = kept.tasks.get(id);
    if (!task) return null;
    return {
      task,
      phase: kept.phases.get(task.phase)?.name ?? task.phase,
      after: task.dependsOn.map((d) => ({ id: d, title: kept.tasks.get(d)?.title ?? d })),
    };
  },
  'plan.wave': ({ today, phase: id }, { session }) => {
    const phase = keptPlan(session.db(), today).phases.get(id);
    return phase ? { ous: phase.ous } : null;
  },
  /** Plan changes are model edits like any other: one undo history covers both. */
  'plan.save': async ({ today, settings, edits }, { session }) => {
    const db = session.db();
    let built: WorkshopPlan | undefined;
    await session.history().record(() => {
      const label = planChangeLabel({ settings: getPlanSettings(db), edits: getPlanEdits(db) }, { settings, edits });
      // Built inside the write, before storing: settings that cannot give a plan store nothing, and the
      // plan is the one the workshop holds once written (no other write comes in between).
      built = workshopPlan(db, { today, settings, edits });
      savePlanInputs(db, settings, edits);
      return label;
    });
    return view(keepPlan(db, today, built as WorkshopPlan));
  },
  'plan.exportTasksCsv': async ({ today }, { session }) => {
    const { plan } = keptPlan(session.db(), today);
    const name = `${basename(session.info?.path ?? 'workshop.syncplan', '.syncplan')} - plan tasks.csv`;
    const path = await session.platform.dialogs.exportPath(name, { name: 'CSV (comma separated)', extensions: ['csv'] });
    if (!path) return null;
    writeFileAtomic(path, new TextEncoder().encode(tasksCsv(plan)));
    return { path };
  },
};
