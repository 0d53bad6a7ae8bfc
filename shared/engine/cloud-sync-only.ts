import type { Effect, Finding } from './decision-schema.js';

const KEEPS_ON_CONNECT: ReadonlySet<Effect> = new Set(['blocks-cloud-sync', 'keeps-domain-on-connect', 'keeps-part-on-connect']);

const NOTE =
  ' Connect Sync has no line of sight to this forest and nothing syncs it today, so Cloud Sync is the only engine that can serve it: this must be resolved before it moves.';

/**
 * Interfaces §4: a forest nothing syncs and that Connect cannot reach can only be served by Cloud
 * Sync. Keeping a part on Connect is then no option, so what would keep it there becomes work to do
 * before the move: either change what the forest needs or give a Connect server line of sight.
 */
export function asCloudSyncOnly(finding: Finding): Finding {
  if (KEEPS_ON_CONNECT.has(finding.effect)) {
    return {
      ...finding,
      effect: 'needs-remediation',
      severity: 'remediation',
      part: null,
      message: finding.message + NOTE,
      remediation: `Bring the forest within what Cloud Sync covers, or give a Connect server line of sight to it. With line of sight: ${finding.remediation}`,
      evidence: { ...finding.evidence, cloudSyncOnly: true },
    };
  }
  if (finding.effect === 'unknown-data' && finding.couldBecome !== null && KEEPS_ON_CONNECT.has(finding.couldBecome)) {
    return { ...finding, couldBecome: 'needs-remediation' };
  }
  return finding;
}
