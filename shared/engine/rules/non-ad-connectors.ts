import { nonAdNames } from '../staying.js';
import { list } from '../format.js';
import type { EstateRule, FindingDraft } from '../rule.js';
import { cite } from '../sources.js';

/**
 * Connect Sync can also sync from LDAP directories, SQL databases and other sources through generic
 * connectors; Cloud Sync syncs only from AD (FAQ, WHAT). A Connect export tells which connectors a
 * server has; a server recorded only through the connect_servers template does not.
 */
export const nonAdConnectors: EstateRule = {
  id: 'non-ad-connectors',
  capability: 'LDAP, SQL, AD LDS or other non-AD sources',
  sources: ['FAQ', 'WHAT'],
  evaluate(ctx) {
    const drafts: FindingDraft[] = [];
    for (const s of ctx.estate.servers) {
      const names = nonAdNames(s);
      if (names.length === 0) continue;
      drafts.push({
        effect: 'keeps-part-on-connect',
        part: 'non-AD sources',
        subject: s.server,
        message: `${s.server} also syncs ${names.length === 1 ? 'a source' : 'sources'} other than Active Directory: ${list(names)}. Cloud Sync syncs only from AD (${cite('FAQ', 'WHAT')}), so Connect Sync stays on ${s.server} for ${names.length === 1 ? 'it' : 'them'}, whatever the forests' verdicts.`,
        remediation: `Keep ${s.server} (with its staging server) for these sources, or move them to another provisioning path (e.g. Entra inbound provisioning from HR) before decommissioning it.`,
        evidence: { server: s.server, connectors: (s.nonAdConnectors ?? []).map((c) => ({ ...c })) },
      });
    }
    const unknown = ctx.estate.servers.filter((s) => s.nonAdConnectors === null).map((s) => s.server);
    if (unknown.length > 0) {
      drafts.push({
        effect: 'informational',
        severity: 'info',
        subject: 'not checked',
        message: `Whether ${list(unknown)} also ${unknown.length === 1 ? 'syncs' : 'sync'} LDAP, SQL or other non-AD sources is not recorded (no configuration export imported); any such source keeps Connect Sync running for it (${cite('FAQ')}).`,
        remediation: 'Import the Connect Sync configuration export (Get-ADSyncServerConfiguration) of each server, or check its connectors in the Synchronization Service Manager.',
        evidence: { servers: unknown },
      });
    }
    return drafts;
  },
};
