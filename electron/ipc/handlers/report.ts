import type { HandlerTable } from '../handler-types.js';
import type { reportContract, ReportProgress } from '../../../shared/ipc/contracts/report.js';
import type { Session } from '../session.js';
import { UserError } from '../../../shared/result.js';
import { getReportOptions, saveReportOptions } from '../../store/report-options-repo.js';
import { exportReportPdf, type ExportStage } from '../../report/export-report.js';
import { safeFileName } from '../safe-file-name.js';
import { APP_VERSION } from '../../app-version.js';

const exporting = new WeakSet<Session>();

/** Rough shares of the work: the two prints take most of it. */
function progressOf(stage: ExportStage, printed: number): ReportProgress {
  const percent = { preparing: 5, layout: 10, numbering: printed > 1 ? 85 : 45, final: 55, saving: 95 }[stage];
  return { stage, percent };
}

export const reportHandlers: HandlerTable<keyof typeof reportContract> = {
  'report.options': (_input, { session }) => getReportOptions(session.db()),

  'report.exportPdf': async ({ options, today }, { session }) => {
    const db = session.db();
    if (exporting.has(session)) throw new UserError('busy', 'A PDF export is already running; wait for it to finish.');
    exporting.add(session);
    const emit = (progress: ReportProgress) => session.platform.emit('reportProgress', progress);
    try {
      saveReportOptions(db, options);
      emit({ stage: 'choosing', percent: 0 });
      const target = await session.platform.dialogs.exportPath(`${safeFileName(options.customer, 'Report')} - migration plan.pdf`, { name: 'PDF document', extensions: ['pdf'] });
      if (!target) return null;
      const printer = await session.platform.printer();
      let printed = 0;
      try {
        const result = await exportReportPdf(db, { target, options, date: today, today, appVersion: APP_VERSION }, printer, (stage) => {
          if (stage === 'numbering') printed++;
          emit(progressOf(stage, printed));
        });
        emit({ stage: 'done', percent: 100 });
        return { path: result.path, pages: result.pages };
      } finally {
        await printer.close();
      }
    } catch (error) {
      emit({ stage: 'failed', percent: 0 });
      throw error;
    } finally {
      exporting.delete(session);
    }
  },
};
