import { memo } from 'react';
import type { ForestDecision, Severity, Verdict } from '../../../../shared/engine/decision-schema';
import type { Features } from '../../../../shared/model/inventory';
import { findingKey } from '../../../../shared/engine/diff';
import { FindingItem } from './FindingItem';
import { linkLabel } from './link-label';
import { WhatIfFeatures } from './WhatIfFeatures';
import { CardHeader } from './CardHeader';
import { SEVERITY_LABELS, SEVERITY_ORDER } from './labels';

/** What the last what-if change did to this forest, for highlighting. */
export interface ForestHighlight {
  verdictWas: Verdict | null;
  newFindings: ReadonlySet<string>;
  changedDomains: ReadonlySet<string>;
}

/** What a card can ask for, by forest: one object for every card, so cards memoise. */
export interface CardActions {
  toggleFeatures(forest: string): void;
  setFeatures(forest: string, features: Features): void;
  saveFeatures(forest: string): void;
  discardFeatures(forest: string): void;
  close(forest: string): void;
}

interface Props {
  decision: ForestDecision;
  severities: ReadonlySet<Severity>;
  highlight: ForestHighlight | undefined;
  /** The features the what-if shows (the unsaved edit, else the saved ones), and the saved ones. */
  features: Features | undefined;
  saved: Features | undefined;
  expanded: boolean;
  actions: CardActions;
}

/**
 * One forest's decision in full. Memoised: a card renders again only when its own decision, highlight
 * or what-if changed (or the severity filter), so a what-if toggle repaints only what it changed.
 */
export const ForestCard = memo(function ForestCard(props: Props) {
  const { decision, severities, highlight, actions } = props;
  const forest = decision.forest;
  const shown = decision.findings.filter((f) => severities.has(f.severity));
  const verdictChanged = highlight?.verdictWas != null && highlight.verdictWas !== decision.verdict;
  return (
    <article className={`panel forest-card${verdictChanged ? ' changed' : ''}`} aria-label={`Forest ${forest}`}>
      <CardHeader forest={forest} verdict={decision.verdict} was={verdictChanged ? (highlight?.verdictWas ?? null) : null} onClose={() => actions.close(forest)} />
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
      <button type="button" className="small" aria-expanded={props.expanded} onClick={() => actions.toggleFeatures(forest)}>
        {props.expanded ? 'Hide features' : 'What if its features change…'}
      </button>
      {props.expanded && props.features && props.saved && (
        <WhatIfFeatures
          forest={forest}
          features={props.features}
          saved={props.saved}
          onChange={(features) => actions.setFeatures(forest, features)}
          onSave={() => actions.saveFeatures(forest)}
          onDiscard={() => actions.discardFeatures(forest)}
        />
      )}
    </article>
  );
});
