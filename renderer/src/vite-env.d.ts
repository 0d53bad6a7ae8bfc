/// <reference types="vite/client" />

/** Which shell the renderer is built for; replaced by a constant at build time (vite.renderer.config.ts). */
declare const __SYNCPLAN_SHELL__: 'electron' | 'harness';
