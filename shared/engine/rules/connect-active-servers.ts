import { collect, collectPhrase } from '../collect.js';
import type { CollectField } from '../decision-schema.js';
import { list } from '../format.js';
import type { FindingDraft, Rule } from '../rule.js';
import { cite } from '../sources.js';

export const connectActiveServers: Rule = {
  id: 'connect-active-servers',
  capability: 'Connect Sync servers: one active server per tenant',
  sources: ['CTOPO'],
  evaluate(ctx) {
    const known = new Set<string>();
    const possible = new Set<string>();
    for (const s of ctx.servers) {
      const c = ctx.estate.activeConflicts.get(s.server);
      if (!c) continue;
      for (const o of c.known) known.add([s.server, o].sort().join(' and '));
      for (const o of c.possible) possible.add([s.server, o].sort().join(' and '));
    }
    const drafts: FindingDraft[] = [];
    if (known.size > 0) {
      const pairs = [...known].sort();
      drafts.push({
        effect: 'needs-remediation',
        subject: 'active',
        message: `Connect servers ${list(pairs)} are both active for the same tenant; Connect Sync allows one active server per tenant, any others in staging mode (${cite('CTOPO')}).`,
        remediation: 'Put every server but one in staging mode before the pilot, so that the no-flow rules of the pilot go to one place.',
        evidence: { pairs },
      });
    }
    const unsure = [...possible].filter((p) => !known.has(p)).sort();
    if (unsure.length > 0) {
      const servers = [...new Set(unsure.flatMap((p) => p.split(' and ')))].sort();
      const byName = new Map(ctx.estate.servers.map((s) => [s.server, s]));
      const fields: CollectField[] = [];
      for (const name of servers) {
        const s = byName.get(name);
        if (s?.mode === null) fields.push(collect('connect_servers', 'mode', name));
        if (s?.tenant === null) fields.push(collect('connect_servers', 'tenant', name));
      }
      drafts.push({
        effect: 'unknown-data',
        couldBecome: 'needs-remediation',
        subject: 'unknown',
        message: `Connect servers ${list(unsure)} may both be active for the same tenant (mode or tenant not recorded); Connect Sync allows one active server per tenant (${cite('CTOPO')}). ${collectPhrase(fields)}`,
        remediation: 'Record the mode (active or staging) and tenant of each Connect server.',
        evidence: { pairs: unsure },
        collect: fields,
      });
    }
    return drafts;
  },
};
