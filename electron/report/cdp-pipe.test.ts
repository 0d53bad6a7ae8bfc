import { describe, expect, it } from 'vitest';
import { PassThrough } from 'node:stream';
import { CdpPipe } from './cdp-pipe.js';

function connect() {
  const toBrowser = new PassThrough();
  const fromBrowser = new PassThrough();
  const sent: { id: number; method: string; sessionId?: string }[] = [];
  toBrowser.on('data', (chunk: Buffer) => {
    for (const part of chunk.toString('utf8').split('\0').filter(Boolean)) sent.push(JSON.parse(part));
  });
  return { cdp: new CdpPipe(toBrowser, fromBrowser), fromBrowser, sent };
}

describe('the DevTools pipe', () => {
  it('answers calls by id, across message boundaries that split anywhere', async () => {
    const { cdp, fromBrowser, sent } = connect();
    const first = cdp.send('Browser.getVersion');
    const second = cdp.send('Page.enable', {}, { sessionId: 's1' });
    await new Promise((r) => setImmediate(r));
    expect(sent.map((m) => [m.method, m.sessionId])).toEqual([['Browser.getVersion', undefined], ['Page.enable', 's1']]);
    const wire = Buffer.from(`${JSON.stringify({ id: sent[1]?.id, result: { ok: 2 } })}\0${JSON.stringify({ id: sent[0]?.id, result: { product: 'Chrome' } })}\0`);
    fromBrowser.write(wire.subarray(0, 7));
    fromBrowser.write(wire.subarray(7, 40));
    fromBrowser.write(wire.subarray(40));
    expect(await first).toEqual({ product: 'Chrome' });
    expect(await second).toEqual({ ok: 2 });
  });

  it('delivers the awaited event of the right session, and turns protocol errors into rejections', async () => {
    const { cdp, fromBrowser, sent } = connect();
    const loaded = cdp.once('Page.loadEventFired', 's2');
    fromBrowser.write(`${JSON.stringify({ method: 'Page.loadEventFired', sessionId: 's1', params: { timestamp: 1 } })}\0`);
    fromBrowser.write(`${JSON.stringify({ method: 'Page.loadEventFired', sessionId: 's2', params: { timestamp: 2 } })}\0`);
    expect(await loaded).toEqual({ timestamp: 2 });
    const failing = cdp.send('Page.navigate', { url: 'x' });
    await new Promise((r) => setImmediate(r));
    fromBrowser.write(`${JSON.stringify({ id: sent[0]?.id, error: { message: 'Cannot navigate to invalid URL' } })}\0`);
    await expect(failing).rejects.toThrow('Cannot navigate to invalid URL');
  });

  it('fails every waiting call when the browser goes away', async () => {
    const { cdp, fromBrowser } = connect();
    const pending = cdp.send('Page.printToPDF');
    fromBrowser.destroy();
    await expect(pending).rejects.toThrow(/closed the DevTools connection/);
    await expect(cdp.send('Browser.close')).rejects.toThrow(/closed/);
  });
});
