import type { HygieneCheck, HygieneFinding } from '../../model/inventory.js';
import { count, list } from '../format.js';
import type { FindingDraft, Rule } from '../rule.js';
import { cite } from '../sources.js';

const PROBLEMS: Record<HygieneCheck, string> = {
  'non-routable-upn-suffix': 'users with a non-routable UPN suffix (such as .local)',
  'duplicate-upn': 'duplicate UPNs',
  'duplicate-proxy-address': 'duplicate proxyAddresses (they must be unique across the directory)',
  'invalid-characters': 'values with invalid characters',
  'upn-too-long': 'UPNs that are too long (at most 113 characters, under 64 before "@" and under 48 after)',
  'proxy-address-too-long': 'proxyAddresses over 256 characters',
  'samaccountname-too-long': 'sAMAccountNames over 20 characters',
  'malformed-mail': 'malformed mail or proxyAddresses values',
};

/**
 * Directory hygiene from the import (IdFix rules). Problems found are work before the pilot (PILOT:
 * IdFix clean). Domains with no results are not treated as unknown: these objects already sync through
 * Connect today, so hygiene is not a new risk of the move, only a prerequisite of the pilot.
 */
export const directoryHygiene: Rule = {
  id: 'directory-hygiene',
  capability: 'directory hygiene (IdFix)',
  sources: ['PILOT'],
  evaluate(ctx) {
    const byCheck = new Map<HygieneCheck, HygieneFinding[]>();
    const unchecked: string[] = [];
    for (const d of ctx.domains) {
      const rows = ctx.estate.hygieneByDomain.get(d.domain) ?? [];
      if (rows.length === 0) unchecked.push(d.domain);
      for (const row of rows) {
        if (row.count === 0) continue;
        const list = byCheck.get(row.check);
        if (list) list.push(row);
        else byCheck.set(row.check, [row]);
      }
    }
    const drafts: FindingDraft[] = [];
    for (const [check, rows] of [...byCheck].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const total = rows.reduce((sum, r) => sum + r.count, 0);
      drafts.push({
        effect: 'needs-remediation',
        subject: check,
        domains: rows.map((r) => r.domain),
        message: `Directory hygiene found ${count(total)} ${PROBLEMS[check]} in ${list(rows.map((r) => `${r.domain} (${count(r.count)})`))}; the pilot starts from an IdFix-clean directory (${cite('PILOT')}).`,
        remediation: 'Fix the objects with IdFix (or a script) before the pilot, then re-run the check.',
        evidence: { check, total, domains: rows.map((r) => ({ domain: r.domain, count: r.count, examples: [...r.examples] })) },
      });
    }
    if (unchecked.length > 0) {
      drafts.push({
        effect: 'informational',
        severity: 'info',
        subject: 'unchecked',
        domains: unchecked,
        message: `No directory hygiene results are recorded for ${list(unchecked)}; run IdFix before the pilot (${cite('PILOT')}).`,
        remediation: 'Run IdFix against these domains, or import user exports so SyncPlan can check UPNs, proxyAddresses and sAMAccountNames.',
        evidence: { domains: unchecked },
      });
    }
    return drafts;
  },
};
