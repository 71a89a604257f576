// The 总体 figures both documents print (minutes 一、总体进展, bulletin 一、总体情况): from the
// register or from what a meeting recorded (docs/minutes-rules.md "State at the meeting"), as
// sentences and as data. Pure: no I/O.
import type { RegisterFigures } from '../domain/figures.js';
import type { IsoDate, MeetingSnapshot, Nature, Register } from '../domain/types.js';
import { formatDate, formatMoneyAuto, formatPercent, progressComparison } from './wording.js';

/** A rate as data: the fraction and the text printed for it (null when there is no rate). */
export interface RateData {
  value: number | null;
  text: string;
}

export function rateData(value: number | null): RateData {
  return { value, text: value === null ? '—' : formatPercent(value) };
}

export interface OverallData {
  asOf: IsoDate;
  projectCount: number;
  started: number;
  startRate: RateData;
  newTotal: number;
  newStarted: number;
  newStartRate: RateData;
  /** absent in minutes printed from a meeting's snapshot (not recorded) */
  continuingTotal?: number;
  continuingStarted: number;
  /** 万元 */
  totalInvestment: number;
  /** 万元 */
  annualPlan: number;
  /** 万元 */
  completedYear: number;
  /** 万元; absent when the register gives no completed_month */
  completedMonth?: number;
  completionRate: RateData;
  timeProgress: RateData;
  /** "超序时进度7.3个百分点" etc.; null with no rate */
  comparison: string | null;
  lights: { 红: number; 黄: number; 绿: number };
}

/**
 * The 总体 figures a document prints: the register's (RegisterFigures) or those recorded at a
 * meeting (MeetingSnapshot). `completedMonth` is absent when the register gave none.
 */
export interface Overall {
  asOf: IsoDate;
  projectCount: number;
  byNature?: Record<Nature, number>;
  started: number;
  startRate: number | null;
  newTotal: number;
  newStarted: number;
  newStartRate: number | null;
  continuingTotal?: number;
  continuingStarted: number;
  totals: { totalInvestment: number; annualPlan: number; completedYear: number; completedMonth?: number };
  completionRate: number | null;
  timeProgress: number;
  lights: { 红: number; 黄: number; 绿: number };
  lagging: number;
}

export function overallOfRegister(register: Register, f: RegisterFigures): Overall {
  const o: Overall = { ...f, totals: { ...f.totals } };
  if (!register.projects.some((p) => p.completedMonth !== undefined)) delete o.totals.completedMonth;
  return o;
}

export function overallOfSnapshot(s: MeetingSnapshot, asOf: IsoDate): Overall {
  const ratio = (a: number, b: number): number | null => (b > 0 ? a / b : null);
  const o: Overall = {
    asOf,
    projectCount: s.projects,
    started: s.started,
    startRate: ratio(s.started, s.projects),
    newTotal: s.newProjects,
    newStarted: s.newStarted,
    newStartRate: ratio(s.newStarted, s.newProjects),
    continuingStarted: s.started - s.newStarted,
    totals: { totalInvestment: s.totalInvestment, annualPlan: s.annualPlan, completedYear: s.completedYear },
    completionRate: ratio(s.completedYear, s.annualPlan),
    timeProgress: s.timeProgress,
    lights: { 红: s.red, 黄: s.yellow, 绿: s.green },
    lagging: s.red + s.yellow,
  };
  if (s.completedMonth !== undefined) o.totals.completedMonth = s.completedMonth;
  return o;
}

export function overallData(f: Overall): OverallData {
  const d: OverallData = {
    asOf: f.asOf,
    projectCount: f.projectCount,
    started: f.started,
    startRate: rateData(f.startRate),
    newTotal: f.newTotal,
    newStarted: f.newStarted,
    newStartRate: rateData(f.newStartRate),
    continuingStarted: f.continuingStarted,
    totalInvestment: f.totals.totalInvestment,
    annualPlan: f.totals.annualPlan,
    completedYear: f.totals.completedYear,
    completionRate: rateData(f.completionRate),
    timeProgress: rateData(f.timeProgress),
    comparison: f.completionRate === null ? null : progressComparison(f.completionRate, f.timeProgress),
    lights: { ...f.lights },
  };
  if (f.continuingTotal !== undefined) d.continuingTotal = f.continuingTotal;
  if (f.totals.completedMonth !== undefined) d.completedMonth = f.totals.completedMonth;
  return d;
}

/**
 * The 总体 paragraphs (minutes 一 and bulletin 一), from the figures. `latestAfter`: the document's
 * date when the register's data are later than it (minutes regenerated after the register moved
 * on, from a meeting file that did not record the figures), so the text says the figures are the
 * register's latest rather than dating them silently.
 */
export function overallParagraphs(
  region: string,
  f: Overall,
  withComposition: boolean,
  latestAfter?: IsoDate,
): string[] {
  const out: string[] = [];
  const n = f.projectCount;
  const lead =
    latestAfter !== undefined && f.asOf > latestAfter
      ? `据项目台账最新数据（截至${formatDate(f.asOf)}）`
      : `截至${formatDate(f.asOf)}`;
  let first = `${lead}，${region}共有重点项目${n}个`;
  if (f.totals.totalInvestment > 0) first += `，总投资${formatMoneyAuto(f.totals.totalInvestment)}`;
  if (withComposition && n > 0 && f.byNature) {
    const parts: string[] = [];
    if (f.byNature.新建 > 0) parts.push(`新建项目${f.byNature.新建}个`);
    if (f.byNature.续建 > 0) parts.push(`续建项目${f.byNature.续建}个`);
    if (f.byNature.前期 > 0) parts.push(`前期项目${f.byNature.前期}个`);
    if (parts.length > 0) first += `，其中${parts.join('、')}`;
  }
  first += '。';
  if (n > 0) {
    first += `已开复工${f.started}个，开复工率${formatPercent(f.startRate ?? 0)}`;
    if (f.newTotal > 0) {
      first += `；新建项目${f.newTotal}个，已开工${f.newStarted}个，新开工率${formatPercent(f.newStartRate ?? 0)}`;
    }
    first += '。';
  }
  out.push(first);

  let money = `年度计划投资${formatMoneyAuto(f.totals.annualPlan)}，累计完成投资${formatMoneyAuto(f.totals.completedYear)}`;
  if (f.completionRate !== null) {
    money += `，投资完成率${formatPercent(f.completionRate)}，序时进度${formatPercent(f.timeProgress)}，${progressComparison(f.completionRate, f.timeProgress)}`;
  }
  const month = f.totals.completedMonth;
  if (month !== undefined && month > 0) money += `；本月完成投资${formatMoneyAuto(month)}`;
  out.push(`${money}。`);

  if (n > 0) {
    out.push(
      f.lagging > 0
        ? `对照序时进度，${f.lagging}个项目进度滞后，其中亮红灯${f.lights.红}个、亮黄灯${f.lights.黄}个，其余${f.lights.绿}个项目亮绿灯。`
        : `对照序时进度，${n}个项目均亮绿灯，无进度滞后项目。`,
    );
  }
  return out;
}
