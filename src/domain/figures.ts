// The figures of docs/domain.md (#completion-rate, #start-rate, #rankings) and of the bulletin: 投资完成率, 开复工率,
// 新开工率, counts by light, money totals (万元), rankings of 责任单位 and 片区, 红黑榜, problem and decision
// figures. Pure functions over the register and its assessment.
import { registerTimeProgress } from './dates.js';
import {
  ledgerSummary,
  unitDecisionFigures,
  type LedgerSummary,
  type UnitDecisionFigures,
} from './ledger.js';
import type {
  IsoDate,
  LedgerEntry,
  Light,
  Nature,
  Project,
  ProjectStatus,
  Register,
  Stage,
} from './types.js';

// ---- numbers ----

/**
 * Rounds half away from zero at `decisions` places, after cutting binary noise to 12 significant
 * digits (the same rule as briefing/wording.ts, so lag reasons and briefings print alike).
 */
export function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  let scaled = Math.abs(value) * factor;
  // Only a value next to a half can be decided by binary noise; cut those to 12 significant digits.
  const frac = scaled - Math.floor(scaled);
  if (Math.abs(frac - 0.5) <= 1e-9 * Math.max(1, scaled)) scaled = Number(scaled.toPrecision(12));
  const rounded = Math.round(scaled) / factor;
  return rounded === 0 ? 0 : Math.sign(value) * rounded;
}

/** |value| with one decimal, rounded as roundTo does ("48.3"); integer arithmetic, no regex (hot path). */
function oneDecimalAbs(value: number): string {
  const tenths = Math.round(roundTo(Math.abs(value), 1) * 10);
  return `${Math.floor(tenths / 10)}.${tenths % 10}`;
}

/** A fraction as a percentage with one decimal: 0.94152 → "94.2%"; negative values keep their sign. */
export function formatPercent(fraction: number): string {
  const text = oneDecimalAbs(fraction * 100);
  return fraction < 0 && text !== '0.0' ? `-${text}%` : `${text}%`;
}

/** Points with one decimal, no sign: 48.333 → "48.3". */
export function formatPoints(points: number): string {
  return oneDecimalAbs(points);
}

/** The percentage figure as printed, in points (0.94152 → 94.2), for arithmetic on printed values. */
export function printedPoints(fraction: number): number {
  return roundTo(fraction * 100, 1);
}

/**
 * a − b in points as printed: the difference of the two one-decimal figures (75.0 − 13.8 = 61.2),
 * so a reader who subtracts the printed numbers gets the printed gap. Lights compare the unrounded
 * values (pointsGap); sentences and briefings use this.
 */
export function printedDifference(a: number, b: number): number {
  return roundTo(printedPoints(a) - printedPoints(b), 1);
}

/** 投资完成率 as a fraction (completed ÷ plan); null when the plan is 0 (or less). */
export function completionRate(completed: number, plan: number): number | null {
  return plan > 0 ? completed / plan : null;
}

/**
 * 序时进度 − 完成率 in percentage points (positive = behind), unrounded except that binary noise
 * below 1e-9 points is removed ((0.5 − 0.4) × 100 → exactly 10).
 */
export function pointsGap(timeProgress: number, rate: number): number {
  return Math.round((timeProgress - rate) * 100 * 1e9) / 1e9;
}

/** A project counts as started (已开工/已复工) when its stage is 在建, 竣工 or 投产 (docs/domain.md#start-rate). */
export function isStarted(stage: Stage): boolean {
  return stage === '在建' || stage === '竣工' || stage === '投产';
}

