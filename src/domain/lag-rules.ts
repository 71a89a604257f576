// 滞后判定 (红黄绿灯): the lag rules of docs/domain.md#lights, one flag per rule with its Chinese reason.
// A project's light is the worst of its flags; 绿 when it has none.
// "The day" for lights is the register's as_of; something due on a day is late from the next day
// on (due < the day).
import { chineseDate, daysBetween, registerTimeProgress } from './dates.js';
import { completionRate, formatPercent, formatPoints, pointsGap, printedDifference } from './figures.js';
import { trimSentenceEnd } from '../text/sentence.js';
import { isOpenState } from './ledger.js';
import type {
  IsoDate,
  LagFlag,
  LagRules,
  LedgerEntry,
  Light,
  Project,
  ProjectStatus,
  Register,
} from './types.js';

export interface AssessContext {
  /** the day (the register's as_of for lights) */
  asOf: IsoDate;
  rules: LagRules;
  /** 序时进度 at `asOf`, as a fraction 0..1 */
  timeProgress: number;
  /**
   * Ledger entries of this project (built for the same day). Only open ones past due count;
   * entries of other projects are ignored.
   */
  decisions?: readonly LedgerEntry[];
  /**
   * The day decisions are judged on (late when due < this day); default `asOf`. Minutes judge an
   * earlier meeting's decisions on the meeting's own date, not on a later register's as_of.
   */
  decisionDay?: IsoDate;
}

export interface RegisterAssessment {
  asOf: IsoDate;
  timeProgress: number;
  /** one per project, in register order */
  statuses: ProjectStatus[];
  /** yellow and red projects, worst first (see compareLagging) */
  lagging: ProjectStatus[];
}

/**
 * Tolerance for comparing point gaps with thresholds: (0.5 − 0.4) × 100 is 9.999999999999998 in
 * binary floating point, but it is exactly 10 points and must turn yellow. Far below any printed digit.
 */
const POINT_EPSILON = 1e-9;

const LIGHT_RANK: Record<Light, number> = { 绿: 0, 黄: 1, 红: 2 };

export function worseLight(a: Light, b: Light): Light {
  return LIGHT_RANK[b] > LIGHT_RANK[a] ? b : a;
}

export function lightRank(light: Light): number {
  return LIGHT_RANK[light];
}

// The same time progress is printed for every project of a register: format it once.
let lastTp = Number.NaN;
let lastTpText = '';
function timeProgressText(tp: number): string {
  if (tp !== lastTp) {
    lastTp = tp;
    lastTpText = formatPercent(tp);
  }
  return lastTpText;
}

/** Investment flag: gap = 序时进度 − 完成率 in points; 10 ≤ gap ≤ 30 yellow, gap > 30 red (defaults). */
function investmentFlag(rate: number, gap: number, tp: number, rules: LagRules): LagFlag | null {
  if (gap < rules.yellowGap - POINT_EPSILON) return null;
  const light = gap > rules.redGap + POINT_EPSILON ? '红' : '黄';
  return {
    kind: 'investment',
    light,
    // The sentence subtracts the two printed figures, so a reader checking it gets the same number
    // (and it agrees with the bulletin's 慢于序时进度 wording); the light above used the exact gap.
    reason: `年度投资完成率${formatPercent(rate)}，低于序时进度（${timeProgressText(tp)}）${formatPoints(printedDifference(tp, rate))}个百分点`,
  };
}

/** 新建 still 前期 after planned_start: 1..startRedDays days late yellow, more red. */
function startFlag(p: Project, day: IsoDate, rules: LagRules): LagFlag | null {
  if (p.nature !== '新建' || p.stage !== '前期' || !p.plannedStart || p.plannedStart >= day) return null;
  const late = daysBetween(p.plannedStart, day);
  return {
    kind: 'start',
    light: late > rules.startRedDays ? '红' : '黄',
    reason: `计划${chineseDate(p.plannedStart)}开工，已逾期${late}天仍未开工`,
  };
}

/**
 * Assesses one project on `ctx.asOf`. A milestone `done` or a problem `resolved` dated after the
 * day does not count as done on that day (the same rule as follow-ups in the ledger).
 */
