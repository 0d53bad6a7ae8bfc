import { memo } from 'react';
import type { EstateDecision, Severity } from '../../../../shared/engine/decision-schema';
import { findingKey } from '../../../../shared/engine/diff';
import { FindingItem } from './FindingItem';
import { linkLabel } from './link-label';
import { VERDICT_LABELS } from './labels';

const FITS: Record<EstateDecision['guidedTool'][number]['fits'], string> = { yes: 'fits', no: 'does not fit', open: 'open' };

function staysText(stays: boolean | null): string {
  if (stays === true) return 'Connect Sync stays after the migration';
  if (stays === false) return 'Connect Sync can be decommissioned after the last cutover';
  return 'Whether Connect Sync stays is open';
}

/** The estate as a whole (docs/json-outputs.md, `estate`): where Connect stays, linked forests, findings stated once. */
export const EstateSection = memo(function EstateSection({ estate, severities }: { estate: EstateDecision; severities: ReadonlySet<Severity> }) {
  const findings = estate.findings.filter((f) => severities.has(f.severity));
  const fitting = estate.guidedTool.filter((g) => g.fits !== 'no');
  return (
    <section className="panel estate-decision" aria-label="Estate">
      <h3>Estate</h3>
      <p className={`estate-connect estate-connect-${String(estate.connect.stays)}`}>
        <strong>{staysText(estate.connect.stays)}</strong>
      </p>
      {estate.connect.servers.length > 0 && (
        <table className="grid compact" aria-label="Connect servers that stay">
          <thead>
            <tr>
              <th scope="col">Server</th>
              <th scope="col">Version</th>
              <th scope="col">Mode</th>
              <th scope="col">Keeps serving</th>
            </tr>
          </thead>
          <tbody>
            {estate.connect.servers.map((s) => (
              <tr key={s.server}>
                <th scope="row">{s.server}</th>
                <td>{s.version ?? <span className="muted">unknown</span>}</td>
                <td>{s.mode ?? <span className="muted">unknown</span>}</td>
                <td>
                  {[
                    ...s.forests.map((f) =>
                      f.verdict === 'insufficient-data'
                        ? `${f.forest}: open (${VERDICT_LABELS[f.verdict]})`
                        : `${f.forest}: ${f.parts.includes('whole forest') ? 'whole forest' : [...f.domains.map((d) => `domain ${d}`), ...f.parts].join(', ')}`,
                    ),
                    ...s.nonAdConnectors,
                  ].join('; ')}
                  {!s.certain && <span className="muted small"> (if open data turns out so)</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {estate.connect.forestsWithoutServer.length > 0 && (
        <p className="muted small">No Connect server recorded for {estate.connect.forestsWithoutServer.join(', ')}.</p>
      )}
      {estate.guidedTool.length > 0 && (
        <p className="estate-guided-tool">
          <strong>Microsoft's guided migration tool: </strong>
          {fitting.length === 0 ? 'fits no forest' : fitting.map((g) => `${g.forest} (${FITS[g.fits]})`).join(', ')}
        </p>
      )}
      {estate.linkedGroups.length > 0 && (
        <div className="estate-linked">
          <strong>Decided together:</strong>
          <ul>
            {estate.linkedGroups.map((g) => (
              <li key={g.forests.join(' ')}>
                {g.forests.join(', ')}: {g.outcome === 'stays' ? 'all stay on Connect Sync' : g.outcome === 'moves' ? 'move together' : 'open'}{' '}
                <span className="muted small">({g.links.map(linkLabel).join('; ')})</span>
              </li>
            ))}
          </ul>
        </div>
      )}
      {findings.length > 0 && (
        <ul className="findings">
          {findings.map((f) => (
            <FindingItem key={findingKey(f)} finding={f} isNew={false} />
          ))}
        </ul>
      )}
      <p className="muted small">Facts checked against Microsoft's pages on {estate.sourcesChecked}.</p>
    </section>
  );
});
