import { z } from 'zod';
import { channel } from '../define.js';
import { IsoDate, PlanEdits, PlanSettings, PlanTask, WaveOu } from '../../plan/plan-schema.js';
import { PhaseOutline, PlanOutline } from '../../plan/plan-outline.js';

/** The plan's outline with the edits it was built from, so the Plan view can show and undo them. */
export const PlanView = z.object({ plan: PlanOutline, edits: PlanEdits });
export type PlanView = z.infer<typeof PlanView>;

/** A task as the full plan has it, with the names the detail shows beside it. */
export const TaskDetails = z.object({
  task: PlanTask,
  /** The name of the task's phase. */
  phase: z.string(),
  /** The tasks it waits for, in `dependsOn` order. */
  after: z.array(z.object({ id: z.string(), title: z.string() })),
});
export type TaskDetails = z.infer<typeof TaskDetails>;

/**
 * Every channel takes `today`, the user's local date: the start when the settings have none. The pieces
 * of one plan (plan.forest, plan.task, plan.wave) come from the plan main built for plan.get, which it
 * keeps until the workshop changes.
 */
const today = { today: IsoDate };

export const planContract = {
  'plan.get': channel(z.object(today).strict(), PlanView),
  /** One forest's phases, with their tasks outlined; none for a forest the plan does not hold. */
  'plan.forest': channel(z.object({ ...today, forest: z.string().max(300) }).strict(), z.object({ phases: z.array(PhaseOutline) })),
  /** One task in full (criteria, rollback, runbook); null when the plan no longer has it. */
  'plan.task': channel(z.object({ ...today, task: z.string().max(600) }).strict(), TaskDetails.nullable()),
  /** The OUs a pilot or wave phase moves; null when the plan no longer has the phase. */
  'plan.wave': channel(z.object({ ...today, phase: z.string().max(600) }).strict(), z.object({ ous: z.array(WaveOu) }).nullable()),
  /** Stores the settings and edits (replacing both) and returns the plan they give. */
  'plan.save': channel(z.object({ ...today, settings: PlanSettings, edits: PlanEdits }).strict(), PlanView),
  /** Asks where to save, writes the tasks as CSV; null when the user cancels. */
  'plan.exportTasksCsv': channel(z.object(today).strict(), z.object({ path: z.string() }).nullable()),
};
