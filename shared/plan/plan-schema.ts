import { z } from 'zod';
import { Verdict } from '../engine/decision-schema.js';

/**
 * The phased migration plan: planning settings stored in the workshop, and the planner's output
 * (docs/json-outputs.md, plan --json, extended with what the Plan view and the PDF report need). Fields beyond it are
 * additions, never renames.
 */

export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD')
  .refine((s) => {
    const date = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(s);
  }, 'not a date in the calendar');
export type IsoDate = z.infer<typeof IsoDate>;

export const PhaseKind = z.enum(['readiness', 'pilot', 'wave', 'cutover', 'validation', 'decommission', 'coexistence']);
export type PhaseKind = z.infer<typeof PhaseKind>;

/** Kinds of task whose duration the user can set, in the order of the work; each has a default in the planner. */
export const TaskKind = z.enum([
  'remediation',
  'connect-backup',
  'connect-upgrade',
  'agent-hosts',
  'gmsa',
  'network',
  'source-anchor',
  'hygiene',
  'pilot-rules',
  'pilot-configure',
  'pilot-verify',
  'wave',
  'cutover',
  'accidental-delete',
  'validation',
  'decommission',
  'authentication',
  'group-writeback',
  'guided-tool',
  'coexistence',
]);
export type TaskKind = z.infer<typeof TaskKind>;

export const FreezeWindow = z
  .object({
    start: IsoDate,
    end: IsoDate,
    reason: z.string().max(200).default(''),
  })
  .refine((w) => w.end >= w.start, { message: 'a freeze window ends on or after its start', path: ['end'] });
export type FreezeWindow = z.infer<typeof FreezeWindow>;

export const OwnerRole = z.enum(['identity-architect', 'ad-admin', 'entra-admin', 'network', 'server-team', 'service-desk', 'customer-sponsor']);
export type OwnerRole = z.infer<typeof OwnerRole>;

export const PlanSettings = z.object({
  /** Empty means "the next working day from today" for the app; the CLI takes --start. */
  start: IsoDate.nullable().default(null),
  /** ISO weekdays (1 = Monday ... 7 = Sunday) that are working days. */
  workingDays: z.array(z.number().int().min(1).max(7)).min(1).default([1, 2, 3, 4, 5]),
  holidays: z.array(IsoDate).default([]),
  freezeWindows: z.array(FreezeWindow).default([]),
  /** The largest wave, in objects (users + groups + contacts). */
  maxWaveObjects: z.number().int().positive().default(5_000),
  /** Forests worked on in parallel. */
  teamCapacity: z.number().int().positive().default(2),
  /** Working days Connect is kept (disabled or staging) after cutover before it is decommissioned. */
  validationDays: z.number().int().positive().default(10),
  /** Overrides of the default duration (working days) per task kind. */
  durations: z.partialRecord(TaskKind, z.number().int().min(0).max(250)).default({}),
});
export type PlanSettings = z.infer<typeof PlanSettings>;

export const Runbook = z.object({
  /** Always shown: "review before running". */
  heading: z.string(),
  language: z.literal('powershell'),
  script: z.string(),
});
export type Runbook = z.infer<typeof Runbook>;

export const PlanTask = z.object({
  id: z.string(),
  title: z.string(),
  kind: TaskKind,
  forest: z.string().nullable(),
  domain: z.string().nullable(),
  ownerRole: OwnerRole,
  /** Working days. */
  duration: z.number().int().nonnegative(),
  start: IsoDate,
  end: IsoDate,
  dependsOn: z.array(z.string()),
  entryCriteria: z.array(z.string()),
  exitCriteria: z.array(z.string()),
  rollback: z.string().nullable(),
  runbook: Runbook.nullable(),
  /** Decision-engine findings (rule ids) this task resolves. */
  findings: z.array(z.string()),
  critical: z.boolean(),
  /** The phase the task belongs to. */
  phase: z.string(),
  /** The user changed the duration of this task (PlanEdits.durations). */
  durationEdited: z.boolean().default(false),
});
export type PlanTask = z.infer<typeof PlanTask>;

