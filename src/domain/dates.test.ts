import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  chineseDate,
  compareDates,
  dayOfYear,
  daysBetween,
  daysInMonth,
  endOfMonth,
  fromDayNumber,
  isLeapYear,
  isValidIsoDate,
  localIsoDate,
  parseIsoDate,
  quickDue,
  quickDueLabel,
  registerTimeProgress,
  timeProgress,
  toDayNumber,
  weekday,
  workdayOnOrBefore,
} from './dates.js';
import type { WorkCalendar } from './dates.js';
import { DEFAULT_RULES, type RegisterMeta } from './types.js';

describe('ISO dates', () => {
  it('accepts real days and rejects days that do not exist', () => {
    expect(isValidIsoDate('2021-03-01')).toBe(true);
    expect(isValidIsoDate('2021-02-30')).toBe(false);
    expect(isValidIsoDate('2021-02-29')).toBe(false);
    expect(isValidIsoDate('2020-02-29')).toBe(true);
    expect(isValidIsoDate('2000-02-29')).toBe(true);
    expect(isValidIsoDate('1900-02-29')).toBe(false);
    expect(isValidIsoDate('2021-04-31')).toBe(false);
    expect(isValidIsoDate('2021-12-31')).toBe(true);
    expect(isValidIsoDate('2021-13-01')).toBe(false);
    expect(isValidIsoDate('2021-00-10')).toBe(false);
    expect(isValidIsoDate('2021-01-00')).toBe(false);
    expect(isValidIsoDate('2021-1-5')).toBe(false);
    expect(isValidIsoDate('2021/01/05')).toBe(false);
    expect(isValidIsoDate(' 2021-01-05')).toBe(false);
    expect(parseIsoDate('2024-09-04')).toEqual({ year: 2024, month: 9, day: 4 });
  });

  it('knows leap years and month lengths', () => {
    expect([2020, 2021, 1900, 2000, 2100].map(isLeapYear)).toEqual([true, false, false, true, false]);
    expect(daysInMonth(2021, 2)).toBe(28);
    expect(daysInMonth(2020, 2)).toBe(29);
    expect(daysInMonth(2021, 11)).toBe(30);
    expect(daysInMonth(2021, 12)).toBe(31);
  });

  it('adds days across month, year and leap-day boundaries', () => {
    expect(addDays('2021-02-28', 1)).toBe('2021-03-01');
    expect(addDays('2020-02-28', 1)).toBe('2020-02-29');
    expect(addDays('2021-12-31', 1)).toBe('2022-01-01');
    expect(addDays('2021-03-01', -1)).toBe('2021-02-28');
    expect(addDays('2021-11-15', 7)).toBe('2021-11-22');
    expect(addDays('2021-11-15', 0)).toBe('2021-11-15');
  });

  it('counts days between dates', () => {
    expect(daysBetween('2021-03-01', '2021-04-15')).toBe(45);
    expect(daysBetween('2021-04-15', '2021-03-01')).toBe(-45);
    expect(daysBetween('2021-01-01', '2022-01-01')).toBe(365);
    expect(daysBetween('2020-01-01', '2021-01-01')).toBe(366);
    expect(daysBetween('2021-11-05', '2021-11-08')).toBe(3);
    expect(toDayNumber('1970-01-01')).toBe(0);
    expect(toDayNumber('1969-12-31')).toBe(-1);
  });

  it('compares, gives day of year, weekday and month end', () => {
    expect(compareDates('2021-03-01', '2021-10-31')).toBe(-1);
    expect(compareDates('2021-10-31', '2021-10-31')).toBe(0);
    expect(compareDates('2021-11-01', '2021-10-31')).toBe(1);
    expect(dayOfYear('2021-01-01')).toBe(1);
    expect(dayOfYear('2021-03-01')).toBe(60);
    expect(dayOfYear('2020-03-01')).toBe(61);
    expect(dayOfYear('2021-12-31')).toBe(365);
    expect(dayOfYear('2020-12-31')).toBe(366);
    expect(weekday('1970-01-01')).toBe(4); // Thursday
    expect(weekday('2021-11-15')).toBe(1); // Monday
    expect(weekday('2024-09-04')).toBe(3); // Wednesday
    expect(weekday('2021-11-21')).toBe(7); // Sunday
    expect(endOfMonth('2020-02-10')).toBe('2020-02-29');
    expect(endOfMonth('2021-02-10')).toBe('2021-02-28');
    expect(endOfMonth('2021-11-30')).toBe('2021-11-30');
  });

  it('writes dates the official way', () => {
    expect(chineseDate('2021-03-01')).toBe('2021年3月1日');
    expect(chineseDate('2024-09-04')).toBe('2024年9月4日');
    expect(chineseDate('2021-11-30')).toBe('2021年11月30日');
  });

  it('round-trips day numbers and agrees with the platform calendar', () => {
    fc.assert(
      fc.property(fc.integer({ min: -200000, max: 200000 }), (n) => {
        const iso = fromDayNumber(n);
        expect(isValidIsoDate(iso)).toBe(true);
        expect(toDayNumber(iso)).toBe(n);
        expect(iso).toBe(new Date(n * 86400000).toISOString().slice(0, 10));
      }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100000 }), fc.integer({ min: -1000, max: 1000 }), (n, k) => {
        const a = fromDayNumber(n);
        const b = addDays(a, k);
        expect(daysBetween(a, b)).toBe(k);
        expect(weekday(addDays(a, 7 * k))).toBe(weekday(a));
      }),
    );
  });
});

