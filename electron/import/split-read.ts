import { closeSync, openSync, readSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { basename, dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { ImportKind } from '../../shared/import/summary.js';
import { UserError, type AppError } from '../../shared/result.js';
import type { ImportBatch } from './batch.js';
import type { CsvHeader, ReadCsvSplit } from './csv/read-csv.js';
import type { HygienePart } from './hygiene.js';
import type { ObjectsPart } from './kinds/ad-objects.js';
import type { RowHandler } from './kinds/context.js';
import type { RollupPart } from './rollup.js';

/**
 * A large per-object export (a million Get-ADUser rows) read by two threads: this one from the start
 * to a line break near the middle, a worker from there to the end. Rows of these exports are
 * independent, so the two halves add up, and the result is exactly the one-thread result, because
 * the worker's part is used only when all of this holds, and otherwise this thread reads on:
 * - the line break really ends a record (this thread's parser is between records there: a quoted value
 *   may hold line breaks, and only reading from the start tells);
 * - both halves are ASCII or valid UTF-8 (then the worker decoded its half as one reader would);
 * - no object, UPN or proxy address of the worker's half was already seen in this thread's half (those
 *   would be duplicates, which only a reading in order counts right);
 * - the worker warned of nothing and did not fail for a reason other than the file's own error.
 * An error in the worker's half is reported with its line in the whole file.
 */
export interface HalfTask {
  path: string;
  display: string;
  offset: number;
  header: CsvHeader;
  kind: keyof typeof objectKinds;
  /** Objects the worker's half probably holds. */
  rows: number;
  seen: ReturnType<ImportBatch['rollup']['seenSnapshot']>;
  addresses: ReturnType<ImportBatch['hygiene']['snapshot']>;
}

export type HalfAnswer =
  | { kind: 'done'; rows: number; bytes: number; cleanText: boolean; encoding: string; objects: ObjectsPart; rollup: RollupPart; hygiene: HygienePart }
  | { kind: 'failed'; error: AppError }
  | { kind: 'unusable' };

type WorkerMessage = HalfAnswer | { kind: 'progress'; rows: number; bytes: number };

const objectKinds = { 'ad-users': true, 'ad-groups': true, 'ad-computers': true, 'ad-objects': true } as const;

/** Below this a second thread costs more to start than it saves. */
export const SPLIT_ABOVE_BYTES = 64 * 1024 * 1024;
/** The worker's heap: its hashes live outside it (typed arrays), so this bounds only rows in flight. */
const WORKER_OLD_MB = 64;
const WORKER_YOUNG_MB = 4;
/** How far past the middle a line break is looked for. */
const LOOK_AHEAD = 1024 * 1024;

/** The byte after the first LF at or past the middle of the file; null when none is near. */
function middleLineBreak(path: string, totalBytes: number): number | null {
  const fd = openSync(path, 'r');
  try {
    const window = Buffer.allocUnsafe(LOOK_AHEAD);
    const middle = Math.floor(totalBytes / 2);
    const n = readSync(fd, window, 0, LOOK_AHEAD, middle);
    const lf = window.subarray(0, n).indexOf(10);
    return lf === -1 ? null : middle + lf + 1;
  } finally {
    closeSync(fd);
  }
}

/**
 * The worker's script: beside this module's bundle in the built app and CLI (out/main/split-worker.cjs),
 * or the TypeScript source under the TypeScript loader (tests, benchmarks).
 */
function startWorker(task: HalfTask): Worker {
  // The worker holds only its half's hashes and the chunk being read: a small heap keeps the import's
  // peak memory where one thread had it. A worker that outgrows it stops, and this thread reads on.
  const resourceLimits = { maxOldGenerationSizeMb: WORKER_OLD_MB, maxYoungGenerationSizeMb: WORKER_YOUNG_MB };
  const here = import.meta.url;
  if (here.endsWith('.ts')) {
    const source = new URL('./split-worker.ts', here).href;
    // Resolved as require does: import.meta.resolve does not exist in the CommonJS build of this module.
    const loader = pathToFileURL(createRequire(here).resolve('tsx/esm/api')).href;
    return new Worker(`import(${JSON.stringify(loader)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(source)}); });`, { eval: true, workerData: task, resourceLimits });
  }
  let dir = dirname(fileURLToPath(here));
  if (basename(dir) === 'chunks') dir = dirname(dir);
  return new Worker(join(dir, 'split-worker.cjs'), { workerData: task, resourceLimits });
}

export interface Splitter {
  split: ReadCsvSplit;
  /** Rows and bytes the worker has read so far (then, once used, its whole half). */
  progress(): { rows: number; bytes: number };
  /** The worker's half, once used: its encoding as read, for the file's summary. */
  encoding(): string | null;
  dispose(): void;
}

/** Offers a split of a large per-object export, or null when the file does not qualify. */
export function splitObjectsFile(
  options: {
    path: string;
    display: string;
    kind: ImportKind;
    header: CsvHeader;
    totalBytes: number;
    /** From the first chunk: each thread makes room for half of them in its hash sets. */
    rowsEstimate: number;
    batch: ImportBatch;
    handler: RowHandler;
    /** Whether a later file of the import will be checked against the objects and addresses seen here. */
    keepSeen: boolean;
    splitAbove?: number;
    signal?: AbortSignal;
  },
): Splitter | null {
  const { kind, handler, batch } = options;
  if (!(kind in objectKinds) || !handler.merge || options.totalBytes < (options.splitAbove ?? SPLIT_ABOVE_BYTES)) return null;
  const offset = middleLineBreak(options.path, options.totalBytes);
  if (offset === null || offset >= options.totalBytes) return null;
  const task: HalfTask = {
    path: options.path,
    display: options.display,
    offset,
    header: options.header,
    kind: kind as HalfTask['kind'],
    rows: Math.ceil(options.rowsEstimate / 2),
    seen: batch.rollup.seenSnapshot(),
    addresses: batch.hygiene.snapshot(),
  };
  let worker: Worker;
  try {
    worker = startWorker(task);
  } catch {
    return null;
  }
  batch.rollup.reserve(task.rows);
  batch.hygiene.reserve(task.rows);
  let progress = { rows: 0, bytes: 0 };
  let used: string | null = null;
  const answer = new Promise<HalfAnswer>((resolve) => {
    worker.on('message', (message: WorkerMessage) => {
      if (message.kind === 'progress') progress = { rows: message.rows, bytes: message.bytes };
      else resolve(message);
    });
    // A worker that cannot start (or dies) costs only the parallelism: this thread reads on.
    worker.on('error', () => resolve({ kind: 'unusable' }));
    worker.on('exit', () => resolve({ kind: 'unusable' }));
    options.signal?.addEventListener('abort', () => resolve({ kind: 'unusable' }), { once: true });
  });
  const dispose = () => void worker.terminate();

  return {
    progress: () => progress,
    encoding: () => used,
    dispose,
    split: {
      offset,
      async settle(at) {
        const half = await answer;
        dispose();
        if (!at.recordStart || !at.cleanText || half.kind === 'unusable') return false;
        const lineOffset = at.nextLine - 1;
        if (half.kind === 'failed') {
          const { code, message, location } = half.error;
          const line = location?.line !== undefined ? { line: location.line + lineOffset } : {};
          throw new UserError(code, message, location ? { ...location, ...line } : undefined);
        }
        if (!half.cleanText || batch.rollup.overlaps(half.rollup) || batch.hygiene.overlaps(half.hygiene)) return false;
        batch.rollup.merge(half.rollup, options.keepSeen);
        batch.hygiene.merge(half.hygiene, options.keepSeen);
        handler.merge?.(half.objects, lineOffset);
        progress = { rows: half.rows, bytes: half.bytes };
        // One reading of the whole file calls it UTF-8 as soon as either half had a non-ASCII character.
        used = at.encoding === 'ASCII' ? half.encoding : at.encoding;
        return true;
      },
    },
  };
}
