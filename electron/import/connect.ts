import { isAbsolute, join, relative } from 'node:path';
import type { FileSummary } from '../../shared/import/summary.js';
import type { ImportBatch } from './batch.js';
import { readConnectExport } from './connect-export/read-connect-export.js';

/**
 * An Entra Connect configuration export (Get-ADSyncServerConfiguration): read by the connect-export
 * module, staged here like any other file. Its forests are synced by Connect today, so they go in as
 * current engine connect-sync with the export's source anchor, features and OU filter.
 */
/** The connect-export module names files by their path; show them under the folder as the user named it. */
function inFolder(file: string, folder: string, display: string): string {
  const rel = isAbsolute(file) ? relative(folder, file) : file;
  return rel.startsWith('..') ? file : join(display, rel);
}

export async function stageConnectExport(folder: string, display: string, batch: ImportBatch): Promise<FileSummary> {
  const exported = await readConnectExport(folder);
  const { server } = exported;
  batch.server(server);
  const understood = [
    `Connect server ${server.server}${server.version ? ` ${server.version}` : ''}${server.mode ? ` (${server.mode})` : ''}`,
  ];
  for (const entry of exported.forests) {
    batch.forest({
      forest: entry.forest,
      currentEngine: 'connect-sync',
      ...(entry.sourceAnchor ? { sourceAnchor: entry.sourceAnchor } : {}),
      features: entry.features,
    });
    batch.connectScopes.push({ forest: entry.forest, includedOus: entry.includedOus, excludedOus: entry.excludedOus });
    understood.push(
      `forest ${entry.forest}: source anchor ${entry.sourceAnchor ?? 'unknown'}, ${entry.includedOus.length} OU filter inclusion${entry.includedOus.length === 1 ? '' : 's'}, ${entry.excludedOus.length} exclusion${entry.excludedOus.length === 1 ? '' : 's'}`,
    );
  }
  understood.push(
    `${server.standardRules ?? 'unknown'} standard and ${server.customRules ?? exported.customRuleNames.length} custom sync rules` +
      (exported.customRuleNames.length ? `: ${exported.customRuleNames.slice(0, 10).join(', ')}` : '') +
      (server.pilotNoFlowRules ? `; ${server.pilotNoFlowRules} pilot no-flow rules (cloudNoFlow / JoinNoFlow) not counted as custom` : ''),
  );
  if (server.nonAdConnectors?.length) {
    understood.push(`connectors to other sources: ${server.nonAdConnectors.map((c) => `${c.name} (${c.type})`).join(', ')}`);
  }
  const rules = (server.standardRules ?? 0) + (server.customRules ?? 0);
  return {
    path: display,
    kind: 'connect-export',
    source: 'Entra Connect configuration export',
    encoding: null,
    delimiter: null,
    rows: rules,
    imported: rules,
    understood,
    warnings: exported.warnings.map((w) => ({
      file: inFolder(w.file, folder, display),
      ...(w.line !== undefined ? { line: w.line } : {}),
      message: w.message,
    })),
  };
}