describe('timeProgress (序时进度)', () => {
  const month = (d: string) => timeProgress(d, 'month') * 12;
  const half = (d: string) => timeProgress(d, 'half_month') * 12;

  it('month mode counts a month once its last day is reached', () => {
    expect(month('2021-11-30')).toBeCloseTo(11, 12);
    expect(month('2021-11-29')).toBeCloseTo(10, 12);
    expect(month('2021-08-31')).toBeCloseTo(8, 12);
    expect(month('2021-11-15')).toBeCloseTo(10, 12);
    expect(month('2021-01-01')).toBe(0);
    expect(month('2021-01-31')).toBeCloseTo(1, 12);
    expect(timeProgress('2021-12-31', 'month')).toBe(1);
    expect(timeProgress('2021-08-31', 'month')).toBe(8 / 12);
  });

  it('month mode: February ends on the 28th in a common year, the 29th in a leap year', () => {
    expect(month('2021-02-28')).toBeCloseTo(2, 12);
    expect(month('2021-02-27')).toBeCloseTo(1, 12);
    expect(month('2020-02-28')).toBeCloseTo(1, 12);
    expect(month('2020-02-29')).toBeCloseTo(2, 12);
  });

  it('half_month mode adds half a month from the 15th', () => {
    expect(half('2021-08-15')).toBeCloseTo(7.5, 12);
    expect(half('2021-08-14')).toBeCloseTo(7, 12);
    expect(half('2021-08-31')).toBeCloseTo(8, 12);
    expect(half('2021-08-30')).toBeCloseTo(7.5, 12);
    expect(half('2021-11-30')).toBeCloseTo(11, 12);
    expect(half('2021-01-14')).toBe(0);
    expect(half('2021-02-28')).toBeCloseTo(2, 12);
    expect(half('2020-02-28')).toBeCloseTo(1.5, 12);
    expect(half('2020-02-29')).toBeCloseTo(2, 12);
    expect(timeProgress('2021-12-31', 'half_month')).toBe(1);
  });

  it('day mode divides the day of year by the days in the year', () => {
    expect(timeProgress('2021-01-01', 'day')).toBe(1 / 365);
    expect(timeProgress('2021-03-01', 'day')).toBe(60 / 365);
    expect(timeProgress('2020-03-01', 'day')).toBe(61 / 366);
    expect(timeProgress('2021-12-31', 'day')).toBe(1);
    expect(timeProgress('2020-12-31', 'day')).toBe(1);
    expect(timeProgress('2020-12-30', 'day')).toBe(365 / 366);
  });

  it('stays within 0..1 and never decreases through a year, in every mode', () => {
    for (const mode of ['month', 'half_month', 'day'] as const) {
      for (const year of [2020, 2021]) {
        let prev = 0;
        for (let d = fromDayNumber(toDayNumber(`${year}-01-01`)); d <= `${year}-12-31`; d = addDays(d, 1)) {
          const tp = timeProgress(d, mode);
          expect(tp).toBeGreaterThanOrEqual(prev);
          expect(tp).toBeLessThanOrEqual(1);
          prev = tp;
        }
        expect(prev).toBe(1);
      }
    }
  });

  it('registerTimeProgress uses the register rules and clamps an as_of outside the year', () => {
    const meta = (asOf: string, year = 2021): RegisterMeta => ({
      title: 't',
      region: 'r',
      year,
      asOf,
      moneyUnit: '万元',
      rules: { ...DEFAULT_RULES, timeProgress: 'half_month' },
    });
    expect(registerTimeProgress(meta('2021-08-15'))).toBe(7.5 / 12);
    expect(registerTimeProgress(meta('2022-01-10'))).toBe(1);
    expect(registerTimeProgress(meta('2020-12-31'))).toBe(0);
  });
});

