import ELK from 'elkjs/lib/elk.bundled.js';
import type { ElkEngine } from './layout.js';

/** elkjs in the calling thread: for the command line, the report and tests (the app lays out in a Web Worker). */
export const bundledElk = (): ElkEngine => new ELK();
