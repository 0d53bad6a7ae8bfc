import type { Rule } from '../rule.js';
import { featureUnknown } from '../rule-helpers.js';
import { cite } from '../sources.js';

/** Cloud Sync cannot configure PTA, but PTA agents are separate and keep working after the move. */
export const passThroughAuth: Rule = {
  id: 'pass-through-auth',
  capability: 'pass-through authentication configuration',
  sources: ['DG', 'MFAQ', 'PILOT'],
  evaluate(ctx) {
    const used = ctx.feature('pass_through_auth');
    if (used === false) return [];
    // The setting is read only past this point, so a what-if on it re-decides only the forests that may use the feature (incremental.ts).
    const f = ctx.forest.forest;
    const toPhs = ctx.assumptions.movePtaOrFederationToPhs;
    const assumption = { name: 'movePtaOrFederationToPhs', reading: String(toPhs), alternative: String(!toPhs) };
    if (used === null) {
      return [featureUnknown(ctx, 'pass_through_auth', 'pass-through authentication', 'informational', 'its agents keep working but must still be managed from the Connect Sync wizard')];
    }
    if (!toPhs) {
      return [
        {
          effect: 'informational',
          severity: 'warning',
          message: `Forest ${f} signs users in with pass-through authentication. PTA keeps working after the move, but Cloud Sync cannot configure it: its agents are managed from the Connect Sync wizard (${cite('DG', 'MFAQ')}). Under the default assumption the sign-in method does not change.`,
          remediation:
            'Keep the Connect Sync installer available to manage the PTA agents (register new ones, check health), or plan the move to password hash sync (setting movePtaOrFederationToPhs).',
          evidence: { pass_through_auth: true, movePtaOrFederationToPhs: toPhs },
          assumption,
        },
      ];
    }
    return [
      {
        effect: 'informational',
        severity: 'info',
        message: `Forest ${f} uses pass-through authentication; SyncPlan assumes sign-in moves to password hash sync (setting movePtaOrFederationToPhs). Cloud Sync does not move it: staged rollout does, up to 10 groups per feature and 200 users when a group is first added, no nested or dynamic groups (${cite('PILOT')}).`,
        remediation:
          'Enable password hash sync, move users with staged rollout, convert the domains to managed, then retire the PTA agents.',
        evidence: { pass_through_auth: true, password_hash_sync: ctx.feature('password_hash_sync'), movePtaOrFederationToPhs: toPhs },
        assumption,
      },
    ];
  },
};
