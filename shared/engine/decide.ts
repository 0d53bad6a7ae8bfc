import type { Assumptions } from '../model/assumptions.js';
import { estateModel, type EstateModel, type Inventory } from '../model/inventory.js';
import { asCloudSyncOnly } from './cloud-sync-only.js';
import type { DecisionResult, DomainDecision, Finding, ForestDecision } from './decision-schema.js';
import { decideEstate } from './estate.js';
import { indexEstate, type EstateIndex } from './estate-index.js';
import { forestContext, type ForestContext } from './forest-context.js';
import { compareFindings, toFinding } from './finding.js';
import type { Rule } from './rule.js';
import { LINKED_RULES, RULES } from './rules/index.js';
import { deriveVerdict, type Derivation } from './verdict.js';

/**
 * When current_engine or network is blank, the forest may be one that only Cloud Sync can serve. If
 * that reading changes the verdict, the blank decides and the verdict waits for it.
 */
function undecided(usual: Derivation, cloudSyncOnly: Derivation): Derivation {
  const byDomain = new Map(cloudSyncOnly.domains.map((d) => [d.domain, d]));
  const domains: DomainDecision[] = usual.domains.map((d) => {
    const other = byDomain.get(d.domain);
    return other && other.engine === d.engine
      ? d
      : { domain: d.domain, engine: 'unknown', because: ['disconnected-forest'], partsOnConnect: d.partsOnConnect };
  });
  return {
    verdict: 'insufficient-data',
    reason: `Whether anything syncs this forest today and whether Connect Sync can reach it is not recorded: ${cloudSyncOnly.verdict} if only Cloud Sync can serve it, ${usual.verdict} otherwise; collect forests.current_engine and forests.network.`,
    decidedBy: ['disconnected-forest'],
    domains,
  };
}

export function evaluate(ctx: ForestContext, rules: readonly Rule[]): Finding[] {
  const raw = rules.flatMap((rule) => rule.evaluate(ctx).map((draft) => toFinding(rule, draft)));
  return ctx.cloudSyncOnly === true ? raw.map(asCloudSyncOnly) : raw;
}

export function conclude(ctx: ForestContext, unsorted: Finding[]): ForestDecision {
  const findings = unsorted.sort(compareFindings);
  const domains = ctx.domains.map((d) => d.domain);
  let derived = deriveVerdict(findings, domains);
  if (ctx.cloudSyncOnly === null) {
    const alternative = deriveVerdict(findings.map(asCloudSyncOnly), domains);
    if (alternative.verdict !== derived.verdict) derived = undecided(derived, alternative);
  }
  const decisive = new Set(derived.decidedBy);
  return {
    forest: ctx.forest.forest,
    verdict: derived.verdict,
    reason: derived.reason,
    decidedBy: derived.decidedBy,
    domains: derived.domains,
    findings,
    links: [...ctx.links],
    decidedByLink: findings.find((f) => f.link !== null && decisive.has(f.rule))?.link ?? null,
  };
}

/**
 * Forests tied by a merge, references or resource-for link move together or not at all: each is first
 * decided on its own, then the forest-links rule sees its partners' decisions and the verdict is derived
 * again with what it adds. One pass suffices: the rule looks at the whole linked group, not a neighbour.
 */
function decideForests(estate: EstateIndex, assumptions: Assumptions): ForestDecision[] {
  const contexts = estate.forests.map((forest) => forestContext(forest, estate, assumptions));
  const findings = contexts.map((ctx) => evaluate(ctx, RULES));
  const alone = contexts.map((ctx, i) => conclude(ctx, [...(findings[i] ?? [])]));
  if (estate.tyingByForest.size === 0) return alone;
  const byForest = new Map(alone.map((d) => [d.forest, d]));
  return contexts.map((ctx, i) => {
    if (!estate.tyingByForest.has(ctx.forest.forest)) return alone[i] as ForestDecision;
    const linked = forestContext(ctx.forest, estate, assumptions, byForest);
    return conclude(linked, [...(findings[i] ?? []), ...evaluate(linked, LINKED_RULES)]);
  });
}

/**
 * The decisions of `decide --json` (docs/json-outputs.md): per forest, and for the estate as a whole. Pure and deterministic:
 * forests sorted by name, domains by name, findings by severity then rule id, whatever order the
 * inventory lists them in.
 */
export function decide(inventory: Inventory | EstateModel, assumptions: Assumptions): DecisionResult {
  const estate = indexEstate(estateModel(inventory));
  const forests = decideForests(estate, assumptions);
  return {
    assumptions: { ...assumptions },
    forests,
    estate: decideEstate(estate, assumptions, forests),
  };
}
