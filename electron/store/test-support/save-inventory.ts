import type { Inventory } from '../../../shared/model/inventory.js';
import { saveAgent, saveConnectServer, saveDomain, saveForest, saveForestLink, saveHygiene, saveOu, saveTenant, saveTrust } from '../inventory-repo.js';
import type { Db } from '../workshop-db.js';

/** Writes a whole inventory into a workshop in one transaction (benchmarks and tests build estates this way). */
export function saveInventory(db: Db, inventory: Inventory): void {
  db.transaction(() => {
    for (const tenant of inventory.tenants) saveTenant(db, tenant);
    for (const forest of inventory.forests) saveForest(db, forest);
    for (const domain of inventory.domains) saveDomain(db, domain);
    for (const ou of inventory.ous) saveOu(db, ou);
    for (const server of inventory.connectServers) saveConnectServer(db, server);
    for (const agent of inventory.agents) saveAgent(db, agent);
    for (const trust of inventory.trusts) saveTrust(db, trust);
    for (const finding of inventory.hygiene) saveHygiene(db, finding);
    for (const link of inventory.forestLinks) saveForestLink(db, link);
  })();
}
