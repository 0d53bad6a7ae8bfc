import ELK from 'elkjs/lib/elk-api.js';
import ElkWorker from 'elkjs/lib/elk-worker.min.js?worker';
import type { ElkEngine } from '../../../../shared/topology/layout';

let engine: ElkEngine | null = null;

/** elkjs in a Web Worker, one for the page: a 200-forest layout never blocks scrolling, typing or the keyboard. */
export function workerElk(): ElkEngine {
  engine ??= new ELK({ workerFactory: () => new ElkWorker() });
  return engine;
}
