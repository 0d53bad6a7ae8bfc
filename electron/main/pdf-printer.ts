import type { BrowserWindowConstructorOptions, PrintToPDFOptions } from 'electron';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PAGE_MARGINS, PAPER_SIZES } from '../../shared/report/page-setup.js';
import { printFeatures, type PdfPrinter, type PrintJob } from '../report/printer.js';

/** The parts of a BrowserWindow the printer uses, so tests can hand it a stand-in. */
export interface PrintWindow {
  loadFile(path: string): Promise<void>;
  webContents: { printToPDF(options: PrintToPDFOptions): Promise<Uint8Array> };
  destroy(): void;
}

/**
 * A hidden window that never runs script or reaches the network: its own in-memory session (the app's
 * CSP would refuse the report's inline styles), sandboxed, no Node.
 */
export const PRINT_WINDOW_OPTIONS: BrowserWindowConstructorOptions = {
  show: false,
  webPreferences: {
    partition: 'syncplan-print',
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
    javascript: false,
    webSecurity: true,
    spellcheck: false,
  },
};

export function electronPrintOptions(job: PrintJob): PrintToPDFOptions {
  const paper = PAPER_SIZES[job.paper];
  return {
    pageSize: { width: paper.width, height: paper.height },
    margins: { top: PAGE_MARGINS.top, bottom: PAGE_MARGINS.bottom, left: PAGE_MARGINS.left, right: PAGE_MARGINS.right },
    ...printFeatures(job),
  };
}

/** Electron's printToPDF: one hidden window per print, the report loaded from a private temp file. */
export function electronPrinter(createWindow: (options: BrowserWindowConstructorOptions) => PrintWindow): PdfPrinter {
  const dir = mkdtempSync(join(tmpdir(), 'syncplan-print-'));
  let jobs = 0;
  return {
    async print(job) {
      const file = join(dir, `report-${++jobs}.html`);
      writeFileSync(file, job.html);
      const window = createWindow(PRINT_WINDOW_OPTIONS);
      try {
        await window.loadFile(file);
        return new Uint8Array(await window.webContents.printToPDF(electronPrintOptions(job)));
      } finally {
        window.destroy();
        rmSync(file, { force: true });
      }
    },
    async close() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
