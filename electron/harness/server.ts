import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createReadStream, createWriteStream, mkdirSync, rmSync } from 'node:fs';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { dirname, isAbsolute, join, relative as relativePath } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { AddressInfo } from 'node:net';
import { CONTENT_SECURITY_POLICY } from '../main/security.js';
import { contentType, resolveRendererFile } from '../serve/static-files.js';
import { dispatch } from '../ipc/dispatch.js';
import { handlers } from '../ipc/handlers/index.js';
import { Session } from '../ipc/session.js';
import type { Platform } from '../ipc/platform.js';
import { launchChromiumPrinter } from '../report/chromium-printer.js';
import { safeFileName } from '../ipc/safe-file-name.js';
import type { EventName, EventPayload } from '../../shared/ipc/contract.js';

export interface HarnessOptions {
  /** Where "dialogs" put new workshops, copies and templates (a browser has no native dialogs). */
  dataDir: string;
  /** App-data folder (recent workshops); reuse it across harness processes to test reopening. */
  userDataDir: string;
  rendererDir: string;
  sampleWorkshopDir?: string;
  port?: number;
  token?: string;
  /** Largest uploaded file; tests lower it. */
  maxUploadBytes?: number;
}

export interface Harness {
  url: string;
  token: string;
  close(): Promise<void>;
}

const MAX_API_BODY = 16 * 1024 * 1024;
const MAX_UPLOAD = 1024 * 1024 * 1024;
/** Upload batches are named by the page (a time and a random part); nothing else may reach the file system. */
const BATCH_NAME = /^[A-Za-z0-9_-]{1,80}$/;
const safeName = (name: string) => safeFileName(name, 'Workshop');

class TooLarge extends Error {}

function declaredLength(req: IncomingMessage): number {
  return Number(req.headers['content-length'] ?? 0);
}

function readBody(req: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    if (declaredLength(req) > limit) return reject(new TooLarge());
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new TooLarge());
        req.pause();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** Counts the bytes going through and fails the pipeline past `limit`. */
function limitTo(limit: number): Transform {
  let size = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      size += chunk.length;
      done(size > limit ? new TooLarge() : null, chunk);
    },
  });
}

/**
 * The relative path of an uploaded file inside its batch folder, or null when it is absolute, climbs
 * out with "..", or holds a character no file name can.
 */
function uploadPath(name: string): string | null {
  if (!name || name.includes('\0') || isAbsolute(name) || /^[A-Za-z]:/.test(name) || /^[\\/]/.test(name)) return null;
  const parts = name.split(/[\\/]+/).filter((part) => part !== '' && part !== '.');
  if (parts.length === 0 || parts.some((part) => part === '..')) return null;
  return join(...parts);
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' });
  res.end(JSON.stringify(body));
}

function tooLarge(res: ServerResponse, limit: number): void {
  res.shouldKeepAlive = false;
  send(res, 413, { ok: false, error: { code: 'too-large', message: `The request is larger than the ${Math.round(limit / 1048576)} MB the harness accepts; nothing was stored.` } });
}

/**
 * Serves the built renderer and the main-process handler table on loopback, so the e2e tests drive the
 * real handlers, validation and SQLite file from Chromium. Only the transport differs from ipcMain:
 * HTTP POST instead of invoke, Server-Sent Events instead of webContents.send.
 */
