import { collect, collectPhrase } from '../collect.js';
import type { Rule } from '../rule.js';
import { cite } from '../sources.js';

/**
 * Interfaces §4: a forest that nothing syncs and that has no line of sight to a Connect server can only
 * be served by Cloud Sync. `decide` applies that reading to the other findings; this rule says so.
 */
export const disconnectedForest: Rule = {
  id: 'disconnected-forest',
  capability: 'disconnected forests (M&A, no trust/line of sight)',
  sources: ['DG', 'TOPO'],
  evaluate(ctx) {
    const { forest, currentEngine, network } = ctx.forest;
    const evidence = { currentEngine, network };
    if (ctx.cloudSyncOnly === true) {
      return [
        {
          effect: 'informational',
          severity: 'info',
          message: `Nothing syncs forest ${forest} today and it has no line of sight to a Connect server, so only Cloud Sync can serve it: Cloud Sync agents inside the forest need only outbound HTTPS, no trust or network path to the other forests (${cite('DG', 'TOPO')}).`,
          remediation: `Install the Cloud Sync agents inside ${forest}; keep its users and groups unique across forests, as Cloud Sync does not match objects across forests (${cite('TOPO')}).`,
          evidence,
        },
      ];
    }
    if (ctx.cloudSyncOnly === null) {
      const fields = [
        ...(currentEngine === null ? [collect('forests', 'current_engine', forest)] : []),
        ...(network === null ? [collect('forests', 'network', forest)] : []),
      ];
      return [
        {
          effect: 'unknown-data',
          couldBecome: 'informational',
          message: `It is not recorded whether anything syncs forest ${forest} today or whether a Connect server can reach it. If nothing syncs it and it is network-disconnected, only Cloud Sync can serve it and no part of it can stay on Connect Sync. ${collectPhrase(fields)}`,
          remediation: `Record the current sync engine (connect-sync, cloud-sync or none) and the network (connected or disconnected) of ${forest}.`,
          evidence,
          collect: fields,
        },
      ];
    }
    if (network === 'disconnected') {
      return [
        {
          effect: 'informational',
          severity: 'info',
          message: `Forest ${forest} is recorded as network-disconnected. Connect Sync serves a forest only from a server with line of sight to its domain controllers; Cloud Sync agents inside the forest need none to the other forests (${cite('DG', 'TOPO')}).`,
          remediation: 'Install the Cloud Sync agents inside the forest itself.',
          evidence,
        },
      ];
    }
    return [];
  },
};
