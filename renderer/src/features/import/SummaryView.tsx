import { useCallback } from 'react';
import type { ImportSummary } from '../../../../shared/import/summary';
import { CHANGE_LABELS, KIND_LABELS, describeWarning, files } from './labels';
import { FileName } from './FileName';
import { plural } from '../../../../shared/engine/format';

const elapsed = (ms: number) => (ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`);

export type NavigateTarget = 'forests' | 'decisions';

interface Props {
  summary: ImportSummary;
  bases: readonly string[];
  cancelTooLate: boolean;
  onNavigate(tab: NavigateTarget): void;
  onImportMore(): void;
}

/** What the import wrote: totals of changes, then per file its kind, rows, what it contributed and its warnings. */
export function SummaryView({ summary, bases, cancelTooLate, onNavigate, onImportMore }: Props) {
  const focusOnMount = useCallback((el: HTMLElement | null) => el?.focus(), []);
  const known = new Set<string>(CHANGE_LABELS.map((c) => c.key));
  const extra = Object.entries(summary.changes).filter(([key]) => !known.has(key));
  const warnings = summary.files.reduce((n, f) => n + f.warnings.length, 0);
  return (
    <section className="panel import-summary" aria-labelledby="import-summary-title">
      <h3 id="import-summary-title" tabIndex={-1} ref={focusOnMount}>
        Import complete
      </h3>
      {cancelTooLate && (
        <p className="import-note" role="status">
          The import had already finished writing when Cancel reached it, so it was kept.
        </p>
      )}
      <p className="muted">
        {files(summary.files.length)} read and written in {elapsed(summary.elapsedMs)}
        {warnings > 0 ? `, ${plural(warnings, 'warning', 'warnings')}` : ''}.
      </p>
      <h4>Created or updated in the workshop</h4>
      <ul className="import-changes" aria-label="Changes">
        {CHANGE_LABELS.map(({ key, label }) => (
          <li key={key} data-change={key} className={summary.changes[key] ? '' : 'muted'}>
            {label(summary.changes[key] ?? 0)}
          </li>
        ))}
        {extra.map(([key, value]) => (
          <li key={key} data-change={key}>
            {String(value)} {key}
          </li>
        ))}
      </ul>
      <table className="grid import-summary-files" aria-label="Imported files">
        <thead>
          <tr>
            <th scope="col">File</th>
            <th scope="col">Kind</th>
            <th scope="col" className="num">
              Rows read
            </th>
            <th scope="col" className="num">
              Imported
            </th>
            <th scope="col">What it contributed</th>
          </tr>
        </thead>
        <tbody>
          {summary.files.map((file, i) => (
            <tr key={`${file.path}-${i}`} data-kind={file.kind}>
              <th scope="row" title={file.path}>
                <FileName path={file.path} bases={bases} />
              </th>
              <td>
                {KIND_LABELS[file.kind] ?? file.kind}
                <div className="muted small-print">{file.source}</div>
              </td>
              <td className="num">{file.rows.toLocaleString('en-US')}</td>
              <td className="num">{file.imported.toLocaleString('en-US')}</td>
              <td>
                {file.understood.length > 0 && (
                  <ul className="import-understood">
                    {file.understood.map((line, j) => (
                      <li key={j}>{line}</li>
                    ))}
                  </ul>
                )}
                {file.warnings.length > 0 && (
                  <details className="import-file-warnings">
                    <summary className="warn-text">
                      {file.warnings.length} warning{file.warnings.length === 1 ? '' : 's'}
                    </summary>
                    <ul className="import-warnings">
                      {file.warnings.map((w, j) => (
                        <li key={j}>{describeWarning(w, bases)}</li>
                      ))}
                    </ul>
                  </details>
                )}
                {file.understood.length === 0 && file.warnings.length === 0 && <span className="muted">Nothing</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="row">
        <button type="button" className="primary" onClick={() => onNavigate('forests')}>
          Go to Forests
        </button>
        <button type="button" onClick={() => onNavigate('decisions')}>
          Go to Decisions
        </button>
        <span className="spacer" />
        <button type="button" onClick={onImportMore}>
          Import more files
        </button>
      </div>
    </section>
  );
}
