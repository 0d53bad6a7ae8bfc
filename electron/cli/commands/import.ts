import { basename } from 'node:path';
import { EXIT, parseCommandArgs, type CliIo, type Command } from '../command.js';
import { withImportTarget } from '../open-for-cli.js';
import { runImport } from '../../import/run-import.js';
import type { ImportProgress, ImportSummary } from '../../../shared/import/summary.js';
import { plural } from '../../../shared/engine/format.js';

export function formatSummary(summary: ImportSummary, workshop: string): string {
  const lines = [`Imported ${plural(summary.files.length, 'file', 'files')} into ${workshop}:`];
  for (const file of summary.files) {
    const format = [file.encoding, file.delimiter ? `"${file.delimiter}"-separated` : null].filter(Boolean).join(', ');
    lines.push(`  ${file.path}`);
    lines.push(`    kind: ${file.kind} — ${file.source}${format ? ` (${format})` : ''}`);
    const unit = file.kind === 'connect-export' ? 'sync rules' : 'rows';
    lines.push(`    ${unit}: ${file.rows.toLocaleString('en-US')} read, ${file.imported.toLocaleString('en-US')} imported`);
    for (const sentence of file.understood) lines.push(`    ${sentence}`);
    for (const warning of file.warnings) {
      const where = [
        warning.file !== file.path ? warning.file : null,
        warning.line ? `line ${warning.line}` : null,
        warning.column ? `column ${warning.column}` : null,
      ].filter(Boolean);
      lines.push(`    warning: ${where.length ? `${where.join(', ')}: ` : ''}${warning.message}`);
    }
  }
  const c = summary.changes;
  lines.push(
    `Written: ${plural(c.forests, 'forest', 'forests')}, ${plural(c.domains, 'domain', 'domains')}, ${plural(c.ous, 'OU', 'OUs')}, ${plural(c.connectServers, 'Connect server', 'Connect servers')}, ` +
      `${plural(c.agents, 'agent', 'agents')}, ${plural(c.trusts, 'trust', 'trusts')}, ${plural(c.forestLinks, 'forest link', 'forest links')}, ${plural(c.hygiene, 'hygiene result', 'hygiene results')} (${(summary.elapsedMs / 1000).toFixed(1)} s).`,
  );
  return `${lines.join('\n')}\n`;
}

/** One line, rewritten in place; only on a terminal, so logs and tests stay clean. */
function progressLine(io: CliIo): ((p: ImportProgress) => void) | undefined {
  if (!io.stderr.isTTY) return undefined;
  let last = 0;
  return (p) => {
    const now = Date.now();
    if (now - last < 200 && p.percent < 100) return;
    last = now;
    io.stderr.write(`\r\x1b[K${basename(p.file)}: ${p.rows.toLocaleString('en-US')} rows, ${(p.bytes / 1048576).toFixed(0)} MB, ${p.percent.toFixed(0)}%`);
  };
}

export const importCommand: Command = {
  name: 'import',
  summary: 'import inventory CSVs and Entra Connect exports into a workshop',
  help: `Usage: syncplan import <workshop.syncplan> <path>... [--json]

Creates the workshop if it does not exist, then imports every path: a CSV file, or a folder (every
CSV in it, and an Entra Connect configuration export, recognised by its Connectors/, GlobalSettings/
and SynchronizationRules/ folders). A file's kind is recognised by its content:
  - SyncPlan templates (see "syncplan templates"): forests, domains, ous, sync_features,
    connect_servers, agents, forest_links; re-importing a row updates it, an empty cell leaves the
    stored value
  - Export-Csv of Get-ADForest, Get-ADDomain, Get-ADOrganizationalUnit, Get-ADUser, Get-ADGroup,
    Get-ADComputer, Get-ADObject and Get-ADTrust (Windows PowerShell 5.1 or PowerShell 7; UTF-8,
    UTF-16 or ANSI; "," or ";")
  - ADRecon's CSV-Files folder
Per-object exports are rolled up into per-domain and per-OU counts, with directory hygiene checks;
a later export of a domain replaces that domain's counts.

The whole call is one transaction: on any error nothing is written (and a workshop this call
created is removed again). Prints, per file, the detected kind, the rows imported and the warnings.

Options:
  --json       print the summary as JSON
  -h, --help   show this help
`,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, { json: { type: 'boolean' } }, { min: 2 });
    const [workshopArg, ...paths] = positionals as [string, ...string[]];
    const onProgress = progressLine(io);
    let summary: ImportSummary;
    try {
      summary = await withImportTarget(workshopArg, io.cwd, (db, signal) =>
        runImport(db, paths, { baseDir: io.cwd, signal, ...(onProgress ? { onProgress } : {}) }),
      );
    } finally {
      if (onProgress) io.stderr.write('\r\x1b[K');
    }
    io.stdout.write(values.json ? `${JSON.stringify(summary, null, 2)}\n` : formatSummary(summary, workshopArg));
    return EXIT.ok;
  },
};
