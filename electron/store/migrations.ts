import { schemaV1 } from './schema-v1.sql.js';
import { schemaV2 } from './schema-v2.sql.js';
import { schemaV3Engine } from './schema-v3-engine.sql.js';
import { schemaV4Plan } from './schema-v4-plan.sql.js';
import { schemaV5Topology } from './schema-v5-topology.sql.js';

/**
 * Each entry takes the file from version `index` to `index + 1`. Append only: a released migration
 * never changes, because copies of workshops made with it are out in the world.
 */
export const migrations: readonly string[] = [schemaV1, schemaV2, schemaV3Engine, schemaV4Plan, schemaV5Topology];

export const LATEST_VERSION = migrations.length;
