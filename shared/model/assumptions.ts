import { z } from 'zod';

/**
 * The decision engine's settings (docs/json-outputs.md, decide --json). Where Microsoft's pages disagree, the user picks the
 * reading; the defaults follow the newest page and are named in every finding that depends on them.
 */
export const Assumptions = z.object({
  allowPreviewFeatures: z.boolean().default(false),
  movePtaOrFederationToPhs: z.boolean().default(false),
  replaceDeviceWritebackWithCloudKerberos: z.boolean().default(false),
  /** PRE (2026-07-27): supported with KB5070773; older pages and the seed article: not supported. */
  windowsServer2025Agents: z.enum(['supported-with-kb5070773', 'not-supported']).default('supported-with-kb5070773'),
  /** WHAT: every 2 minutes; FAQ (2026-03-30): every 10-20 minutes. */
  cloudSyncInterval: z.enum(['2-minutes', '10-20-minutes']).default('10-20-minutes'),
  /** Whether Connect Sync's group writeback v1 is still a supported capability or retired. */
  groupWritebackV1: z.enum(['retired', 'still-supported']).default('retired'),
});
export type Assumptions = z.infer<typeof Assumptions>;

export const defaultAssumptions = (): Assumptions => Assumptions.parse({});
