import { accessSync, constants } from 'node:fs';
import { basename, dirname } from 'node:path';
import { UserError } from '../../shared/result.js';
import { NotRegularFileError } from '../files/regular-file.js';
import { lockHolder } from './lock-holder.js';

/**
 * Turns what SQLite and the file system throw while a workshop is opened, read or written into one
 * sentence that names the file and says what to do. Anything not recognised here is a bug and is
 * left for the caller to log.
 */
export interface ExplainOptions {
  /** How the user recovers a damaged workshop where they are: the app's button or the CLI command. */
  recover: string;
}

const code = (error: unknown): string => String((error as { code?: unknown } | null)?.code ?? '');

export const isBusy = (error: unknown): boolean => /^SQLITE_(BUSY|LOCKED)/.test(code(error));
export const isDamage = (error: unknown): boolean => /^SQLITE_(CORRUPT|NOTADB)/.test(code(error));

/** Why a workshop cannot be changed in place, or null when it can: SQLite needs to write the file and, for its journal, the folder. */
export function whyReadOnly(path: string): string | null {
  try {
    accessSync(path, constants.W_OK);
  } catch {
    return 'the file is read-only';
  }
  try {
    accessSync(dirname(path), constants.W_OK);
  } catch {
    return 'its folder is read-only';
  }
  return null;
}

export function inUseError(path: string): UserError {
  const who = lockHolder(path);
  const name = basename(path);
  return new UserError(
    'in-use',
    `${name} is in use by ${who ?? 'another program'}, which is changing it; nothing was changed here. ` +
      'Try again once it has finished, or open the workshop read-only.',
    undefined,
    { workshop: path },
  );
}

export function damagedError(path: string, detail: string, options: ExplainOptions): UserError {
  return new UserError(
    'damaged',
    `${basename(path)} is damaged (${detail}). ${options.recover} to copy what is still readable into a new workshop; the damaged file is left as it is.`,
    undefined,
    { workshop: path },
  );
}

export function explainStoreError(error: unknown, path: string, options: ExplainOptions): UserError | null {
  if (error instanceof UserError) return error;
  const name = basename(path);
  if (error instanceof NotRegularFileError) {
    return new UserError('not-a-file', `${name} is ${error.kind}, not a workshop file; choose a .syncplan file.`);
  }
  const sqlite = code(error);
  const message = (error as Error | null)?.message ?? String(error);
  if (isBusy(error)) return inUseError(path);
  if (isDamage(error)) return damagedError(path, `SQLite reports: ${message}`, options);
  if (sqlite.startsWith('SQLITE_READONLY')) {
    if (sqlite === 'SQLITE_READONLY_DBMOVED') {
      return new UserError('moved', `${name} was moved or deleted while it was open; nothing was changed. Open it again from where it is now.`);
    }
    const reason = whyReadOnly(path);
    return new UserError(
      'read-only',
      `${name} is open read-only${reason ? ` (${reason})` : ''}, so nothing was changed. Save a copy to work on it, or open it again normally.`,
      undefined,
      { workshop: path },
    );
  }
  if (sqlite === 'SQLITE_FULL' || code(error) === 'ENOSPC') {
    return new UserError('disk-full', `The disk that holds ${name} is full; nothing was changed. Free some space and try again.`);
  }
  if (sqlite.startsWith('SQLITE_IOERR')) {
    return new UserError('io-error', `${name} could not be read or written (${sqlite}); nothing was changed. Check the disk or network drive it is on, then try again.`);
  }
  if (sqlite.startsWith('SQLITE_CANTOPEN') || sqlite === 'SQLITE_PERM' || sqlite === 'SQLITE_AUTH') {
    const reason = whyReadOnly(path);
    return new UserError('cannot-open', `${name} cannot be opened${reason ? `: ${reason}` : ''} (${message}). Check that you may read and write it and its folder.`);
  }
  switch (code(error)) {
    case 'ENOENT':
      return new UserError('not-found', `${name} was not found at ${dirname(path)}.`);
    case 'EACCES':
    case 'EPERM':
      return new UserError('permission', `${name} cannot be read or written: permission denied. Ask for access to it and its folder, or copy it somewhere you can write.`);
    case 'EROFS':
      return new UserError('read-only', `${name} is on a read-only drive, so it cannot be changed. Copy it to a writable folder first.`);
    case 'EISDIR':
      return new UserError('not-a-file', `${name} is a folder, not a workshop file; choose a .syncplan file.`);
    case 'ENAMETOOLONG':
      return new UserError('bad-path', `The path of ${name} is too long for this system; choose a shorter name or folder.`);
    case 'ELOOP':
      return new UserError('bad-path', `${name} is a link that points back to itself; choose the workshop file it was meant to reach.`);
    default:
      return null;
  }
}
