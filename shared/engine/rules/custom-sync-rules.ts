import type { ConnectServer } from '../../model/inventory.js';
import { collect, collectPhrase } from '../collect.js';
import type { ForestContext } from '../forest-context.js';
import { count } from '../format.js';
import type { Rule } from '../rule.js';
import { cite, source } from '../sources.js';

/**
 * Read from the sync_features column and from the Connect configuration export (custom rules carry an
 * empty immutable-tag). A server's count speaks for a forest only when the server syncs that forest
 * alone: on a multi-forest server the rules may belong to another forest's connector. A blank column
 * is answered only when every such server has a known count.
 */
export function ownServers(ctx: ForestContext): ConnectServer[] {
  return ctx.servers.filter((s) => s.forests.every((f) => f === ctx.forest.forest));
}

export const customSyncRules: Rule = {
  id: 'custom-sync-rules',
  capability: 'advanced / custom sync rules',
  source: source('DG'),
  evaluate(ctx) {
    const f = ctx.forest.forest;
    const flag = ctx.feature('custom_sync_rules');
    const own = ownServers(ctx);
    const counted = own.filter((s) => s.customRules !== null && s.customRules > 0);
    const evidence = {
      custom_sync_rules: flag,
      connectServers: own.map((s) => ({ server: s.server, customRules: s.customRules })),
    };
    if (flag === true || counted.length > 0) {
      const seen = counted.map((s) => `${s.server} has ${count(s.customRules ?? 0)} custom rule${s.customRules === 1 ? '' : 's'}`);
      return [
        {
          effect: 'blocks-cloud-sync',
          message: `Forest ${f} uses custom sync rules${seen.length > 0 ? ` (${seen.join(', ')})` : ''}. Cloud Sync has no custom sync rules, only attribute mappings with expressions (${cite('DG')}), so the forest stays on Connect Sync while they are needed.`,
          remediation:
            'Review each custom rule: rebuild plain attribute flows as Cloud Sync attribute mappings; rules that join, filter or merge objects keep the forest on Connect Sync. Remove the rest and decide again.',
          evidence,
        },
      ];
    }
    const answeredByServers = own.length > 0 && own.every((s) => s.customRules === 0);
    if (flag === false || answeredByServers) return [];
    const fields = [collect('sync_features', 'custom_sync_rules', f)];
    return [
      {
        effect: 'unknown-data',
        couldBecome: 'blocks-cloud-sync',
        message: `Whether forest ${f} uses custom sync rules is not recorded; Cloud Sync has none (${cite('DG')}), so any would keep the forest on Connect Sync. ${collectPhrase(fields)} Importing the Connect configuration export answers it too.`,
        remediation: 'Import the Connect Sync configuration export (Get-ADSyncServerConfiguration) or record the answer.',
        evidence,
        collect: fields,
      },
    ];
  },
};