function ratio(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

// ---- register figures ----

export interface LightCounts {
  红: number;
  黄: number;
  绿: number;
}

/** Money totals, in 万元. */
export interface MoneyTotals {
  totalInvestment: number;
  annualPlan: number;
  completedYear: number;
  completedMonth: number;
}

export interface RegisterFigures {
  asOf: IsoDate;
  year: number;
  /** 序时进度, fraction */
  timeProgress: number;
  projectCount: number;
  byNature: Record<Nature, number>;
  byStage: Record<Stage, number>;
  /** 新建 projects */
  newTotal: number;
  /** 新建 projects started (已开工) */
  newStarted: number;
  /** 续建 projects */
  continuingTotal: number;
  /** 续建 projects started (已复工) */
  continuingStarted: number;
  /** 已开复工 = newStarted + continuingStarted */
  started: number;
  /** 开复工率 = started ÷ all projects (前期-nature projects count in the denominator); null for an empty register */
  startRate: number | null;
  /** 新开工率 = newStarted ÷ newTotal; null without 新建 projects */
  newStartRate: number | null;
  totals: MoneyTotals;
  /** total 投资完成率 = Σ completed ÷ Σ plan; null when Σ plan is 0 */
  completionRate: number | null;
  /** 序时进度 − completionRate in points; null with no rate */
  gap: number | null;
  lights: LightCounts;
  /** yellow + red */
  lagging: number;
}

export function sumMoney(projects: readonly Project[]): MoneyTotals {
  const t: MoneyTotals = { totalInvestment: 0, annualPlan: 0, completedYear: 0, completedMonth: 0 };
  for (const p of projects) {
    t.totalInvestment += p.totalInvestment;
    t.annualPlan += p.annualPlan;
    t.completedYear += p.completedYear;
    t.completedMonth += p.completedMonth ?? 0;
  }
  return t;
}

export function countLights(statuses: readonly ProjectStatus[]): LightCounts {
  const c: LightCounts = { 红: 0, 黄: 0, 绿: 0 };
  for (const s of statuses) c[s.light]++;
  return c;
}

/** 总体情况 figures of the register on its as_of; `statuses` from assessRegister (for the lights). */
export function registerFigures(r: Register, statuses: readonly ProjectStatus[]): RegisterFigures {
  return registerFiguresWithLights(r, countLights(statuses));
}

/** registerFigures with the lights already counted (the app's home screen keeps them in its cache). */
export function registerFiguresWithLights(r: Register, lights: LightCounts): RegisterFigures {
  const byNature: Record<Nature, number> = { 新建: 0, 续建: 0, 前期: 0 };
  const byStage: Record<Stage, number> = { 前期: 0, 在建: 0, 竣工: 0, 投产: 0, 停工: 0 };
  let newStarted = 0;
  let continuingStarted = 0;
  for (const p of r.projects) {
    byNature[p.nature]++;
    byStage[p.stage]++;
    if (isStarted(p.stage)) {
      if (p.nature === '新建') newStarted++;
      else if (p.nature === '续建') continuingStarted++;
    }
  }
  const totals = sumMoney(r.projects);
  const tp = registerTimeProgress(r.meta);
  const rate = completionRate(totals.completedYear, totals.annualPlan);
  const started = newStarted + continuingStarted;
  return {
    asOf: r.meta.asOf,
    year: r.meta.year,
    timeProgress: tp,
    projectCount: r.projects.length,
    byNature,
    byStage,
    newTotal: byNature.新建,
    newStarted,
    continuingTotal: byNature.续建,
    continuingStarted,
    started,
    startRate: ratio(started, r.projects.length),
    newStartRate: ratio(newStarted, byNature.新建),
    totals,
    completionRate: rate,
    gap: rate === null ? null : pointsGap(tp, rate),
    lights,
    lagging: lights.红 + lights.黄,
  };
}

// ---- rankings ----

/** One row of the ranking table (二、各责任单位推进情况): a 责任单位, or a 片区 in areaRanking. */
export interface RankingRow {
  /** the 责任单位 (or 片区) */
  name: string;
  projectCount: number;
  /** 年度计划投资, 万元 */
  annualPlan: number;
  /** 占比: share of the total annual plan of all rows, fraction; null when the total is 0 */
  share: number | null;
  /** 累计完成投资 (年度), 万元 */
  completedYear: number;
  /** 完成额排名: by completedYear, largest first; ties share a rank (1, 1, 3) */
  completedRank: number;
  /** 投资完成率, fraction; null when the row's plan is 0 */
  completionRate: number | null;
  /** 完成率排名: ties share a rank; rows without a rate rank last, together */
  rateRank: number;
  lights: LightCounts;
  projectIds: string[];
}

/** Equal up to binary noise (rates computed by different sums). */
function sameValue(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(a), Math.abs(b));
}

