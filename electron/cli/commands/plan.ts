import { EXIT, parseCommandArgs, UsageError, type Command } from '../command.js';
import { withWorkshop } from '../open-for-cli.js';
import { IsoDate } from '../../../shared/plan/plan-schema.js';
import { workshopPlan } from '../../plan/workshop-plan.js';
import { localToday } from '../../../shared/plan/calendar.js';

export const planCommand: Command = {
  name: 'plan',
  summary: 'print the phased migration plan (phases, tasks, dates, critical path) as JSON',
  help: `Usage: syncplan plan <workshop.syncplan> --json [--start YYYY-MM-DD]

Builds the phased migration plan from the workshop's inventory, decisions, planning settings and plan
edits, and prints it: per forest the readiness, pilot, wave, cutover, validation and decommission
phases (or a coexistence track for what stays on Connect Sync), each task with its dates, dependencies,
criteria, rollback and runbook, and the critical path. Nothing is written to the workshop.

Options:
  --json                JSON output (required; the only format)
  --start YYYY-MM-DD    start the plan on this date instead of the workshop's start date (or today)
  -h, --help            show this help
`,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, { json: { type: 'boolean' }, start: { type: 'string' } }, { min: 1, max: 1 });
    if (!values.json) throw new UsageError('--json is required');
    let start: string | undefined;
    if (values.start !== undefined) {
      const parsed = IsoDate.safeParse(values.start);
      if (!parsed.success) throw new UsageError(`--start "${values.start}": ${parsed.error.issues[0]?.message ?? 'not a date'} (YYYY-MM-DD)`);
      start = parsed.data;
    }
    const { plan } = await withWorkshop(positionals[0] as string, io.cwd, (db) => workshopPlan(db, { today: localToday(), ...(start ? { start } : {}) }));
    io.stdout.write(`${JSON.stringify(plan, null, 2)}\n`);
    return EXIT.ok;
  },
};
