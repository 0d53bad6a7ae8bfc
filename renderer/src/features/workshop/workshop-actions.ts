import type { AppError } from '../../../../shared/result';

/**
 * What the app offers when a workshop cannot be used as asked: the same choices wherever the error
 * shows (a notice, the import's outcome). The app shell carries them out, since it owns which
 * workshop is open.
 */
export type WorkshopRequest = { kind: 'open-read-only'; path: string } | { kind: 'recover'; path: string };

export interface ErrorAction {
  label: string;
  run: () => void;
}

type Listener = (request: WorkshopRequest) => void;
const listeners = new Set<Listener>();

export function onWorkshopRequest(listener: Listener): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

function request(workshopRequest: WorkshopRequest): void {
  for (const listener of listeners) listener(workshopRequest);
}

/** "Retry" and "Open read-only" for a workshop in use; "Recover…" for a damaged one. */
export function errorActions(error: AppError, retry?: () => void): ErrorAction[] {
  const actions: ErrorAction[] = [];
  const path = error.workshop;
  if (error.code === 'in-use') {
    if (retry) actions.push({ label: 'Retry', run: retry });
    if (path) actions.push({ label: 'Open read-only', run: () => request({ kind: 'open-read-only', path }) });
  }
  if (error.code === 'damaged' && path) actions.push({ label: 'Recover into a new workshop…', run: () => request({ kind: 'recover', path }) });
  return actions;
}
