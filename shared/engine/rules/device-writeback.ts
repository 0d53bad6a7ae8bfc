import type { Rule } from '../rule.js';
import { featureUnknown } from '../rule-helpers.js';
import { cite } from '../sources.js';

const PART = 'device writeback';

export const deviceWriteback: Rule = {
  id: 'device-writeback',
  capability: 'device writeback',
  sources: ['DG'],
  evaluate(ctx) {
    const used = ctx.feature('device_writeback');
    if (used === false) return [];
    // The setting is read only past this point, so a what-if on it re-decides only the forests that may use the feature (incremental.ts).
    const f = ctx.forest.forest;
    const replace = ctx.assumptions.replaceDeviceWritebackWithCloudKerberos;
    const assumption = {
      name: 'replaceDeviceWritebackWithCloudKerberos',
      reading: String(replace),
      alternative: String(!replace),
    };
    if (used === null) {
      return [
        {
          ...featureUnknown(ctx, 'device_writeback', 'device writeback', replace ? 'needs-remediation' : 'keeps-part-on-connect', replace
            ? 'it must be replaced by Cloud Kerberos trust first'
            : 'it stays on Connect Sync, since Cloud Sync has no device writeback'),
          part: PART,
          assumption,
        },
      ];
    }
    if (!replace) {
      return [
        {
          effect: 'keeps-part-on-connect',
          part: PART,
          message: `Forest ${f} uses device writeback (typically for Windows Hello for Business certificate trust or AD FS device-based access). Cloud Sync has no device writeback; the replacement is Cloud Kerberos trust (${cite('DG')}). Under the default assumption nothing replaces it, so device writeback stays on Connect Sync.`,
          remediation:
            'Keep device writeback on Connect Sync, or plan Cloud Kerberos trust for Windows Hello for Business (setting replaceDeviceWritebackWithCloudKerberos) and decide again.',
          evidence: { device_writeback: true, replaceDeviceWritebackWithCloudKerberos: replace },
          assumption,
        },
      ];
    }
    return [
      {
        effect: 'needs-remediation',
        message: `Forest ${f} uses device writeback, which Cloud Sync does not have; SyncPlan assumes Cloud Kerberos trust replaces it (setting replaceDeviceWritebackWithCloudKerberos, ${cite('DG')}).`,
        remediation:
          'Deploy Cloud Kerberos trust, move Windows Hello for Business users to it, and confirm nothing else reads the written-back devices before device writeback is turned off.',
        evidence: { device_writeback: true, replaceDeviceWritebackWithCloudKerberos: replace },
        assumption,
      },
    ];
  },
};
