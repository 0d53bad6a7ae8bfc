import type { Rule } from '../rule.js';
import { featureUnknown } from '../rule-helpers.js';
import { cite } from '../sources.js';

/** Federated domains can still be synced by Cloud Sync; only the AD FS set-up stays with the Connect wizard. */
export const federation: Rule = {
  id: 'federation',
  capability: 'AD FS federation setup',
  sources: ['DG', 'PILOT'],
  evaluate(ctx) {
    const used = ctx.feature('federation');
    if (used === false) return [];
    // The setting is read only past this point, so a what-if on it re-decides only the forests that may use the feature (incremental.ts).
    const f = ctx.forest.forest;
    const toPhs = ctx.assumptions.movePtaOrFederationToPhs;
    const assumption = { name: 'movePtaOrFederationToPhs', reading: String(toPhs), alternative: String(!toPhs) };
    if (used === null) {
      return [featureUnknown(ctx, 'federation', 'AD FS federation', 'informational', 'its users can still be synced but AD FS stays managed outside Cloud Sync')];
    }
    if (!toPhs) {
      return [
        {
          effect: 'informational',
          severity: 'warning',
          message: `Forest ${f} signs users in through AD FS federation. Cloud Sync syncs federated domains but cannot set up or change federation (${cite('DG')}); under the default assumption the sign-in method does not change.`,
          remediation:
            'Manage AD FS (relying party trust, certificates) with the AD FS tools or the Connect wizard kept installed, or plan the move to password hash sync (setting movePtaOrFederationToPhs).',
          evidence: { federation: true, movePtaOrFederationToPhs: toPhs },
          assumption,
        },
      ];
    }
    return [
      {
        effect: 'informational',
        severity: 'info',
        message: `Forest ${f} uses AD FS federation; SyncPlan assumes sign-in moves to password hash sync (setting movePtaOrFederationToPhs), through staged rollout (up to 10 groups per feature, 200 users when a group is first added, no nested or dynamic groups) and then converting the domains to managed (${cite('PILOT')}).`,
        remediation: 'Enable password hash sync, move users with staged rollout, convert each domain to managed, then retire AD FS.',
        evidence: { federation: true, password_hash_sync: ctx.feature('password_hash_sync'), movePtaOrFederationToPhs: toPhs },
        assumption,
      },
    ];
  },
};
