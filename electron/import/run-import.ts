import type { Db } from '../store/workshop-db.js';
import { appendImportLog } from '../store/inventory-repo.js';
import { writeTransaction } from '../store/write-transaction.js';
import type { FileSummary, ImportProgress, ImportSummary } from '../../shared/import/summary.js';
import { ImportBatch } from './batch.js';
import { commitBatch } from './commit.js';
import { stageConnectExport } from './connect.js';
import { ImportCancelled } from './csv/read-csv.js';
import { expandPaths, type ImportInput } from './expand-paths.js';
import { readCsvFile } from './read-file.js';

/**
 * One import, whether from the CLI, the UI or a test: every file is read and staged in memory first,
 * then everything is written in a single transaction. Any error, or a cancel, before that leaves the
 * workshop exactly as it was; SQLite's journal covers a crash during the write itself.
 */
export interface RunImportOptions {
  onProgress?(progress: ImportProgress): void;
  signal?: AbortSignal;
  /** Paths are resolved against, and shown relative to, this folder (the CLI's working directory). */
  baseDir?: string;
  /** Per-object exports larger than this are read by two threads (split-read.ts); tests lower it. */
  splitAbove?: number;
}

/** ADRecon's GroupMembers.csv has no DNs: its groups belong to the one domain its folder's other files are about. */
function resolvePendingMembers(batch: ImportBatch, files: FileSummary[]): void {
  for (const pending of batch.pendingMembers) {
    const domains = [...(batch.folderDomains.get(pending.folder) ?? [])];
    const summary = files.find((f) => f.path === pending.file);
    if (domains.length === 1) {
      batch.rollup.groupMembers(domains[0] as string, pending.largest);
      summary?.understood.push(`largest group of ${domains[0]}: ${pending.group} with ${pending.largest} direct members`);
    } else {
      summary?.warnings.push({
        file: pending.file,
        message:
          domains.length === 0
            ? 'the domain of these groups is unknown (the file has no distinguished names); import it together with the Domain.csv or Groups.csv of the same ADRecon folder'
            : `the folder holds files of ${domains.length} domains (${domains.join(', ')}), so these groups cannot be given to one; member counts not used`,
      });
    }
  }
}

export async function runImport(db: Db, paths: readonly string[], options: RunImportOptions = {}): Promise<ImportSummary> {
  const started = performance.now();
  const inputs: ImportInput[] = await expandPaths(paths, options.baseDir);
  const totalBytes = inputs.reduce((sum, input) => sum + input.bytes, 0);
  const batch = new ImportBatch();
  const files: FileSummary[] = [];
  let bytesBefore = 0;

  for (const [fileIndex, input] of inputs.entries()) {
    if (options.signal?.aborted) throw new ImportCancelled();
    const report = (rows: number, bytes: number) => {
      const done = bytesBefore + bytes;
      options.onProgress?.({
        file: input.display,
        fileIndex,
        fileCount: inputs.length,
        rows,
        bytes: done,
        totalBytes,
        percent: totalBytes === 0 ? 100 : Math.min(100, (done / totalBytes) * 100),
      });
    };
    if (input.type === 'connect') {
      files.push(await stageConnectExport(input.path, input.display, batch));
      report(0, 0);
    } else {
      const { summary } = await readCsvFile(input, batch, {
        ...(options.signal ? { signal: options.signal } : {}),
        ...(options.splitAbove !== undefined ? { splitAbove: options.splitAbove } : {}),
        lastFile: fileIndex === inputs.length - 1,
        onProgress: report,
      });
      files.push(summary);
    }
    bytesBefore += input.bytes;
  }
  resolvePendingMembers(batch, files);
  if (options.signal?.aborted) throw new ImportCancelled();

  const summary: ImportSummary = {
    files,
    changes: { forests: 0, domains: 0, ous: 0, connectServers: 0, agents: 0, trusts: 0, forestLinks: 0, hygiene: 0 },
    elapsedMs: 0,
  };
  await writeTransaction(
    db,
    () => {
      summary.changes = commitBatch(db, batch);
      summary.elapsedMs = Math.round(performance.now() - started);
      appendImportLog(db, JSON.stringify(summary));
    },
    options.signal ? { signal: options.signal } : {},
  );
  return summary;
}
