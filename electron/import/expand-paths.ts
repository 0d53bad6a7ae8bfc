import { readdir, stat } from 'node:fs/promises';
import { join, relative, resolve, isAbsolute } from 'node:path';
import { UserError } from '../../shared/result.js';
import { isConnectExportFolder } from './connect-export/read-connect-export.js';

/**
 * What the paths of one import stand for (docs/cli.md, import): a CSV file; or a folder, meaning every CSV
 * in it, and an Entra Connect configuration export (the folder itself or a folder in it). An ADRecon
 * report folder counts too: its CSVs are in its CSV-Files folder.
 */
export type ImportInput =
  | { type: 'csv'; path: string; display: string; inFolder: boolean; bytes: number }
  | { type: 'connect'; path: string; display: string; inFolder: boolean; bytes: number };

/** Paths are shown as the user gave them: relative to `baseDir` when inside it. */
export function displayPath(path: string, baseDir?: string): string {
  if (!baseDir) return path;
  const rel = relative(baseDir, path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}

async function statOrNull(path: string) {
  try {
    return await stat(path);
  } catch {
    return null;
  }
}

export async function expandPaths(paths: readonly string[], baseDir?: string): Promise<ImportInput[]> {
  const inputs: ImportInput[] = [];
  const seen = new Set<string>();
  const add = (input: ImportInput) => {
    if (seen.has(input.path)) return;
    seen.add(input.path);
    inputs.push(input);
  };
  for (const given of paths) {
    const path = resolve(baseDir ?? process.cwd(), given);
    const display = displayPath(path, baseDir);
    const info = await statOrNull(path);
    if (!info) throw new UserError('not-found', 'no such file or folder', { file: display });
    // A pipe too: `syncplan import w.syncplan <(gunzip -c users.csv.gz)`; its size is unknown.
    if (info.isFile() || info.isFIFO()) {
      add({ type: 'csv', path, display, inFolder: false, bytes: info.size });
      continue;
    }
    if (!info.isDirectory()) throw new UserError('not-a-file', 'is neither a file nor a folder', { file: display });
    if (isConnectExportFolder(path)) {
      add({ type: 'connect', path, display, inFolder: false, bytes: 0 });
      continue;
    }
    const before = inputs.length;
    const addCsvFiles = async (folder: string, nested: boolean) => {
      const entries = (await readdir(folder, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
      for (const entry of entries) {
        const child = join(folder, entry.name);
        if (entry.isFile() && /\.csv$/i.test(entry.name)) {
          const size = (await stat(child)).size;
          add({ type: 'csv', path: child, display: displayPath(child, baseDir), inFolder: true, bytes: size });
        } else if (!nested && entry.isDirectory() && isConnectExportFolder(child)) {
          add({ type: 'connect', path: child, display: displayPath(child, baseDir), inFolder: true, bytes: 0 });
        } else if (!nested && entry.isDirectory() && /^csv-files$/i.test(entry.name)) {
          await addCsvFiles(child, true);
        }
      }
    };
    await addCsvFiles(path, false);
    if (inputs.length === before) {
      throw new UserError('nothing-to-import', 'this folder holds no CSV file and is not an Entra Connect configuration export', { file: display });
    }
  }
  return inputs;
}
