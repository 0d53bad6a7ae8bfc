import { contract, type Channel } from '../../shared/ipc/contract.js';
import type { Result } from '../../shared/result.js';
import type { HandlerContext, HandlerTable } from './handler-types.js';

const isChannel = (name: string): name is Channel => Object.hasOwn(contract, name);

/**
 * The one way any transport (ipcMain, the harness) reaches a handler: unknown channels and invalid
 * payloads are refused before the handler runs, so they change nothing.
 */
export async function dispatch(
  table: HandlerTable,
  channel: string,
  payload: unknown,
  context: HandlerContext,
): Promise<Result<unknown>> {
  if (!isChannel(channel)) {
    return { ok: false, error: { code: 'unknown-channel', message: `SyncPlan has no operation called "${channel}".` } };
  }
  const parsed = contract[channel].input.safeParse(payload ?? {});
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
    const first = issues[0];
    return {
      ok: false,
      error: {
        code: 'invalid-input',
        message: `The request "${channel}" was refused: ${first ? `${first.path || 'input'}: ${first.message}` : 'invalid input'}. Nothing was changed.`,
        issues,
      },
    };
  }
  try {
    const handler = table[channel] as (input: unknown, context: HandlerContext) => unknown;
    return { ok: true, value: await handler(parsed.data, context) };
  } catch (error) {
    return { ok: false, error: context.session.describeFailure(channel, error) };
  }
}
