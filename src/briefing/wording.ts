// Official wording of numbers, money, dates and point gaps, as they are printed in minutes and
// bulletins (docs/domain.md#rounding: percentages with one decimal, money in 万元 or 亿元 with two
// decimals; docs/domain.md#official-document-format: dates in Arabic numerals without leading zeros).
// Pure functions: no I/O.
import { printedDifference, roundTo } from '../domain/figures.js';
import type { IsoDate, MoneyUnit } from '../domain/types.js';

// Rounding and percentages are the domain's (figures.ts), so lag reasons and briefings print alike.
export { formatPercent, formatPoints, printedPoints, roundTo } from '../domain/figures.js';
import { trimSentenceEnd } from '../text/sentence.js';
export { trimSentenceEnd };

function fixed(value: number, decimals: number): string {
  const text = roundTo(value, decimals).toFixed(decimals);
  return /^-0(\.0*)?$/.test(text) ? text.slice(1) : text;
}

/**
 * 完成率 against 序时进度 in 个百分点: "超序时进度7.3个百分点", "慢于序时进度12.3个百分点",
 * "与序时进度持平". The gap is the difference of the two figures as printed (one decimal each), so
 * a reader who subtracts the printed numbers gets the printed gap. (The lag rules compare the
 * unrounded values; that is domain/lag-rules.ts, not wording.)
 */
export function progressComparison(rate: number, timeProgress: number): string {
  const diff = printedDifference(rate, timeProgress);
  if (diff > 0) return `超序时进度${fixed(diff, 1)}个百分点`;
  if (diff < 0) return `慢于序时进度${fixed(-diff, 1)}个百分点`;
  return '与序时进度持平';
}

/** An amount held in 万元 as a number in `unit` (no unit word): 亿元 with two decimals, 万元 up to two. */
export function formatMoneyNumber(wan: number, unit: MoneyUnit): string {
  if (unit === '亿元') return fixed(wan / 10000, 2);
  // A whole number of 万元 (most register amounts) prints as itself: the same text as below, sooner.
  if (Number.isInteger(wan) && Math.abs(wan) < 1e9) return String(wan);
  return fixed(wan, 2).replace(/0+$/, '').replace(/\.$/, '');
}

/** An amount held in 万元, with its unit: formatMoney(27700, '亿元') → "2.77亿元"; (1234.5, '万元') → "1234.5万元". */
export function formatMoney(wan: number, unit: MoneyUnit): string {
  return `${formatMoneyNumber(wan, unit)}${unit}`;
}

/** Prose money: 亿元 from one 亿 (10000 万元) up, else 万元. */
export function formatMoneyAuto(wan: number): string {
  return formatMoney(wan, Math.abs(wan) >= 10000 ? '亿元' : '万元');
}

