import type { ConnectServer } from '../../model/inventory.js';
import { collect, collectExport, collectPhrase } from '../collect.js';
import type { ForestContext } from '../forest-context.js';
import { count, plural } from '../format.js';
import type { FindingDraft, Rule } from '../rule.js';
import { cite } from '../sources.js';

/** More enabled custom rules than this is "extensive" (DG's "evaluate later" band), SyncPlan's own cut-off. */
export const EXTENSIVE_RULES = 10;

/**
 * A server's counts speak for a forest only when the server syncs that forest alone: on a multi-forest
 * server the rules may belong to another forest's connector.
 */
export function ownServers(ctx: ForestContext): ConnectServer[] {
  return ctx.servers.filter((s) => s.forests.every((f) => f === ctx.forest.forest));
}

const sum = (servers: readonly ConnectServer[], pick: (s: ConnectServer) => number | null) =>
  servers.reduce((n, s) => n + (pick(s) ?? 0), 0);

const RECREATE = 'Recreate each rule as a Cloud Sync attribute mapping (expression builder) or scoping filter and check it with on-demand provisioning.';

/**
 * Read from the Connect configuration export (custom rules carry an empty immutable-tag) or else the
 * sync_features column. The pilot's own no-flow rules (cloudNoFlow / JoinNoFlow, PILOT) are custom by
 * tag but not the customer's: the import counts them apart. A few simple rules are a remediation;
 * only extensive rules, or rules that change joins or provisioning, keep the forest on Connect (DG).
 */
export const customSyncRules: Rule = {
  id: 'custom-sync-rules',
  capability: 'advanced / custom sync rules',
  sources: ['DG', 'PILOT'],
  evaluate(ctx) {
    const f = ctx.forest.forest;
    const flag = ctx.feature('custom_sync_rules');
    const own = ownServers(ctx);
    const pilot = sum(own, (s) => s.pilotNoFlowRules);
    const pilotNote = pilot > 0 ? ` ${plural(pilot, 'pilot no-flow rule', 'pilot no-flow rules')} (cloudNoFlow / JoinNoFlow, ${cite('PILOT')}) ${pilot === 1 ? 'is' : 'are'} the migration's own and not counted.` : '';
    const evidence = {
      custom_sync_rules: flag,
      connectServers: own.map((s) => ({ server: s.server, customRules: s.customRules, joinRules: s.joinRules, pilotNoFlowRules: s.pilotNoFlowRules })),
    };
    const counted = own.length > 0 && own.every((s) => s.customRules !== null);
    if (counted) {
      const total = sum(own, (s) => s.customRules);
      const joins = sum(own, (s) => s.joinRules);
      const joinsKnown = own.every((s) => s.joinRules !== null || s.customRules === 0);
      if (total === 0) {
        if (pilot === 0) return [];
        return [{ effect: 'informational', severity: 'info', message: `Forest ${f} has no custom sync rules of its own.${pilotNote}`, remediation: 'Nothing to change; remove the no-flow rules at cutover.', evidence }];
      }
      const seen = `${own.map((s) => `${s.server} has ${plural(s.customRules ?? 0, 'custom rule', 'custom rules')}`).join(', ')}`;
      if (joins > 0 || total > EXTENSIVE_RULES) {
        const why = joins > 0 ? `${count(joins)} of them change${joins === 1 ? 's' : ''} how objects join or are provisioned` : `${count(total)} rules are extensive (SyncPlan counts more than ${EXTENSIVE_RULES} as extensive)`;
        return [
          {
            effect: 'blocks-cloud-sync',
            message: `Forest ${f} uses custom sync rules (${seen}): ${why}. Cloud Sync has no custom sync rules, only attribute mappings and scoping (${cite('DG')}), so the forest stays on Connect Sync while they are needed.${pilotNote}`,
            remediation: 'Review the rules that join, provision or merge objects: they keep the forest on Connect Sync until the directory no longer needs them. Rebuild plain attribute flows as Cloud Sync attribute mappings and decide again.',
            evidence,
          },
        ];
      }
      const drafts: FindingDraft[] = [
        {
          effect: 'needs-remediation',
          message: `Forest ${f} has ${plural(total, 'simple custom sync rule', 'simple custom sync rules')} (${seen}): no join or provisioning changes, at most ${EXTENSIVE_RULES}. Cloud Sync has no custom rules but attribute mappings and scoping filters can take their place (${cite('DG')}).${pilotNote}`,
          remediation: RECREATE,
          evidence,
        },
      ];
      if (!joinsKnown) {
        const fields = own.filter((s) => s.joinRules === null).map((s) => collectExport(s.server));
        drafts.push({
          effect: 'unknown-data',
          couldBecome: 'blocks-cloud-sync',
          subject: 'joins unknown',
          message: `Whether the custom rules of forest ${f} change joins or provisioning is not recorded; such rules keep the forest on Connect Sync (${cite('DG')}). ${collectPhrase(fields)}`,
          remediation: 'Import the Connect Sync configuration export so SyncPlan can read each rule.',
          evidence,
          collect: fields,
        });
      }
      return drafts;
    }
    if (flag === false) return [];
    if (flag === true) {
      const fields = [collectExport(f)];
      return [
        {
          effect: 'needs-remediation',
          message: `Forest ${f} uses custom sync rules (sync_features.custom_sync_rules). A few simple ones can become Cloud Sync attribute mappings or scoping filters; extensive ones, or ones that change joins or provisioning, keep the forest on Connect Sync (${cite('DG')}).`,
          remediation: RECREATE,
          evidence,
        },
        {
          effect: 'unknown-data',
          couldBecome: 'blocks-cloud-sync',
          subject: 'extent unknown',
          message: `Which custom rules forest ${f} has is not recorded, so SyncPlan cannot tell a few simple rules from extensive or join-changing ones. ${collectPhrase(fields)}`,
          remediation: 'Import the Connect Sync configuration export so SyncPlan can read each rule.',
          evidence,
          collect: fields,
        },
      ];
    }
    const fields = [collect('sync_features', 'custom_sync_rules', f), collectExport(f)];
    return [
      {
        effect: 'unknown-data',
        couldBecome: 'blocks-cloud-sync',
        message: `Whether forest ${f} uses custom sync rules is not recorded; extensive or join-changing ones would keep it on Connect Sync (${cite('DG')}). ${collectPhrase(fields)}`,
        remediation: 'Import the Connect Sync configuration export (Get-ADSyncServerConfiguration) or record the answer.',
        evidence,
        collect: fields,
      },
    ];
  },
};
