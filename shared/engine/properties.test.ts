import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Inventory } from '../model/inventory.js';
import { decide } from './decide.js';
import { DecisionResult } from './decision-schema.js';
import { findingKey } from './diff.js';
import { assumptionsArb, fullInventory, mask, shuffled } from './test-support/arbitraries.js';

const RUNS = { numRuns: 300 };

describe('decide, for any valid inventory and assumptions', () => {
  it('never throws and returns the §4 shape', () => {
    fc.assert(
      fc.property(fullInventory, fc.integer(), assumptionsArb, (full, seed, assumptions) => {
        const inventory = Inventory.parse(mask(full, seed));
        const result = decide(inventory, assumptions);
        expect(DecisionResult.safeParse(result).success).toBe(true);
        expect(result.forests.map((f) => f.forest)).toEqual(inventory.forests.map((f) => f.forest).sort());
      }),
      RUNS,
    );
  });

  it('does not depend on the order of the inventory lists', () => {
    fc.assert(
      fc.property(fullInventory, fc.integer(), fc.integer(), assumptionsArb, (full, maskSeed, shuffleSeed, assumptions) => {
        const inventory = mask(full, maskSeed);
        expect(decide(shuffled(inventory, shuffleSeed), assumptions)).toEqual(decide(inventory, assumptions));
      }),
      RUNS,
    );
  });

  it('never lets missing data pose as an answer: a blank turns a verdict into insufficient-data or leaves it', () => {
    fc.assert(
      fc.property(fullInventory, fc.integer(), assumptionsArb, (full, seed, assumptions) => {
        const known = decide(full, assumptions);
        const partial = decide(mask(full, seed), assumptions);
        known.forests.forEach((k, i) => {
          const p = partial.forests[i];
          if (p?.verdict !== 'insufficient-data') expect(p?.verdict, `${k.forest}: ${p?.reason}`).toBe(k.verdict);
        });
      }),
      { numRuns: 1000 },
    );
  });

  it('keeps every known blocker when more data arrives', () => {
    fc.assert(
      fc.property(fullInventory, fc.integer(), assumptionsArb, (full, seed, assumptions) => {
        const partial = decide(mask(full, seed), assumptions);
        const known = decide(full, assumptions);
        partial.forests.forEach((p, i) => {
          if (p.verdict === 'stay-on-connect') expect(known.forests[i]?.verdict).toBe('stay-on-connect');
        });
      }),
      RUNS,
    );
  });

  it('asks for data exactly where it is missing, and names one finding per rule and subject', () => {
    fc.assert(
      fc.property(fullInventory, fc.integer(), assumptionsArb, (full, seed, assumptions) => {
        for (const forest of decide(mask(full, seed), assumptions).forests) {
          for (const f of forest.findings) {
            if (f.effect === 'unknown-data') expect(f.collect.length, f.message).toBeGreaterThan(0);
            else expect(f.couldBecome).toBeNull();
          }
          const keys = forest.findings.map(findingKey);
          expect(new Set(keys).size, keys.join(' ')).toBe(keys.length);
          if (forest.verdict === 'insufficient-data') expect(forest.domains.some((d) => d.engine === 'unknown') || forest.decidedBy.length > 0).toBe(true);
        }
      }),
      RUNS,
    );
  });
});