/**
 * Competition ranks (1, 1, 3) of the values, largest first; null values all rank after the last
 * number, sharing one rank.
 */
export function competitionRanks(values: readonly (number | null)[]): number[] {
  const idx = values.map((_, i) => i);
  idx.sort((a, b) => {
    const va = values[a] ?? null;
    const vb = values[b] ?? null;
    if (va === null || vb === null) return va === null ? (vb === null ? 0 : 1) : -1;
    return vb - va;
  });
  const ranks = new Array<number>(values.length).fill(0);
  let prev: number | null | undefined;
  let prevRank = 0;
  idx.forEach((i, pos) => {
    const v = values[i] ?? null;
    const tie =
      pos > 0 && (v === null ? prev === null : prev !== null && prev !== undefined && sameValue(v, prev));
    const rank = tie ? prevRank : pos + 1;
    ranks[i] = rank;
    prev = v;
    prevRank = rank;
  });
  return ranks;
}

function rankBy(statuses: readonly ProjectStatus[], keyOf: (p: Project) => string): RankingRow[] {
  const groups = new Map<string, ProjectStatus[]>();
  for (const s of statuses) {
    const key = keyOf(s.project);
    const list = groups.get(key);
    if (list) list.push(s);
    else groups.set(key, [s]);
  }
  let totalPlan = 0;
  const rows: RankingRow[] = [];
  for (const [name, list] of groups) {
    const money = sumMoney(list.map((s) => s.project));
    totalPlan += money.annualPlan;
    rows.push({
      name,
      projectCount: list.length,
      annualPlan: money.annualPlan,
      share: null,
      completedYear: money.completedYear,
      completedRank: 0,
      completionRate: completionRate(money.completedYear, money.annualPlan),
      rateRank: 0,
      lights: countLights(list),
      projectIds: list.map((s) => s.project.id),
    });
  }
  const completedRanks = competitionRanks(rows.map((r) => r.completedYear));
  const rateRanks = competitionRanks(rows.map((r) => r.completionRate));
  rows.forEach((r, i) => {
    r.share = ratio(r.annualPlan, totalPlan);
    r.completedRank = completedRanks[i] ?? 0;
    r.rateRank = rateRanks[i] ?? 0;
  });
  // Table order: 完成率排名, then 完成额 (larger first), then first appearance in the register.
  const order = new Map(rows.map((r, i) => [r, i]));
  return rows.sort(
    (a, b) =>
      a.rateRank - b.rateRank ||
      b.completedYear - a.completedYear ||
      (order.get(a) ?? 0) - (order.get(b) ?? 0),
  );
}

/** Ranking of 责任单位 for the bulletin table, ordered by 完成率排名 (see RankingRow). */
export function unitRanking(statuses: readonly ProjectStatus[]): RankingRow[] {
  return rankBy(statuses, (p) => p.unit);
}

/** Name of the group for projects without an area in areaRanking. */
export const NO_AREA = '未明确片区';

/**
 * The same ranking by 片区/园区; [] when no project names an area. Projects without an area are
 * grouped under NO_AREA so that the rows add up to the register.
 */
export function areaRanking(statuses: readonly ProjectStatus[]): RankingRow[] {
  if (!statuses.some((s) => s.project.area)) return [];
  return rankBy(statuses, (p) => p.area || NO_AREA);
}

export interface RedBlackList {
  /** 红榜: best rows at or above time progress, best first */
  red: RankingRow[];
  /** 黑榜: worst rows below time progress, worst first */
  black: RankingRow[];
}

/**
 * 红黑榜 (docs/domain.md#red-and-black-lists): 红榜 = the `size` (default 3) rows with the highest 完成率
 * among those at or above 序时进度; 黑榜 = the `size` rows with the lowest 完成率 among those below it.
 * A row that met time progress is never on 黑榜. A row tied with the last one taken is taken too, so a
 * tie is never split arbitrarily. Rows without a rate (plan 0) are on neither list. "At or above" is
 * judged on the unrounded figures (gap ≤ 0 points, up to binary noise).
 */
