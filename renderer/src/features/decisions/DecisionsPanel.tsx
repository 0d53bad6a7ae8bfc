import { useMemo, useState } from 'react';
import { decide } from '../../../../shared/engine/decide';
import { diffDecisions } from '../../../../shared/engine/diff';
import type { DecisionResult, Severity } from '../../../../shared/engine/decision-schema';
import type { Assumptions } from '../../../../shared/model/assumptions';
import type { Features } from '../../../../shared/model/inventory';
import { useRead, useWrite } from '../../api/workshop-data';
import { ReadState } from '../workshop/ReadState';
import { useNotifier } from '../../ui/notifications';
import { AssumptionsBar } from './AssumptionsBar';
import { EstateSection } from './EstateSection';
import { ForestCard, type ForestHighlight } from './ForestCard';
import { SummaryBar } from './SummaryBar';
import { applyWhatIf } from './apply-what-if';
import { SEVERITY_ORDER } from './labels';
import { toHighlights, verdictChanges } from './highlights';

/**
 * The engine runs here, in the page, on the inventory loaded once: a what-if toggle re-decides every
 * forest at once without a round trip, and the cards mark what that change did.
 */
export function DecisionsPanel() {
  const notifier = useNotifier();
  const model = useRead('inventory.get', {});
  const savedAssumptions = useRead('assumptions.get', {});
  const write = useWrite();
  const inventory = model.data;
  const [assumptionEdits, setAssumptionEdits] = useState<Assumptions | null>(null);
  const [featureEdits, setFeatureEdits] = useState<Record<string, Features>>({});
  const [previous, setPrevious] = useState<DecisionResult | null>(null);
  const [severities, setSeverities] = useState<ReadonlySet<Severity>>(() => new Set(SEVERITY_ORDER));
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => new Set());

  const assumptions = assumptionEdits ?? savedAssumptions.data;
  const result = useMemo(
    () => (inventory && assumptions ? decide(applyWhatIf(inventory, featureEdits), assumptions) : null),
    [inventory, assumptions, featureEdits],
  );
  const highlights = useMemo<Map<string, ForestHighlight>>(
    () => (previous && result ? toHighlights(diffDecisions(previous, result)) : new Map()),
    [previous, result],
  );

  if (!inventory || !result || !assumptions) return <ReadState read={model.error ? model : savedAssumptions} loading="Deciding…" />;

  const changeAssumptions = async (next: Assumptions) => {
    setPrevious(result);
    setAssumptionEdits(next);
    const saved = await write('assumptions.set', { assumptions: next });
    if (!saved.ok) {
      notifier.error(saved.error);
      setAssumptionEdits(assumptions);
    }
  };

  const savedFeatures = (forest: string) => inventory.forests.find((f) => f.forest === forest)?.features;

  const saveFeatures = async (forest: string) => {
    const saved = inventory.forests.find((f) => f.forest === forest);
    const features = featureEdits[forest];
    if (!saved || !features) return;
    const result = await write('forests.save', { forest: { ...saved, features }, previousName: forest });
    if (!result.ok) return notifier.error(result.error);
    setFeatureEdits(({ [forest]: _saved, ...rest }) => rest);
    notifier.notify({ kind: 'info', message: `Features of ${forest} saved to the workshop.` });
  };

  const toggle = <T,>(set: ReadonlySet<T>, value: T) => {
    const next = new Set(set);
    if (next.has(value)) next.delete(value);
    else next.add(value);
    return next;
  };

  return (
    <div className="decisions">
      <AssumptionsBar assumptions={assumptions} onChange={(next) => void changeAssumptions(next)} />
      {/* One live region for the whole view: screen readers hear each change once, not once per card. */}
      <p className="sr-only" role="status" aria-label="Verdict changes">
        {verdictChanges(highlights, result.forests)}
      </p>
      <SummaryBar forests={result.forests} severities={severities} onToggleSeverity={(s) => setSeverities((set) => toggle(set, s))} />
      {result.forests.length > 0 && <EstateSection estate={result.estate} severities={severities} />}
      {result.forests.length === 0 && <p className="muted empty">No forests yet: import the inventory or add forests to see decisions.</p>}
      <div className="forest-cards">
        {result.forests.map((decision) => {
          const saved = savedFeatures(decision.forest);
          return (
            <ForestCard
              key={decision.forest}
              decision={decision}
              severities={severities}
              highlight={highlights.get(decision.forest)}
              whatIf={saved ? { features: featureEdits[decision.forest] ?? saved, saved } : undefined}
              expanded={expanded.has(decision.forest)}
              onToggleExpanded={() => setExpanded((set) => toggle(set, decision.forest))}
              onFeatures={(features) => {
                setPrevious(result);
                setFeatureEdits((edits) => ({ ...edits, [decision.forest]: features }));
              }}
              onSaveFeatures={() => void saveFeatures(decision.forest)}
              onDiscardFeatures={() => {
                setPrevious(result);
                setFeatureEdits(({ [decision.forest]: _discarded, ...rest }) => rest);
              }}
            />
          );
        })}
      </div>
    </div>
  );
}
