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
import { checkWritableTarget } from '../../files/write-file-atomic.js';
import { choosePrinter, runInApp } from '../../report/choose-printer.js';
import { exportTopologySvg } from '../../topology/workshop-topology.js';

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
  summary: 'write the migration plan report as PDF, and the topology diagram as SVG',
  help: `Usage: syncplan export <workshop.syncplan> --pdf <out.pdf> [options]
       syncplan export <workshop.syncplan> --svg <out.svg>

--pdf writes the migration plan report of the workshop: cover, executive summary, the topology diagram,
decisions with findings and sources, timeline, checklists with runbooks, risks and rollback,
assumptions, inventory appendix and sign-off page, with page numbers, contents, bookmarks and tags.
--svg writes the topology diagram alone (the app's Topology view and the report's drawing): tenants,
forests with their verdicts and planned engine per domain, trusts and links between forests, Connect
servers and agent hosts, with its legend. Both can be given at once. Each file is written only once it
is complete; on any error nothing is written.

The installed app's syncplan prints the PDF with SyncPlan's own Electron. Run from a checkout
(npx syncplan), printing the PDF needs a Chromium-based browser: SYNCPLAN_CHROMIUM, or Chromium, Google
Chrome or Microsoft Edge where they are usually installed. The SVG needs none.

Options:
  --pdf <file>          where to write the PDF (replaced if it exists)
  --svg <file>          where to write the SVG (replaced if it exists)
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
        svg: { type: 'string' },
        paper: { type: 'string' },
        customer: { type: 'string' },
        author: { type: 'string' },
        date: { type: 'string' },
        start: { type: 'string' },
      },
      { min: 1, max: 1 },
    );
    if (values.pdf === undefined && values.svg === undefined) throw new UsageError('say what to write: --pdf <out.pdf> and/or --svg <out.svg>');
    if (values.pdf !== undefined && !values.pdf.trim()) throw new UsageError('--pdf needs a file name');
    if (values.svg !== undefined && !values.svg.trim()) throw new UsageError('--svg needs a file name');
    if (values.paper !== undefined && !Paper.safeParse(values.paper).success) throw new UsageError(`--paper "${values.paper}": use a4 or letter`);
    const date = dateOption('date', values.date) ?? localToday();
    const start = dateOption('start', values.start);
    const pdfTarget = values.pdf === undefined ? null : resolve(io.cwd, values.pdf);
    const svgTarget = values.svg === undefined ? null : resolve(io.cwd, values.svg);
    const choice = choosePrinter(io.printer !== undefined, process.versions, process.env, process.execPath);
    if (pdfTarget && choice.kind === 'app') return runInApp(choice.executable, ['export', ...args]);

    // The workshop and the options are checked before a browser starts; the workshop is only read.
    return withWorkshop(positionals[0] as string, io.cwd, async (db) => {
      const stored = getReportOptions(db);
      const options = ReportOptions.safeParse({
        customer: values.customer ?? stored.customer,
        author: values.author ?? stored.author,
        paper: values.paper ?? stored.paper,
      });
      if (pdfTarget && !options.success) throw new UsageError(options.error.issues.map((i) => `--${String(i.path[0])}: ${i.message}`).join('; '));
      for (const target of [pdfTarget, svgTarget]) if (target) checkWritableTarget(target);
      const progress = io.stderr.isTTY ? (stage: ExportStage) => io.stderr.write(`\rsyncplan export: ${STAGE_TEXT[stage]}…\x1b[K`) : () => undefined;
      // The browser first: without one nothing is written, not even the SVG.
      const printer = pdfTarget ? await (io.printer ?? launchChromiumPrinter)() : null;
      try {
        if (svgTarget) {
          const written = await exportTopologySvg(db, svgTarget);
          io.stdout.write(`${written.path}: topology diagram, ${Math.ceil(written.bytes / 1024)} KB\n`);
        }
        if (!pdfTarget || !printer || !options.success) return EXIT.ok;
        const result = await exportReportPdf(
          db,
          { target: pdfTarget, options: options.data, date, today: localToday(), ...(start ? { start } : {}), appVersion: APP_VERSION },
          printer,
          progress,
        );
        io.stdout.write(`${io.stderr.isTTY ? '\r\x1b[K' : ''}${result.path}: ${result.pages} pages, ${Math.ceil(result.bytes / 1024)} KB\n`);
        return EXIT.ok;
      } finally {
        await printer?.close();
      }
    });
  },
};
