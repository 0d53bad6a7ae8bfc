import { z } from 'zod';
import { channel, none } from '../define.js';
import { EstateModel, Forest, Tenant } from '../../model/inventory.js';

/** One row of the Forests list, counted by the workshop (SQL) so that opening it sends only what it shows. */
export const ForestSummary = z.object({
  forest: Forest,
  domains: z.number().int().nonnegative(),
  /** null as soon as one domain's user count is unknown (or the forest has no domains). */
  users: z.number().int().nonnegative().nullable(),
  ous: z.number().int().nonnegative(),
});
export type ForestSummary = z.infer<typeof ForestSummary>;

/** The Estate view's sections, in its navigation order. */
export const ESTATE_SECTION_IDS = ['tenants', 'forests', 'domains', 'ous', 'trusts', 'forestLinks', 'connectServers', 'agents'] as const;
export type EstateSectionId = (typeof ESTATE_SECTION_IDS)[number];

/**
 * What the Estate view needs before a section's rows: the rows of each section counted by the workshop,
 * and the tenants (few) that the Forests and Tenants sections name. Small at any size of estate.
 */
export const EstateOutline = z.object({
  counts: z.record(z.enum(ESTATE_SECTION_IDS), z.number().int().nonnegative()),
  tenants: z.array(Tenant),
});
export type EstateOutline = z.infer<typeof EstateOutline>;

export const forestsContract = {
  'forests.save': channel(z.object({ forest: Forest, previousName: z.string().optional() }).strict(), Forest),
  'forests.summaries': channel(none, z.array(ForestSummary)),
  'estate.outline': channel(none, EstateOutline),
  /** Every entity but the OU rows, which come counted per domain (EstateModel); the engine's input. */
  'inventory.get': channel(none, EstateModel),
};
