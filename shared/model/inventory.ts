import { z } from 'zod';
import { blankRow } from './entity.js';
import {
  agentEntity,
  connectServerEntity,
  CURRENT_ENGINES,
  CLOUDS,
  domainEntity,
  FOREST_LINK_KINDS,
  forestEntity,
  forestLinkEntity,
  HYGIENE_CHECKS,
  hygieneEntity,
  NETWORKS,
  ouEntity,
  SOURCE_ANCHORS,
  TOPOLOGY_ROLES,
  tenantEntity,
  trustEntity,
} from './entities.js';

/**
 * The inventory model. Each entity's schema is derived from its description in entities.ts; this file
 * names them and puts them together.
 */
export { DnsName } from './dns-name.js';
export { ConnectorScope, Features, FEATURE_NAMES, HYGIENE_CHECKS, unknownFeatures } from './entities.js';
export type { FeatureName } from './entities.js';

export const Network = z.enum(NETWORKS);
export const CurrentEngine = z.enum(CURRENT_ENGINES);
export const SourceAnchor = z.enum(SOURCE_ANCHORS);
export const TopologyRole = z.enum(TOPOLOGY_ROLES);
export const Cloud = z.enum(CLOUDS);

export const Tenant = tenantEntity.schema;
export type Tenant = z.infer<typeof Tenant>;

export const Forest = forestEntity.schema;
export type Forest = z.infer<typeof Forest>;

/** A forest known by name only: everything else unknown. */
export function bareForest(forest: string): Forest {
  return blankRow(forestEntity, { forest });
}

export const Domain = domainEntity.schema;
export type Domain = z.infer<typeof Domain>;

export const Ou = ouEntity.schema;
export type Ou = z.infer<typeof Ou>;

export const ConnectServer = connectServerEntity.schema;
export type ConnectServer = z.infer<typeof ConnectServer>;

export const Agent = agentEntity.schema;
export type Agent = z.infer<typeof Agent>;

export const Trust = trustEntity.schema;
export type Trust = z.infer<typeof Trust>;

export const ForestLinkKind = z.enum(FOREST_LINK_KINDS);
export type ForestLinkKind = z.infer<typeof ForestLinkKind>;

export const ForestLink = forestLinkEntity.schema;
export type ForestLink = z.infer<typeof ForestLink>;

export const HygieneCheck = z.enum(HYGIENE_CHECKS);
export type HygieneCheck = z.infer<typeof HygieneCheck>;

export const HygieneFinding = hygieneEntity.schema;
export type HygieneFinding = z.infer<typeof HygieneFinding>;

export const Inventory = z.object({
  /** Every tenant the workshop knows: its own rows, and names forests or Connect servers give without one. */
  tenants: z.array(Tenant).default([]),
  forests: z.array(Forest),
  domains: z.array(Domain),
  ous: z.array(Ou),
  connectServers: z.array(ConnectServer),
  agents: z.array(Agent),
  trusts: z.array(Trust),
  forestLinks: z.array(ForestLink),
  hygiene: z.array(HygieneFinding),
});
export type Inventory = z.infer<typeof Inventory>;

/**
 * The inventory as the views and the decision engine need it: every entity but the OU rows, which are
 * counted per domain instead (100,000 OUs are 90% of a large estate's bytes, and only their count per
 * domain decides anything). The OU rows themselves are read a page at a time.
 */
export const EstateModel = Inventory.omit({ ous: true }).extend({
  /** By domain: how many OUs the inventory holds; a domain without OUs is absent. */
  ouCounts: z.record(z.string(), z.number().int().nonnegative()),
});
export type EstateModel = z.infer<typeof EstateModel>;

/** The estate model of a whole inventory (the workshop computes it in SQL instead; see inventory-repo.ts). */
export function estateModel(inventory: Inventory | EstateModel): EstateModel {
  if (!('ous' in inventory)) return inventory;
  const { ous, ...rest } = inventory;
  const ouCounts: Record<string, number> = {};
  for (const ou of ous) ouCounts[ou.domain] = (ouCounts[ou.domain] ?? 0) + 1;
  return { ...rest, ouCounts };
}

