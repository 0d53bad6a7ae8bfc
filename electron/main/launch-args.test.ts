import { describe, expect, it } from 'vitest';
import { cliArguments, workshopArgument } from './launch-args.js';

describe('how the app was started', () => {
  it('runs the command line with what follows --cli, and opens a window otherwise', () => {
    expect(cliArguments(['/opt/SyncPlan/syncplan', '--cli', 'decide', 'a.syncplan', '--json'])).toEqual(['decide', 'a.syncplan', '--json']);
    expect(cliArguments(['/opt/SyncPlan/syncplan', '--cli'])).toEqual([]);
    expect(cliArguments(['/opt/SyncPlan/syncplan'])).toBeNull();
    expect(cliArguments(['/opt/SyncPlan/syncplan', 'contoso.syncplan'])).toBeNull();
  });

  it('finds the workshop a double-click passes, relative to the folder of the caller', () => {
    expect(workshopArgument(['C:\\Program Files\\SyncPlan\\SyncPlan.exe', 'C:\\Users\\ann\\Contoso.syncplan'], 'C:\\')).toBe('C:\\Users\\ann\\Contoso.syncplan');
    expect(workshopArgument(['/opt/SyncPlan/syncplan', '/home/ann/Contoso.SyncPlan'], '/tmp')).toBe('/home/ann/Contoso.SyncPlan');
    expect(workshopArgument(['/opt/SyncPlan/syncplan', 'work/Contoso.syncplan'], '/home/ann')).toBe('/home/ann/work/Contoso.syncplan');
  });

  it('ignores Chromium switches, the app path in development, and files that are not workshops', () => {
    expect(workshopArgument(['/usr/bin/electron', '/repo/out/main/index.cjs', '--allow-file-access-from-files', '--flag=x.syncplan'], '/repo')).toBeNull();
    expect(workshopArgument(['/opt/SyncPlan/syncplan', 'notes.txt'], '/home/ann')).toBeNull();
    expect(workshopArgument(['/opt/SyncPlan/syncplan', '--original-process-start-time=1', '/w/a.syncplan', '--enable-features=X'], '/')).toBe('/w/a.syncplan');
  });
});
