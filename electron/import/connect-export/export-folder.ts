import { readdirSync, type Dirent } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { UserError } from '../../../shared/result.js';

/** The three folders Get-ADSyncServerConfiguration always writes; Windows spells them in any case. */
const FOLDERS = { connectors: 'connectors', globalSettings: 'globalsettings', rules: 'synchronizationrules' } as const;

export interface ExportLayout {
  connectors: string[];
  metaverse: string;
  rules: string[];
}

function subfolders(entries: Dirent[]): Map<string, string> {
  return new Map(entries.filter((e) => e.isDirectory()).map((e) => [e.name.toLowerCase(), e.name]));
}

export function isConnectExportFolder(folder: string): boolean {
  let found: Map<string, string>;
  try {
    found = subfolders(readdirSync(folder, { withFileTypes: true }));
  } catch {
    return false;
  }
  return Object.values(FOLDERS).every((name) => found.has(name));
}

async function xmlFiles(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && /\.xml$/i.test(e.name))
    .map((e) => e.name)
    .sort()
    .map((name) => join(folder, name));
}

function exportError(file: string, message: string): UserError {
  return new UserError('bad-connect-export', message, { file });
}

/** Finds the files to read; throws when a part every export has is absent. */
export async function exportLayout(folder: string): Promise<ExportLayout> {
  let found: Map<string, string>;
  try {
    found = subfolders(await readdir(folder, { withFileTypes: true }));
  } catch {
    throw exportError(folder, 'the Entra Connect export folder cannot be read');
  }
  const locate = (key: string, shown: string): string => {
    const actual = found.get(key);
    if (!actual) {
      throw exportError(folder, `not an Entra Connect configuration export: the ${shown}/ folder is missing`);
    }
    return join(folder, actual);
  };
  const connectorsFolder = locate(FOLDERS.connectors, 'Connectors');
  const settingsFolder = locate(FOLDERS.globalSettings, 'GlobalSettings');
  const rulesFolder = locate(FOLDERS.rules, 'SynchronizationRules');

  const metaverse = (await xmlFiles(settingsFolder)).find((file) => /[\\/]mv\.xml$/i.test(file));
  if (!metaverse) {
    throw exportError(
      join(settingsFolder, 'MV.xml'),
      'GlobalSettings/MV.xml is missing: it holds the server name, version and optional features, so the export is incomplete',
    );
  }
  const connectors = await xmlFiles(connectorsFolder);
  if (connectors.length === 0) {
    throw exportError(connectorsFolder, 'the Connectors/ folder holds no connector XML files: the export is incomplete');
  }
  return { connectors, metaverse, rules: await xmlFiles(rulesFolder) };
}
