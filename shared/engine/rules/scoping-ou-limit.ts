import { dnKey, domainOfDn } from '../../model/distinguished-name.js';
import { count } from '../format.js';
import type { FindingDraft, Rule } from '../rule.js';
import { cite, source } from '../sources.js';

export const CLOUD_SYNC_SCOPED_OUS = 50;

/** The keys of a DN's parents, nearest first: splits on commas that are not escaped. */
function parentKeys(key: string): string[] {
  const parents: string[] = [];
  for (let i = 0; i < key.length; i++) {
    if (key[i] === '\\') i++;
    else if (key[i] === ',') parents.push(key.slice(i + 1));
  }
  return parents;
}

/**
 * Cloud Sync's scoping filter holds about 50 separate OUs or groups per configuration, and there is
 * one configuration per domain (FAQ, PRE). Connect's included OUs are what the Cloud Sync scope would
 * have to list; an OU nested in another included OU adds nothing.
 */
export const scopingOuLimit: Rule = {
  id: 'scoping-ou-limit',
  capability: 'OU / domain / group scoping',
  source: source('DG', 'FAQ'),
  evaluate(ctx) {
    const byDomain = new Map<string, Set<string>>();
    for (const server of ctx.servers) {
      for (const scope of server.scopes) {
        if (scope.forest !== ctx.forest.forest) continue;
        for (const dn of scope.includedOus) {
          const domain = domainOfDn(dn);
          if (domain === null) continue;
          const keys = byDomain.get(domain) ?? new Set<string>();
          keys.add(dnKey(dn));
          byDomain.set(domain, keys);
        }
      }
    }
    const drafts: FindingDraft[] = [];
    for (const [domain, keys] of [...byDomain].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const separate = [...keys].filter((k) => !parentKeys(k).some((p) => keys.has(p)));
      if (separate.length <= CLOUD_SYNC_SCOPED_OUS) continue;
      drafts.push({
        effect: 'needs-remediation',
        domains: [domain],
        subject: domain,
        message: `Connect Sync includes ${count(separate.length)} separate OUs of ${domain}; a Cloud Sync configuration (one per domain) scopes about ${CLOUD_SYNC_SCOPED_OUS} separate OUs or groups, nested OUs counting once (${cite('FAQ')}).`,
        remediation: `Rework the scope of ${domain} to about ${CLOUD_SYNC_SCOPED_OUS} entries: include parent OUs, or scope by group.`,
        evidence: { separateOus: separate.length, includedOus: keys.size, limit: CLOUD_SYNC_SCOPED_OUS },
      });
    }
    return drafts;
  },
};
