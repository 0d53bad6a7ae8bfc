import type { Rule } from '../rule.js';
import { cite } from '../sources.js';

/**
 * Both engines sync directory extensions (DG). No page sets an agent version for them (the earlier
 * requirement was unsourced); only Microsoft's guided migration tool refuses them (TOOL).
 */
export const directoryExtensions: Rule = {
  id: 'directory-extensions',
  capability: 'extensionAttribute1-15, directory extensions',
  sources: ['DG', 'TOOL'],
  evaluate(ctx) {
    if (ctx.feature('directory_extensions') !== true) return [];
    return [
      {
        effect: 'informational',
        severity: 'info',
        message: `Forest ${ctx.forest.forest} syncs directory extensions. Cloud Sync syncs extensionAttribute1-15 and directory extensions too (${cite('DG')}); Microsoft's guided migration tool does not take them (${cite('TOOL')}).`,
        remediation: 'Recreate each directory extension in the Cloud Sync configuration (attribute mapping) and check it with on-demand provisioning.',
        evidence: { directory_extensions: true },
      },
    ];
  },
};
