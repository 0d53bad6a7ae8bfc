import { z } from 'zod';
import type { DecisionResult, ForestDecision } from '../engine/decision-schema.js';
import type { Domain, Inventory } from '../model/inventory.js';
import { IsoDate, type Plan, type PlanPhase, type PlannedForest, type PlanTrack } from '../plan/plan-schema.js';
import type { SafeHtml } from './html.js';
import { Paper } from './page-setup.js';
import { group as groupBy } from '../engine/estate-index.js';

/** Who the report is for, by whom, on what paper: remembered in the workshop, asked for on export. */
export const ReportOptions = z.object({
  customer: z.string().trim().min(1, 'Name the customer the report is for').max(200),
  author: z.string().trim().max(200).default(''),
  paper: Paper.default('a4'),
});
export type ReportOptions = z.infer<typeof ReportOptions>;

export const ReportDetails = z.object({
  customer: ReportOptions.shape.customer,
  author: ReportOptions.shape.author,
  date: IsoDate,
});
export type ReportDetails = z.infer<typeof ReportDetails>;

export interface ReportInput {
  workshopName: string;
  details: ReportDetails;
  paper: Paper;
  inventory: Inventory;
  decisions: DecisionResult;
  plan: Plan;
  appVersion: string;
  /**
   * The topology diagram (issue 9), a finished SVG from the topology renderer, which escapes its own
   * text. Without it the report shows a forest table in its place.
   */
  topologySvg?: SafeHtml | null;
}

/** Tracks on which (some of) a forest ends up on Cloud Sync. */
export const MOVING_TRACKS: ReadonlySet<PlanTrack> = new Set(['migrate', 'migrate-guided', 'coexist', 'onboard']);

/** Everything the report says about one forest, in plan order. */
export interface ForestEntry {
  forest: string;
  anchor: string;
  decision: ForestDecision | null;
  planned: PlannedForest | null;
  phases: PlanPhase[];
  domains: Domain[];
}

/** A chapter: one h1, a page of its own, a line in the contents, and its second-level entries. */
export interface Chapter {
  id: string;
  title: string;
  body: SafeHtml;
  entries: { id: string; title: string }[];
  /** Printed on landscape pages (a drawing wider than tall). */
  landscape?: boolean;
}

/** Forests in plan order (least risk first); forests the plan does not know follow by name. */
export function forestEntries(input: ReportInput): ForestEntry[] {
  const planned = new Map(input.plan.forests.map((f) => [f.forest, f]));
  const decisions = new Map(input.decisions.forests.map((f) => [f.forest, f]));
  const names = [...new Set([...input.inventory.forests.map((f) => f.forest), ...decisions.keys(), ...planned.keys()])];
  names.sort((a, b) => (planned.get(a)?.order ?? Infinity) - (planned.get(b)?.order ?? Infinity) || a.localeCompare(b));
  const phases = groupBy(input.plan.phases, (p) => p.forest ?? '');
  const domains = groupBy(input.inventory.domains, (d) => d.forest);
  return names.map((forest, index) => ({
    forest,
    anchor: `forest-${index + 1}`,
    decision: decisions.get(forest) ?? null,
    planned: planned.get(forest) ?? null,
    phases: phases.get(forest) ?? [],
    domains: domains.get(forest) ?? [],
  }));
}

/**
 * How much the report can print and stay a document people read (and a printer finishes in a minute):
 * every task's criteria, rollback and runbook, every OU, a timeline row per phase, up to these sizes;
 * beyond them one line per task, OUs rolled up per domain, a timeline row per forest, and the report
 * says where the rest is.
 */
export const DETAIL_LIMITS = { tasks: 400, ous: 2_000, timelineForests: 40 } as const;

export interface ReportDetail {
  fullTasks: boolean;
  everyOu: boolean;
  phaseRows: boolean;
  taskCount: number;
}

export function reportDetail(input: ReportInput): ReportDetail {
  const taskCount = input.plan.phases.reduce((n, p) => n + p.tasks.length, 0);
  return {
    fullTasks: taskCount <= DETAIL_LIMITS.tasks,
    everyOu: input.inventory.ous.length <= DETAIL_LIMITS.ous,
    phaseRows: input.plan.forests.length <= DETAIL_LIMITS.timelineForests,
    taskCount,
  };
}
