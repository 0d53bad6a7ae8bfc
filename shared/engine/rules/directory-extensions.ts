import type { Rule } from '../rule.js';
import { agentsMayNeedUpgrade, agentVersionDrafts, featureUnknown } from '../rule-helpers.js';
import { cite, source } from '../sources.js';

const MIN_AGENT = '1.1.1107';

export const directoryExtensions: Rule = {
  id: 'directory-extensions',
  capability: 'extensionAttribute1-15, directory extensions',
  source: source('DG', 'WHAT', 'TOOL'),
  evaluate(ctx) {
    const used = ctx.feature('directory_extensions');
    if (used === false) return [];
    if (used === null) {
      if (!agentsMayNeedUpgrade(ctx, MIN_AGENT)) return [];
      return [featureUnknown(ctx, 'directory_extensions', 'directory extensions', 'needs-remediation', `its agents need version ${MIN_AGENT} or later`)];
    }
    return [
      {
        effect: 'informational',
        severity: 'info',
        message: `Forest ${ctx.forest.forest} syncs directory extensions. Cloud Sync syncs extensionAttribute1-15 and directory extensions too (${cite('DG')}), with provisioning agent ${MIN_AGENT} or later (${cite('WHAT')}); Microsoft's guided migration tool does not take them (${cite('TOOL')}).`,
        remediation: 'Recreate each directory extension in the Cloud Sync configuration (attribute mapping) and check it with on-demand provisioning.',
        evidence: { directory_extensions: true },
      },
      ...agentVersionDrafts(ctx, MIN_AGENT, 'Directory extensions', ['WHAT']),
    ];
  },
};
