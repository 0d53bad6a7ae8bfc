import { resolve } from 'node:path';
import { APP_VERSION } from '../../app-version.js';
import { EXIT, parseCommandArgs, UsageError, type Command } from '../command.js';
import { IsoDate } from '../../../shared/plan/plan-schema.js';
import { Paper } from '../../../shared/report/page-setup.js';
import { ReportOptions } from '../../../shared/report/report-input.js';
import { localToday } from '../../../shared/plan/calendar.js';
import { getReportOptions } from '../../store/report-options-repo.js';
import { withWorkshop } from '../open-for-cli.js';
import { launchChromiumPrinter } from '../../report/chromium-printer.js';
import { exportReportPdf, type ExportStage } from '../../report/export-report.js';
import { checkWritableTarget } from '../../report/write-file-atomic.js';
import { choosePrinter, runInApp } from '../../report/choose-printer.js';

const STAGE_TEXT: Record<ExportStage, string> = {
  preparing: 'building the report',
  layout: 'laying out the pages',
  numbering: 'numbering the contents',
  final: 'printing the final PDF',
  saving: 'saving',
};

function dateOption(name: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const parsed = IsoDate.safeParse(value);
  if (!parsed.success) throw new UsageError(`--${name} "${value}": ${parsed.error.issues[0]?.message ?? 'not a date'} (YYYY-MM-DD)`);
  return parsed.data;
}

export const exportCommand: Command = {
  name: 'export',
  summary: 'write the migration plan report as PDF',
  help: `Usage: syncplan export <workshop.syncplan> --pdf <out.pdf> [options]

Writes the migration plan report of the workshop: cover, executive summary, forests, decisions with
findings and sources, timeline, checklists with runbooks, risks and rollback, assumptions, inventory
appendix and sign-off page, with page numbers, contents, bookmarks and tags. The file is written only
once it is complete; on any error nothing is written.

The installed app's syncplan prints with SyncPlan's own Electron. Run from a checkout (npx syncplan),
printing needs a Chromium-based browser: SYNCPLAN_CHROMIUM, or Chromium, Google Chrome or Microsoft Edge
where they are usually installed.

Options:
  --pdf <file>          where to write the PDF (replaced if it exists)
  --paper a4|letter     paper size (default: the app's last export of the workshop, else a4)
  --customer <name>     who the report is for (default: the app's last export, else the workshop's name)
  --author <name>       who prepared it (default: the app's last export)
  --date YYYY-MM-DD     the report's date (default: today)
  --start YYYY-MM-DD    start the plan on this date instead of the workshop's start date (or today)
  -h, --help            show this help
`,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(
      args,
      {
        pdf: { type: 'string' },
        paper: { type: 'string' },
        customer: { type: 'string' },
        author: { type: 'string' },
        date: { type: 'string' },
        start: { type: 'string' },
      },
      { min: 1, max: 1 },
    );
    // Each output format is its own option, so --svg (the topology drawing) can join --pdf.
    if (values.pdf === undefined) throw new UsageError('say what to write: --pdf <out.pdf>');
    if (!values.pdf.trim()) throw new UsageError('--pdf needs a file name');
    if (values.paper !== undefined && !Paper.safeParse(values.paper).success) throw new UsageError(`--paper "${values.paper}": use a4 or letter`);
    const date = dateOption('date', values.date) ?? localToday();
    const start = dateOption('start', values.start);
    const target = resolve(io.cwd, values.pdf);
    const choice = choosePrinter(io.printer !== undefined, process.versions, process.env, process.execPath);
    if (choice.kind === 'app') return runInApp(choice.executable, ['export', ...args]);

    // The workshop and the options are checked before a browser starts; the workshop is only read.
    return withWorkshop(positionals[0] as string, io.cwd, async (db) => {
      const stored = getReportOptions(db);
      const options = ReportOptions.safeParse({
        customer: values.customer ?? stored.customer,
        author: values.author ?? stored.author,
        paper: values.paper ?? stored.paper,
      });
      if (!options.success) throw new UsageError(options.error.issues.map((i) => `--${String(i.path[0])}: ${i.message}`).join('; '));
      const progress = io.stderr.isTTY ? (stage: ExportStage) => io.stderr.write(`\rsyncplan export: ${STAGE_TEXT[stage]}…\x1b[K`) : () => undefined;
      checkWritableTarget(target);
      const printer = await (io.printer ?? launchChromiumPrinter)();
      try {
        const result = await exportReportPdf(
          db,
          { target, options: options.data, date, today: localToday(), ...(start ? { start } : {}), appVersion: APP_VERSION },
          printer,
          progress,
        );
        io.stdout.write(`${io.stderr.isTTY ? '\r\x1b[K' : ''}${result.path}: ${result.pages} pages, ${Math.ceil(result.bytes / 1024)} KB\n`);
        return EXIT.ok;
      } finally {
        await printer.close();
      }
    });
  },
};