export function assessProject(p: Project, ctx: AssessContext): ProjectStatus {
  const { asOf: day, rules } = ctx;
  const flags: LagFlag[] = [];

  const rate = completionRate(p.completedYear, p.annualPlan);
  const gap = rate === null ? null : pointsGap(ctx.timeProgress, rate);
  if (rate !== null && gap !== null) {
    const f = investmentFlag(rate, gap, ctx.timeProgress, rules);
    if (f) flags.push(f);
  }

  const start = startFlag(p, day, rules);
  if (start) flags.push(start);

  if (p.stage === '停工') flags.push({ kind: 'stopped', light: '红', reason: '项目处于停工状态' });

  for (const m of p.milestones) {
    if (m.planned >= day || (m.done !== undefined && m.done <= day)) continue;
    const late = daysBetween(m.planned, day);
    flags.push({
      kind: 'milestone',
      light: late > rules.milestoneRedDays ? '红' : '黄',
      reason: `节点“${m.name}”计划${chineseDate(m.planned)}完成，已逾期${late}天`,
    });
  }

  for (const q of p.problems) {
    if (q.due === undefined || q.due >= day || (q.resolved !== undefined && q.resolved <= day)) continue;
    const unit = q.unit ? `，责任单位${q.unit}` : '';
    flags.push({
      kind: 'problem',
      light: '红',
      reason: `问题“${trimSentenceEnd(q.text)}”逾期未解决（解决时限${chineseDate(q.due)}${unit}）`,
    });
  }

  if (ctx.decisions) {
    const decisionDay = ctx.decisionDay ?? day;
    for (const e of ctx.decisions) {
      if (e.project !== p.id || !isOpenState(e.state) || e.decision.due >= decisionDay) continue;
      flags.push({
        kind: 'decision',
        light: '红',
        reason: `议定事项“${trimSentenceEnd(e.decision.text)}”逾期未落实（完成时限${chineseDate(e.decision.due)}，责任单位${e.decision.unit}）`,
      });
    }
  }

  let light: Light = '绿';
  for (const f of flags) light = worseLight(light, f.light);
  return { project: p, completionRate: rate, gap, flags, light };
}

function redCount(s: ProjectStatus): number {
  let n = 0;
  for (const f of s.flags) if (f.light === '红') n++;
  return n;
}

/**
 * Order of lagging projects, worst first: red before yellow, then more red flags, then the larger
 * investment gap (no gap last), then id.
 */
export function compareLagging(a: ProjectStatus, b: ProjectStatus): number {
  const byLight = LIGHT_RANK[b.light] - LIGHT_RANK[a.light];
  if (byLight !== 0) return byLight;
  const byRed = redCount(b) - redCount(a);
  if (byRed !== 0) return byRed;
  const ga = a.gap ?? Number.NEGATIVE_INFINITY;
  const gb = b.gap ?? Number.NEGATIVE_INFINITY;
  if (ga !== gb) return gb > ga ? 1 : -1;
  return a.project.id < b.project.id ? -1 : a.project.id > b.project.id ? 1 : 0;
}

/**
 * Lights for every project of the register on its as_of. `ledger` (built for the same day, e.g.
 * `buildLedger(meetings, register.meta.asOf)`) makes overdue decisions count; entries are matched to
 * projects by `entry.project`. `decisionDay`: judge decisions on that day instead of as_of (the
 * ledger must then be built for that day).
 */
export function assessRegister(
  r: Register,
  ledger?: readonly LedgerEntry[],
  decisionDay?: IsoDate,
): RegisterAssessment {
  const asOf = r.meta.asOf;
  const tp = registerTimeProgress(r.meta);
  const byProject = new Map<string, LedgerEntry[]>();
  if (ledger) {
    for (const e of ledger) {
      const list = byProject.get(e.project);
      if (list) list.push(e);
      else byProject.set(e.project, [e]);
    }
  }
  const statuses = r.projects.map((p) =>
    assessProject(p, {
      asOf,
      rules: r.meta.rules,
      timeProgress: tp,
      decisions: byProject.get(p.id),
      ...(decisionDay !== undefined ? { decisionDay } : {}),
    }),
  );
  // Sort keys computed once per project, not once per comparison.
  const keyed = statuses
    .filter((s) => s.light !== '绿')
    .map((s) => ({ s, rank: LIGHT_RANK[s.light], red: redCount(s), gap: s.gap ?? Number.NEGATIVE_INFINITY }));
  keyed.sort(
    (a, b) =>
      b.rank - a.rank ||
      b.red - a.red ||
      (a.gap === b.gap ? 0 : b.gap > a.gap ? 1 : -1) ||
      (a.s.project.id < b.s.project.id ? -1 : a.s.project.id > b.s.project.id ? 1 : 0),
  );
  const lagging = keyed.map((k) => k.s);
  return { asOf, timeProgress: tp, statuses, lagging };
}
