import type { HandlerTable } from '../handler-types.js';
import type { decisionsContract } from '../../../shared/ipc/contracts/decisions.js';
import { getAssumptions, setAssumptions } from '../../store/assumptions-repo.js';

export const decisionsHandlers: HandlerTable<keyof typeof decisionsContract> = {
  'assumptions.get': (_input, { session }) => getAssumptions(session.db()),
  'assumptions.set': ({ assumptions }, { session }) => {
    setAssumptions(session.db(), assumptions);
    return assumptions;
  },
};
