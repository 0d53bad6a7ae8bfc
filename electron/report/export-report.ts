import { decide } from '../../shared/engine/decide.js';
import type { IsoDate } from '../../shared/plan/plan-schema.js';
import type { ReportInput, ReportOptions } from '../../shared/report/report-input.js';
import { getAssumptions } from '../store/assumptions-repo.js';
import { getMeta, readInventory } from '../store/inventory-repo.js';
import type { Db } from '../store/workshop-db.js';
import { workshopPlan } from '../plan/workshop-plan.js';
import type { PdfPrinter } from './printer.js';
import { renderReportPdf, type RenderStage } from './render-pdf.js';
import { checkWritableTarget, writeFileAtomic } from '../files/write-file-atomic.js';
import { trusted } from '../../shared/report/html.js';
import { workshopTopologySvg } from '../topology/workshop-topology.js';

export type ExportStage = 'preparing' | RenderStage | 'saving';

export interface ExportRequest {
  target: string;
  options: ReportOptions;
  /** The report's date (the cover and running header). */
  date: IsoDate;
  /** The user's local date: the plan's start when the workshop sets none. */
  today: IsoDate;
  /** Overrides the workshop's plan start, as `syncplan plan --start` does. */
  start?: IsoDate;
  appVersion: string;
}

/** Everything the report shows, read from the workshop: the same inventory, decisions and plan as the app's views. */
export function workshopReportInput(db: Db, request: Omit<ExportRequest, 'target'>): ReportInput {
  const inventory = readInventory(db);
  const { plan } = workshopPlan(db, { today: request.today, ...(request.start ? { start: request.start } : {}) });
  return {
    workshopName: getMeta(db, 'name') ?? request.options.customer,
    details: { customer: request.options.customer, author: request.options.author, date: request.date },
    paper: request.options.paper,
    inventory,
    decisions: decide(inventory, getAssumptions(db)),
    plan,
    appVersion: request.appVersion,
  };
}

/** The workshop's report as a PDF at `target`, written only once it is complete. */
export async function exportReportPdf(
  db: Db,
  request: ExportRequest,
  printer: PdfPrinter,
  onStage: (stage: ExportStage) => void = () => undefined,
): Promise<{ path: string; pages: number; bytes: number }> {
  checkWritableTarget(request.target);
  onStage('preparing');
  const input = { ...workshopReportInput(db, request), topologySvg: trusted(await workshopTopologySvg(db)) };
  const { pdf, pages } = await renderReportPdf(input, printer, (stage) => onStage(stage));
  onStage('saving');
  writeFileAtomic(request.target, pdf);
  return { path: request.target, pages, bytes: pdf.byteLength };
}
