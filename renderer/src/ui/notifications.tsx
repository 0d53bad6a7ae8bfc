import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';
import { formatError, type AppError } from '../../../shared/result';
import { autoDismissAfter } from './notice-lifetime';

export interface Notice {
  id: number;
  kind: 'error' | 'info';
  message: string;
  action?: { label: string; run: () => void };
}

interface Notifier {
  notify(notice: Omit<Notice, 'id'>): void;
  error(error: AppError): void;
}

const NotifierContext = createContext<Notifier | null>(null);

export function useNotifier(): Notifier {
  const notifier = useContext(NotifierContext);
  if (!notifier) throw new Error('useNotifier outside NotificationsProvider');
  return notifier;
}

/** Notices stack at the bottom; autoDismissAfter decides which of them fade by themselves. */
export function NotificationsProvider({ children }: { children: ReactNode }) {
  const [notices, setNotices] = useState<Notice[]>([]);
  const nextId = useRef(1);
  const dismiss = useCallback((id: number) => setNotices((list) => list.filter((n) => n.id !== id)), []);
  const notifier = useMemo<Notifier>(() => {
    const notify = (notice: Omit<Notice, 'id'>) => {
      const id = nextId.current++;
      setNotices((list) => [...list.slice(-4), { ...notice, id }]);
      const lifetime = autoDismissAfter(notice);
      if (lifetime !== null) setTimeout(() => dismiss(id), lifetime);
    };
    return { notify, error: (error) => notify({ kind: 'error', message: formatError(error) }) };
  }, [dismiss]);

  return (
    <NotifierContext.Provider value={notifier}>
      {children}
      <div className="notices" role="region" aria-label="Notifications">
        {notices.map((n) => (
          <div key={n.id} className={`notice notice-${n.kind}`} role={n.kind === 'error' ? 'alert' : 'status'}>
            <span className="notice-message">{n.message}</span>
            {n.action && (
              <button
                type="button"
                onClick={() => {
                  n.action?.run();
                  dismiss(n.id);
                }}
              >
                {n.action.label}
              </button>
            )}
            <button type="button" className="ghost" aria-label="Dismiss" onClick={() => dismiss(n.id)}>
              ×
            </button>
          </div>
        ))}
      </div>
    </NotifierContext.Provider>
  );
}
