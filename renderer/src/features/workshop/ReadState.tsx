import { formatError } from '../../../../shared/result';
import type { Read } from '../../api/workshop-data';
import { ErrorActions } from './ErrorActions';

/** What a view shows until its data is there: a line while loading, or the error with Retry. */
export function ReadState({ read, loading }: { read: Read<unknown>; loading: string }) {
  if (read.error) {
    return (
      <div className="panel read-error" role="alert">
        <p>{formatError(read.error)}</p>
        <div className="row">
          <button type="button" onClick={read.reload}>
            Retry
          </button>
          <ErrorActions error={read.error} />
        </div>
      </div>
    );
  }
  return (
    <p className="muted" role="status">
      {loading}
    </p>
  );
}
