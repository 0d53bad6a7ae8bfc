import { describe, expect, it } from 'vitest';
import { UserError } from '../../shared/result.js';
import type { WorkshopInfo } from '../../shared/ipc/contracts/workshop.js';
import { createOpenRequests } from './open-requests.js';

const info = (path: string): WorkshopInfo => ({ path, name: path.replace(/.*\//, ''), createdAt: null, backupPath: null });

function harness(open: (path: string) => Promise<WorkshopInfo>) {
  const opened: string[] = [];
  const failed: string[] = [];
  const attempts: string[] = [];
  const requests = createOpenRequests({
    open: (path) => {
      attempts.push(path);
      return open(path);
    },
    opened: (w) => opened.push(w.path),
    failed: (message) => failed.push(message),
  });
  return { requests, opened, failed, attempts };
}

describe('workshops the operating system asks to open', () => {
  it('waits until the window is ready, then opens the last one asked for', async () => {
    const { requests, opened, attempts } = harness(async (path) => info(path));
    await requests.request('/w/first.syncplan');
    await requests.request('/w/second.syncplan');
    expect(attempts).toEqual([]);
    await requests.ready();
    expect(attempts).toEqual(['/w/second.syncplan']);
    expect(opened).toEqual(['/w/second.syncplan']);
  });

  it('opens at once while the app is running (a double-click with SyncPlan already open)', async () => {
    const { requests, opened } = harness(async (path) => info(path));
    await requests.ready();
    await requests.request('/w/contoso.syncplan');
    expect(opened).toEqual(['/w/contoso.syncplan']);
  });

  it('tells the user in one sentence naming the file when it cannot be opened', async () => {
    const { requests, opened, failed } = harness(async () => {
      throw new UserError('newer-version', 'it was saved by a newer SyncPlan; update SyncPlan to open it.');
    });
    await requests.ready();
    await requests.request('/w/future.syncplan');
    expect(opened).toEqual([]);
    expect(failed).toEqual(['SyncPlan could not open future.syncplan: it was saved by a newer SyncPlan; update SyncPlan to open it.']);
  });

  it('does nothing at start when nothing was asked for', async () => {
    const { requests, attempts } = harness(async (path) => info(path));
    await requests.ready();
    expect(attempts).toEqual([]);
  });
});
