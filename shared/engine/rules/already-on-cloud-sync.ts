import type { Rule } from '../rule.js';

export const alreadyOnCloudSync: Rule = {
  id: 'already-on-cloud-sync',
  capability: 'users, groups, contacts',
  sources: ['DG'],
  evaluate(ctx) {
    if (ctx.forest.currentEngine !== 'cloud-sync') return [];
    return [
      {
        effect: 'informational',
        severity: 'info',
        message: `Forest ${ctx.forest.forest} is already synced by Cloud Sync; the other findings check its set-up against what it uses.`,
        remediation: 'Nothing to move.',
        evidence: { currentEngine: 'cloud-sync' },
      },
    ];
  },
};
