import { count } from '../format.js';
import type { Rule } from '../rule.js';
import { cite } from '../sources.js';

const RECOMMENDED_AGENTS = 3;

const CHECKLIST =
  'domain-joined Windows Server 2016 or later with the Desktop Experience, at least 4 GB of RAM, .NET Framework 4.7.1 or later, TLS 1.2, TCP 389 and 3268 to the domain controllers, outbound TCP 443, PowerShell execution policy Undefined or RemoteSigned, the Credential Manager service enabled, and a gMSA created by a Domain or Enterprise Admin';

/** Installing agents is part of every migration, so missing or too few agents are advice, not blockers. */
export const agentHighAvailability: Rule = {
  id: 'agent-high-availability',
  capability: 'several active agents / HA',
  sources: ['DG', 'FAQ', 'PRE'],
  evaluate(ctx) {
    const hosts = [...new Set(ctx.agents.map((a) => a.host.toLowerCase()))];
    if (hosts.length >= RECOMMENDED_AGENTS) return [];
    const reading = ctx.assumptions.activeAgents;
    const oneAtATime = reading === 'one-at-a-time';
    if (hosts.length === 0) {
      return [
        {
          effect: 'informational',
          severity: 'info',
          message: `No Cloud Sync agents are recorded for forest ${ctx.forest.forest}. Plan ${RECOMMENDED_AGENTS} agents on separate hosts for high availability (${cite('DG')}), each ${CHECKLIST} (${cite('PRE')}).`,
          remediation: `Prepare ${RECOMMENDED_AGENTS} agent hosts meeting the prerequisites and record them in the agents template.`,
          evidence: { agents: 0, recommended: RECOMMENDED_AGENTS },
        },
      ];
    }
    return [
      {
        effect: 'informational',
        severity: 'warning',
        message: `Forest ${ctx.forest.forest} has ${count(hosts.length)} agent host${hosts.length === 1 ? '' : 's'}; Microsoft recommends ${RECOMMENDED_AGENTS} on separate hosts (${cite('PRE')}). ${
          oneAtATime
            ? `SyncPlan reads only one agent as active at a time, the others taking over when it fails (${cite('FAQ')}; setting activeAgents); DG says the agents share the load.`
            : `SyncPlan reads the agents as sharing the load (${cite('DG')}; setting activeAgents); the FAQ says only one is active at a time.`
        }`,
        remediation: `Add ${RECOMMENDED_AGENTS - hosts.length} more agent host${RECOMMENDED_AGENTS - hosts.length === 1 ? '' : 's'} meeting the prerequisites.`,
        evidence: { hosts: [...hosts].sort(), recommended: RECOMMENDED_AGENTS, activeAgents: reading },
        assumption: { name: 'activeAgents', reading, alternative: oneAtATime ? 'load-shared' : 'one-at-a-time' },
      },
    ];
  },
};
