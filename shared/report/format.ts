import { count } from '../engine/format.js';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "30 November 2026": the cover's spelling, the same on every machine. */
export function longDate(iso: string): string {
  const [year, month, day] = iso.split('-').map(Number);
  return `${day} ${MONTHS[(month ?? 1) - 1]} ${year}`;
}

export function monthLabel(iso: string): string {
  const [year, month] = iso.split('-').map(Number);
  return `${MONTHS[(month ?? 1) - 1]?.slice(0, 3)} ${year}`;
}

/** "2027-01-04 – 2027-01-08", or one date when both are the same. */
export function dateRange(start: string | null, end: string | null): string {
  if (!start || !end) return 'not scheduled';
  return start === end ? start : `${start} – ${end}`;
}

/** Unknown counts stay visibly unknown, never 0. */
export function countOrUnknown(n: number | null): string {
  return n === null ? 'unknown' : count(n);
}
