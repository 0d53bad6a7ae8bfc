import type { Rule } from '../rule.js';
import { featureUnknown } from '../rule-helpers.js';
import { cite } from '../sources.js';

/** Merging one person from several sources is Connect-only; the preview merge of disconnected sources counts only when allowed. */
export const mergeAcrossForests: Rule = {
  id: 'merge-across-forests',
  capability: 'merging attributes of one person from several domains/forests',
  sources: ['DG', 'TOPO'],
  evaluate(ctx) {
    const used = ctx.feature('merge_across_forests');
    if (used === false) return [];
    // The setting is read only past this point, so a what-if on it re-decides only the forests that may use the feature (incremental.ts).
    const f = ctx.forest.forest;
    const preview = ctx.assumptions.allowPreviewFeatures;
    const assumption = { name: 'allowPreviewFeatures', reading: String(preview), alternative: String(!preview) };
    const link = ctx.featureLink('merge_across_forests');
    const told = link ? ` (forest_links: merged with ${link.forest === f ? link.otherForest : link.forest})` : '';
    if (used === null) {
      return [
        {
          ...featureUnknown(ctx, 'merge_across_forests', 'merging of one person across forests', preview ? 'informational' : 'blocks-cloud-sync', preview
            ? 'it relies on the preview merge of disconnected sources'
            : 'the forest must stay on Connect Sync, since Cloud Sync merges only in preview'),
          assumption,
        },
      ];
    }
    if (!preview) {
      return [
        {
          effect: 'blocks-cloud-sync',
          link,
          message: `Forest ${f} merges attributes of one person from several forests into one Entra ID user${told}. Only Connect Sync does this; Cloud Sync's merge of disconnected sources is a preview (${cite('DG', 'TOPO')}), and SyncPlan counts previews only when allowed (setting allowPreviewFeatures is off).`,
          remediation: 'Keep the forest on Connect Sync, or allow preview features to plan with the preview merge.',
          evidence: { merge_across_forests: true, allowPreviewFeatures: preview },
          assumption,
        },
      ];
    }
    return [
      {
        effect: 'informational',
        severity: 'warning',
        link,
        message: `Forest ${f} merges attributes of one person from several forests${told}; Cloud Sync does this only with the preview merge of disconnected sources (${cite('TOPO')}), counted here because preview features are allowed (setting allowPreviewFeatures).`,
        remediation: 'Pilot the merge on test users first; preview features come without a service level agreement.',
        evidence: { merge_across_forests: true, allowPreviewFeatures: preview },
        assumption,
      },
    ];
  },
};
