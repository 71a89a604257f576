// The working-day calendar over the chinese-days package: holidays by name, 调休 working weekends,
// and which years it knows.
import { describe, expect, it } from 'vitest';
import { chineseWorkCalendar as cal } from '../../src/store/work-calendar.js';
import { workdayOnOrBefore } from '../../src/domain/dates.js';

describe('chineseWorkCalendar', () => {
  it('names holidays, knows 调休 working weekends and plain weekends', () => {
    expect(cal.dayOff('2021-10-01')).toBe('国庆节');
    expect(cal.dayOff('2021-10-07')).toBe('国庆节'); // a Thursday
    expect(cal.dayOff('2021-10-09')).toBeNull(); // Saturday, worked for 国庆
    expect(cal.dayOff('2021-09-26')).toBeNull(); // Sunday, worked for 国庆
    expect(cal.dayOff('2021-10-16')).toBe(''); // a plain Saturday
    expect(cal.dayOff('2021-10-15')).toBeNull();
  });

  it('covers the years the package has data for, and no others', () => {
    expect(cal.covers(2004)).toBe(true);
    expect(cal.covers(2021)).toBe(true);
    expect(cal.covers(2003)).toBe(false);
    expect(cal.covers(2099)).toBe(false);
  });

  it('moves a time limit off a holiday to the working day before, off a weekend too', () => {
    // 2021-10-04 (Monday, 国庆节) → 2021-09-30 (Thursday), the day before the holiday
    expect(workdayOnOrBefore('2021-10-04', '2021-09-20', cal)).toEqual({
      date: '2021-09-30',
      moved: { from: '2021-10-04', reason: '国庆节', later: false },
    });
    // a 调休 Saturday is a working day: it stays
    expect(workdayOnOrBefore('2021-10-09', '2021-10-08', cal)).toEqual({ date: '2021-10-09' });
    // outside the package's years: weekends only, and the year is named
    expect(workdayOnOrBefore('2099-10-03', '2099-09-01', cal)).toEqual({
      date: '2099-10-02',
      moved: { from: '2099-10-03', reason: '星期六', later: false },
      uncovered: 2099,
    });
  });
});
