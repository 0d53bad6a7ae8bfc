import { useState } from 'react';
import type { WorkshopInfo } from '../../../../shared/ipc/contracts/workshop';
import { ForestsPanel } from '../forests/ForestsPanel';
import { DecisionsPanel } from '../decisions/DecisionsPanel';

const TABS = [
  { id: 'forests', label: 'Forests', render: () => <ForestsPanel /> },
  { id: 'decisions', label: 'Decisions', render: () => <DecisionsPanel /> },
] as const;

type TabId = (typeof TABS)[number]['id'];

export function WorkshopView({ workshop }: { workshop: WorkshopInfo }) {
  const [tab, setTab] = useState<TabId>('forests');
  const current = TABS.find((t) => t.id === tab) ?? TABS[0];
  return (
    <div className="workshop" key={workshop.path}>
      <nav className="tabs" role="tablist" aria-label="Workshop sections">
        {TABS.map((t) => (
          <button key={t.id} type="button" role="tab" aria-selected={t.id === tab} onClick={() => setTab(t.id)}>
            {t.label}
          </button>
        ))}
      </nav>
      <section role="tabpanel" aria-label={current.label}>
        {current.render()}
      </section>
    </div>
  );
}
