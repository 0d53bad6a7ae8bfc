import { collect, collectPhrase } from '../collect.js';
import { count, list } from '../format.js';
import type { FindingDraft, Rule } from '../rule.js';
import { cite } from '../sources.js';

/** SQL Express LocalDB caps at 10 GB, about 100,000 objects (CPRE). */
const LOCALDB_OBJECTS = 100_000;

/** Connect Sync keeps every object in scope until cutover, so an overfull LocalDB threatens the migration itself. */
export const connectLocaldbSize: Rule = {
  id: 'connect-localdb-size',
  capability: 'Connect Sync servers: LocalDB size',
  sources: ['CPRE'],
  evaluate(ctx) {
    const drafts: FindingDraft[] = [];
    for (const s of ctx.servers) {
      if (s.database === 'sql-server') continue;
      const load = ctx.estate.connectLoad.get(s.server) ?? { lower: 0, complete: false };
      const over = load.lower > LOCALDB_OBJECTS;
      const evidence = { server: s.server, database: s.database, objectsAtLeast: load.lower, countsComplete: load.complete, limit: LOCALDB_OBJECTS };
      if (s.database === 'localdb' && over) {
        drafts.push({
          effect: 'needs-remediation',
          subject: s.server,
          message: `Connect server ${s.server} keeps its database in SQL Express LocalDB, which holds 10 GB, about ${count(LOCALDB_OBJECTS)} objects (${cite('CPRE')}); the forests it syncs hold ${load.complete ? '' : 'at least '}${count(load.lower)} objects, and it must keep them all until cutover.`,
          remediation: `Move ${s.server} to a full SQL Server database (new installation with the exported configuration, then swap with staging), or reduce its scope.`,
          evidence,
        });
        continue;
      }
      if (s.database === 'localdb' && load.complete) continue;
      if (s.database === null && !over && load.complete) continue;
      const incomplete = [...new Set(s.forests)].filter((f) => ctx.estate.forestObjects.get(f)?.complete !== true).sort();
      const fields = [
        ...(s.database === null ? [collect('connect_servers', 'database', s.server)] : []),
        ...incomplete.map((f) => collect('domains', 'users', f)),
      ];
      drafts.push({
        effect: 'unknown-data',
        couldBecome: 'needs-remediation',
        subject: s.server,
        message: `Whether Connect server ${s.server} outgrows SQL Express LocalDB (10 GB, about ${count(LOCALDB_OBJECTS)} objects, ${cite('CPRE')}) is open: ${
          s.database === null ? 'its database type is not recorded' : `the object counts of ${list(incomplete)} are incomplete`
        }. ${collectPhrase(fields)}`,
        remediation: 'Record the database type (localdb or sql-server) of the Connect server and the object counts of the domains it syncs.',
        evidence,
        collect: fields,
      });
    }
    return drafts;
  },
};
