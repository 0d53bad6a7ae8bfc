import type { Rule } from '../rule.js';
import { featureUnknown } from '../rule-helpers.js';
import { cite } from '../sources.js';

/**
 * Microsoft 365 group writeback v1 is not retired: it continues on Connect Sync (GWP; no page says
 * otherwise), and Cloud Sync has no equivalent, as it provisions only security groups to AD. Connect
 * writes the groups' members as the AD users it syncs, so the forest's users stay with it.
 */
export const groupWritebackV1: Rule = {
  id: 'group-writeback-v1',
  capability: 'Microsoft 365 group writeback (v1)',
  sources: ['GWP', 'GWV2', 'GWB'],
  evaluate(ctx) {
    const f = ctx.forest.forest;
    const used = ctx.feature('group_writeback_v1');
    if (used === false) return [];
    if (used === null) {
      return [
        featureUnknown(ctx, 'group_writeback_v1', 'Microsoft 365 group writeback (v1)', 'blocks-cloud-sync', 'the forest stays on Connect Sync, since Cloud Sync has no equivalent'),
      ];
    }
    return [
      {
        effect: 'blocks-cloud-sync',
        message: `Forest ${f} writes Microsoft 365 groups back to AD with group writeback v1, which continues on Connect Sync (${cite('GWP')}). Cloud Sync has no equivalent: group provisioning to AD takes cloud-created security groups only (${cite('GWB')}). Connect writes the groups' members as the users it syncs, so the forest stays on Connect Sync while the writeback is needed.`,
        remediation:
          'Keep the forest on Connect Sync, or stop writing Microsoft 365 groups back (use cloud security groups with group provisioning to AD where on-premises access is needed) and decide again.',
        evidence: { group_writeback_v1: true },
      },
    ];
  },
};
