// The working-day calendar of mainland China (法定节假日 and 调休 working days) for the 完成时限
// rule in domain/dates.ts, from the `chinese-days` package: its data follows the State Council's
// yearly notice (国务院办公厅关于…部分节假日安排的通知), published each November or December, and a new
// release of the package carries it (`npm update chinese-days`; docs/meeting.md says so). Years the
// package has no data for (before 2004, or not yet announced) are not covered: there only weekends
// count as days off, and the form says so.
//
// The package's data file (dist/chinese-days.json: every holiday and 调休 working day by date) is
// read once, the first time a date is asked about: 4–5 ms, where loading the package's code
// (which rebuilds the same tables through its own date class) took 22–28 ms (load 3), at every start.
import { createRequire } from 'node:module';
import type { IsoDate } from '../domain/types.js';
import { weekday } from '../domain/dates.js';
import type { WorkCalendar } from '../domain/dates.js';

interface ChineseDaysData {
  /** "2021-10-01": "National Day,国庆节,3" */
  holidays: Record<string, string>;
  /** 调休 working days (a Saturday or Sunday worked), by date */
  workdays: Record<string, string>;
}

const requireData = createRequire(import.meta.url);
let data: { days: ChineseDaysData; years: Set<number> } | undefined;

function calendarData(): { days: ChineseDaysData; years: Set<number> } {
  if (!data) {
    const days = requireData('chinese-days/dist/chinese-days.json') as ChineseDaysData;
    const years = new Set(Object.keys(days.holidays).map((d) => Number(d.slice(0, 4))));
    data = { days, years };
  }
  return data;
}

export const chineseWorkCalendar: WorkCalendar = {
  covers(year: number): boolean {
    return calendarData().years.has(year);
  },
  dayOff(date: IsoDate): string | null {
    const { days } = calendarData();
    if (days.workdays[date] !== undefined) return null;
    const holiday = days.holidays[date];
    // "National Day,国庆节,3": the Chinese name
    if (holiday !== undefined) return holiday.split(',')[1] ?? '';
    return weekday(date) >= 6 ? '' : null;
  },
};
