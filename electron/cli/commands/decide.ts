import { EXIT, parseWorkshopJsonArgs, type Command } from '../command.js';
import { withWorkshop } from '../open-for-cli.js';
import { readInventory } from '../../store/inventory-repo.js';
import { getAssumptions } from '../../store/assumptions-repo.js';
import { decide } from '../../../shared/engine/decide.js';

export const decideCommand: Command = {
  name: 'decide',
  summary: 'print the decision per forest (verdict, domains, findings) as JSON',
  help: `Usage: syncplan decide <workshop.syncplan> --json

Runs the decision engine on the workshop's inventory with the assumptions saved in the workshop and
prints, per forest, the verdict (migrate-now, migrate-after-remediation, coexist, stay-on-connect,
insufficient-data), the engine per domain, the findings with evidence, remediation and sources (title
and URL of each Microsoft Learn page), and the estate section: estate-wide findings, which Connect
servers stay for which forests, the guided tool's fit, and the forests decided together through links.

Options:
  --json       JSON output (required; the only format)
  -h, --help   show this help
`,
  async run(args, io) {
    const output = await withWorkshop(parseWorkshopJsonArgs(args), io.cwd, (db) => decide(readInventory(db), getAssumptions(db)));
    io.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
    return EXIT.ok;
  },
};
