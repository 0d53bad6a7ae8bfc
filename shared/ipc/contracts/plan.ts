import { z } from 'zod';
import { channel } from '../define.js';
import { IsoDate, Plan, PlanEdits, PlanSettings } from '../../plan/plan-schema.js';

/** The plan with the edits it was built from, so the Plan view can show and undo them. */
export const PlanView = z.object({ plan: Plan, edits: PlanEdits });
export type PlanView = z.infer<typeof PlanView>;

export const planContract = {
  /** `today`: the user's local date, the start when the settings have none. */
  'plan.get': channel(z.object({ today: IsoDate }).strict(), PlanView),
  /** Stores the settings and edits (replacing both) and returns the plan they give. */
  'plan.save': channel(z.object({ today: IsoDate, settings: PlanSettings, edits: PlanEdits }).strict(), PlanView),
  /** Asks where to save, writes the tasks as CSV; null when the user cancels. */
  'plan.exportTasksCsv': channel(z.object({ today: IsoDate }).strict(), z.object({ path: z.string() }).nullable()),
};
