import { ReportOptions } from '../../shared/report/report-input.js';
import { getMeta, setMeta } from './inventory-repo.js';
import type { Db } from './workshop-db.js';

const KEY = 'report_options';

/** The last export's customer, author and paper; the workshop's name as the customer before the first. */
export function getReportOptions(db: Db): ReportOptions {
  const fallback = { customer: getMeta(db, 'name') || 'Customer', author: '', paper: 'a4' as const };
  const raw = getMeta(db, KEY);
  if (!raw) return fallback;
  const parsed = ReportOptions.safeParse(JSON.parse(raw));
  return parsed.success ? parsed.data : fallback;
}

export function saveReportOptions(db: Db, options: ReportOptions): void {
  setMeta(db, KEY, JSON.stringify(options));
}
