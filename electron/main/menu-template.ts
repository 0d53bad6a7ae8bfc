import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../../shared/ipc/contracts/events.js';

type Send = (command: MenuCommand['command']) => void;

/** The application menu: standard roles (and so standard accelerators) plus SyncPlan's own commands. */
export function menuTemplate(isMac: boolean, send: Send, openHelp: () => void): MenuItemConstructorOptions[] {
  const item = (label: string, accelerator: string, command: MenuCommand['command']): MenuItemConstructorOptions => ({
    label,
    accelerator,
    click: () => send(command),
  });
  return [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: '&File',
      submenu: [
        item('&New Workshop…', 'CmdOrCtrl+N', 'new-workshop'),
        item('&Open Workshop…', 'CmdOrCtrl+O', 'open-workshop'),
        item('&Import Inventory…', 'CmdOrCtrl+I', 'import'),
        { type: 'separator' },
        item('Save a &Copy…', 'CmdOrCtrl+Shift+S', 'save-copy'),
        item('&Export Report as PDF…', 'CmdOrCtrl+P', 'export-pdf'),
        item('&Close Workshop', 'CmdOrCtrl+W', 'close-workshop'),
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    {
      // Undo and Redo are SyncPlan's own: every model edit of the session, in any view.
      label: '&Edit',
      submenu: [
        // The page handles the keys itself (it knows whether a text field has focus): shown here, not registered.
        { ...item('&Undo', 'CmdOrCtrl+Z', 'undo'), registerAccelerator: false },
        { ...item('&Redo', isMac ? 'Shift+CmdOrCtrl+Z' : 'CmdOrCtrl+Y', 'redo'), registerAccelerator: false },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
      ],
    },
    {
      label: '&View',
      submenu: [
        item('Toggle &Dark Theme', 'CmdOrCtrl+Shift+D', 'toggle-theme'),
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
    { role: 'help', submenu: [{ label: 'SyncPlan on Microsoft Learn: Cloud Sync', click: openHelp }] },
  ];
}
