import { accessSync, closeSync, constants, fsyncSync, openSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { UserError } from '../../shared/result.js';

/**
 * Writes the whole file beside its target and renames it into place: readers see the old file or the
 * new one, never half of one, and a failure leaves nothing behind.
 */
export function writeFileAtomic(target: string, data: Uint8Array): void {
  const temp = join(dirname(target), `.${basename(target)}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    const fd = openSync(temp, 'wx');
    try {
      writeSync(fd, data);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, target);
  } catch (error) {
    rmSync(temp, { force: true });
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'the folder does not exist' : (error as Error).message;
    throw new UserError('write-failed', `Could not write ${target}: ${reason}.`);
  }
}

/** Fails early, before minutes of printing, when the target's folder is missing or read-only. */
export function checkWritableTarget(target: string): void {
  const folder = dirname(target);
  try {
    if (!statSync(folder).isDirectory()) throw new Error('not a folder');
    accessSync(folder, constants.W_OK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'the folder does not exist' : code === 'EACCES' ? 'the folder is read-only' : (error as Error).message;
    throw new UserError('write-failed', `Could not write ${target}: ${reason}.`);
  }
  if (statSync(target, { throwIfNoEntry: false })?.isDirectory()) throw new UserError('write-failed', `Could not write ${target}: it is a folder.`);
}
