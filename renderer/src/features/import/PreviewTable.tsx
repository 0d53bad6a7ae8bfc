import { Fragment, useId, useState } from 'react';
import type { FilePreview, ImportPreview } from '../../../../shared/import/summary';
import { KIND_LABELS, delimiterLabel, describeWarning } from './labels';
import { FileName } from './FileName';
import { formatBytes, shortPath } from './paths';

interface Props {
  preview: ImportPreview;
  bases: readonly string[];
}

function ColumnMapping({ file }: { file: FilePreview }) {
  const mapped = file.columns.filter((c) => c.field !== null);
  const ignored = file.columns.filter((c) => c.field === null);
  if (file.columns.length === 0) return <p className="muted">No column mapping: this input is read as a whole.</p>;
  return (
    <div className="import-mapping">
      <div>
        <h4>Mapped columns ({mapped.length})</h4>
        {mapped.length === 0 ? (
          <p className="muted">None.</p>
        ) : (
          <table className="grid compact" aria-label={`Mapped columns of ${file.path}`}>
            <thead>
              <tr>
                <th scope="col">Column</th>
                <th scope="col">Inventory field</th>
              </tr>
            </thead>
            <tbody>
              {mapped.map((c, i) => (
                <tr key={`${c.column}-${i}`}>
                  <th scope="row">{c.column}</th>
                  <td>
                    <code>{c.field}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
      <div>
        <h4>Ignored columns ({ignored.length})</h4>
        {ignored.length === 0 ? (
          <p className="muted">None.</p>
        ) : (
          <ul className="import-ignored" aria-label={`Ignored columns of ${file.path}`}>
            {ignored.map((c, i) => (
              <li key={`${c.column}-${i}`}>{c.column}</li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}

function FileRows({ file, bases, index }: { file: FilePreview; bases: readonly string[]; index: number }) {
  const [open, setOpen] = useState(false);
  const detailId = `${useId()}-detail`;
  const name = shortPath(file.path, bases);
  const hasDetail = file.columns.length > 0 || file.warnings.length > 0;
  return (
    <Fragment>
      <tr className={file.error ? 'import-file has-error' : 'import-file'} data-kind={file.kind} data-index={index}>
        <th scope="row" title={file.path}>
          <FileName path={file.path} bases={bases} />
        </th>
        <td>
          <span className={`kind-badge kind-${file.kind}`}>{KIND_LABELS[file.kind] ?? file.kind}</span>
          <div className="muted small-print">{file.source}</div>
        </td>
        <td>{file.encoding ?? '—'}</td>
        <td>{delimiterLabel(file.delimiter)}</td>
        <td className="num">
          {file.rowsEstimated ? (
            <span title="Estimated from the first rows">≈ {file.rows.toLocaleString('en-US')}</span>
          ) : (
            file.rows.toLocaleString('en-US')
          )}
          {file.bytes > 0 && <div className="muted small-print">{formatBytes(file.bytes)}</div>}
        </td>
        <td className="num">{file.warnings.length === 0 ? <span className="muted">0</span> : <span className="warn-text">{file.warnings.length}</span>}</td>
        <td className="actions">
          {hasDetail && (
            <button type="button" className="small" aria-expanded={open} aria-controls={detailId} onClick={() => setOpen((o) => !o)}>
              {open ? 'Hide details' : 'Details'}
              <span className="sr-only"> of {name}</span>
            </button>
          )}
        </td>
      </tr>
      {file.error && (
        <tr className="import-error-row">
          <td colSpan={7}>
            <p className="import-error" role="alert">
              <strong>Cannot be imported:</strong> {describeWarning(file.error, bases)}
            </p>
          </td>
        </tr>
      )}
      {hasDetail && (
        <tr id={detailId} className="import-detail-row" hidden={!open}>
          <td colSpan={7}>
            {open && (
              <>
                <ColumnMapping file={file} />
                {file.warnings.length > 0 && (
                  <>
                    <h4>Warnings ({file.warnings.length})</h4>
                    <ul className="import-warnings">
                      {file.warnings.map((w, i) => (
                        <li key={i}>{describeWarning(w, bases)}</li>
                      ))}
                    </ul>
                  </>
                )}
              </>
            )}
          </td>
        </tr>
      )}
    </Fragment>
  );
}

/** One row per file: what it is, how it is encoded, how many rows, and how its columns are read. */
export function PreviewTable({ preview, bases }: Props) {
  return (
    <table className="grid import-preview" aria-label="Files to import">
      <thead>
        <tr>
          <th scope="col">File</th>
          <th scope="col">Detected kind</th>
          <th scope="col">Encoding</th>
          <th scope="col">Delimiter</th>
          <th scope="col" className="num">
            Rows
          </th>
          <th scope="col" className="num">
            Warnings
          </th>
          <th scope="col">
            <span className="sr-only">Details</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {preview.files.map((file, i) => (
          <FileRows key={`${file.path}-${i}`} file={file} bases={bases} index={i} />
        ))}
      </tbody>
    </table>
  );
}
