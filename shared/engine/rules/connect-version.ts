import { collect, collectPhrase } from '../collect.js';
import type { FindingDraft, Rule } from '../rule.js';
import { cite } from '../sources.js';
import { versionBelow } from '../versions.js';

import { MANDATORY_CONNECT as MANDATORY } from './connect-server-version.js';

const PILOT_MINIMUM = '1.4.32.0';

/**
 * Connect Sync keeps serving the forest through every wave until cutover. HARDEN's 2026-09-30 date has
 * passed: a server below 2.5.79.0 is not syncing today, a blocker to fix now whatever the verdict
 * (an urgent remediation: it does not keep the forest on Connect). The estate section says it once per server.
 */
export const connectVersion: Rule = {
  id: 'connect-version',
  capability: 'Connect Sync servers: version',
  sources: ['HARDEN', 'PILOT'],
  evaluate(ctx) {
    const f = ctx.forest.forest;
    const { currentEngine } = ctx.forest;
    if (ctx.servers.length === 0) {
      if (currentEngine !== 'connect-sync' && currentEngine !== null) return [];
      const fields = [collect('connect_servers', 'forests', f), collect('connect_servers', 'version', f), collect('connect_servers', 'mode', f)];
      return [
        {
          effect: 'unknown-data',
          couldBecome: 'needs-remediation',
          subject: 'no server',
          message: `No Connect Sync server is recorded for forest ${f}${currentEngine === null ? ' (and its current engine is not recorded)' : ''}; every Connect Sync below ${MANDATORY} stopped syncing on 2026-09-30 (${cite('HARDEN')}). Add a row to the connect_servers template for the server that syncs ${f}, with ${f} in its forests column. ${collectPhrase(fields)}`,
          remediation: 'Import the Connect Sync configuration export, or record each Connect server with its forests, version and mode.',
          evidence: { connectServers: 0, currentEngine },
          collect: fields,
        },
      ];
    }
    const outdated = ctx.servers.filter((s) => versionBelow(s.version, MANDATORY) === true);
    const unknown = ctx.servers.filter((s) => versionBelow(s.version, MANDATORY) === null);
    const drafts: FindingDraft[] = [];
    if (outdated.length > 0) {
      const tooOldForPilot = outdated.filter((s) => versionBelow(s.version, PILOT_MINIMUM) === true);
      drafts.push({
        effect: 'needs-remediation',
        urgent: true,
        subject: 'outdated',
        message: `${outdated.map((s) => `${s.server} runs Connect Sync ${s.version}`).join(', ')}; every version below ${MANDATORY} stopped syncing on 2026-09-30 (${cite('HARDEN')}), so ${f} is not being synced today. Fix it now, whatever the verdict.${
          tooOldForPilot.length > 0 ? ` The manual pilot also needs ${PILOT_MINIMUM} or later (${cite('PILOT')}).` : ''
        }`,
        remediation: `Upgrade ${outdated.map((s) => s.server).join(', ')} to ${MANDATORY} or later now (upgrade the staging server first, then swap).`,
        evidence: { minimum: MANDATORY, servers: outdated.map((s) => ({ server: s.server, version: s.version })) },
      });
    }
    if (unknown.length > 0) {
      const fields = unknown.map((s) => collect('connect_servers', 'version', s.server));
      drafts.push({
        effect: 'unknown-data',
        couldBecome: 'needs-remediation',
        subject: 'unknown',
        message: `The version of Connect server ${unknown.map((s) => s.server).join(', ')} is not recorded; every version below ${MANDATORY} stopped syncing on 2026-09-30 (${cite('HARDEN')}). ${collectPhrase(fields)}`,
        remediation: 'Read the version in the Connect Sync wizard or Programs and Features and record it.',
        evidence: { servers: unknown.map((s) => ({ server: s.server, version: s.version })) },
        collect: fields,
      });
    }
    return drafts;
  },
};
