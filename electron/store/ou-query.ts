import type { OuFilter } from '../../shared/edit/edit-schema.js';
import type { OU_SORT_COLUMNS, OuPageRequest } from '../../shared/ipc/contracts/model.js';
import { fromSqlRow } from '../../shared/model/entity.js';
import { ouEntity } from '../../shared/model/entities.js';
import type { Ou } from '../../shared/model/inventory.js';
import type { Db } from './workshop-db.js';

/**
 * The OU table's rows, a window at a time: filtering and sorting happen in SQL so that a workshop of
 * 100,000 OUs never crosses to the page whole.
 */

type OuSortColumn = (typeof OU_SORT_COLUMNS)[number];

const SORT_COLUMNS: Record<OuSortColumn, string> = {
  distinguishedName: 'dn_key',
  domain: 'domain',
  users: 'users',
  groups: 'groups',
  contacts: 'contacts',
  computers: 'computers',
  inConnectScope: 'in_connect_scope',
};

/** LIKE matches its own wildcards: a typed "%" or "_" means itself. */
const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export function ouWhere(filter: OuFilter): { sql: string; params: (string | number)[] } {
  const terms: string[] = [];
  const params: (string | number)[] = [];
  if (filter.domain !== null) {
    terms.push('domain = ?');
    params.push(filter.domain.toLowerCase());
  }
  const text = filter.text.trim();
  if (text !== '') {
    terms.push("distinguished_name LIKE ? ESCAPE '\\'");
    params.push(likePattern(text));
  }
  if (filter.inConnectScope !== undefined) {
    terms.push(filter.inConnectScope === null ? 'in_connect_scope IS NULL' : 'in_connect_scope = ?');
    if (filter.inConnectScope !== null) params.push(filter.inConnectScope ? 1 : 0);
  }
  return { sql: terms.length ? `WHERE ${terms.join(' AND ')}` : '', params };
}

export function ouPage(db: Db, request: OuPageRequest): { total: number; offset: number; rows: Ou[] } {
  const { sql, params } = ouWhere(request.filter);
  const column = SORT_COLUMNS[request.sort.column];
  const direction = request.sort.direction === 'desc' ? 'DESC' : 'ASC';
  // Unknown counts sort after known ones either way; the key breaks ties so pages never overlap.
  const order = `${column} IS NULL, ${column} ${direction}, dn_key ${direction}`;
  return db.transaction(() => {
    const total = db.prepare(`SELECT count(*) FROM ous ${sql}`).pluck().get(...params) as number;
    const rows = db.prepare(`SELECT * FROM ous ${sql} ORDER BY ${order} LIMIT ? OFFSET ?`).all(...params, request.limit, request.offset) as Record<string, unknown>[];
    return { total, offset: request.offset, rows: rows.map((row) => fromSqlRow(ouEntity, row)) };
  })();
}
