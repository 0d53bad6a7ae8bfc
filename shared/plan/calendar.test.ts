import { describe, expect, it } from 'vitest';
import { dayNumber, isoDate, isoWeekday, WorkingCalendar } from './calendar.js';

describe('WorkingCalendar', () => {
  const calendar = (over: Partial<ConstructorParameters<typeof WorkingCalendar>[0]> = {}) =>
    new WorkingCalendar({ start: '2027-01-01', workingDays: [1, 2, 3, 4, 5], holidays: [], freezeWindows: [], ...over });

  it('reads dates without time zones', () => {
    expect(isoDate(dayNumber('2028-02-29'))).toBe('2028-02-29');
    expect(isoWeekday(dayNumber('2027-01-04'))).toBe(1);
    expect(isoWeekday(dayNumber('2027-01-03'))).toBe(7);
  });

  it('numbers working days from the first working day on or after the start, skipping weekends and holidays', () => {
    const c = calendar({ holidays: ['2027-01-05'] });
    expect([0, 1, 2, 3, 4].map((i) => c.date(i))).toEqual(['2027-01-01', '2027-01-04', '2027-01-06', '2027-01-07', '2027-01-08']);
  });

  it('honours other working weeks', () => {
    const c = calendar({ workingDays: [7, 1, 2, 3, 4] });
    expect([0, 1, 2].map((i) => c.date(i))).toEqual(['2027-01-03', '2027-01-04', '2027-01-05']);
  });

  it('moves a task that would cross a freeze window to after it', () => {
    const c = calendar({ freezeWindows: [{ start: '2027-01-06', end: '2027-01-12', reason: 'release' }] });
    expect(c.date(2)).toBe('2027-01-05');
    expect(c.date(3)).toBe('2027-01-13');
    expect(c.fit(0, 3)).toBe(0);
    expect(c.fit(1, 3)).toBe(3);
    expect(c.fit(2, 1)).toBe(2);
  });
});
