import { z } from 'zod';
import { dnKey } from '../model/distinguished-name.js';
import { Plan, PlannedForest, PlanPhase, PlanTask, type PlanEdits } from './plan-schema.js';

/**
 * What the Plan view is sent of the plan, in pieces the size of what it shows. At 200 forests the whole
 * plan is about 30 MB, nearly all of it runbooks, criteria and OU lists that a user reads one task or
 * one wave at a time: the outline leaves them out, and the view asks for them when they are opened.
 * `syncplan plan --json` and the report keep the whole plan.
 */

/** A task as the timeline shows it: everything but its criteria, rollback and runbook. */
export const TaskOutline = PlanTask.omit({ entryCriteria: true, exitCriteria: true, rollback: true, runbook: true });
export type TaskOutline = z.infer<typeof TaskOutline>;

/** A phase of one forest, with its tasks outlined and its OUs counted. */
export const PhaseOutline = PlanPhase.omit({ tasks: true, ous: true }).extend({
  tasks: z.array(TaskOutline),
  ouCount: z.number().int().nonnegative(),
  /** Wave phases: the keys of their OUs that the user put in a wave by hand (PlanEdits.waves). */
  movedByHand: z.array(z.string()),
});
export type PhaseOutline = z.infer<typeof PhaseOutline>;

export const ForestOutline = PlannedForest.extend({
  /** Phases planned for the forest: the room its rows take in the timeline before they are asked for. */
  phaseCount: z.number().int().nonnegative(),
  /** OUs of the forest's waves that the user put in a wave by hand. */
  movedByHand: z.number().int().nonnegative(),
});
export type ForestOutline = z.infer<typeof ForestOutline>;

/** The plan without its phases: dates, settings, every forest's line, the notes. */
export const PlanOutline = Plan.omit({ forests: true, phases: true, criticalPath: true }).extend({
  forests: z.array(ForestOutline),
  /** The whole estate's phases (a Connect server to upgrade): few, sent whole. */
  estate: z.array(PhaseOutline),
  /** Tasks on the critical path. */
  criticalTasks: z.number().int().nonnegative(),
});
export type PlanOutline = z.infer<typeof PlanOutline>;

const movedByHand = (phase: PlanPhase, edits: PlanEdits): string[] =>
  phase.kind === 'wave' ? phase.ous.map((o) => dnKey(o.distinguishedName)).filter((key) => edits.waves[key] !== undefined) : [];

export function phaseOutline(phase: PlanPhase, edits: PlanEdits): PhaseOutline {
  const { tasks, ous, ...rest } = phase;
  return {
    ...rest,
    tasks: tasks.map(({ entryCriteria: _entry, exitCriteria: _exit, rollback: _rollback, runbook: _runbook, ...task }) => task),
    ouCount: ous.length,
    movedByHand: movedByHand(phase, edits),
  };
}

export function planOutline(plan: Plan, edits: PlanEdits): PlanOutline {
  const phases = new Map<string, number>();
  const moved = new Map<string, number>();
  const estate: PhaseOutline[] = [];
  for (const phase of plan.phases) {
    if (phase.forest === null) {
      estate.push(phaseOutline(phase, edits));
      continue;
    }
    phases.set(phase.forest, (phases.get(phase.forest) ?? 0) + 1);
    moved.set(phase.forest, (moved.get(phase.forest) ?? 0) + movedByHand(phase, edits).length);
  }
  const { forests, phases: _phases, criticalPath, ...rest } = plan;
  return {
    ...rest,
    forests: forests.map((f) => ({ ...f, phaseCount: phases.get(f.forest) ?? 0, movedByHand: moved.get(f.forest) ?? 0 })),
    estate,
    criticalTasks: criticalPath.length,
  };
}
