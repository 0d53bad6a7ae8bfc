import { z } from 'zod';
import { channel, none } from '../define.js';
import { Domain, Forest, ForestLink, HygieneFinding, Inventory, Ou } from '../../model/inventory.js';

/** Everything one forest deletion removed, so that Undo can put it back exactly. */
export const ForestSnapshot = z.object({
  forest: Forest,
  domains: z.array(Domain),
  ous: z.array(Ou),
  hygiene: z.array(HygieneFinding),
  /** Links to and from the forest, which the deletion removed with it. */
  forestLinks: z.array(ForestLink),
});
export type ForestSnapshot = z.infer<typeof ForestSnapshot>;

export const forestsContract = {
  'forests.save': channel(z.object({ forest: Forest, previousName: z.string().optional() }).strict(), Forest),
  'forests.delete': channel(z.object({ forest: z.string().min(1) }).strict(), ForestSnapshot),
  'forests.restore': channel(z.object({ snapshot: ForestSnapshot }).strict(), Forest),
  'inventory.get': channel(none, Inventory),
};
