import type { Assumptions } from '../model/assumptions.js';
import { compareFindings, toFinding } from './finding.js';
import type { EstateDecision, ForestDecision, LinkedGroup } from './decision-schema.js';
import type { EstateContext } from './estate-context.js';
import type { EstateIndex } from './estate-index.js';
import { linkedGroups } from './links.js';
import { ESTATE_RULES } from './rules/index.js';
import { SOURCES_CHECKED } from './sources.js';
import { stayingPart, stayingServers } from './staying.js';

function groupOutcome(forests: readonly string[], byForest: ReadonlyMap<string, ForestDecision>): LinkedGroup['outcome'] {
  const verdicts = forests.map((f) => byForest.get(f)?.verdict);
  if (verdicts.every((v) => v === 'stay-on-connect')) return 'stays';
  if (verdicts.some((v) => v === 'insufficient-data' || v === 'stay-on-connect')) return 'open';
  return 'moves';
}

function guidedTool(decisions: readonly ForestDecision[]): EstateDecision['guidedTool'] {
  return decisions.flatMap((d) => {
    const finding = d.findings.find((f) => f.rule === 'guided-migration-tool');
    if (!finding) return [];
    const { misses, open } = finding.evidence as { misses?: unknown[]; open?: unknown[] };
    const fits = (misses?.length ?? 0) > 0 ? 'no' : (open?.length ?? 0) > 0 ? 'open' : 'yes';
    return [{ forest: d.forest, fits }];
  });
}

/** The estate section of docs/json-outputs.md: estate-wide findings stated once, where Connect Sync stays, links. */
export function decideEstate(estate: EstateIndex, assumptions: Assumptions, decisions: readonly ForestDecision[]): EstateDecision {
  const decisionByForest = new Map(decisions.map((d) => [d.forest, d]));
  const ctx: EstateContext = { estate, assumptions, decisions, decisionByForest };
  const findings = ESTATE_RULES.flatMap((rule) => rule.evaluate(ctx).map((draft) => toFinding(rule, draft))).sort(compareFindings);
  const servers = stayingServers(estate, decisionByForest);
  const served = new Set(estate.servers.flatMap((s) => s.forests));
  const staying = decisions.filter((d) => stayingPart(d) !== null);
  const forestsWithoutServer = staying.filter((d) => !served.has(d.forest)).map((d) => d.forest);
  const certainly = servers.some((s) => s.certain) || staying.some((d) => !served.has(d.forest) && stayingPart(d)?.certain === true);
  return {
    findings,
    connect: { stays: certainly ? true : staying.length > 0 ? null : false, servers, forestsWithoutServer },
    guidedTool: guidedTool(decisions),
    links: [...estate.links],
    linkedGroups: linkedGroups(estate.links).map((forests) => ({
      forests,
      links: estate.links.filter((l) => forests.includes(l.forest) && l.kind !== 'trust'),
      outcome: groupOutcome(forests, decisionByForest),
    })),
    sourcesChecked: SOURCES_CHECKED,
  };
}
