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

/** A page a customer can open (sources.ts): `date` is the page's own, `checked` when SyncPlan last read it. */
export const SourceRef = z.object({
  id: z.string(),
  title: z.string(),
  url: z.string().url(),
  date: z.string().nullable(),
  checked: z.string(),
});
export type SourceRef = z.infer<typeof SourceRef>;

export const LinkKind = z.enum(['merge', 'references', 'trust', 'resource-for']);

/** A link between two forests and where SyncPlan learned of it. */
export const ForestLinkRef = z.object({
  forest: z.string(),
  otherForest: z.string(),
  kind: LinkKind,
  direction: z.enum(['one-way', 'two-way']).nullable(),
  /** forest_links: the template; trust: a trust from Get-ADTrust or ADRecon. */
  origin: z.enum(['forest_links', 'trust']),
});
export type ForestLinkRef = z.infer<typeof ForestLinkRef>;

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
  /** The pages behind the finding, with titles and URLs (`source` is their short spelling). */
  sources: z.array(SourceRef),
  /** The link between forests the finding follows from, if any. */
  link: ForestLinkRef.nullable(),
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
  /** Every link between this forest and another (merge, references, trust, resource-for). */
  links: z.array(ForestLinkRef),
  /** The link that decided the verdict, when the forest's verdict follows from a linked forest or from the link itself. */
  decidedByLink: ForestLinkRef.nullable(),
});
export type ForestDecision = z.infer<typeof ForestDecision>;

/** A Connect server that keeps running after the migration, and what for. */
export const StayingServer = z.object({
  server: z.string(),
  tenant: z.string().nullable(),
  version: z.string().nullable(),
  mode: z.enum(['active', 'staging']).nullable(),
  database: z.enum(['localdb', 'sql-server']).nullable(),
  /** Per forest it keeps serving: the domains and parts that stay ("whole forest" when all of it stays). */
  forests: z.array(z.object({ forest: z.string(), verdict: Verdict, domains: z.array(z.string()), parts: z.array(z.string()) })),
  /** Sources other than AD it serves ("HR (Generic SQL)"). */
  nonAdConnectors: z.array(z.string()),
  /** Whether it stays for sure, or only if open data turns out so (a forest with insufficient data). */
  certain: z.boolean(),
});
export type StayingServer = z.infer<typeof StayingServer>;

/** Forests whose verdicts were decided together, and the links that tie them. */
export const LinkedGroup = z.object({
  forests: z.array(z.string()),
  links: z.array(ForestLinkRef),
  /** What the group does as one: everything moves, everything stays, or open. */
  outcome: z.enum(['moves', 'stays', 'open']),
});
export type LinkedGroup = z.infer<typeof LinkedGroup>;

export const EstateDecision = z.object({
  /** Estate-wide findings, stated once (same shape as a forest's). */
  findings: z.array(Finding),
  connect: z.object({
    /** true: Connect Sync stays somewhere; false: it can be decommissioned after the last cutover; null: open. */
    stays: z.boolean().nullable(),
    servers: z.array(StayingServer),
    /** Forests that keep (or may keep) something on Connect Sync but name no Connect server. */
    forestsWithoutServer: z.array(z.string()),
  }),
  /** Microsoft's guided migration tool, per forest on Connect Sync. */
  guidedTool: z.array(z.object({ forest: z.string(), fits: z.enum(['yes', 'no', 'open']) })),
  links: z.array(ForestLinkRef),
  linkedGroups: z.array(LinkedGroup),
  /** When SyncPlan's facts were last checked against the sources. */
  sourcesChecked: z.string(),
});
export type EstateDecision = z.infer<typeof EstateDecision>;

export const DecisionResult = z.object({
  assumptions: Assumptions,
  forests: z.array(ForestDecision),
  estate: EstateDecision,
});
export type DecisionResult = z.infer<typeof DecisionResult>;
