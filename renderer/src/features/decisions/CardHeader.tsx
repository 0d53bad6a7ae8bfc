import type { Verdict } from '../../../../shared/engine/decision-schema';
import { VERDICT_LABELS } from './labels';

/** A forest card's title line: its name, verdict, what the verdict was before the last what-if, and Close. */
export function CardHeader({ forest, verdict, was, onClose }: { forest: string; verdict: Verdict; was: Verdict | null; onClose(): void }) {
  return (
    <header className="forest-card-header">
      <h3 id={`card-${forest}`} tabIndex={-1}>
        {forest}
      </h3>
      <span className={`verdict-badge verdict-${verdict}`} data-verdict={verdict}>
        {VERDICT_LABELS[verdict]}
      </span>
      {was && <span className="badge changed-badge">was {VERDICT_LABELS[was]}</span>}
      <span className="spacer" />
      <button type="button" className="ghost small" onClick={onClose} aria-label={`Close the card of ${forest}`}>
        ×
      </button>
    </header>
  );
}
