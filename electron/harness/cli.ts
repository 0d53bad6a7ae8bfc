import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startHarness } from './server.js';

/**
 * `npm run harness -- --data-dir D --user-data-dir U`: prints one JSON line {url, token} once listening,
 * then serves until stdin closes or it is signalled.
 */
const { values } = parseArgs({
  options: {
    'data-dir': { type: 'string' },
    'user-data-dir': { type: 'string' },
    'renderer-dir': { type: 'string' },
    port: { type: 'string' },
  },
});
const dataDir = resolve(values['data-dir'] ?? 'harness-data');
const harness = await startHarness({
  dataDir,
  userDataDir: resolve(values['user-data-dir'] ?? `${dataDir}/user-data`),
  rendererDir: resolve(values['renderer-dir'] ?? 'out/harness'),
  port: values.port ? Number(values.port) : 0,
});
process.stdout.write(`${JSON.stringify({ url: harness.url, token: harness.token })}\n`);
if (process.stderr.isTTY) process.stderr.write(`SyncPlan harness: open ${harness.url}?token=${harness.token} in a browser (Ctrl+C stops it)\n`);
const stop = () => void harness.close().then(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
