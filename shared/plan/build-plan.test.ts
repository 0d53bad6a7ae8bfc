import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decide } from '../engine/decide.js';
import { assumptionsArb, shuffled } from '../engine/test-support/arbitraries.js';
import { estate } from '../engine/test-support/estate-builder.js';
import { defaultAssumptions } from '../model/assumptions.js';
import type { Inventory } from '../model/inventory.js';
import { buildPlan } from './build-plan.js';
import { dayNumber, WorkingCalendar } from './calendar.js';
import { emptyPlanEdits, Plan, type PhaseKind, type PlanSettings } from './plan-schema.js';
import { inventoryWithOus, settingsArb } from './test-support/plan-arbitraries.js';

const RUNS = { numRuns: 150 };
const TODAY = '2027-01-04';

function plan(inventory: Inventory, settings: PlanSettings, assumptions = defaultAssumptions()) {
  return buildPlan({ inventory, decisions: decide(inventory, assumptions), settings, edits: emptyPlanEdits(), today: TODAY });
}

const tasksOf = (p: Plan) => p.phases.flatMap((ph) => ph.tasks);
const MOVE_ORDER: PhaseKind[] = ['readiness', 'pilot', 'wave', 'cutover', 'validation'];

describe('buildPlan, for any generated estate and settings', () => {
  it('returns the §5 shape, and no task starts before the tasks it depends on end', () => {
    fc.assert(
      fc.property(inventoryWithOus, settingsArb, assumptionsArb, (inventory, settings, assumptions) => {
        const p = plan(inventory, settings, assumptions);
        expect(Plan.safeParse(p).success).toBe(true);
        const byId = new Map(tasksOf(p).map((t) => [t.id, t]));
        for (const t of byId.values()) {
          expect(t.start <= t.end).toBe(true);
          for (const dep of t.dependsOn) {
            const d = byId.get(dep);
            expect(d, `${t.id} depends on a task of the plan`).toBeDefined();
            if (!d) continue;
            if (d.duration > 0) expect(t.start > d.end, `${t.id} starts after ${dep} ends`).toBe(true);
            else expect(t.start >= d.end).toBe(true);
          }
        }
      }),
      RUNS,
    );
  });

  it('keeps every wave within the wave size unless it is one OU bigger than that', () => {
    fc.assert(
      fc.property(inventoryWithOus, settingsArb, (inventory, settings) => {
        for (const phase of plan(inventory, settings).phases.filter((ph) => ph.kind === 'wave')) {
          const objects = phase.ous.reduce((n, o) => n + o.objects, 0);
          expect(phase.objects).toBe(objects);
          if (objects > settings.maxWaveObjects) expect(phase.ous).toHaveLength(1);
        }
      }),
      RUNS,
    );
  });

  it('gives each moving forest readiness, pilot, waves, cutover and validation in that order; nothing that stays on Connect is cut over', () => {
    fc.assert(
      fc.property(inventoryWithOus, settingsArb, assumptionsArb, (inventory, settings, assumptions) => {
        const p = plan(inventory, settings, assumptions);
        const decisions = decide(inventory, assumptions);
        for (const f of p.forests) {
          const phases = p.phases.filter((ph) => ph.forest === f.forest);
          const verdict = decisions.forests.find((d) => d.forest === f.forest)?.verdict;
          expect(f.verdict).toBe(verdict);
          if (verdict === 'insufficient-data') expect(phases).toEqual([]);
          if (f.track === 'migrate' || f.track === 'migrate-guided' || f.track === 'coexist') {
            const sequence = phases.filter((ph) => MOVE_ORDER.includes(ph.kind));
            const kinds = [...new Set(sequence.map((ph) => ph.kind))];
            expect(kinds).toEqual(MOVE_ORDER);
            for (let i = 1; i < sequence.length; i++) {
              const [before, after] = [sequence[i - 1], sequence[i]] as [Plan['phases'][number], Plan['phases'][number]];
              // Equal only when the earlier phase ends with a zero-day task (the dependency test checks that case).
              expect(after.start >= before.end, `${after.id} starts after ${before.id} ends`).toBe(true);
            }
          }
          if (f.track === 'stay-on-connect') {
            expect(phases.map((ph) => ph.kind)).toEqual(['coexistence']);
          }
          for (const ph of phases.filter((x) => x.kind === 'coexistence')) {
            expect(ph.tasks.every((t) => t.kind === 'coexistence' || t.kind === 'authentication')).toBe(true);
          }
        }
      }),
      RUNS,
    );
  });

  it('puts no task on a non-working day or across a freeze window, and never works on more forests at once than the team capacity', () => {
    fc.assert(
      fc.property(inventoryWithOus, settingsArb, (inventory, settings) => {
        const p = plan(inventory, settings);
        const calendar = new WorkingCalendar({ ...settings, start: p.start });
        const frozen = (day: number) => settings.freezeWindows.some((w) => day >= dayNumber(w.start) && day <= dayNumber(w.end));
        for (const t of tasksOf(p)) {
          expect(calendar.isWorkingDay(dayNumber(t.start)), `${t.id} starts on ${t.start}`).toBe(true);
          expect(calendar.isWorkingDay(dayNumber(t.end)), `${t.id} ends on ${t.end}`).toBe(true);
          for (let d = dayNumber(t.start); d <= dayNumber(t.end); d++) expect(frozen(d), `${t.id} crosses a freeze window`).toBe(false);
        }
        const spans = p.forests.filter((f) => f.start !== null).map((f) => [dayNumber(f.start as string), dayNumber(f.end as string)] as const);
        for (const [start] of spans) {
          const busy = spans.filter(([s, e]) => s <= start && start <= e).length;
          expect(busy).toBeLessThanOrEqual(settings.teamCapacity);
        }
      }),
      RUNS,
    );
  });

  it('is deterministic: the same plan whatever the order of the inventory lists', () => {
    fc.assert(
      fc.property(inventoryWithOus, settingsArb, fc.integer(), (inventory, settings, seed) => {
        expect(plan(shuffled(inventory, seed), settings)).toEqual(plan(inventory, settings));
      }),
      RUNS,
    );
  });
});

