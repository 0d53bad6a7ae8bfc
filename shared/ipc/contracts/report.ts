import { z } from 'zod';
import { channel, none } from '../define.js';
import { IsoDate } from '../../plan/plan-schema.js';
import { ReportOptions } from '../../report/report-input.js';

/** A running PDF export: its stage and a rough share done. */
export const ReportProgress = z.object({
  stage: z.enum(['choosing', 'preparing', 'layout', 'numbering', 'final', 'saving', 'done', 'failed']),
  percent: z.number().min(0).max(100),
});
export type ReportProgress = z.infer<typeof ReportProgress>;

export const reportContract = {
  /** The customer, author and paper of the workshop's last export (the workshop's name before the first). */
  'report.options': channel(none, ReportOptions),
  /**
   * Asks where to save (the platform's save dialog), prints the report and writes it there; null when
   * the user cancels the dialog. `today` is the user's local date: the report's date and the plan's
   * start when the workshop sets none.
   */
  'report.exportPdf': channel(
    z.object({ options: ReportOptions, today: IsoDate }).strict(),
    z.object({ path: z.string(), pages: z.number().int().positive() }).nullable(),
  ),
};
