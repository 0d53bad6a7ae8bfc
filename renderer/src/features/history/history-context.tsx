import { createContext, useCallback, useContext, useEffect, useEffectEvent, useMemo, useRef, type ReactNode } from 'react';
import type { HistoryState } from '../../../../shared/edit/edit-schema';
import { api } from '../../api/transport';
import { useRead, useWrite } from '../../api/workshop-data';
import { useNotifier } from '../../ui/notifications';
import { editsText, historyKey } from './edits-text';

interface History {
  state: HistoryState;
  undo(): void;
  redo(): void;
}

const EMPTY: HistoryState = { undo: null, redo: null };
const HistoryContext = createContext<History | null>(null);

export function useHistory(): History {
  const history = useContext(HistoryContext);
  if (!history) throw new Error('useHistory outside HistoryProvider');
  return history;
}

/**
 * The open workshop's undo and redo, kept by main (so they survive a view switch and a reload): the
 * buttons, Ctrl+Z, Ctrl+Shift+Z and Ctrl+Y anywhere outside a text field, and Edit → Undo / Redo. Steps
 * run one after another, each reloading what it changed.
 */
export function HistoryProvider({ children }: { children: ReactNode }) {
  const notifier = useNotifier();
  const read = useRead('edit.history', {});
  const write = useWrite();
  const queue = useRef<Promise<unknown>>(Promise.resolve());

  const step = useCallback(
    (which: 'undo' | 'redo') => {
      queue.current = queue.current.then(async () => {
        const result = await write(which === 'undo' ? 'edit.undo' : 'edit.redo', {});
        if (!result.ok) return notifier.error(result.error);
        const { label } = result.value;
        if (label) notifier.notify({ kind: 'info', message: `${which === 'undo' ? 'Undone' : 'Redone'}: ${label}` });
      });
    },
    [write, notifier],
  );

  const onKey = useEffectEvent((event: KeyboardEvent) => {
    const which = historyKey(event);
    if (!which || editsText(event.target)) return;
    event.preventDefault();
    step(which);
  });
  useEffect(() => {
    const listener = (event: KeyboardEvent) => onKey(event);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);

  // The menu's Undo in a text field undoes the typing, as the keys do.
  const onMenu = useEffectEvent((which: 'undo' | 'redo') => {
    if (editsText(document.activeElement)) document.execCommand(which);
    else step(which);
  });
  useEffect(
    () =>
      api.on('menu', ({ command }) => {
        if (command === 'undo' || command === 'redo') onMenu(command);
      }),
    [],
  );

  const state = read.data ?? EMPTY;
  const value = useMemo<History>(() => ({ state, undo: () => step('undo'), redo: () => step('redo') }), [state, step]);
  return <HistoryContext.Provider value={value}>{children}</HistoryContext.Provider>;
}

/** Undo and Redo, named after what they would do. */
export function HistoryButtons() {
  const { state, undo, redo } = useHistory();
  return (
    <span className="history-buttons">
      <button type="button" className="small" onClick={undo} disabled={!state.undo} aria-keyshortcuts="Control+Z" title={state.undo ? `Undo: ${state.undo} (Ctrl+Z)` : 'Nothing to undo'}>
        Undo
      </button>
      <button
        type="button"
        className="small"
        onClick={redo}
        disabled={!state.redo}
        aria-keyshortcuts="Control+Shift+Z Control+Y"
        title={state.redo ? `Redo: ${state.redo} (Ctrl+Shift+Z)` : 'Nothing to redo'}
      >
        Redo
      </button>
    </span>
  );
}
