import { decide } from '../../shared/engine/decide.js';
import { bundledElk } from '../../shared/topology/bundled-elk.js';
import { topologySvg } from '../../shared/topology/topology-svg.js';
import { getAssumptions } from '../store/assumptions-repo.js';
import { getMeta, readEstateModel } from '../store/inventory-repo.js';
import type { Db } from '../store/workshop-db.js';
import { checkWritableTarget, writeFileAtomic } from '../files/write-file-atomic.js';

/**
 * The workshop's topology diagram as SVG: its model, decided under its assumptions, as the app draws it.
 * `collapsed`: the tenants to draw as one box each (the app's choice); by default as the estate's size
 * calls for.
 */
export async function workshopTopologySvg(db: Db, collapsed?: ReadonlySet<string>): Promise<string> {
  const model = readEstateModel(db);
  const title = getMeta(db, 'name') ?? 'the workshop';
  return topologySvg(model, decide(model, getAssumptions(db)), bundledElk(), { title, ...(collapsed ? { collapsed } : {}) });
}

/** Writes the diagram to `target`, whole or not at all. */
export async function exportTopologySvg(db: Db, target: string, collapsed?: ReadonlySet<string>): Promise<{ path: string; bytes: number }> {
  checkWritableTarget(target);
  const data = new TextEncoder().encode(await workshopTopologySvg(db, collapsed));
  writeFileAtomic(target, data);
  return { path: target, bytes: data.byteLength };
}
