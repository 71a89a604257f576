// 包联领导 accountability (issue 12): for each leader, the projects they are responsible for, how
// many are red or yellow, and how many of those projects' decisions are 逾期未落实 on the day. Pure.
import { completionRate, sumMoney } from './figures.js';
import type { LedgerEntry, ProjectStatus } from './types.js';

/** The row for projects whose register entry names no 包联领导. */
export const NO_LEADER = '未明确包联领导';

export interface LeaderRow {
  leader: string;
  projectCount: number;
  red: number;
  yellow: number;
  /** decisions on the leader's projects that are 逾期未落实 on the day; null when no meetings were given */
  overdueDecisions: number | null;
  /** 投资完成率 of the leader's projects; null when their plan is 0 */
  completionRate: number | null;
  projectIds: string[];
}

/**
 * One row per 包联领导, worst first: most red, then most yellow, then most overdue decisions, then
 * first appearance in the register; projects without a leader last, under NO_LEADER. `ledger`: the
 * decision ledger on the register's as_of (undefined without meetings).
 */
export function leaderTable(
  statuses: readonly ProjectStatus[],
  ledger?: readonly LedgerEntry[],
): LeaderRow[] {
  const overdueBy = new Map<string, number>();
  if (ledger)
    for (const e of ledger)
      if (e.state === 'overdue') overdueBy.set(e.project, (overdueBy.get(e.project) ?? 0) + 1);
  const groups = new Map<string, ProjectStatus[]>();
  for (const s of statuses) {
    const key = s.project.leader || NO_LEADER;
    const list = groups.get(key);
    if (list) list.push(s);
    else groups.set(key, [s]);
  }
  const rows: LeaderRow[] = [...groups].map(([leader, list]) => {
    const money = sumMoney(list.map((s) => s.project));
    return {
      leader,
      projectCount: list.length,
      red: list.filter((s) => s.light === '红').length,
      yellow: list.filter((s) => s.light === '黄').length,
      overdueDecisions: ledger ? list.reduce((n, s) => n + (overdueBy.get(s.project.id) ?? 0), 0) : null,
      completionRate: completionRate(money.completedYear, money.annualPlan),
      projectIds: list.map((s) => s.project.id),
    };
  });
  const order = new Map(rows.map((r, i) => [r, i]));
  return rows.sort(
    (a, b) =>
      Number(a.leader === NO_LEADER) - Number(b.leader === NO_LEADER) ||
      b.red - a.red ||
      b.yellow - a.yellow ||
      (b.overdueDecisions ?? 0) - (a.overdueDecisions ?? 0) ||
      (order.get(a) ?? 0) - (order.get(b) ?? 0),
  );
}
