import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The CLI tests run the built out/main/cli.cjs with plain `node`, as users do; build it once per run
 * so they never test a stale bundle.
 *
 * The tests make thousands of temporary workshops and folders (and the CLI and Chromium they start make
 * more): every one goes under one folder of the run, through TMPDIR, which the workers and their child
 * processes inherit, and the folder goes when the run ends.
 */
export default function setup(): () => void {
  execFileSync(process.execPath, [join(import.meta.dirname, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'], {
    cwd: import.meta.dirname,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const root = mkdtempSync(join(tmpdir(), 'syncplan-tests-'));
  // As /tmp is: the tests that run a command as another user (nobody) make folders here too.
  chmodSync(root, 0o1777);
  const previous = process.env.TMPDIR;
  process.env.TMPDIR = root;
  return () => {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    rmSync(root, { recursive: true, force: true });
  };
}
