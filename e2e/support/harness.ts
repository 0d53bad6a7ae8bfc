import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';

export interface HarnessProcess {
  url: string;
  token: string;
  stop(): Promise<void>;
}

export const repoRoot = resolve(import.meta.dirname, '..', '..');

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Builds a generated estate into a new workshop file (e2e/support/large-workshop.ts) in a child process. */
export function largeWorkshop(path: string, forests: number, domainsPerForest: number, ousPerDomain: number): void {
  execFileSync(process.execPath, [join(repoRoot, 'bin/run-ts.mjs'), join(repoRoot, 'e2e/support/large-workshop.ts'), path, String(forests), String(domainsPerForest), String(ousPerDomain)], {
    cwd: repoRoot,
    stdio: 'inherit',
  });
}

/** A real harness process, so a test can stop it and start another on the same files ("reopen the app"). */
export async function startHarnessProcess(
  dataDir: string,
  userDataDir = join(dataDir, 'user-data'),
  rendererDir = join(repoRoot, 'out/harness'),
): Promise<HarnessProcess> {
  const child: ChildProcess = spawn(
    process.execPath,
    [join(repoRoot, 'bin/run-ts.mjs'), join(repoRoot, 'electron/harness/cli.ts'), '--data-dir', dataDir, '--user-data-dir', userDataDir, '--renderer-dir', rendererDir],
    { cwd: repoRoot, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const lines = createInterface({ input: child.stdout! });
  const first = await new Promise<string>((resolveLine, reject) => {
    lines.once('line', resolveLine);
    child.once('exit', (code) => reject(new Error(`harness exited early with ${code}`)));
  });
  const { url, token } = JSON.parse(first) as { url: string; token: string };
  return {
    url: `${url}?token=${token}`,
    token,
    stop: () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null) return done();
        child.once('exit', () => done());
        child.kill('SIGTERM');
      }),
  };
}
