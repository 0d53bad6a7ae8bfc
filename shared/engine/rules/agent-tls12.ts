import { checkAgents, missingIfNull } from '../agent-requirement.js';
import type { Rule } from '../rule.js';

export const agentTls12: Rule = {
  id: 'agent-tls12',
  capability: 'agent host: TLS 1.2',
  sources: ['PRE'],
  evaluate: (ctx) =>
    checkAgents(ctx, {
      need: 'TLS 1.2 enabled',
      pages: ['PRE'],
      read: (a) => (a.tls12 === false ? { fails: true } : missingIfNull(a.tls12, 'tls12')),
      shown: (a) => ({ tls12: a.tls12 }),
      describe: (a) => `${a.host} (TLS 1.2 off)`,
      remediation: (hosts) =>
        `Enable TLS 1.2 for .NET (SchUseStrongCrypto and the SCHANNEL TLS 1.2 keys in the registry) on ${hosts}, then reboot.`,
    }),
};
