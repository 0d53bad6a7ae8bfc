import { basename } from 'node:path';
import type { HandlerTable } from '../handler-types.js';
import type { topologyContract } from '../../../shared/ipc/contracts/topology.js';
import type { Session } from '../session.js';
import { UserError } from '../../../shared/result.js';
import { exportTopologySvg } from '../../topology/workshop-topology.js';
import { checkWritableTarget, writeFileAtomic } from '../../files/write-file-atomic.js';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

const suggested = (session: Session, extension: string) => `${basename(session.info?.path ?? 'workshop.syncplan', '.syncplan')} - topology.${extension}`;

export const topologyHandlers: HandlerTable<keyof typeof topologyContract> = {
  'topology.exportSvg': async ({ collapsed }, { session }) => {
    const db = session.db();
    const path = await session.platform.dialogs.exportPath(suggested(session, 'svg'), { name: 'SVG drawing', extensions: ['svg'] });
    if (!path) return null;
    await exportTopologySvg(db, path, new Set(collapsed));
    return { path };
  },
  'topology.exportPng': async ({ png }, { session }) => {
    session.db();
    const data = Buffer.from(png, 'base64');
    if (!PNG_SIGNATURE.every((byte, i) => data[i] === byte)) throw new UserError('invalid-input', 'The picture to export is not a PNG; nothing was written.');
    const path = await session.platform.dialogs.exportPath(suggested(session, 'png'), { name: 'PNG picture', extensions: ['png'] });
    if (!path) return null;
    checkWritableTarget(path);
    writeFileAtomic(path, data);
    return { path };
  },
};
