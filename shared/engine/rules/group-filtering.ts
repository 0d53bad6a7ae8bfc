import type { Rule } from '../rule.js';
import { cite } from '../sources.js';

export const groupFiltering: Rule = {
  id: 'group-filtering',
  capability: 'OU / domain / group scoping',
  sources: ['DG', 'FAQ', 'TOOL'],
  evaluate(ctx) {
    if (ctx.feature('group_filtering') !== true) return [];
    return [
      {
        effect: 'informational',
        severity: 'info',
        message: `Forest ${ctx.forest.forest} filters by group membership. Cloud Sync scopes by group too (${cite('DG')}), within about 50 OUs or groups per configuration (${cite('FAQ')}); Microsoft's guided migration tool does not take group filtering (${cite('TOOL')}).`,
        remediation: 'Use the same group as the Cloud Sync scoping group; check that every member is a direct member.',
        evidence: { group_filtering: true },
      },
    ];
  },
};
