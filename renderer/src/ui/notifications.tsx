import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';
import { formatError, type AppError } from '../../../shared/result';
import { autoDismissAfter } from './notice-lifetime';

export interface NoticeAction {
  label: string;
  run: () => void;
}

export interface Notice {
  id: number;
  kind: 'error' | 'info';
  message: string;
  action?: NoticeAction;
  /** More choices beside `action` (an error's "Retry", "Open read-only"). */
  actions?: NoticeAction[];
  /** An info notice that stays until dismissed, for a report the user must be able to read. */
  sticky?: boolean;
}

interface Notifier {
  notify(notice: Omit<Notice, 'id'>): void;
  /** `retry` repeats what failed, offered when trying again may help (a workshop busy elsewhere). */
  error(error: AppError, retry?: () => void): void;
}

/** The choices an error comes with; given by the app, which knows what can be done about one. */
export type ErrorActionsFor = (error: AppError, retry?: () => void) => NoticeAction[];

const NotifierContext = createContext<Notifier | null>(null);

export function useNotifier(): Notifier {
  const notifier = useContext(NotifierContext);
  if (!notifier) throw new Error('useNotifier outside NotificationsProvider');
  return notifier;
}

/** Notices stack at the bottom; autoDismissAfter decides which of them fade by themselves. */
export function NotificationsProvider({ children, actionsFor }: { children: ReactNode; actionsFor?: ErrorActionsFor }) {
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
    return {
      notify,
      error: (error, retry) => notify({ kind: 'error', message: formatError(error), actions: actionsFor?.(error, retry) ?? [] }),
    };
  }, [dismiss, actionsFor]);

  return (
    <NotifierContext.Provider value={notifier}>
      {children}
      <div className="notices" role="region" aria-label="Notifications">
        {notices.map((n) => (
          <div key={n.id} className={`notice notice-${n.kind}`} role={n.kind === 'error' ? 'alert' : 'status'}>
            <span className="notice-message">{n.message}</span>
            {[...(n.action ? [n.action] : []), ...(n.actions ?? [])].map((action) => (
              <button
                key={action.label}
                type="button"
                onClick={() => {
                  action.run();
                  dismiss(n.id);
                }}
              >
                {action.label}
              </button>
            ))}
            <button type="button" className="ghost" aria-label="Dismiss" onClick={() => dismiss(n.id)}>
              ×
            </button>
          </div>
        ))}
      </div>
    </NotifierContext.Provider>
  );
}
