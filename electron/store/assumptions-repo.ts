import { Assumptions, defaultAssumptions } from '../../shared/model/assumptions.js';
import { getMeta, setMeta } from './inventory-repo.js';
import type { Db } from './workshop-db.js';

const KEY = 'assumptions';

/** Missing or older settings fall back to the defaults field by field, so new settings never break old files. */
export function getAssumptions(db: Db): Assumptions {
  const raw = getMeta(db, KEY);
  if (!raw) return defaultAssumptions();
  try {
    const parsed = Assumptions.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : defaultAssumptions();
  } catch {
    return defaultAssumptions();
  }
}

export function setAssumptions(db: Db, assumptions: Assumptions): void {
  setMeta(db, KEY, JSON.stringify(assumptions));
}
