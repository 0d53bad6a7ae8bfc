import { z } from 'zod';
import { ImportProgress } from '../../import/summary.js';
import { ReportProgress } from './report.js';

/** Commands chosen in the native application menu, carried out by the renderer. */
export const MenuCommand = z.object({
  command: z.enum(['new-workshop', 'open-workshop', 'save-copy', 'export-pdf', 'close-workshop', 'import', 'toggle-theme']),
});
export type MenuCommand = z.infer<typeof MenuCommand>;

/** Main → renderer notifications. */
export const events = {
  /** A running import: rows, bytes and percent across its files, about five times a second. */
  importProgress: ImportProgress,
  menu: MenuCommand,
  /** A running PDF export (Export PDF). */
  reportProgress: ReportProgress,
};
