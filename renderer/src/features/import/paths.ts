/**
 * Pure helpers for turning what the user picked or dropped into the paths `import.preview` and
 * `import.run` accept, and for showing those paths briefly. No DOM, no API: unit-tested in node.
 */

/** One picked or dropped file and where it sits relative to what the user chose ("adrecon/Users.csv"). */
export interface PickedFile {
  file: File;
  /** Forward slashes; no leading slash. A bare name for a loose file. */
  relativePath: string;
}

const segments = (relativePath: string) => relativePath.split('/').filter(Boolean);

/** The folder the user chose, when the file came from one ("adrecon" for "adrecon/CSV-Files/Users.csv"). */
export function topFolder(relativePath: string): string | null {
  const parts = segments(relativePath);
  return parts.length > 1 ? (parts[0] as string) : null;
}

/** The parent of a path, for either separator (Windows paths keep their backslashes). */
export function parentPath(path: string): string {
  const cut = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  if (cut < 0) return path;
  if (cut === 0) return path.slice(0, 1);
  return path.slice(0, cut);
}

/**
 * The real path of the folder a file was chosen in, from the file's real path and its path relative to
 * that folder: "/x/adrecon/CSV-Files/Users.csv" with "adrecon/CSV-Files/Users.csv" gives "/x/adrecon".
 */
export function chosenFolderPath(filePath: string, relativePath: string): string {
  let path = filePath;
  for (let i = 1; i < segments(relativePath).length; i++) path = parentPath(path);
  return path;
}

/** Only these are read from a folder: CSV files, and the XML files of an Entra Connect export. */
export const READABLE_IN_FOLDER = /\.(csv|xml)$/i;

export interface Grouped {
  /** Files picked on their own, in the order given. */
  loose: PickedFile[];
  /** Files picked as part of a folder, by the folder's name, in the order first seen. */
  folders: Map<string, PickedFile[]>;
}

export function groupPicked(picked: readonly PickedFile[]): Grouped {
  const loose: PickedFile[] = [];
  const folders = new Map<string, PickedFile[]>();
  for (const entry of picked) {
    const folder = topFolder(entry.relativePath);
    if (folder === null) {
      loose.push(entry);
      continue;
    }
    const list = folders.get(folder) ?? [];
    list.push(entry);
    folders.set(folder, list);
  }
  return { loose, folders };
}

/**
 * Which paths to import, given the real path of each picked file: a loose file's own path, and for a
 * folder the folder itself (so the import recognises an Entra Connect export or an ADRecon folder as
 * a whole instead of reading its XML files as CSV). Duplicates are dropped.
 */
export function importPaths(picked: readonly PickedFile[], realPaths: readonly string[]): string[] {
  const paths: string[] = [];
  picked.forEach((entry, i) => {
    const real = realPaths[i];
    if (!real) return;
    const path = topFolder(entry.relativePath) === null ? real : chosenFolderPath(real, entry.relativePath);
    if (!paths.includes(path)) paths.push(path);
  });
  return paths;
}

/** The folders shown paths are relative to: the parent of each imported path. */
export function displayBases(paths: readonly string[]): string[] {
  return [...new Set(paths.map(parentPath))].sort((a, b) => b.length - a.length);
}

/** A path relative to the first base it is inside ("adrecon-sos-labs/Users.csv"); unchanged otherwise. */
export function shortPath(path: string, bases: readonly string[]): string {
  for (const base of bases) {
    if (base.length > 1 && path.length > base.length && path.startsWith(base) && /[\\/]/.test(path.charAt(base.length))) {
      return path.slice(base.length + 1);
    }
  }
  return path;
}

/** The last part of a path, for either separator. */
export function baseName(path: string): string {
  const cut = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return cut < 0 ? path : path.slice(cut + 1);
}

/** "48.2 MB" */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}
