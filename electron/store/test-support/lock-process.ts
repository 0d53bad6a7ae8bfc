import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { createInterface } from 'node:readline';

/**
 * Another program holding a workshop's write lock (BEGIN IMMEDIATE) until released: a child process,
 * so that the lock is a real file lock between processes, as with the sqlite3 shell or a second app.
 */
export interface LockHolder {
  pid: number;
  release(): Promise<void>;
}

const script = `
const Database = require(process.argv[1]);
const db = new Database(process.argv[2], { fileMustExist: true });
db.exec('BEGIN IMMEDIATE');
process.stdout.write('locked\\n');
process.stdin.on('data', () => undefined);
process.stdin.on('end', () => { db.exec('ROLLBACK'); db.close(); process.exit(0); });
`;

export async function holdWriteLock(path: string): Promise<LockHolder> {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const child = spawn(process.execPath, ['-e', script, driver, path], { stdio: ['pipe', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    createInterface({ input: child.stdout }).once('line', () => resolve());
    child.once('exit', (code) => reject(new Error(`the lock holder exited with ${code}`)));
  });
  return {
    pid: child.pid as number,
    release: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.stdin.end();
      }),
  };
}