export function redBlackList(rows: readonly RankingRow[], timeProgress: number, size = 3): RedBlackList {
  const rated = rows.filter((r): r is RankingRow & { completionRate: number } => r.completionRate !== null);
  const met = rated.filter((r) => pointsGap(timeProgress, r.completionRate) <= 0);
  const behind = rated.filter((r) => pointsGap(timeProgress, r.completionRate) > 0);
  met.sort((a, b) => b.completionRate - a.completionRate || b.completedYear - a.completedYear);
  behind.sort((a, b) => a.completionRate - b.completionRate || a.completedYear - b.completedYear);
  return { red: takeWithTies(met, size), black: takeWithTies(behind, size) };
}

function takeWithTies(sorted: (RankingRow & { completionRate: number })[], size: number): RankingRow[] {
  if (size <= 0) return [];
  const out = sorted.slice(0, size);
  const last = out[out.length - 1];
  if (!last) return out;
  for (let i = size; i < sorted.length; i++) {
    const r = sorted[i];
    if (!r || !sameValue(r.completionRate, last.completionRate)) break;
    out.push(r);
  }
  return out;
}

// ---- problems and decisions ----

export interface ProblemCounts {
  /** raised on or before the day (or with no raised date) */
  raised: number;
  /** resolved on or before the day */
  resolved: number;
  /** raised and not resolved on the day */
  open: number;
  /** open with 解决时限 before the day (逾期未解决) */
  overdue: number;
  /** resolved ÷ raised; null when none raised */
  resolvedRate: number | null;
}

export interface UnitProblemCounts extends ProblemCounts {
  /** the problem's 责任单位, else the project's */
  unit: string;
}

export interface ProblemFigures extends ProblemCounts {
  /** per 责任单位, in order of first appearance */
  byUnit: UnitProblemCounts[];
}

function emptyProblemCounts(): ProblemCounts {
  return { raised: 0, resolved: 0, open: 0, overdue: 0, resolvedRate: null };
}

/** 问题解决 figures on `day` (月通报 section 五). Problems raised after the day are left out. */
export function problemFigures(projects: readonly Project[], day: IsoDate): ProblemFigures {
  const total = emptyProblemCounts();
  const byUnit = new Map<string, UnitProblemCounts>();
  for (const p of projects) {
    for (const q of p.problems) {
      if (q.raised !== undefined && q.raised > day) continue;
      const unit = q.unit || p.unit;
      let row = byUnit.get(unit);
      if (!row) {
        row = { unit, ...emptyProblemCounts() };
        byUnit.set(unit, row);
      }
      const resolved = q.resolved !== undefined && q.resolved <= day;
      const overdue = !resolved && q.due !== undefined && q.due < day;
      for (const c of [total, row]) {
        c.raised++;
        if (resolved) c.resolved++;
        else c.open++;
        if (overdue) c.overdue++;
      }
    }
  }
  const rows = [...byUnit.values()];
  for (const c of [total, ...rows]) c.resolvedRate = ratio(c.resolved, c.raised);
  return { ...total, byUnit: rows };
}

export interface DecisionFigures {
  /** counts over decisions taken on or before the day */
  summary: LedgerSummary;
  /** decisions past their time limit on the day (or due that day and done), not dropped */
  due: number;
  /** of `due`, done on time */
  doneOnTime: number;
  /** of `due`, done after the time limit (超期落实) */
  doneLate: number;
  /** doneOnTime ÷ due; null when nothing is due */
  onTimeRate: number | null;
  byUnit: UnitDecisionFigures[];
}

/** 议定事项落实 figures on `day`; the ledger must be built for the same day (buildLedger(meetings, day)). */
export function decisionFigures(ledger: readonly LedgerEntry[], day: IsoDate): DecisionFigures {
  const byUnit = unitDecisionFigures(ledger, day);
  const summary = ledgerSummary(ledger.filter((e) => e.meetingDate <= day));
  let due = 0;
  let doneOnTime = 0;
  let doneLate = 0;
  for (const r of byUnit) {
    due += r.due;
    doneOnTime += r.doneOnTime;
    doneLate += r.doneLate;
  }
  return { summary, due, doneOnTime, doneLate, onTimeRate: ratio(doneOnTime, due), byUnit };
}

/** Projects of the given light, in the order given. */
export function withLight(statuses: readonly ProjectStatus[], light: Light): ProjectStatus[] {
  return statuses.filter((s) => s.light === light);
}
