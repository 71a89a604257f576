// The working-day calendar of mainland China (法定节假日 and 调休 working days) for the 完成时限
// rule in domain/dates.ts, from the `chinese-days` package: its data follows the State Council's
// yearly notice (国务院办公厅关于…部分节假日安排的通知), published each November or December, and a new
// release of the package carries it (`npm update chinese-days`; README "会议记录" says so). Years the
// package has no data for (before 2004, or not yet announced) are not covered: there only weekends
// count as days off, and the form says so.
import chineseDays from 'chinese-days';
import type { IsoDate } from '../domain/types.js';
import type { WorkCalendar } from '../domain/dates.js';

const covered = new Map<number, boolean>();

export const chineseWorkCalendar: WorkCalendar = {
  covers(year: number): boolean {
    let known = covered.get(year);
    if (known === undefined) {
      // every announced year has holidays on working weekdays (元旦, 春节 …); an unknown year has none
      known =
        year >= 1900 &&
        year <= 9999 &&
        chineseDays.getHolidaysInRange(`${year}-01-01`, `${year}-12-31`, false).length > 0;
      covered.set(year, known);
    }
    return known;
  },
  dayOff(date: IsoDate): string | null {
    const detail = chineseDays.getDayDetail(date);
    if (detail.work) return null;
    // "National Day,国庆节,3" for a holiday, "Saturday" for a plain weekend day
    const parts = detail.name.split(',');
    return parts.length >= 2 ? parts[1]! : '';
  },
};
