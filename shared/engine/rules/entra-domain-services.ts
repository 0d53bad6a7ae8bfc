import { collect, collectPhrase } from '../collect.js';
import { normalizeTenant } from '../estate-index.js';
import { list } from '../format.js';
import type { Rule } from '../rule.js';
import { featureUnknown } from '../rule-helpers.js';
import { cite } from '../sources.js';

/**
 * Entra Domain Services belongs to a tenant, not a forest: it takes every synced user's password hash
 * from Entra ID, and Cloud Sync is not supported with it (WHAT, FAQ). A forest that records it makes
 * every forest of the same tenant stay, and each finding names them all.
 */
export const entraDomainServices: Rule = {
  id: 'entra-domain-services',
  capability: 'Microsoft Entra Domain Services',
  sources: ['WHAT', 'FAQ'],
  evaluate(ctx) {
    const f = ctx.forest.forest;
    const tenant = normalizeTenant(ctx.forest.tenant);
    const tenantForests = tenant === null ? [ctx.forest] : (ctx.estate.forestsByTenant.get(tenant) ?? [ctx.forest]);
    const recordedBy = tenantForests.filter((t) => t.features.entra_domain_services === true).map((t) => t.forest);
    const used = ctx.feature('entra_domain_services');
    if (recordedBy.length > 0) {
      const affected = tenantForests.map((t) => t.forest);
      return [
        {
          effect: 'blocks-cloud-sync',
          message: `Microsoft Entra Domain Services runs in tenant ${tenant ?? '(not recorded)'} (recorded for ${list(recordedBy)}); it takes the password hashes of every synced user from Entra ID, and Cloud Sync isn't supported with it (${cite('WHAT', 'FAQ')}). It affects every forest of the tenant: ${list(affected)}.`,
          remediation: `Keep ${list(affected)} on Connect Sync while Entra Domain Services depends on the tenant, or retire Domain Services first.`,
          evidence: { entra_domain_services: used, tenant, recordedBy, affectedForests: affected },
        },
      ];
    }
    // One forest's "no" answers for its tenant: Domain Services is the tenant's, not the forest's.
    if (used === false || tenantForests.some((t) => t.features.entra_domain_services === false)) {
      if (tenant !== null) return [];
      const elsewhere = ctx.estate.forests.filter((t) => t.features.entra_domain_services === true).map((t) => t.forest);
      if (elsewhere.length === 0) return [];
      const fields = [collect('forests', 'tenant', f)];
      return [
        {
          effect: 'unknown-data',
          couldBecome: 'blocks-cloud-sync',
          message: `Entra Domain Services is tenant-wide and ${list(elsewhere)} record${elsewhere.length === 1 ? 's' : ''} it; the tenant of ${f} is not recorded, and if it is the same, ${f} stays on Connect Sync too (${cite('WHAT', 'FAQ')}). ${collectPhrase(fields)}`,
          remediation: `Record the tenant of ${f}.`,
          evidence: { entra_domain_services: used, tenant, recordedElsewhere: elsewhere },
          collect: fields,
        },
      ];
    }
    return [featureUnknown(ctx, 'entra_domain_services', 'Microsoft Entra Domain Services', 'blocks-cloud-sync', `every forest of its tenant must stay on Connect Sync, since Cloud Sync isn't supported with it`)];
  },
};
