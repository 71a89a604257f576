// 环比: this month's register against last month's snapshot (a full register of its own as_of,
// kept in the `history/` folder beside the register; docs/formats.md#register-history). Pure: the two
// registers come assessed (assessRegister on each one's own as_of), the deltas come out. Nothing is guessed:
// a project missing from the snapshot is compared only by its own dates, and money figures the
// registers do not give (completed_month) are absent, not 0.
import {
  isStarted,
  printedDifference,
  registerFigures,
  sumMoney,
  unitRanking,
  type RegisterFigures,
} from './figures.js';
import type { IsoDate, Light, ProjectStatus, Register, Stage } from './types.js';

/** One side of the comparison: a register and its assessment on its own as_of. */
export interface AssessedMonth {
  register: Register;
  statuses: readonly ProjectStatus[];
}

/** A rate this month and last, with the change in points as printed (a − b of one-decimal figures). */
export interface RateChange {
  current: number | null;
  previous: number | null;
  /** current − previous in percentage points, as the printed figures differ; null when either is missing */
  points: number | null;
}

export interface UnitMove {
  unit: string;
  /** 完成率排名 this month; null when the unit has no annual plan */
  rank: number | null;
  /** last month's 完成率排名; null when the unit was not ranked last month */
  previousRank: number | null;
  /** previousRank − rank: positive = moved up; null when either rank is missing */
  move: number | null;
}

export interface ProjectChange {
  id: string;
  name: string;
  unit: string;
  light: Light;
  /** last month's light; absent for a project new to the register */
  previousLight?: Light;
  stage: Stage;
}

export interface MonthOnMonth {
  asOf: IsoDate;
  previousAsOf: IsoDate;
  completionRate: RateChange;
  startRate: RateChange;
  newStartRate: RateChange;
  /** every unit of this month's ranking, in its order */
  unitMoves: UnitMove[];
  /** red now, not red last month (register order) */
  turnedRed: ProjectChange[];
  /** green now, yellow or red last month */
  turnedGreen: ProjectChange[];
  /** started now (在建/竣工/投产), not started last month (or, new to the register, started after last month's as_of) */
  newlyStarted: ProjectChange[];
  /** 竣工 or 投产 now, not last month (or, new to the register, finished after last month's as_of) */
  newlyCompleted: ProjectChange[];
  /** 本月完成投资, 万元; absent when the register gives no completed_month */
  completedMonth?: number;
  /** last month's 本月完成投资, 万元; absent when the snapshot gives none */
  previousCompletedMonth?: number;
}

/**
 * Why two registers cannot be compared month on month, or null when they can: the snapshot must be
 * of the same year (annual figures restart in January) and of an earlier month.
 */
export function monthOnMonthProblem(current: Register, previous: Register): string | null {
  if (previous.meta.year !== current.meta.year) return 'year';
  if (previous.meta.asOf.slice(0, 7) >= current.meta.asOf.slice(0, 7)) return 'not-earlier';
  return null;
}

function rateChange(current: number | null, previous: number | null): RateChange {
  return {
    current,
    previous,
    points: current === null || previous === null ? null : printedDifference(current, previous),
  };
}

const isFinished = (stage: Stage): boolean => stage === '竣工' || stage === '投产';

function givesCompletedMonth(r: Register): boolean {
  return r.projects.some((p) => p.completedMonth !== undefined);
}

/** The 环比 deltas of `current` against `previous` (callers check monthOnMonthProblem first). */
export function compareMonths(current: AssessedMonth, previous: AssessedMonth): MonthOnMonth {
  const cur: RegisterFigures = registerFigures(current.register, current.statuses);
  const prev: RegisterFigures = registerFigures(previous.register, previous.statuses);
  const prevAsOf = previous.register.meta.asOf;
  const prevById = new Map(previous.statuses.map((s) => [s.project.id, s]));

  const prevRanks = new Map<string, number>();
  for (const r of unitRanking(previous.statuses))
    if (r.completionRate !== null) prevRanks.set(r.name, r.rateRank);
  const unitMoves: UnitMove[] = unitRanking(current.statuses).map((r) => {
    const rank = r.completionRate === null ? null : r.rateRank;
    const previousRank = prevRanks.get(r.name) ?? null;
    return {
      unit: r.name,
      rank,
      previousRank,
      move: rank === null || previousRank === null ? null : previousRank - rank,
    };
  });

  const turnedRed: ProjectChange[] = [];
  const turnedGreen: ProjectChange[] = [];
  const newlyStarted: ProjectChange[] = [];
  const newlyCompleted: ProjectChange[] = [];
  for (const s of current.statuses) {
    const p = s.project;
    const before = prevById.get(p.id);
    const change: ProjectChange = { id: p.id, name: p.name, unit: p.unit, light: s.light, stage: p.stage };
    if (before) change.previousLight = before.light;
    if (before) {
      if (s.light === '红' && before.light !== '红') turnedRed.push(change);
      if (s.light === '绿' && before.light !== '绿') turnedGreen.push(change);
    }
    const startedBefore = before
      ? isStarted(before.project.stage)
      : p.actualStart === undefined || p.actualStart <= prevAsOf;
    if (isStarted(p.stage) && !startedBefore) newlyStarted.push(change);
    const finishedBefore = before
      ? isFinished(before.project.stage)
      : p.actualFinish === undefined || p.actualFinish <= prevAsOf;
    if (isFinished(p.stage) && !finishedBefore) newlyCompleted.push(change);
  }

  const out: MonthOnMonth = {
    asOf: current.register.meta.asOf,
    previousAsOf: prevAsOf,
    completionRate: rateChange(cur.completionRate, prev.completionRate),
    startRate: rateChange(cur.startRate, prev.startRate),
    newStartRate: rateChange(cur.newStartRate, prev.newStartRate),
    unitMoves,
    turnedRed,
    turnedGreen,
    newlyStarted,
    newlyCompleted,
  };
  if (givesCompletedMonth(current.register))
    out.completedMonth = sumMoney(current.register.projects).completedMonth;
  if (givesCompletedMonth(previous.register))
    out.previousCompletedMonth = sumMoney(previous.register.projects).completedMonth;
  return out;
}

/** "↑2", "↓1", "—" (unchanged); "新增" for a unit not ranked last month; "" for a unit without a rank. */
export function moveText(m: UnitMove): string {
  if (m.rank === null) return '';
  if (m.previousRank === null) return '新增';
  if (m.move === null || m.move === 0) return '—';
  return m.move > 0 ? `↑${m.move}` : `↓${-m.move}`;
}
