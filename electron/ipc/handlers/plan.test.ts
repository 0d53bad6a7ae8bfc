import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { dispatch } from '../dispatch.js';
import { handlers } from './index.js';
import { Session } from '../session.js';
import { testPlatform } from '../test-support/test-platform.js';
import { tempDir } from '../../import/test-support/workshop.js';
import { planContract, PlanView, TaskDetails } from '../../../shared/ipc/contracts/plan.js';
import { generateLargeEstate } from '../../../shared/engine/test-support/large-estate.js';
import { defaultPlanSettings, WaveOu } from '../../../shared/plan/plan-schema.js';
import { PhaseOutline } from '../../../shared/plan/plan-outline.js';
import type { Result } from '../../../shared/result.js';
import { closeWorkshop, openWorkshop } from '../../store/workshop-db.js';
import { saveInventory } from '../../store/test-support/save-inventory.js';
import { workshopPlan } from '../../plan/workshop-plan.js';

/** How many times the plan was built, to show that the channels share one build per change. */
const builds = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../plan/workshop-plan.js', async (original) => {
  const real = await original<typeof import('../../plan/workshop-plan.js')>();
  return {
    ...real,
    workshopPlan: (...args: Parameters<typeof real.workshopPlan>) => {
      builds.count++;
      return real.workshopPlan(...args);
    },
  };
});

let session: Session | undefined;
beforeEach(() => {
  builds.count = 0;
});
afterEach(() => session?.close());

const value = <T>(result: Result<unknown>, schema: { parse(v: unknown): T }): T => {
  if (!result.ok) throw new Error(result.error.message);
  return schema.parse(result.value);
};
const TODAY = '2027-01-04';
const Phases = z.object({ phases: z.array(PhaseOutline) });
const Wave = z.object({ ous: z.array(WaveOu) }).nullable();
const call = async <T>(channel: keyof typeof planContract, input: object, schema: { parse(v: unknown): T }): Promise<T> =>
  value(await dispatch(handlers, channel, { today: TODAY, ...input }, { session: session as Session }), schema);

async function openSample(): Promise<Session> {
  session = new Session(testPlatform(tempDir()));
  const info = await dispatch(handlers, 'workshop.openSample', {}, { session });
  expect(info.ok).toBe(true);
  return session;
}

