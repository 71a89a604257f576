// Numbers and dates as people write them in text: full-width digits, thousands commas, a unit word
// (1200万元, 2.77亿元), 2021/3/1 or 2021年3月1日. One parser for the register and meeting readers,
// the meeting forms and the Excel importer. Pure: no I/O.

import type { IsoDate } from './types.js';
import { daysInMonth, formatIsoDate } from './dates.js';
import { normalizeEnumText } from './normalize.js';

const FULLWIDTH = /[０-９，．－＋]/g;
/** Full-width digits and signs (１２，３．５) as ASCII. */
export const fromFullwidth = (s: string): string =>
  s.replace(FULLWIDTH, (ch) => {
    if (ch === '，') return ',';
    if (ch === '．') return '.';
    if (ch === '－') return '-';
    if (ch === '＋') return '+';
    return String.fromCharCode(ch.charCodeAt(0) - 0xfee0);
  });

const NUMBER_TEXT = /^([+-]?)(\d+(?:,\d+)*)(?:\.(\d+))?([^\d.,+-]*)$/;
const THOUSANDS = /^\d{1,3}(?:,\d{3})+$/;

/** Unit words on amounts → power of ten relative to 万元. */
export const AMOUNT_UNITS: Readonly<Record<string, number>> = { 万元: 0, 亿元: 4, 元: -4 };

/** Moves the decimal point of digits `int`.`frac` by `places` (exact, no float multiplication). */
export function shiftDecimal(sign: string, int: string, frac: string, places: number): number {
  const all = int + frac;
  const point = int.length + places;
  let s: string;
  if (point <= 0) s = `0.${'0'.repeat(-point)}${all}`;
  else if (point >= all.length) s = all + '0'.repeat(point - all.length);
  else s = `${all.slice(0, point)}.${all.slice(point)}`;
  return Number(sign + s);
}

/** A finite JS number scaled by 10^places via its decimal form, so 2.77 × 10⁴ is exactly 27700. */
export function scaleNumber(n: number, places: number): number {
  if (places === 0) return n;
  const s = String(Math.abs(n));
  if (s.includes('e')) return n * 10 ** places;
  const [int = '0', frac = ''] = s.split('.');
  return shiftDecimal(n < 0 ? '-' : '', int, frac, places);
}

/** Number text taken apart: sign, digits, fraction and the unit word after it (normalised). */
export type TextNumber =
  | { ok: true; sign: string; int: string; frac: string; unit: string; grouped: boolean; normalized: boolean }
  | { ok: false; reason: 'format' | 'grouping' };

/** Reads number text (1,200 / １２００ / 2.77亿元); `grouping` when commas are misplaced. */
export function parseNumberText(raw: string): TextNumber {
  const text = fromFullwidth(raw).replace(/[\s\u3000]/g, '');
  const m = NUMBER_TEXT.exec(text);
  if (!m) return { ok: false, reason: 'format' };
  const [, sign = '', digits = '', frac = '', unit = ''] = m;
  const grouped = digits.includes(',');
  if (grouped && !THOUSANDS.test(digits)) return { ok: false, reason: 'grouping' };
  return {
    ok: true,
    sign,
    int: digits.replace(/,/g, ''),
    frac,
    unit: unit ? normalizeEnumText(unit) : '',
    grouped,
    normalized: text !== raw.trim(),
  };
}

const STRICT_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const LOOSE_DATE = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})$|^(\d{4})年(\d{1,2})月(\d{1,2})日?$/;

export type DateReading = { ok: true; date: IsoDate; loose: boolean } | { ok: false; message: string };

/** Reads `YYYY-MM-DD` (or, with `loose`, 2021/3/1, 2021.3.1, 2021年3月1日) and checks the day exists. */
export function readDateText(raw: string): DateReading {
  const text = fromFullwidth(raw.trim());
  let y: number, mo: number, d: number;
  let loose = false;
  const strict = STRICT_DATE.exec(text);
  if (strict) {
    [y, mo, d] = [Number(strict[1]), Number(strict[2]), Number(strict[3])];
  } else {
    const m = LOOSE_DATE.exec(text.replace(/\s+/g, ''));
    if (!m) return { ok: false, message: '不是日期；应写作 YYYY-MM-DD，例如 2021-03-01' };
    loose = true;
    if (m[1] !== undefined) [y, mo, d] = [Number(m[1]), Number(m[3]), Number(m[4])];
    else [y, mo, d] = [Number(m[5]), Number(m[6]), Number(m[7])];
  }
  if (y < 1900 || y > 2200) return { ok: false, message: `不是有效日期：年份 ${y} 超出 1900–2200 年` };
  if (mo < 1 || mo > 12) return { ok: false, message: `不是有效日期：月份 ${mo} 不存在，应为 1–12` };
  const dim = daysInMonth(y, mo);
  if (d < 1 || d > dim) return { ok: false, message: `不是有效日期：${y}年${mo}月只有${dim}天` };
  const iso = `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return { ok: true, date: iso, loose };
}

/** Every full-width ASCII form (２０２１／１１／３０, ＋７, ＡＢ) as ASCII; ideographic spaces are left alone. */
export function halfWidth(text: string): string {
  return text.replace(/[\uff01-\uff5e]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
}

/** The date a year, month and day name, as YYYY-MM-DD; undefined when that day does not exist. */
export function isoDateOf(year: number, month: number, day: number): IsoDate | undefined {
  if (!Number.isInteger(year) || year < 1 || month < 1 || month > 12 || day < 1) return undefined;
  if (day > daysInMonth(year, month)) return undefined;
  return formatIsoDate(year, month, day);
}

/**
 * Year, month and day of a date typed in full (spaces removed, digits half-width): 2021-11-30,
 * 2021/11/30, 2021.11.30, 2021年11月30日, separators mixed as people type them. Not checked to exist.
 */
export function fullDateParts(text: string): { year: number; month: number; day: number } | undefined {
  const m = /^(\d{4})[-./年](\d{1,2})[-./月](\d{1,2})日?$/.exec(text);
  return m ? { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) } : undefined;
}
