import type { EventName, EventPayload } from '../../shared/ipc/contract.js';
import type { PdfPrinter } from '../report/printer.js';

/**
 * What differs between the desktop app and the browser harness. Everything else (validation, store,
 * handlers) is the same code in both.
 */
export interface Platform {
  userDataDir: string;
  /** The sample workshop's CSV templates (resources/sample-workshop). */
  sampleWorkshopDir: string;
  dialogs: {
    /** Where to create a new workshop called `name`; null when the user cancels. */
    newWorkshopPath(name: string): Promise<string | null>;
    openWorkshopPath(): Promise<string | null>;
    /** `title`: the dialog's, when the copy is something else than "Save a copy" (a recovery). */
    saveCopyPath(suggestedName: string, title?: string): Promise<string | null>;
    /** Files and folders to import; null when the user cancels. */
    importPaths(): Promise<string[] | null>;
    /** A folder to write the CSV templates into; null when the user cancels. */
    templatesFolder(): Promise<string | null>;
    /** Where to write an exported file (e.g. the plan's tasks as CSV); null when the user cancels. */
    exportPath(suggestedName: string, filter: { name: string; extensions: string[] }): Promise<string | null>;
  };
  /** A printer for the PDF report: Electron's printToPDF in the app, a headless Chromium in the harness. */
  printer(): Promise<PdfPrinter>;
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
}
