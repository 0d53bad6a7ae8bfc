import { harnessApi } from './harness-transport';
import { preloadApi } from './preload-transport';
import type { RendererApi } from './renderer-api';

export type { RendererApi } from './renderer-api';

/**
 * The transport is chosen when the renderer is built, not when it runs: `__SYNCPLAN_SHELL__` is a
 * constant of the build (vite `define`), so the Electron bundle holds only the preload transport and
 * the harness bundle only the HTTP client; the branch not taken is removed from the bundle.
 */
export const api: RendererApi = __SYNCPLAN_SHELL__ === 'harness' ? harnessApi() : preloadApi();
