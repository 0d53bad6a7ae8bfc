import type { DecisionResult, EstateDecision, ForestDecision } from '../../../../shared/engine/decision-schema';
import type { WhatIf } from '../../../../shared/engine/incremental';
import type { Assumptions } from '../../../../shared/model/assumptions';
import type { EstateModel, Features } from '../../../../shared/model/inventory';

/** What a re-decision sends back: only the forests whose decision changed, and the estate section if it did. */
export interface DecisionChanges {
  forests: ForestDecision[];
  estate: EstateDecision | null;
  assumptions: Assumptions;
}

/**
 * The decision engine as the Decisions view uses it: loaded once with the estate model, then told
 * each what-if change. Answers come in the order asked.
 */
export interface DecideEngine {
  load(model: EstateModel, assumptions: Assumptions, features: Readonly<Record<string, Features>>): Promise<DecisionResult>;
  update(change: WhatIf): Promise<DecisionChanges>;
  dispose(): void;
}

export type DecideRequest =
  | { id: number; kind: 'load'; model: EstateModel; assumptions: Assumptions; features: Readonly<Record<string, Features>> }
  | { id: number; kind: 'update'; change: WhatIf };

export type DecideAnswer =
  | { id: number; kind: 'loaded'; result: DecisionResult }
  | { id: number; kind: 'changed'; changes: DecisionChanges }
  | { id: number; kind: 'failed'; message: string };

/** The engine in a Web Worker, so that deciding 200 forests never holds up the page. */
export function workerEngine(): DecideEngine {
  const worker = new Worker(new URL('./decide.worker.ts', import.meta.url));
  const waiting = new Map<number, { resolve(answer: DecideAnswer): void }>();
  let next = 1;
  worker.onmessage = (event: MessageEvent<DecideAnswer>) => {
    waiting.get(event.data.id)?.resolve(event.data);
    waiting.delete(event.data.id);
  };
  const ask = (request: DecideRequest) =>
    new Promise<DecideAnswer>((resolve) => {
      waiting.set(request.id, { resolve });
      worker.postMessage(request);
    });
  const failed = (answer: DecideAnswer): never => {
    throw new Error(answer.kind === 'failed' ? answer.message : `unexpected answer ${answer.kind}`);
  };
  return {
    async load(model, assumptions, features) {
      const answer = await ask({ id: next++, kind: 'load', model, assumptions, features });
      return answer.kind === 'loaded' ? answer.result : failed(answer);
    },
    async update(change) {
      const answer = await ask({ id: next++, kind: 'update', change });
      return answer.kind === 'changed' ? answer.changes : failed(answer);
    },
    dispose() {
      worker.terminate();
      for (const { resolve } of waiting.values()) resolve({ id: 0, kind: 'failed', message: 'The decision engine was stopped.' });
      waiting.clear();
    },
  };
}
