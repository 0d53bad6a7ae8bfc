import { z } from 'zod';
import { channel, none } from '../define.js';
import { Assumptions } from '../../model/assumptions.js';

export const decisionsContract = {
  /** The what-if settings saved in the workshop; the Decisions view runs the engine on them and inventory.get. */
  'assumptions.get': channel(none, Assumptions),
  'assumptions.set': channel(z.object({ assumptions: Assumptions }).strict(), Assumptions),
};
