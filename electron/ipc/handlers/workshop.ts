import { existsSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { runImport } from '../../import/run-import.js';
import type { HandlerTable } from '../handler-types.js';
import type { workshopContract } from '../../../shared/ipc/contracts/workshop.js';
import { saveCopy } from '../../store/workshop-db.js';

const SAMPLE_NAME = 'Sample - Fabrikam Group';

export const workshopHandlers: HandlerTable<keyof typeof workshopContract> = {
  'workshop.create': async ({ name }, { session }) => {
    const path = await session.platform.dialogs.newWorkshopPath(name);
    if (!path) return null;
    return session.open(path, 'create', name);
  },

  'workshop.openDialog': async (_input, { session }) => {
    const path = await session.platform.dialogs.openWorkshopPath();
    return path ? session.open(path, 'open') : null;
  },

  'workshop.openSample': async (_input, { session }) => {
    const path = join(session.platform.userDataDir, `${SAMPLE_NAME}.syncplan`);
    if (existsSync(path)) return session.open(path, 'open');
    const info = await session.open(path, 'create', SAMPLE_NAME);
    try {
      await runImport(session.db(), [session.platform.sampleWorkshopDir]);
    } catch (error) {
      session.close();
      for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
      throw error;
    }
    return info;
  },

  'workshop.open': ({ path, readOnly }, { session }) => session.open(path, readOnly ? 'read' : 'open'),

  'workshop.recover': async ({ path }, { session }) => {
    const target = await session.platform.dialogs.saveCopyPath(`${basename(path, '.syncplan')} (recovered).syncplan`, 'Recover into a new workshop');
    return target ? session.recover(path, target) : null;
  },

  'workshop.current': (_input, { session }) => session.info,

  'workshop.close': (_input, { session }) => {
    session.close();
    return null;
  },

  'workshop.saveCopy': async (_input, { session }) => {
    const db = session.db();
    const current = session.info;
    const suggested = `${basename(current?.path ?? 'workshop.syncplan', '.syncplan')} (copy).syncplan`;
    const target = await session.platform.dialogs.saveCopyPath(suggested);
    if (!target) return null;
    saveCopy(db, target);
    return { path: target };
  },

  'workshop.recent': (_input, { session }) => session.recents.list(),

  'workshop.forgetRecent': ({ path }, { session }) => session.recents.forget(path),
};
