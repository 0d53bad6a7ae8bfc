import type { ForestDecision, Severity, Verdict } from '../../../../shared/engine/decision-schema';
import type { Features } from '../../../../shared/model/inventory';
import { findingKey } from '../../../../shared/engine/diff';
import { FindingItem } from './FindingItem';
import { linkLabel } from './link-label';
import { WhatIfFeatures } from './WhatIfFeatures';
import { SEVERITY_LABELS, SEVERITY_ORDER, VERDICT_LABELS } from './labels';

/** What the last what-if change did to this forest, for highlighting. */
export interface ForestHighlight {
  verdictWas: Verdict | null;
  newFindings: ReadonlySet<string>;
  changedDomains: ReadonlySet<string>;
}

interface Props {
  decision: ForestDecision;
  severities: ReadonlySet<Severity>;
  highlight: ForestHighlight | undefined;
  whatIf: { features: Features; saved: Features } | undefined;
  onFeatures(features: Features): void;
  onSaveFeatures(): void;
  onDiscardFeatures(): void;
  expanded: boolean;
  onToggleExpanded(): void;
}

export function ForestCard(props: Props) {
  const { decision, severities, highlight } = props;
  const shown = decision.findings.filter((f) => severities.has(f.severity));
  const verdictChanged = highlight?.verdictWas != null && highlight.verdictWas !== decision.verdict;
  return (
    <article className={`panel forest-card${verdictChanged ? ' changed' : ''}`} aria-label={`Forest ${decision.forest}`}>
      <header className="forest-card-header">
        <h3>{decision.forest}</h3>
        <span className={`verdict-badge verdict-${decision.verdict}`} data-verdict={decision.verdict}>
          {VERDICT_LABELS[decision.verdict]}
        </span>
        {verdictChanged && highlight?.verdictWas && (
          <span className="badge changed-badge">
            was {VERDICT_LABELS[highlight.verdictWas]}
          </span>
        )}
      </header>
      <p className="forest-reason">{decision.reason}</p>
      {decision.decidedByLink && (
        <p className="forest-decided-by-link" data-link-kind={decision.decidedByLink.kind}>
          <strong>Decided together with a linked forest: </strong>
          {linkLabel(decision.decidedByLink)}
        </p>
      )}
      {decision.links.length > 0 && (
        <p className="muted small forest-links">Links: {decision.links.map(linkLabel).join('; ')}</p>
      )}
      {decision.domains.length > 0 && (
        <table className="grid compact" aria-label={`Domains of ${decision.forest}`}>
          <thead>
            <tr>
              <th scope="col">Domain</th>
              <th scope="col">Engine</th>
              <th scope="col">Why</th>
            </tr>
          </thead>
          <tbody>
            {decision.domains.map((d) => (
              <tr key={d.domain} className={highlight?.changedDomains.has(d.domain) ? 'changed' : undefined}>
                <th scope="row">{d.domain}</th>
                <td>
                  <span className={`engine engine-${d.engine}`}>{d.engine}</span>
                  {d.partsOnConnect.length > 0 && <span className="muted small"> ({d.partsOnConnect.join(', ')} stay on Connect)</span>}
                </td>
                <td className="muted small">{d.because.join(', ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {SEVERITY_ORDER.filter((s) => severities.has(s)).map((severity) => {
        const group = shown.filter((f) => f.severity === severity);
        if (group.length === 0) return null;
        return (
          <section key={severity} className={`finding-group severity-${severity}`}>
            <h4>
              {SEVERITY_LABELS[severity]} ({group.length})
            </h4>
            <ul className="findings">
              {group.map((f) => (
                <FindingItem key={findingKey(f)} finding={f} isNew={highlight?.newFindings.has(findingKey(f)) ?? false} />
              ))}
            </ul>
          </section>
        );
      })}
      <button type="button" className="small" aria-expanded={props.expanded} onClick={props.onToggleExpanded}>
        {props.expanded ? 'Hide features' : 'What if its features change…'}
      </button>
      {props.expanded && props.whatIf && (
        <WhatIfFeatures
          forest={decision.forest}
          features={props.whatIf.features}
          saved={props.whatIf.saved}
          onChange={props.onFeatures}
          onSave={props.onSaveFeatures}
          onDiscard={props.onDiscardFeatures}
        />
      )}
    </article>
  );
}
