import type { DomainEngine, ForestDecision, Verdict } from '../../../../shared/engine/decision-schema';
import { partnerOf, TYING_KINDS } from '../../../../shared/engine/links';
import { VERDICT_ORDER } from './labels';

/** One forest as the overview shows it: what a room reads on the projector, one line each. */
export interface OverviewRow {
  forest: string;
  verdict: Verdict;
  engines: Record<DomainEngine, number>;
  blockers: number;
  remediations: number;
  warnings: number;
  /** Forests whose decisions this one's is tied to (merge, references, resource-for), sorted. */
  dependsOn: string[];
  /** The linked forest that decided the verdict, if one did. */
  decidedBy: string | null;
}

export type SortColumn = 'forest' | 'verdict' | 'engines' | 'blockers' | 'remediations' | 'warnings' | 'dependsOn';

export interface OverviewView {
  text: string;
  verdict: Verdict | 'all';
  sort: SortColumn;
  descending: boolean;
}

export const DEFAULT_VIEW: OverviewView = { text: '', verdict: 'all', sort: 'forest', descending: false };

const rows = new WeakMap<ForestDecision, OverviewRow>();

/** The row of a decision; the same decision object gives the same row object, so rows memoise like cards. */
export function overviewRow(d: ForestDecision): OverviewRow {
  let row = rows.get(d);
  if (!row) rows.set(d, (row = toRow(d)));
  return row;
}

function toRow(d: ForestDecision): OverviewRow {
  const engines: Record<DomainEngine, number> = { 'cloud-sync': 0, 'connect-sync': 0, unknown: 0 };
  for (const domain of d.domains) engines[domain.engine]++;
  let blockers = 0;
  let remediations = 0;
  let warnings = 0;
  for (const f of d.findings) {
    if (f.severity === 'blocker') blockers++;
    else if (f.severity === 'remediation') remediations++;
    else if (f.severity === 'warning') warnings++;
  }
  const dependsOn = [...new Set(d.links.filter((l) => TYING_KINDS.has(l.kind)).map((l) => partnerOf(l, d.forest)))].sort();
  const decidedBy = d.decidedByLink ? partnerOf(d.decidedByLink, d.forest) : null;
  return { forest: d.forest, verdict: d.verdict, engines, blockers, remediations, warnings, dependsOn, decidedBy };
}

const verdictRank = new Map(VERDICT_ORDER.map((v, i) => [v, i]));

const KEYS: Record<SortColumn, (r: OverviewRow) => number | string> = {
  forest: (r) => r.forest,
  verdict: (r) => verdictRank.get(r.verdict) ?? 0,
  // Most domains on Cloud Sync first when ascending: the forests furthest along.
  engines: (r) => -r.engines['cloud-sync'],
  blockers: (r) => r.blockers,
  remediations: (r) => r.remediations,
  warnings: (r) => r.warnings,
  dependsOn: (r) => r.dependsOn.length,
};

/** The rows the overview shows, in its order: filtered by text (forest or linked forest) and verdict, then sorted; ties by name. */
export function shownRows(rows: readonly OverviewRow[], view: OverviewView): OverviewRow[] {
  const text = view.text.trim().toLowerCase();
  const key = KEYS[view.sort];
  const sign = view.descending ? -1 : 1;
  return rows
    .filter((r) => (view.verdict === 'all' || r.verdict === view.verdict) && (text === '' || r.forest.toLowerCase().includes(text) || r.dependsOn.some((f) => f.toLowerCase().includes(text))))
    .sort((a, b) => {
      const ka = key(a);
      const kb = key(b);
      const byKey = ka < kb ? -1 : ka > kb ? 1 : 0;
      return sign * byKey || (a.forest < b.forest ? -1 : a.forest > b.forest ? 1 : 0);
    });
}
