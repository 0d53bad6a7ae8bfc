import type { DomainDecision, Effect, Finding, Verdict } from './decision-schema.js';
import { list } from './format.js';

/**
 * Verdict derivation. Each finding's effect says what it does to the forest; the verdict follows from
 * the effects in this order of precedence (a consultant's reading of docs/json-outputs.md):
 *
 * 1. stay-on-connect: something blocks Cloud Sync for the whole forest, or every domain must stay.
 *    Nothing can move without losing a capability, so no amount of remediation changes the answer.
 * 2. coexist: some domains, or a part such as devices, must stay on Connect while the rest moves.
 * 3. migrate-after-remediation: only fixable items stand between the forest and Cloud Sync.
 * 4. migrate-now: nothing.
 *
 * Missing data: every `unknown-data` finding names the worst effect its value could have
 * (`couldBecome`). The verdict is computed twice, from the known effects and with every unknown at its
 * worst. When both agree, the unknowns cannot change the outcome and the known verdict stands (so a
 * known forest-wide blocker decides even with gaps elsewhere); when they differ, the verdict is
 * insufficient-data and the findings say what to collect. A blank therefore never turns into a "yes".
 */

type Settled = Exclude<Verdict, 'insufficient-data'>;

interface Outcome {
  verdict: Settled;
  forestBlocked: boolean;
  keptDomains: ReadonlySet<string>;
}

interface Applied {
  effect: Effect;
  domains: readonly string[];
}

function outcome(effects: readonly Applied[], domains: readonly string[]): Outcome {
  let forestBlocked = false;
  let partKept = false;
  let remediation = false;
  const keptDomains = new Set<string>();
  for (const e of effects) {
    if (e.effect === 'blocks-cloud-sync') forestBlocked = true;
    else if (e.effect === 'keeps-domain-on-connect') {
      // A domain finding without domains has nothing to scope to, so it can only mean the forest.
      if (e.domains.length === 0) forestBlocked = true;
      for (const d of e.domains) keptDomains.add(d);
    } else if (e.effect === 'keeps-part-on-connect') partKept = true;
    else if (e.effect === 'needs-remediation') remediation = true;
  }
  const everyDomainKept = domains.length > 0 && domains.every((d) => keptDomains.has(d));
  const verdict: Settled =
    forestBlocked || everyDomainKept
      ? 'stay-on-connect'
      : keptDomains.size > 0 || partKept
        ? 'coexist'
        : remediation
          ? 'migrate-after-remediation'
          : 'migrate-now';
  return { verdict, forestBlocked: forestBlocked || everyDomainKept, keptDomains };
}

const isUnknown = (f: Finding): boolean => f.effect === 'unknown-data' && f.couldBecome !== null && f.couldBecome !== 'informational';
const known = (findings: readonly Finding[]): Applied[] => findings.filter((f) => f.effect !== 'unknown-data');
const worst = (f: Finding): Applied => ({ effect: f.couldBecome ?? 'informational', domains: f.domains });

export interface Derivation {
  verdict: Verdict;
  reason: string;
  decidedBy: string[];
  domains: DomainDecision[];
}

const unique = (items: readonly string[]) => [...new Set(items)].sort();

function touches(domains: readonly string[], domain: string): boolean {
  return domains.length === 0 || domains.includes(domain);
}

function deciding(verdict: Settled, findings: readonly Finding[]): Finding[] {
  const having = (...effects: Effect[]) => findings.filter((f) => effects.includes(f.effect));
  switch (verdict) {
    case 'stay-on-connect': {
      const blockers = having('blocks-cloud-sync');
      return blockers.length > 0 ? blockers : having('keeps-domain-on-connect');
    }
    case 'coexist':
      return having('keeps-domain-on-connect', 'keeps-part-on-connect');
    case 'migrate-after-remediation':
      return having('needs-remediation');
    case 'migrate-now':
      return [];
  }
}

function reasonFor(verdict: Settled, decisive: readonly Finding[], kept: readonly string[]): string {
  const capabilities = list(unique(decisive.map((f) => f.capability)));
  switch (verdict) {
    case 'stay-on-connect':
      return decisive.some((f) => f.effect === 'blocks-cloud-sync')
        ? `Nothing in the forest can move to Cloud Sync without losing what it uses today: ${capabilities}.`
        : `Every domain must stay on Connect Sync: ${capabilities}.`;
    case 'coexist': {
      const parts = unique(decisive.filter((f) => f.effect === 'keeps-part-on-connect').map((f) => f.part ?? f.capability));
      const staying = [...(kept.length > 0 ? [`domain${kept.length === 1 ? '' : 's'} ${list(kept)}`] : []), ...parts];
      return `${list(staying)} must stay on Connect Sync while the rest moves to Cloud Sync; the two scopes must not overlap.`;
    }
    case 'migrate-after-remediation':
      return `The whole forest can move to Cloud Sync once these are fixed: ${capabilities}.`;
    case 'migrate-now':
      return 'Cloud Sync covers everything this forest uses today; nothing must change first.';
  }
}

function domainDecision(
  domain: string,
  findings: readonly Finding[],
  unknowns: readonly Finding[],
  certain: Outcome,
  atWorst: Outcome,
): DomainDecision {
  const keepsIt = (effect: Effect | null, domains: readonly string[]) =>
    effect === 'blocks-cloud-sync' || (effect === 'keeps-domain-on-connect' && touches(domains, domain));
  if (certain.forestBlocked || certain.keptDomains.has(domain)) {
    const because = findings.filter((f) => keepsIt(f.effect, f.domains)).map((f) => f.rule);
    return { domain, engine: 'connect-sync', because: unique(because), partsOnConnect: [] };
  }
  const partsOnConnect = unique(
    findings.filter((f) => f.effect === 'keeps-part-on-connect' && touches(f.domains, domain)).map((f) => f.part ?? f.capability),
  );
  if (atWorst.forestBlocked || atWorst.keptDomains.has(domain)) {
    const because = unknowns.filter((f) => keepsIt(f.couldBecome, f.domains)).map((f) => f.rule);
    return { domain, engine: 'unknown', because: unique(because), partsOnConnect };
  }
  return { domain, engine: 'cloud-sync', because: [], partsOnConnect };
}

export function deriveVerdict(findings: readonly Finding[], domains: readonly string[]): Derivation {
  const unknowns = findings.filter(isUnknown);
  const knownEffects = known(findings);
  const certain = outcome(knownEffects, domains);
  const atWorst = outcome([...knownEffects, ...unknowns.map(worst)], domains);
  const domainDecisions = domains.map((d) => domainDecision(d, findings, unknowns, certain, atWorst));

  if (certain.verdict === atWorst.verdict) {
    const decisive = deciding(certain.verdict, findings);
    return {
      verdict: certain.verdict,
      reason: reasonFor(certain.verdict, decisive, domains.filter((d) => certain.keptDomains.has(d))),
      decidedBy: unique(decisive.map((f) => f.rule)),
      domains: domainDecisions,
    };
  }
  // The unknowns that alone would move the verdict; if none does alone, they matter together.
  const alone = unknowns.filter((u) => outcome([...knownEffects, worst(u)], domains).verdict !== certain.verdict);
  const decisive = alone.length > 0 ? alone : unknowns;
  return {
    verdict: 'insufficient-data',
    reason: `Missing data could turn ${certain.verdict} into ${atWorst.verdict}; collect ${list(
      unique(decisive.flatMap((f) => f.collect.map((c) => c.field))),
    )}.`,
    decidedBy: unique(decisive.map((f) => f.rule)),
    domains: domainDecisions,
  };
}
