import type { Statement } from 'better-sqlite3';
import { fromSqlRow, sqlColumns, sqlKey, toSqlRow, type Entity, type Fields, type ValueOf } from '../../shared/model/entity.js';
import type { Db } from './workshop-db.js';

/**
 * Reads and writes one entity's table, with the statements derived from its description: the columns,
 * the key to upsert on, the row mapping. Upserts never delete a row first, so rows that reference it
 * (a forest's domains) stay.
 */
export interface EntityTable<F extends Fields> {
  all(db: Db): ValueOf<F>[];
  count(db: Db): number;
  save(db: Db, value: ValueOf<F>): void;
  /** Rewrites the row keyed `previousKey` (a rename); references follow through ON UPDATE CASCADE. Returns whether it existed. */
  update(db: Db, value: ValueOf<F>, previousKey: string): boolean;
}

const statements = new WeakMap<Db, Map<string, Statement>>();

function prepared(db: Db, sql: string): Statement {
  let cache = statements.get(db);
  if (!cache) statements.set(db, (cache = new Map()));
  let statement = cache.get(sql);
  if (!statement) cache.set(sql, (statement = db.prepare(sql)));
  return statement;
}

export function entityTable<F extends Fields>(entity: Entity<F>): EntityTable<F> {
  const table = entity.table;
  if (table === null) throw new Error(`the ${entity.noun} entity has no table of its own`);
  const columns = sqlColumns(entity);
  const key = sqlKey(entity);
  const select = `SELECT * FROM ${table}${entity.orderBy ? ` ORDER BY ${entity.orderBy}` : ''}`;
  const count = `SELECT COUNT(*) FROM ${table}`;
  const upsert =
    `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')}) ` +
    `ON CONFLICT (${key.join(', ')}) DO UPDATE SET ${columns.map((c) => `${c} = excluded.${c}`).join(', ')}`;
  const update = key.length === 1 ? `UPDATE ${table} SET ${columns.map((c) => `${c} = @${c}`).join(', ')} WHERE ${key[0]} = @previous_key` : null;
  return {
    all: (db) => (prepared(db, select).all() as Record<string, unknown>[]).map((row) => fromSqlRow(entity, row)),
    count: (db) => prepared(db, count).pluck().get() as number,
    save(db, value) {
      prepared(db, upsert).run(toSqlRow(entity, value));
    },
    update(db, value, previousKey) {
      if (update === null) throw new Error(`the ${entity.noun} table has a composite key`);
      return prepared(db, update).run({ ...toSqlRow(entity, value), previous_key: previousKey }).changes > 0;
    },
  };
}
