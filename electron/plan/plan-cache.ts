import type { IsoDate, PlanPhase, PlanTask } from '../../shared/plan/plan-schema.js';
import type { Db } from '../store/workshop-db.js';
import { workshopPlan, type WorkshopPlan } from './workshop-plan.js';

/** The built plan with what the Plan view looks up in it. */
export interface KeptPlan extends WorkshopPlan {
  phasesByForest: ReadonlyMap<string, readonly PlanPhase[]>;
  phases: ReadonlyMap<string, PlanPhase>;
  tasks: ReadonlyMap<string, PlanTask>;
}

interface Entry {
  today: IsoDate;
  version: string;
  kept: KeptPlan;
}

/** One plan per open workshop (a closed or reopened workshop is another Db, and its entry goes with it). */
const kept = new WeakMap<Db, Entry>();

/**
 * What the workshop holds, as a version: `total_changes()` counts every row this connection has
 * written (the app's edits, imports, undo, plan changes), `data_version` moves when another connection
 * (the command line, another window) commits. Neither moves on reads.
 */
function version(db: Db): string {
  const own = db.prepare('SELECT total_changes()').pluck().get() as number;
  return `${String(db.pragma('data_version', { simple: true }))}:${own}`;
}

/**
 * Keeps a plan built from what the workshop holds now: plan.save's, right after storing what it was
 * built from and before anything else can write, so that the requests after a plan change find it.
 */
export function keepPlan(db: Db, today: IsoDate, view: WorkshopPlan): KeptPlan {
  const phasesByForest = new Map<string, PlanPhase[]>();
  for (const phase of view.plan.phases) {
    const forest = phase.forest ?? '';
    const list = phasesByForest.get(forest);
    if (list) list.push(phase);
    else phasesByForest.set(forest, [phase]);
  }
  const plan: KeptPlan = {
    ...view,
    phasesByForest,
    phases: new Map(view.plan.phases.map((p) => [p.id, p])),
    tasks: new Map(view.plan.phases.flatMap((p) => p.tasks.map((t) => [t.id, t] as const))),
  };
  kept.set(db, { today, version: version(db), kept: plan });
  return plan;
}

/**
 * The workshop's plan (stored settings and edits), built once per change of the workshop rather than
 * once per request: the Plan view asks for it in pieces, and building it takes about a second at 200
 * forests.
 */
export function keptPlan(db: Db, today: IsoDate): KeptPlan {
  const entry = kept.get(db);
  if (entry && entry.today === today && entry.version === version(db)) return entry.kept;
  return keepPlan(db, today, workshopPlan(db, { today }));
}

