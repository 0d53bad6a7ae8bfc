import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { decide } from '../shared/engine/decide.js';
import { generateLargeEstate } from '../shared/engine/test-support/large-estate.js';
import { defaultAssumptions } from '../shared/model/assumptions.js';
import { closeWorkshop, openWorkshop } from '../electron/store/workshop-db.js';
import { readInventory } from '../electron/store/inventory-repo.js';
import { saveInventory } from '../electron/store/test-support/save-inventory.js';

/**
 * Target (issue 4): on an estate of 200 forests, 2,000 domains and 100,000 OUs, the engine's full run
 * takes no longer than reading that model from the workshop file, so what-if stays instant.
 */
const RUNS = 7;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;

const estate = generateLargeEstate({ forests: 200, domainsPerForest: 10, ousPerDomain: 50 });
const dir = mkdtempSync(join(tmpdir(), 'syncplan-bench-engine-'));
const path = join(dir, 'large.syncplan');
const created = await openWorkshop(path, { mode: 'create', name: 'Engine benchmark' });
saveInventory(created.db, estate);
closeWorkshop(created.db);

const readTimes: number[] = [];
const decideTimes: number[] = [];
let inventory = estate;
for (let run = 0; run < RUNS; run++) {
  const { db } = await openWorkshop(path, { mode: 'open' });
  const t0 = performance.now();
  inventory = readInventory(db);
  readTimes.push(performance.now() - t0);
  closeWorkshop(db);

  const t1 = performance.now();
  const result = decide(inventory, defaultAssumptions());
  decideTimes.push(performance.now() - t1);
  if (result.forests.length !== estate.forests.length) throw new Error('engine lost forests');
  console.log(`  run ${run + 1}: read ${readTimes[run]?.toFixed(1)} ms, full decide (forests, linked forests, estate) ${decideTimes[run]?.toFixed(1)} ms`);
}
rmSync(dir, { recursive: true, force: true });

const read = median(readTimes);
const run = median(decideTimes);
console.log(`engine benchmark: ${inventory.forests.length} forests, ${inventory.domains.length} domains, ${inventory.ous.length} OUs (median of ${RUNS})`);
console.log(`  read model from workshop file: ${read.toFixed(1)} ms`);
console.log(`  decision engine full run:      ${run.toFixed(1)} ms (absolute; ${inventory.forestLinks.length} forest links)`);
console.log(`  ratio engine / read:           ${(run / read).toFixed(2)} (target <= 1.00) ${run <= read ? 'OK' : 'OVER TARGET'}`);
