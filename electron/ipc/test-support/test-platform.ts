import { join } from 'node:path';
import type { Platform } from '../platform.js';
import { launchChromiumPrinter } from '../../report/chromium-printer.js';

/**
 * The platform a test session runs on: "dialogs" answer with paths inside `dir`, events go nowhere
 * unless the test listens. Override any part.
 */
export function testPlatform(
  dir: string,
  overrides: Partial<Omit<Platform, 'dialogs'>> & { dialogs?: Partial<Platform['dialogs']> } = {},
): Platform {
  const { dialogs, ...rest } = overrides;
  return {
    userDataDir: join(dir, 'user'),
    sampleWorkshopDir: join(import.meta.dirname, '..', '..', '..', 'resources', 'sample-workshop'),
    emit: () => undefined,
    printer: () => launchChromiumPrinter(),
    ...rest,
    dialogs: {
      newWorkshopPath: async (name) => join(dir, `${name}.syncplan`),
      openWorkshopPath: async () => null,
      saveCopyPath: async (name) => join(dir, name),
      importPaths: async () => null,
      templatesFolder: async () => dir,
      exportPath: async (name) => join(dir, name),
      ...dialogs,
    },
  };
}
