import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/** `npm run bench`: every benchmark in its own process, so one's memory never skews another's. */
const benches = ['engine.bench.ts', 'import.bench.ts', 'plan.bench.ts', 'report.bench.ts', 'topology.bench.ts', 'ui.bench.ts'];
let failed = false;
for (const bench of benches) {
  console.log(`\n== ${bench}`);
  const run = spawnSync(process.execPath, [join(import.meta.dirname, '..', 'bin', 'run-ts.mjs'), join(import.meta.dirname, bench)], { stdio: 'inherit' });
  failed ||= run.status !== 0;
}
process.exitCode = failed ? 1 : 0;
