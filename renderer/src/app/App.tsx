import { useCallback, useEffect, useState } from 'react';
import type { WorkshopInfo } from '../../../shared/ipc/contracts/workshop';
import { api } from '../api/transport';
import { NotificationsProvider, useNotifier } from '../ui/notifications';
import { useTheme } from '../ui/theme';
import { StartScreen } from '../features/start/StartScreen';
import { WorkshopView } from '../features/workshop/WorkshopView';

function Shell() {
  const [workshop, setWorkshop] = useState<WorkshopInfo | null>(null);
  const [loaded, setLoaded] = useState(false);
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
    },
    [notifier],
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

  useEffect(
    () =>
      api.on('menu', ({ command }) => {
        if (command === 'toggle-theme') toggleTheme();
        if (command === 'open-workshop') void openDialog();
        if (command === 'close-workshop') void close();
        if (command === 'new-workshop') setWorkshop(null);
      }),
    [toggleTheme, openDialog, close],
  );

  if (!loaded) return null;
  return (
    <div className="app">
      <header className="topbar">
        <span className="brand">SyncPlan</span>
        {workshop && <span className="workshop-name" title={workshop.path}>{workshop.name}</span>}
        <span className="spacer" />
        <button type="button" className="ghost" onClick={toggleTheme} aria-label={`Switch to ${theme === 'dark' ? 'light' : 'dark'} theme`}>
          {theme === 'dark' ? '☀ Light' : '☾ Dark'}
        </button>
        {workshop && (
          <button type="button" className="ghost" onClick={() => void close()}>
            Close workshop
          </button>
        )}
      </header>
      <main className="content">
        {workshop ? <WorkshopView workshop={workshop} /> : <StartScreen onOpened={opened} onOpenDialog={openDialog} />}
      </main>
    </div>
  );
}

export function App() {
  return (
    <NotificationsProvider>
      <Shell />
    </NotificationsProvider>
  );
}
