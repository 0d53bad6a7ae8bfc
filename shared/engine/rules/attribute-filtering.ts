import type { Rule } from '../rule.js';
import { featureUnknown } from '../rule-helpers.js';
import { cite, source } from '../sources.js';

/** DG puts advanced attribute filtering in its "plan near-term" band: work to do, not a dead end. */
export const attributeFiltering: Rule = {
  id: 'attribute-filtering',
  capability: 'filtering on attribute values',
  source: source('DG'),
  evaluate(ctx) {
    const used = ctx.feature('attribute_filtering');
    if (used === false) return [];
    if (used === null) {
      return [featureUnknown(ctx, 'attribute_filtering', 'attribute-value filtering', 'needs-remediation', 'it must be reworked, since Cloud Sync filters on attribute values only in a limited way')];
    }
    return [
      {
        effect: 'needs-remediation',
        message: `Forest ${ctx.forest.forest} filters objects on attribute values. Cloud Sync does this only in a limited way (${cite('DG')}), so the filter must be reworked before the move.`,
        remediation:
          'Express the filter as OU or group scoping, or check each condition against Cloud Sync\'s scoping filters; verify with on-demand provisioning.',
        evidence: { attribute_filtering: true },
      },
    ];
  },
};
