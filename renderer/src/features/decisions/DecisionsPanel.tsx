import { useCallback, useDeferredValue, useEffect, useLayoutEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { Severity } from '../../../../shared/engine/decision-schema';
import type { Assumptions } from '../../../../shared/model/assumptions';
import type { Features } from '../../../../shared/model/inventory';
import { useRead, useScopeResource, useWrite } from '../../api/workshop-data';
import { useNotifier } from '../../ui/notifications';
import { ReadState } from '../workshop/ReadState';
import { AssumptionsBar } from './AssumptionsBar';
import { CardList } from './CardList';
import { workerEngine, type DecideEngine } from './decide-engine';
import { DecisionsSession } from './decisions-session';
import { EstateSection } from './EstateSection';
import type { CardActions } from './ForestCard';
import { SEVERITY_ORDER } from './labels';
import { verdictChanges } from './highlights';
import { Overview } from './Overview';
import { DEFAULT_VIEW, overviewRow, shownRows, type OverviewView } from './overview-rows';
import { SummaryBar } from './SummaryBar';
import { toggled } from '../../ui/toggled';

/** Up to this many forests every card is open at first; beyond, cards open from the overview. */
const ALL_OPEN_UP_TO = 12;

/**
 * The decisions of the open workshop: the overview (one row per forest), the estate, and the cards
 * the user opens. The engine runs in a Web Worker on the cached estate model; a what-if re-decides
 * there only the forests it reaches, and only their rows and cards render again. `engine` starts the
 * engine: a Web Worker, or the same code in the page for component tests.
 */
export function DecisionsPanel({ engine = workerEngine }: { engine?: () => DecideEngine }) {
  const notifier = useNotifier();
  const model = useRead('inventory.get', {});
  const savedAssumptions = useRead('assumptions.get', {});
  const write = useWrite();
  const session = useScopeResource('decisions', () => new DecisionsSession(engine));
  const state = useSyncExternalStore(session.subscribe, session.snapshot);
  // What the user set shows at once (state); the decisions it gives render in the background
  // (deferred, in slices), so a what-if never holds up the page for the time it takes to paint.
  const shown = useDeferredValue(state);
  const [severities, setSeverities] = useState<ReadonlySet<Severity>>(() => new Set(SEVERITY_ORDER));
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => new Set());
  const [view, setView] = useState<OverviewView>(DEFAULT_VIEW);
  const [opened, setOpened] = useState<ReadonlySet<string> | null>(null);
  const [reveal, setReveal] = useState<{ forest: string; seq: number } | null>(null);

  useEffect(() => {
    if (model.data && savedAssumptions.data) session.show(model.data, savedAssumptions.data);
  }, [session, model.data, savedAssumptions.data]);

  const { result, highlights } = shown;
  const rows = useMemo(() => (result ? shownRows(result.forests.map(overviewRow), view) : []), [result, view]);
  const byForest = useMemo(() => new Map(result?.forests.map((f) => [f.forest, f]) ?? []), [result]);
  const saved = useMemo(() => new Map(model.data?.forests.map((f) => [f.forest, f.features]) ?? []), [model.data]);
  const open = useMemo(() => opened ?? new Set(result && result.forests.length <= ALL_OPEN_UP_TO ? result.forests.map((f) => f.forest) : []), [opened, result]);
  const cards = useMemo(
    () =>
      rows.flatMap((r) => {
        const decision = byForest.get(r.forest);
        return decision && open.has(r.forest) ? [decision] : [];
      }),
    [rows, open, byForest],
  );
  // The card actions and openCard read the open set through a ref, so that opening a card does not re-render the others.
  const openNow = useRef(open);
  useLayoutEffect(() => {
    openNow.current = open;
  }, [open]);

  const actions = useMemo<CardActions>(
    () => ({
      toggleFeatures: (forest) => setExpanded((set) => toggled(set, forest)),
      setFeatures: (forest, features: Features) => session.setFeatures(forest, features),
      discardFeatures: (forest) => session.setFeatures(forest, null),
      saveFeatures: (forest) => {
        const row = model.data?.forests.find((f) => f.forest === forest);
        const features = session.snapshot().features[forest];
        if (!row || !features) return;
        void write('forests.save', { forest: { ...row, features }, previousName: forest }).then((saved) => {
          if (!saved.ok) return notifier.error(saved.error);
          notifier.notify({ kind: 'info', message: `Features of ${forest} saved to the workshop.` });
        });
      },
      close: (forest) => setOpened(toggled(openNow.current, forest)),
    }),
    [session, model.data, write, notifier],
  );

  const toggleSeverity = useCallback((severity: Severity) => setSeverities((set) => toggled(set, severity)), []);
  // Stable, so that the overview's memoised rows do not render again for it.
  const openCard = useCallback((forest: string) => {
    if (!openNow.current.has(forest)) setOpened(new Set([...openNow.current, forest]));
    setReveal((r) => ({ forest, seq: (r?.seq ?? 0) + 1 }));
  }, []);

  if (!result || !state.assumptions) {
    if (state.error) return <p className="panel read-error" role="alert">{state.error}</p>;
    return <ReadState read={model.error ? model : savedAssumptions} loading="Deciding…" />;
  }
  const assumptions = state.assumptions;

  const changeAssumptions = async (next: Assumptions) => {
    const before = assumptions;
    session.setAssumptions(next);
    const written = await write('assumptions.set', { assumptions: next });
    if (!written.ok) {
      notifier.error(written.error);
      session.setAssumptions(before);
    }
  };

  return (
    <div className="decisions">
      <AssumptionsBar assumptions={assumptions} onChange={(next) => void changeAssumptions(next)} />
      {/* One live region for the whole view: screen readers hear each change once, not once per card. */}
      <p className="sr-only" role="status" aria-label="Verdict changes">
        {verdictChanges(highlights, result.forests)}
      </p>
      {state.error && (
        <p className="panel read-error" role="alert">
          {state.error}
        </p>
      )}
      <SummaryBar forests={result.forests} severities={severities} onToggleSeverity={toggleSeverity} />
      {result.forests.length === 0 ? (
        <p className="muted empty">No forests yet: import the inventory or add forests to see decisions.</p>
      ) : (
        <>
          <Overview rows={rows} total={result.forests.length} view={view} onView={setView} highlights={highlights} open={open} onOpen={openCard} />
          <EstateSection estate={result.estate} severities={severities} />
          <div className="toolbar cards-toolbar">
            <h3>Forest cards</h3>
            <span className="muted small">{cards.length === 0 ? 'Choose a forest in the overview to open its card.' : `${cards.length} open`}</span>
            <span className="spacer" />
            <button type="button" className="small" onClick={() => setOpened(new Set(rows.map((r) => r.forest)))} disabled={rows.every((r) => open.has(r.forest))}>
              Open all shown
            </button>
            <button type="button" className="small" onClick={() => setOpened(new Set())} disabled={cards.length === 0}>
              Close all
            </button>
          </div>
          <CardList
            decisions={cards}
            severities={severities}
            highlights={highlights}
            features={state.features}
            saved={saved}
            expanded={expanded}
            actions={actions}
            reveal={reveal}
          />
        </>
      )}
    </div>
  );
}
