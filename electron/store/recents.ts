import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import type { RecentWorkshop } from '../../shared/ipc/contracts/workshop.js';

const Stored = z.array(z.object({ path: z.string(), name: z.string(), openedAt: z.string() }));
const LIMIT = 12;

/** The start screen's list, kept as a small JSON file in the user's app-data folder. */
export class RecentWorkshops {
  private readonly file: string;

  constructor(userDataDir: string) {
    this.file = join(userDataDir, 'recent-workshops.json');
  }

  private read(): z.infer<typeof Stored> {
    try {
      const parsed = Stored.safeParse(JSON.parse(readFileSync(this.file, 'utf8')));
      return parsed.success ? parsed.data : [];
    } catch {
      return [];
    }
  }

  private write(list: z.infer<typeof Stored>): void {
    mkdirSync(dirname(this.file), { recursive: true });
    const temp = `${this.file}.tmp`;
    writeFileSync(temp, JSON.stringify(list, null, 2));
    renameSync(temp, this.file);
  }

  list(): RecentWorkshop[] {
    return this.read().map((r) => ({ ...r, exists: existsSync(r.path) }));
  }

  remember(path: string, name: string): void {
    const rest = this.read().filter((r) => r.path !== path);
    this.write([{ path, name, openedAt: new Date().toISOString() }, ...rest].slice(0, LIMIT));
  }

  forget(path: string): RecentWorkshop[] {
    this.write(this.read().filter((r) => r.path !== path));
    return this.list();
  }
}
