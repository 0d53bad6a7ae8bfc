import { api } from '../../api/transport';
import type { Result } from '../../../../shared/result';
import { importPaths, READABLE_IN_FOLDER, groupPicked, type PickedFile } from './paths';

/**
 * Where the files of an import come from, in either shell. Electron hands out real paths (the native
 * dialog, or `pathForFile` for a chosen or dropped File, folders included). A plain browser has no
 * paths: the files are uploaded to the harness, which answers with the paths it stored them under.
 */
export const isDesktop = typeof api.pathForFile === 'function';

/** Files from an `<input type="file">`, keeping a chosen folder's structure (`webkitRelativePath`). */
export function pickedFromInput(list: FileList | null): PickedFile[] {
  return Array.from(list ?? []).map((file) => ({ file, relativePath: file.webkitRelativePath || file.name }));
}

/**
 * What a drop carries, taken synchronously: a DataTransfer is emptied once its event returns.
 * Electron: real paths of files and folders. Browser: file-system entries to walk afterwards.
 */
export type DroppedItems =
  | { type: 'paths'; paths: string[] }
  /** `files`: dropped files that offer no file-system entry (a page-made DataTransfer, say). */
  | { type: 'entries'; entries: FileSystemEntry[]; files: File[] };

export function takeDropped(data: DataTransfer): DroppedItems {
  if (api.pathForFile) {
    const pathFor = api.pathForFile;
    const paths = Array.from(data.files)
      .map((file) => pathFor(file))
      .filter((path) => path !== '');
    return { type: 'paths', paths };
  }
  const entries: FileSystemEntry[] = [];
  const files: File[] = [];
  for (const item of Array.from(data.items)) {
    if (item.kind !== 'file') continue;
    const entry = item.webkitGetAsEntry();
    const file = entry ? null : item.getAsFile();
    if (entry) entries.push(entry);
    else if (file) files.push(file);
  }
  return { type: 'entries', entries, files };
}

export const hasFiles = (data: DataTransfer | null) => Boolean(data && Array.from(data.types).includes('Files'));

const fileOf = (entry: FileSystemFileEntry) => new Promise<File>((resolve, reject) => entry.file(resolve, reject));

/** A directory reader answers in batches (about 100 entries each) until it answers with none. */
async function children(entry: FileSystemDirectoryEntry): Promise<FileSystemEntry[]> {
  const reader = entry.createReader();
  const all: FileSystemEntry[] = [];
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (batch.length === 0) return all;
    all.push(...batch);
  }
}

/** Walks dropped files and folders; a dropped folder's files keep their path under it. */
export async function walkEntries(entries: readonly FileSystemEntry[], files: readonly File[] = []): Promise<PickedFile[]> {
  const picked: PickedFile[] = files.map((file) => ({ file, relativePath: file.name }));
  const visit = async (entry: FileSystemEntry, prefix: string) => {
    const relativePath = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isFile) picked.push({ file: await fileOf(entry as FileSystemFileEntry), relativePath });
    else if (entry.isDirectory) {
      for (const child of await children(entry as FileSystemDirectoryEntry)) await visit(child, relativePath);
    }
  };
  for (const entry of entries) await visit(entry, '');
  return picked;
}

/** Drops what a folder import never reads (ADRecon's Excel report, say) so nothing needless is uploaded. */
function readableOnly(picked: readonly PickedFile[]): { kept: PickedFile[]; emptyFolders: string[] } {
  const { loose, folders } = groupPicked(picked);
  const kept = [...loose];
  const emptyFolders: string[] = [];
  for (const [name, files] of folders) {
    const readable = files.filter((f) => READABLE_IN_FOLDER.test(f.relativePath));
    if (readable.length === 0) emptyFolders.push(name);
    kept.push(...readable);
  }
  return { kept, emptyFolders };
}

/** The import paths for picked or dropped files: their real paths in Electron, uploaded copies in a browser. */
export async function pathsForPicked(picked: readonly PickedFile[]): Promise<Result<string[]>> {
  if (picked.length === 0) return { ok: false, error: { code: 'nothing-chosen', message: 'Nothing was chosen: the folder is empty.' } };
  if (api.pathForFile) {
    const pathFor = api.pathForFile;
    const paths = importPaths(picked, picked.map((p) => pathFor(p.file)));
    if (paths.length === 0) return { ok: false, error: { code: 'no-path', message: 'These files have no place on disk SyncPlan can read them from.' } };
    return { ok: true, value: paths };
  }
  if (!api.upload) return { ok: false, error: { code: 'no-upload', message: 'This window cannot read files: neither file paths nor uploads are available.' } };
  const { kept, emptyFolders } = readableOnly(picked);
  if (emptyFolders.length > 0) {
    return {
      ok: false,
      error: {
        code: 'nothing-to-import',
        message: 'this folder holds no CSV file and is not an Entra Connect configuration export',
        location: { file: emptyFolders[0] as string },
      },
    };
  }
  const uploaded = await api.upload(kept);
  if (!uploaded.ok) return uploaded;
  return { ok: true, value: importPaths(kept, uploaded.value.paths) };
}
