import type { Paper } from '../../shared/report/page-setup.js';

/** One document to print: a self-contained HTML page (inline CSS, no scripts) and its page furniture. */
export interface PrintJob {
  html: string;
  paper: Paper;
  /** Chromium header and footer templates (their own small documents, inline styles only). */
  headerTemplate: string;
  footerTemplate: string;
  /**
   * A layout pass only (to find the pages of the sections): no header, footer, tags or outline, which
   * change no page break and take most of the printing time.
   */
  draft?: boolean;
}

/**
 * Turns a report into PDF bytes: Electron's printToPDF in the app, a headless Chromium over the
 * DevTools protocol for the CLI and the harness. Both produce tagged PDFs with a document outline.
 */
export interface PdfPrinter {
  print(job: PrintJob): Promise<Uint8Array>;
  /** Frees the browser (window or process) behind the printer. */
  close(): Promise<void>;
}

/** What both printers print besides the page box: backgrounds, running header and footer, tags, bookmarks. */
export function printFeatures(job: PrintJob) {
  return {
    printBackground: true,
    // The report's own @page rules: upright pages, and landscape ones for the topology drawing.
    preferCSSPageSize: true,
    displayHeaderFooter: !job.draft,
    headerTemplate: job.headerTemplate,
    footerTemplate: job.footerTemplate,
    generateTaggedPDF: !job.draft,
    generateDocumentOutline: !job.draft,
  };
}
