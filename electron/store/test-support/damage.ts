import Database from 'better-sqlite3';
import { closeSync, openSync, writeSync } from 'node:fs';

/**
 * Overwrites one leaf page of `table` (the middle one) with garbage, as a bad sector or a torn copy
 * would: the rows on it are gone, the rest of the table is intact. Returns the page number.
 */
export function damageLeafPage(path: string, table: string): number {
  const db = new Database(path, { fileMustExist: true });
  let page: number;
  let size: number;
  try {
    db.pragma('wal_checkpoint(TRUNCATE)');
    const leaves = (db.prepare("SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf' ORDER BY pageno").all(table) as { pageno: number }[]).map(
      (r) => r.pageno,
    );
    if (leaves.length === 0) throw new Error(`${table} has no leaf page`);
    page = leaves[Math.floor(leaves.length / 2)] as number;
    size = Number(db.pragma('page_size', { simple: true }));
  } finally {
    db.close();
  }
  const fd = openSync(path, 'r+');
  try {
    writeSync(fd, Buffer.alloc(size, 0x55), 0, size, (page - 1) * size);
  } finally {
    closeSync(fd);
  }
  return page;
}

/** An OU template with `count` OUs of one domain: enough rows to span many pages. */
export function ousCsv(count: number, domain = 'fabrikam.com'): string {
  const dc = domain
    .split('.')
    .map((part) => `DC=${part}`)
    .join(',');
  const rows = ['domain,distinguished_name,users,groups,contacts,computers,in_connect_scope'];
  for (let i = 0; i < count; i++) rows.push(`${domain},"OU=Team ${i},OU=Staff,${dc}",${i % 90},1,0,0,true`);
  return `${rows.join('\r\n')}\r\n`;
}
