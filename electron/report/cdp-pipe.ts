import type { Readable, Writable } from 'node:stream';

interface Pending {
  resolve(result: Record<string, unknown>): void;
  reject(error: Error): void;
  timer: ReturnType<typeof setTimeout>;
}

interface Waiter {
  method: string;
  sessionId: string | undefined;
  resolve(params: Record<string, unknown>): void;
}

interface Message {
  id?: number;
  method?: string;
  sessionId?: string;
  params?: Record<string, unknown>;
  result?: Record<string, unknown>;
  error?: { message: string; code?: number };
}

export class CdpError extends Error {}

/**
 * A minimal Chrome DevTools protocol client over `--remote-debugging-pipe`: messages are JSON, each
 * ended by a NUL byte, written to the browser's fd 3 and read from its fd 4. No port is opened, so no
 * other process on the machine can reach the browser.
 */
export class CdpPipe {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private waiters: Waiter[] = [];
  private buffered: Buffer[] = [];
  private closedWith: Error | null = null;

  constructor(
    private readonly output: Writable,
    input: Readable,
  ) {
    input.on('data', (chunk: Buffer) => this.receive(chunk));
    input.on('close', () => this.fail(new CdpError('the browser closed the DevTools connection')));
    input.on('error', (error) => this.fail(new CdpError(`the DevTools connection failed: ${error.message}`)));
    output.on('error', (error) => this.fail(new CdpError(`the DevTools connection failed: ${error.message}`)));
  }

  send(method: string, params: Record<string, unknown> = {}, options: { sessionId?: string; timeoutMs?: number } = {}): Promise<Record<string, unknown>> {
    if (this.closedWith) return Promise.reject(this.closedWith);
    const id = this.nextId++;
    const message = JSON.stringify({ id, method, params, ...(options.sessionId ? { sessionId: options.sessionId } : {}) });
    return new Promise((resolve, reject) => {
      const timeoutMs = options.timeoutMs ?? 30_000;
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new CdpError(`the browser did not answer ${method} within ${Math.round(timeoutMs / 1000)} s`));
      }, timeoutMs);
      this.pending.set(id, { resolve, reject, timer });
      this.output.write(`${message}\0`);
    });
  }

  /** Resolves on the next event `method` (of `sessionId`, when given). Register before the call that causes it. */
  once(method: string, sessionId?: string): Promise<Record<string, unknown>> {
    if (this.closedWith) return Promise.reject(this.closedWith);
    return new Promise((resolve) => this.waiters.push({ method, sessionId, resolve }));
  }

  /** Rejects every call still waiting; later calls fail at once. */
  fail(error: Error): void {
    if (this.closedWith) return;
    this.closedWith = error;
    for (const { reject, timer } of this.pending.values()) {
      clearTimeout(timer);
      reject(error);
    }
    this.pending.clear();
    this.waiters = [];
  }

  private receive(chunk: Buffer): void {
    let start = 0;
    let end = chunk.indexOf(0, start);
    while (end !== -1) {
      this.buffered.push(chunk.subarray(start, end));
      this.dispatch(Buffer.concat(this.buffered).toString('utf8'));
      this.buffered = [];
      start = end + 1;
      end = chunk.indexOf(0, start);
    }
    if (start < chunk.length) this.buffered.push(chunk.subarray(start));
  }

  private dispatch(text: string): void {
    const message = JSON.parse(text) as Message;
    if (message.id !== undefined) {
      const pending = this.pending.get(message.id);
      if (!pending) return;
      this.pending.delete(message.id);
      clearTimeout(pending.timer);
      if (message.error) pending.reject(new CdpError(message.error.message));
      else pending.resolve(message.result ?? {});
      return;
    }
    if (!message.method) return;
    const index = this.waiters.findIndex((w) => w.method === message.method && (w.sessionId === undefined || w.sessionId === message.sessionId));
    if (index === -1) return;
    const [waiter] = this.waiters.splice(index, 1);
    waiter?.resolve(message.params ?? {});
  }
}
