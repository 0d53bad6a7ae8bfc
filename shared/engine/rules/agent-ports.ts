import type { Agent } from '../../model/inventory.js';
import { checkAgents } from '../agent-requirement.js';
import type { Column } from '../collect.js';
import { list } from '../format.js';
import type { Rule } from '../rule.js';

const PORTS: { column: Column<'agents'>; label: string; value: (a: Agent) => boolean | null }[] = [
  { column: 'ldap_389', label: 'TCP 389 (LDAP) to the domain controllers', value: (a) => a.ldap389 },
  { column: 'gc_3268', label: 'TCP 3268 (Global Catalog)', value: (a) => a.gc3268 },
  { column: 'outbound_443', label: 'outbound TCP 443', value: (a) => a.outbound443 },
];

const blocked = (a: Agent) => PORTS.filter((p) => p.value(a) === false).map((p) => p.label);

export const agentPorts: Rule = {
  id: 'agent-ports',
  capability: 'agent host: network ports',
  sources: ['PRE'],
  evaluate: (ctx) =>
    checkAgents(ctx, {
      need: 'TCP 389 and 3268 to the domain controllers and outbound TCP 443 (and 80 for CRL checks)',
      pages: ['PRE'],
      read: (a) =>
        blocked(a).length > 0
          ? { fails: true }
          : { fails: false, missing: PORTS.filter((p) => p.value(a) === null).map((p) => p.column) },
      shown: (a) => ({ ldap389: a.ldap389, gc3268: a.gc3268, outbound443: a.outbound443 }),
      describe: (a) => `${a.host} (no ${list(blocked(a))})`,
      remediation: (hosts) =>
        `Open the missing ports for ${hosts}; a proxy must allow HTTP 1.1 chunked encoding.`,
    }),
};
