import { z } from 'zod';
import { channel, none } from '../define.js';

export const WorkshopInfo = z.object({
  path: z.string(),
  name: z.string(),
  createdAt: z.string().nullable(),
  /** Set right after an older file was upgraded: where its pre-upgrade copy was saved. */
  backupPath: z.string().nullable(),
});
export type WorkshopInfo = z.infer<typeof WorkshopInfo>;

export const RecentWorkshop = z.object({
  path: z.string(),
  name: z.string(),
  openedAt: z.string(),
  exists: z.boolean(),
});
export type RecentWorkshop = z.infer<typeof RecentWorkshop>;

export const WorkshopName = z.string().trim().min(1, 'Give the workshop a name').max(120);

export const workshopContract = {
  'workshop.create': channel(z.object({ name: WorkshopName }).strict(), WorkshopInfo.nullable()),
  'workshop.openDialog': channel(none, WorkshopInfo.nullable()),
  /** The bundled sample estate, imported from its CSV templates into the user's app-data folder on first use. */
  'workshop.openSample': channel(none, WorkshopInfo),
  'workshop.open': channel(z.object({ path: z.string().min(1) }).strict(), WorkshopInfo),
  'workshop.current': channel(none, WorkshopInfo.nullable()),
  'workshop.close': channel(none, z.null()),
  'workshop.saveCopy': channel(none, z.object({ path: z.string() }).nullable()),
  'workshop.recent': channel(none, z.array(RecentWorkshop)),
  'workshop.forgetRecent': channel(z.object({ path: z.string().min(1) }).strict(), z.array(RecentWorkshop)),
};
