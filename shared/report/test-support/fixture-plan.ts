import type { DecisionResult, Verdict } from '../../engine/decision-schema.js';
import type { Inventory } from '../../model/inventory.js';
import { PlanSettings, type Plan, type PlanPhase, type PlanTask, type PhaseKind, type PlannedForest, type WaveOu } from '../../plan/plan-schema.js';

/**
 * A hand-made plan shaped like the planner's (interfaces §5), for the report's tests: phases in the
 * order the issue asks for, Monday-to-Friday dates, a runbook on the pilot, the inventory's OUs in the
 * pilot and the waves. It is no planner: it schedules forests one after another on two lanes.
 */

const RISK_ORDER: Verdict[] = ['migrate-now', 'migrate-after-remediation', 'coexist', 'stay-on-connect', 'insufficient-data'];

const addWorkingDays = (iso: string, days: number): string => {
  const date = new Date(`${iso}T00:00:00Z`);
  let left = days;
  while (left > 0) {
    date.setUTCDate(date.getUTCDate() + 1);
    const day = date.getUTCDay();
    if (day !== 0 && day !== 6) left--;
  }
  return date.toISOString().slice(0, 10);
};

function task(id: string, forest: string, kind: PlanTask['kind'], title: string, start: string, duration: number, dependsOn: string[], extra: Partial<PlanTask> = {}): PlanTask {
  return {
    id,
    title,
    kind,
    forest,
    domain: null,
    ownerRole: 'identity-architect',
    duration,
    start,
    end: addWorkingDays(start, Math.max(0, duration - 1)),
    dependsOn,
    entryCriteria: [`${title}: the previous step is signed off`],
    exitCriteria: [`${title}: done and checked`],
    rollback: `Undo "${title}" as described in the runbook.`,
    runbook: null,
    findings: [],
    critical: false,
    ...extra,
  };
}

export function fixturePlan(inventory: Inventory, decisions: DecisionResult, start = '2027-01-04'): Plan {
  const ranked = [...decisions.forests].sort((a, b) => RISK_ORDER.indexOf(a.verdict) - RISK_ORDER.indexOf(b.verdict) || a.forest.localeCompare(b.forest));
  const lanes = [start, start];
  const phases: PlanPhase[] = [];
  const forests: PlannedForest[] = [];
  let previous: string[] = [];

  ranked.forEach((decision, index) => {
    const forest = decision.forest;
    const domains = new Set(inventory.domains.filter((d) => d.forest === forest).map((d) => d.domain));
    const ous: WaveOu[] = inventory.ous
      .filter((o) => domains.has(o.domain))
      .map((o) => ({ distinguishedName: o.distinguishedName, domain: o.domain, objects: (o.users ?? 0) + (o.groups ?? 0) + (o.contacts ?? 0) }));
    const track: PlannedForest['track'] =
      decision.verdict === 'coexist' ? 'coexist'
      : decision.verdict === 'stay-on-connect' ? 'stay-on-connect'
      : decision.verdict === 'insufficient-data' ? 'not-planned'
      : 'migrate';
    if (track === 'not-planned') {
      forests.push({ forest, verdict: decision.verdict, order: index + 1, track, reason: decision.reason, start: null, end: null });
      return;
    }
    const lane = index % 2;
    let cursor = lanes[lane] ?? start;
    const forestStart = cursor;
    const addPhase = (kind: PhaseKind, name: string, tasks: [PlanTask['kind'], string, number, Partial<PlanTask>?][], phaseOus: WaveOu[] = []) => {
      const id = `${forest}:${kind}:${phases.length}`;
      const built: PlanTask[] = [];
      let deps = previous;
      for (const [i, [kindOfTask, title, duration, extra]] of tasks.entries()) {
        const t = task(`${id}:${i + 1}`, forest, kindOfTask, title, cursor, duration, deps, extra);
        built.push(t);
        deps = [t.id];
        cursor = addWorkingDays(t.end, 1);
      }
      previous = deps;
      const first = built[0];
      const last = built[built.length - 1];
      if (!first || !last) return;
      phases.push({ id, forest, domain: null, kind, name, start: first.start, end: last.end, tasks: built, ous: phaseOus });
    };

    previous = [];
    if (track !== 'stay-on-connect') {
      const remediation = decision.findings.filter((f) => f.severity === 'remediation');
      addPhase('readiness', 'Readiness', [
        ['connect-backup', 'Back up the Connect configuration', 1, { ownerRole: 'server-team' }],
        ...remediation.map((f): [PlanTask['kind'], string, number, Partial<PlanTask>] => ['remediation', `Fix: ${f.message}`, 2, { findings: [f.rule], ownerRole: 'ad-admin' }]),
      ]);
      const [pilotOu, ...waveOus] = ous;
      const pilotOus = pilotOu ? [pilotOu] : [];
      addPhase(
        'pilot',
        'Pilot',
        [
          ['pilot-rules', 'Stop the scheduler and add the no-flow rules', 1, {
            ownerRole: 'entra-admin',
            runbook: {
              heading: 'Review before running',
              language: 'powershell',
              script: ['Stop-ADSyncSyncCycle', 'Set-ADSyncScheduler -SyncCycleEnabled $false', ...pilotOus.map((o) => `# scope: ${o.distinguishedName}`)].join('\n'),
            },
          }],
          ['pilot-verify', 'Provision on demand and compare counts', 2, { ownerRole: 'entra-admin' }],
        ],
        pilotOus,
      );
      waveOus.forEach((ou, w) => addPhase('wave', `Wave ${w + 1}`, [['wave', `Move ${ou.distinguishedName}`, 3, { ownerRole: 'entra-admin' }]], [ou]));
      addPhase('cutover', 'Cutover', [['cutover', 'Disable Connect for the moved scope', 1, { rollback: 'Re-enable the Connect scheduler for the scope.' }]]);
      addPhase('validation', 'Validation', [['validation', 'Validate object counts and sign-ins', 10]]);
      if (track === 'coexist') addPhase('coexistence', 'Coexistence on Connect', [['coexistence', 'Keep Connect for what stays', 1]]);
      else addPhase('decommission', 'Decommission', [['decommission', 'Uninstall Connect', 1, { ownerRole: 'server-team' }]]);
    } else {
      addPhase('coexistence', 'Stays on Connect Sync', [['coexistence', 'Keep Connect Sync supported and patched', 1]]);
    }
    lanes[lane] = cursor;
    const mine = phases.filter((p) => p.forest === forest);
    forests.push({
      forest,
      verdict: decision.verdict,
      order: index + 1,
      track,
      reason: decision.reason,
      start: forestStart,
      end: mine[mine.length - 1]?.end ?? forestStart,
    });
  });

  const end = phases.reduce((latest, p) => (p.end > latest ? p.end : latest), start);
  const lastForest = forests.find((f) => f.end === end);
  const criticalPath = phases.filter((p) => p.forest === lastForest?.forest).flatMap((p) => p.tasks.map((t) => t.id));
  const critical = new Set(criticalPath);
  for (const phase of phases) for (const t of phase.tasks) t.critical = critical.has(t.id);
  return {
    start,
    end,
    settings: PlanSettings.parse({ start }),
    forests,
    phases,
    criticalPath,
    notes: forests.filter((f) => f.track === 'not-planned').map((f) => `${f.forest} is left out of the plan until its inventory is complete.`),
  };
}
