import { findingKey, type DecisionDiff } from '../../../../shared/engine/diff';
import type { ForestDecision } from '../../../../shared/engine/decision-schema';
import type { ForestHighlight } from './ForestCard';
import { VERDICT_LABELS } from './labels';

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

/**
 * What the one live region of the Decisions view announces after a what-if change: every forest whose
 * verdict changed, in one sentence each; empty when no verdict changed.
 */
export function verdictChanges(highlights: ReadonlyMap<string, ForestHighlight>, forests: readonly ForestDecision[]): string {
  return forests
    .flatMap((f) => {
      const was = highlights.get(f.forest)?.verdictWas;
      return was && was !== f.verdict ? [`${f.forest}: now ${VERDICT_LABELS[f.verdict]}, was ${VERDICT_LABELS[was]}.`] : [];
    })
    .join(' ');
}
