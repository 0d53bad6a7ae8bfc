import { collect, collectPhrase } from '../collect.js';
import type { Rule } from '../rule.js';
import { cite } from '../sources.js';

export const forestWithoutDomains: Rule = {
  id: 'forest-without-domains',
  capability: 'objects per AD domain',
  sources: ['DG'],
  evaluate(ctx) {
    if (ctx.domains.length > 0) return [];
    const f = ctx.forest.forest;
    const fields = [
      collect('domains', 'forest', f),
      collect('domains', 'users', f),
      collect('domains', 'groups', f),
      collect('domains', 'contacts', f),
      collect('domains', 'computers', f),
      collect('domains', 'largest_group_members', f),
    ];
    return [
      {
        effect: 'unknown-data',
        couldBecome: 'blocks-cloud-sync',
        message: `No domains are recorded for forest ${f}, so neither the per-domain object limit of 150,000 nor the group size limit of 50,000 members (${cite('DG')}) can be checked. Add one row per domain of ${f} to the domains template. ${collectPhrase(fields)}`,
        remediation: `Import the domains of ${f} (domains template, ADRecon or an Active Directory export).`,
        evidence: { domains: 0 },
        collect: fields,
      },
    ];
  },
};