describe('plan channels', () => {
  it('plans the sample, stores settings and edits in the workshop, and gives them back after reopening', async () => {
    const dir = tempDir();
    session = new Session(testPlatform(dir));
    const info = await dispatch(handlers, 'workshop.openSample', {}, { session });
    expect(info.ok).toBe(true);
    const first = await call('plan.get', {}, PlanView);
    expect(first.plan.start).toBe('2027-01-04');
    expect(first.plan.settings.start).toBeNull();

    const { phases } = await call('plan.forest', { forest: 'contoso.com' }, Phases);
    const task = phases.find((p) => p.kind === 'pilot')?.tasks[0];
    const settings = { ...defaultPlanSettings(), start: '2027-02-01', holidays: ['2027-02-02'] };
    const edits = { durations: { [task?.id as string]: 4 }, waves: {} };
    const saved = await call('plan.save', { settings, edits }, PlanView);
    expect(saved.plan.start).toBe('2027-02-01');
    expect((await call('plan.task', { task: task?.id }, TaskDetails.nullable()))?.task.duration).toBe(4);

    const path = session.info?.path as string;
    session.close();
    session = new Session(testPlatform(dir));
    await dispatch(handlers, 'workshop.open', { path }, { session });
    const reopened = await call('plan.get', {}, PlanView);
    expect(reopened.plan.settings).toEqual(saved.plan.settings);
    expect(reopened.edits).toEqual(edits);
    expect(reopened.plan).toEqual(saved.plan);
  });

  it('refuses invalid settings and stores nothing', async () => {
    const dir = tempDir();
    session = new Session(testPlatform(dir));
    await dispatch(handlers, 'workshop.openSample', {}, { session });
    const bad = { ...defaultPlanSettings(), freezeWindows: [{ start: '2027-03-10', end: '2027-03-01', reason: '' }] };
    const result = await dispatch(handlers, 'plan.save', { today: '2027-01-04', settings: bad, edits: { durations: {}, waves: {} } }, { session });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toContain('freeze window ends on or after its start');
    const after = await call('plan.get', {}, PlanView);
    expect(after.plan.settings.freezeWindows).toEqual([]);
  });

  it('exports the tasks as CSV where the user chose', async () => {
    const dir = tempDir();
    session = new Session(testPlatform(dir, { dialogs: { exportPath: async () => join(dir, 'tasks.csv') } }));
    await dispatch(handlers, 'workshop.openSample', {}, { session });
    const result = await dispatch(handlers, 'plan.exportTasksCsv', { today: '2027-01-04' }, { session });
    expect(result).toEqual({ ok: true, value: { path: join(dir, 'tasks.csv') } });
    const lines = readFileSync(join(dir, 'tasks.csv'), 'utf8').split('\r\n');
    expect(lines[0]).toBe('\uFEFFid,title,forest,domain,phase,owner,start,end,duration,predecessors');
    expect(lines.some((l) => l.startsWith('contoso.com/pilot/'))).toBe(true);
  });

  it('answers the outline, a forest, a task and a wave exactly as the full plan has them', async () => {
    await openSample();
    const full = workshopPlan(session?.db() as never, { today: TODAY }).plan;
    expect(full.phases.some((p) => p.tasks.some((t) => t.runbook !== null))).toBe(true);
    const { plan } = await call('plan.get', {}, PlanView);
    const { forests, phases: _phases, criticalPath, ...rest } = full;
    expect(plan).toMatchObject(rest);
    expect(plan.criticalTasks).toBe(criticalPath.length);
    expect(plan.forests.map(({ movedByHand: _moved, phaseCount: _count, ...f }) => f)).toEqual(forests);
    expect(plan.forests.map((f) => f.phaseCount)).toEqual(forests.map((f) => full.phases.filter((p) => p.forest === f.forest).length));

    for (const forest of forests) {
      const own = full.phases.filter((p) => p.forest === forest.forest);
      const { phases } = await call('plan.forest', { forest: forest.forest }, Phases);
      expect(phases.map((p) => p.id)).toEqual(own.map((p) => p.id));
      for (const [i, outline] of phases.entries()) {
        const phase = own[i] as (typeof own)[number];
        const { tasks, ous, ...facts } = phase;
        expect(outline).toMatchObject(facts);
        expect(outline.ouCount).toBe(ous.length);
        // The outline leaves out the task's texts and nothing else.
        expect(outline.tasks.map((t, j) => ({ ...t, entryCriteria: tasks[j]?.entryCriteria, exitCriteria: tasks[j]?.exitCriteria, rollback: tasks[j]?.rollback, runbook: tasks[j]?.runbook }))).toEqual(tasks);
      }
    }
    for (const phase of full.phases) {
      for (const task of phase.tasks) {
        const details = await call('plan.task', { task: task.id }, TaskDetails.nullable());
        expect(details?.task).toEqual(task);
        expect(details?.phase).toBe(phase.name);
        expect(details?.after.map((a) => a.id)).toEqual(task.dependsOn);
      }
      expect((await call('plan.wave', { phase: phase.id }, Wave))?.ous).toEqual(phase.ous);
    }
    expect(await call('plan.task', { task: 'contoso.com/no-such-task' }, TaskDetails.nullable())).toBeNull();
    expect(await call('plan.wave', { phase: 'contoso.com/wave-99' }, Wave)).toBeNull();
    expect(await call('plan.forest', { forest: 'no-such-forest.example' }, Phases)).toEqual({ phases: [] });
  });

  it('builds the plan once per change of the workshop, not once per request', async () => {
    await openSample();
    builds.count = 0;
    await call('plan.get', {}, PlanView);
    const { phases } = await call('plan.forest', { forest: 'contoso.com' }, Phases);
    const wave = phases.find((p) => p.kind === 'wave') as PhaseOutline;
    await call('plan.task', { task: wave.tasks[0]?.id }, TaskDetails.nullable());
    await call('plan.wave', { phase: wave.id }, Wave);
    await call('plan.get', {}, PlanView);
    expect(builds.count).toBe(1);

    // A plan change builds once, and what follows it is served from that build.
    const saved = await call('plan.save', { settings: { ...defaultPlanSettings(), start: '2027-03-01' }, edits: { durations: {}, waves: {} } }, PlanView);
    const afterSave = await call('plan.get', {}, PlanView);
    await call('plan.forest', { forest: 'contoso.com' }, Phases);
    expect(builds.count).toBe(2);
    expect(afterSave).toEqual(saved);
    expect(afterSave.plan.start).toBe('2027-03-01');

    // A model edit, and its undo, each give a new plan.
    await dispatch(handlers, 'edit.apply', { edit: { op: 'delete', entity: 'forest', key: ['northwindtraders.com'] } }, { session: session as Session });
    expect((await call('plan.get', {}, PlanView)).plan.forests.map((f) => f.forest)).not.toContain('northwindtraders.com');
    await dispatch(handlers, 'edit.undo', {}, { session: session as Session });
    expect((await call('plan.get', {}, PlanView)).plan.forests.map((f) => f.forest)).toContain('northwindtraders.com');
    expect(builds.count).toBe(4);
  });

  it('keeps the plan of what the workshop holds when a plan change and a model edit come at once', async () => {
    await openSample();
    const settings = { ...defaultPlanSettings(), start: '2027-03-01' };
    // The edit is queued first and written after the plan change was asked for.
    await Promise.all([
      dispatch(handlers, 'edit.apply', { edit: { op: 'delete', entity: 'forest', key: ['northwindtraders.com'] } }, { session: session as Session }),
      call('plan.save', { settings, edits: { durations: {}, waves: {} } }, PlanView),
    ]);
    const shown = await call('plan.get', {}, PlanView);
    const fresh = workshopPlan(session?.db() as never, { today: TODAY }).plan;
    expect(shown.plan.start).toBe('2027-03-01');
    expect(shown.plan.forests.map((f) => f.forest)).toEqual(fresh.forests.map((f) => f.forest));
    expect(shown.plan.forests.map((f) => f.forest)).not.toContain('northwindtraders.com');
  });

  it('sends the Plan view of a 200-forest estate a small part of the plan, with what the timeline needs', async () => {
    const dir = tempDir();
    const path = join(dir, 'large.syncplan');
    const { db } = await openWorkshop(path, { mode: 'create' });
    saveInventory(db, generateLargeEstate({ forests: 200, domainsPerForest: 10, ousPerDomain: 50 }));
    closeWorkshop(db);
    session = new Session(testPlatform(dir));
    await dispatch(handlers, 'workshop.open', { path }, { session });
    const full = workshopPlan(session.db(), { today: TODAY }).plan;
    const fullBytes = Buffer.byteLength(JSON.stringify(full));
    const bytes = (answer: unknown) => Buffer.byteLength(JSON.stringify(answer));

    const view = await call('plan.get', {}, PlanView);
    expect(bytes(view)).toBeLessThan(fullBytes / 100);
    expect(view.plan.forests.map((f) => [f.forest, f.start, f.end, f.track])).toEqual(full.forests.map((f) => [f.forest, f.start, f.end, f.track]));
    expect([view.plan.start, view.plan.end, view.plan.criticalTasks]).toEqual([full.start, full.end, full.criticalPath.length]);

    // A forest opened in the timeline: its phases and tasks with their dates, a few kilobytes.
    let largest = 0;
    for (const forest of full.forests) {
      const answer = await call('plan.forest', { forest: forest.forest }, Phases);
      largest = Math.max(largest, bytes(answer));
      const own = full.phases.filter((p) => p.forest === forest.forest);
      expect(answer.phases.flatMap((p) => p.tasks.map((t) => [t.id, t.start, t.end, t.critical]))).toEqual(own.flatMap((p) => p.tasks.map((t) => [t.id, t.start, t.end, t.critical])));
    }
    expect(largest).toBeLessThan(fullBytes / 200);
  }, 120_000);
});
