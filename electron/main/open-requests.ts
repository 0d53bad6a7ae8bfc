import { basename } from 'node:path';
import { UserError, formatError } from '../../shared/result.js';
import type { WorkshopInfo } from '../../shared/ipc/contracts/workshop.js';

export interface OpenRequestDeps {
  open(path: string): Promise<WorkshopInfo>;
  /** The workshop is open: tell the window. */
  opened(info: WorkshopInfo): void;
  /** One sentence for the user, naming the file. */
  failed(message: string): void;
}

/**
 * Workshops the operating system asks to open (a double-click on a .syncplan file, "Open with", a file
 * dropped on the dock icon), before or after the app is ready. Requests that arrive before it is ready
 * wait; only the last one counts, as the user sees one workshop at a time.
 */
export function createOpenRequests(deps: OpenRequestDeps) {
  let ready = false;
  let waiting: string | null = null;

  const run = async (path: string) => {
    try {
      deps.opened(await deps.open(path));
    } catch (error) {
      const detail = error instanceof UserError ? formatError(error.toAppError()) : (error as Error).message;
      deps.failed(`SyncPlan could not open ${basename(path)}: ${detail}`);
    }
  };

  return {
    request(path: string): Promise<void> {
      if (!ready) {
        waiting = path;
        return Promise.resolve();
      }
      return run(path);
    },
    /** The window is up: open what was asked for meanwhile. */
    ready(): Promise<void> {
      ready = true;
      const path = waiting;
      waiting = null;
      return path ? run(path) : Promise.resolve();
    },
  };
}
