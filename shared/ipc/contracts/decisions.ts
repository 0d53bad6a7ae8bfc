import { z } from 'zod';
import { channel, none } from '../define.js';
import { Assumptions } from '../../model/assumptions.js';
import { Inventory } from '../../model/inventory.js';

export const decisionsContract = {
  /** Inventory and assumptions together, so the what-if view can run the engine itself on every change. */
  'decisions.model': channel(none, z.object({ inventory: Inventory, assumptions: Assumptions })),
  'assumptions.set': channel(z.object({ assumptions: Assumptions }).strict(), Assumptions),
};
