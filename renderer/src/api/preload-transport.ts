import type { RendererApi } from './renderer-api';

/**
 * The Electron build's only transport: the API the preload script exposes. Without it the page has no
 * way to reach SyncPlan's main process, so it says so on screen and stops, instead of trying anything else.
 */
export function preloadApi(): RendererApi {
  if (window.syncplan) return window.syncplan;
  const message = "SyncPlan cannot start: its preload API (window.syncplan) is missing, so this window cannot reach SyncPlan's main process. Reinstall SyncPlan.";
  document.body.textContent = message;
  throw new Error(message);
}
