import { resolve } from 'node:path';
import { openWorkshop, type OpenedWorkshop } from '../store/workshop-db.js';

/** CLI paths are relative to the caller's folder. */
export function openExistingWorkshop(path: string, cwd: string): Promise<OpenedWorkshop> {
  return openWorkshop(resolve(cwd, path), { mode: 'open' });
}
