import { collect, collectPhrase } from '../collect.js';
import type { Forest } from '../../model/inventory.js';
import type { Rule } from '../rule.js';
import { cite } from '../sources.js';

/**
 * Whether the tenant lives in the 21Vianet cloud: forests.cloud, or else the tenant's initial domain
 * (21Vianet tenants end in .partner.onmschina.cn; the other clouds' in .onmicrosoft.com or .us).
 */
function in21Vianet(forest: Forest): boolean | null {
  if (forest.cloud !== null) return forest.cloud === '21vianet';
  const tenant = forest.tenant?.trim().toLowerCase() ?? '';
  if (tenant.endsWith('.partner.onmschina.cn')) return true;
  if (tenant.endsWith('.onmicrosoft.com') || tenant.endsWith('.onmicrosoft.us')) return false;
  return null;
}

/**
 * In the 21Vianet cloud Cloud Sync has no password writeback (WHAT). Only tenants in that cloud get
 * the note (forests.cloud, docs/templates.md); a forest that uses password writeback there would lose it.
 */
export const cloud21Vianet: Rule = {
  id: 'cloud-21vianet',
  capability: '21Vianet cloud: Cloud Sync without password writeback',
  sources: ['WHAT'],
  evaluate(ctx) {
    const f = ctx.forest.forest;
    const cloud = in21Vianet(ctx.forest);
    const writeback = ctx.feature('password_writeback');
    const evidence = { cloud: ctx.forest.cloud, tenant: ctx.forest.tenant, password_writeback: writeback };
    if (cloud === true) {
      if (writeback === true) {
        return [
          {
            effect: 'blocks-cloud-sync',
            message: `Forest ${f} syncs to a tenant in the 21Vianet cloud and uses password writeback; Cloud Sync there has no password writeback (${cite('WHAT')}), so moving would take self-service password reset writeback away.`,
            remediation: 'Keep the forest on Connect Sync while password writeback is needed, or give it up and decide again.',
            evidence,
          },
        ];
      }
      if (writeback === null) {
        const fields = [collect('sync_features', 'password_writeback', f)];
        return [
          {
            effect: 'unknown-data',
            couldBecome: 'blocks-cloud-sync',
            message: `Forest ${f} syncs to a tenant in the 21Vianet cloud, where Cloud Sync has no password writeback (${cite('WHAT')}); whether the forest uses it is not recorded. ${collectPhrase(fields)}`,
            remediation: 'Find out whether self-service password reset writes passwords back to this forest, and record it.',
            evidence,
            collect: fields,
          },
        ];
      }
      return [
        {
          effect: 'informational',
          severity: 'info',
          message: `Forest ${f} syncs to a tenant in the 21Vianet cloud, where Cloud Sync has no password writeback (${cite('WHAT')}); the forest does not use it today.`,
          remediation: 'Do not plan self-service password reset writeback for this tenant on Cloud Sync.',
          evidence,
        },
      ];
    }
    if (cloud === null && writeback !== false && ctx.forest.currentEngine !== 'cloud-sync') {
      const fields = [collect('forests', 'cloud', f), ...(writeback === null ? [collect('sync_features', 'password_writeback', f)] : [])];
      return [
        {
          effect: 'unknown-data',
          couldBecome: 'blocks-cloud-sync',
          message: `The cloud of forest ${f}'s tenant is not recorded and its tenant name does not tell; in the 21Vianet cloud Cloud Sync has no password writeback (${cite('WHAT')}), which the forest ${writeback ? 'uses' : 'may use'}. ${collectPhrase(fields)}`,
          remediation: 'Record the cloud (global, us-government or 21vianet) of the tenant.',
          evidence,
          collect: fields,
        },
      ];
    }
    return [];
  },
};
