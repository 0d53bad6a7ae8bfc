import type { DecisionResult } from '../engine/decision-schema.js';
import { group } from '../engine/estate-index.js';
import { count, list } from '../engine/format.js';
import type { Domain, Inventory, Ou } from '../model/inventory.js';
import { spanOf, WorkingCalendar } from './calendar.js';
import { estateTasks } from './estate-tasks.js';
import { forestTasks, type DraftPhase } from './forest-tasks.js';
import { forestTrack, type ForestTrack } from './forest-track.js';
import type { IsoDate, Plan, PlanEdits, PlannedForest, PlanPhase, PlanSettings, PlanTrack } from './plan-schema.js';
import { schedule } from './schedule.js';
import { groupWaves } from './waves.js';

export interface PlanInput {
  inventory: Inventory;
  decisions: DecisionResult;
  settings: PlanSettings;
  edits: PlanEdits;
  /** The start when the settings have none (the app passes today; `syncplan plan` its --start or today). */
  today: IsoDate;
}

/** Least risk first: the guided tool's short path, then fresh set-ups, clean moves, remediation, partial moves. */
const TRACK_RANK: Record<PlanTrack, number> = {
  'migrate-guided': 0,
  onboard: 1,
  migrate: 2,
  coexist: 4,
  'stay-on-connect': 5,
  'not-planned': 6,
};

const CUSTOM_PRECEDENCE_LIMIT = 99;

const objectsOf = (d: Pick<Domain, 'users' | 'groups' | 'contacts'>) =>
  d.users === null && d.groups === null && d.contacts === null ? null : (d.users ?? 0) + (d.groups ?? 0) + (d.contacts ?? 0);

interface Candidate {
  forest: string;
  tenant: string | null;
  track: ForestTrack;
  domains: Domain[];
  objects: number;
  verdictRank: number;
}

/**
 * The phased migration plan (interfaces §5): pure and deterministic, from the inventory, the decisions,
 * the planning settings and the user's edits. Forests whose verdict is insufficient-data, or that Cloud
 * Sync already serves, are listed but not planned; the notes say why and what the plan assumed.
 */
export function buildPlan(input: PlanInput): Plan {
  const { inventory, decisions, settings, edits } = input;
  const start = settings.start ?? input.today;
  const forests = new Map(inventory.forests.map((f) => [f.forest, f]));
  const domainsByForest = group(inventory.domains, (d) => d.forest);
  const ousByDomain = group(inventory.ous, (o) => o.domain);
  const servers = [...inventory.connectServers].sort((a, b) => (a.server < b.server ? -1 : 1));
  const notes: string[] = [];

  const candidates: Candidate[] = [];
  const unplanned: PlannedForest[] = [];
  for (const decision of decisions.forests) {
    const forest = forests.get(decision.forest);
    if (!forest) continue;
    const track = forestTrack(forest, decision, decisions.assumptions);
    const domains = (domainsByForest.get(forest.forest) ?? []).sort((a, b) => (a.domain < b.domain ? -1 : 1));
    if (track.track === 'not-planned') {
      notes.push(`${forest.forest}: ${track.reason}`);
      unplanned.push(plannedForest(forest.forest, decision.verdict, 0, track, null, null, 0));
      continue;
    }
    candidates.push({
      forest: forest.forest,
      tenant: forest.tenant,
      track,
      domains,
      objects: domains.reduce((n, d) => n + (objectsOf(d) ?? 0), 0),
      verdictRank: decision.verdict === 'migrate-after-remediation' ? 1 : 0,
    });
  }
  const verdicts = new Map(decisions.forests.map((f) => [f.forest, f.verdict]));
  candidates.sort(
    (a, b) =>
      TRACK_RANK[a.track.track] + a.verdictRank - (TRACK_RANK[b.track.track] + b.verdictRank) ||
      a.track.remediation.length - b.track.remediation.length ||
      a.objects - b.objects ||
      (a.forest < b.forest ? -1 : 1),
  );

  const estate = estateTasks(decisions.estate.findings, { settings, edits });
  const nextPrecedence = new Map<string, number>();
  let highestPrecedence = 0;
  const forestPhases: DraftPhase[][] = [];
  const waveCounts = new Map<string, number>();
  for (const c of candidates) {
    const own = servers.filter((s) => s.forests.includes(c.forest));
    const moving = c.domains.filter((d) => c.track.movingDomains.includes(d.domain));
    const grouping =
      c.track.movingDomains.length > 0
        ? groupWaves({
            forest: c.forest,
            domains: moving,
            ous: moving.flatMap((d) => ousByDomain.get(d.domain) ?? ([] as Ou[])),
            ignoreConnectScope: c.track.track === 'onboard',
            maxWaveObjects: settings.maxWaveObjects,
            moves: edits.waves,
          })
        : null;
    if (grouping) notes.push(...grouping.notes);
    const phases = forestTasks({
      forest: c.forest,
      tenant: c.tenant,
      track: c.track,
      grouping,
      connectors: own.length > 0 ? [c.forest] : [],
      domainObjects: moving.map((d) => ({ domain: d.domain, objects: objectsOf(d) })),
      connectOnlyForThisForest: own.length > 0 && own.every((s) => s.forests.every((f) => f === c.forest)),
      settings,
      edits,
      connectUpgrades: own.flatMap((s) => estate.upgrades.get(s.server.toLowerCase()) ?? []),
      nextPrecedence: (n) => {
        const keys = own.length > 0 ? own.map((s) => s.server.toLowerCase()) : [c.forest];
        const first = Math.max(...keys.map((k) => nextPrecedence.get(k) ?? 1));
        for (const k of keys) nextPrecedence.set(k, first + n);
        highestPrecedence = Math.max(highestPrecedence, first + n - 1);
        return first;
      },
    });
    if (c.track.track !== 'stay-on-connect' && c.track.track !== 'onboard' && own.length === 0) {
      notes.push(`${c.forest}: no Connect Sync server is recorded; the runbooks assume its AD connector is named after the forest.`);
    }
    waveCounts.set(c.forest, phases.filter((p) => p.kind === 'wave').length);
    forestPhases.push(phases);
  }

  const calendar = new WorkingCalendar({ start, workingDays: settings.workingDays, holidays: settings.holidays, freezeWindows: settings.freezeWindows });
  const estatePhases = estate.phase ? [estate.phase] : [];
  const { dates, criticalPath } = schedule(forestPhases, calendar, settings.teamCapacity, estatePhases);
  const critical = new Set(criticalPath);
  const date = (index: number) => calendar.date(index);

  const phases: PlanPhase[] = [...estatePhases, ...forestPhases.flat()].map((p) => {
    const tasks = p.tasks.map((t) => {
      const d = dates.get(t.id) as { start: number; last: number };
      return { ...t, start: date(d.start), end: date(d.last), critical: critical.has(t.id) };
    });
    const span = spanOf(tasks) ?? { start, end: start };
    return {
      id: p.id,
      forest: p.forest,
      domain: p.domain,
      kind: p.kind,
      name: p.name,
      start: span.start,
      end: span.end,
      tasks,
      ous: p.ous,
      domains: p.domains,
      wave: p.wave,
      objects: p.objects,
    };
  });

  const phasesByForest = group(phases, (p) => p.forest ?? '');
  const planned = candidates.map((c, i) => {
    const span = spanOf(phasesByForest.get(c.forest) ?? []);
    return plannedForest(c.forest, verdicts.get(c.forest) ?? 'insufficient-data', i + 1, c.track, span?.start ?? null, span?.end ?? null, waveCounts.get(c.forest) ?? 0);
  });
  const allForests = [...planned, ...unplanned.map((f, i) => ({ ...f, order: planned.length + i + 1 }))];

  notes.push(...generalNotes(candidates, forests, highestPrecedence));
  const firstDay = date(0);
  const planEnd = spanOf(phases)?.end ?? firstDay;
  return { start: firstDay, end: planEnd, settings, forests: allForests, phases, criticalPath, notes };
}

