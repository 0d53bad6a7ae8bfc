import type { Assumptions } from '../model/assumptions.js';
import { estateModel, type EstateModel, type Features, type Forest, type Inventory } from '../model/inventory.js';
import { conclude, evaluate } from './decide.js';
import type { DecisionResult, EstateDecision, ForestDecision, Finding } from './decision-schema.js';
import { decideEstate } from './estate.js';
import { group, indexEstate, normalizeTenant, type EstateIndex } from './estate-index.js';
import { forestContext } from './forest-context.js';
import { LINKED_RULES, RULES } from './rules/index.js';

/** A what-if change: new assumptions, and/or new features for some forests (by name). */
export interface WhatIf {
  assumptions?: Assumptions;
  features?: Readonly<Record<string, Features>>;
}

export interface Redecision {
  result: DecisionResult;
  /** Forests whose decision differs from before the change, sorted. */
  changed: string[];
  /** How many forests the rules ran for again (the rest kept their decision untouched). */
  redecided: number;
}

/** What deciding one forest on its own read: which features of which forests (featureKey), and which assumptions. */
interface Reads {
  features: Set<string>;
  assumptions: Set<string>;
}

interface Alone {
  findings: Finding[];
  decision: ForestDecision;
  reads: Reads;
}

/**
 * Decides an estate once, then again after what-if changes (assumptions, a forest's features), running
 * the rules only for the forests the change can reach: the same answer as `decide` on the changed
 * inventory, for a fraction of the work.
 *
 * Which forests a change reaches is recorded, not declared: while a forest is decided on its own, the
 * assumptions it is handed and the other forests' rows it can reach (the index's `forests` and
 * `forestsByTenant`) note every read of an assumption and of another forest's `features`. Rules are pure
 * functions of their context, so a forest that read neither the changed assumptions nor the changed
 * forest's features decides as before. What a what-if cannot change (domains, servers, agents, links,
 * tenants) is indexed once. Linked forests (decided again with their partners' decisions) and the
 * estate section are cheap and are always derived again.
 */
export class IncrementalDecider {
  private assumptions: Assumptions;
  /** The index as built, and the same with its forest rows tracked (what the rules see). */
  private index: EstateIndex;
  private estate: EstateIndex;
  private readonly alone = new Map<string, Alone>();
  private final = new Map<string, ForestDecision>();
  private estateDecision: EstateDecision;
  /** Who is being decided now, so the tracked reads know whom to charge. */
  private reader: Reads | null = null;

  constructor(inventory: Inventory | EstateModel, assumptions: Assumptions) {
    this.assumptions = assumptions;
    this.index = indexEstate(estateModel(inventory));
    this.estate = this.tracked(this.index);
    for (const forest of this.estate.forests) this.alone.set(forest.forest, this.decideAlone(forest));
    this.estateDecision = this.conclude();
  }

  result(): DecisionResult {
    return {
      assumptions: { ...this.assumptions },
      forests: this.estate.forests.map((f) => this.final.get(f.forest) as ForestDecision),
      estate: this.estateDecision,
    };
  }

  update(change: WhatIf): Redecision {
    const dirty = new Set<string>();
    if (change.assumptions) {
      const next = change.assumptions;
      const keys = (Object.keys(next) as (keyof Assumptions)[]).filter((k) => next[k] !== this.assumptions[k]);
      this.assumptions = next;
      for (const [forest, alone] of this.alone) if (keys.some((k) => alone.reads.assumptions.has(k))) dirty.add(forest);
    }
    const edits = new Map(Object.entries(change.features ?? {}));
    const changedFeatures: string[] = [];
    const forests = this.index.forests.map((f) => {
      const features = edits.get(f.forest);
      if (!features) return f;
      const names = (Object.keys(features) as (keyof Features)[]).filter((name) => features[name] !== f.features[name]);
      if (names.length === 0) return f;
      dirty.add(f.forest);
      changedFeatures.push(...names.map((name) => featureKey(f.forest, name)));
      return { ...f, features };
    });
    if (changedFeatures.length > 0) {
      this.index = { ...this.index, forests };
      this.estate = this.tracked(this.index);
      for (const [forest, alone] of this.alone) if (changedFeatures.some((key) => alone.reads.features.has(key))) dirty.add(forest);
    }
    const byForest = new Map(this.estate.forests.map((f) => [f.forest, f]));
    for (const forest of dirty) this.alone.set(forest, this.decideAlone(byForest.get(forest) as Forest));
    const before = this.final;
    const estateBefore = this.estateDecision;
    const estate = this.conclude();
    // The same estate section keeps its object too, so that whoever shows it can tell nothing changed.
    this.estateDecision = sameJson(estate, estateBefore) ? estateBefore : estate;
    const changed = [...this.final.keys()].filter((f) => before.get(f) !== this.final.get(f) && !sameDecision(before.get(f), this.final.get(f)));
    for (const f of this.final.keys()) if (!changed.includes(f)) this.final.set(f, before.get(f) as ForestDecision);
    return { result: this.result(), changed: changed.sort(), redecided: dirty.size };
  }

  /** The index with every forest row behind a proxy that notes which of its features are read, and by whom. */
  private tracked(index: EstateIndex): EstateIndex {
    const forests = index.forests.map((forest) => {
      const features = new Proxy(forest.features, {
        get: (target, key, receiver) => {
          if (typeof key === 'string') this.reader?.features.add(featureKey(forest.forest, key));
          return Reflect.get(target, key, receiver) as unknown;
        },
      });
      return new Proxy(forest, {
        get: (target, key, receiver) => (key === 'features' ? features : (Reflect.get(target, key, receiver) as unknown)),
      });
    });
    return {
      ...index,
      forests,
      forestsByTenant: group(
        forests.filter((f) => normalizeTenant(f.tenant) !== null),
        (f) => normalizeTenant(f.tenant) as string,
      ),
    };
  }

  private decideAlone(forest: Forest): Alone {
    const reads: Reads = { features: new Set(), assumptions: new Set() };
    const assumptions = new Proxy(this.assumptions, {
      get(target, key, receiver) {
        if (typeof key === 'string') reads.assumptions.add(key);
        return Reflect.get(target, key, receiver) as unknown;
      },
    });
    this.reader = reads;
    try {
      const ctx = forestContext(forest, this.estate, assumptions);
      const findings = evaluate(ctx, RULES);
      return { findings, decision: conclude(ctx, [...findings]), reads };
    } finally {
      this.reader = null;
    }
  }

  /** Linked forests decided again with their partners (as `decide` does), then the estate section. */
  private conclude(): EstateDecision {
    const alone = new Map([...this.alone].map(([forest, a]) => [forest, a.decision]));
    this.final = new Map(
      this.estate.forests.map((forest) => {
        const own = this.alone.get(forest.forest) as Alone;
        if (!this.estate.tyingByForest.has(forest.forest)) return [forest.forest, own.decision];
        const linked = forestContext(forest, this.estate, this.assumptions, alone);
        return [forest.forest, conclude(linked, [...own.findings, ...evaluate(linked, LINKED_RULES)])];
      }),
    );
    return decideEstate(this.estate, this.assumptions, [...this.final.values()]);
  }
}

const featureKey = (forest: string, feature: string) => `${forest}\u0000${feature}`;

/** Deep equality of JSON-like values (what decisions are made of); stops at the first difference. */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => sameJson(x, b[i]));
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

function sameDecision(a: ForestDecision | undefined, b: ForestDecision | undefined): boolean {
  return a !== undefined && b !== undefined && sameJson(a, b);
}
