// 季考核 (quarterly assessment of the 责任单位): each unit scored on 投资完成 against 序时进度, 开复工率,
// 新开工率 and 议定事项按时落实率, with weights and deductions from a rules file (docs/assessment.md;
// defaults below). Pure: the register's figures come from figures.ts, the on-time rule from the
// ledger (ledger.ts, docs/minutes-rules.md "按时落实"). Every score is computed from the printed
// figures (one-decimal percentages, scores to two decimals) so that a reader can redo it by hand.
import { addDays, dateParts, formatIsoDate, daysInMonth } from './dates.js';
import { isStarted, printedPoints, roundTo } from './figures.js';
import { unitDecisionFigures } from './ledger.js';
import type { IsoDate, LedgerEntry, ProjectStatus } from './types.js';

export type ScoreItemKey = 'investment' | 'startRate' | 'newStartRate' | 'onTime';

export const SCORE_ITEMS: readonly ScoreItemKey[] = ['investment', 'startRate', 'newStartRate', 'onTime'];

export const SCORE_ITEM_LABEL: Record<ScoreItemKey, string> = {
  investment: '投资完成',
  startRate: '开复工率',
  newStartRate: '新开工率',
  onTime: '议定事项按时落实',
};

export type DeductionKey = 'overdueDecision' | 'overdueProblem' | 'redProject';

export const DEDUCTIONS: readonly DeductionKey[] = ['overdueDecision', 'overdueProblem', 'redProject'];

export const DEDUCTION_LABEL: Record<DeductionKey, { what: string; measure: string }> = {
  overdueDecision: { what: '逾期未落实的议定事项', measure: '项' },
  overdueProblem: { what: '逾期未解决的问题', measure: '个' },
  redProject: { what: '红灯项目', measure: '个' },
};

export interface AssessmentRules {
  /** points of each item; the full score is their sum */
  weights: Record<ScoreItemKey, number>;
  /** points taken off per case */
  deductions: Record<DeductionKey, number>;
  /** the most taken off a unit in all (null: no cap) */
  maxDeduction: number | null;
}

/** The built-in rules (docs/assessment.md): 40/20/20/20, one point off per case, at most 20. */
export const DEFAULT_ASSESSMENT_RULES: AssessmentRules = {
  weights: { investment: 40, startRate: 20, newStartRate: 20, onTime: 20 },
  deductions: { overdueDecision: 1, overdueProblem: 1, redProject: 1 },
  maxDeduction: 20,
};

// ---- quarters ----

export interface Quarter {
  year: number;
  /** 1–4 */
  quarter: number;
  start: IsoDate;
  end: IsoDate;
}

export function quarterOf(year: number, quarter: number): Quarter {
  const lastMonth = quarter * 3;
  return {
    year,
    quarter,
    start: formatIsoDate(year, lastMonth - 2, 1),
    end: formatIsoDate(year, lastMonth, daysInMonth(year, lastMonth)),
  };
}

/** The quarter a date falls in. */
export function quarterOfDate(date: IsoDate): Quarter {
  const p = dateParts(date);
  return quarterOf(p.year, Math.ceil(p.month / 3));
}

/** "2021Q3" (also 2021q3, 2021-Q3) → the quarter; null when it is not one. */
export function parseQuarter(text: string): Quarter | null {
  const m = /^(\d{4})-?[Qq]([1-4])$/.exec(text.trim());
  return m ? quarterOf(Number(m[1]), Number(m[2])) : null;
}

export function quarterName(q: Quarter): string {
  return `${q.year}年第${'一二三四'[q.quarter - 1]}季度`;
}

// ---- scores ----

/** One item of a unit's score, with the inputs it was computed from. */
export interface ItemScore {
  key: ScoreItemKey;
  weight: number;
  /** false when the unit has nothing to be scored on (no annual plan, no 新建 project, nothing due) */
  applicable: boolean;
  /** the rate scored, as printed (points, one decimal: 76.1); null when not applicable */
  ratePoints: number | null;
  /** for 投资完成: 序时进度 as printed (points) */
  timeProgressPoints?: number;
  /** counts behind a count rate (已开复工 of 项目数; 按时落实 of 到期事项) */
  part?: number;
  whole?: number;
  /** points scored, two decimals; 0 when not applicable */
  score: number;
}

export interface DeductionLine {
  key: DeductionKey;
  count: number;
  perCase: number;
  points: number;
}

