import { schemaV1 } from './schema-v1.sql.js';
import { schemaV2 } from './schema-v2.sql.js';
import { schemaV3Engine } from './schema-v3-engine.sql.js';

/**
 * Each entry takes the file from version `index` to `index + 1`. Append only: a released migration
 * never changes, because copies of workshops made with it are out in the world.
 */
export const migrations: readonly string[] = [schemaV1, schemaV2, schemaV3Engine];

export const LATEST_VERSION = migrations.length;
