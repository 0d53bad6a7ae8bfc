import { dnKey, domainOfDn } from '../../model/distinguished-name.js';
import { count } from '../format.js';
import type { FindingDraft, Rule } from '../rule.js';
import { cite } from '../sources.js';

export const CLOUD_SYNC_SCOPED_OUS = 50;

/** type=value pairs without escapes, quotes, multi-valued RDNs or spaces around the separators. */
const PLAIN_DN = /^[a-z][a-z0-9-]*=[^,=\\"+<>;#\s](?:[^,=\\"+<>;#]*[^,=\\"+<>;#\s])?(?:,[a-z][a-z0-9-]*=[^,=\\"+<>;#\s](?:[^,=\\"+<>;#]*[^,=\\"+<>;#\s])?)*$/;

/**
 * The compare key (as `dnKey` gives it) of a DN and the key of its domain ("dc=corp,dc=contoso,dc=com").
 * Plain DNs, nearly all of them, are their own key once lower-cased, which spares the full RFC 4514
 * parser: scopes can list thousands.
 */
function keyAndDomain(dn: string): { key: string; domainKey: string | null } {
  const lower = dn.toLowerCase();
  if (PLAIN_DN.test(lower)) {
    if (lower.startsWith('dc=')) return { key: lower, domainKey: lower };
    const first = lower.indexOf(',dc=');
    return { key: lower, domainKey: first < 0 ? null : lower.slice(first + 1) };
  }
  const domain = domainOfDn(dn);
  return { key: dnKey(dn), domainKey: domain === null ? null : `dc=${domain.split('.').join(',dc=')}` };
}

const domainName = (domainKey: string) =>
  domainKey
    .split(',')
    .filter((rdn) => rdn.startsWith('dc='))
    .map((rdn) => rdn.slice(3))
    .join('.');

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
  sources: ['DG', 'FAQ'],
  evaluate(ctx) {
    // Active and staging servers usually list the same OUs: read each DN once.
    const included = new Set<string>();
    for (const scope of ctx.estate.scopesByForest.get(ctx.forest.forest) ?? []) {
      for (const dn of scope.includedOus) included.add(dn);
    }
    if (included.size <= CLOUD_SYNC_SCOPED_OUS) return [];
    const byDomain = new Map<string, Set<string>>();
    for (const dn of included) {
      const { key, domainKey } = keyAndDomain(dn);
      if (domainKey === null) continue;
      const keys = byDomain.get(domainKey);
      if (keys) keys.add(key);
      else byDomain.set(domainKey, new Set([key]));
    }
    const drafts: FindingDraft[] = [];
    for (const [domainKey, keys] of byDomain) {
      // Nesting can only lower the count, so it is worked out only where the count could pass the limit.
      if (keys.size <= CLOUD_SYNC_SCOPED_OUS) continue;
      const separate = [...keys].filter((k) => !parentKeys(k).some((p) => keys.has(p))).length;
      if (separate <= CLOUD_SYNC_SCOPED_OUS) continue;
      const domain = domainName(domainKey);
      drafts.push({
        effect: 'needs-remediation',
        domains: [domain],
        subject: domain,
        message: `Connect Sync includes ${count(separate)} separate OUs of ${domain}; a Cloud Sync configuration (one per domain) scopes about ${CLOUD_SYNC_SCOPED_OUS} separate OUs or groups, nested OUs counting once (${cite('FAQ')}).`,
        remediation: `Rework the scope of ${domain} to about ${CLOUD_SYNC_SCOPED_OUS} entries: include parent OUs, or scope by group.`,
        evidence: { separateOus: separate, includedOus: keys.size, limit: CLOUD_SYNC_SCOPED_OUS },
      });
    }
    return drafts;
  },
};
