import { diffDecisions } from '../../../../shared/engine/diff';
import type { DecisionResult, ForestDecision } from '../../../../shared/engine/decision-schema';
import type { WhatIf } from '../../../../shared/engine/incremental';
import type { Assumptions } from '../../../../shared/model/assumptions';
import type { EstateModel, Features } from '../../../../shared/model/inventory';
import type { DecideEngine, DecisionChanges } from './decide-engine';
import type { ForestHighlight } from './ForestCard';
import { toHighlights } from './highlights';

export interface DecisionsState {
  /** The decisions shown; forests whose decision did not change keep the very same object. */
  result: DecisionResult | null;
  /** The assumptions shown: the saved ones, or the user's change on its way to the workshop. */
  assumptions: Assumptions | null;
  /** Unsaved what-if features, by forest. */
  features: Readonly<Record<string, Features>>;
  /** What the last what-if change did, by forest (only the forests it changed). */
  highlights: ReadonlyMap<string, ForestHighlight>;
  error: string | null;
}

const sameAssumptions = (a: Assumptions, b: Assumptions) => (Object.keys(a) as (keyof Assumptions)[]).every((k) => a[k] === b[k]);

/**
 * The Decisions view's state for one open workshop: the engine (in a Web Worker), the decisions it
 * gave, and the unsaved what-if edits. It outlives the view, so switching tabs and back shows the
 * decisions at once, what-ifs included. Each what-if goes to the engine as a change, and only the
 * forests it changed come back and are replaced.
 */
export class DecisionsSession {
  private state: DecisionsState = { result: null, assumptions: null, features: {}, highlights: new Map(), error: null };
  private readonly listeners = new Set<() => void>();
  private engine: DecideEngine | null = null;
  private model: EstateModel | null = null;
  /** The saved assumptions last seen, to tell a new answer of the workshop from the same one again. */
  private saved: Assumptions | null = null;
  /** Bumped by every load: changes asked of an older estate are dropped. */
  private generation = 0;

  constructor(private readonly startEngine: () => DecideEngine) {}

  readonly subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  };

  readonly snapshot = () => this.state;

  private publish(next: Partial<DecisionsState>) {
    this.state = { ...this.state, ...next };
    for (const listener of this.listeners) listener();
  }

  /**
   * The workshop's estate model and saved assumptions, as the cache has them. A new model (after a
   * write or an import) is decided afresh, keeping the what-ifs on forests it still has; the same one
   * again costs nothing; saved assumptions that differ from the shown ones (a write that failed, or
   * another window) are re-decided as a what-if.
   */
  show(model: EstateModel, saved: Assumptions) {
    if (model !== this.model || !this.engine) {
      this.model = model;
      this.saved = saved;
      this.load(model, saved);
      return;
    }
    if (this.saved && sameAssumptions(this.saved, saved)) return;
    this.saved = saved;
    if (!this.state.assumptions || !sameAssumptions(this.state.assumptions, saved)) this.setAssumptions(saved);
  }

  private load(model: EstateModel, assumptions: Assumptions) {
    // What-ifs on forests the model no longer has, or that now equal the saved features, are done with.
    const stored = new Map(model.forests.map((f) => [f.forest, f.features]));
    const features = Object.fromEntries(
      Object.entries(this.state.features).filter(([forest, edit]) => {
        const saved = stored.get(forest);
        return saved !== undefined && (Object.keys(edit) as (keyof Features)[]).some((name) => edit[name] !== saved[name]);
      }),
    );
    const generation = ++this.generation;
    this.engine ??= this.startEngine();
    this.publish({ assumptions, features });
    this.engine.load(model, assumptions, features).then(
      (result) => {
        if (generation === this.generation) this.publish({ result, highlights: new Map(), error: null });
      },
      (error: unknown) => this.fail(error, generation),
    );
  }

  setAssumptions(assumptions: Assumptions) {
    this.publish({ assumptions });
    this.change({ assumptions });
  }

  /** `features` null: drop the forest's what-if (back to the saved features). */
  setFeatures(forest: string, features: Features | null) {
    const saved = this.model?.forests.find((f) => f.forest === forest)?.features;
    if (!saved) return;
    const { [forest]: _dropped, ...rest } = this.state.features;
    this.publish({ features: features === null ? rest : { ...rest, [forest]: features } });
    this.change({ features: { [forest]: features ?? saved } });
  }

  private change(change: WhatIf) {
    if (!this.engine || !this.model) return;
    const generation = this.generation;
    this.engine.update(change).then(
      (changes) => {
        if (generation === this.generation) this.apply(changes);
      },
      (error: unknown) => this.fail(error, generation),
    );
  }

  private apply(changes: DecisionChanges) {
    const before = this.state.result;
    if (!before) return;
    const changed = new Map(changes.forests.map((f) => [f.forest, f]));
    const result: DecisionResult = {
      assumptions: changes.assumptions,
      forests: before.forests.map((f): ForestDecision => changed.get(f.forest) ?? f),
      estate: changes.estate ?? before.estate,
    };
    const previous: DecisionResult = { ...before, forests: before.forests.filter((f) => changed.has(f.forest)) };
    const highlights = toHighlights(diffDecisions(previous, { ...result, forests: changes.forests }));
    this.publish({ result, highlights, error: null });
  }

  private fail(error: unknown, generation: number) {
    if (generation === this.generation) this.publish({ error: (error as Error).message });
  }

  /** Stops the engine (the workshop closed); shown again, the session starts a new one. */
  dispose() {
    this.engine?.dispose();
    this.engine = null;
    this.generation++;
  }
}
