// @vitest-environment happy-dom
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Result } from '../../../shared/result';
import { click, render, until } from '../test-support/render';
import { DataScope, useRead, useRefresh, useWrite } from './workshop-data';

/** Every call the back end got, by channel; `fail` makes the next forests.summaries call fail. */
const calls: string[] = [];
let fail = false;
vi.mock('./transport', () => {
  const answer = (channel: string, value: unknown): Promise<Result<unknown>> => {
    calls.push(channel);
    if (channel === 'forests.summaries' && fail) {
      fail = false;
      return Promise.resolve({ ok: false, error: { code: 'busy', message: 'The workshop is busy.' } });
    }
    return Promise.resolve({ ok: true, value });
  };
  return {
    api: {
      'forests.summaries': () => answer('forests.summaries', [{ forest: { forest: `contoso.com #${calls.length}` } }]),
      'report.options': () => answer('report.options', { customer: 'Contoso' }),
      'forests.save': () => answer('forests.save', {}),
      'report.exportPdf': () => answer('report.exportPdf', null),
    },
  };
});

function Views() {
  const [tab, setTab] = useState<'forests' | 'other'>('forests');
  const refresh = useRefresh();
  return (
    <>
      <button type="button" id="switch" onClick={() => setTab((t) => (t === 'forests' ? 'other' : 'forests'))} />
      <button type="button" id="refresh" onClick={refresh} />
      {tab === 'forests' ? <Forests /> : <p id="other">other</p>}
      <Report />
    </>
  );
}

function Forests() {
  const read = useRead('forests.summaries', {});
  const write = useWrite();
  return (
    <div>
      <p id="forests">{read.loading ? 'loading' : read.error ? `error: ${read.error.message}` : read.data?.[0]?.forest.forest}</p>
      <button type="button" id="retry" onClick={read.reload} />
      <button type="button" id="save" onClick={() => void write('forests.save', { forest: {} as never })} />
      <button type="button" id="export" onClick={() => void write('report.exportPdf', {} as never)} />
    </div>
  );
}

function Report() {
  const read = useRead('report.options', {});
  return <p id="report">{read.data?.customer}</p>;
}

const text = (id: string) => document.getElementById(id)?.textContent;

describe('the workshop data layer', () => {
  afterEach(() => {
    calls.length = 0;
    document.body.innerHTML = '';
  });

  it('asks once per workshop: a view shown again reads the cache, until a write makes it stale', async () => {
    const { unmount } = await render(
      <DataScope>
        <Views />
      </DataScope>,
    );
    await until(() => text('forests')?.startsWith('contoso.com') === true);
    expect(calls.filter((c) => c === 'forests.summaries')).toHaveLength(1);

    await click(document.getElementById('switch'));
    expect(text('other')).toBe('other');
    await click(document.getElementById('switch'));
    // Shown at once from the cache, and not asked for again.
    expect(text('forests')?.startsWith('contoso.com')).toBe(true);
    expect(calls.filter((c) => c === 'forests.summaries')).toHaveLength(1);

    // A report export changes only the report options.
    await click(document.getElementById('export'));
    await until(() => calls.filter((c) => c === 'report.options').length === 2);
    expect(calls.filter((c) => c === 'forests.summaries')).toHaveLength(1);

    // An edit of the model makes every read stale: the shown ones are asked again at once.
    await click(document.getElementById('save'));
    await until(() => calls.filter((c) => c === 'forests.summaries').length === 2);
    await until(() => calls.filter((c) => c === 'report.options').length === 3);

    // A view not shown during a write (the Import tab was) asks again when it is shown next, once.
    await click(document.getElementById('switch'));
    await click(document.getElementById('refresh'));
    await until(() => calls.filter((c) => c === 'report.options').length === 4);
    expect(calls.filter((c) => c === 'forests.summaries')).toHaveLength(2);
    await click(document.getElementById('switch'));
    await until(() => calls.filter((c) => c === 'forests.summaries').length === 3);
    await until(() => text('forests') === `contoso.com #${calls.lastIndexOf('forests.summaries')}`);
    await click(document.getElementById('switch'));
    await click(document.getElementById('switch'));
    expect(calls.filter((c) => c === 'forests.summaries')).toHaveLength(3);
    await unmount();
  });

  it('shows a failed read as its error, and Retry asks again', async () => {
    fail = true;
    const { unmount } = await render(
      <DataScope>
        <Forests />
      </DataScope>,
    );
    await until(() => text('forests') === 'error: The workshop is busy.');
    await click(document.getElementById('retry'));
    await until(() => text('forests')?.startsWith('contoso.com') === true);
    await unmount();
  });

  it('starts each workshop with an empty cache', async () => {
    const first = await render(
      <DataScope key="a.syncplan">
        <Forests />
      </DataScope>,
    );
    await until(() => text('forests')?.startsWith('contoso.com') === true);
    await first.unmount();
    const second = await render(
      <DataScope key="b.syncplan">
        <Forests />
      </DataScope>,
    );
    await until(() => calls.filter((c) => c === 'forests.summaries').length === 2);
    await second.unmount();
  });
});
