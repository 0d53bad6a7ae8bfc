import type { Rule } from '../rule.js';
import { agentsMayNeedUpgrade, agentVersionDrafts, featureUnknown } from '../rule-helpers.js';
import { cite } from '../sources.js';

const MIN_AGENT = '1.1.1107';
const PART = 'devices (hybrid join)';

/** Cloud Sync syncs devices only with its preview device sync job, counted only when previews are allowed. */
export const deviceSync: Rule = {
  id: 'device-sync',
  capability: 'device objects (hybrid join)',
  sources: ['DG', 'cloud-sync/device-sync'],
  evaluate(ctx) {
    const used = ctx.feature('device_sync');
    if (used === false) return [];
    // The setting is read only past this point, so a what-if on it re-decides only the forests that may use the feature (incremental.ts).
    const f = ctx.forest.forest;
    const preview = ctx.assumptions.allowPreviewFeatures;
    const assumption = {
      name: 'allowPreviewFeatures',
      reading: String(preview),
      alternative: String(!preview),
    };
    if (used === null) {
      const couldBecome = !preview ? 'keeps-part-on-connect' : agentsMayNeedUpgrade(ctx, MIN_AGENT) ? 'needs-remediation' : 'informational';
      return [
        {
          ...featureUnknown(ctx, 'device_sync', 'device sync (computers for Microsoft Entra hybrid join)', couldBecome, preview
            ? `Cloud Sync serves them only with the preview device sync job (agent ${MIN_AGENT} or later)`
            : 'its devices stay on Connect Sync, since Cloud Sync syncs devices only in preview'),
          part: PART,
          assumption,
        },
      ];
    }
    if (!preview) {
      return [
        {
          effect: 'keeps-part-on-connect',
          part: PART,
          message: `Forest ${f} syncs computers for Microsoft Entra hybrid join. Cloud Sync syncs devices only with its device sync job, a preview (${cite('cloud-sync/device-sync')}), and SyncPlan counts preview features only when allowed (setting allowPreviewFeatures is off). The devices stay on Connect Sync while users and groups move.`,
          remediation:
            'Keep the computer OUs in Connect Sync scope and everything else in Cloud Sync scope, without overlap; revisit when the device sync job is generally available, or allow preview features.',
          evidence: { device_sync: true, allowPreviewFeatures: preview },
          assumption,
        },
      ];
    }
    return [
      {
        effect: 'informational',
        severity: 'warning',
        message: `Forest ${f} syncs computers for Microsoft Entra hybrid join; Cloud Sync takes them over only with the device sync job, a preview (agent ${MIN_AGENT} or later, ${cite('cloud-sync/device-sync')}), counted here because preview features are allowed (setting allowPreviewFeatures).`,
        remediation: 'Pilot the device sync job on a test OU first; preview features come without a service level agreement.',
        evidence: { device_sync: true, allowPreviewFeatures: preview },
        assumption,
      },
      ...agentVersionDrafts(ctx, MIN_AGENT, 'The device sync job', ['cloud-sync/device-sync']),
    ];
  },
};
