import { UserError } from '../../shared/result.js';
import type { DeleteEdit, Edit, EditImpact, HistoryState } from '../../shared/edit/edit-schema.js';
import { EDITABLE_ENTITIES } from '../../shared/edit/edit-schema.js';
import type { EditOutcome } from '../../shared/ipc/contracts/model.js';
import { LOGGED_TABLES, recordChanges, reverseChanges, type Change, type LoggedTable } from '../store/change-log.js';
import { applyEdit } from '../store/model-edits.js';
import { writeTransaction } from '../store/write-transaction.js';
import type { Db } from '../store/workshop-db.js';

interface Entry {
  label: string;
  changes: Change[];
}

/** Undo keeps this many steps; the oldest go first. */
const MAX_STEPS = 200;

/** Thrown to roll back a dry run. */
class DryRun extends Error {
  constructor(readonly changes: Change[]) {
    super('dry run');
  }
}

/**
 * The undo and redo stacks of one open workshop, kept in main for the whole session: a view switch or
 * a reload of the window finds them as they were. Every model edit (and every change of the plan's
 * inputs) runs through here, in one write transaction whose row changes are recorded (change-log.ts).
 * If another program writes to the workshop, the stacks no longer describe it and are dropped.
 */
export class EditHistory {
  private undoStack: Entry[] = [];
  private redoStack: Entry[] = [];
  private seenVersion: number;
  /** One step at a time: a quick second Ctrl+Z waits for the first instead of undoing the same step twice. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly db: Db) {
    this.seenVersion = this.dataVersion();
  }

  state(): HistoryState {
    return { undo: this.undoStack.at(-1)?.label ?? null, redo: this.redoStack.at(-1)?.label ?? null };
  }

  /** Forgets every step: after an import, which cannot be undone step by step. */
  clear(): void {
    this.undoStack = [];
    this.redoStack = [];
    this.seenVersion = this.dataVersion();
  }

  async apply(edit: Edit): Promise<EditOutcome> {
    return this.record(() => applyEdit(this.db, edit));
  }

  /** Runs a write that names itself (returns its label) as one undoable step. */
  record(work: () => string): Promise<EditOutcome> {
    return this.serially(() => this.recordNow(work));
  }

  private async recordNow(work: () => string): Promise<EditOutcome> {
    this.dropIfChangedElsewhere();
    const { result: label, changes } = await writeTransaction(this.db, () => recordChanges(this.db, work));
    if (changes.length > 0) {
      this.undoStack.push({ label, changes });
      if (this.undoStack.length > MAX_STEPS) this.undoStack.shift();
      this.redoStack = [];
    }
    return { label, history: this.state() };
  }

  /** What a deletion would change besides its own row, found by doing it and rolling it back. */
  impact(edit: DeleteEdit): EditImpact {
    let changes: Change[] = [];
    try {
      this.db.transaction(() => {
        throw new DryRun(recordChanges(this.db, () => applyEdit(this.db, edit)).changes);
      })();
    } catch (error) {
      if (!(error instanceof DryRun)) throw error;
      changes = error.changes;
    }
    const own = EDITABLE_ENTITIES[edit.entity].table;
    const counts = new Map<string, EditImpact[number]>();
    let ownRowSeen = false;
    for (const change of changes) {
      if (change.table === own && change.op === 'delete' && !ownRowSeen) {
        ownRowSeen = true;
        continue;
      }
      // A forest's features are part of the forest, not something that goes with it.
      if (change.table === 'forest_features') continue;
      const id = `${change.table} ${change.op}`;
      const found = counts.get(id) ?? { table: change.table, op: change.op, rows: 0 };
      found.rows++;
      counts.set(id, found);
    }
    // In the model's order (forests, domains, OUs, …), whatever order the cascades ran in.
    return [...counts.values()].sort((a, b) => LOGGED_TABLES.indexOf(a.table as LoggedTable) - LOGGED_TABLES.indexOf(b.table as LoggedTable));
  }

  undo(): Promise<EditOutcome> {
    return this.serially(() => this.step(this.undoStack, this.redoStack));
  }

  redo(): Promise<EditOutcome> {
    return this.serially(() => this.step(this.redoStack, this.undoStack));
  }

  private serially<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work, work);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async step(from: Entry[], to: Entry[]): Promise<EditOutcome> {
    this.dropIfChangedElsewhere(true);
    const entry = from.at(-1);
    if (!entry) return { label: null, history: this.state() };
    const changes = await writeTransaction(this.db, () => reverseChanges(this.db, entry.changes));
    from.pop();
    to.push({ label: entry.label, changes });
    return { label: entry.label, history: this.state() };
  }

  private dataVersion(): number {
    return Number(this.db.pragma('data_version', { simple: true }));
  }

  /** `data_version` moves only when another connection commits: then the recorded rows may no longer be what the file holds. */
  private dropIfChangedElsewhere(refuse = false): void {
    if (this.dataVersion() === this.seenVersion) return;
    const hadSteps = this.undoStack.length + this.redoStack.length > 0;
    this.clear();
    if (refuse && hadSteps) {
      throw new UserError('history-cleared', 'Another program changed this workshop since your last edit, so undoing could lose its changes. The undo history was cleared.');
    }
  }
}
