import { findingKey, type DecisionDiff } from '../../../../shared/engine/diff';
import type { ForestHighlight } from './ForestCard';

/** Per forest, what the last what-if change did: the cards outline exactly these. */
export function toHighlights(diff: DecisionDiff): Map<string, ForestHighlight> {
  return new Map(
    diff.forests.map((f) => [
      f.forest,
      {
        verdictWas: f.verdictChanged ? f.verdictBefore : null,
        newFindings: new Set([...f.findingsAdded, ...f.findingsChanged.map((c) => c.after)].map(findingKey)),
        changedDomains: new Set(f.domainEngines.map((d) => d.domain)),
      },
    ]),
  );
}
