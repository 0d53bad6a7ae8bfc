import { list } from '../format.js';
import type { FindingDraft, Rule } from '../rule.js';
import { cite } from '../sources.js';

/** Top-level names that no public DNS serves, so Entra ID cannot verify them as domains. */
const PRIVATE_TLDS = new Set(['local', 'lan', 'internal', 'intranet', 'intra', 'corp', 'home', 'localdomain', 'private', 'ad', 'test', 'invalid', 'localhost', 'example']);

export function isRoutableSuffix(suffix: string): boolean {
  const name = suffix.trim().toLowerCase().replace(/^@/, '').replace(/\.$/, '');
  const dot = name.lastIndexOf('.');
  return dot > 0 && dot < name.length - 1 && !PRIVATE_TLDS.has(name.slice(dot + 1));
}

/**
 * UPN suffixes from the domains template, including the domain's own name (the implicit suffix).
 * A warning rather than a remediation: a suffix may exist without being used; the hygiene check
 * `non-routable-upn-suffix` counts the users who actually carry one.
 */
export const upnSuffixes: Rule = {
  id: 'upn-suffixes',
  capability: 'directory hygiene: routable UPN suffix',
  sources: ['PILOT'],
  evaluate(ctx) {
    const drafts: FindingDraft[] = [];
    for (const d of ctx.domains) {
      if (d.upnSuffixes.length === 0 && isRoutableSuffix(d.domain)) continue;
      const suffixes = [...new Set([d.domain, ...d.upnSuffixes.map((s) => s.trim().toLowerCase().replace(/^@/, ''))])].filter((s) => s !== '');
      const private_ = suffixes.filter((s) => !isRoutableSuffix(s)).sort();
      if (private_.length === 0) continue;
      drafts.push({
        effect: 'informational',
        severity: 'warning',
        subject: d.domain,
        domains: [d.domain],
        message: `Domain ${d.domain} has the non-routable UPN suffix${private_.length === 1 ? '' : 'es'} ${list(private_)}; users who sign in with ${private_.length === 1 ? 'it' : 'them'} get an onmicrosoft.com name in Entra ID, with either engine (IdFix rules, ${cite('PILOT')}).`,
        remediation: `Add a routable UPN suffix (a verified domain of the tenant) and move users from ${list(private_)} to it.`,
        evidence: { upnSuffixes: suffixes, nonRoutable: private_ },
      });
    }
    return drafts;
  },
};