describe('quickDue (完成时限 quick picks)', () => {
  it('on a Monday', () => {
    expect(quickDue('this-friday', '2021-11-15')).toBe('2021-11-19');
    expect(quickDue('next-friday', '2021-11-15')).toBe('2021-11-26');
    expect(quickDue('month-end', '2021-11-15')).toBe('2021-11-30');
    expect(quickDue({ plusDays: 10 }, '2021-11-15')).toBe('2021-11-25');
    expect(quickDue({ plusDays: 30 }, '2021-11-15')).toBe('2021-12-15');
  });
  it('on a Friday 本周五 is today', () => {
    expect(quickDue('this-friday', '2021-11-19')).toBe('2021-11-19');
    expect(quickDue('next-friday', '2021-11-19')).toBe('2021-11-26');
  });
  it('on Saturday and Sunday 本周五 is the coming Friday, never a past day', () => {
    expect(quickDue('this-friday', '2021-11-20')).toBe('2021-11-26');
    expect(quickDue('this-friday', '2021-11-21')).toBe('2021-11-26');
    expect(quickDue('next-friday', '2021-11-20')).toBe('2021-11-26');
    expect(quickDue('next-friday', '2021-11-21')).toBe('2021-11-26');
  });
  it('月底 across February and year end', () => {
    expect(quickDue('month-end', '2020-02-03')).toBe('2020-02-29');
    expect(quickDue('month-end', '2021-02-03')).toBe('2021-02-28');
    expect(quickDue('month-end', '2021-12-31')).toBe('2021-12-31');
    expect(quickDue('this-friday', '2021-12-29')).toBe('2021-12-31');
    expect(quickDue('next-friday', '2021-12-29')).toBe('2022-01-07');
  });
  it('labels', () => {
    expect(
      ['this-friday', 'next-friday', 'month-end', { plusDays: 7 }].map((k) => quickDueLabel(k as never)),
    ).toEqual(['本周五', '下周五', '月底', '+7天']);
  });
  it('本周五 is a Friday within the next 6 days', () => {
    fc.assert(
      fc.property(fc.integer({ min: 18000, max: 20000 }), (n) => {
        const today = fromDayNumber(n);
        const f = quickDue('this-friday', today);
        expect(weekday(f)).toBe(5);
        expect(daysBetween(today, f)).toBeGreaterThanOrEqual(0);
        expect(daysBetween(today, f)).toBeLessThanOrEqual(6);
      }),
    );
  });
});

describe('workdayOnOrBefore (完成时限 on a working day)', () => {
  // a hand calendar: 2021 is known, with 国庆节 1–7 October and Saturday 9 October worked
  const cal: WorkCalendar = {
    covers: (year) => year === 2021,
    dayOff: (date) => {
      if (date >= '2021-10-01' && date <= '2021-10-07') return '国庆节';
      if (date === '2021-10-09') return null;
      return weekday(date) >= 6 ? '' : null;
    },
  };
  it('keeps a working day', () => {
    expect(workdayOnOrBefore('2021-10-15', '2021-10-08', cal)).toEqual({ date: '2021-10-15' });
    expect(workdayOnOrBefore('2021-10-09', '2021-10-08', cal)).toEqual({ date: '2021-10-09' });
  });
  it('moves a weekend to the Friday before (月底 2021-10-31 is a Sunday)', () => {
    expect(workdayOnOrBefore('2021-10-31', '2021-10-08', cal)).toEqual({
      date: '2021-10-29',
      moved: { from: '2021-10-31', reason: '星期日', later: false },
    });
  });
  it('moves a holiday to the working day before it', () => {
    expect(workdayOnOrBefore('2021-10-05', '2021-09-27', cal)).toEqual({
      date: '2021-09-30',
      moved: { from: '2021-10-05', reason: '国庆节', later: false },
    });
  });
  it('never moves before today: then to the working day after', () => {
    expect(workdayOnOrBefore('2021-10-02', '2021-10-01', cal)).toEqual({
      date: '2021-10-08',
      moved: { from: '2021-10-02', reason: '国庆节', later: true },
    });
  });
  it('outside the calendar (or without one) avoids weekends only, and names the year', () => {
    expect(workdayOnOrBefore('2022-10-01', '2022-09-20', cal)).toEqual({
      date: '2022-09-30',
      moved: { from: '2022-10-01', reason: '星期六', later: false },
      uncovered: 2022,
    });
    expect(workdayOnOrBefore('2021-10-04', '2021-09-20')).toEqual({ date: '2021-10-04' });
  });
});

describe('localIsoDate', () => {
  it('is the local calendar day, padded', () => {
    expect(localIsoDate(new Date(2021, 8, 6, 23, 59))).toBe('2021-09-06');
    expect(localIsoDate(new Date(2026, 11, 31, 0, 0))).toBe('2026-12-31');
  });
});
