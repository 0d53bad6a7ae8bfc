import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Where the Electron-ABI build of better-sqlite3 lives. node_modules keeps the Node build for tests
 * and the CLI; scripts/electron-native.mjs puts the Electron build in .native/electron, and the
 * packaged app carries it in resources/native.
 */
export function electronNativeBinding(appRoot: string, resourcesPath: string): string {
  const packaged = join(resourcesPath, 'native', 'better_sqlite3.node');
  if (existsSync(packaged)) return packaged;
  return join(appRoot, '.native', 'electron', 'better_sqlite3.node');
}
