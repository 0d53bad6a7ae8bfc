import type { Api } from '../../../shared/ipc/contract';
import type { Result } from '../../../shared/result';

/** Extra calls that only exist in one shell. */
export interface ShellExtras {
  /** Electron: the real path of a dropped file. */
  pathForFile?: (file: File) => string;
  /** Harness: copy browser-chosen files to where the handlers can read them; returns their paths. */
  upload?: (files: { file: File; relativePath: string }[]) => Promise<Result<{ paths: string[]; root: string }>>;
}

export type RendererApi = Api & ShellExtras;

declare global {
  interface Window {
    syncplan?: RendererApi;
  }
}
