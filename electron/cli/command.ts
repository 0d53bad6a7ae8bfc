import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { PdfPrinter } from '../report/printer.js';

export interface CliIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown; isTTY?: boolean };
  cwd: string;
  /** Where a bug's details are logged; by default the platform's log folder (see cliLogFolder). */
  logDir?: string;
  /** The app's own printer when the CLI runs inside it (`SyncPlan --cli`); see choosePrinter. */
  printer?: () => Promise<PdfPrinter>;
}

/** Exit statuses of the CLI (docs/cli.md). */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

export interface Command {
  name: string;
  summary: string;
  /** Full help text: first line is the usage line. */
  help: string;
  run(args: string[], io: CliIo): Promise<number>;
}

export class UsageError extends Error {}

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * Strict parsing shared by every command: unknown flags and wrong arity are usage errors (exit 2),
 * never silently ignored.
 */
export function parseCommandArgs<O extends Options>(
  args: string[],
  options: O,
  positionals: { min: number; max?: number },
) {
  let parsed;
  try {
    parsed = parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const count = parsed.positionals.length;
  if (count < positionals.min) throw new UsageError('missing arguments');
  if (positionals.max !== undefined && count > positionals.max) {
    throw new UsageError(`unexpected argument: ${parsed.positionals[positionals.max]}`);
  }
  return parsed;
}

/** `<workshop.syncplan> --json`: the arguments of the commands that print a workshop as JSON. */
export function parseWorkshopJsonArgs(args: string[]): string {
  const { values, positionals } = parseCommandArgs(args, { json: { type: 'boolean' } }, { min: 1, max: 1 });
  if (!values.json) throw new UsageError('--json is required');
  return positionals[0] as string;
}
