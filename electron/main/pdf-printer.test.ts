import { describe, expect, it, vi } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { electronPrinter, PRINT_WINDOW_OPTIONS, type PrintWindow } from './pdf-printer.js';

function standIn(fail = false) {
  const loaded: string[] = [];
  const window: PrintWindow & { destroyed: boolean } = {
    destroyed: false,
    loadFile: vi.fn(async (path: string) => {
      loaded.push(readFileSync(path, 'utf8'));
    }),
    webContents: {
      printToPDF: vi.fn(async () => {
        if (fail) throw new Error('printing failed');
        return new Uint8Array([37, 80, 68, 70]);
      }),
    },
    destroy() {
      this.destroyed = true;
    },
  };
  const create = vi.fn(() => window);
  return { window, create, loaded };
}

const JOB = { html: '<p>report</p>', paper: 'letter' as const, headerTemplate: '<div>head</div>', footerTemplate: '<div>foot</div>' };

describe("Electron's printToPDF printer", () => {
  it('prints the page in a hidden window that runs no script, with tags, outline, header and footer', async () => {
    const { window, create, loaded } = standIn();
    const printer = electronPrinter(create);
    expect(await printer.print(JOB)).toEqual(new Uint8Array([37, 80, 68, 70]));
    expect(create).toHaveBeenCalledWith(PRINT_WINDOW_OPTIONS);
    expect(PRINT_WINDOW_OPTIONS.show).toBe(false);
    expect(PRINT_WINDOW_OPTIONS.webPreferences).toMatchObject({ javascript: false, sandbox: true, nodeIntegration: false, contextIsolation: true, partition: 'syncplan-print' });
    expect(loaded).toEqual(['<p>report</p>']);
    expect(window.webContents.printToPDF).toHaveBeenCalledWith(
      expect.objectContaining({
        pageSize: { width: 8.5, height: 11 },
        displayHeaderFooter: true,
        headerTemplate: '<div>head</div>',
        footerTemplate: '<div>foot</div>',
        generateTaggedPDF: true,
        generateDocumentOutline: true,
        printBackground: true,
      }),
    );
    expect(window.destroyed).toBe(true);
    await printer.close();
  });

  it('closes the window and removes the page even when printing fails', async () => {
    const { window, create } = standIn(true);
    const printer = electronPrinter(create);
    await expect(printer.print(JOB)).rejects.toThrow('printing failed');
    expect(window.destroyed).toBe(true);
    const file = vi.mocked(window.loadFile).mock.calls[0]?.[0] ?? '';
    expect(existsSync(file)).toBe(false);
    await printer.close();
  });
});
