import fc from 'fast-check';
import type { Inventory, Ou } from '../../model/inventory.js';
import { fullInventory } from '../../engine/test-support/arbitraries.js';
import { isoDate } from '../calendar.js';
import { PlanSettings, type FreezeWindow } from '../plan-schema.js';

const objects = fc.oneof(
  { arbitrary: fc.integer({ min: 0, max: 900 }), weight: 3 },
  { arbitrary: fc.integer({ min: 900, max: 9_000 }), weight: 1 },
  { arbitrary: fc.constant(null), weight: 1 },
);

/** 0-6 OUs per domain, some nested under others, with counts that may be unknown and scopes that may exclude. */
export const inventoryWithOus: fc.Arbitrary<Inventory> = fullInventory.chain((inventory) =>
  fc
    .tuple(
      ...inventory.domains.map((d) =>
        fc.array(
          fc.record({ name: fc.constantFrom('Staff', 'Sales', 'It', 'Emea', 'Pilot', "O'Brien Team"), nested: fc.boolean(), users: objects, groups: objects, contacts: fc.constantFrom(0, 5, null), inScope: fc.constantFrom(true, true, true, false, null) }),
          { maxLength: 6 },
        ).map((specs) => {
          const root = d.domain
            .split('.')
            .map((l) => `DC=${l}`)
            .join(',');
          const ous: Ou[] = [];
          const seen = new Set<string>();
          for (const [i, s] of specs.entries()) {
            const parent = s.nested && ous.length > 0 ? (ous[ous.length - 1] as Ou).distinguishedName : root;
            const dn = `OU=${s.name} ${i},${parent}`;
            if (seen.has(dn.toLowerCase())) continue;
            seen.add(dn.toLowerCase());
            ous.push({ domain: d.domain, distinguishedName: dn, users: s.users, groups: s.groups, contacts: s.contacts, computers: 0, inConnectScope: s.inScope, importedCounts: {} });
          }
          return ous;
        }),
      ),
    )
    .map((lists) => ({ ...inventory, ous: lists.flat() })),
);

const DAY_2027_01_01 = 20_819;
const day = fc.integer({ min: DAY_2027_01_01, max: DAY_2027_01_01 + 120 });

export const settingsArb: fc.Arbitrary<PlanSettings> = fc
  .record({
    start: day.map(isoDate),
    workingDays: fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 }),
    holidays: fc.uniqueArray(day.map(isoDate), { maxLength: 8 }),
    freezeWindows: fc.array(
      fc.tuple(day, fc.integer({ min: 0, max: 20 })).map(([s, n]): FreezeWindow => ({ start: isoDate(s), end: isoDate(s + n), reason: 'change freeze' })),
      { maxLength: 3 },
    ),
    maxWaveObjects: fc.constantFrom(500, 2_000, 5_000),
    teamCapacity: fc.integer({ min: 1, max: 3 }),
    validationDays: fc.integer({ min: 1, max: 15 }),
    durations: fc.record({ wave: fc.integer({ min: 0, max: 5 }), remediation: fc.integer({ min: 1, max: 8 }) }, { requiredKeys: [] }),
  })
  .map((s) => PlanSettings.parse(s));
