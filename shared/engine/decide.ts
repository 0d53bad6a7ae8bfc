import type { Assumptions } from '../model/assumptions.js';
import type { Inventory } from '../model/inventory.js';
import { asCloudSyncOnly } from './cloud-sync-only.js';
import type { DecisionResult, DomainDecision, Finding, ForestDecision, Severity } from './decision-schema.js';
import { indexEstate } from './estate-index.js';
import { forestContext, type ForestContext } from './forest-context.js';
import type { FindingDraft, Rule } from './rule.js';
import { RULES } from './rules/index.js';
import { deriveVerdict, type Derivation } from './verdict.js';

const SEVERITY_RANK: Record<Severity, number> = { blocker: 0, remediation: 1, warning: 2, info: 3 };

function severityOf(draft: FindingDraft): Severity {
  switch (draft.effect) {
    case 'blocks-cloud-sync':
    case 'keeps-domain-on-connect':
    case 'keeps-part-on-connect':
      return 'blocker';
    case 'needs-remediation':
      return 'remediation';
    case 'unknown-data':
      return 'warning';
    case 'informational':
      return draft.severity;
  }
}

function toFinding(rule: Rule, draft: FindingDraft): Finding {
  return {
    rule: rule.id,
    severity: severityOf(draft),
    message: draft.message,
    evidence: draft.evidence,
    source: draft.source ?? rule.source,
    capability: rule.capability,
    effect: draft.effect,
    couldBecome: draft.effect === 'unknown-data' ? draft.couldBecome : null,
    remediation: draft.remediation,
    domains: [...(draft.domains ?? [])].sort(),
    part: draft.effect === 'keeps-part-on-connect' || draft.effect === 'unknown-data' ? (draft.part ?? null) : null,
    collect: [...(draft.collect ?? [])],
    assumption: draft.assumption ?? null,
    subject: draft.subject ?? null,
  };
}

const text = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Severity, then rule id; the rest only separates several findings of one rule. */
function compareFindings(a: Finding, b: Finding): number {
  return (
    SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
    text(a.rule, b.rule) ||
    text(a.subject ?? '', b.subject ?? '') ||
    text(a.domains.join(','), b.domains.join(',')) ||
    text(a.message, b.message)
  );
}

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

function decideForest(ctx: ForestContext): ForestDecision {
  const raw = RULES.flatMap((rule) => rule.evaluate(ctx).map((draft) => toFinding(rule, draft)));
  const findings = (ctx.cloudSyncOnly === true ? raw.map(asCloudSyncOnly) : raw).sort(compareFindings);
  const domains = ctx.domains.map((d) => d.domain);
  let derived = deriveVerdict(findings, domains);
  if (ctx.cloudSyncOnly === null) {
    const alternative = deriveVerdict(findings.map(asCloudSyncOnly), domains);
    if (alternative.verdict !== derived.verdict) derived = undecided(derived, alternative);
  }
  return {
    forest: ctx.forest.forest,
    verdict: derived.verdict,
    reason: derived.reason,
    decidedBy: derived.decidedBy,
    domains: derived.domains,
    findings,
  };
}

/**
 * The per-forest decisions of `decide --json` (docs/json-outputs.md). Pure and deterministic: forests sorted by name, domains
 * by name, findings by severity then rule id, whatever order the inventory lists them in.
 */
export function decide(inventory: Inventory, assumptions: Assumptions): DecisionResult {
  const estate = indexEstate(inventory);
  return {
    assumptions: { ...assumptions },
    forests: estate.forests.map((forest) => decideForest(forestContext(forest, estate, assumptions))),
  };
}
