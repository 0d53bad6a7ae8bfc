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
  /**
   * Microsoft 365 group writeback v1 continues on Connect Sync (GWP); no page says it is retired, so the
   * former "retired" reading is gone. Kept, always "still-supported", for files and scripts that read it;
   * a stored "retired" reads as "still-supported".
   */
  groupWritebackV1: z.enum(['still-supported']).catch('still-supported').default('still-supported'),
  /** DG: Cloud Sync filters on attribute values in a limited way; COMMON and older WHAT: not supported. */
  attributeValueFiltering: z.enum(['limited', 'not-supported']).default('limited'),
  /** FAQ (2026-03-30): one agent is active at a time, the others fail over; DG: the agents share the load. */
  activeAgents: z.enum(['one-at-a-time', 'load-shared']).default('one-at-a-time'),
});
export type Assumptions = z.infer<typeof Assumptions>;

export const defaultAssumptions = (): Assumptions => Assumptions.parse({});
