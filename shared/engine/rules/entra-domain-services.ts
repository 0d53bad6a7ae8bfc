import type { Rule } from '../rule.js';
import { featureUnknown } from '../rule-helpers.js';
import { cite, source } from '../sources.js';

export const entraDomainServices: Rule = {
  id: 'entra-domain-services',
  capability: 'Microsoft Entra Domain Services',
  source: source('WHAT'),
  evaluate(ctx) {
    const used = ctx.feature('entra_domain_services');
    if (used === false) return [];
    if (used === null) {
      return [featureUnknown(ctx, 'entra_domain_services', 'Microsoft Entra Domain Services', 'blocks-cloud-sync', 'the forest must stay on Connect Sync, since Cloud Sync does not feed it')];
    }
    return [
      {
        effect: 'blocks-cloud-sync',
        message: `Forest ${ctx.forest.forest} feeds Microsoft Entra Domain Services, which needs the password hashes Connect Sync provides; Cloud Sync does not support it (${cite('WHAT')}, older tables).`,
        remediation: 'Keep the forest on Connect Sync while Entra Domain Services depends on it.',
        evidence: { entra_domain_services: true },
      },
    ];
  },
};
