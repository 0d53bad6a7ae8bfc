import { collect, collectPhrase } from '../collect.js';
import type { CollectField } from '../decision-schema.js';
import { normalizeTenant } from '../estate-index.js';
import { list } from '../format.js';
import type { Rule } from '../rule.js';
import { cite } from '../sources.js';

/** Tenants are derived from the forests' and Connect servers' `tenant` fields. */
export const multipleTenants: Rule = {
  id: 'multiple-tenants',
  capability: 'several tenants',
  sources: ['TOPO', 'CTOPO'],
  evaluate(ctx) {
    const f = ctx.forest.forest;
    const known = new Set<string>();
    const missing: CollectField[] = [];
    const forestTenant = normalizeTenant(ctx.forest.tenant);
    if (forestTenant === null) missing.push(collect('forests', 'tenant', f));
    else known.add(forestTenant);
    for (const s of ctx.servers) {
      const t = normalizeTenant(s.tenant);
      if (t === null) missing.push(collect('connect_servers', 'tenant', s.server));
      else known.add(t);
    }
    const tenants = [...known].sort();
    const evidence = { tenants, connectServers: ctx.servers.map((s) => ({ server: s.server, tenant: s.tenant })) };
    if (tenants.length >= 2) {
      return [
        {
          effect: 'blocks-cloud-sync',
          message: `Forest ${f} is synced to several tenants (${list(tenants)}). Connect Sync serves each tenant from its own server, with writeback in one tenant only (${cite('CTOPO')}); Cloud Sync documents no topology where one forest feeds several tenants (${cite('TOPO')}).`,
          remediation: 'Keep the forest on Connect Sync, or consolidate to one tenant before moving it.',
          evidence,
        },
      ];
    }
    if (missing.length > 0 && tenants.length + missing.length >= 2) {
      return [
        {
          effect: 'unknown-data',
          couldBecome: 'blocks-cloud-sync',
          message: `Not every tenant that forest ${f} syncs to is recorded; if it feeds more than one tenant, Cloud Sync has no documented topology for it (${cite('TOPO')}). ${collectPhrase(missing)}`,
          remediation: 'Record the tenant (e.g. contoso.onmicrosoft.com) of the forest and of each Connect server that syncs it.',
          evidence,
          collect: missing,
        },
      ];
    }
    if (ctx.estate.tenants.length >= 2) {
      if (tenants.length === 0) {
        return [
          {
            effect: 'unknown-data',
            couldBecome: 'informational',
            message: `The estate spans ${ctx.estate.tenants.length} tenants, but the tenant of forest ${f} is not recorded. ${collectPhrase(missing)}`,
            remediation: `Record the tenant of ${f}.`,
            evidence: { ...evidence, estateTenants: [...ctx.estate.tenants] },
            collect: missing,
          },
        ];
      }
      return [
        {
          effect: 'informational',
          severity: 'info',
          message: `The estate spans ${ctx.estate.tenants.length} tenants (${list(ctx.estate.tenants)}); forest ${f} syncs to ${tenants[0]}. Its Cloud Sync agents register with that tenant only, and each tenant gets its own configuration (${cite('TOPO')}).`,
          remediation: `Install agents for ${f} registered to ${tenants[0]}.`,
          evidence: { ...evidence, estateTenants: [...ctx.estate.tenants] },
        },
      ];
    }
    return [];
  },
};
