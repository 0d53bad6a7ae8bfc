import { mkdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { UserError, type AppError } from '../../shared/result.js';
import type { RecoveryReport, WorkshopInfo } from '../../shared/ipc/contracts/workshop.js';
import { closeWorkshop, openWorkshop, type Db, type OpenMode } from '../store/workshop-db.js';
import { explainStoreError, type ExplainOptions } from '../store/store-errors.js';
import { recoverWorkshop } from '../store/recover.js';
import { getMeta } from '../store/inventory-repo.js';
import { RecentWorkshops } from '../store/recents.js';
import { bugMessage, writeBugLog } from '../diagnostics/bug-log.js';
import type { Platform } from './platform.js';
import { EditHistory } from './edit-history.js';

interface OpenWorkshop {
  db: Db;
  info: WorkshopInfo;
  history: EditHistory;
}

/** What the app offers for a damaged workshop (the notice's button). */
const APP_EXPLAIN: ExplainOptions = { recover: 'Choose "Recover into a new workshop…"' };

/** The workshop a window is working on. One per window in the app, one per harness process. */
export class Session {
  private current: OpenWorkshop | null = null;
  readonly recents: RecentWorkshops;

  constructor(readonly platform: Platform) {
    mkdirSync(platform.userDataDir, { recursive: true });
    this.recents = new RecentWorkshops(platform.userDataDir);
  }

  get info(): WorkshopInfo | null {
    return this.current?.info ?? null;
  }

  /** The open workshop's database; a clear error when none is open. */
  db(): Db {
    if (!this.current) throw new UserError('no-workshop', 'No workshop is open. Create or open one first.');
    return this.current.db;
  }

  /** The undo and redo of the open workshop's edits. */
  history(): EditHistory {
    if (!this.current) throw new UserError('no-workshop', 'No workshop is open. Create or open one first.');
    return this.current.history;
  }

  async open(path: string, mode: OpenMode, name?: string): Promise<WorkshopInfo> {
    const opened = await openWorkshop(path, { mode, explain: APP_EXPLAIN, ...(name ? { name } : {}) });
    this.close();
    const info: WorkshopInfo = {
      path,
      name: getMeta(opened.db, 'name') ?? basename(path),
      createdAt: getMeta(opened.db, 'created_at'),
      backupPath: opened.backupPath,
      ...(opened.readOnly ? { readOnly: opened.readOnly } : {}),
    };
    this.current = { db: opened.db, info, history: new EditHistory(opened.db) };
    this.recents.remember(path, info.name);
    return info;
  }

  /** Copies what is readable of a damaged workshop into `target` and opens the result. */
  async recover(path: string, target: string): Promise<{ info: WorkshopInfo; report: RecoveryReport }> {
    const report = await recoverWorkshop(path, target);
    return { info: await this.open(target, 'open'), report };
  }

  /**
   * A handler's failure as the user should see it: a known problem with the open workshop as one
   * sentence naming it, anything else as a bug whose stack goes to the log in the app-data folder.
   */
  describeFailure(channel: string, error: unknown): AppError {
    const path = this.current?.info.path;
    const known = error instanceof UserError ? error : path ? explainStoreError(error, path, APP_EXPLAIN) : null;
    if (known) return known.toAppError();
    const log = writeBugLog(join(this.platform.userDataDir, 'logs'), `in "${channel}"`, error);
    return { code: 'internal', message: bugMessage(`in "${channel}"`, error, log) };
  }

  close(): void {
    if (this.current) closeWorkshop(this.current.db);
    this.current = null;
  }
}