export interface UnitScore {
  unit: string;
  projectCount: number;
  items: ItemScore[];
  /** Σ weights of the applicable items */
  applicableWeight: number;
  /** Σ item scores */
  itemTotal: number;
  /** itemTotal scaled to the full score when some items are not applicable; = itemTotal otherwise */
  scaled: number;
  deductions: DeductionLine[];
  /** Σ deduction points, capped at maxDeduction */
  deducted: number;
  /** true when the cap cut the deductions */
  capped: boolean;
  /** scaled − deducted, not below 0, two decimals */
  total: number;
  /** 1, 1, 3 …: ties share a rank */
  rank: number;
}

export interface AssessmentInput {
  statuses: readonly ProjectStatus[];
  /** 序时进度 (fraction) on the day */
  timeProgress: number;
  /** the register's as_of: the day everything is judged on */
  day: IsoDate;
  quarter: Quarter;
  /** the decision ledger on the day (buildLedger(meetings, day)); undefined without meetings */
  ledger?: readonly LedgerEntry[];
  rules: AssessmentRules;
}

export interface Assessment {
  quarter: Quarter;
  day: IsoDate;
  timeProgress: number;
  fullScore: number;
  rules: AssessmentRules;
  withDecisions: boolean;
  /** ranked, best first */
  units: UnitScore[];
}

const two = (v: number): number => roundTo(v, 2);

/** weight × min(1, rate ÷ target), on printed points; the target 0 counts as met. */
function ratioScore(weight: number, ratePoints: number, targetPoints: number): number {
  if (targetPoints <= 0) return two(weight);
  return two((weight * Math.min(ratePoints, targetPoints)) / targetPoints);
}

interface UnitTally {
  unit: string;
  projects: number;
  plan: number;
  completed: number;
  started: number;
  newTotal: number;
  newStarted: number;
  red: number;
  overdueProblems: number;
}

function tally(map: Map<string, UnitTally>, unit: string): UnitTally {
  let t = map.get(unit);
  if (!t) {
    t = {
      unit,
      projects: 0,
      plan: 0,
      completed: 0,
      started: 0,
      newTotal: 0,
      newStarted: 0,
      red: 0,
      overdueProblems: 0,
    };
    map.set(unit, t);
  }
  return t;
}

/**
 * Scores every 责任单位 of the register (and every unit that has decisions or problems to answer
 * for) for the quarter, as docs/assessment.md describes:
 * - 投资完成 = weight × min(1, 完成率 ÷ 序时进度) (a unit at or above time progress gets the full weight);
 * - 开复工率 = weight × 已开复工 ÷ 项目数; 新开工率 = weight × 新建已开工 ÷ 新建项目;
 * - 议定事项按时落实 = weight × 按时落实 ÷ 到期事项, over the decisions whose 完成时限 falls in the
 *   quarter up to the day (到期 and 按时落实 as in the bulletin's table, ledger.ts);
 * - an item with nothing to score is left out and the rest scaled to the full score;
 * - deductions per overdue decision (whenever due), overdue problem and red project (red for a
 *   reason other than an overdue problem or decision, which are deducted on their own), capped.
 */
