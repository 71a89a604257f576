// Calendar arithmetic on ISO dates (`YYYY-MM-DD`), with no time zones involved: a date is turned
// into a day number (days since 1970-01-01 in the proleptic Gregorian calendar) and back.
// Also 序时进度 (time progress, docs/domain.md#time-progress) and the quick picks for 完成时限.
// Pure functions: no I/O, no wall clock (callers pass `today`).
import type { IsoDate, RegisterMeta, TimeProgressMode } from './types.js';

export interface DateParts {
  year: number;
  month: number;
  day: number;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days in a month (month 1–12). */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

export function daysInYear(year: number): number {
  return isLeapYear(year) ? 366 : 365;
}

/** The parts of a `YYYY-MM-DD` date, or null when the text is not one or the day does not exist (2021-02-30). */
export function parseIsoDate(text: string): DateParts | null {
  const m = ISO_DATE.exec(text);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

export function isValidIsoDate(text: string): boolean {
  return parseIsoDate(text) !== null;
}

/** Parts of a date already known to be valid; throws on anything else (a programming error). */
export function dateParts(date: IsoDate): DateParts {
  const p = parseIsoDate(date);
  if (!p) throw new Error(`不是有效的日期: ${date}`);
  return p;
}

/** `YYYY-MM-DD` from parts (years 1–9999). */
export function formatIsoDate(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

// Howard Hinnant's days_from_civil / civil_from_days: exact integer arithmetic, any year.
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const mp = (m + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function civilFromDays(n: number): DateParts {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return { year, month, day };
}

/** The calendar day of a moment in the machine's local time zone (what "today" means to the secretary). */
export function localIsoDate(moment: Date): IsoDate {
  return formatIsoDate(moment.getFullYear(), moment.getMonth() + 1, moment.getDate());
}

/** Days since 1970-01-01 (negative before). Throws on text that is not a valid date. */
export function toDayNumber(date: IsoDate): number {
  // Hot path (lights for thousands of projects): read the digits directly, no regex, no object.
  if (date.length === 10 && date.charCodeAt(4) === 45 && date.charCodeAt(7) === 45) {
    const year = digits(date, 0, 4);
    const month = digits(date, 5, 7);
    const day = digits(date, 8, 10);
    if (year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)) {
      return daysFromCivil(year, month, day);
    }
  }
  throw new Error(`不是有效的日期: ${date}`);
}

/** The number written in date[from, to), or -1 when a character is not a digit. */
function digits(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

export function fromDayNumber(n: number): IsoDate {
  const { year, month, day } = civilFromDays(n);
  return formatIsoDate(year, month, day);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/** Days from `from` to `to`: positive when `to` is later (daysBetween('2021-03-01', '2021-04-15') = 45). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

/** -1, 0 or 1. Valid ISO dates order as strings, so this is a plain comparison. */
export function compareDates(a: IsoDate, b: IsoDate): -1 | 0 | 1 {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function minDate(a: IsoDate, b: IsoDate): IsoDate {
  return a <= b ? a : b;
}

export function maxDate(a: IsoDate, b: IsoDate): IsoDate {
  return a >= b ? a : b;
}

/** 1 for 1 January, up to 365 or 366 for 31 December. */
export function dayOfYear(date: IsoDate): number {
  const { year, month, day } = dateParts(date);
  return daysFromCivil(year, month, day) - daysFromCivil(year, 1, 1) + 1;
}

/** ISO weekday: 1 = Monday (星期一) … 7 = Sunday (星期日). */
export function weekday(date: IsoDate): number {
  // 1970-01-01 was a Thursday (4).
  return ((((toDayNumber(date) + 3) % 7) + 7) % 7) + 1;
}

/** The last day of the date's month. */
export function endOfMonth(date: IsoDate): IsoDate {
  const { year, month } = dateParts(date);
  return formatIsoDate(year, month, daysInMonth(year, month));
}

const chineseDateCache = new Map<IsoDate, string>();

/** "2021-03-01" → "2021年3月1日": how officials write a date (GB/T 9704: Arabic numerals, no leading zeros). */
export function chineseDate(date: IsoDate): string {
  // Reasons for thousands of projects repeat the same few hundred dates: remember them.
  let text = chineseDateCache.get(date);
  if (text === undefined) {
    toDayNumber(date); // validates
    text = `${digits(date, 0, 4)}年${digits(date, 5, 7)}月${digits(date, 8, 10)}日`;
    if (chineseDateCache.size >= 4096) chineseDateCache.clear();
    chineseDateCache.set(date, text);
  }
  return text;
}

/**
 * 序时进度: the share of the year passed at the data date, as a fraction 0..1 (docs/domain.md#time-progress).
 * - `month`: whole months completed ÷ 12; a month counts once its last day is reached
 *   (30 Nov → 11/12, 29 Nov → 10/12; 28 Feb completes February in a common year, 29 Feb in a leap year).
 * - `half_month`: as `month`, plus 0.5 from the 15th of the running month (15 Aug → 7.5/12,
 *   14 Aug → 7/12); the last day of a month counts the whole month.
 * - `day`: day of year ÷ days in the year (366 in a leap year).
 */
export function timeProgress(asOf: IsoDate, mode: TimeProgressMode): number {
  const { year, month, day } = dateParts(asOf);
  const last = daysInMonth(year, month);
  switch (mode) {
    case 'month':
      return (month - 1 + (day === last ? 1 : 0)) / 12;
    case 'half_month':
      return (month - 1 + (day === last ? 1 : day >= 15 ? 0.5 : 0)) / 12;
    case 'day':
      return dayOfYear(asOf) / daysInYear(year);
  }
}

/**
 * 序时进度 of a register: `timeProgress(as_of, rules.time_progress)`, except that an as_of after the
 * register's year gives the whole year (1) and one before it gives 0.
 */
export function registerTimeProgress(meta: RegisterMeta): number {
  const year = dateParts(meta.asOf).year;
  if (year > meta.year) return 1;
  if (year < meta.year) return 0;
  return timeProgress(meta.asOf, meta.rules.timeProgress);
}

/**
 * Quick picks for 完成时限 in the decision form.
 * - `this-friday` 本周五: Friday of the current week (weeks run Monday–Sunday); today when today is
 *   Friday. On Saturday and Sunday this week's Friday has passed and a time limit in the past is of
 *   no use, so it gives the coming Friday (then the same day as 下周五).
 * - `next-friday` 下周五: Friday of next week (this week's Friday + 7; on Saturday/Sunday the coming Friday).
 * - `month-end` 月底: the last day of the current month (today when today is that day).
 * - `{ plusDays: n }` +N天: today + n days.
 */
export type QuickDueKind = 'this-friday' | 'next-friday' | 'month-end' | { plusDays: number };

export function quickDue(kind: QuickDueKind, today: IsoDate): IsoDate {
  if (typeof kind === 'object') return addDays(today, kind.plusDays);
  if (kind === 'month-end') return endOfMonth(today);
  const wd = weekday(today);
  const thisWeekFriday = addDays(today, 5 - wd); // Monday-based week
  if (kind === 'this-friday') return wd <= 5 ? thisWeekFriday : addDays(thisWeekFriday, 7);
  return addDays(thisWeekFriday, 7);
}

/** The label shown for a quick pick: 本周五, 下周五, 月底, +7天. */
export function quickDueLabel(kind: QuickDueKind): string {
  if (typeof kind === 'object') return `+${kind.plusDays}天`;
  return kind === 'this-friday' ? '本周五' : kind === 'next-friday' ? '下周五' : '月底';
}

// ---- working days (完成时限 quick picks) ----

/**
 * The public holidays and 调休 working days of the State Council's yearly notice, as a calendar the
 * caller passes in (store/work-calendar.ts wraps a maintained package); the rules here stay pure.
 */
export interface WorkCalendar {
  /** Whether the calendar has the year's holidays; outside them only weekends are days off. */
  covers(year: number): boolean;
  /**
   * For a date of a covered year: the holiday's name when it is a day off for one ("国庆节"), ""
   * for a plain weekend day, null for a working day (a 调休 Saturday or Sunday included).
   */
  dayOff(date: IsoDate): string | null;
}

const WEEKDAY_NAMES = ['一', '二', '三', '四', '五', '六', '日'];

/** "星期五" */
export function weekdayName(date: IsoDate): string {
  return `星期${WEEKDAY_NAMES[weekday(date) - 1]!}`;
}

/**
 * Why a date is not a working day: the holiday's name ("国庆节"), or its weekday ("星期日");
 * null on a working day. Without a calendar, or in a year it does not cover, weekends only.
 */
export function dayOffReason(date: IsoDate, calendar?: WorkCalendar): string | null {
  if (calendar && calendar.covers(dateParts(date).year)) {
    const off = calendar.dayOff(date);
    return off === null ? null : off || weekdayName(date);
  }
  return weekday(date) >= 6 ? weekdayName(date) : null;
}

export interface WorkdayShift {
  /** the working day */
  date: IsoDate;
  /** set when the day asked for was a day off: that day and why ("星期日", "国庆节") */
  moved?: { from: IsoDate; reason: string; later: boolean };
  /** a year on the way that the calendar does not cover (only weekends were avoided there) */
  uncovered?: number;
}

/**
 * A time limit that falls on a day off moves to the working day before it (月底 on a Sunday → the
 * Friday), but never before `today`: then to the first working day after it. Searches at most 60
 * days each way (the longest Chinese holiday is 8 days).
 */
export function workdayOnOrBefore(date: IsoDate, today: IsoDate, calendar?: WorkCalendar): WorkdayShift {
  const uncoveredYear = (d: IsoDate) => {
    const y = dateParts(d).year;
    return calendar && !calendar.covers(y) ? y : undefined;
  };
  const reason = dayOffReason(date, calendar);
  const first = uncoveredYear(date);
  const base = first === undefined ? {} : { uncovered: first };
  if (reason === null) return { date, ...base };
  for (const step of [-1, 1] as const) {
    for (let n = 1; n <= 60; n++) {
      const d = addDays(date, step * n);
      if (step < 0 && d < today) break;
      if (dayOffReason(d, calendar) === null) {
        const uncovered = first ?? uncoveredYear(d);
        return {
          date: d,
          moved: { from: date, reason, later: step > 0 },
          ...(uncovered === undefined ? {} : { uncovered }),
        };
      }
    }
  }
  return { date, ...base };
}
