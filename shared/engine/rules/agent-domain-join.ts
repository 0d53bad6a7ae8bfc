import { checkAgents, missingIfNull } from '../agent-requirement.js';
import type { Rule } from '../rule.js';

export const agentDomainJoin: Rule = {
  id: 'agent-domain-join',
  capability: 'agent host: domain join',
  sources: ['PRE'],
  evaluate: (ctx) =>
    checkAgents(ctx, {
      need: 'to be joined to a domain of the forest it serves',
      pages: ['PRE'],
      read: (a) => (a.domainJoined === false ? { fails: true } : missingIfNull(a.domainJoined, 'domain_joined')),
      shown: (a) => ({ domainJoined: a.domainJoined }),
      describe: (a) => `${a.host} (not domain-joined)`,
      remediation: (hosts) => `Join ${hosts} to a domain of the forest, or install the agent on a domain-joined host.`,
    }),
};
