import { resolve } from 'node:path';
import { EXIT, parseCommandArgs, type Command } from '../command.js';
import { recoverWorkshop } from '../../store/recover.js';

export const recoverCommand: Command = {
  name: 'recover',
  summary: 'copy what is readable of a damaged workshop into a new workshop',
  help: `Usage: syncplan recover <damaged.syncplan> <new.syncplan> [--json]

Reads every row SQLite can still read from a damaged workshop, table by table, and writes them to a
new workshop file, which must not exist yet. The damaged file is only read, never changed. Prints
how many rows were recovered and which tables had unreadable parts. Rows that lost what they belong
to (a domain whose forest could not be read) are left out.

Options:
  --json       print the report as JSON
  -h, --help   show this help
`,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, { json: { type: 'boolean' } }, { min: 2, max: 2 });
    const [damaged, target] = positionals as [string, string];
    const controller = new AbortController();
    const cancel = () => controller.abort();
    process.once('SIGINT', cancel);
    try {
      const report = await recoverWorkshop(resolve(io.cwd, damaged), resolve(io.cwd, target), { signal: controller.signal });
      io.stdout.write(values.json ? `${JSON.stringify(report, null, 2)}\n` : `${report.summary}\n`);
      return EXIT.ok;
    } finally {
      process.off('SIGINT', cancel);
    }
  },
};
