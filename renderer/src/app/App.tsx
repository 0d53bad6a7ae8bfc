import { useCallback, useEffect, useState } from 'react';
import type { WorkshopInfo } from '../../../shared/ipc/contracts/workshop';
import { api } from '../api/transport';
import { DataScope } from '../api/workshop-data';
import { NotificationsProvider, useNotifier } from '../ui/notifications';
import { useTheme } from '../ui/theme';
import { StartScreen } from '../features/start/StartScreen';
import { WorkshopView } from '../features/workshop/WorkshopView';
import { requestImport } from '../features/import/import-requests';
import { hasFiles } from '../features/import/sources';
import { errorActions, onWorkshopRequest } from '../features/workshop/workshop-actions';
import { ExportPdfDialog } from '../features/report/ExportPdfDialog';

function Shell() {
  const [workshop, setWorkshop] = useState<WorkshopInfo | null>(null);
  const [loaded, setLoaded] = useState(false);
  const [exporting, setExporting] = useState(false);
  const [theme, toggleTheme] = useTheme();
  const notifier = useNotifier();

  useEffect(() => {
    void api['workshop.current']({}).then((result) => {
      if (result.ok) setWorkshop(result.value);
      else notifier.error(result.error);
      setLoaded(true);
    });
  }, [notifier]);

  const opened = useCallback(
    (info: WorkshopInfo | null) => {
      if (!info) return;
      setWorkshop(info);
      if (info.backupPath) {
        notifier.notify({ kind: 'info', message: `This workshop was upgraded to the current file format; the original was kept as ${info.backupPath}.` });
      }
      if (info.readOnly) notifier.notify({ kind: 'info', message: `${info.name}: ${info.readOnly}` });
    },
    [notifier],
  );

  useEffect(
    () =>
      onWorkshopRequest((request) => {
        if (request.kind === 'open-read-only') {
          void api['workshop.open']({ path: request.path, readOnly: true }).then((result) => (result.ok ? opened(result.value) : notifier.error(result.error)));
          return;
        }
        void api['workshop.recover']({ path: request.path }).then((result) => {
          if (!result.ok) return notifier.error(result.error);
          if (!result.value) return;
          opened(result.value.info);
          notifier.notify({ kind: 'info', sticky: true, message: result.value.report.summary });
        });
      }),
    [notifier, opened],
  );

  const close = useCallback(async () => {
    const result = await api['workshop.close']({});
    if (result.ok) setWorkshop(null);
    else notifier.error(result.error);
  }, [notifier]);

  const openDialog = useCallback(async () => {
    const result = await api['workshop.openDialog']({});
    if (result.ok) opened(result.value);
    else notifier.error(result.error);
  }, [notifier, opened]);

  const saveCopy = useCallback(async () => {
    const result = await api['workshop.saveCopy']({});
    if (!result.ok) notifier.error(result.error);
    else if (result.value) notifier.notify({ kind: 'info', message: `A copy of the workshop was saved as ${result.value.path}.` });
  }, [notifier]);

  const workshopOpen = workshop !== null;
  const exportPdf = useCallback(() => {
    if (workshopOpen) setExporting(true);
    else notifier.notify({ kind: 'info', message: 'Open a workshop first, then export its report.' });
  }, [workshopOpen, notifier]);

  const importInventory = useCallback(() => {
    // The open workshop's view runs the import; with none open there is nothing to import into.
    if (!requestImport()) notifier.notify({ kind: 'info', message: 'Create or open a workshop first, then import its inventory.' });
  }, [notifier]);

  useEffect(() => api.on('workshopOpened', opened), [opened]);

  useEffect(
    () =>
      api.on('menu', ({ command }) => {
        if (command === 'toggle-theme') toggleTheme();
        if (command === 'open-workshop') void openDialog();
        if (command === 'close-workshop') void close();
        if (command === 'new-workshop') setWorkshop(null);
        if (command === 'save-copy') void saveCopy();
        if (command === 'import') importInventory();
        if (command === 'export-pdf') exportPdf();
      }),
    [toggleTheme, openDialog, close, saveCopy, importInventory, exportPdf],
  );

  // A file dropped where nothing takes it must not replace the app (the browser's default). While a
  // workshop is open its view takes the drop into the Import tab.
  useEffect(() => {
    const refuse = (event: DragEvent) => {
      if (!hasFiles(event.dataTransfer)) return;
      event.preventDefault();
      if (workshopOpen) return;
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'none';
      if (event.type === 'drop') notifier.notify({ kind: 'info', message: 'Create or open a workshop first, then drop its inventory files on it.' });
    };
    window.addEventListener('dragover', refuse);
    window.addEventListener('drop', refuse);
    return () => {
      window.removeEventListener('dragover', refuse);
      window.removeEventListener('drop', refuse);
    };
  }, [workshopOpen, notifier]);

  if (!loaded) return null;
  const scope = workshop ? `${workshop.path}${workshop.readOnly ? ' (read-only)' : ''}` : 'start';
  return (
    <div className="app">
      <header className="topbar">
        <span className="brand">SyncPlan</span>
        {workshop && <span className="workshop-name" title={workshop.path}>{workshop.name}</span>}
        {workshop?.readOnly && (
          <span className="badge read-only-badge" title={workshop.readOnly}>
            Read-only
          </span>
        )}
        <span className="spacer" />
        <button type="button" className="ghost" onClick={toggleTheme} aria-label={`Switch to ${theme === 'dark' ? 'light' : 'dark'} theme`}>
          {theme === 'dark' ? '☀ Light' : '☾ Dark'}
        </button>
        {workshop && (
          <button type="button" className="ghost" onClick={() => setExporting(true)} title="The migration plan report for the customer, as PDF">
            Export PDF…
          </button>
        )}
        {workshop && (
          <button type="button" className="ghost" onClick={() => void saveCopy()} title="One self-contained file to share (Ctrl+Shift+S)">
            Save a copy…
          </button>
        )}
        {workshop && (
          <button type="button" className="ghost" onClick={() => void close()}>
            Close workshop
          </button>
        )}
      </header>
      {/* One data cache per open workshop (and one for the start screen): a new scope starts empty. */}
      <DataScope key={scope}>
        <main className="content">
          {workshop ? <WorkshopView key={scope} workshop={workshop} /> : <StartScreen onOpened={opened} onOpenDialog={openDialog} />}
        </main>
        {workshop && exporting && <ExportPdfDialog onClose={() => setExporting(false)} />}
      </DataScope>
    </div>
  );
}

export function App() {
  return (
    <NotificationsProvider actionsFor={errorActions}>
      <Shell />
    </NotificationsProvider>
  );
}
