import { commands } from './commands/index.js';
import { CLI_VERSION, EXIT, UsageError, type CliIo } from './command.js';
import { UserError, formatError } from '../../shared/result.js';

function mainHelp(): string {
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

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    io.stderr.write(mainHelp());
    return EXIT.usage;
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(mainHelp());
    return EXIT.ok;
  }
  if (name === '--version') {
    io.stdout.write(`${CLI_VERSION}\n`);
    return EXIT.ok;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.stderr.write(`syncplan: unknown command "${name}"\n\n${mainHelp()}`);
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
    io.stderr.write(`syncplan ${command.name}: unexpected error: ${(error as Error).stack ?? String(error)}\n`);
    return EXIT.failed;
  }
}
