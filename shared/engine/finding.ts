import type { Finding, Severity } from './decision-schema.js';
import type { EstateRule, FindingDraft, Rule } from './rule.js';
import { source, sourceRef } from './sources.js';

const SEVERITY_RANK: Record<Severity, number> = { blocker: 0, remediation: 1, warning: 2, info: 3 };

function severityOf(draft: FindingDraft): Severity {
  switch (draft.effect) {
    case 'blocks-cloud-sync':
    case 'keeps-domain-on-connect':
    case 'keeps-part-on-connect':
      return 'blocker';
    case 'needs-remediation':
      return draft.urgent === true ? 'blocker' : 'remediation';
    case 'unknown-data':
      return 'warning';
    case 'informational':
      return draft.severity;
  }
}

export function toFinding(rule: Rule | EstateRule, draft: FindingDraft): Finding {
  const pages = draft.sources ?? rule.sources;
  return {
    rule: rule.id,
    severity: severityOf(draft),
    message: draft.message,
    evidence: draft.evidence,
    source: source(...pages),
    capability: rule.capability,
    effect: draft.effect,
    couldBecome: draft.effect === 'unknown-data' ? draft.couldBecome : null,
    remediation: draft.remediation,
    domains: [...(draft.domains ?? [])].sort(),
    part: draft.effect === 'keeps-part-on-connect' || draft.effect === 'unknown-data' ? (draft.part ?? null) : null,
    collect: [...(draft.collect ?? [])],
    assumption: draft.assumption ?? null,
    subject: draft.subject ?? null,
    sources: pages.map(sourceRef),
    link: draft.link ?? null,
  };
}

const text = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Severity, then rule id; the rest only separates several findings of one rule. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
    text(a.rule, b.rule) ||
    text(a.subject ?? '', b.subject ?? '') ||
    text(a.domains.join(','), b.domains.join(',')) ||
    text(a.message, b.message)
  );
}
