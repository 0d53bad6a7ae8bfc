import { collect, collectPhrase } from '../collect.js';
import type { Rule } from '../rule.js';
import { cite } from '../sources.js';

/**
 * Cloud Sync anchors on ms-DS-ConsistencyGuid when set, else objectGUID, and never writes it back
 * (TOPO); objects that Connect Sync anchored on anything else would not match. A forest nothing syncs
 * has no anchor to match, so the rule needs to know that the forest is synced today.
 */
export const sourceAnchor: Rule = {
  id: 'source-anchor',
  capability: 'source anchor and ms-DS-ConsistencyGuid',
  sources: ['TOPO', 'PILOT'],
  evaluate(ctx) {
    const { forest, sourceAnchor: anchor, currentEngine } = ctx.forest;
    if (currentEngine === 'none') return [];
    const evidence = { sourceAnchor: anchor, currentEngine };
    if (anchor === null || (currentEngine === null && anchor === 'other')) {
      const fields = [
        ...(anchor === null ? [collect('forests', 'source_anchor', forest)] : []),
        ...(currentEngine === null ? [collect('forests', 'current_engine', forest)] : []),
      ];
      return [
        {
          effect: 'unknown-data',
          couldBecome: 'needs-remediation',
          message: `The source anchor that syncs forest ${forest} today is not recorded; Cloud Sync matches objects on ms-DS-ConsistencyGuid, else objectGUID (${cite('TOPO')}). ${collectPhrase(fields)}`,
          remediation: 'Read the source anchor from the Connect Sync wizard (View current configuration) and record it.',
          evidence,
          collect: fields,
        },
      ];
    }
    if (anchor === 'other') {
      return [
        {
          effect: 'needs-remediation',
          message: `Forest ${forest} is synced with a source anchor other than ms-DS-ConsistencyGuid or objectGUID. Cloud Sync anchors on ms-DS-ConsistencyGuid, else objectGUID, so today's cloud objects would not match (${cite('TOPO', 'PILOT')}).`,
          remediation:
            'Before the pilot, write each object\'s current immutableId (decoded from base64) into ms-DS-ConsistencyGuid for every user and group in scope, and verify a sample with on-demand provisioning.',
          evidence,
        },
      ];
    }
    return [
      {
        effect: 'informational',
        severity: 'info',
        message:
          anchor === 'ms-DS-ConsistencyGuid'
            ? `Forest ${forest} is anchored on ms-DS-ConsistencyGuid, which Cloud Sync reads first (${cite('TOPO')}). Cloud Sync never writes it back, so check that pilot users and groups carry it (${cite('PILOT')}).`
            : `Forest ${forest} is anchored on objectGUID. Cloud Sync uses ms-DS-ConsistencyGuid when it is set, else objectGUID, and never writes it back (${cite('TOPO')}); populate ms-DS-ConsistencyGuid from objectGUID for the pilot users and groups (${cite('PILOT')}).`,
        remediation: 'Populate ms-DS-ConsistencyGuid (same value as the current anchor) for users and groups before each wave.',
        evidence,
      },
    ];
  },
};
