import { count } from '../engine/format.js';
import type { EditImpact } from './edit-schema.js';

/** How a row of each table reads when a deletion takes it along or changes it. */
const DELETED: Record<string, [string, string]> = {
  domains: ['domain', 'domains'],
  ous: ['OU', 'OUs'],
  agents: ['agent host', 'agent hosts'],
  trusts: ['trust', 'trusts'],
  forest_links: ['forest link', 'forest links'],
  hygiene: ['hygiene finding', 'hygiene findings'],
};

const CHANGED: Record<string, (n: string, one: boolean) => string> = {
  connect_servers: (n, one) => `${n} Connect server${one ? ' no longer syncs' : 's no longer sync'} it`,
  agents: (n, one) => `${n} agent host${one ? '' : 's'} no longer name${one ? 's' : ''} its domain`,
  forests: (n, one) => `${n} forest${one ? '' : 's'} lose${one ? 's' : ''} ${one ? 'its' : 'their'} tenant`,
};

/**
 * What a deletion takes with it, as the confirmation lists it: "3 domains", "1,204 OUs", "1 Connect
 * server no longer syncs it". Empty when it takes nothing else.
 */
export function describeImpact(impact: EditImpact): string[] {
  const lines: string[] = [];
  for (const { table, op, rows } of impact) {
    if (rows === 0) continue;
    const deleted = DELETED[table];
    if (op === 'delete' && deleted) lines.push(`${count(rows)} ${rows === 1 ? deleted[0] : deleted[1]}`);
    const changed = CHANGED[table];
    if (op === 'update' && changed) lines.push(changed(count(rows), rows === 1));
  }
  return lines;
}
