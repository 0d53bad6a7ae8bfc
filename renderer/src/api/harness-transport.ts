import { CHANNELS, EVENT_NAMES, type EventName } from '../../../shared/ipc/contract';
import type { Result } from '../../../shared/result';
import type { RendererApi } from './renderer-api';

/**
 * The harness build's transport: the loopback harness (electron/harness) over HTTP, with a per-run
 * token, Server-Sent Events for events and uploads for files chosen in the browser. Never part of the
 * Electron build (see transport.ts).
 */

const TOKEN_KEY = 'syncplan-harness-token';

/** The harness puts a per-run token in the first URL; keep it for reloads, then drop it from the address bar. */
function harnessToken(): string {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    url.searchParams.delete('token');
    window.history.replaceState(null, '', url.toString());
    return fromUrl;
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

function harnessClient(token: string): RendererApi {
  const call = async (channel: string, input: unknown): Promise<Result<unknown>> => {
    try {
      const response = await fetch(`/api/${channel}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-SyncPlan-Token': token },
        body: JSON.stringify(input ?? {}),
      });
      return (await response.json()) as Result<unknown>;
    } catch (error) {
      return { ok: false, error: { code: 'transport', message: `SyncPlan's back end did not answer: ${(error as Error).message}` } };
    }
  };
  const api: Record<string, unknown> = Object.fromEntries(CHANNELS.map((c) => [c, (input: unknown) => call(c, input)]));
  let source: EventSource | null = null;
  api.on = (event: EventName, listener: (payload: unknown) => void) => {
    if (!EVENT_NAMES.includes(event)) throw new Error(`Unknown event ${event}`);
    source ??= new EventSource(`/events?token=${encodeURIComponent(token)}`);
    const handler = (e: MessageEvent<string>) => listener(JSON.parse(e.data));
    source.addEventListener(event, handler);
    return () => source?.removeEventListener(event, handler);
  };
  api.upload = async (files: { file: File; relativePath: string }[]) => {
    const batch = `${Date.now()}-${Math.random().toString(36).slice(2)}`;
    const paths: string[] = [];
    let root = '';
    for (const { file, relativePath } of files) {
      const response = await fetch(`/upload?batch=${batch}&name=${encodeURIComponent(relativePath)}`, {
        method: 'POST',
        headers: { 'X-SyncPlan-Token': token },
        body: file,
      });
      const result = (await response.json()) as Result<{ path: string; root: string }>;
      if (!result.ok) return result;
      paths.push(result.value.path);
      root = result.value.root;
    }
    return { ok: true, value: { paths, root } };
  };
  return api as unknown as RendererApi;
}

export const harnessApi = (): RendererApi => harnessClient(harnessToken());
