import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { ReportProgress } from '../../../../shared/ipc/contracts/report';
import type { ReportOptions } from '../../../../shared/report/report-input';
import { api } from '../../api/transport';
import { useRead, useWrite } from '../../api/workshop-data';
import { ReadState } from '../workshop/ReadState';
import { useNotifier } from '../../ui/notifications';
import { localToday } from '../../../../shared/plan/calendar';

const STAGE_TEXT: Record<ReportProgress['stage'], string> = {
  choosing: 'Choose where to save the PDF…',
  preparing: 'Building the report…',
  layout: 'Laying out the pages…',
  numbering: 'Numbering the contents…',
  final: 'Printing the final PDF…',
  saving: 'Saving…',
  done: 'Done.',
  failed: 'The export failed.',
};

interface Props {
  onClose(): void;
}

/** Who the report is for and on what paper, then the save dialog and progress while it prints. */
export function ExportPdfDialog({ onClose }: Props) {
  const notifier = useNotifier();
  const dialog = useRef<HTMLDialogElement>(null);
  const id = useId();
  const saved = useRead('report.options', {});
  const write = useWrite();
  const [edited, setOptions] = useState<ReportOptions | null>(null);
  const options = edited ?? saved.data ?? null;
  const [progress, setProgress] = useState<ReportProgress | null>(null);
  const busy = progress !== null && progress.stage !== 'failed';

  useEffect(() => {
    dialog.current?.showModal();
  }, []);

  useEffect(() => api.on('reportProgress', setProgress), []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!options || busy) return;
    setProgress({ stage: 'choosing', percent: 0 });
    const result = await write('report.exportPdf', { options, today: localToday() });
    if (!result.ok) {
      setProgress(null);
      notifier.error(result.error);
      return;
    }
    if (result.value) notifier.notify({ kind: 'info', message: `The report was saved as ${result.value.path} (${result.value.pages} pages).` });
    onClose();
  };

  const percent = Math.round(progress?.percent ?? 0);
  return (
    <dialog
      ref={dialog}
      className="panel export-dialog"
      aria-labelledby={`${id}-title`}
      onCancel={(event) => {
        // Esc closes the form, never a running export (its file would still be written).
        event.preventDefault();
        if (!busy) onClose();
      }}
    >
      <form onSubmit={(event) => void submit(event)}>
        <h2 id={`${id}-title`}>Export the report as PDF</h2>
        <p className="muted">The migration plan report: cover, summary, decisions, timeline, checklists with runbooks, risks, assumptions, inventory and sign-off.</p>
        {options ? (
          <div className="fields">
            <div className="field">
              <label htmlFor={`${id}-customer`}>Customer</label>
              <input
                id={`${id}-customer`}
                value={options.customer}
                maxLength={200}
                required
                autoFocus
                disabled={busy}
                onChange={(e) => setOptions({ ...options, customer: e.target.value })}
              />
            </div>
            <div className="field">
              <label htmlFor={`${id}-author`}>Prepared by</label>
              <input id={`${id}-author`} value={options.author} maxLength={200} disabled={busy} onChange={(e) => setOptions({ ...options, author: e.target.value })} />
            </div>
            <div className="field">
              <label htmlFor={`${id}-paper`}>Paper</label>
              <select id={`${id}-paper`} value={options.paper} disabled={busy} onChange={(e) => setOptions({ ...options, paper: e.target.value as ReportOptions['paper'] })}>
                <option value="a4">A4</option>
                <option value="letter">US Letter</option>
              </select>
            </div>
          </div>
        ) : (
          <ReadState read={saved} loading="Loading…" />
        )}
        {busy && (
          <div className="export-progress">
            <div className="progress" role="progressbar" aria-label="Export progress" aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} aria-valuetext={`${percent}%`}>
              <div style={{ width: `${percent}%` }} />
            </div>
            <p className="muted" role="status">
              {STAGE_TEXT[progress.stage]}
            </p>
          </div>
        )}
        <div className="row end">
          <button type="button" onClick={onClose} disabled={busy}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={!options || !options.customer.trim() || busy}>
            Export PDF…
          </button>
        </div>
      </form>
    </dialog>
  );
}
