import { count, list } from '../format.js';
import type { Rule } from '../rule.js';
import { featureUnknown } from '../rule-helpers.js';
import { cite } from '../sources.js';

const PART = 'InetOrgPerson objects (password hash sync)';

/**
 * Cloud Sync does not sync password hashes of InetOrgPerson objects (PRE). The count comes from
 * per-object AD exports (objectClass); no template column holds it, so an unknown count is advice,
 * like hygiene: those objects already sync through Connect today.
 */
export const inetOrgPersonPasswordHashSync: Rule = {
  id: 'inetorgperson-password-hash-sync',
  capability: 'password hash sync for InetOrgPerson objects',
  sources: ['PRE'],
  evaluate(ctx) {
    const f = ctx.forest.forest;
    const phs = ctx.feature('password_hash_sync');
    if (phs === false || ctx.forest.currentEngine === 'cloud-sync') return [];
    const found = ctx.domains.filter((d) => (d.inetOrgPersons ?? 0) > 0);
    // InetOrgPerson objects are known to be there: whether their hashes sync decides whether they stay.
    if (phs === null) {
      if (found.length === 0) return [];
      const total = found.reduce((n, d) => n + (d.inetOrgPersons ?? 0), 0);
      return [
        {
          ...featureUnknown(ctx, 'password_hash_sync', 'password hash sync', 'keeps-part-on-connect', `its ${count(total)} InetOrgPerson object${total === 1 ? '' : 's'} stay on Connect Sync, since Cloud Sync does not sync their password hashes (${cite('PRE')})`),
          part: PART,
          domains: found.map((d) => d.domain),
        },
      ];
    }
    if (found.length > 0) {
      const total = found.reduce((n, d) => n + (d.inetOrgPersons ?? 0), 0);
      return [
        {
          effect: 'keeps-part-on-connect',
          part: PART,
          domains: found.map((d) => d.domain),
          message: `Forest ${f} has ${count(total)} InetOrgPerson object${total === 1 ? '' : 's'} (${list(found.map((d) => `${d.domain}: ${count(d.inetOrgPersons ?? 0)}`))}) and uses password hash sync; Cloud Sync does not sync password hashes of InetOrgPerson objects (${cite('PRE')}). They stay on Connect Sync, in OUs of their own, or lose cloud sign-in with their AD password.`,
          remediation: 'Move the InetOrgPerson objects into OUs that stay in Connect Sync scope (and out of Cloud Sync scope), or replace them with user objects and decide again.',
          evidence: { password_hash_sync: true, inetOrgPersons: Object.fromEntries(found.map((d) => [d.domain, d.inetOrgPersons])) },
        },
      ];
    }
    const unknown = ctx.domains.filter((d) => d.inetOrgPersons === null);
    if (unknown.length === 0) return [];
    return [
      {
        effect: 'informational',
        severity: 'info',
        subject: 'not checked',
        message: `Whether ${list(unknown.map((d) => d.domain))} hold${unknown.length === 1 ? 's' : ''} InetOrgPerson objects is not recorded; Cloud Sync does not sync their password hashes (${cite('PRE')}).`,
        remediation: "Import a Get-ADObject -LDAPFilter '(objectClass=inetOrgPerson)' export (or Get-ADUser with ObjectClass), or check in AD.",
        evidence: { domains: unknown.map((d) => d.domain) },
      },
    ];
  },
};
