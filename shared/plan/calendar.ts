import type { FreezeWindow, IsoDate } from './plan-schema.js';

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 (UTC), so that date arithmetic never meets time zones or daylight saving. */
export function dayNumber(date: IsoDate): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return Math.floor(Date.UTC(y, m - 1, d) / DAY_MS);
}

export function isoDate(day: number): IsoDate {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** ISO weekday: 1 = Monday ... 7 = Sunday. 1970-01-01 was a Thursday. */
export function isoWeekday(day: number): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

/** The first start and the last end of some dated things (tasks, phases); null when there are none. ISO dates sort as text. */
export function spanOf(items: readonly { start: IsoDate; end: IsoDate }[]): { start: IsoDate; end: IsoDate } | null {
  if (items.length === 0) return null;
  let { start, end } = items[0] as { start: IsoDate; end: IsoDate };
  for (const item of items) {
    if (item.start < start) start = item.start;
    if (item.end > end) end = item.end;
  }
  return { start, end };
}

/** Today on this machine, as the user reads the calendar (local time, not UTC). */
export function localToday(now = new Date()): IsoDate {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export interface CalendarSettings {
  start: IsoDate;
  workingDays: readonly number[];
  holidays: readonly IsoDate[];
  freezeWindows: readonly FreezeWindow[];
}

/** Working days the calendar produces before it gives up (about 400 years): a plan that long is a settings mistake. */
const MAX_WORKING_DAYS = 100_000;

/**
 * The working days from the plan's start, numbered 0, 1, 2... A task occupies consecutive working days.
 * Weekends and holidays may fall inside a task (work pauses and resumes); a freeze window may not, so a
 * task that would overlap one starts after it.
 */
export class WorkingCalendar {
  private readonly days: number[] = [];
  private readonly dates: IsoDate[] = [];
  /** freezeBefore[i]: a freeze day lies between working day i - 1 and working day i. */
  private readonly freezeBefore: boolean[] = [];
  private readonly working: ReadonlySet<number>;
  private readonly holidays: ReadonlySet<number>;
  private readonly freezes: readonly { start: number; end: number }[];
  private cursor: number;

  constructor(settings: CalendarSettings) {
    this.working = new Set(settings.workingDays);
    this.holidays = new Set(settings.holidays.map(dayNumber));
    this.freezes = settings.freezeWindows
      .map((w) => ({ start: dayNumber(w.start), end: dayNumber(w.end) }))
      .filter((w) => w.end >= w.start);
    this.cursor = dayNumber(settings.start);
  }

  isFrozen(day: number): boolean {
    return this.freezes.some((w) => day >= w.start && day <= w.end);
  }

  isWorkingDay(day: number): boolean {
    return this.working.has(isoWeekday(day)) && !this.holidays.has(day) && !this.isFrozen(day);
  }

  /** The calendar day of working day `index`. */
  day(index: number): number {
    this.extendTo(index);
    return this.days[index] as number;
  }

  date(index: number): IsoDate {
    this.extendTo(index);
    return (this.dates[index] ??= isoDate(this.days[index] as number));
  }

  /**
   * The first working-day index at or after `earliest` where `duration` consecutive working days fit
   * without crossing a freeze window.
   */
  fit(earliest: number, duration: number): number {
    let start = earliest;
    for (let k = start + 1; k < start + duration; k++) {
      this.extendTo(k);
      if (this.freezeBefore[k]) {
        start = k;
      }
    }
    return start;
  }

  private extendTo(index: number): void {
    if (index >= MAX_WORKING_DAYS) {
      throw new RangeError(`The plan runs past ${MAX_WORKING_DAYS} working days; check the working days, freeze windows and team capacity.`);
    }
    while (this.days.length <= index) {
      let frozen = false;
      while (!this.isWorkingDay(this.cursor)) {
        frozen ||= this.isFrozen(this.cursor);
        this.cursor++;
      }
      this.freezeBefore.push(frozen && this.days.length > 0);
      this.days.push(this.cursor);
      this.cursor++;
    }
  }
}
