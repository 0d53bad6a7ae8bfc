import { UserError } from '../../shared/result.js';
import type { FilePreview, ImportPreview } from '../../shared/import/summary.js';
import { ImportBatch } from './batch.js';
import { stageConnectExport } from './connect.js';
import { expandPaths } from './expand-paths.js';
import { readCsvFile } from './read-file.js';

/**
 * What an import of these paths would do, without writing: each file's kind, encoding, delimiter,
 * column mapping and warnings from its first rows, and its row count (exact for small files,
 * estimated from the bytes for large ones). A file that would fail says so in `error`.
 */
const SAMPLE_BYTES = 256 * 1024;

export async function previewImport(paths: readonly string[], options: { baseDir?: string; signal?: AbortSignal } = {}): Promise<ImportPreview> {
  const inputs = await expandPaths(paths, options.baseDir);
  const files: FilePreview[] = [];
  for (const input of inputs) {
    const batch = new ImportBatch();
    const base = { path: input.display, bytes: input.bytes };
    try {
      if (input.type === 'connect') {
        const summary = await stageConnectExport(input.path, input.display, batch);
        files.push({ ...base, kind: summary.kind, source: summary.source, encoding: null, delimiter: null, rows: summary.rows, rowsEstimated: false, columns: [], warnings: summary.warnings, error: null });
        continue;
      }
      const { summary, read, columns, sample } = await readCsvFile(input, batch, {
        stopAfterBytes: SAMPLE_BYTES,
        chunkBytes: 64 * 1024,
        ...(options.signal ? { signal: options.signal } : {}),
      });
      const estimated = sample !== null;
      files.push({
        ...base,
        kind: summary.kind,
        source: summary.source,
        encoding: summary.encoding,
        delimiter: summary.delimiter,
        rows: sample ? Math.round((sample.rows * read.totalBytes) / Math.max(1, sample.bytes)) : summary.rows,
        rowsEstimated: estimated,
        columns: columns?.mapping ?? [],
        warnings: summary.warnings,
        error: null,
      });
    } catch (error) {
      if (!(error instanceof UserError) || error.code === 'cancelled') throw error;
      const location = error.location ?? { file: input.display };
      files.push({
        ...base,
        kind: 'not-inventory',
        source: 'unknown',
        encoding: null,
        delimiter: null,
        rows: 0,
        rowsEstimated: false,
        columns: [],
        warnings: [],
        error: { ...location, message: error.message },
      });
    }
  }
  return { files };
}
