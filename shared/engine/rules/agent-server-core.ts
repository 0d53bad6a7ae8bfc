import { checkAgents, missingIfNull } from '../agent-requirement.js';
import type { Rule } from '../rule.js';

export const agentServerCore: Rule = {
  id: 'agent-server-core',
  capability: 'agent host: Server Core',
  sources: ['PRE'],
  evaluate: (ctx) =>
    checkAgents(ctx, {
      need: 'Windows Server with the Desktop Experience, not Server Core',
      pages: ['PRE'],
      read: (a) => (a.serverCore === true ? { fails: true } : missingIfNull(a.serverCore, 'server_core')),
      shown: (a) => ({ serverCore: a.serverCore }),
      describe: (a) => `${a.host} (Server Core)`,
      remediation: (hosts) => `Install the agent on a Windows Server with the Desktop Experience instead of ${hosts}.`,
    }),
};
