import type { Assumptions } from '../model/assumptions.js';
import type { DecisionResult, DomainEngine, Finding, ForestDecision, Verdict } from './decision-schema.js';

/**
 * What changed between two decisions of the same estate, e.g. before and after a what-if toggle, so
 * the UI can highlight it. Only forests with a change are listed.
 */

/** Identifies a finding across two decisions: a rule emits at most one finding per subject and forest. */
export const findingKey = (f: Pick<Finding, 'rule' | 'subject'>): string => `${f.rule}|${f.subject ?? ''}`;

export interface FindingChange {
  before: Finding;
  after: Finding;
}

export interface DomainEngineChange {
  domain: string;
  /** null: the domain is not in that decision. */
  before: DomainEngine | null;
  after: DomainEngine | null;
}

export interface ForestDiff {
  forest: string;
  status: 'added' | 'removed' | 'changed';
  verdictChanged: boolean;
  verdictBefore: Verdict | null;
  verdictAfter: Verdict | null;
  findingsAdded: Finding[];
  findingsRemoved: Finding[];
  /** Same rule and subject, but a different severity, effect or message. */
  findingsChanged: FindingChange[];
  domainEngines: DomainEngineChange[];
}

export interface AssumptionChange {
  name: keyof Assumptions;
  before: Assumptions[keyof Assumptions];
  after: Assumptions[keyof Assumptions];
}

export interface DecisionDiff {
  assumptions: AssumptionChange[];
  forests: ForestDiff[];
}

function findingsDiff(before: readonly Finding[], after: readonly Finding[]) {
  const old = new Map(before.map((f) => [findingKey(f), f]));
  const now = new Map(after.map((f) => [findingKey(f), f]));
  const findingsAdded = after.filter((f) => !old.has(findingKey(f)));
  const findingsRemoved = before.filter((f) => !now.has(findingKey(f)));
  const findingsChanged: FindingChange[] = [];
  for (const f of after) {
    const was = old.get(findingKey(f));
    if (was && (was.severity !== f.severity || was.effect !== f.effect || was.message !== f.message)) {
      findingsChanged.push({ before: was, after: f });
    }
  }
  return { findingsAdded, findingsRemoved, findingsChanged };
}

function enginesDiff(before: ForestDecision | undefined, after: ForestDecision | undefined): DomainEngineChange[] {
  const old = new Map((before?.domains ?? []).map((d) => [d.domain, d.engine]));
  const now = new Map((after?.domains ?? []).map((d) => [d.domain, d.engine]));
  const names = [...new Set([...old.keys(), ...now.keys()])].sort();
  return names
    .map((domain) => ({ domain, before: old.get(domain) ?? null, after: now.get(domain) ?? null }))
    .filter((c) => c.before !== c.after);
}

function forestDiff(forest: string, before: ForestDecision | undefined, after: ForestDecision | undefined): ForestDiff | null {
  const findings = findingsDiff(before?.findings ?? [], after?.findings ?? []);
  const domainEngines = enginesDiff(before, after);
  const verdictBefore = before?.verdict ?? null;
  const verdictAfter = after?.verdict ?? null;
  const verdictChanged = verdictBefore !== verdictAfter;
  const changed =
    verdictChanged ||
    domainEngines.length > 0 ||
    findings.findingsAdded.length > 0 ||
    findings.findingsRemoved.length > 0 ||
    findings.findingsChanged.length > 0;
  if (!changed) return null;
  return {
    forest,
    status: !before ? 'added' : !after ? 'removed' : 'changed',
    verdictChanged,
    verdictBefore,
    verdictAfter,
    ...findings,
    domainEngines,
  };
}

export function diffDecisions(before: DecisionResult, after: DecisionResult): DecisionDiff {
  const old = new Map(before.forests.map((f) => [f.forest, f]));
  const now = new Map(after.forests.map((f) => [f.forest, f]));
  const names = [...new Set([...old.keys(), ...now.keys()])].sort();
  const forests = names.flatMap((name) => forestDiff(name, old.get(name), now.get(name)) ?? []);
  const keys = [...new Set([...Object.keys(before.assumptions), ...Object.keys(after.assumptions)])].sort() as (keyof Assumptions)[];
  const assumptions = keys
    .filter((k) => before.assumptions[k] !== after.assumptions[k])
    .map((name) => ({ name, before: before.assumptions[name], after: after.assumptions[name] }));
  return { assumptions, forests };
}
