import type { Rule } from '../rule.js';
import { featureUnknown } from '../rule-helpers.js';
import { cite } from '../sources.js';

export const crossForestReferences: Rule = {
  id: 'cross-forest-references',
  capability: 'cross-forest references',
  sources: ['DG', 'TOPO'],
  evaluate(ctx) {
    const used = ctx.feature('cross_forest_references');
    if (used === false) return [];
    const link = ctx.featureLink('cross_forest_references');
    if (used === null) {
      return [featureUnknown(ctx, 'cross_forest_references', 'cross-forest references (members or managers in another forest)', 'blocks-cloud-sync', 'the forest must stay on Connect Sync, since Cloud Sync cannot follow them')];
    }
    return [
      {
        effect: 'blocks-cloud-sync',
        link,
        message: `Forest ${ctx.forest.forest} has references to objects in ${link ? link.otherForest : 'other forests'} (group members, managers). Connect Sync resolves them; Cloud Sync cannot, and does no cross-forest matching (${cite('DG', 'TOPO')}).`,
        remediation:
          'Keep the forest on Connect Sync, or remove the cross-forest references (e.g. replace them with groups inside each forest) and decide again.',
        evidence: { cross_forest_references: true },
      },
    ];
  },
};
