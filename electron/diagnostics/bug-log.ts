import { appendFileSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * A failure nobody anticipated is a bug: its stack goes to a log file, never to the user, who gets
 * one sentence saying where the details are.
 */
const LOG_NAME = 'syncplan-errors.log';
/** Past this the log is moved aside once, so it never grows without bound. */
const MAX_LOG_BYTES = 1024 * 1024;

/** Appends the error with its stack; returns the log file, or null when it could not be written. */
export function writeBugLog(folder: string, context: string, error: unknown): string | null {
  const file = join(folder, LOG_NAME);
  const detail = error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : String(error);
  try {
    mkdirSync(folder, { recursive: true });
    try {
      if (statSync(file).size > MAX_LOG_BYTES) renameSync(file, `${file}.1`);
    } catch {
      // No log yet.
    }
    appendFileSync(file, `${new Date().toISOString()} ${context}\n${detail}\n\n`);
    return file;
  } catch {
    return null;
  }
}

/** The sentence the user sees instead of the stack. */
export function bugMessage(context: string, error: unknown, logFile: string | null): string {
  const first = (error instanceof Error ? error.message : String(error)).split('\n')[0]?.slice(0, 200) ?? '';
  const where = logFile ? `The details are in ${logFile}; please send that file to the SyncPlan team.` : 'The details could not be saved.';
  return `SyncPlan hit an unexpected problem ${context} (a bug: ${first}). ${where}`;
}

/** Where the command line keeps its log: SYNCPLAN_LOG_DIR, else the platform's place for application logs. */
export function cliLogFolder(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home = homedir()): string {
  if (env.SYNCPLAN_LOG_DIR) return env.SYNCPLAN_LOG_DIR;
  if (platform === 'win32') return join(env.LOCALAPPDATA ?? join(home, 'AppData', 'Local'), 'SyncPlan', 'logs');
  if (platform === 'darwin') return join(home, 'Library', 'Logs', 'SyncPlan');
  return join(env.XDG_STATE_HOME ?? join(home, '.local', 'state'), 'syncplan');
}
