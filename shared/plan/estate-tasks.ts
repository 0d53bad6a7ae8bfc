import type { Finding } from '../engine/decision-schema.js';
import { draftTask, findingTitle, idPart, type DraftPhase } from './forest-tasks.js';
import type { PlanEdits, PlanSettings } from './plan-schema.js';
import { FINDING_KIND } from './task-text.js';

export interface EstateTasks {
  /** The whole estate's phase, or null when the estate needs nothing of its own. */
  phase: DraftPhase | null;
  /** Connect servers (lower-cased) that must be upgraded now, and the task that does it. */
  upgrades: ReadonlyMap<string, string>;
}

export const ESTATE_PHASE_ID = 'estate/readiness';

/**
 * The estate findings that ask for work (a Connect server to upgrade, now when it no longer syncs, or on
 * the retirement policy when it stays), one task each, in a phase of their own that belongs to no forest.
 * They start on the plan's first day whatever the verdicts: a server below the mandatory version is not
 * syncing today, even for forests the plan cannot schedule yet. The readiness of the forests it serves waits for it.
 */
export function estateTasks(findings: readonly Finding[], planning: { settings: PlanSettings; edits: PlanEdits }): EstateTasks {
  const work = findings.filter((f) => f.effect === 'needs-remediation');
  if (work.length === 0) return { phase: null, upgrades: new Map() };
  const phase: DraftPhase = {
    id: ESTATE_PHASE_ID,
    forest: null,
    domain: null,
    kind: 'readiness',
    name: 'Readiness',
    ous: [],
    domains: [],
    wave: null,
    objects: 0,
    tasks: [],
  };
  const upgrades = new Map<string, string>();
  for (const f of work) {
    const task = draftTask(phase, `${f.rule}-${idPart(f.subject ?? String(phase.tasks.length + 1))}`, FINDING_KIND[f.rule] ?? 'remediation', findingTitle(f), [], {
      findings: [f.rule],
      entry: [`Finding: ${f.message}`],
      exit: [`Done: ${f.remediation}`],
    }, planning);
    phase.tasks.push(task);
    if (f.severity === 'blocker' && typeof f.evidence.server === 'string') upgrades.set(f.evidence.server.toLowerCase(), task.id);
  }
  return { phase, upgrades };
}
