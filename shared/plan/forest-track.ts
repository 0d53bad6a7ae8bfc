import type { Assumptions } from '../model/assumptions.js';
import type { Forest } from '../model/inventory.js';
import type { Finding, ForestDecision } from '../engine/decision-schema.js';
import type { PlanTrack } from './plan-schema.js';

/** What the plan does with one forest, read from its decision. */
export interface ForestTrack {
  track: PlanTrack;
  reason: string;
  movingDomains: string[];
  stayingDomains: string[];
  partsOnConnect: string[];
  /** Remediation findings: each becomes a readiness task. */
  remediation: Finding[];
  authenticationMove: ('pass-through authentication' | 'federation')[];
  groupWritebackV2: boolean;
}

/** The guided-migration-tool rule found nothing missing and nothing open (TOOL). */
function guidedEligible(decision: ForestDecision): boolean {
  const finding = decision.findings.find((f) => f.rule === 'guided-migration-tool');
  if (!finding) return false;
  const { misses, open } = finding.evidence;
  return Array.isArray(misses) && misses.length === 0 && Array.isArray(open) && open.length === 0;
}

export function forestTrack(forest: Forest, decision: ForestDecision, assumptions: Assumptions): ForestTrack {
  const domains = decision.domains.map((d) => d.domain);
  const base = {
    movingDomains: [] as string[],
    stayingDomains: [] as string[],
    partsOnConnect: [...new Set(decision.domains.flatMap((d) => d.partsOnConnect))].sort(),
    remediation: decision.findings.filter((f) => f.effect === 'needs-remediation'),
    authenticationMove: assumptions.movePtaOrFederationToPhs
      ? ([
          ...(forest.features.pass_through_auth === true ? (['pass-through authentication'] as const) : []),
          ...(forest.features.federation === true ? (['federation'] as const) : []),
        ] as ForestTrack['authenticationMove'])
      : [],
    groupWritebackV2: forest.features.group_writeback_v2 === true,
  };
  if (decision.verdict === 'insufficient-data') {
    return { ...base, track: 'not-planned', reason: `Not planned: the inventory is insufficient to decide. ${decision.reason}`, authenticationMove: [], remediation: [] };
  }
  if (forest.currentEngine === 'cloud-sync') {
    return { ...base, track: 'not-planned', reason: 'Not planned: Cloud Sync already serves this forest.', authenticationMove: [], remediation: [] };
  }
  if (decision.verdict === 'stay-on-connect') {
    return { ...base, track: 'stay-on-connect', reason: decision.reason, stayingDomains: domains, remediation: [] };
  }
  const moving = decision.domains.filter((d) => d.engine === 'cloud-sync').map((d) => d.domain);
  const staying = decision.domains.filter((d) => d.engine !== 'cloud-sync').map((d) => d.domain);
  if (moving.length === 0) {
    return { ...base, track: 'stay-on-connect', reason: `No domain of this forest can move. ${decision.reason}`, stayingDomains: domains, remediation: [] };
  }
  const parts = { ...base, movingDomains: moving, stayingDomains: staying };
  if (forest.currentEngine === 'none') {
    return { ...parts, track: 'onboard', reason: `Nothing syncs this forest today: Cloud Sync is set up for it, with no Connect Sync to cut over from. ${decision.reason}` };
  }
  if (decision.verdict === 'coexist' || staying.length > 0) {
    return { ...parts, track: 'coexist', reason: decision.reason };
  }
  if (guidedEligible(decision)) {
    return { ...parts, track: 'migrate-guided', reason: `${decision.reason} It fits Microsoft's guided migration tool (TOOL).` };
  }
  return { ...parts, track: 'migrate', reason: decision.reason };
}
