import { collect, collectPhrase } from '../collect.js';
import type { FeatureName } from '../../model/inventory.js';
import { linkedGroups } from '../links.js';
import { list } from '../format.js';
import type { EstateRule, FindingDraft } from '../rule.js';
import { cite } from '../sources.js';

const PARTNERED: { feature: FeatureName; kind: 'merge' | 'references'; label: string }[] = [
  { feature: 'merge_across_forests', kind: 'merge', label: 'merges people across forests' },
  { feature: 'cross_forest_references', kind: 'references', label: 'has references into other forests' },
];

/**
 * Linked forests are decided together (forest-links); the estate says which groups were, and asks for
 * the partner of a forest whose sync_features column says it merges or references across forests but
 * whose partner no forest_links row names: until then its partner may be any other forest.
 */
export const linkedForests: EstateRule = {
  id: 'linked-forests',
  capability: 'links between forests (merge, references, account/resource, trust)',
  sources: ['TOPO', 'PILOT'],
  evaluate(ctx) {
    const drafts: FindingDraft[] = [];
    for (const group of linkedGroups(ctx.estate.links)) {
      const verdicts = group.map((f) => `${f}: ${ctx.decisionByForest.get(f)?.verdict ?? 'unknown'}`);
      drafts.push({
        effect: 'informational',
        severity: 'info',
        subject: group.join(' '),
        message: `${list(group)} are linked (merge, references or account/resource) and were decided together: they move together or not at all (${cite('PILOT', 'TOPO')}). ${verdicts.join('; ')}.`,
        remediation: 'Plan these forests in the same wave, or remove what ties them first.',
        evidence: { forests: group, links: ctx.estate.links.filter((l) => group.includes(l.forest) && l.kind !== 'trust').map((l) => ({ ...l })) },
      });
    }
    if (ctx.estate.forests.length < 2) return drafts;
    for (const forest of ctx.estate.forests) {
      const links = ctx.estate.linksByForest.get(forest.forest) ?? [];
      for (const p of PARTNERED) {
        if (forest.features[p.feature] !== true || links.some((l) => l.kind === p.kind)) continue;
        const fields = [collect('forest_links', 'other_forest', forest.forest)];
        drafts.push({
          effect: 'informational',
          severity: 'warning',
          subject: `${forest.forest} ${p.kind}`,
          message: `Forest ${forest.forest} ${p.label} (sync_features.${p.feature}), but no forest_links row names the other forest, so SyncPlan cannot decide them together. ${collectPhrase(fields)} Use kind ${p.kind}.`,
          remediation: `Add a forest_links row: forest ${forest.forest}, the other forest, kind ${p.kind}.`,
          evidence: { forest: forest.forest, [p.feature]: true },
          collect: fields,
        });
      }
    }
    return drafts;
  },
};
