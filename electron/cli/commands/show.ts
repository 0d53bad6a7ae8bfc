import { EXIT, parseWorkshopJsonArgs, type Command } from '../command.js';
import { withWorkshop } from '../open-for-cli.js';
import { readInventory } from '../../store/inventory-repo.js';
import { inventoryView } from '../../../shared/model/inventory-view.js';

export const showCommand: Command = {
  name: 'show',
  summary: 'print the stored inventory as JSON',
  help: `Usage: syncplan show <workshop.syncplan> --json

Prints the workshop's inventory: forests with their cloud, features and domains (user, group, contact
and computer counts, OU count), the links between forests, Connect servers and Cloud Sync agents.
Unknown values are null.

Options:
  --json       JSON output (required; the only format)
  -h, --help   show this help
`,
  async run(args, io) {
    const output = await withWorkshop(parseWorkshopJsonArgs(args), io.cwd, (db) => inventoryView(readInventory(db)));
    io.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
    return EXIT.ok;
  },
};
