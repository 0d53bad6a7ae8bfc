import type { HandlerTable } from '../handler-types.js';
import type { importContract } from '../../../shared/ipc/contracts/import.js';
import type { Session } from '../session.js';
import { UserError } from '../../../shared/result.js';
import { previewImport } from '../../import/preview.js';
import { runImport } from '../../import/run-import.js';
import { writeTemplates } from '../../import/write-templates.js';

/** The import running in each window, so `import.cancel` can stop it. */
const running = new WeakMap<Session, AbortController>();

/** Progress events at most ten times a second: a 300 MB file would otherwise send hundreds. */
const PROGRESS_INTERVAL_MS = 100;

export const importHandlers: HandlerTable<keyof typeof importContract> = {
  'import.preview': ({ paths }) => previewImport(paths),

  'import.run': async ({ paths }, { session }) => {
    const db = session.db();
    if (running.has(session)) throw new UserError('busy', 'An import is already running in this window; wait for it or cancel it first.');
    const controller = new AbortController();
    running.set(session, controller);
    let last = 0;
    try {
      const summary = await runImport(db, paths, {
        signal: controller.signal,
        onProgress(p) {
          const now = Date.now();
          if (now - last < PROGRESS_INTERVAL_MS && p.percent < 100) return;
          last = now;
          session.platform.emit('importProgress', p);
        },
      });
      // An import is not a step of the undo history: earlier edits can no longer be undone over it.
      session.history().clear();
      return summary;
    } finally {
      running.delete(session);
    }
  },

  'import.cancel': (_input, { session }) => {
    const controller = running.get(session);
    controller?.abort();
    return controller !== undefined;
  },

  'import.choosePaths': (_input, { session }) => session.platform.dialogs.importPaths(),

  'templates.write': async (_input, { session }) => {
    const folder = await session.platform.dialogs.templatesFolder();
    return folder ? writeTemplates(folder) : null;
  },
};
