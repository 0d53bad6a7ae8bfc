import { memo } from 'react';
import type { ForestDecision, Severity } from '../../../../shared/engine/decision-schema';
import { SEVERITY_LABELS, SEVERITY_ORDER, VERDICT_LABELS, VERDICT_ORDER } from './labels';

interface Props {
  forests: readonly ForestDecision[];
  severities: ReadonlySet<Severity>;
  onToggleSeverity(severity: Severity): void;
}

export const SummaryBar = memo(function SummaryBar({ forests, severities, onToggleSeverity }: Props) {
  const byVerdict = new Map(VERDICT_ORDER.map((v) => [v, 0]));
  const bySeverity = new Map(SEVERITY_ORDER.map((s) => [s, 0]));
  for (const f of forests) {
    byVerdict.set(f.verdict, (byVerdict.get(f.verdict) ?? 0) + 1);
    for (const finding of f.findings) bySeverity.set(finding.severity, (bySeverity.get(finding.severity) ?? 0) + 1);
  }
  return (
    <div className="summary-bar">
      <ul className="verdict-counts" aria-label="Forests by verdict">
        {VERDICT_ORDER.map((v) => (
          <li key={v} className={`verdict verdict-${v}`}>
            <strong>{byVerdict.get(v)}</strong> {VERDICT_LABELS[v]}
          </li>
        ))}
      </ul>
      <div className="severity-filter" role="group" aria-label="Show findings">
        {SEVERITY_ORDER.map((s) => (
          <label key={s} className={`chip severity-${s}`}>
            <input type="checkbox" checked={severities.has(s)} onChange={() => onToggleSeverity(s)} />
            {SEVERITY_LABELS[s]} ({bySeverity.get(s)})
          </label>
        ))}
      </div>
    </div>
  );
});
