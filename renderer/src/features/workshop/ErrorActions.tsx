import type { AppError } from '../../../../shared/result';
import { errorActions } from './workshop-actions';

/** The choices for a workshop error, as buttons beside where the error is shown. */
export function ErrorActions({ error, retry }: { error: AppError; retry?: () => void }) {
  const actions = errorActions(error, retry);
  if (actions.length === 0) return null;
  return (
    <div className="row">
      {actions.map((action) => (
        <button key={action.label} type="button" onClick={action.run}>
          {action.label}
        </button>
      ))}
    </div>
  );
}
