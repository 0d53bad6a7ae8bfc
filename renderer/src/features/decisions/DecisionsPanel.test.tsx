// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { decide } from '../../../../shared/engine/decide';
import { generateLargeEstate } from '../../../../shared/engine/test-support/large-estate';
import { defaultAssumptions, type Assumptions } from '../../../../shared/model/assumptions';
import { estateModel, type Inventory } from '../../../../shared/model/inventory';
import type { Result } from '../../../../shared/result';
import { DataScope } from '../../api/workshop-data';
import { NotificationsProvider } from '../../ui/notifications';
import { click, render, until } from '../../test-support/render';
import { decideAnswerer } from './decide-answers';
import type { DecideEngine, DecideRequest } from './decide-engine';
import { DecisionsPanel } from './DecisionsPanel';

/** Every card render, by forest: CardHeader renders exactly once per render of its card. */
const cardRenders: string[] = [];
vi.mock('./CardHeader', async (original) => {
  const real = await original<typeof import('./CardHeader')>();
  return {
    CardHeader: (props: Parameters<typeof real.CardHeader>[0]) => {
      cardRenders.push(props.forest);
      return real.CardHeader(props);
    },
  };
});

/** The back end: the estate and the saved assumptions, as the harness would answer. */
let inventory: Inventory;
let saved: Assumptions;
vi.mock('../../api/transport', () => {
  const ok = <T,>(value: T): Promise<Result<T>> => Promise.resolve({ ok: true, value });
  return {
    api: {
      'inventory.get': () => ok(estateModel(inventory)),
      'assumptions.get': () => ok(saved),
      'assumptions.set': ({ assumptions }: { assumptions: Assumptions }) => ok((saved = assumptions)),
      'plan.get': () => ok(null),
      on: () => () => undefined,
    },
  };
});

/** The Web Worker's code, run in the page: answers arrive asynchronously, in order, as from the worker. */
function inlineEngine(): DecideEngine {
  const answer = decideAnswerer();
  const ask = (request: DecideRequest) => Promise.resolve().then(() => answer(request));
  let id = 0;
  return {
    load: async (model, assumptions, features) => {
      const a = await ask({ id: ++id, kind: 'load', model, assumptions, features });
      if (a.kind !== 'loaded') throw new Error(a.kind);
      return a.result;
    },
    update: async (change) => {
      const a = await ask({ id: ++id, kind: 'update', change });
      if (a.kind !== 'changed') throw new Error(a.kind);
      return a.changes;
    },
    dispose: () => undefined,
  };
}

const panel = () => (
  <NotificationsProvider>
    <DataScope>
      <DecisionsPanel engine={inlineEngine} />
    </DataScope>
  </NotificationsProvider>
);

const verdictOf = (container: HTMLElement, forest: string) =>
  container.querySelector(`table[aria-label="Forests overview"] tr[data-forest="${forest}"] .verdict-badge`)?.getAttribute('data-verdict');

describe('the Decisions view', () => {
  beforeEach(() => {
    saved = defaultAssumptions();
    cardRenders.length = 0;
    // happy-dom lays nothing out: give each card a height and the window room for all of them, so the
    // virtual card list puts every open card in the page.
    window.innerHeight = 100_000;
    vi.spyOn(HTMLElement.prototype, 'offsetHeight', 'get').mockImplementation(function (this: HTMLElement) {
      return this.classList.contains('forest-card-slot') ? 300 : 0;
    });
  });
  afterEach(() => {
    vi.restoreAllMocks();
    document.body.innerHTML = '';
  });

  it('lists every forest in the overview, with the verdict the engine gives it', async () => {
    inventory = generateLargeEstate({ forests: 60, domainsPerForest: 2, ousPerDomain: 3 });
    const { container, unmount } = await render(panel());
    await until(() => container.querySelectorAll('table[aria-label="Forests overview"] tbody tr').length > 0);
    const expected = decide(inventory, saved);
    const rows = [...container.querySelectorAll('table[aria-label="Forests overview"] tbody tr')];
    expect(rows.map((r) => r.getAttribute('data-forest'))).toEqual(expected.forests.map((f) => f.forest));
    for (const f of expected.forests) expect(verdictOf(container, f.forest)).toBe(f.verdict);
    // Past a dozen forests the cards wait to be asked for.
    expect(container.querySelectorAll('article')).toHaveLength(0);
    await unmount();
  });

  it('re-renders, after a what-if toggle, only the cards whose decision changed', async () => {
    inventory = generateLargeEstate({ forests: 12, domainsPerForest: 2, ousPerDomain: 3, seed: 7 });
    const toggled = { ...saved, replaceDeviceWritebackWithCloudKerberos: true };
    const before = decide(inventory, saved);
    const after = decide(inventory, toggled);
    const changed = after.forests.filter((f, i) => JSON.stringify(f) !== JSON.stringify(before.forests[i])).map((f) => f.forest);
    expect(changed.length).toBeGreaterThan(0);
    expect(changed.length).toBeLessThan(inventory.forests.length);

    const { container, unmount } = await render(panel());
    await until(() => container.querySelectorAll('article').length === 12);
    cardRenders.length = 0;
    const box = [...container.querySelectorAll('label')].find((l) => l.textContent?.includes('Replace device writeback'))?.querySelector('input');
    await click(box);
    const moved = after.forests.find((f, i) => f.verdict !== before.forests[i]?.verdict);
    if (moved) await until(() => verdictOf(container, moved.forest) === moved.verdict);
    else await until(() => cardRenders.length > 0);
    await until(() => saved.replaceDeviceWritebackWithCloudKerberos);
    expect([...new Set(cardRenders)].sort()).toEqual(changed.sort());
    for (const f of after.forests) expect(verdictOf(container, f.forest)).toBe(f.verdict);
    await unmount();
  });
});
