// @vitest-environment happy-dom
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DataScope } from '../../api/workshop-data';
import { NotificationsProvider } from '../../ui/notifications';
import { render } from '../../test-support/render';
import { EntityForm } from './EntityForm';
import { newRow } from './EstatePanel';
import { referencesFor } from './references';

vi.mock('../../api/transport', () => ({ api: { on: () => () => undefined } }));

/** Two forests, each with its own domains, as the workshop would hold them. */
const known = {
  forests: [{ forest: 'contoso.com' }, { forest: 'fabrikam.com' }],
  domains: [
    { domain: 'contoso.com', forest: 'contoso.com' },
    { domain: 'emea.contoso.com', forest: 'contoso.com' },
    { domain: 'fabrikam.com', forest: 'fabrikam.com' },
  ],
  tenants: [],
};

const optionsOf = (select: HTMLSelectElement | null) => [...(select?.options ?? [])].map((o) => o.textContent);

async function choose(select: HTMLSelectElement | null, value: string) {
  if (!select) throw new Error('no such select');
  await act(async () => {
    select.value = value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

let unmount: (() => Promise<void>) | undefined;
afterEach(async () => unmount?.());

describe('an agent host form', () => {
  it("offers the chosen forest's domains only, and says so of a stored domain from another forest", async () => {
    const agent = { ...newRow('agent', { host: 'AGENT01', forest: 'contoso.com' }), domain: 'emea.contoso.com' };
    const view = await render(
      <NotificationsProvider>
        <DataScope>
          <EntityForm entity="agent" initial={agent} previous={['AGENT01']} references={referencesFor('agent', known)} onCancel={() => undefined} onSaved={() => undefined} />
        </DataScope>
      </NotificationsProvider>,
    );
    unmount = view.unmount;
    const select = (label: string) => [...view.container.querySelectorAll('label')].find((l) => l.textContent?.replace(' *', '') === label)?.control as HTMLSelectElement | null;

    expect(optionsOf(select('Domain'))).toEqual(['Unknown', 'contoso.com', 'emea.contoso.com']);
    await choose(select('Forest'), 'fabrikam.com');
    expect(optionsOf(select('Domain'))).toEqual(['Unknown', 'fabrikam.com', 'emea.contoso.com (not in fabrikam.com)']);
    expect(select('Domain')?.value).toBe('emea.contoso.com');
  });
});
