import type { Rule } from '../rule.js';
import { featureUnknown } from '../rule-helpers.js';
import { cite, source } from '../sources.js';

/**
 * Microsoft's pages disagree on whether Connect's group writeback v1 is retired; the setting
 * groupWritebackV1 picks the reading. Retired: nothing is lost by moving, the groups need a new home.
 * Still supported: Cloud Sync has no equivalent, so using it keeps the forest on Connect.
 */
export const groupWritebackV1: Rule = {
  id: 'group-writeback-v1',
  capability: 'group writeback v1',
  source: source('GWB', 'DG'),
  evaluate(ctx) {
    const f = ctx.forest.forest;
    const reading = ctx.assumptions.groupWritebackV1;
    const retired = reading === 'retired';
    const assumption = { name: 'groupWritebackV1', reading, alternative: retired ? 'still-supported' : 'retired' };
    const used = ctx.feature('group_writeback_v1');
    if (used === false) return [];
    if (used === null) {
      return [
        {
          ...featureUnknown(ctx, 'group_writeback_v1', 'group writeback v1', retired ? 'needs-remediation' : 'blocks-cloud-sync', retired
            ? 'its groups must move to group provisioning to AD'
            : 'the forest stays on Connect Sync, since Cloud Sync has no group writeback v1'),
          assumption,
        },
      ];
    }
    if (retired) {
      return [
        {
          effect: 'needs-remediation',
          message: `Forest ${f} uses group writeback v1. SyncPlan reads v1 as retired (setting groupWritebackV1 = retired), so moving loses nothing that still works; its groups need a new home: group provisioning to AD for security groups (${cite('GWB')}) or cloud-only groups. Under the other reading (still-supported) it would keep the forest on Connect Sync.`,
          remediation: 'Turn group writeback v1 off and move the written-back security groups to Cloud Sync group provisioning to AD.',
          evidence: { group_writeback_v1: true, groupWritebackV1: reading },
          assumption,
        },
      ];
    }
    return [
      {
        effect: 'blocks-cloud-sync',
        message: `Forest ${f} uses group writeback v1. SyncPlan reads v1 as still supported (setting groupWritebackV1 = still-supported), and Cloud Sync has no equivalent: it provisions only security groups to AD (${cite('GWB', 'DG')}), so the forest stays on Connect Sync while v1 is needed. Under the other reading (retired) this would be a remediation.`,
        remediation: 'Keep the forest on Connect Sync, or replace v1 with group provisioning to AD (security groups) and decide again.',
        evidence: { group_writeback_v1: true, groupWritebackV1: reading },
        assumption,
      },
    ];
  },
};
