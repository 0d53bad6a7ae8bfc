import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultAssumptions } from '../model/assumptions.js';
import { FEATURE_NAMES, type Features, type Inventory } from '../model/inventory.js';
import { decide } from './decide.js';
import { IncrementalDecider } from './incremental.js';
import { generateLargeEstate } from './test-support/large-estate.js';
import { assumptionsArb, fullInventory, mask } from './test-support/arbitraries.js';

const tri = fc.constantFrom(true, false, null);
const featuresArb = fc.record(Object.fromEntries(FEATURE_NAMES.map((f) => [f, tri])) as Record<keyof Features, fc.Arbitrary<boolean | null>>);

/** One what-if step: new assumptions, or new features for one forest (by index), or both. */
const stepArb = fc.record({
  assumptions: fc.option(assumptionsArb, { nil: undefined }),
  forest: fc.nat(),
  features: fc.option(featuresArb, { nil: undefined }),
});

const withFeatures = (inventory: Inventory, forest: string, features: Features): Inventory => ({
  ...inventory,
  forests: inventory.forests.map((f) => (f.forest === forest ? { ...f, features } : f)),
});

describe('IncrementalDecider', () => {
  it('gives exactly what decide gives on the changed inventory, after any sequence of what-if changes', () => {
    fc.assert(
      fc.property(fullInventory, fc.integer(), assumptionsArb, fc.array(stepArb, { minLength: 1, maxLength: 6 }), (full, seed, first, steps) => {
        let inventory = mask(full, seed);
        let assumptions = first;
        const decider = new IncrementalDecider(inventory, assumptions);
        expect(decider.result()).toEqual(decide(inventory, assumptions));
        for (const step of steps) {
          const before = decide(inventory, assumptions);
          const forest = inventory.forests[step.forest % inventory.forests.length]?.forest;
          if (step.assumptions) assumptions = step.assumptions;
          if (forest && step.features) inventory = withFeatures(inventory, forest, step.features);
          const { result, changed } = decider.update({
            ...(step.assumptions ? { assumptions: step.assumptions } : {}),
            ...(forest && step.features ? { features: { [forest]: step.features } } : {}),
          });
          const expected = decide(inventory, assumptions);
          expect(result).toEqual(expected);
          const reallyChanged = expected.forests.filter((f, i) => JSON.stringify(f) !== JSON.stringify(before.forests[i])).map((f) => f.forest);
          expect(changed).toEqual(reallyChanged);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('decides one forest again when only its own features change, and keeps the other decisions as they were', () => {
    const estate = generateLargeEstate({ forests: 40, domainsPerForest: 2, ousPerDomain: 2 });
    const decider = new IncrementalDecider(estate, defaultAssumptions());
    const before = decider.result();
    const target = estate.forests.find((f) => f.features.device_writeback === false && f.currentEngine === 'connect-sync');
    if (!target) throw new Error('the estate has no forest to change');
    const { result, changed, redecided } = decider.update({ features: { [target.forest]: { ...target.features, device_writeback: true } } });
    expect(redecided).toBe(1);
    expect(changed).toEqual([target.forest]);
    expect(result).toEqual(decide(withFeatures(estate, target.forest, { ...target.features, device_writeback: true }), defaultAssumptions()));
    result.forests.forEach((f, i) => {
      if (f.forest !== target.forest) expect(f).toBe(before.forests[i]);
    });
  });
});
