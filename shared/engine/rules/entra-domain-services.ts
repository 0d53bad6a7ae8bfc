import { collect, collectPhrase } from '../collect.js';
import { normalizeTenant } from '../estate-index.js';
import { list } from '../format.js';
import type { Forest } from '../../model/inventory.js';
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
    // One forest's "no" answers for its tenant, Domain Services being the tenant's, not the forest's; but
    // a forest that nothing syncs (or may sync nothing) uses nothing today, so its "no" says nothing
    // about the tenant.
    const speaks = (t: Forest) => t.currentEngine === 'connect-sync' || t.currentEngine === 'cloud-sync';
    const answered = tenant !== null && tenantForests.some((t) => speaks(t) && t.features.entra_domain_services === false);
    if (answered) return [];
    if (used === false) {
      // Another forest may share this forest's tenant when either tenant is not recorded. It matters when
      // it records Domain Services, or, when this forest's own "no" does not speak for the tenant, when its
      // answer is not recorded either.
      const mayShare = (t: Forest) => tenant === null || normalizeTenant(t.tenant) === null || normalizeTenant(t.tenant) === tenant;
      const others = ctx.estate.forests.filter(
        (t) =>
          t.forest !== f &&
          mayShare(t) &&
          (t.features.entra_domain_services === true || (!speaks(ctx.forest) && t.currentEngine !== 'none' && t.features.entra_domain_services === null)),
      );
      if (others.length === 0) return [];
      const fields = [
        ...(tenant === null ? [collect('forests', 'tenant', f)] : []),
        ...others.flatMap((t) => [
          ...(tenant !== null && normalizeTenant(t.tenant) === null ? [collect('forests', 'tenant', t.forest)] : []),
          ...(t.features.entra_domain_services === null ? [collect('sync_features', 'entra_domain_services', t.forest)] : []),
        ]),
      ];
      const recording = others.filter((t) => t.features.entra_domain_services === true).map((t) => t.forest);
      const silent = others.filter((t) => t.features.entra_domain_services === null).map((t) => t.forest);
      const known = [
        ...(recording.length ? [`${list(recording)} record${recording.length === 1 ? 's' : ''} it`] : []),
        ...(silent.length ? [`${list(silent)} ${silent.length === 1 ? 'does' : 'do'} not record whether ${silent.length === 1 ? 'its' : 'their'} tenant uses it`] : []),
      ];
      return [
        {
          effect: 'unknown-data',
          couldBecome: 'blocks-cloud-sync',
          message: `Entra Domain Services is tenant-wide, and whether the tenant of ${f} uses it is not known: ${known.join(', and ')}, and the tenants are not all recorded. If ${f} shares a tenant with Domain Services, it stays on Connect Sync too (${cite('WHAT', 'FAQ')}). ${collectPhrase(fields)}`,
          remediation: `Record the missing tenants and Domain Services answers, then decide again.`,
          evidence: { entra_domain_services: used, tenant, recordedElsewhere: recording, notRecorded: silent },
          collect: fields,
        },
      ];
    }
    return [featureUnknown(ctx, 'entra_domain_services', 'Microsoft Entra Domain Services', 'blocks-cloud-sync', `every forest of its tenant must stay on Connect Sync, since Cloud Sync isn't supported with it`)];
  },
};
