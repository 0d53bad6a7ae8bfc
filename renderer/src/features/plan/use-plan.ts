import { useCallback, useRef, useState } from 'react';
import type { PlanView } from '../../../../shared/ipc/contracts/plan';
import { localToday } from '../../../../shared/plan/calendar';
import type { PlanEdits, PlanSettings } from '../../../../shared/plan/plan-schema';
import { useCache, useRead, useWrite } from '../../api/workshop-data';
import { useNotifier } from '../../ui/notifications';

export interface PlanInputs {
  settings: PlanSettings;
  edits: PlanEdits;
}

interface PlanState {
  undo: PlanInputs[];
  redo: PlanInputs[];
  saving: boolean;
}

const INITIAL: PlanState = { undo: [], redo: [], saving: false };

const inputsOf = (view: PlanView): PlanInputs => ({ settings: view.plan.settings, edits: view.edits });

/**
 * The plan and its undo history. Every change is saved to the workshop at once (settings and edits
 * replaced together), and undo and redo save the state they return to, so the file always holds what
 * the screen shows. Changes are queued: a quick second edit waits for the first to be saved.
 */
export function usePlan() {
  const notifier = useNotifier();
  const [today] = useState(localToday);
  const read = useRead('plan.get', { today });
  const write = useWrite();
  const cache = useCache();
  const [state, setState] = useState<PlanState>(INITIAL);
  const store = useRef<PlanState>(INITIAL);
  const queue = useRef<Promise<unknown>>(Promise.resolve());

  const publish = useCallback((next: Partial<PlanState>) => {
    store.current = { ...store.current, ...next };
    setState(store.current);
  }, []);

  const run = useCallback(
    (step: 'change' | 'undo' | 'redo', update?: (current: PlanInputs) => PlanInputs | null) => {
      queue.current = queue.current.then(async () => {
        const { undo, redo } = store.current;
        // The cache, not the render: a queued change must build on the one saved just before it.
        const view = cache.get('plan.get', { today });
        if (!view) return;
        const current = inputsOf(view);
        const next = step === 'change' ? update?.(current) : (step === 'undo' ? undo : redo).at(-1);
        if (!next) return;
        publish({ saving: true });
        const result = await write('plan.save', { today, ...next });
        if (!result.ok) {
          publish({ saving: false });
          notifier.error(result.error);
          return;
        }
        const history =
          step === 'change'
            ? { undo: [...undo, current], redo: [] }
            : step === 'undo'
              ? { undo: undo.slice(0, -1), redo: [...redo, current] }
              : { undo: [...undo, current], redo: redo.slice(0, -1) };
        cache.set('plan.get', { today }, result.value);
        publish({ saving: false, ...history });
      });
    },
    [notifier, publish, write, cache, today],
  );

  return {
    read,
    view: read.data ?? null,
    saving: state.saving,
    canUndo: state.undo.length > 0,
    canRedo: state.redo.length > 0,
    change: useCallback((update: (current: PlanInputs) => PlanInputs | null) => run('change', update), [run]),
    undo: useCallback(() => run('undo'), [run]),
    redo: useCallback(() => run('redo'), [run]),
  };
}
