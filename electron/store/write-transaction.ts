import { setTimeout as delay } from 'node:timers/promises';
import { UserError } from '../../shared/result.js';
import { BUSY_TIMEOUT_MS, workshopFile, type Db } from './workshop-db.js';
import { inUseError, isBusy } from './store-errors.js';

/** How long a large write (an import) waits for another writer before saying who holds the workshop. */
export const WRITE_WAIT_MS = 10_000;
/** Each attempt blocks the thread this long at most, so the app stays responsive and Cancel is heard. */
const ATTEMPT_MS = 100;
const PAUSE_MS = 50;

export interface WriteOptions {
  signal?: AbortSignal;
  waitMs?: number;
}

/**
 * Runs `work` in one transaction that takes the write lock before it reads anything (BEGIN
 * IMMEDIATE). A deferred transaction would read first and then fail to upgrade to a write lock when
 * another writer got in between; this one waits its turn instead, between short attempts that leave
 * the event loop free, and can be cancelled while it waits.
 */
export async function writeTransaction<T>(db: Db, work: () => T, options: WriteOptions = {}): Promise<T> {
  const deadline = Date.now() + (options.waitMs ?? WRITE_WAIT_MS);
  const transaction = db.transaction(work);
  for (;;) {
    if (options.signal?.aborted) throw new UserError('cancelled', 'Cancelled while waiting for the workshop to be free; nothing was written.');
    db.pragma(`busy_timeout = ${ATTEMPT_MS}`);
    try {
      return transaction.immediate();
    } catch (error) {
      if (!isBusy(error)) throw error;
      if (Date.now() >= deadline) {
        const file = workshopFile(db);
        throw file ? inUseError(file) : error;
      }
    } finally {
      db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    }
    await delay(PAUSE_MS);
  }
}
