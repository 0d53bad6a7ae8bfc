import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dispatch } from '../dispatch.js';
import { handlers } from './index.js';
import { Session } from '../session.js';
import { testPlatform } from '../test-support/test-platform.js';
import type { EventName, EventPayload } from '../../../shared/ipc/contract.js';
import { tempDir } from '../../import/test-support/workshop.js';

let session: Session | undefined;
afterEach(() => session?.close());

describe('report channels', () => {
  it('exports the open workshop to the chosen path with progress, and remembers the options', async () => {
    const dir = tempDir('syncplan-report-ipc-');
    const progress: EventPayload<'reportProgress'>[] = [];
    let suggested = '';
    session = new Session(
      testPlatform(dir, {
        dialogs: {
          exportPath: async (name) => {
            suggested = name;
            return join(dir, 'out.pdf');
          },
        },
        emit: <E extends EventName>(event: E, payload: EventPayload<E>) => {
          if (event === 'reportProgress') progress.push(payload as EventPayload<'reportProgress'>);
        },
      }),
    );
    await dispatch(handlers, 'workshop.openSample', {}, { session });
    const defaults = await dispatch(handlers, 'report.options', {}, { session });
    expect(defaults).toEqual({ ok: true, value: { customer: 'Sample - Fabrikam Group', author: '', paper: 'a4' } });

    const options = { customer: 'Fabrikam Group', author: 'Ada', paper: 'letter' };
    const result = await dispatch(handlers, 'report.exportPdf', { options, today: '2026-11-30' }, { session });
    expect(result).toEqual({ ok: true, value: { path: join(dir, 'out.pdf'), pages: expect.any(Number) } });
    expect(suggested).toBe('Fabrikam Group - migration plan.pdf');
    expect(readFileSync(join(dir, 'out.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
    const stages = progress.map((p) => p.stage);
    expect(stages[0]).toBe('choosing');
    expect(stages).toEqual(expect.arrayContaining(['preparing', 'layout', 'numbering', 'final', 'saving']));
    expect(progress.at(-1)).toEqual({ stage: 'done', percent: 100 });
    expect(progress.map((p) => p.percent)).toEqual([...progress.map((p) => p.percent)].sort((a, b) => a - b));
    expect(await dispatch(handlers, 'report.options', {}, { session })).toEqual({ ok: true, value: options });
  }, 60_000);

  it('writes nothing when the user cancels the save dialog, and refuses bad options', async () => {
    const dir = tempDir('syncplan-report-ipc-');
    session = new Session(testPlatform(dir, { dialogs: { exportPath: async () => null } }));
    await dispatch(handlers, 'workshop.openSample', {}, { session });
    const cancelled = await dispatch(handlers, 'report.exportPdf', { options: { customer: 'X', author: '', paper: 'a4' }, today: '2026-11-30' }, { session });
    expect(cancelled).toEqual({ ok: true, value: null });
    const refused = await dispatch(handlers, 'report.exportPdf', { options: { customer: '', author: '', paper: 'a5' }, today: '2026-11-30' }, { session });
    expect(refused.ok).toBe(false);
    expect(existsSync(join(dir, 'X - migration plan.pdf'))).toBe(false);
  });
});
