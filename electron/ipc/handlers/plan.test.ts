import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dispatch } from '../dispatch.js';
import { handlers } from './index.js';
import { Session } from '../session.js';
import { testPlatform } from '../test-support/test-platform.js';
import { tempDir } from '../../import/test-support/workshop.js';
import { PlanView } from '../../../shared/ipc/contracts/plan.js';
import { defaultPlanSettings } from '../../../shared/plan/plan-schema.js';
import type { Result } from '../../../shared/result.js';

let session: Session | undefined;
afterEach(() => session?.close());

const value = <T>(result: Result<unknown>, schema: { parse(v: unknown): T }): T => {
  if (!result.ok) throw new Error(result.error.message);
  return schema.parse(result.value);
};

describe('plan channels', () => {
  it('plans the sample, stores settings and edits in the workshop, and gives them back after reopening', async () => {
    const dir = tempDir();
    session = new Session(testPlatform(dir));
    const info = await dispatch(handlers, 'workshop.openSample', {}, { session });
    expect(info.ok).toBe(true);
    const first = value(await dispatch(handlers, 'plan.get', { today: '2027-01-04' }, { session }), PlanView);
    expect(first.plan.start).toBe('2027-01-04');
    expect(first.plan.settings.start).toBeNull();

    const task = first.plan.phases.find((p) => p.kind === 'pilot')?.tasks[0];
    const settings = { ...defaultPlanSettings(), start: '2027-02-01', holidays: ['2027-02-02'] };
    const edits = { durations: { [task?.id as string]: 4 }, waves: {} };
    const saved = value(await dispatch(handlers, 'plan.save', { today: '2027-01-04', settings, edits }, { session }), PlanView);
    expect(saved.plan.start).toBe('2027-02-01');
    expect(saved.plan.phases.flatMap((p) => p.tasks).find((t) => t.id === task?.id)?.duration).toBe(4);

    const path = session.info?.path as string;
    session.close();
    session = new Session(testPlatform(dir));
    await dispatch(handlers, 'workshop.open', { path }, { session });
    const reopened = value(await dispatch(handlers, 'plan.get', { today: '2027-01-04' }, { session }), PlanView);
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
    const after = value(await dispatch(handlers, 'plan.get', { today: '2027-01-04' }, { session }), PlanView);
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
});
