import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * The CLI tests run the built out/main/cli.cjs with plain `node`, as users do; build it once per run
 * so they never test a stale bundle.
 */
export default function buildOnce(): void {
  execFileSync(process.execPath, [join(import.meta.dirname, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'], {
    cwd: import.meta.dirname,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}
