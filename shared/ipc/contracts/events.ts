import { z } from 'zod';
import { ImportProgress } from '../../import/summary.js';
import { WorkshopInfo } from './workshop.js';
import { ReportProgress } from './report.js';

/** Commands chosen in the native application menu, carried out by the renderer. */
export const MenuCommand = z.object({
  command: z.enum(['new-workshop', 'open-workshop', 'save-copy', 'export-pdf', 'close-workshop', 'import', 'toggle-theme', 'undo', 'redo']),
});
export type MenuCommand = z.infer<typeof MenuCommand>;

/** Main → renderer notifications. */
export const events = {
  /** A running import: rows, bytes and percent across its files, about five times a second. */
  importProgress: ImportProgress,
  menu: MenuCommand,
  /** The operating system opened a workshop in the running app (a double-click on a .syncplan file). */
  workshopOpened: WorkshopInfo,
  /** A running PDF export (Export PDF). */
  reportProgress: ReportProgress,
};
