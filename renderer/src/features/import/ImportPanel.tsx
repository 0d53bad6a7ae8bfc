import { useCallback, useState } from 'react';
import { api } from '../../api/transport';
import { useNotifier } from '../../ui/notifications';
import { DropZone } from './DropZone';
import { PreviewTable } from './PreviewTable';
import { ProgressBar } from './ProgressBar';
import { SummaryView, type NavigateTarget } from './SummaryView';
import { describeError, files } from './labels';
import { baseName, parentPath } from './paths';
import type { ImportFlow } from './use-import-flow';
import { ErrorActions } from '../workshop/ErrorActions';

interface Props {
  flow: ImportFlow;
  /** Files are being dragged over the window. */
  dragging: boolean;
  onNavigate(tab: NavigateTarget): void;
}

const NOTHING_WRITTEN = 'Nothing was written: the workshop is as it was.';

function TemplatesButton() {
  const notifier = useNotifier();
  const [busy, setBusy] = useState(false);
  const write = async () => {
    setBusy(true);
    const result = await api['templates.write']({});
    setBusy(false);
    if (!result.ok) return notifier.error(result.error);
    const paths = result.value;
    if (!paths || paths.length === 0) return;
    notifier.notify({
      kind: 'info',
      message: `${paths.length} templates written to ${parentPath(paths[0] as string)}: ${paths.map(baseName).join(', ')}.`,
    });
  };
  return (
    <button type="button" onClick={() => void write()} disabled={busy}>
      Download templates
    </button>
  );
}

/**
 * The Import tab: choose or drop files → preview of each file's kind and column mapping → import
 * with progress and cancel → summary. A failed or cancelled import writes nothing, and says so.
 */
export function ImportPanel({ flow, dragging, onNavigate }: Props) {
  const { stage, bases } = flow;
  const focusOnMount = useCallback((el: HTMLElement | null) => el?.focus(), []);
  const chooser = <DropZone onPicked={flow.fromPicked} onChooseNative={flow.chooseNative} dragging={dragging} />;

  let body;
  switch (stage.step) {
    case 'idle':
      body = chooser;
      break;
    case 'gathering':
    case 'previewing':
      body = (
        <section className="panel import-busy" aria-busy="true">
          <p role="status">{stage.step === 'gathering' ? stage.message : `Reading ${files(stage.paths.length)} for the preview…`}</p>
          <div className="row">
            <button type="button" onClick={flow.cancel}>
              Cancel
            </button>
          </div>
        </section>
      );
      break;
    case 'preview': {
      const blocked = stage.preview.files.filter((f) => f.error);
      const count = stage.preview.files.length;
      body = (
        <section className="panel import-preview-panel" aria-labelledby="import-preview-title">
          <h3 id="import-preview-title" tabIndex={-1} ref={focusOnMount}>
            Preview: {files(count)}
          </h3>
          <p className="muted">Check what SyncPlan recognised in each file before anything is written.</p>
          <PreviewTable preview={stage.preview} bases={bases} />
          {blocked.length > 0 && (
            <p className="import-error" role="alert">
              {blocked.length === 1 ? 'One file cannot be imported' : `${blocked.length} files cannot be imported`}; fix{' '}
              {blocked.length === 1 ? 'it' : 'them'} and choose the files again. {NOTHING_WRITTEN}
            </p>
          )}
          <div className="row">
            <button type="button" className="primary" onClick={flow.run} disabled={blocked.length > 0 || count === 0}>
              Import {files(count)}
            </button>
            <button type="button" onClick={flow.cancel}>
              Cancel
            </button>
          </div>
        </section>
      );
      break;
    }
    case 'running':
      body = (
        <section className="panel import-running" aria-labelledby="import-running-title">
          <h3 id="import-running-title">Importing {files(stage.preview.files.length)}…</h3>
          <ProgressBar progress={stage.progress} bases={bases} fileCount={stage.preview.files.length} cancelling={stage.cancelling} />
          <div className="row">
            <button type="button" className="danger" onClick={flow.cancel} disabled={stage.cancelling}>
              {stage.cancelling ? 'Cancelling…' : 'Cancel import'}
            </button>
          </div>
        </section>
      );
      break;
    case 'done':
      body = <SummaryView summary={stage.summary} bases={bases} cancelTooLate={stage.cancelTooLate} onNavigate={onNavigate} onImportMore={flow.reset} />;
      break;
    case 'cancelled':
      body = (
        <>
          <p className="panel import-outcome" role="status" tabIndex={-1} ref={focusOnMount}>
            Import cancelled; nothing was written.
          </p>
          {chooser}
        </>
      );
      break;
    case 'failed':
      body = (
        <>
          <div className="panel import-outcome import-failed" role="alert">
            <h3 tabIndex={-1} ref={focusOnMount}>
              {stage.during === 'run' ? 'The import failed' : stage.during === 'preview' ? 'These files cannot be imported' : 'The files could not be read'}
            </h3>
            <p className="import-error">{describeError(stage.error, bases)}</p>
            <p>{NOTHING_WRITTEN}</p>
            <ErrorActions error={stage.error} {...(stage.again ? { retry: flow.retry } : {})} />
          </div>
          {chooser}
        </>
      );
      break;
  }

  return (
    <div className="import">
      <div className="toolbar">
        <h2>Import</h2>
        <span className="spacer" />
        <TemplatesButton />
      </div>
      {body}
    </div>
  );
}
