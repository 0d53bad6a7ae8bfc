import { closeSync, existsSync, fsyncSync, linkSync, openSync, readdirSync, renameSync, rmSync, constants } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * Files are written whole under a hidden name beside their target, made durable, then given the
 * target's name in one step: a crash or kill at any moment leaves either the old file or the new
 * one, never half of one. The temporary names carry the writer's process id, so a later run can
 * tell the leftovers of a killed process from the work of a running one.
 */
const SUFFIX = '.tmp';

export function siblingTemp(target: string, purpose: string): string {
  return join(dirname(target), `.${basename(target)}.${process.pid}.${purpose}${SUFFIX}`);
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes what killed writers left beside `target` (with their journals), never a running writer's file. */
export function removeStaleTemps(target: string): void {
  const prefix = `.${basename(target)}.`;
  let names: string[];
  try {
    names = readdirSync(dirname(target));
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const match = /^(\d+)\.[a-z]+\.tmp(-journal|-wal|-shm)?$/.exec(name.slice(prefix.length));
    if (!match || isRunning(Number(match[1]))) continue;
    rmSync(join(dirname(target), name), { force: true });
  }
}

export function fsyncFile(path: string): void {
  const fd = openSync(path, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Makes a rename or link in `folder` durable. Windows cannot open a folder, and its renames need no such step. */
export function fsyncFolder(folder: string): void {
  let fd: number;
  try {
    fd = openSync(folder, constants.O_RDONLY);
  } catch {
    return;
  }
  try {
    fsyncSync(fd);
  } catch {
    // Some file systems (network shares) refuse fsync on a folder; the rename itself still happened.
  } finally {
    closeSync(fd);
  }
}

/**
 * Gives the finished `temp` the name `target` only if nothing is there yet: false when something
 * is. A hard link does that atomically; file systems without hard links (FAT on a USB stick) fall
 * back to a rename after a check.
 */
export function publishNew(temp: string, target: string): boolean {
  fsyncFile(temp);
  try {
    linkSync(temp, target);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS') throw error;
    if (existsSync(target)) return false;
    renameSync(temp, target);
  }
  rmSync(temp, { force: true });
  fsyncFolder(dirname(target));
  return true;
}

/** Replaces `target` (or creates it) with the finished `temp`. */
export function replaceWith(temp: string, target: string): void {
  fsyncFile(temp);
  renameSync(temp, target);
  fsyncFolder(dirname(target));
}