function dateParts(date: IsoDate): [number, number, number] {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) throw new Error(`not an ISO date: ${date}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

/** "2024-09-04" → "2024年9月4日". */
export function formatDate(date: IsoDate): string {
  const [y, m, d] = dateParts(date);
  return `${y}年${m}月${d}日`;
}

/** "2024-09-04" → "9月4日". */
export function formatMonthDay(date: IsoDate): string {
  const [, m, d] = dateParts(date);
  return `${m}月${d}日`;
}

/** (2021, 9) → "2021年9月". */
export function formatYearMonth(year: number, month: number): string {
  return `${year}年${month}月`;
}

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** Chinese numerals as used for section numbers: 1 → 一, 10 → 十, 11 → 十一, 20 → 二十, 105 → 一百零五. */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 9999) throw new Error(`chineseNumeral: ${n}`);
  if (n < 10) return DIGITS[n]!;
  if (n < 20) return `十${n % 10 === 0 ? '' : DIGITS[n % 10]}`;
  const units: Array<[number, string]> = [
    [1000, '千'],
    [100, '百'],
    [10, '十'],
  ];
  let out = '';
  let rest = n;
  let pendingZero = false;
  for (const [size, name] of units) {
    const digit = Math.floor(rest / size);
    rest %= size;
    if (digit > 0) {
      if (pendingZero) out += '零';
      out += DIGITS[digit]! + name;
      pendingZero = false;
    } else if (out) {
      pendingZero = true;
    }
  }
  if (rest > 0) out += (pendingZero ? '零' : '') + DIGITS[rest]!;
  return out;
}

/** Level-1 heading label: 1 → "一、". */
export function sectionLabel(n: number): string {
  return `${chineseNumeral(n)}、`;
}

/** Level-2 heading label: 1 → "（一）". */
export function subsectionLabel(n: number): string {
  return `（${chineseNumeral(n)}）`;
}

/** The label over an attachment (GB/T 9704 §7.3.4): "附件" when it is the only one, else "附件2". */
export function attachmentLabel(index: number, count: number): string {
  return count > 1 ? `附件${index + 1}` : '附件';
}

/** Issue line: 38 → "第38期". */
export function issueLine(n: number): string {
  return `第${n}期`;
}

/** Joins names with the enumeration comma: ["a","b"] → "a、b". */
export function joinNames(names: readonly string[]): string {
  return names.join('、');
}

/**
 * The lead sentence naming lagging projects: "海泰新能光伏高效组件项目、…等N个项目滞后". At most
 * `maxNames` names are written; N is always the full count.
 */
export function laggardSummary(names: readonly string[], maxNames = 5): string {
  if (names.length === 0) return '无进度滞后项目';
  if (names.length === 1) return `${names[0]}进度滞后`;
  return `${joinNames(names.slice(0, maxNames))}等${names.length}个项目滞后`;
}

/**
 * A decision as listed in minutes (without its number):
 * "协调落实项目用地指标（责任单位：区自然资源局，责任人：张三，完成时限：2021年11月30日）。"
 */
/**
 * Who answers for a decision, as the minutes write it: "责任单位：区能源局", or with 配合单位
 * "牵头单位：区自然资源局；配合单位：区能源局、阻虎乡".
 */
export function decisionUnitsText(d: { unit: string; coUnits?: readonly string[] }): string {
  const co = (d.coUnits ?? []).filter((u, i, all) => u !== d.unit && all.indexOf(u) === i);
  return co.length > 0 ? `牵头单位：${d.unit}；配合单位：${joinUnits(co)}` : `责任单位：${d.unit}`;
}

function joinUnits(units: readonly string[]): string {
  return units.join('、');
}

export function decisionSentence(d: {
  text: string;
  unit: string;
  coUnits?: readonly string[];
  owner?: string;
  due: IsoDate;
}): string {
  const parts = [decisionUnitsText(d)];
  if (d.owner) parts.push(`责任人：${d.owner}`);
  parts.push(`完成时限：${formatDate(d.due)}`);
  return `${trimSentenceEnd(d.text)}（${parts.join('，')}）。`;
}

/** Ends a sentence with "。" unless it already ends with closing punctuation. */
export function sentence(text: string): string {
  const t = text.trim();
  return /[。！？]$/u.test(t) ? t : `${trimSentenceEnd(t)}。`;
}

/**
 * A name as written in a meeting file, with the 职务 in brackets when given:
 * "王晓峰（区委副书记）" → { name: "王晓峰", title: "区委副书记" }; "区发改局" → { name: "区发改局" }.
 */
export function splitTitle(entry: string): { name: string; title?: string } {
  const m = /^(.+?)\s*[（(]\s*([^（）()]+?)\s*[）)]$/u.exec(entry.trim());
  return m ? { name: m[1]!, title: m[2]! } : { name: entry.trim() };
}

/** "区委副书记王晓峰" for "王晓峰（区委副书记）"; the bare name when no 职务 is given. */
export function titledName(entry: string): string {
  const { name, title } = splitTitle(entry);
  return title ? `${title}${name}` : name;
}

/** How a document names its whole area: 平鲁区 → 全区, 右玉县 → 全县, 朔州市 → 全市; otherwise the name. */
export function regionScope(region: string): string {
  const bare = region.replace(/[（(][^（）()]*[）)]$/u, '').trim();
  const last = bare.slice(-1);
  const level: Record<string, string> = { 区: '区', 區: '区', 县: '县', 縣: '县', 市: '市', 旗: '旗' };
  return level[last] ? `全${level[last]}` : bare || region;
}

/**
 * The bulletin's 主送机关 when the register gives none (`recipients`): a 区, 县 or 市 writes to its
 * townships and its own departments ("各乡镇人民政府，区直各有关单位"); a development zone or park
 * to "各有关单位".
 */
export function defaultRecipients(region: string): string {
  if (/(开发区|開發區|经开区|經開區|园区|園區|新区|新區|高新区|高新區)/u.test(region)) return '各有关单位';
  const scope = regionScope(region);
  if (scope === '全区' || scope === '全县' || scope === '全市' || scope === '全旗') {
    return `各乡镇人民政府，${scope.slice(1)}直各有关单位`;
  }
  return '各有关单位';
}

/** How the issuing office names itself in its own document: 平鲁区项目推进中心 → 我中心, …办公室 → 我办. */
export function selfReference(issuer: string): string {
  const m = /(中心|办公室|委员会|管委会|局|委|办|室|处|科|院|所)$/u.exec(issuer.trim());
  if (!m) return '我单位';
  const word = m[1]!;
  return `我${word === '办公室' ? '办' : word === '委员会' ? '委' : word}`;
}

/**
 * Text from a meeting file with the app's internal decision ids (2021-09-22-02) put into words for a
 * document: "由2021-09-22-02继续督办" → "已在9月22日调度会上重新明确时限，继续督办"; any other id →
 * "9月22日调度会议定事项".
 */
export function withoutDecisionIds(text: string): string {
  const md = (m: string, d: string): string => `${Number(m)}月${Number(d)}日`;
  return text
    .replace(
      /[，,]?\s*由\s*\d{4}-(\d{2})-(\d{2})-\d{2,}\s*(?:号)?(?:议定事项)?继续督办/gu,
      (_all, m: string, d: string) => `，已在${md(m, d)}调度会上重新明确时限，继续督办`,
    )
    .replace(
      /\d{4}-(\d{2})-(\d{2})-\d{2,}(?:号)?/gu,
      (_all, m: string, d: string) => `${md(m, d)}调度会议定事项`,
    )
    .replace(/^，/u, '');
}
