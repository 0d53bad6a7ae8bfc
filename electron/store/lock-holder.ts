import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';

/**
 * Who is writing to a workshop, for "in use by …": the process holding a write lock on the file or
 * on its WAL index (-shm), read from /proc/locks. Only Linux tells; elsewhere, and when the holder
 * cannot be seen (another user's process, a container), the answer is null.
 */
export function lockHolder(path: string): string | null {
  if (process.platform !== 'linux') return null;
  let table: string;
  try {
    table = readFileSync('/proc/locks', 'utf8');
  } catch {
    return null;
  }
  const files = new Set<string>();
  for (const file of [path, `${path}-shm`]) {
    const id = fileId(file);
    if (id) files.add(id);
  }
  for (const line of table.split('\n')) {
    // "1: POSIX  ADVISORY  WRITE 920 fe:00:2253346 120 120"
    const fields = line.trim().split(/\s+/);
    const [kind, , access, pid, file] = fields.slice(1);
    if (kind !== 'POSIX' && kind !== 'OFDLCK') continue;
    if (access !== 'WRITE' || !pid || !file || !files.has(file)) continue;
    if (Number(pid) === process.pid) return 'another SyncPlan window';
    return describeProcess(Number(pid));
  }
  return null;
}

/** "major:minor:inode" as /proc/locks spells it (major and minor in hex). */
function fileId(path: string): string | null {
  try {
    const { dev, ino } = statSync(path, { bigint: true });
    const major = ((dev >> 8n) & 0xfffn) | ((dev >> 32n) & ~0xfffn);
    const minor = (dev & 0xffn) | ((dev >> 12n) & ~0xffn);
    return `${major.toString(16).padStart(2, '0')}:${minor.toString(16).padStart(2, '0')}:${ino}`;
  } catch {
    return null;
  }
}

function describeProcess(pid: number): string {
  let argv: string[] = [];
  try {
    argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
  } catch {
    return `process ${pid}`;
  }
  const program = basename(argv[0] ?? '');
  const script = argv[1] ?? '';
  if (/(^|[\\/])(syncplan(\.cjs)?|out[\\/]main[\\/]cli\.cjs)$/i.test(script)) return `the syncplan command line (process ${pid})`;
  if (/syncplan|electron/i.test(program) || argv.some((arg) => /electron[\\/]harness[\\/]cli\.ts$/.test(arg))) return `SyncPlan (process ${pid})`;
  const shown = /^(node|python\d*(\.\d+)?|perl|ruby)$/.test(program) && script && !script.startsWith('-') ? ` ${basename(script)}` : '';
  return `${program || 'a program'}${shown} (process ${pid})`;
}
