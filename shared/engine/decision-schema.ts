import { z } from 'zod';
import { Assumptions } from '../model/assumptions.js';

/** The public shape of `decide --json` (docs/json-outputs.md). Fields beyond it are additions, never renames. */

export const Verdict = z.enum([
  'migrate-now',
  'migrate-after-remediation',
  'coexist',
  'stay-on-connect',
  'insufficient-data',
]);
export type Verdict = z.infer<typeof Verdict>;

export const Severity = z.enum(['blocker', 'remediation', 'warning', 'info']);
export type Severity = z.infer<typeof Severity>;

/**
 * What a finding does to the forest's verdict (see README.md, "Verdict derivation").
 * `unknown-data` findings also carry `couldBecome`: the worst effect the missing value could turn into.
 */
export const Effect = z.enum([
  'blocks-cloud-sync',
  'keeps-domain-on-connect',
  'keeps-part-on-connect',
  'needs-remediation',
  'informational',
  'unknown-data',
]);
export type Effect = z.infer<typeof Effect>;

export const DomainEngine = z.enum(['cloud-sync', 'connect-sync', 'unknown']);
export type DomainEngine = z.infer<typeof DomainEngine>;

/** A value to collect: the CSV template (docs/templates.md), its column, and the row's key. */
export const CollectField = z.object({
  /** "domains.users": template and column. */
  field: z.string(),
  template: z.string(),
  column: z.string(),
  /** The row to fill in: the forest, domain, host or server name. */
  key: z.string(),
});
export type CollectField = z.infer<typeof CollectField>;

/** Where Microsoft's pages disagree: the assumption a finding relied on, and the other reading. */
export const AssumptionReading = z.object({
  name: z.string(),
  reading: z.string(),
  alternative: z.string(),
});
export type AssumptionReading = z.infer<typeof AssumptionReading>;

export const Finding = z.object({
  rule: z.string().min(1),
  severity: Severity,
  message: z.string(),
  evidence: z.record(z.string(), z.json()),
  source: z.string(),
  capability: z.string(),
  effect: Effect,
  couldBecome: Effect.nullable(),
  remediation: z.string(),
  /** The domains the finding is about; empty when it concerns the whole forest. */
  domains: z.array(z.string()),
  /** For `keeps-part-on-connect`: the part that stays (e.g. "devices"). */
  part: z.string().nullable(),
  collect: z.array(CollectField),
  assumption: AssumptionReading.nullable(),
  /** Tells apart several findings of one rule in one forest (a host, a check, a server). */
  subject: z.string().nullable(),
});
export type Finding = z.infer<typeof Finding>;

export const DomainDecision = z.object({
  domain: z.string(),
  engine: DomainEngine,
  /** Rule ids that put the domain on Connect Sync or left its engine unknown. */
  because: z.array(z.string()),
  /** Parts of the domain that stay on Connect Sync while the rest moves (e.g. "devices"). */
  partsOnConnect: z.array(z.string()),
});
export type DomainDecision = z.infer<typeof DomainDecision>;

export const ForestDecision = z.object({
  forest: z.string(),
  verdict: Verdict,
  /** One plain sentence on why the verdict is what it is. */
  reason: z.string(),
  /** Rule ids whose findings decided the verdict. */
  decidedBy: z.array(z.string()),
  domains: z.array(DomainDecision),
  findings: z.array(Finding),
});
export type ForestDecision = z.infer<typeof ForestDecision>;

export const DecisionResult = z.object({
  assumptions: Assumptions,
  forests: z.array(ForestDecision),
});
export type DecisionResult = z.infer<typeof DecisionResult>;
