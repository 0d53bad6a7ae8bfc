import type { AssumptionReading, CollectField, Effect, ForestLinkRef } from './decision-schema.js';
import type { EstateContext } from './estate-context.js';
import type { ForestContext } from './forest-context.js';
import type { Page } from './sources.js';

export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
export type Evidence = Record<string, Json>;

interface DraftBase {
  message: string;
  remediation: string;
  /** The inventory values the rule looked at, so a reader can check the finding. */
  evidence: Evidence;
  /** Empty or absent: the whole forest. */
  domains?: readonly string[];
  collect?: readonly CollectField[];
  subject?: string;
  /** Overrides the rule's pages when one outcome rests on different ones. */
  sources?: readonly Page[];
  assumption?: AssumptionReading;
  /** The link between forests that this finding follows from (forest_links, a trust, or a feature). */
  link?: ForestLinkRef;
}

/** What a rule returns; `decide` adds the rule id, capability, source and severity. */
export type FindingDraft =
  | (DraftBase & { effect: 'blocks-cloud-sync' })
  /** `urgent`: must be fixed now whatever the verdict (shown as a blocker, e.g. a Connect server that no longer syncs). */
  | (DraftBase & { effect: 'needs-remediation'; urgent?: boolean })
  | (DraftBase & { effect: 'keeps-domain-on-connect'; domains: readonly string[] })
  | (DraftBase & { effect: 'keeps-part-on-connect'; part: string })
  | (DraftBase & { effect: 'informational'; severity: 'warning' | 'info' })
  | (DraftBase & {
      effect: 'unknown-data';
      /** The worst the missing value could turn out to be; `informational` when it cannot change the verdict. */
      couldBecome: Exclude<Effect, 'unknown-data'>;
      collect: readonly CollectField[];
      part?: string;
    });

/**
 * A rule is data plus a predicate: a stable id (never renamed: saved what-if comparisons and scripts
 * refer to it), the capability row or prerequisite of the facts file it encodes, its source page, and
 * `evaluate`, which returns no drafts when the rule does not apply to the forest.
 */
export interface Rule {
  readonly id: string;
  readonly capability: string;
  readonly sources: readonly Page[];
  evaluate(ctx: ForestContext): FindingDraft[];
}

/** A rule about the estate as a whole, run once after every forest is decided (docs/json-outputs.md, `estate`). */
export interface EstateRule {
  readonly id: string;
  readonly capability: string;
  readonly sources: readonly Page[];
  evaluate(ctx: EstateContext): FindingDraft[];
}