export function assessUnits(input: AssessmentInput): Assessment {
  const { statuses, day, quarter, rules } = input;
  const tallies = new Map<string, UnitTally>();
  for (const s of statuses) {
    const p = s.project;
    const t = tally(tallies, p.unit);
    t.projects++;
    t.plan += p.annualPlan;
    t.completed += p.completedYear;
    if (isStarted(p.stage)) t.started++;
    if (p.nature === '新建') {
      t.newTotal++;
      if (isStarted(p.stage)) t.newStarted++;
    }
    // A project red only for an overdue problem or decision is not counted again: those are
    // deducted on their own.
    if (s.flags.some((f) => f.light === '红' && f.kind !== 'problem' && f.kind !== 'decision')) t.red++;
    for (const q of p.problems) {
      if (q.raised !== undefined && q.raised > day) continue;
      const resolved = q.resolved !== undefined && q.resolved <= day;
      if (!resolved && q.due !== undefined && q.due < day) tally(tallies, q.unit || p.unit).overdueProblems++;
    }
  }
  const overdueDecisions = new Map<string, number>();
  let onTime = new Map<string, { due: number; doneOnTime: number }>();
  if (input.ledger) {
    for (const e of input.ledger) {
      if (e.meetingDate > day) continue;
      tally(tallies, e.decision.unit);
      if (e.state === 'overdue')
        overdueDecisions.set(e.decision.unit, (overdueDecisions.get(e.decision.unit) ?? 0) + 1);
    }
    const inQuarter = input.ledger.filter((e) => e.decision.due >= quarter.start);
    onTime = new Map(unitDecisionFigures(inQuarter, day).map((r) => [r.unit, r]));
  }

  const tpPoints = printedPoints(input.timeProgress);
  const w = rules.weights;
  const fullScore = two(SCORE_ITEMS.reduce((n, k) => n + w[k], 0));
  const units: UnitScore[] = [];
  for (const t of tallies.values()) {
    const items: ItemScore[] = [];
    // 投资完成
    if (t.plan > 0) {
      const rate = printedPoints(t.completed / t.plan);
      items.push({
        key: 'investment',
        weight: w.investment,
        applicable: true,
        ratePoints: rate,
        timeProgressPoints: tpPoints,
        score: ratioScore(w.investment, rate, tpPoints),
      });
    } else items.push(notApplicable('investment', w.investment));
    // 开复工率
    if (t.projects > 0) {
      const rate = printedPoints(t.started / t.projects);
      items.push({
        key: 'startRate',
        weight: w.startRate,
        applicable: true,
        ratePoints: rate,
        part: t.started,
        whole: t.projects,
        score: two((w.startRate * rate) / 100),
      });
    } else items.push(notApplicable('startRate', w.startRate));
    // 新开工率
    if (t.newTotal > 0) {
      const rate = printedPoints(t.newStarted / t.newTotal);
      items.push({
        key: 'newStartRate',
        weight: w.newStartRate,
        applicable: true,
        ratePoints: rate,
        part: t.newStarted,
        whole: t.newTotal,
        score: two((w.newStartRate * rate) / 100),
      });
    } else items.push(notApplicable('newStartRate', w.newStartRate));
    // 议定事项按时落实
    const d = onTime.get(t.unit);
    if (d && d.due > 0) {
      const rate = printedPoints(d.doneOnTime / d.due);
      items.push({
        key: 'onTime',
        weight: w.onTime,
        applicable: true,
        ratePoints: rate,
        part: d.doneOnTime,
        whole: d.due,
        score: two((w.onTime * rate) / 100),
      });
    } else items.push(notApplicable('onTime', w.onTime));

    const applicable = items.filter((i) => i.applicable);
    const applicableWeight = two(applicable.reduce((n, i) => n + i.weight, 0));
    const itemTotal = two(applicable.reduce((n, i) => n + i.score, 0));
    const scaled =
      applicableWeight === fullScore
        ? itemTotal
        : applicableWeight > 0
          ? two((itemTotal / applicableWeight) * fullScore)
          : 0;
    const counts: Record<DeductionKey, number> = {
      overdueDecision: overdueDecisions.get(t.unit) ?? 0,
      overdueProblem: t.overdueProblems,
      redProject: t.red,
    };
    const deductions: DeductionLine[] = [];
    for (const key of DEDUCTIONS) {
      const perCase = rules.deductions[key];
      if (counts[key] > 0 && perCase > 0)
        deductions.push({ key, count: counts[key], perCase, points: two(counts[key] * perCase) });
    }
    const sum = two(deductions.reduce((n, x) => n + x.points, 0));
    const capped = rules.maxDeduction !== null && sum > rules.maxDeduction;
    const deducted = capped ? (rules.maxDeduction ?? sum) : sum;
    units.push({
      unit: t.unit,
      projectCount: t.projects,
      items,
      applicableWeight,
      itemTotal,
      scaled,
      deductions,
      deducted,
      capped,
      total: Math.max(0, two(scaled - deducted)),
      rank: 0,
    });
  }
  // rank by total; ties share a rank and keep the register's order
  const order = new Map(units.map((u, i) => [u, i]));
  units.sort((a, b) => b.total - a.total || (order.get(a) ?? 0) - (order.get(b) ?? 0));
  units.forEach((u, i) => {
    const prev = units[i - 1];
    u.rank = prev && prev.total === u.total ? prev.rank : i + 1;
  });
  return {
    quarter,
    day,
    timeProgress: input.timeProgress,
    fullScore,
    rules,
    withDecisions: input.ledger !== undefined,
    units,
  };
}

function notApplicable(key: ScoreItemKey, weight: number): ItemScore {
  return { key, weight, applicable: false, ratePoints: null, score: 0 };
}

// ---- 督办通知单 ----

/** Decisions due within this many days after the day are "即将到期" on a 督办通知单. */
export const DUE_SOON_DAYS = 7;

/** Whether an open decision is due soon on `day`: its 完成时限 is from the day to DUE_SOON_DAYS after. */
export function isDueSoon(e: LedgerEntry, day: IsoDate): boolean {
  return e.state === 'open' && e.decision.due >= day && e.decision.due <= addDays(day, DUE_SOON_DAYS);
}
