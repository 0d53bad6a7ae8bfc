import type { EventPayload } from '../../../../shared/ipc/contract';
import { formatBytes, shortPath } from './paths';

type Progress = EventPayload<'importProgress'>;

interface Props {
  progress: Progress | null;
  bases: readonly string[];
  /** Shown until the first progress report arrives. */
  fileCount: number;
  cancelling: boolean;
}

/** Rows, bytes and percent of a running import, as a bar and a line of text screen readers can read. */
export function ProgressBar({ progress, bases, fileCount, cancelling }: Props) {
  const percent = progress ? Math.min(100, Math.floor(progress.percent)) : 0;
  let detail: string;
  if (!progress) detail = `Starting the import of ${fileCount === 1 ? '1 file' : `${fileCount} files`}…`;
  else {
    const where = progress.fileCount > 1 ? ` (file ${progress.fileIndex + 1} of ${progress.fileCount})` : '';
    detail = `${shortPath(progress.file, bases)}${where}`;
  }

  return (
    <div className="import-progress">
      <div
        className="progress"
        role="progressbar"
        aria-label="Import progress"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={`${percent}%`}
      >
        <div style={{ width: `${percent}%` }} />
      </div>
      <p className="import-progress-figures">
        {progress && (
          <>
            <span className="import-progress-rows">
              <strong>{progress.rows.toLocaleString('en-US')}</strong> rows
            </span>
            <span className="import-progress-bytes">
              {formatBytes(progress.bytes)} of {formatBytes(progress.totalBytes)}
            </span>
          </>
        )}
        <span className="import-progress-percent">{percent}%</span>
      </p>
      <p className="muted import-progress-detail">{cancelling ? 'Cancelling… nothing will be written.' : detail}</p>
    </div>
  );
}
