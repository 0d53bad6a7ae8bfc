import type { CollectField, Finding } from '../../../../shared/engine/decision-schema';
import { linkLabel } from './link-label';
import { SourceLinks } from './SourceLinks';

function EvidenceValue({ value }: { value: unknown }) {
  if (value === null) return <span className="muted">unknown</span>;
  if (Array.isArray(value)) return <>{value.map((v) => (typeof v === 'object' ? JSON.stringify(v) : String(v))).join(', ')}</>;
  if (typeof value === 'object') return <>{JSON.stringify(value)}</>;
  return <>{String(value)}</>;
}

const collectText = (c: CollectField) =>
  c.template === 'connect-export' ? `the Connect Sync configuration export of the server that syncs ${c.key}` : `${c.template}.csv column ${c.column} for ${c.key}`;

export function FindingItem({ finding, isNew }: { finding: Finding; isNew: boolean }) {
  const evidence = Object.entries(finding.evidence);
  return (
    <li className={`finding severity-${finding.severity}${isNew ? ' changed' : ''}`} data-rule={finding.rule}>
      <p className="finding-message">
        {isNew && <span className="badge changed-badge">new</span>}
        {finding.message}
      </p>
      {finding.remediation && (
        <p className="finding-remediation">
          <strong>What to do: </strong>
          {finding.remediation}
        </p>
      )}
      {finding.assumption && (
        <p className="finding-assumption muted">
          Reading used: {finding.assumption.reading} (other reading: {finding.assumption.alternative}).
        </p>
      )}
      {finding.link && <p className="finding-link muted">Follows from the link {linkLabel(finding.link)}.</p>}
      {finding.collect.length > 0 && (
        <p className="finding-collect">
          <strong>Collect: </strong>
          {finding.collect.map(collectText).join('; ')}
        </p>
      )}
      <details>
        <summary>
          Evidence and source <span className="muted small">({finding.rule})</span>
        </summary>
        {evidence.length > 0 && (
          <dl className="evidence">
            {evidence.map(([k, v]) => (
              <div key={k}>
                <dt>{k}</dt>
                <dd>
                  <EvidenceValue value={v} />
                </dd>
              </div>
            ))}
          </dl>
        )}
        <p className="muted small">Source: {finding.source}</p>
      </details>
      <SourceLinks sources={finding.sources} />
    </li>
  );
}
