import type { EstateDecision } from '../../../../shared/engine/decision-schema';
import { IncrementalDecider } from '../../../../shared/engine/incremental';
import type { DecideAnswer, DecideRequest } from './decide-engine';
import { applyWhatIf } from './apply-what-if';

/**
 * Answers the Decisions view's requests with an IncrementalDecider: the Web Worker's whole job
 * (decide.worker.ts), kept apart from the worker globals so tests can run it in the page.
 */
export function decideAnswerer(): (request: DecideRequest) => DecideAnswer {
  let decider: IncrementalDecider | null = null;
  let estate: EstateDecision | null = null;
  return (request) => {
    try {
      if (request.kind === 'load') {
        decider = new IncrementalDecider(applyWhatIf(request.model, request.features), request.assumptions);
        const result = decider.result();
        estate = result.estate;
        return { id: request.id, kind: 'loaded', result };
      }
      if (!decider) return { id: request.id, kind: 'failed', message: 'The decision engine was asked to re-decide before it had an estate.' };
      const { result, changed } = decider.update(request.change);
      const names = new Set(changed);
      // Only what changed crosses to the page: the estate section too is sent only when it changed.
      const estateChanged = result.estate !== estate;
      estate = result.estate;
      return {
        id: request.id,
        kind: 'changed',
        changes: { forests: result.forests.filter((f) => names.has(f.forest)), estate: estateChanged ? result.estate : null, assumptions: result.assumptions },
      };
    } catch (error) {
      return { id: request.id, kind: 'failed', message: `The decision engine failed: ${(error as Error).message}` };
    }
  };
}
