import { checkAgents, missingIfNull } from '../agent-requirement.js';
import { count } from '../format.js';
import type { Rule } from '../rule.js';

const MIN_RAM_GB = 4;

export const agentRam: Rule = {
  id: 'agent-ram',
  capability: 'agent host: memory',
  sources: ['PRE'],
  evaluate: (ctx) =>
    checkAgents(ctx, {
      need: `at least ${MIN_RAM_GB} GB of RAM`,
      pages: ['PRE'],
      read: (a) => (a.ramGb !== null && a.ramGb < MIN_RAM_GB ? { fails: true } : missingIfNull(a.ramGb, 'ram_gb')),
      shown: (a) => ({ ramGb: a.ramGb }),
      describe: (a) => `${a.host} (${count(a.ramGb ?? 0)} GB)`,
      remediation: (hosts) => `Give ${hosts} at least ${MIN_RAM_GB} GB of RAM, or install the agent on another host.`,
    }),
};
