import type { HandlerTable } from '../handler-types.js';
import type { forestsContract, ForestSnapshot } from '../../../shared/ipc/contracts/forests.js';
import { UserError } from '../../../shared/result.js';
import {
  deleteForest,
  forestSummaries,
  listForests,
  readEstateModel,
  readInventory,
  saveDomain,
  saveForest,
  saveForestLink,
  saveHygiene,
  saveOu,
} from '../../store/inventory-repo.js';

export const forestsHandlers: HandlerTable<keyof typeof forestsContract> = {
  'forests.save': ({ forest, previousName }, { session }) => {
    const db = session.db();
    const exists = (name: string) => listForests(db).some((f) => f.forest === name);
    if (previousName !== undefined && !exists(previousName)) {
      throw new UserError('not-found', `Forest ${previousName} no longer exists; it may have been deleted.`);
    }
    const renamedOntoOther = previousName !== undefined && previousName !== forest.forest && exists(forest.forest);
    if ((previousName === undefined && exists(forest.forest)) || renamedOntoOther) {
      throw new UserError('exists', `A forest called ${forest.forest} is already in this workshop.`);
    }
    saveForest(db, forest, previousName);
    return forest;
  },

  'forests.delete': ({ forest }, { session }) => {
    const db = session.db();
    const inventory = readInventory(db);
    const found = inventory.forests.find((f) => f.forest === forest);
    if (!found) throw new UserError('not-found', `Forest ${forest} is not in this workshop.`);
    const domains = inventory.domains.filter((d) => d.forest === forest);
    const names = new Set(domains.map((d) => d.domain));
    const snapshot: ForestSnapshot = {
      forest: found,
      domains,
      ous: inventory.ous.filter((o) => names.has(o.domain)),
      hygiene: inventory.hygiene.filter((h) => names.has(h.domain)),
      forestLinks: inventory.forestLinks.filter((l) => l.forest === forest || l.otherForest === forest),
    };
    deleteForest(db, forest);
    return snapshot;
  },

  'forests.restore': ({ snapshot }, { session }) => {
    const db = session.db();
    db.transaction(() => {
      saveForest(db, snapshot.forest);
      for (const domain of snapshot.domains) saveDomain(db, domain);
      for (const ou of snapshot.ous) saveOu(db, ou);
      for (const finding of snapshot.hygiene) saveHygiene(db, finding);
      // A link comes back only if the forest at its other end is still there.
      const forests = new Set(listForests(db).map((f) => f.forest));
      for (const link of snapshot.forestLinks) if (forests.has(link.forest) && forests.has(link.otherForest)) saveForestLink(db, link);
    })();
    return snapshot.forest;
  },

  'forests.summaries': (_input, { session }) => forestSummaries(session.db()),
  'inventory.get': (_input, { session }) => readEstateModel(session.db()),
};