export const WaveOu = z.object({
  distinguishedName: z.string(),
  domain: z.string(),
  objects: z.number().int().nonnegative(),
});
export type WaveOu = z.infer<typeof WaveOu>;

export const PlanPhase = z.object({
  id: z.string(),
  forest: z.string().nullable(),
  domain: z.string().nullable(),
  kind: PhaseKind,
  name: z.string(),
  start: IsoDate,
  end: IsoDate,
  tasks: z.array(PlanTask),
  /** Pilot and wave phases: the OUs they move. */
  ous: z.array(WaveOu),
  /** The domains the phase concerns (every moving domain when the forest moves whole). */
  domains: z.array(z.string()).default([]),
  /** Wave phases: 1-based number within the forest; null for other phases. */
  wave: z.number().int().positive().nullable().default(null),
  /** Objects (users, groups, contacts) the pilot or wave moves, as far as the inventory counts them. */
  objects: z.number().int().nonnegative().default(0),
});
export type PlanPhase = z.infer<typeof PlanPhase>;

/**
 * migrate: the manual pilot with no-flow rules, then waves (PILOT); migrate-guided: Microsoft's guided
 * tool (TOOL); coexist: the part that can move moves, the rest stays on Connect; stay-on-connect: a
 * coexistence track only; onboard: nothing syncs the forest today, so Cloud Sync is set up fresh (no
 * Connect to cut over from); not-planned: insufficient data, or already on Cloud Sync.
 */
export const PlanTrack = z.enum(['migrate', 'migrate-guided', 'coexist', 'stay-on-connect', 'onboard', 'not-planned']);
export type PlanTrack = z.infer<typeof PlanTrack>;

export const PlannedForest = z.object({
  forest: z.string(),
  verdict: Verdict,
  /** 1 = moved first (least risk). */
  order: z.number().int().positive(),
  /** What the plan does with the forest. */
  track: PlanTrack,
  reason: z.string(),
  start: IsoDate.nullable(),
  end: IsoDate.nullable(),
  /** Domains that move to Cloud Sync, and what stays on Connect Sync (domains, or parts such as "devices"). */
  movingDomains: z.array(z.string()).default([]),
  stayingDomains: z.array(z.string()).default([]),
  partsOnConnect: z.array(z.string()).default([]),
  /** Wave phases planned for the forest. */
  waves: z.number().int().nonnegative().default(0),
});
export type PlannedForest = z.infer<typeof PlannedForest>;

export const Plan = z.object({
  start: IsoDate,
  end: IsoDate,
  settings: PlanSettings,
  forests: z.array(PlannedForest),
  phases: z.array(PlanPhase),
  /** Task ids on the critical path, in order. */
  criticalPath: z.array(z.string()),
  /** Plain sentences: what the plan could not do or assumed (e.g. a forest left out for insufficient data). */
  notes: z.array(z.string()),
});
export type Plan = z.infer<typeof Plan>;

/**
 * What the user changed on the computed plan, stored in the workshop beside the settings. Keys are
 * stable: task ids, and OU keys (`dnKey` of the distinguished name).
 */
export const PlanEdits = z.object({
  /** Working days, by task id. Overrides the settings' duration for the task's kind. */
  durations: z.record(z.string().max(600), z.number().int().min(0).max(250)).default({}),
  /** Wave number (1-based, within the OU's forest), by OU key. A number past the last wave adds a wave. */
  waves: z.record(z.string().max(2_000), z.number().int().min(1).max(500)).default({}),
});
export type PlanEdits = z.infer<typeof PlanEdits>;

export const emptyPlanEdits = (): PlanEdits => ({ durations: {}, waves: {} });
export const defaultPlanSettings = (): PlanSettings => PlanSettings.parse({});
