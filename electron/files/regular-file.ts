import { constants, closeSync, fstatSync, openSync, readFileSync, readSync, type Stats } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { UserError, type SourceLocation } from '../../shared/result.js';

/**
 * SyncPlan reads and writes regular files only. Opening a named pipe blocks until something writes to
 * it, and a device such as /dev/zero never ends: either would hang the app or the command line. So
 * such paths are refused from what stat says, and files are opened without blocking (O_NONBLOCK) and
 * checked again on the open descriptor, in case the path was swapped in between.
 */
export function nonRegularKind(stats: Stats): string | null {
  if (stats.isFile()) return null;
  if (stats.isDirectory()) return 'a folder';
  if (stats.isFIFO()) return 'a named pipe (FIFO)';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  if (stats.isSocket()) return 'a socket';
  return 'not a regular file';
}

export class NotRegularFileError extends Error {
  constructor(
    readonly path: string,
    readonly kind: string,
  ) {
    super(`${path} is ${kind}, not a file`);
    this.name = 'NotRegularFileError';
  }
}

/** O_NONBLOCK does not exist on Windows, where opening a file never waits for a writer anyway. */
const NON_BLOCKING_READ = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/** Opens `path` for reading; throws NotRegularFileError for anything but a regular file, ErrnoException when it cannot be opened. */
export async function openRegularFile(path: string): Promise<FileHandle> {
  const handle = await open(path, NON_BLOCKING_READ);
  try {
    const kind = nonRegularKind(await handle.stat());
    if (kind) throw new NotRegularFileError(path, kind);
    return handle;
  } catch (error) {
    await handle.close();
    throw error;
  }
}

/** The whole file, read through a descriptor checked to be a regular file. */
export async function readRegularFile(path: string): Promise<Buffer> {
  const handle = await openRegularFile(path);
  try {
    return await handle.readFile();
  } finally {
    await handle.close();
  }
}

function withRegularFileSync<T>(path: string, use: (fd: number) => T): T {
  const fd = openSync(path, NON_BLOCKING_READ);
  try {
    const kind = nonRegularKind(fstatSync(fd));
    if (kind) throw new NotRegularFileError(path, kind);
    return use(fd);
  } finally {
    closeSync(fd);
  }
}

/** Up to `length` bytes from the start of a regular file (the workshop header). */
export function readRegularFileHead(path: string, length: number): Buffer {
  return withRegularFileSync(path, (fd) => {
    const head = Buffer.alloc(length);
    return head.subarray(0, readSync(fd, head, 0, length, 0));
  });
}

export function readRegularFileSync(path: string): Buffer {
  return withRegularFileSync(path, (fd) => readFileSync(fd));
}

/** Why an input file (a CSV, an export's XML) could not be opened, located at that file. */
export function inputFileError(error: unknown, location: SourceLocation): UserError {
  if (error instanceof NotRegularFileError) return new UserError('not-a-file', `is ${error.kind}, not a file`, location);
  const code = (error as NodeJS.ErrnoException).code;
  const reason =
    code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'ENOENT' ? 'the file no longer exists' : (code ?? (error as Error).message);
  return new UserError('unreadable', `cannot be read: ${reason}`, location);
}
