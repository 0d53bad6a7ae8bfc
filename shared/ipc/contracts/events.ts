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

/** Main → renderer notifications. */
export const events = {
  progress: Progress,
};
