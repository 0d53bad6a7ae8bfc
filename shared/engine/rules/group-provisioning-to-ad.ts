import type { Rule } from '../rule.js';
import { agentVersionDrafts } from '../rule-helpers.js';
import { cite } from '../sources.js';

const MIN_AGENT = '1.1.1367.0';

/**
 * Group writeback v2 moves to Cloud Sync's group provisioning to AD, which needs provisioning agent
 * 1.1.1367.0 or later and takes cloud-created universal security groups only (GWB).
 */
export const groupProvisioningToAd: Rule = {
  id: 'group-provisioning-to-ad',
  capability: 'group provisioning to AD (agent >= 1.1.1367.0, cloud-created universal security groups)',
  sources: ['GWB'],
  evaluate(ctx) {
    if (ctx.feature('group_writeback_v2') !== true) return [];
    return [
      {
        effect: 'informational',
        severity: 'info',
        message: `Forest ${ctx.forest.forest} will write groups to AD with Cloud Sync's group provisioning to AD: it needs provisioning agent ${MIN_AGENT} or later and takes cloud-created universal security groups only (${cite('GWB')}); groups synced from AD and Microsoft 365 groups are not.`,
        remediation: `Install agents ${MIN_AGENT} or later; list the written-back groups and plan a cloud-created security group for each that must reach AD.`,
        evidence: { group_writeback_v2: true, minimumAgent: MIN_AGENT },
      },
      ...agentVersionDrafts(ctx, MIN_AGENT, 'Group provisioning to AD', ['GWB']),
    ];
  },
};
