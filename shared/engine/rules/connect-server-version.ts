import { collect, collectPhrase } from '../collect.js';
import { stayingServers } from '../staying.js';
import { list } from '../format.js';
import type { EstateRule, FindingDraft } from '../rule.js';
import { cite } from '../sources.js';
import { versionBelow } from '../versions.js';

export const MANDATORY_CONNECT = '2.5.79.0';

/**
 * HARDEN: every Connect Sync below 2.5.79.0 stopped syncing on 2026-09-30, a date that has passed, so
 * such a server is not syncing today: fix it now, whatever the verdicts. A server that stays falls under
 * VERS's retirement policy: each 2.x build retires 12 months after a newer one is released.
 */
export const connectServerVersion: EstateRule = {
  id: 'connect-server-version',
  capability: 'Connect Sync servers: version and retirement',
  sources: ['HARDEN', 'VERS'],
  evaluate(ctx) {
    const staying = new Set(stayingServers(ctx.estate, ctx.decisionByForest).filter((s) => s.certain).map((s) => s.server));
    const drafts: FindingDraft[] = [];
    for (const s of ctx.estate.servers) {
      const below = versionBelow(s.version, MANDATORY_CONNECT);
      const forests = list([...new Set(s.forests)].sort());
      if (below === true) {
        drafts.push({
          effect: 'needs-remediation',
          urgent: true,
          subject: s.server,
          sources: ['HARDEN'],
          message: `${s.server} runs Connect Sync ${s.version}: every version below ${MANDATORY_CONNECT} stopped syncing on 2026-09-30 (${cite('HARDEN')}), so it is not syncing ${forests || 'its forests'} today. Upgrade it now, whatever the verdicts.`,
          remediation: `Upgrade ${s.server} to ${MANDATORY_CONNECT} or later now (the staging server first, then swap); .NET Framework 4.7.2 and TLS 1.2 are needed too.`,
          evidence: { server: s.server, version: s.version, minimum: MANDATORY_CONNECT, forests: [...s.forests] },
        });
      } else if (below === null) {
        const fields = [collect('connect_servers', 'version', s.server)];
        drafts.push({
          effect: 'unknown-data',
          couldBecome: 'needs-remediation',
          subject: s.server,
          sources: ['HARDEN'],
          message: `The version of Connect server ${s.server} is not recorded; every version below ${MANDATORY_CONNECT} stopped syncing on 2026-09-30 (${cite('HARDEN')}). ${collectPhrase(fields)}`,
          remediation: 'Read the version in the Connect Sync wizard or Programs and Features and record it.',
          evidence: { server: s.server, version: s.version },
          collect: fields,
        });
      } else if (staying.has(s.server)) {
        drafts.push({
          effect: 'needs-remediation',
          subject: s.server,
          sources: ['VERS', 'HARDEN'],
          message: `${s.server} runs Connect Sync ${s.version} and stays after the migration. Each 2.x version retires 12 months after a newer one is released (${cite('VERS')}), so an upgrade is due whenever a newer build has been out for a year; ${MANDATORY_CONNECT} is only the floor set by the hardening update (${cite('HARDEN')}).`,
          remediation: `Upgrade ${s.server} to the newest 2.x build from the version history, and plan a yearly upgrade for as long as it runs.`,
          evidence: { server: s.server, version: s.version, minimum: MANDATORY_CONNECT, stays: true },
        });
      }
    }
    return drafts;
  },
};
