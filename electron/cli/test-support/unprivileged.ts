import { spawnSync } from 'node:child_process';

/**
 * Tests run as root here and in CI, and root reads and writes whatever the permission bits say. The
 * read-only cases therefore run the command as the unprivileged user "nobody" (65534): through
 * setpriv (util-linux), else runuser. `skip` says why neither works.
 */
export type Unprivileged = { prefix: string[]; skip?: undefined } | { prefix?: undefined; skip: string };

export function unprivileged(): Unprivileged {
  if (typeof process.getuid !== 'function') return { skip: 'permission bits are a POSIX matter; this system has none' };
  if (process.getuid() !== 0) return { prefix: [] };
  const candidates = [
    ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups'],
    ['runuser', '-u', 'nobody', '--'],
  ];
  for (const prefix of candidates) {
    const [command, ...args] = prefix as [string, ...string[]];
    const probe = spawnSync(command, [...args, process.execPath, '-e', 'process.exit(process.getuid() === 0 ? 1 : 0)'], { encoding: 'utf8' });
    if (probe.status === 0) return { prefix };
  }
  return { skip: 'running as root, and neither setpriv nor runuser can switch to the user "nobody"' };
}
