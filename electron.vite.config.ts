import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import { rendererConfig } from './vite.renderer.config';

/**
 * Main and preload are CommonJS: a sandboxed preload must be, and better-sqlite3 is a native CJS addon.
 * The renderer is a static bundle that the app serves from disk; its harness twin is built by
 * vite.renderer.config.ts.
 */
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      externalizeDeps: true,
      rollupOptions: {
        // The CLI is built beside the app's main: `npx syncplan` and the packaged app both run out/main/cli.cjs.
        // The import's second thread (electron/import/split-read.ts) runs out/main/split-worker.cjs.
        input: {
          index: resolve(__dirname, 'electron/main/index.ts'),
          cli: resolve(__dirname, 'electron/cli/main.ts'),
          'split-worker': resolve(__dirname, 'electron/import/split-worker.ts'),
        },
        output: { format: 'cjs', entryFileNames: '[name].cjs', chunkFileNames: 'chunks/[name]-[hash].cjs' },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(__dirname, 'electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: rendererConfig('electron'),
});
