import { spawn } from 'node:child_process';

/**
 * Which browser prints the report for the command line. Inside the app (`SyncPlan --cli`) Electron
 * itself prints. The installed app's `syncplan` launcher runs the CLI in the app's runtime as plain
 * Node (ELECTRON_RUN_AS_NODE), where Electron's printing is out of reach: the command is handed to the
 * app (`SyncPlan --cli ...`) so the report still comes from the Chromium inside SyncPlan. Elsewhere
 * (`npx syncplan` in a checkout) a Chromium-based browser found on the machine prints.
 */
export type PrinterChoice = { kind: 'given' } | { kind: 'app'; executable: string } | { kind: 'browser-on-machine' };

export function choosePrinter(given: boolean, versions: Partial<Record<string, string>>, env: Record<string, string | undefined>, execPath: string): PrinterChoice {
  if (given) return { kind: 'given' };
  if (versions.electron !== undefined && env.ELECTRON_RUN_AS_NODE) return { kind: 'app', executable: execPath };
  return { kind: 'browser-on-machine' };
}

/** Runs `args` as `<app> --cli ...` with this terminal, and answers its exit status. */
export function runInApp(executable: string, args: readonly string[]): Promise<number> {
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE;
  return new Promise((resolve, reject) => {
    const child = spawn(executable, ['--cli', ...args], { env, stdio: 'inherit', windowsHide: true });
    child.once('error', reject);
    child.once('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}
