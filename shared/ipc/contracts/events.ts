import { z } from 'zod';

export const Progress = z.object({
  /** Which long-running job this is, so a view can pick out its own. */
  task: z.string(),
  label: z.string(),
  done: z.number().nonnegative(),
  total: z.number().nonnegative().nullable(),
  unit: z.enum(['rows', 'bytes', 'files', 'steps']),
});
export type Progress = z.infer<typeof Progress>;

/** Commands chosen in the native application menu, carried out by the renderer. */
export const MenuCommand = z.object({
  command: z.enum(['new-workshop', 'open-workshop', 'save-copy', 'close-workshop', 'import', 'toggle-theme']),
});
export type MenuCommand = z.infer<typeof MenuCommand>;

/** Main → renderer notifications. */
export const events = {
  progress: Progress,
  menu: MenuCommand,
};
