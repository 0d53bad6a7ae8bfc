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

const inputsOf = (view: PlanView): PlanInputs => ({ settings: view.plan.settings, edits: view.edits });

/**
 * The plan. Every change is saved to the workshop at once (settings and edits replaced together) as a
 * step of the workshop's undo history, which main keeps; an undo reloads the plan like any other read.
 * Changes are queued: a quick second edit waits for the first to be saved.
 */
export function usePlan() {
  const notifier = useNotifier();
  const [today] = useState(localToday);
  const read = useRead('plan.get', { today });
  const write = useWrite();
  const cache = useCache();
  const [saving, setSaving] = useState(false);
  const queue = useRef<Promise<unknown>>(Promise.resolve());

  const change = useCallback(
    (update: (current: PlanInputs) => PlanInputs | null) => {
      queue.current = queue.current.then(async () => {
        // The cache, not the render: a queued change must build on the one saved just before it.
        const view = cache.get('plan.get', { today });
        if (!view) return;
        const next = update(inputsOf(view));
        if (!next) return;
        setSaving(true);
        const result = await write('plan.save', { today, ...next });
        setSaving(false);
        if (!result.ok) return notifier.error(result.error);
        cache.set('plan.get', { today }, result.value);
      });
    },
    [notifier, write, cache, today],
  );

  return { read, view: read.data ?? null, today, saving, change };
}
