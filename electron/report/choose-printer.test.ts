import { describe, expect, it } from 'vitest';
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { choosePrinter, runInApp } from './choose-printer.js';

describe('which browser prints the report for the command line', () => {
  it('uses the printer it is given (SyncPlan --cli: Electron itself)', () => {
    expect(choosePrinter(true, { node: '24.0.0', electron: '45.5.0' }, {}, '/opt/SyncPlan/syncplan')).toEqual({ kind: 'given' });
  });

  it("hands the command to the installed app when the launcher runs the CLI in the app's runtime", () => {
    expect(choosePrinter(false, { node: '24.0.0', electron: '45.5.0' }, { ELECTRON_RUN_AS_NODE: '1' }, '/opt/SyncPlan/syncplan')).toEqual({
      kind: 'app',
      executable: '/opt/SyncPlan/syncplan',
    });
  });

  it('uses a browser on the machine under plain Node (npx syncplan in a checkout)', () => {
    expect(choosePrinter(false, { node: '24.0.0' }, { ELECTRON_RUN_AS_NODE: '1' }, '/usr/bin/node')).toEqual({ kind: 'browser-on-machine' });
    expect(choosePrinter(false, { node: '24.0.0', electron: '45.5.0' }, {}, '/opt/SyncPlan/syncplan')).toEqual({ kind: 'browser-on-machine' });
  });

  it.skipIf(process.platform === 'win32')('runs the app with --cli before the arguments, outside Node mode, and answers its exit status', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'syncplan-app-'));
    const app = join(dir, 'syncplan');
    // A stand-in for the app that records how it was started.
    writeFileSync(app, `#!/bin/sh\necho "$@" > "${dir}/args"\n[ -z "$ELECTRON_RUN_AS_NODE" ] && exit 7\nexit 3\n`);
    chmodSync(app, 0o755);
    process.env.ELECTRON_RUN_AS_NODE = '1';
    try {
      expect(await runInApp(app, ['export', 'w.syncplan', '--pdf', 'plan.pdf'])).toBe(7);
    } finally {
      delete process.env.ELECTRON_RUN_AS_NODE;
    }
    expect(readFileSync(join(dir, 'args'), 'utf8').trim()).toBe('--cli export w.syncplan --pdf plan.pdf');
  });
});
