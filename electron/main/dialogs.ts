import type { BrowserWindow, Dialog, OpenDialogOptions, SaveDialogOptions } from 'electron';
import { join } from 'node:path';
import type { Platform } from '../ipc/platform.js';
import { safeFileName } from '../ipc/safe-file-name.js';

const WORKSHOP_FILTER = [{ name: 'SyncPlan workshop', extensions: ['syncplan'] }];

/** Native dialogs; every one is modal to the SyncPlan window. */
export function electronDialogs(window: () => BrowserWindow | null, dialog: Dialog, documents: string): Platform['dialogs'] {
  /** Where to save, or null when the user cancels. */
  const savePath = async (options: SaveDialogOptions) => {
    const w = window();
    const result = await (w ? dialog.showSaveDialog(w, options) : dialog.showSaveDialog(options));
    return result.canceled || !result.filePath ? null : result.filePath;
  };
  /** What the user picked, or null when they cancel. */
  const openPaths = async (options: OpenDialogOptions) => {
    const w = window();
    const result = await (w ? dialog.showOpenDialog(w, options) : dialog.showOpenDialog(options));
    return result.canceled ? null : result.filePaths;
  };
  return {
    newWorkshopPath: (name) => savePath({ title: 'New workshop', defaultPath: join(documents, `${safeFileName(name, 'Workshop')}.syncplan`), filters: WORKSHOP_FILTER }),
    openWorkshopPath: async () => (await openPaths({ title: 'Open workshop', defaultPath: documents, filters: WORKSHOP_FILTER, properties: ['openFile'] }))?.[0] ?? null,
    saveCopyPath: (suggestedName, title = 'Save a copy') => savePath({ title, defaultPath: join(documents, suggestedName), filters: WORKSHOP_FILTER }),
    importPaths: () =>
      openPaths({
        title: 'Import inventory',
        filters: [{ name: 'Inventory CSV', extensions: ['csv', 'txt'] }],
        properties: ['openFile', 'multiSelections'],
      }),
    exportPath: (suggestedName, filter) => savePath({ title: 'Export', defaultPath: join(documents, safeFileName(suggestedName, 'Export')), filters: [filter] }),
    templatesFolder: async () =>
      (await openPaths({ title: 'Folder for the CSV templates', defaultPath: documents, properties: ['openDirectory', 'createDirectory'] }))?.[0] ?? null,
  };
}
