import { z } from 'zod';
import { channel, none } from '../define.js';

export const WorkshopInfo = z.object({
  path: z.string(),
  name: z.string(),
  createdAt: z.string().nullable(),
  /** Set right after an older file was upgraded: where its pre-upgrade copy was saved. */
  backupPath: z.string().nullable(),
  /** Set when nothing can be changed: why, as a sentence for the user (read-only file or folder, or opened read-only on request). */
  readOnly: z.string().optional(),
});
export type WorkshopInfo = z.infer<typeof WorkshopInfo>;

export const RecentWorkshop = z.object({
  path: z.string(),
  name: z.string(),
  openedAt: z.string(),
  exists: z.boolean(),
});
export type RecentWorkshop = z.infer<typeof RecentWorkshop>;

/** Control characters (a NUL cuts a file name short) have no place in a name that becomes a file name. */
const hasControlCharacter = (text: string) => [...text].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f);

export const WorkshopName = z
  .string()
  .trim()
  .min(1, 'Give the workshop a name')
  .max(120)
  .refine((name) => !hasControlCharacter(name), 'A workshop name cannot contain control characters such as NUL or line breaks');

/** What "Recover into a new workshop" could copy from a damaged file. */
export const RecoveryReport = z.object({
  source: z.string(),
  target: z.string(),
  rows: z.number().int(),
  /** Rows read but refused by the schema (what they belonged to was lost, or their values were garbled). */
  dropped: z.number().int(),
  tables: z.array(
    z.object({
      table: z.string(),
      rows: z.number().int(),
      /** Part of the table could not be read. */
      damaged: z.boolean(),
      /** Rows its indexes still list but that could not be read: a lower bound of what was lost. */
      lost: z.number().int(),
    }),
  ),
  /** One paragraph for the user. */
  summary: z.string(),
});
export type RecoveryReport = z.infer<typeof RecoveryReport>;

export const workshopContract = {
  'workshop.create': channel(z.object({ name: WorkshopName }).strict(), WorkshopInfo.nullable()),
  'workshop.openDialog': channel(none, WorkshopInfo.nullable()),
  /** The bundled sample estate, imported from its CSV templates into the user's app-data folder on first use. */
  'workshop.openSample': channel(none, WorkshopInfo),
  /** `readOnly`: open without ever changing the file (offered when another program is writing to it). */
  'workshop.open': channel(z.object({ path: z.string().min(1), readOnly: z.boolean().optional() }).strict(), WorkshopInfo),
  /** Copies what is readable of a damaged workshop into a new file (chosen in a dialog) and opens it; null when cancelled. */
  'workshop.recover': channel(z.object({ path: z.string().min(1) }).strict(), z.object({ info: WorkshopInfo, report: RecoveryReport }).nullable()),
  'workshop.current': channel(none, WorkshopInfo.nullable()),
  'workshop.close': channel(none, z.null()),
  'workshop.saveCopy': channel(none, z.object({ path: z.string() }).nullable()),
  'workshop.recent': channel(none, z.array(RecentWorkshop)),
  'workshop.forgetRecent': channel(z.object({ path: z.string().min(1) }).strict(), z.array(RecentWorkshop)),
};
