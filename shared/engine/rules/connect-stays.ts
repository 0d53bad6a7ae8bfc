import { collect, collectPhrase } from '../collect.js';
import type { StayingServer } from '../decision-schema.js';
import { normalizeTenant } from '../estate-index.js';
import { stayingServers } from '../staying.js';
import { count, list } from '../format.js';
import type { EstateRule, FindingDraft } from '../rule.js';
import { cite } from '../sources.js';

/** SQL Express LocalDB caps at 10 GB, about 100,000 objects (CPRE). */
const LOCALDB_OBJECTS = 100_000;

function what(s: StayingServer): string {
  const forests = s.forests.map((f) =>
    f.parts.includes('whole forest')
      ? `${f.forest} (whole forest)`
      : f.verdict === 'insufficient-data'
        ? `${f.forest} (open)`
        : `${f.forest} (${list([...f.domains.map((d) => `domain ${d}`), ...f.parts])})`,
  );
  return list([...forests, ...s.nonAdConnectors.map((c) => `the ${c} connector`)]);
}

/**
 * Where Connect Sync stays once every forest that can move has moved, stated once for the estate, and
 * what that means for those servers in the long run: their LocalDB and one active server per tenant
 * (CTOPO, CPRE). Versions are connect-server-version's.
 */
export const connectStays: EstateRule = {
  id: 'connect-stays',
  capability: 'Connect Sync after the migration: which servers stay, for what',
  sources: ['CTOPO', 'CPRE', 'VERS'],
  evaluate(ctx) {
    const servers = stayingServers(ctx.estate, ctx.decisionByForest);
    const certain = servers.filter((s) => s.certain);
    const open = ctx.decisions.filter((d) => d.verdict === 'insufficient-data').map((d) => d.forest);
    const drafts: FindingDraft[] = [];
    if (certain.length > 0) {
      drafts.push({
        effect: 'informational',
        severity: 'warning',
        subject: 'summary',
        message: `Connect Sync stays after the migration on ${list(certain.map((s) => `${s.server} for ${what(s)}`))}. Those servers keep their upgrades, staging server and monitoring for as long as they run (${cite('VERS', 'CTOPO')}).`,
        remediation: 'Plan Connect Sync as a lasting service for these forests: upgrades, a staging server, monitoring, and non-overlapping scopes with Cloud Sync.',
        evidence: { servers: certain.map((s) => ({ server: s.server, forests: s.forests.map((f) => f.forest), nonAdConnectors: s.nonAdConnectors })) },
      });
    } else if (open.length > 0) {
      drafts.push({
        effect: 'informational',
        severity: 'warning',
        subject: 'summary',
        message: `Whether Connect Sync stays anywhere is open: the verdicts of ${list(open)} wait for data.`,
        remediation: `Collect what ${list(open)} lack; their findings say what.`,
        evidence: { open },
      });
    } else if (ctx.estate.servers.length > 0) {
      drafts.push({
        effect: 'informational',
        severity: 'info',
        subject: 'summary',
        message: `No forest keeps anything on Connect Sync: ${list(ctx.estate.servers.map((s) => s.server))} can be decommissioned after the last cutover and its validation period (${cite('CTOPO')}).`,
        remediation: 'Keep the Connect servers in staging mode through validation, then uninstall them.',
        evidence: { servers: ctx.estate.servers.map((s) => s.server) },
      });
    }
    for (const s of certain) {
      if (s.database !== 'localdb') continue;
      const objects = s.forests
        .filter((f) => f.parts.includes('whole forest'))
        .reduce((sum, f) => sum + (ctx.estate.forestObjects.get(f.forest)?.lower ?? 0), 0);
      if (objects <= LOCALDB_OBJECTS) continue;
      drafts.push({
        effect: 'needs-remediation',
        subject: `localdb ${s.server}`,
        message: `${s.server} stays and keeps its database in SQL Express LocalDB, which holds 10 GB, about ${count(LOCALDB_OBJECTS)} objects (${cite('CPRE')}); the forests it keeps hold at least ${count(objects)}.`,
        remediation: `Move ${s.server} to a full SQL Server database (new installation with the exported configuration, then swap with staging).`,
        evidence: { server: s.server, objectsAtLeast: objects, limit: LOCALDB_OBJECTS },
      });
    }
    const byTenant = new Map<string, StayingServer[]>();
    for (const s of certain) {
      const t = normalizeTenant(s.tenant);
      if (t !== null && s.mode === 'active') byTenant.set(t, [...(byTenant.get(t) ?? []), s]);
    }
    for (const [tenant, active] of byTenant) {
      if (active.length < 2) continue;
      drafts.push({
        effect: 'needs-remediation',
        subject: `active ${tenant}`,
        message: `${list(active.map((s) => s.server))} stay and are all active for ${tenant}; Connect Sync allows one active server per tenant, the others in staging mode (${cite('CTOPO')}).`,
        remediation: 'Consolidate the forests that stay onto one active server per tenant, with a staging server beside it.',
        evidence: { tenant, servers: active.map((s) => s.server) },
      });
    }
    const unknownDb = certain.filter((s) => s.database === null);
    if (unknownDb.length > 0) {
      const fields = unknownDb.map((s) => collect('connect_servers', 'database', s.server));
      drafts.push({
        effect: 'unknown-data',
        couldBecome: 'needs-remediation',
        subject: 'database unknown',
        message: `The database of ${list(unknownDb.map((s) => s.server))}, which stay, is not recorded; SQL Express LocalDB holds about ${count(LOCALDB_OBJECTS)} objects (${cite('CPRE')}). ${collectPhrase(fields)}`,
        remediation: 'Record whether each staying server uses LocalDB or a full SQL Server.',
        evidence: { servers: unknownDb.map((s) => s.server) },
        collect: fields,
      });
    }
    return drafts;
  },
};
