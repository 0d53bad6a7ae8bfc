import { buildReport } from '../../shared/report/build-report.js';
import type { ReportInput } from '../../shared/report/report-input.js';
import type { PdfPrinter } from './printer.js';
import { sectionPages } from './section-pages.js';

export type RenderStage = 'layout' | 'numbering' | 'final';

export interface RenderedPdf {
  pdf: Uint8Array;
  pages: number;
}

const MAX_PASSES = 4;

function samePages(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): boolean {
  return a.size === b.size && [...a].every(([anchor, page]) => b.get(anchor) === page);
}

/**
 * Prints the report with page numbers in its contents: a draft print finds each section's page, the
 * final print carries them. The contents keep their layout when the numbers are filled in, so the
 * final print normally confirms its own numbers; if it does not, another print uses its pages.
 */
export async function renderReportPdf(input: ReportInput, printer: PdfPrinter, onStage: (stage: RenderStage, pass: number) => void = () => undefined): Promise<RenderedPdf> {
  let pages: Map<string, number> | null = null;
  for (let pass = 1; pass <= MAX_PASSES; pass++) {
    const draft = pages === null;
    onStage(draft ? 'layout' : 'final', pass);
    const report = buildReport(input, pages);
    const pdf = await printer.print({ html: report.html, paper: input.paper, headerTemplate: report.headerTemplate, footerTemplate: report.footerTemplate, draft });
    onStage('numbering', pass);
    const found = await sectionPages(pdf, report.targets);
    if (pages && samePages(found.pages, pages)) return { pdf, pages: found.pageCount };
    pages = found.pages;
  }
  throw new Error(`the contents' page numbers did not settle after ${MAX_PASSES} prints`);
}
