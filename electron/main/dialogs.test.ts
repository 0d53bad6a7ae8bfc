import { describe, expect, it } from 'vitest';
import type { BrowserWindow, Dialog } from 'electron';
import { electronDialogs } from './dialogs.js';

/** Electron's dialog module, answering as a user would: `answer` is what they pick, null a Cancel. */
function standIn(answer: string[] | null) {
  const calls: { parent: boolean; options: Record<string, unknown> }[] = [];
  const record = (args: unknown[]) => {
    const parent = args.length === 2;
    calls.push({ parent, options: args[args.length - 1] as Record<string, unknown> });
  };
  const dialog = {
    showSaveDialog: async (...args: unknown[]) => (record(args), { canceled: answer === null, filePath: answer?.[0] ?? '' }),
    showOpenDialog: async (...args: unknown[]) => (record(args), { canceled: answer === null, filePaths: answer ?? [] }),
  } as unknown as Dialog;
  return { dialog, calls };
}

const window = {} as BrowserWindow;

describe('the native dialogs', () => {
  it('are modal to the window when there is one, and name the file from a safe version of its name', async () => {
    const { dialog, calls } = standIn(['/home/ada/Contoso.syncplan']);
    const dialogs = electronDialogs(() => window, dialog, '/home/ada/Documents');
    expect(await dialogs.newWorkshopPath('Contoso: 2026/27')).toBe('/home/ada/Contoso.syncplan');
    expect(calls[0]).toMatchObject({ parent: true, options: { title: 'New workshop', defaultPath: '/home/ada/Documents/Contoso- 2026-27.syncplan' } });
    await dialogs.saveCopyPath('Contoso (recovered).syncplan', 'Recover into a new workshop');
    expect(calls[1]?.options.title).toBe('Recover into a new workshop');
    expect(await dialogs.openWorkshopPath()).toBe('/home/ada/Contoso.syncplan');
  });

  it('answer null when the user cancels, and open without a parent when no window is open', async () => {
    const { dialog, calls } = standIn(null);
    const dialogs = electronDialogs(() => null, dialog, '/home/ada/Documents');
    expect(await dialogs.exportPath('plan.csv', { name: 'CSV', extensions: ['csv'] })).toBeNull();
    expect(await dialogs.importPaths()).toBeNull();
    expect(await dialogs.templatesFolder()).toBeNull();
    expect(calls.map((c) => c.parent)).toEqual([false, false, false]);
  });

  it('hand back every file picked for an import, and the first for a workshop or a folder', async () => {
    const { dialog } = standIn(['/data/a.csv', '/data/b.csv']);
    const dialogs = electronDialogs(() => window, dialog, '/home/ada/Documents');
    expect(await dialogs.importPaths()).toEqual(['/data/a.csv', '/data/b.csv']);
    expect(await dialogs.templatesFolder()).toBe('/data/a.csv');
  });
});
