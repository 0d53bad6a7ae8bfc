import { resolve } from 'node:path';
import { closeWorkshop, openWorkshop, type Db } from '../store/workshop-db.js';

/** Opens an existing workshop (CLI paths are relative to the caller's folder), runs `use`, always closes. */
export async function withWorkshop<T>(path: string, cwd: string, use: (db: Db) => T): Promise<T> {
  const { db } = await openWorkshop(resolve(cwd, path), { mode: 'open' });
  try {
    return use(db);
  } finally {
    closeWorkshop(db);
  }
}
