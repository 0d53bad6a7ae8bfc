import { openWorkshop, closeWorkshop } from '../../electron/store/workshop-db.js';
import { saveInventory } from '../../electron/store/test-support/save-inventory.js';
import { generateLargeEstate } from '../../shared/engine/test-support/large-estate.js';

/**
 * Writes a generated estate into a new workshop, for e2e tests and benchmarks of large estates:
 * `node bin/run-ts.mjs e2e/support/large-workshop.ts <path> <forests> <domains per forest> <OUs per domain>`.
 */
const [path, forests, domains, ous] = process.argv.slice(2);
if (!path) throw new Error('usage: large-workshop.ts <path> <forests> <domains per forest> <OUs per domain>');
const { db } = await openWorkshop(path, { mode: 'create', name: 'Large estate' });
try {
  saveInventory(db, generateLargeEstate({ forests: Number(forests ?? 200), domainsPerForest: Number(domains ?? 10), ousPerDomain: Number(ous ?? 50) }));
} finally {
  closeWorkshop(db);
}
