import type { Channel, ChannelOutput } from '../../shared/ipc/contract.js';
import type { z } from 'zod';
import type { Contract } from '../../shared/ipc/contract.js';
import type { Session } from './session.js';

export interface HandlerContext {
  session: Session;
}

/** Handlers receive the input as parsed by the contract (defaults applied), never the raw payload. */
export type Handler<C extends Channel> = (
  input: z.output<Contract[C]['input']>,
  context: HandlerContext,
) => Promise<ChannelOutput<C>> | ChannelOutput<C>;

export type HandlerTable<C extends Channel = Channel> = { [K in C]: Handler<K> };
