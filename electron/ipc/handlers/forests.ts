import type { HandlerTable } from '../handler-types.js';
import type { forestsContract } from '../../../shared/ipc/contracts/forests.js';
import { estateOutline, forestSummaries, readEstateModel } from '../../store/inventory-repo.js';

export const forestsHandlers: HandlerTable<keyof typeof forestsContract> = {
  /** The Decisions view saves a forest's features here; like every model edit it can be undone. */
  'forests.save': async ({ forest, previousName }, { session }) => {
    await session.history().apply({ op: 'save', entity: 'forest', value: forest, ...(previousName !== undefined ? { previous: [previousName] } : {}) });
    return forest;
  },
  'forests.summaries': (_input, { session }) => forestSummaries(session.db()),
  'estate.outline': (_input, { session }) => estateOutline(session.db()),
  'inventory.get': (_input, { session }) => readEstateModel(session.db()),
};
