import { resolve } from 'node:path';
import { EXIT, parseCommandArgs, type Command } from '../command.js';
import { writeTemplates } from '../../import/write-templates.js';

export const templatesCommand: Command = {
  name: 'templates',
  summary: 'write the empty inventory CSV templates',
  help: `Usage: syncplan templates <folder>

Writes the canonical inventory templates (forests, domains, ous, sync_features, connect_servers,
agents, forest_links) into <folder>, creating it if needed, each with its header and one example row to replace.
Files that already exist are never overwritten: then nothing is written.

Options:
  -h, --help   show this help
`,
  async run(args, io) {
    const { positionals } = parseCommandArgs(args, {}, { min: 1, max: 1 });
    for (const path of writeTemplates(resolve(io.cwd, positionals[0] as string))) io.stdout.write(`${path}\n`);
    return EXIT.ok;
  },
};
