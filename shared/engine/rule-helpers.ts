import type { Agent, FeatureName } from '../model/inventory.js';
import { collect, collectPhrase } from './collect.js';
import type { Effect } from './decision-schema.js';
import type { ForestContext } from './forest-context.js';
import { list } from './format.js';
import type { FindingDraft } from './rule.js';
import { cite, type Page } from './sources.js';
import { versionBelow } from './versions.js';

/** The unknown-data draft for a sync_features column nobody filled in. */
export function featureUnknown(
  ctx: ForestContext,
  feature: FeatureName,
  label: string,
  couldBecome: Exclude<Effect, 'unknown-data'>,
  consequence: string,
): FindingDraft {
  const fields = [collect('sync_features', feature, ctx.forest.forest)];
  return {
    effect: 'unknown-data',
    couldBecome,
    message: `Whether forest ${ctx.forest.forest} uses ${label} is not recorded; if it does, ${consequence}. ${collectPhrase(fields)}`,
    remediation: `Find out whether ${label} is in use (Connect Sync wizard or configuration export) and record it.`,
    evidence: { [feature]: null, currentEngine: ctx.forest.currentEngine },
    collect: fields,
  };
}

export function hostNames(agents: readonly Agent[]): string {
  return list(agents.map((a) => a.host));
}

/** Agents whose version is below `minimum`, and those whose version is not recorded or not readable. */
export function agentsByVersion(agents: readonly Agent[], minimum: string) {
  const below: Agent[] = [];
  const unknown: Agent[] = [];
  for (const a of agents) {
    const b = versionBelow(a.agentVersion, minimum);
    if (b === null) unknown.push(a);
    else if (b) below.push(a);
  }
  return { below, unknown };
}

/**
 * A capability that needs a minimum provisioning agent version: an upgrade for the agents known to be
 * older, a question for those whose version is unknown. With no agents yet, installing a current agent
 * is part of the migration itself, so nothing is reported.
 */
export function agentVersionDrafts(ctx: ForestContext, minimum: string, purpose: string, pages: Page[]): FindingDraft[] {
  const { below, unknown } = agentsByVersion(ctx.agents, minimum);
  const drafts: FindingDraft[] = [];
  if (below.length > 0) {
    drafts.push({
      effect: 'needs-remediation',
      subject: `agent below ${minimum}`,
      message: `${purpose} needs provisioning agent ${minimum} or later (${cite(...pages)}); ${below
        .map((a) => `${a.host} runs ${a.agentVersion}`)
        .join(', ')}.`,
      remediation: `Upgrade the provisioning agent on ${hostNames(below)} to ${minimum} or later.`,
      evidence: { minimum, agents: below.map((a) => ({ host: a.host, agentVersion: a.agentVersion })) },
    });
  }
  if (unknown.length > 0) {
    const fields = unknown.map((a) => collect('agents', 'agent_version', a.host));
    drafts.push({
      effect: 'unknown-data',
      couldBecome: 'needs-remediation',
      subject: `agent version unknown`,
      message: `${purpose} needs provisioning agent ${minimum} or later (${cite(...pages)}); the version of ${hostNames(unknown)} is not recorded. ${collectPhrase(fields)}`,
      remediation: `Read the agent version on ${hostNames(unknown)} (Programs and Features) and record it.`,
      evidence: { minimum, agents: unknown.map((a) => ({ host: a.host, agentVersion: a.agentVersion })) },
      collect: fields,
    });
  }
  return drafts;
}

/** Whether `agentVersionDrafts` could ask for an upgrade: some agent is, or may be, too old. */
export function agentsMayNeedUpgrade(ctx: ForestContext, minimum: string): boolean {
  const { below, unknown } = agentsByVersion(ctx.agents, minimum);
  return below.length > 0 || unknown.length > 0;
}
