import type { Stats } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join, relative, resolve, isAbsolute } from 'node:path';
import { UserError } from '../../shared/result.js';
import { isConnectExportFolder } from './connect-export/read-connect-export.js';
import { nonRegularKind } from '../files/regular-file.js';

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

/** Named pipes and devices are refused before anything opens them: reading one would never end. */
function refuseNonRegular(info: Stats, display: string, inFolder: boolean): void {
  const kind = nonRegularKind(info);
  if (!kind) return;
  const what = kind === 'a named pipe (FIFO)' ? `${kind}, which SyncPlan does not read: save its data to a file and import that` : `${kind}, not a file`;
  throw new UserError('not-a-file', inFolder ? `is ${what} (found in the folder; remove it from there or import the files one by one)` : `is ${what}`, { file: display });
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
    if (given.includes('\0')) throw new UserError('bad-path', 'a file name cannot contain a NUL character', { file: given.split('\0').join('\\0') });
    const path = resolve(baseDir ?? process.cwd(), given);
    const display = displayPath(path, baseDir);
    const info = await statOrNull(path);
    if (!info) throw new UserError('not-found', 'no such file or folder', { file: display });
    if (!info.isDirectory()) {
      refuseNonRegular(info, display, false);
      add({ type: 'csv', path, display, inFolder: false, bytes: info.size });
      continue;
    }
    if (isConnectExportFolder(path)) {
      add({ type: 'connect', path, display, inFolder: false, bytes: 0 });
      continue;
    }
    const before = inputs.length;
    const addCsvFiles = async (folder: string, nested: boolean) => {
      const entries = (await readdir(folder, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
      for (const entry of entries) {
        const child = join(folder, entry.name);
        const childDisplay = displayPath(child, baseDir);
        // A link is taken for what it points to, like a file or folder in its place.
        const target = entry.isSymbolicLink() ? await statOrNull(child) : null;
        if (entry.isSymbolicLink() && !target) {
          if (/\.csv$/i.test(entry.name)) throw new UserError('not-found', 'is a link to a file that does not exist (found in the folder; remove the link or fix it)', { file: childDisplay });
          continue;
        }
        const isDirectory = target ? target.isDirectory() : entry.isDirectory();
        if (!isDirectory && /\.csv$/i.test(entry.name)) {
          const info = target ?? (await stat(child));
          refuseNonRegular(info, childDisplay, true);
          add({ type: 'csv', path: child, display: childDisplay, inFolder: true, bytes: info.size });
        } else if (!nested && isDirectory && isConnectExportFolder(child)) {
          add({ type: 'connect', path: child, display: childDisplay, inFolder: true, bytes: 0 });
        } else if (!nested && isDirectory && /^csv-files$/i.test(entry.name)) {
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
