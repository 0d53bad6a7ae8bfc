import { mkdirSync } from 'node:fs';
import { basename } from 'node:path';
import { UserError } from '../../shared/result.js';
import type { WorkshopInfo } from '../../shared/ipc/contracts/workshop.js';
import { closeWorkshop, openWorkshop, type Db } from '../store/workshop-db.js';
import { getMeta } from '../store/inventory-repo.js';
import { RecentWorkshops } from '../store/recents.js';
import type { Platform } from './platform.js';

interface OpenWorkshop {
  db: Db;
  info: WorkshopInfo;
}

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

  async open(path: string, mode: 'create' | 'open', name?: string): Promise<WorkshopInfo> {
    const opened = await openWorkshop(path, { mode, ...(name ? { name } : {}) });
    this.close();
    const info: WorkshopInfo = {
      path,
      name: getMeta(opened.db, 'name') ?? basename(path),
      createdAt: getMeta(opened.db, 'created_at'),
      backupPath: opened.backupPath,
    };
    this.current = { db: opened.db, info };
    this.recents.remember(path, info.name);
    return info;
  }

  close(): void {
    if (this.current) closeWorkshop(this.current.db);
    this.current = null;
  }
}
