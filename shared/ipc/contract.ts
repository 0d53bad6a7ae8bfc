import type { z } from 'zod';
import type { Result } from '../result.js';
import { workshopContract } from './contracts/workshop.js';
import { forestsContract } from './contracts/forests.js';
import { decisionsContract } from './contracts/decisions.js';
import { importContract } from './contracts/import.js';
import { planContract } from './contracts/plan.js';
import { reportContract } from './contracts/report.js';
import { modelContract } from './contracts/model.js';
import { topologyContract } from './contracts/topology.js';
import { events } from './contracts/events.js';

/**
 * The IPC contract: every channel's input and output schema, one spread per feature. Main validates
 * every input against it; the preload and the harness client expose exactly these channels.
 */
export const contract = {
  ...workshopContract,
  ...forestsContract,
  ...importContract,
  ...decisionsContract,
  ...planContract,
  ...reportContract,
  ...modelContract,
  ...topologyContract,
};

export type Contract = typeof contract;
export type Channel = keyof Contract;
export const CHANNELS = Object.keys(contract) as Channel[];
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
export type ChannelOutput<C extends Channel> = z.output<Contract[C]['output']>;

export { events };
export type EventName = keyof typeof events;
export const EVENT_NAMES = Object.keys(events) as EventName[];
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;

/** What the renderer sees, whichever transport carries it. */
export type Api = { [C in Channel]: (input: ChannelInput<C>) => Promise<Result<ChannelOutput<C>>> } & {
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
};
