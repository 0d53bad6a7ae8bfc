import type { BrowserWindow, Dialog } from 'electron';
import { join } from 'node:path';
import type { Platform } from '../ipc/platform.js';
import { safeFileName } from '../ipc/safe-file-name.js';

const WORKSHOP_FILTER = [{ name: 'SyncPlan workshop', extensions: ['syncplan'] }];

/** Native dialogs; every one is modal to the SyncPlan window. */
export function electronDialogs(window: () => BrowserWindow | null, dialog: Dialog, documents: string): Platform['dialogs'] {
  const parent = () => window() ?? undefined;
  const withParent = async <T>(show: (w: BrowserWindow) => Promise<T>, fallback: () => Promise<T>) => {
    const w = parent();
    return w ? show(w) : fallback();
  };
  return {
    async newWorkshopPath(name) {
      const options = { title: 'New workshop', defaultPath: join(documents, `${safeFileName(name, 'Workshop')}.syncplan`), filters: WORKSHOP_FILTER };
      const result = await withParent((w) => dialog.showSaveDialog(w, options), () => dialog.showSaveDialog(options));
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    async openWorkshopPath() {
      const options = { title: 'Open workshop', defaultPath: documents, filters: WORKSHOP_FILTER, properties: ['openFile' as const] };
      const result = await withParent((w) => dialog.showOpenDialog(w, options), () => dialog.showOpenDialog(options));
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    async saveCopyPath(suggestedName, title = 'Save a copy') {
      const options = { title, defaultPath: join(documents, suggestedName), filters: WORKSHOP_FILTER };
      const result = await withParent((w) => dialog.showSaveDialog(w, options), () => dialog.showSaveDialog(options));
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    async importPaths() {
      const options = {
        title: 'Import inventory',
        filters: [{ name: 'Inventory CSV', extensions: ['csv', 'txt'] }],
        properties: ['openFile' as const, 'multiSelections' as const],
      };
      const result = await withParent((w) => dialog.showOpenDialog(w, options), () => dialog.showOpenDialog(options));
      return result.canceled ? null : result.filePaths;
    },
    async exportPath(suggestedName, filter) {
      const options = { title: 'Export', defaultPath: join(documents, safeFileName(suggestedName, 'Export')), filters: [filter] };
      const result = await withParent((w) => dialog.showSaveDialog(w, options), () => dialog.showSaveDialog(options));
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    async templatesFolder() {
      const options = { title: 'Folder for the CSV templates', defaultPath: documents, properties: ['openDirectory' as const, 'createDirectory' as const] };
      const result = await withParent((w) => dialog.showOpenDialog(w, options), () => dialog.showOpenDialog(options));
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
  };
}
