import type { Agent } from '../model/inventory.js';
import { collect, collectPhrase, type Column } from './collect.js';
import type { ForestContext } from './forest-context.js';
import type { FindingDraft, Json } from './rule.js';
import { hostNames } from './rule-helpers.js';
import { cite, type Page } from './sources.js';

/** How one agent host measures up to one prerequisite. */
export type AgentReading = { fails: true } | { fails: false; missing: readonly Column<'agents'>[] };

/** A Cloud Sync agent host prerequisite (PRE, FAQ) that holds or fails per host. */
export interface AgentRequirement {
  /** "at least 4 GB of RAM": completes "The provisioning agent host needs …". */
  readonly need: string;
  readonly pages: Page[];
  read(agent: Agent): AgentReading;
  /** The recorded values, for the evidence. */
  shown(agent: Agent): Json;
  /** "app1 (2 GB)": how a failing host is named in the message. */
  describe(agent: Agent): string;
  remediation(hosts: string): string;
}

export const missingIfNull = (value: unknown, column: Column<'agents'>): AgentReading =>
  ({ fails: false, missing: value === null ? [column] : [] });

/** One remediation for every failing host, one question for every host with a blank column. */
export function checkAgents(ctx: ForestContext, req: AgentRequirement): FindingDraft[] {
  const failing: Agent[] = [];
  const unknown: { agent: Agent; missing: readonly Column<'agents'>[] }[] = [];
  for (const agent of ctx.agents) {
    const r = req.read(agent);
    if (r.fails) failing.push(agent);
    else if (r.missing.length > 0) unknown.push({ agent, missing: r.missing });
  }
  const drafts: FindingDraft[] = [];
  if (failing.length > 0) {
    drafts.push({
      effect: 'needs-remediation',
      subject: 'not met',
      message: `The provisioning agent host needs ${req.need} (${cite(...req.pages)}); ${failing
        .map((a) => req.describe(a))
        .join(', ')} ${failing.length === 1 ? 'does' : 'do'} not meet it.`,
      remediation: req.remediation(hostNames(failing)),
      evidence: { agents: failing.map((a) => ({ host: a.host, value: req.shown(a) })) },
    });
  }
  if (unknown.length > 0) {
    const fields = unknown.flatMap((u) => u.missing.map((column) => collect('agents', column, u.agent.host)));
    const agents = unknown.map((u) => u.agent);
    drafts.push({
      effect: 'unknown-data',
      couldBecome: 'needs-remediation',
      subject: 'unknown',
      message: `The provisioning agent host needs ${req.need} (${cite(...req.pages)}); this is not recorded for ${hostNames(agents)}. ${collectPhrase(fields)}`,
      remediation: `Check ${hostNames(agents)} and record the values.`,
      evidence: { agents: agents.map((a) => ({ host: a.host, value: req.shown(a) })) },
      collect: fields,
    });
  }
  return drafts;
}
