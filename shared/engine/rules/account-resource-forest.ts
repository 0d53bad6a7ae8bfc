import { collect, collectPhrase } from '../collect.js';
import type { Rule } from '../rule.js';
import { cite } from '../sources.js';

export const accountResourceForest: Rule = {
  id: 'account-resource-forest',
  capability: 'account forest + resource forest (linked mailboxes)',
  sources: ['COMMON'],
  evaluate(ctx) {
    const { forest } = ctx.forest;
    const { role: topologyRole, link } = ctx.topologyRole();
    if (topologyRole === 'standard') return [];
    if (topologyRole === null) {
      const fields = [collect('forests', 'topology_role', forest)];
      return [
        {
          effect: 'unknown-data',
          couldBecome: 'blocks-cloud-sync',
          message: `The topology role of forest ${forest} is not recorded; an account or resource forest (linked mailboxes) needs Connect Sync (${cite('COMMON')}). ${collectPhrase(fields)}`,
          remediation: `Record whether ${forest} is a standard forest, an account forest or a resource forest.`,
          evidence: { topologyRole },
          collect: fields,
        },
      ];
    }
    return [
      {
        effect: 'blocks-cloud-sync',
        link,
        message: `Forest ${forest} is a ${topologyRole} forest of an account/resource forest pair (linked mailboxes${link ? `, with ${link.forest === forest ? link.otherForest : link.forest}` : ''}). Connect Sync joins the two; Cloud Sync cannot (${cite('COMMON')}).`,
        remediation:
          'Keep the forest on Connect Sync, or retire the linked mailboxes (convert them to regular mailboxes of the account forest users) and decide again.',
        evidence: { topologyRole },
      },
    ];
  },
};
