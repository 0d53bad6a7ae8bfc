import { resolve } from 'node:path';
import { defineConfig, type UserConfig } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * The renderer is built twice from the same sources, once per shell: the Electron build (out/renderer,
 * by electron-vite) talks only to the preload API; the harness build (out/harness, by this file) talks
 * only to the loopback harness over HTTP. `__SYNCPLAN_SHELL__` decides which transport is bundled.
 */
export type Shell = 'electron' | 'harness';

const root = import.meta.dirname;

export function rendererConfig(shell: Shell): UserConfig {
  return {
    root: resolve(root, 'renderer'),
    plugins: [react()],
    define: { __SYNCPLAN_SHELL__: JSON.stringify(shell) },
    build: {
      outDir: resolve(root, shell === 'electron' ? 'out/renderer' : 'out/harness'),
      emptyOutDir: true,
      // electron-vite leaves its renderer unminified unless told: both shells ship the minified bundle.
      minify: true,
      rollupOptions: { input: { index: resolve(root, 'renderer/index.html') } },
      // Read from the local disk, never a network: the limit is there to catch a bundle that balloons,
      // and ELK's layout worker (1.4 MB of compiled Java, loaded only by the Topology view) is as it comes.
      chunkSizeWarningLimit: 1600,
    },
    // ELK's worker script is a CommonJS module too; as a classic worker its exports are never read.
    worker: { rollupOptions: { output: { name: 'elk' } } },
  };
}

export default defineConfig(rendererConfig('harness'));
