import type { Rule } from '../rule.js';
import { agentsMayNeedUpgrade, agentVersionDrafts, featureUnknown } from '../rule-helpers.js';
import { cite } from '../sources.js';

const MIN_AGENT = '1.1.1107';

export const exchangeHybridWriteback: Rule = {
  id: 'exchange-hybrid-writeback',
  capability: 'Exchange hybrid writeback',
  sources: ['WHAT', 'cloud-sync/exchange-hybrid'],
  evaluate(ctx) {
    const used = ctx.feature('exchange_hybrid_writeback');
    if (used === false) return [];
    if (used === null) {
      // Cloud Sync covers Exchange hybrid; the only thing the answer could add is an agent upgrade.
      if (!agentsMayNeedUpgrade(ctx, MIN_AGENT)) return [];
      return [featureUnknown(ctx, 'exchange_hybrid_writeback', 'Exchange hybrid writeback', 'needs-remediation', `its agents need version ${MIN_AGENT} or later`)];
    }
    return [
      {
        effect: 'informational',
        severity: 'info',
        message: `Forest ${ctx.forest.forest} uses Exchange hybrid writeback. Cloud Sync writes these attributes back with provisioning agent ${MIN_AGENT} or later and the Exchange schema in AD (${cite('WHAT', 'cloud-sync/exchange-hybrid')}); the schema is there when Connect Sync writes them today.`,
        remediation: `Install agents ${MIN_AGENT} or later and turn on Exchange hybrid writeback in the Cloud Sync configuration.`,
        evidence: { exchange_hybrid_writeback: true, currentEngine: ctx.forest.currentEngine },
      },
      ...agentVersionDrafts(ctx, MIN_AGENT, 'Exchange hybrid writeback', ['WHAT', 'cloud-sync/exchange-hybrid']),
    ];
  },
};
