import { isAbsolute, resolve, win32 } from 'node:path';

/**
 * `SyncPlan --cli <command> ...`: the packaged app runs the `syncplan` command line instead of opening a
 * window. Returns the arguments after `--cli`, or null when the app starts normally.
 */
export function cliArguments(argv: readonly string[]): string[] | null {
  const at = argv.indexOf('--cli');
  return at === -1 ? null : argv.slice(at + 1);
}

/**
 * The workshop a double-click or "Open with" hands over on the command line (Windows and Linux; macOS
 * sends `open-file` instead), resolved against the folder the caller ran in. Chromium may add its own
 * `--switches`, so only a plain argument naming a .syncplan file counts.
 */
export function workshopArgument(argv: readonly string[], cwd: string): string | null {
  const candidate = [...argv.slice(1)].reverse().find((arg) => !arg.startsWith('-') && /\.syncplan$/i.test(arg));
  if (!candidate) return null;
  return isAbsolute(candidate) || win32.isAbsolute(candidate) ? candidate : resolve(cwd, candidate);
}
