import { describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY, hardenSession, hardenWebContents, isSafeExternalUrl, isTrustedSender, secureWebPreferences } from './security.js';

type Listener = (event: { preventDefault(): void }, ...args: unknown[]) => void;

function fakeContents() {
  const listeners = new Map<string, Listener>();
  let openHandler: ((details: { url: string }) => { action: string }) | undefined;
  return {
    contents: {
      setWindowOpenHandler: (handler: typeof openHandler) => {
        openHandler = handler;
      },
      on: (name: string, listener: Listener) => {
        listeners.set(name, listener);
      },
    },
    fire(name: string) {
      const event = { preventDefault: vi.fn() };
      listeners.get(name)?.(event, 'https://evil.example/');
      return event.preventDefault;
    },
    open: (url: string) => openHandler?.({ url }),
  };
}

describe('window security defaults', () => {
  it('isolates and sandboxes the renderer with no Node access', () => {
    const prefs = secureWebPreferences('/app/preload.cjs');
    expect(prefs).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
    });
  });

  it('denies new windows, passing only https links to the system browser', () => {
    const fake = fakeContents();
    const openExternal = vi.fn();
    hardenWebContents(fake.contents as never, openExternal);
    expect(fake.open('https://learn.microsoft.com/entra')).toEqual({ action: 'deny' });
    expect(fake.open('http://example.com')).toEqual({ action: 'deny' });
    expect(fake.open('file:///etc/passwd')).toEqual({ action: 'deny' });
    expect(fake.open('javascript:alert(1)')).toEqual({ action: 'deny' });
    expect(openExternal.mock.calls).toEqual([['https://learn.microsoft.com/entra']]);
  });

  it('blocks navigation, redirects and <webview>', () => {
    const fake = fakeContents();
    hardenWebContents(fake.contents as never, vi.fn());
    expect(fake.fire('will-navigate')).toHaveBeenCalled();
    expect(fake.fire('will-redirect')).toHaveBeenCalled();
    expect(fake.fire('will-attach-webview')).toHaveBeenCalled();
  });

  it('denies every permission request and check, and sets a strict CSP on every response', () => {
    let request: ((c: unknown, p: string, cb: (granted: boolean) => void) => void) | undefined;
    let check: (() => boolean) | undefined;
    let headers: ((d: { responseHeaders?: Record<string, string[]> }, cb: (r: unknown) => void) => void) | undefined;
    hardenSession({
      setPermissionRequestHandler: (h: typeof request) => {
        request = h;
      },
      setPermissionCheckHandler: (h: typeof check) => {
        check = h;
      },
      webRequest: {
        onHeadersReceived: (h: typeof headers) => {
          headers = h;
        },
      },
    } as never);
    // Each handler must have been registered, and called here, for its answer to count.
    if (!request || !check || !headers) throw new Error('hardenSession did not register every handler');
    const granted = vi.fn();
    const permissions = ['media', 'geolocation', 'notifications', 'openExternal'];
    for (const permission of permissions) request({}, permission, granted);
    expect(granted.mock.calls).toEqual(permissions.map(() => [false]));
    expect(check()).toBe(false);
    const done = vi.fn();
    headers({ responseHeaders: { 'X-Other': ['1'] } }, done);
    expect(done).toHaveBeenCalledWith({ responseHeaders: { 'X-Other': ['1'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });

  it('allows no inline or remote script in the CSP', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|https?:/);
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
  });

  it('answers IPC only from its own window showing its own page', () => {
    const window = { contentsId: 7, appOrigin: 'app://syncplan', devServerUrl: undefined };
    expect(isTrustedSender({ frameUrl: 'app://syncplan/index.html', contentsId: 7 }, window)).toBe(true);
    expect(isTrustedSender({ frameUrl: 'app://syncplan/index.html', contentsId: 8 }, window)).toBe(false);
    expect(isTrustedSender({ frameUrl: 'https://evil.example/', contentsId: 7 }, window)).toBe(false);
    expect(isTrustedSender({ frameUrl: 'app://syncplan.evil/index.html', contentsId: 7 }, window)).toBe(false);
    expect(isTrustedSender({ frameUrl: 'not a url', contentsId: 7 }, window)).toBe(false);
    expect(isTrustedSender({ frameUrl: 'http://localhost:5173/', contentsId: 7 }, window)).toBe(false);
    expect(isTrustedSender({ frameUrl: null, contentsId: 7 }, window)).toBe(false);
    expect(isTrustedSender({ frameUrl: 'app://syncplan/', contentsId: 7 }, { ...window, contentsId: null })).toBe(false);
    const dev = { ...window, devServerUrl: 'http://localhost:5173/' };
    expect(isTrustedSender({ frameUrl: 'http://localhost:5173/', contentsId: 7 }, dev)).toBe(true);
  });

  it('treats only https as safe to open externally', () => {
    expect(isSafeExternalUrl('https://learn.microsoft.com')).toBe(true);
    expect(isSafeExternalUrl('http://learn.microsoft.com')).toBe(false);
    expect(isSafeExternalUrl('smb://server/share')).toBe(false);
    expect(isSafeExternalUrl('not a url')).toBe(false);
  });
});
