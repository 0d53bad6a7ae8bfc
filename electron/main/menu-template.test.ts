import { describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { menuTemplate } from './menu-template.js';

const items = (menu: MenuItemConstructorOptions[]) => menu.flatMap((m) => [m, ...((m.submenu as MenuItemConstructorOptions[] | undefined) ?? [])]);

describe('application menu', () => {
  it.each([false, true])('Edit → Undo and Redo send SyncPlan’s own commands (mac: %s)', (isMac) => {
    const send = vi.fn();
    const menu = menuTemplate(isMac, send, () => undefined);
    const edit = menu.find((m) => m.label === '&Edit');
    const undo = items(menu).find((m) => m.label === '&Undo');
    const redo = items(menu).find((m) => m.label === '&Redo');
    expect(edit).toBeDefined();
    expect(undo?.accelerator).toBe('CmdOrCtrl+Z');
    expect(redo?.accelerator).toBe(isMac ? 'Shift+CmdOrCtrl+Z' : 'CmdOrCtrl+Y');
    // The keys reach the page, which undoes typing in a text field and model edits elsewhere.
    expect([undo?.registerAccelerator, redo?.registerAccelerator]).toEqual([false, false]);
    undo?.click?.(undefined as never, undefined, undefined as never);
    redo?.click?.(undefined as never, undefined, undefined as never);
    expect(send.mock.calls).toEqual([['undo'], ['redo']]);
  });
});
