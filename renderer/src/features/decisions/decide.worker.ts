import { decideAnswerer } from './decide-answers';
import type { DecideRequest } from './decide-engine';

/** The decision engine's Web Worker: one estate, decided once, then again for each what-if. */
const answer = decideAnswerer();
self.onmessage = (event: MessageEvent<DecideRequest>) => self.postMessage(answer(event.data));
