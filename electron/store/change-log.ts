import type { Statement } from 'better-sqlite3';
import type { SqlValue } from '../../shared/model/entity.js';
import type { Db } from './workshop-db.js';

/**
 * Row-level record of what one write changed, so that it can be reversed exactly: SQLite triggers
 * (temporary, on this connection only, present only while an edit runs) log the old image of every
 * row an edit inserts, updates or deletes in the model's tables, including the rows that foreign-key
 * cascades change. Reversing a record restores every row as it was, and is itself recorded, which
 * gives the record that redoes it. Imports never run with the triggers, so they log nothing.
 */

/** The tables that hold what a person edits: the inventory and the plan's inputs. */
export const LOGGED_TABLES = [
  'tenants',
  'forests',
  'forest_features',
  'domains',
  'ous',
  'connect_servers',
  'agents',
  'trusts',
  'forest_links',
  'hygiene',
  'plan_settings',
  'plan_task_durations',
  'plan_wave_moves',
] as const;
export type LoggedTable = (typeof LOGGED_TABLES)[number];

export type ChangeOp = 'insert' | 'update' | 'delete';

export interface Change {
  table: LoggedTable;
  op: ChangeOp;
  /** The row's key after the change (insert, update); empty for a delete. */
  key: SqlValue[];
  /** The row before the change, column by column (update, delete); empty for an insert. */
  before: SqlValue[];
}

interface TableShape {
  columns: string[];
  key: string[];
}

const LOG = 'temp.syncplan_change_log';
const shapes = new WeakMap<Db, Map<LoggedTable, TableShape>>();

function tableShapes(db: Db): Map<LoggedTable, TableShape> {
  let found = shapes.get(db);
  if (found) return found;
  found = new Map();
  for (const table of LOGGED_TABLES) {
    const info = db.pragma(`table_info(${table})`) as { name: string; pk: number }[];
    found.set(table, {
      columns: info.map((c) => c.name),
      key: info
        .filter((c) => c.pk > 0)
        .sort((a, b) => a.pk - b.pk)
        .map((c) => c.name),
    });
  }
  shapes.set(db, found);
  return found;
}

const cols = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i}`);

function createTriggers(db: Db): void {
  const all = tableShapes(db);
  const width = Math.max(...[...all.values()].map((s) => s.columns.length));
  const keyWidth = Math.max(...[...all.values()].map((s) => s.key.length));
  db.exec(`CREATE TEMP TABLE IF NOT EXISTS syncplan_change_log (seq INTEGER PRIMARY KEY, tbl TEXT NOT NULL, op TEXT NOT NULL, ${[...cols('k', keyWidth), ...cols('c', width)].join(', ')})`);
  const statements: string[] = [];
  for (const [table, shape] of all) {
    const keyCols = cols('k', shape.key.length);
    const rowCols = cols('c', shape.columns.length);
    const newKey = shape.key.map((k) => `NEW."${k}"`);
    const old = shape.columns.map((c) => `OLD."${c}"`);
    // An update that leaves the row as it was (an upsert of the same values) is not a change.
    const changed = shape.columns.map((c) => `OLD."${c}" IS NOT NEW."${c}"`).join(' OR ');
    const log = (op: ChangeOp, names: string[], values: string[]) =>
      `CREATE TEMP TRIGGER syncplan_log_${table}_${op} AFTER ${op.toUpperCase()} ON main.${table}${op === 'update' ? ` WHEN ${changed}` : ''} BEGIN ` +
      `INSERT INTO ${LOG} (tbl, op${names.map((n) => `, ${n}`).join('')}) VALUES ('${table}', '${op}'${values.map((v) => `, ${v}`).join('')}); END;`;
    statements.push(log('insert', keyCols, newKey));
    statements.push(log('update', [...keyCols, ...rowCols], [...newKey, ...old]));
    statements.push(log('delete', rowCols, old));
  }
  db.exec(statements.join('\n'));
}

function dropTriggers(db: Db): void {
  const statements: string[] = [];
  for (const table of LOGGED_TABLES) for (const op of ['insert', 'update', 'delete']) statements.push(`DROP TRIGGER IF EXISTS temp.syncplan_log_${table}_${op};`);
  db.exec(statements.join('\n'));
}

function takeLog(db: Db): Change[] {
  const all = tableShapes(db);
  const rows = db.prepare(`SELECT * FROM ${LOG} ORDER BY seq`).all() as Record<string, SqlValue>[];
  db.prepare(`DELETE FROM ${LOG}`).run();
  return rows.map((row) => {
    const table = row.tbl as LoggedTable;
    const op = row.op as ChangeOp;
    const shape = all.get(table) as TableShape;
    return {
      table,
      op,
      key: op === 'delete' ? [] : shape.key.map((_, i) => row[`k${i}`] ?? null),
      before: op === 'insert' ? [] : shape.columns.map((_, i) => row[`c${i}`] ?? null),
    };
  });
}

/**
 * Runs `work` with the triggers in place and returns its result and what it changed. The caller runs
 * this inside its write transaction: the triggers and the log are part of it, so a failure leaves
 * nothing behind.
 */
export function recordChanges<T>(db: Db, work: () => T): { result: T; changes: Change[] } {
  createTriggers(db);
  try {
    const result = work();
    return { result, changes: takeLog(db) };
  } finally {
    dropTriggers(db);
  }
}

/**
 * Puts back every row a record changed, newest change first, and returns the record of doing so (which
 * reverses this). Foreign keys are checked at the end: a parent comes back after the children that a
 * cascade moved with it. Runs inside the caller's transaction.
 */
export function reverseChanges(db: Db, changes: readonly Change[]): Change[] {
  const all = tableShapes(db);
  const statements = new Map<string, Statement>();
  const statement = (table: LoggedTable, op: ChangeOp): Statement => {
    const id = `${table} ${op}`;
    let found = statements.get(id);
    if (found) return found;
    const shape = all.get(table) as TableShape;
    const where = shape.key.map((k) => `"${k}" = ?`).join(' AND ');
    const columns = shape.columns.map((c) => `"${c}"`);
    const sql =
      op === 'insert' ? `DELETE FROM main.${table} WHERE ${where}`
      : op === 'update' ? `UPDATE main.${table} SET ${columns.map((c) => `${c} = ?`).join(', ')} WHERE ${where}`
      : `INSERT INTO main.${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`;
    statements.set(id, (found = db.prepare(sql)));
    return found;
  };
  db.pragma('defer_foreign_keys = ON');
  return recordChanges(db, () => {
    for (let i = changes.length - 1; i >= 0; i--) {
      const change = changes[i] as Change;
      if (change.op === 'insert') statement(change.table, 'insert').run(...change.key);
      else if (change.op === 'update') statement(change.table, 'update').run(...change.before, ...change.key);
      else statement(change.table, 'delete').run(...change.before);
    }
  }).changes;
}