describe('buildPlan on a hand-built estate', () => {
  const settings = (over: Partial<PlanSettings> = {}): PlanSettings => ({ ...Plan.shape.settings.parse({}), start: '2027-01-04', ...over });
  const twoForests = () =>
    estate()
      .healthyForest('contoso.com', {}, { users: 3_000, groups: 300, contacts: 0 })
      .ou('contoso.com', 'OU=Pilot,DC=contoso,DC=com', { users: 40, groups: 5, contacts: 0 })
      .ou('contoso.com', 'OU=Sales,DC=contoso,DC=com', { users: 1_500, groups: 100, contacts: 0 })
      .ou('contoso.com', 'OU=Staff,DC=contoso,DC=com', { users: 1_460, groups: 195, contacts: 0 })
      .healthyForest('fabrikam.com', {}, { users: 800, groups: 50, contacts: 0 })
      .ou('fabrikam.com', 'OU=Users,DC=fabrikam,DC=com', { users: 800, groups: 50, contacts: 0 })
      .build();

  it('moves the dates with the start date', () => {
    const inventory = twoForests();
    const a = plan(inventory, settings());
    const b = plan(inventory, settings({ start: '2027-03-01' }));
    expect(a.start).toBe('2027-01-04');
    expect(b.start).toBe('2027-03-01');
    expect(b.end > a.end).toBe(true);
  });

  it('pilots with the smallest OU and groups the rest into waves within the wave size', () => {
    const p = plan(twoForests(), settings({ maxWaveObjects: 2_000 }));
    const contoso = p.phases.filter((ph) => ph.forest === 'contoso.com');
    expect(contoso.find((ph) => ph.kind === 'pilot')?.ous.map((o) => o.distinguishedName)).toEqual(['OU=Pilot,DC=contoso,DC=com']);
    expect(contoso.filter((ph) => ph.kind === 'wave').map((ph) => ph.ous.map((o) => o.distinguishedName))).toEqual([
      ['OU=Sales,DC=contoso,DC=com'],
      ['OU=Staff,DC=contoso,DC=com'],
    ]);
  });

  it('applies the user edits: a task duration and an OU moved to another wave', () => {
    const inventory = twoForests();
    const base = plan(inventory, settings({ maxWaveObjects: 2_000 }));
    const wave1 = base.phases.find((ph) => ph.id === 'contoso.com/wave-1');
    const task = wave1?.tasks[0];
    expect(task).toBeDefined();
    const edited = buildPlan({
      inventory,
      decisions: decide(inventory, defaultAssumptions()),
      settings: settings({ maxWaveObjects: 2_000 }),
      edits: { durations: { [task?.id as string]: 9 }, waves: { 'ou=staff,dc=contoso,dc=com': 1 } },
      today: TODAY,
    });
    const editedWave = edited.phases.find((ph) => ph.id === 'contoso.com/wave-1');
    expect(editedWave?.tasks[0]?.duration).toBe(9);
    expect(editedWave?.tasks[0]?.durationEdited).toBe(true);
    expect(editedWave?.ous.map((o) => o.distinguishedName)).toEqual(['OU=Sales,DC=contoso,DC=com', 'OU=Staff,DC=contoso,DC=com']);
    expect(edited.phases.some((ph) => ph.id === 'contoso.com/wave-2')).toBe(false);
    expect(edited.notes.some((n) => n.includes('more than the wave size'))).toBe(true);
  });

  it('skips weekends, holidays and freeze windows', () => {
    const p = plan(twoForests(), settings({ start: '2027-01-08', holidays: ['2027-01-11'], freezeWindows: [{ start: '2027-01-13', end: '2027-01-19', reason: 'quarter end' }] }));
    const first = tasksOf(p).filter((t) => t.forest === 'contoso.com');
    expect(first[0]?.start).toBe('2027-01-08');
    for (const t of tasksOf(p)) {
      expect(t.start < '2027-01-13' ? t.end < '2027-01-13' : t.start > '2027-01-19').toBe(true);
      expect([t.start, t.end]).not.toContain('2027-01-11');
    }
  });

  it('marks a critical path that ends with the plan and follows what held each task up', () => {
    const p = plan(twoForests(), settings({ teamCapacity: 1 }));
    const byId = new Map(tasksOf(p).map((t) => [t.id, t]));
    const path = p.criticalPath.map((id) => byId.get(id));
    expect(path.at(-1)?.end).toBe(p.end);
    expect(path[0]?.start).toBe(p.start);
    expect(path.every((t) => t?.critical)).toBe(true);
    expect(tasksOf(p).filter((t) => t.critical).length).toBe(p.criticalPath.length);
    // Capacity 1: the second forest waits for the first, so the path crosses from one forest to the other.
    expect(new Set(path.map((t) => t?.forest)).size).toBe(2);
  });

  it('names every remediation finding in a readiness task', () => {
    const inventory = estate()
      .forest('contoso.com')
      .domain('contoso.com')
      .agents(1, { ramGb: 2 })
      .connect('sync1', { version: '2.4.27.0' })
      .ou('contoso.com', 'OU=Staff,DC=contoso,DC=com')
      .hygiene('contoso.com', 'duplicate-upn', 4)
      .build();
    const decisions = decide(inventory, defaultAssumptions());
    const remediation = decisions.forests[0]?.findings.filter((f) => f.effect === 'needs-remediation') ?? [];
    expect(remediation.length).toBeGreaterThan(0);
    expect(remediation.map((f) => f.rule)).toContain('connect-version');
    const p = plan(inventory, settings());
    const readiness = p.phases.find((ph) => ph.kind === 'readiness' && ph.forest === 'contoso.com')?.tasks ?? [];
    // The outdated server is the whole estate's task, once: the forest's readiness names it and waits for it.
    const upgrade = p.phases.find((ph) => ph.forest === null)?.tasks.find((t) => t.findings.includes('connect-server-version'));
    expect(upgrade?.title).toContain('sync1');
    for (const f of remediation) {
      if (f.rule === 'connect-version') expect(readiness.find((t) => t.kind === 'connect-upgrade')?.dependsOn).toContain(upgrade?.id);
      else expect(readiness.some((t) => t.findings.includes(f.rule) && t.title.includes(f.rule)), f.rule).toBe(true);
    }
  });

  it('upgrades a Connect server below 2.5.79.0 first, once, whatever the verdicts of the forests it serves', () => {
    const inventory = estate()
      .healthyForest('contoso.com', {}, { users: 900, groups: 50, contacts: 0, computers: 0 })
      .ou('contoso.com', 'OU=Staff,DC=contoso,DC=com', { users: 900, groups: 50, contacts: 0, computers: 0 })
      .healthyForest('fabrikam.com', {}, { users: 400, groups: 20, contacts: 0, computers: 0 })
      .ou('fabrikam.com', 'OU=Staff,DC=fabrikam,DC=com', { users: 400, groups: 20, contacts: 0, computers: 0 })
      .forest('northwind.com')
      .domain('northwind.com', { users: null, groups: null })
      .build();
    const outdated = { ...inventory.connectServers[0]!, server: 'OLD-SYNC', version: '2.4.27.0', forests: ['contoso.com', 'fabrikam.com', 'northwind.com'] };
    const p = plan({ ...inventory, connectServers: [outdated] }, settings());

    const estatePhases = p.phases.filter((ph) => ph.forest === null);
    expect(estatePhases).toHaveLength(1);
    const upgrades = estatePhases[0]!.tasks.filter((t) => t.kind === 'connect-upgrade');
    expect(upgrades).toHaveLength(1);
    expect(upgrades[0]).toMatchObject({ start: p.start, forest: null, findings: ['connect-server-version'] });
    expect(upgrades[0]?.title).toContain('OLD-SYNC');
    expect(p.forests.find((f) => f.forest === 'northwind.com')?.track).toBe('not-planned');

    for (const forest of ['contoso.com', 'fabrikam.com']) {
      const tasks = p.phases.filter((ph) => ph.forest === forest).flatMap((ph) => ph.tasks);
      expect(tasks.some((t) => t.findings.includes('connect-version')), `${forest} has no upgrade of its own`).toBe(false);
      const confirm = tasks.find((t) => t.kind === 'connect-upgrade');
      expect(confirm?.dependsOn).toContain(upgrades[0]?.id);
      expect(confirm!.start > upgrades[0]!.end, `${forest} confirms the version after the upgrade`).toBe(true);
    }
  });

  it("takes a duration the user set for a task of the whole estate, and the forests waiting for it move with it", () => {
    const built = estate()
      .healthyForest('contoso.com', {}, { users: 900, groups: 50, contacts: 0, computers: 0 })
      .ou('contoso.com', 'OU=Staff,DC=contoso,DC=com', { users: 900, groups: 50, contacts: 0, computers: 0 })
      .build();
    const inventory = { ...built, connectServers: built.connectServers.map((s) => ({ ...s, version: '2.4.27.0' })) };
    const decisions = decide(inventory, defaultAssumptions());
    const before = buildPlan({ inventory, decisions, settings: settings(), edits: emptyPlanEdits(), today: TODAY });
    const upgrade = before.phases.find((ph) => ph.forest === null)?.tasks[0];
    expect(upgrade).toBeDefined();
    const after = buildPlan({ inventory, decisions, settings: settings(), edits: { ...emptyPlanEdits(), durations: { [upgrade!.id]: 15 } }, today: TODAY });
    const edited = after.phases.flatMap((ph) => ph.tasks).find((t) => t.id === upgrade!.id);
    expect(edited).toMatchObject({ duration: 15, durationEdited: true });
    const confirm = (p: Plan) => p.phases.filter((ph) => ph.forest === 'contoso.com').flatMap((ph) => ph.tasks).find((t) => t.kind === 'connect-upgrade');
    expect(confirm(after)!.start > confirm(before)!.start).toBe(true);
    expect(confirm(after)!.start > edited!.end).toBe(true);
  });

  it('has no phase of the whole estate when the Connect servers need nothing', () => {
    const inventory = estate().healthyForest('contoso.com').ou('contoso.com', 'OU=Staff,DC=contoso,DC=com').build();
    expect(plan(inventory, settings()).phases.filter((ph) => ph.forest === null)).toEqual([]);
  });

  it('takes the guided tool\'s path for a small eligible forest: every OU activated at once, two weeks of validation', () => {
    const inventory = estate()
      .healthyForest('litware.net', {}, { users: 900, groups: 50, contacts: 0, computers: 0 })
      .ou('litware.net', 'OU=Staff,DC=litware,DC=net', { users: 880, groups: 45, contacts: 0, computers: 0 })
      .ou('litware.net', 'OU=Lab,DC=litware,DC=net', { users: 20, groups: 5, contacts: 0, computers: 0 })
      .build();
    const p = plan(inventory, settings({ validationDays: 5 }));
    expect(p.forests[0]?.track).toBe('migrate-guided');
    const waves = p.phases.filter((ph) => ph.kind === 'wave');
    expect(waves).toHaveLength(1);
    expect(waves[0]?.ous.map((o) => o.distinguishedName).sort()).toEqual(['OU=Lab,DC=litware,DC=net', 'OU=Staff,DC=litware,DC=net']);
    expect(p.phases.find((ph) => ph.kind === 'validation')?.tasks[0]?.duration).toBe(10);
    expect(tasksOf(p).some((t) => t.kind === 'pilot-rules')).toBe(false);
  });

  it('leaves insufficient-data forests out and says so', () => {
    const inventory = estate().forest('northwind.com').domain('northwind.com', { users: null, groups: null }).build();
    const p = plan(inventory, settings());
    expect(p.forests[0]).toMatchObject({ verdict: 'insufficient-data', track: 'not-planned', start: null });
    expect(p.phases).toEqual([]);
    expect(p.notes.some((n) => n.startsWith('northwind.com: Not planned'))).toBe(true);
  });

  it('moves PTA sign-in to password hash sync with staged rollout only when the assumption says so', () => {
    const inventory = estate()
      .healthyForest('contoso.com', { features: { pass_through_auth: true, password_hash_sync: false } }, { users: 9_000 })
      .ou('contoso.com', 'OU=Staff,DC=contoso,DC=com', { users: 9_000 })
      .build();
    const auth = (move: boolean) =>
      tasksOf(plan(inventory, settings(), { ...defaultAssumptions(), movePtaOrFederationToPhs: move }))
        .filter((t) => t.kind === 'authentication')
        .map((t) => t.title);
    expect(auth(false)).toEqual([]);
    expect(auth(true)).toEqual([
      'Enable password hash sync beside pass-through authentication',
      'Move sign-in from pass-through authentication to password hash sync with staged rollout',
      'Convert the domains to managed authentication',
    ]);
  });

  it('turns group writeback v2 into the group provisioning steps, with its irreversible switch in the runbook', () => {
    const inventory = estate()
      .healthyForest('contoso.com', { features: { group_writeback_v2: true } }, { users: 9_000 })
      .ou('contoso.com', 'OU=Staff,DC=contoso,DC=com', { users: 9_000 })
      .build();
    const gwb = tasksOf(plan(inventory, settings())).find((t) => t.kind === 'group-writeback');
    expect(gwb?.findings).toEqual(['group-writeback-v2']);
    expect(gwb?.runbook?.script).toContain('Set-ADSyncAADCompanyFeature -GroupWritebackV2 $false');
    expect(gwb?.rollback).toContain('irreversible');
  });
});
