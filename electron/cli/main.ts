import { commands as allCommands } from './commands/index.js';
import { EXIT, UsageError, type CliIo, type Command } from './command.js';
import { UserError, formatError } from '../../shared/result.js';
import { bugMessage, cliLogFolder, writeBugLog } from '../diagnostics/bug-log.js';
import { APP_VERSION } from '../app-version.js';

function mainHelp(commands: readonly Command[]): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  const list = commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n');
  return `Usage: syncplan <command> [options]

Plan the move of Active Directory forests from Entra Connect Sync to Entra Cloud Sync.

Commands:
${list}

Options:
  -h, --help     show help (also after any command: syncplan import --help)
  --version      print the version

Exit status: 0 success, 1 bad input or failed operation, 2 wrong usage.
`;
}

export async function runCli(argv: string[], io: CliIo, commands: readonly Command[] = allCommands): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    io.stderr.write(mainHelp(commands));
    return EXIT.usage;
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(mainHelp(commands));
    return EXIT.ok;
  }
  if (name === '--version') {
    io.stdout.write(`${APP_VERSION}\n`);
    return EXIT.ok;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.stderr.write(`syncplan: unknown command "${name}"\n\n${mainHelp(commands)}`);
    return EXIT.usage;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout.write(command.help);
    return EXIT.ok;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`syncplan ${command.name}: ${error.message}\n\n${command.help}`);
      return EXIT.usage;
    }
    if (error instanceof UserError) {
      io.stderr.write(`syncplan ${command.name}: ${formatError(error.toAppError())}\n`);
      return EXIT.failed;
    }
    const context = `while running "syncplan ${command.name}"`;
    const log = writeBugLog(io.logDir ?? cliLogFolder(), context, error);
    io.stderr.write(`syncplan ${command.name}: ${bugMessage(context, error, log)}\n`);
    return EXIT.failed;
  }
}
