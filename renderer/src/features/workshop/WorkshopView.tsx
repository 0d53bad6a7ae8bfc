import { useEffect, useEffectEvent, useRef, useState, type KeyboardEvent } from 'react';
import type { WorkshopInfo } from '../../../../shared/ipc/contracts/workshop';
import { EstatePanel, type EstateSection } from '../estate/EstatePanel';
import { HistoryButtons, HistoryProvider } from '../history/history-context';
import { TopologyPanel } from '../topology/TopologyPanel';
import { DecisionsPanel } from '../decisions/DecisionsPanel';
import { PlanPanel } from '../plan/PlanPanel';
import { ImportPanel } from '../import/ImportPanel';
import { onImportRequest } from '../import/import-requests';
import { hasFiles, isDesktop } from '../import/sources';
import { useImportFlow } from '../import/use-import-flow';

const TABS = [
  { id: 'estate', label: 'Estate' },
  { id: 'topology', label: 'Topology' },
  { id: 'decisions', label: 'Decisions' },
  { id: 'plan', label: 'Plan' },
  { id: 'import', label: 'Import' },
] as const;

type TabId = (typeof TABS)[number]['id'];

/** Browsers send dragover every ~50 ms while files hover over the window, even when the pointer rests. */
const DRAG_IDLE_MS = 400;

export function WorkshopView({ workshop }: { workshop: WorkshopInfo }) {
  const [tab, setTab] = useState<TabId>('estate');
  const [section, setSection] = useState<EstateSection>('forests');
  const [dragging, setDragging] = useState(false);
  const flow = useImportFlow();
  const current = TABS.find((t) => t.id === tab) ?? TABS[0];
  /** A drag cancelled with Esc, or ended outside the window, sends no event here: drop the highlight when dragover stops. */
  const dragTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const onDragOver = useEffectEvent((event: DragEvent) => {
    if (!hasFiles(event.dataTransfer)) return;
    // Without this the browser opens the dropped file in place of the app.
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    setDragging(true);
    clearTimeout(dragTimer.current);
    dragTimer.current = setTimeout(() => setDragging(false), DRAG_IDLE_MS);
  });
  const onDragLeave = useEffectEvent((event: DragEvent) => {
    // relatedTarget is null only when the pointer leaves the window.
    if (event.relatedTarget === null) setDragging(false);
  });
  const onDrop = useEffectEvent((event: DragEvent) => {
    clearTimeout(dragTimer.current);
    setDragging(false);
    if (!event.dataTransfer || !hasFiles(event.dataTransfer)) return;
    event.preventDefault();
    flow.fromDrop(event.dataTransfer);
    setTab('import');
  });
  const onMenuImport = useEffectEvent(() => {
    setTab('import');
    if (isDesktop) void flow.chooseNative();
  });

  // Files dropped anywhere on the window go to the Import tab's preview.
  useEffect(() => {
    const over = (e: DragEvent) => onDragOver(e);
    const leave = (e: DragEvent) => onDragLeave(e);
    const drop = (e: DragEvent) => onDrop(e);
    window.addEventListener('dragenter', over);
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', over);
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
      clearTimeout(dragTimer.current);
    };
  }, []);

  useEffect(() => onImportRequest(() => onMenuImport()), []);

  const render = () => {
    switch (current.id) {
      case 'estate':
        return <EstatePanel section={section} onSection={setSection} />;
      case 'topology':
        return <TopologyPanel title={workshop.name} />;
      case 'decisions':
        return <DecisionsPanel />;
      case 'plan':
        return <PlanPanel />;
      case 'import':
        return (
          <ImportPanel
            flow={flow}
            dragging={dragging}
            onNavigate={(target) => {
              if (target === 'forests') setSection('forests');
              setTab(target === 'forests' ? 'estate' : target);
            }}
          />
        );
    }
  };

  // The WAI-ARIA tabs pattern: arrows, Home and End move between tabs; Tab moves into the panel.
  const onTabKey = (event: KeyboardEvent) => {
    const index = TABS.findIndex((t) => t.id === tab);
    const next =
      event.key === 'ArrowRight' ? (index + 1) % TABS.length
      : event.key === 'ArrowLeft' ? (index - 1 + TABS.length) % TABS.length
      : event.key === 'Home' ? 0
      : event.key === 'End' ? TABS.length - 1
      : null;
    if (next === null) return;
    event.preventDefault();
    const target = TABS[next];
    if (!target) return;
    setTab(target.id);
    document.getElementById(`tab-${target.id}`)?.focus();
  };

  return (
    <HistoryProvider>
      <div className={`workshop${dragging ? ' dragging-files' : ''}`} key={workshop.path}>
        <div className="tabs">
          <nav className="tab-list" role="tablist" aria-label="Workshop sections" onKeyDown={onTabKey}>
            {TABS.map((t) => (
              <button
                key={t.id}
                id={`tab-${t.id}`}
                type="button"
                role="tab"
                aria-selected={t.id === tab}
                aria-controls="workshop-tabpanel"
                tabIndex={t.id === tab ? 0 : -1}
                onClick={() => setTab(t.id)}
              >
                {t.label}
                {t.id === 'import' && flow.stage.step === 'running' && <span className="tab-busy"> (running)</span>}
              </button>
            ))}
          </nav>
          <span className="spacer" />
          <HistoryButtons />
        </div>
        <section id="workshop-tabpanel" role="tabpanel" aria-labelledby={`tab-${current.id}`}>
          {render()}
        </section>
        {dragging && (
          <div className="drop-overlay" aria-hidden="true">
            <p>Drop to preview the import</p>
          </div>
        )}
      </div>
    </HistoryProvider>
  );
}
