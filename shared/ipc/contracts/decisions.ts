import { z } from 'zod';
import { channel, none } from '../define.js';
import { Assumptions } from '../../model/assumptions.js';
import { DecisionResult } from '../../engine/decision-schema.js';
import { Inventory } from '../../model/inventory.js';

export const decisionsContract = {
  'decisions.get': channel(none, DecisionResult),
  /** Inventory and assumptions together, so the what-if view can run the engine itself on every change. */
  'decisions.model': channel(none, z.object({ inventory: Inventory, assumptions: Assumptions })),
  'assumptions.get': channel(none, Assumptions),
  'assumptions.set': channel(z.object({ assumptions: Assumptions }).strict(), Assumptions),
};
