import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { CHANNELS, EVENT_NAMES } from '../../shared/ipc/contract.js';

/**
 * The renderer's only door to main: one function per contract channel, one subscription per event.
 * Raw ipcRenderer never crosses the bridge.
 */
const api: Record<string, unknown> = Object.fromEntries(
  CHANNELS.map((channel) => [channel, (input: unknown) => ipcRenderer.invoke(channel, input)]),
);
api.on = (event: string, listener: (payload: unknown) => void) => {
  if (!(EVENT_NAMES as string[]).includes(event)) throw new Error(`Unknown event ${event}`);
  const wrapped = (_e: unknown, payload: unknown) => listener(payload);
  ipcRenderer.on(`syncplan:event:${event}`, wrapped);
  return () => ipcRenderer.removeListener(`syncplan:event:${event}`, wrapped);
};
/** Dropped files carry their real path only through this call (File.path is gone since Electron 32). */
api.pathForFile = (file: File) => webUtils.getPathForFile(file);

contextBridge.exposeInMainWorld('syncplan', api);
