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
    },
  };
}

export default defineConfig(rendererConfig('harness'));
