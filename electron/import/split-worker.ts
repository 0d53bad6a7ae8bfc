import { parentPort, workerData } from 'node:worker_threads';
import { UserError } from '../../shared/result.js';
import { ImportBatch } from './batch.js';
import { mapColumns } from './columns.js';
import { readCsv } from './csv/read-csv.js';
import type { FileContext } from './kinds/context.js';
import { objectReaders } from './kinds/ad-objects.js';
import type { HalfAnswer, HalfTask } from './split-read.js';

/**
 * The second thread of a split import (split-read.ts): reads a per-object export from a line in its
 * middle to its end, into a batch that starts from what the import had seen before this file, and
 * answers with what it took (lines numbered from 1 at its start).
 */
const task = workerData as HalfTask;
const port = parentPort;

async function readHalf(): Promise<HalfAnswer> {
  const batch = new ImportBatch();
  batch.rollup.continueFrom(task.seen);
  batch.hygiene.continueFrom(task.addresses);
  batch.rollup.reserve(task.rows);
  batch.hygiene.reserve(task.rows);
  let warned = false;
  const ctx: FileContext = {
    file: task.display,
    path: task.path,
    batch,
    warn: () => void (warned = true),
    fail(message, line, column): never {
      throw new UserError('bad-input', message, { file: task.display, ...(line ? { line } : {}), ...(column ? { column } : {}) });
    },
    understood: () => undefined,
    imported: () => undefined,
    reclassify: () => undefined,
  };
  const reader = objectReaders[task.kind];
  const columns = mapColumns(task.header.names, reader.fields);
  const handler = reader.start(ctx, columns);
  let reported = 0;
  const read = await readCsv(task.path, () => ({ wanted: columns.wanted, row: (cells, line, cols) => handler.row(cells, line, cols) }), {
    displayName: task.display,
    from: { offset: task.offset, header: task.header },
    onProgress(rows, bytes) {
      // About five times a second at import speed: every 16 MB.
      if (bytes - reported < 16 * 1024 * 1024) return;
      reported = bytes;
      port?.postMessage({ kind: 'progress', rows, bytes });
    },
  });
  const objects = handler.part?.();
  if (warned || !objects) return { kind: 'unusable' };
  return {
    kind: 'done',
    rows: read.rows,
    bytes: read.bytesRead,
    cleanText: read.cleanText,
    encoding: read.encoding,
    objects,
    rollup: batch.rollup.part(),
    hygiene: batch.hygiene.part(),
  };
}

readHalf().then(
  (answer) => {
    const transfer = answer.kind === 'done' ? [answer.rollup.seen.buffer, answer.hygiene.upns.buffer, answer.hygiene.proxies.buffer] : [];
    port?.postMessage(answer, transfer as ArrayBuffer[]);
  },
  (error: unknown) => {
    const answer: HalfAnswer =
      error instanceof UserError ? { kind: 'failed', error: error.toAppError() } : { kind: 'unusable' };
    port?.postMessage(answer);
  },
);