function plannedForest(
  forest: string,
  verdict: PlannedForest['verdict'],
  order: number,
  track: ForestTrack,
  start: string | null,
  end: string | null,
  waves: number,
): PlannedForest {
  return {
    forest,
    verdict,
    order,
    track: track.track,
    reason: track.reason,
    start,
    end,
    movingDomains: track.movingDomains,
    stayingDomains: track.stayingDomains,
    partsOnConnect: track.partsOnConnect,
    waves,
  };
}

function generalNotes(candidates: readonly Candidate[], forests: ReadonlyMap<string, Inventory['forests'][number]>, highestPrecedence: number): string[] {
  const notes: string[] = [];
  const manual = candidates.filter((c) => c.track.track === 'migrate' || c.track.track === 'coexist');
  if (manual.length > 0) {
    notes.push(
      'The inventory records no group memberships or managers, so waves cannot keep a group\'s members or a user\'s manager in the same or an earlier wave. The plan relies on the no-flow rules instead: every object stays in Connect Sync scope until cutover and Connect keeps flowing member and manager, so no reference breaks while the waves run (PILOT step 6). After the scheduler is re-enabled, a change to member or manager makes Connect ignore cloudNoFlow and export the object: freeze reference changes on moved objects until cutover where possible.',
    );
    const differs = manual
      .filter((c) => {
        const f = forests.get(c.forest)?.features;
        return f?.custom_sync_rules === true || f?.device_sync === true;
      })
      .map((c) => c.forest);
    if (differs.length > 0) {
      notes.push(`Microsoft's pilot guide is written for Connect Sync installed with Express settings and no device sync; ${list(differs)} differ${differs.length === 1 ? 's' : ''} (custom sync rules or device sync): review the no-flow rules against the existing rules.`);
    }
  }
  if (highestPrecedence > CUSTOM_PRECEDENCE_LIMIT) {
    notes.push(`The no-flow rules need ${count(highestPrecedence)} precedences on one Connect server, more than the ${CUSTOM_PRECEDENCE_LIMIT} below the standard rules: remove each wave's rules after its cutover, or merge waves.`);
  }
  return notes;
}
