import type { BrowserWindowConstructorOptions, Session, WebContents } from 'electron';

/**
 * The security defaults of every SyncPlan window, kept free of Electron runtime imports so the tests
 * execute them against stand-ins and check what they actually do.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Vite's dev server injects inline module preambles and talks over a websocket; only `npm run dev`
 * uses this looser policy, never a build.
 */
export function devContentSecurityPolicy(devServerUrl: string): string {
  const origin = new URL(devServerUrl).origin;
  const ws = origin.replace(/^http/, 'ws');
  return CONTENT_SECURITY_POLICY.replace("script-src 'self'", `script-src 'self' 'unsafe-inline' ${origin}`)
    .replace("style-src 'self'", `style-src 'self' 'unsafe-inline' ${origin}`)
    .replace("connect-src 'self'", `connect-src 'self' ${origin} ${ws}`);
}

export function secureWebPreferences(preload: string): NonNullable<BrowserWindowConstructorOptions['webPreferences']> {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webviewTag: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    spellcheck: false,
  };
}

/**
 * IPC is answered only for our own window's top frame showing our own page (the app:// origin, or the
 * dev server under `npm run dev`): not another window, not a frame navigated elsewhere.
 */
export function isTrustedSender(
  sender: { frameUrl: string | null; contentsId: number },
  window: { contentsId: number | null; appOrigin: string; devServerUrl: string | undefined },
): boolean {
  if (!sender.frameUrl || window.contentsId === null || sender.contentsId !== window.contentsId) return false;
  // Node's URL gives custom schemes such as app:// an opaque "null" origin, so compare scheme and host.
  const originOf = (url: string) => {
    try {
      const parsed = new URL(url);
      return `${parsed.protocol}//${parsed.host}`;
    } catch {
      return null;
    }
  };
  const origin = originOf(sender.frameUrl);
  if (origin === null) return false;
  if (origin === originOf(window.appOrigin)) return true;
  return window.devServerUrl !== undefined && origin === originOf(window.devServerUrl);
}

/** Only https links leave the app, and only to the user's browser. */
export function isSafeExternalUrl(url: string): boolean {
  try {
    return new URL(url).protocol === 'https:';
  } catch {
    return false;
  }
}

type Contents = Pick<WebContents, 'setWindowOpenHandler' | 'on'>;

export function hardenWebContents(contents: Contents, openExternal: (url: string) => unknown): void {
  contents.setWindowOpenHandler(({ url }) => {
    if (isSafeExternalUrl(url)) void openExternal(url);
    return { action: 'deny' };
  });
  // The renderer is a single-page app: it never needs to navigate, so any navigation is hostile or a bug.
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

type SessionLike = Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'> & {
  webRequest: Pick<Session['webRequest'], 'onHeadersReceived'>;
};

export function hardenSession(session: SessionLike, policy: string = CONTENT_SECURITY_POLICY): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [policy] } });
  });
}
