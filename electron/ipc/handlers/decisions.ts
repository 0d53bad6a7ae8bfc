import type { HandlerTable } from '../handler-types.js';
import type { decisionsContract } from '../../../shared/ipc/contracts/decisions.js';
import { readInventory } from '../../store/inventory-repo.js';
import { getAssumptions, setAssumptions } from '../../store/assumptions-repo.js';

export const decisionsHandlers: HandlerTable<keyof typeof decisionsContract> = {
  'decisions.model': (_input, { session }) => {
    const db = session.db();
    return { inventory: readInventory(db), assumptions: getAssumptions(db) };
  },
  'assumptions.set': ({ assumptions }, { session }) => {
    setAssumptions(session.db(), assumptions);
    return assumptions;
  },
};
