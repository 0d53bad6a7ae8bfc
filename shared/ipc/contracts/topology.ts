import { z } from 'zod';
import { channel } from '../define.js';

const Saved = z.object({ path: z.string() }).nullable();

export const topologyContract = {
  /** Asks where to save, then writes the diagram as main draws it (the same as `syncplan export --svg`); null when cancelled. */
  'topology.exportSvg': channel(
    z
      .object({
        /** The tenants the Topology view shows collapsed (tenant ids), so the file shows what the screen does. */
        collapsed: z.array(z.string()).max(10_000),
      })
      .strict(),
    Saved,
  ),
  /** Asks where to save, then writes the PNG the page rasterised from the same drawing; null when cancelled. */
  'topology.exportPng': channel(
    z
      .object({
        png: z
          .string()
          .max(15_000_000, 'The picture is too large to export as PNG; export the SVG instead.')
          .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'not base64'),
      })
      .strict(),
    Saved,
  ),
};
