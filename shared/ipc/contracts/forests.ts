import { z } from 'zod';
import { channel, none } from '../define.js';
import { EstateModel, Forest } from '../../model/inventory.js';

/** One row of the Forests list, counted by the workshop (SQL) so that opening it sends only what it shows. */
export const ForestSummary = z.object({
  forest: Forest,
  domains: z.number().int().nonnegative(),
  /** null as soon as one domain's user count is unknown (or the forest has no domains). */
  users: z.number().int().nonnegative().nullable(),
  ous: z.number().int().nonnegative(),
});
export type ForestSummary = z.infer<typeof ForestSummary>;

export const forestsContract = {
  'forests.save': channel(z.object({ forest: Forest, previousName: z.string().optional() }).strict(), Forest),
  'forests.summaries': channel(none, z.array(ForestSummary)),
  /** Every entity but the OU rows, which come counted per domain (EstateModel); the engine's input. */
  'inventory.get': channel(none, EstateModel),
};
