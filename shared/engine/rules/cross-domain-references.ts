import { count } from '../format.js';
import type { Rule } from '../rule.js';
import { cite } from '../sources.js';

/** The inventory has no column for references between domains, so this can only ask the user to check. */
export const crossDomainReferences: Rule = {
  id: 'cross-domain-references',
  capability: 'cross-domain references',
  sources: ['DG', 'FAQ'],
  evaluate(ctx) {
    if (ctx.estate.forests.length < 2 || ctx.domains.length < 2) return [];
    return [
      {
        effect: 'informational',
        severity: 'warning',
        message: `Forest ${ctx.forest.forest} has ${count(ctx.domains.length)} domains in a multi-forest estate. In multi-forest set-ups Cloud Sync keeps references (group members, managers) only within a domain (${cite('FAQ')}); a group with members from another domain of this forest would lose them.`,
        remediation:
          'List groups and manager links that cross domains in this forest; restructure them per domain, or keep both ends on Connect Sync until they are resolved.',
        evidence: { domains: ctx.domains.length, forests: ctx.estate.forests.length },
      },
    ];
  },
};
