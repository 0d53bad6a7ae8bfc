import type { Rule } from '../rule.js';
import { featureUnknown } from '../rule-helpers.js';
import { cite } from '../sources.js';

/**
 * Pages disagree: DG says Cloud Sync filters on attribute values in a limited way ("plan near-term":
 * work to do); COMMON and older WHAT tables say it does not. The setting attributeValueFiltering picks.
 */
export const attributeFiltering: Rule = {
  id: 'attribute-filtering',
  capability: 'filtering on attribute values',
  sources: ['DG', 'COMMON', 'WHAT'],
  evaluate(ctx) {
    const used = ctx.feature('attribute_filtering');
    if (used === false) return [];
    // The setting is read only past this point, so a what-if on it re-decides only the forests that may use the feature (incremental.ts).
    const reading = ctx.assumptions.attributeValueFiltering;
    const limited = reading === 'limited';
    const assumption = { name: 'attributeValueFiltering', reading, alternative: limited ? 'not-supported' : 'limited' };
    if (used === null) {
      return [
        {
          ...featureUnknown(ctx, 'attribute_filtering', 'attribute-value filtering', limited ? 'needs-remediation' : 'blocks-cloud-sync', limited
            ? 'it must be reworked, since Cloud Sync filters on attribute values only in a limited way'
            : 'the forest stays on Connect Sync until it scopes by OU or group instead'),
          assumption,
        },
      ];
    }
    if (limited) {
      return [
        {
          effect: 'needs-remediation',
          message: `Forest ${ctx.forest.forest} filters objects on attribute values. SyncPlan reads Cloud Sync as doing this in a limited way (${cite('DG')}; setting attributeValueFiltering = limited), so the filter must be reworked before the move. COMMON and older WHAT tables say it is not supported at all.`,
          remediation:
            'Express the filter as OU or group scoping, or check each condition against Cloud Sync\'s scoping filters; verify with on-demand provisioning.',
          evidence: { attribute_filtering: true, attributeValueFiltering: reading },
          sources: ['DG'],
          assumption,
        },
      ];
    }
    return [
      {
        effect: 'blocks-cloud-sync',
        message: `Forest ${ctx.forest.forest} filters objects on attribute values. SyncPlan reads Cloud Sync as not supporting this (${cite('COMMON', 'WHAT')}, older tables; setting attributeValueFiltering = not-supported), so the forest stays on Connect Sync while the filter is needed. DG says Cloud Sync does it in a limited way.`,
        remediation: 'Move the filtered objects into OUs (or groups) that Cloud Sync can scope, then decide again.',
        evidence: { attribute_filtering: true, attributeValueFiltering: reading },
        sources: ['COMMON', 'WHAT'],
        assumption,
      },
    ];
  },
};
