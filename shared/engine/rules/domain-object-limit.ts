import type { Domain } from '../../model/inventory.js';
import { collect, collectPhrase, type Column } from '../collect.js';
import { count, list } from '../format.js';
import type { FindingDraft, Rule } from '../rule.js';
import { cite } from '../sources.js';

/** DG and WHAT say 150,000; COMMON says 250,000. The stricter figure keeps a "yes" honest. */
export const CLOUD_SYNC_OBJECTS_PER_DOMAIN = 150_000;
const NEAR_LIMIT = 0.9 * CLOUD_SYNC_OBJECTS_PER_DOMAIN;

interface Part {
  column: Column<'domains'>;
  n: number | null;
}

function countedParts(d: Domain, computers: boolean): Part[] {
  const parts: Part[] = [
    { column: 'users', n: d.users },
    { column: 'groups', n: d.groups },
    { column: 'contacts', n: d.contacts },
  ];
  if (computers) parts.push({ column: 'computers', n: d.computers });
  return parts;
}

/**
 * Cloud Sync provisions users, groups and contacts; computers count only when its (preview) device
 * sync job is allowed and the forest syncs devices. A known partial sum already over the limit
 * decides; otherwise a blank count leaves the domain's engine open.
 */
export const domainObjectLimit: Rule = {
  id: 'domain-object-limit',
  capability: 'objects per AD domain',
  sources: ['DG', 'WHAT', 'COMMON'],
  evaluate(ctx) {
    // The setting is read only where devices may be synced: a what-if on it re-decides only those forests (incremental.ts).
    const deviceSync = ctx.feature('device_sync') !== false && ctx.assumptions.allowPreviewFeatures ? ctx.feature('device_sync') : false;
    const drafts: FindingDraft[] = [];
    for (const d of ctx.domains) {
      // The common case, settled without building anything: every count known and well under the limit.
      if (deviceSync === false && d.users !== null && d.groups !== null && d.contacts !== null && d.users + d.groups + d.contacts <= NEAR_LIMIT) continue;
      const parts = countedParts(d, deviceSync === true);
      const known = parts.reduce((sum, p) => sum + (p.n ?? 0), 0);
      const missing = parts.filter((p) => p.n === null);
      const breakdown = () => list(parts.filter((p) => p.n !== null).map((p) => `${count(p.n ?? 0)} ${p.column}`));
      const evidence = {
        users: d.users,
        groups: d.groups,
        contacts: d.contacts,
        computers: d.computers,
        counted: known,
        limit: CLOUD_SYNC_OBJECTS_PER_DOMAIN,
        computersCounted: deviceSync === true,
      };
      if (known > CLOUD_SYNC_OBJECTS_PER_DOMAIN) {
        drafts.push({
          effect: 'keeps-domain-on-connect',
          domains: [d.domain],
          subject: d.domain,
          message: `Domain ${d.domain} holds ${missing.length > 0 ? 'at least ' : ''}${count(known)} objects (${breakdown()}); Cloud Sync serves at most ${count(CLOUD_SYNC_OBJECTS_PER_DOMAIN)} per domain (${cite('DG')}). COMMON gives 250,000; SyncPlan uses the stricter figure.`,
          remediation: `Keep ${d.domain} on Connect Sync while the other domains move, or bring the objects in sync scope below ${count(CLOUD_SYNC_OBJECTS_PER_DOMAIN)}; the two engines' scopes must not overlap (${cite('TOPO')}).`,
          evidence,
        });
        continue;
      }
      const devicesMayCount =
        deviceSync === null && (d.computers === null || known + d.computers > CLOUD_SYNC_OBJECTS_PER_DOMAIN);
      if (missing.length > 0 || devicesMayCount) {
        const fields = [
          ...missing.map((p) => collect('domains', p.column, d.domain)),
          ...(devicesMayCount ? [collect('sync_features', 'device_sync', ctx.forest.forest)] : []),
          ...(devicesMayCount && d.computers === null ? [collect('domains', 'computers', d.domain)] : []),
        ];
        drafts.push({
          effect: 'unknown-data',
          couldBecome: 'keeps-domain-on-connect',
          domains: [d.domain],
          subject: d.domain,
          message: `The object count of domain ${d.domain} is incomplete${parts.some((p) => p.n !== null) ? ` (known: ${breakdown()})` : ''}; Cloud Sync serves at most ${count(CLOUD_SYNC_OBJECTS_PER_DOMAIN)} objects per domain (${cite('DG')}). ${collectPhrase(fields)}`,
          remediation: `Count the users, groups and contacts of ${d.domain} (e.g. Get-ADUser -Filter * | Measure-Object) and record them.`,
          evidence,
          collect: fields,
        });
        continue;
      }
      if (known > NEAR_LIMIT) {
        drafts.push({
          effect: 'informational',
          severity: 'warning',
          domains: [d.domain],
          subject: d.domain,
          message: `Domain ${d.domain} holds ${count(known)} objects, close to Cloud Sync's limit of ${count(CLOUD_SYNC_OBJECTS_PER_DOMAIN)} per domain (${cite('DG')}).`,
          remediation: 'Watch growth: a domain that passes the limit must go back to Connect Sync or be split by OU.',
          evidence,
        });
      }
    }
    return drafts;
  },
};