export async function startHarness(options: HarnessOptions): Promise<Harness> {
  const token = options.token ?? randomBytes(24).toString('hex');
  const tokenBytes = Buffer.from(token);
  const uploadRoot = join(options.dataDir, 'uploads');
  const maxUpload = options.maxUploadBytes ?? MAX_UPLOAD;
  const listeners = new Set<ServerResponse>();

  const emit = <E extends EventName>(event: E, payload: EventPayload<E>) => {
    const frame = `event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`;
    for (const res of listeners) res.write(frame);
  };

  const platform: Platform = {
    userDataDir: options.userDataDir,
    sampleWorkshopDir: options.sampleWorkshopDir ?? join(import.meta.dirname, '..', '..', 'resources', 'sample-workshop'),
    dialogs: {
      newWorkshopPath: async (name) => join(options.dataDir, `${safeName(name)}.syncplan`),
      openWorkshopPath: async () => null,
      saveCopyPath: async (suggested) => join(options.dataDir, safeName(suggested)),
      exportPath: async (suggested) => join(options.dataDir, safeName(suggested)),
      importPaths: async () => null,
      templatesFolder: async () => {
        const folder = join(options.dataDir, 'templates');
        mkdirSync(folder, { recursive: true });
        return folder;
      },
    },
    // A browser has no printToPDF of its own to offer: the harness prints with a Chromium, as the CLI does.
    printer: () => launchChromiumPrinter(),
    emit,
  };
  mkdirSync(options.dataDir, { recursive: true });
  const session = new Session(platform);

  const authorised = (req: IncomingMessage, url: URL): boolean => {
    const given = Buffer.from(String(req.headers['x-syncplan-token'] ?? url.searchParams.get('token') ?? ''));
    return given.length === tokenBytes.length && timingSafeEqual(given, tokenBytes);
  };

  const server = createServer((req, res) => {
    void (async () => {
      const host = req.headers.host ?? '';
      const address = server.address() as AddressInfo;
      // Refuse other Host names so a web page cannot reach the harness through DNS rebinding.
      if (host !== `127.0.0.1:${address.port}`) return send(res, 421, { ok: false, error: { code: 'bad-host', message: 'Wrong host' } });
      const url = new URL(req.url ?? '/', `http://${host}`);

      if (url.pathname.startsWith('/api/') || url.pathname === '/events' || url.pathname === '/upload') {
        if (!authorised(req, url)) {
          return send(res, 403, { ok: false, error: { code: 'forbidden', message: 'Refused: missing or wrong harness token.' } });
        }
      }
      if (url.pathname.startsWith('/api/') && req.method === 'POST') {
        let payload: unknown;
        try {
          const body = await readBody(req, MAX_API_BODY);
          payload = body ? JSON.parse(body) : {};
        } catch (error) {
          if (error instanceof TooLarge) return tooLarge(res, MAX_API_BODY);
          return send(res, 200, { ok: false, error: { code: 'invalid-input', message: `The request was not valid JSON: ${(error as Error).message}` } });
        }
        return send(res, 200, await dispatch(handlers, url.pathname.slice('/api/'.length), payload, { session }));
      }
      if (url.pathname === '/events' && req.method === 'GET') {
        res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
        res.write(': connected\n\n');
        listeners.add(res);
        req.on('close', () => listeners.delete(res));
        return;
      }
      if (url.pathname === '/upload' && req.method === 'POST') {
        // A browser cannot hand over file paths; uploaded files land in a folder the handlers read from.
        const batch = url.searchParams.get('batch') ?? '';
        const relative = uploadPath(url.searchParams.get('name') ?? '');
        if (!BATCH_NAME.test(batch) || !relative) {
          return send(res, 400, { ok: false, error: { code: 'invalid-input', message: 'Refused: the upload name or batch is not a plain relative file name.' } });
        }
        const root = join(uploadRoot, batch);
        const target = join(root, relative);
        if (relativePath(root, target).startsWith('..')) {
          return send(res, 400, { ok: false, error: { code: 'invalid-input', message: 'Refused: the upload name leaves its folder.' } });
        }
        if (declaredLength(req) > maxUpload) return tooLarge(res, maxUpload);
        mkdirSync(dirname(target), { recursive: true });
        try {
          await pipeline(req, limitTo(maxUpload), createWriteStream(target));
        } catch (error) {
          rmSync(target, { force: true });
          if (error instanceof TooLarge) return tooLarge(res, maxUpload);
          throw error;
        }
        return send(res, 200, { ok: true, value: { path: target, root } });
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, { ok: false });
      const file = resolveRendererFile(options.rendererDir, url.pathname);
      if (!file) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, {
        'Content-Type': contentType(file),
        'Content-Security-Policy': CONTENT_SECURITY_POLICY,
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'no-store',
      });
      createReadStream(file).pipe(res);
    })().catch((error: unknown) => {
      if (!res.headersSent) send(res, 500, { ok: false, error: session.describeFailure('harness request', error) });
    });
  });

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of listeners) res.end();
        session.close();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
