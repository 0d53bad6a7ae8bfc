import type { Assumptions } from '../model/assumptions.js';
import type { ForestDecision } from './decision-schema.js';
import type { EstateIndex } from './estate-index.js';

/** What an estate rule sees: the indexed inventory and every forest's final decision. */
export interface EstateContext {
  readonly estate: EstateIndex;
  readonly assumptions: Assumptions;
  /** Sorted by forest, after linked forests were decided together. */
  readonly decisions: readonly ForestDecision[];
  readonly decisionByForest: ReadonlyMap<string, ForestDecision>;
}
