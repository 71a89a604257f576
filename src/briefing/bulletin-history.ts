// The bulletin's history parts (issue 12; docs/minutes-rules.md "The bulletin's history parts"):
// 环比 against last month's snapshot, projects red at several meetings in a row, decisions re-timed
// more than once, and the 包联领导 table; built once and placed by buildBulletin. Pure: no I/O.
import { assessOnDay } from '../domain/assess-on-day.js';
import { formatPoints } from '../domain/figures.js';
import type { LedgerEntry, Meeting, Project, ProjectStatus } from '../domain/types.js';
import { leaderTable, type LeaderRow } from '../domain/leaders.js';
import { compareMonths, monthOnMonthProblem, moveText, type MonthOnMonth } from '../domain/month-on-month.js';
import { repeatRed, repeatRetimed, RED_STREAK, type RetimedChain } from '../domain/repeat-offenders.js';
import type { Block } from './document.js';
import {
  formatDate,
  formatMoneyAuto,
  formatPercent,
  formatMonthDay,
  joinNames,
  trimSentenceEnd,
  withoutDecisionIds,
} from './wording.js';
import type { BulletinData, BulletinInput } from './bulletin.js';
import { col, intCell, projectIndex, projectLabel, rateCell, textCell } from './pieces.js';

export interface HistoryParts {
  monthOnMonth: MonthOnMonth | null;
  /** 一、总体情况: the 环比 paragraph, or the one sentence saying there is none */
  overallText: string;
  /** 二: 完成率排名 moves by unit ("↑2"); undefined without 环比 */
  moves?: Map<string, string>;
  leaders: LeaderRow[];
  /** 二: the 包联领导 table and its lead-in */
  leaderBlocks: Block[];
  /** 四: lights turned red / green, and projects red at several meetings in a row */
  laggingTexts: string[];
  repeatRed: BulletinData['repeatRed'];
  repeatRetimed: BulletinData['repeatRetimed'];
  /** 五（二）: decisions re-timed more than once; undefined without meetings */
  retimedText?: string;
}

/** "提高2.3个百分点" / "下降0.4个百分点" / "持平" */
function pointsChange(points: number): string {
  if (points > 0) return `提高${formatPoints(points)}个百分点`;
  if (points < 0) return `下降${formatPoints(points)}个百分点`;
  return '持平';
}

function namesWithCount(list: readonly { name: string }[], none: string, what: string): string {
  return list.length === 0 ? none : `${what}${list.length}个：${joinNames(list.map((p) => p.name))}`;
}

function monthOnMonthText(mom: MonthOnMonth): string {
  const parts: string[] = [];
  for (const [label, c] of [
    ['投资完成率', mom.completionRate],
    ['开复工率', mom.startRate],
    ['新开工率', mom.newStartRate],
  ] as const) {
    if (c.points === null || c.previous === null) continue;
    parts.push(`${label}${pointsChange(c.points)}（上月${formatPercent(c.previous)}）`);
  }
  let text = `与上月（数据截至${formatDate(mom.previousAsOf)}）相比，${parts.join('，')}`;
  if (mom.completedMonth !== undefined && mom.previousCompletedMonth !== undefined) {
    const diff = mom.completedMonth - mom.previousCompletedMonth;
    text += `；本月完成投资${formatMoneyAuto(mom.completedMonth)}，上月完成投资${formatMoneyAuto(mom.previousCompletedMonth)}`;
    if (Math.abs(diff) >= 0.005)
      text += `，比上月${diff > 0 ? '增加' : '减少'}${formatMoneyAuto(Math.abs(diff))}`;
    else text += '，与上月持平';
  } else if (mom.completedMonth !== undefined) {
    text += '；上月台账未填报本月完成投资，不作比较';
  }
  text += `。本月${namesWithCount(mom.newlyStarted, '无新开工项目', '新开工项目')}；${namesWithCount(mom.newlyCompleted, '无新竣工（投产）项目', '新竣工（投产）项目')}。`;
  return text;
}

export function historyParts(
  input: BulletinInput,
  statuses: readonly ProjectStatus[],
  meetings: readonly Meeting[] | undefined,
  ledger: readonly LedgerEntry[] | undefined,
  byId: ReadonlyMap<string, Project> = projectIndex(input.register),
): HistoryParts {
  const { register, previous } = input;
  const day = register.meta.asOf;
  let monthOnMonth: MonthOnMonth | null = null;
  let overallText = '本期无上月台账数据，不作环比。';
  if (previous) {
    const problem = monthOnMonthProblem(register, previous);
    if (problem === 'year') overallText = '上月台账数据不属于本年度，本期不作环比。';
    else if (problem === null) {
      // assessed on its own as_of, with the decisions overdue on that day (as they were then)
      const then = assessOnDay(previous, previous.meta.asOf, meetings).assessment;
      monthOnMonth = compareMonths({ register, statuses }, { register: previous, statuses: then.statuses });
      overallText = monthOnMonthText(monthOnMonth);
    }
  }
  const parts: HistoryParts = {
    monthOnMonth,
    overallText,
    leaders: [],
    leaderBlocks: [],
    laggingTexts: [],
    repeatRed: [],
    repeatRetimed: [],
  };
  if (monthOnMonth) {
    parts.moves = new Map(monthOnMonth.unitMoves.map((m) => [m.unit, moveText(m)]));
    parts.laggingTexts.push(
      `与上月相比，${namesWithCount(monthOnMonth.turnedRed, '没有新转为红灯的项目', '新转为红灯的项目')}；` +
        `${namesWithCount(monthOnMonth.turnedGreen, '没有转为绿灯的项目', '由红灯、黄灯转为绿灯的项目')}。`,
    );
  }

  // 包联领导: only when the register names leaders.
  if (register.projects.some((p) => p.leader)) {
    parts.leaders = leaderTable(statuses, ledger);
    const withOverdue = ledger !== undefined;
    parts.leaderBlocks.push({
      type: 'paragraph',
      text: '按包联领导统计，各包联领导联系项目推进情况如下表：',
    });
    parts.leaderBlocks.push({
      type: 'table',
      columns: [
        col('包联领导'),
        col('项目数', 'right'),
        col('红灯', 'right'),
        col('黄灯', 'right'),
        ...(withOverdue ? [col('逾期议定事项', 'right')] : []),
        col('投资完成率', 'right'),
      ],
      rows: parts.leaders.map((r) => [
        textCell(r.leader),
        intCell(r.projectCount),
        intCell(r.red),
        intCell(r.yellow),
        ...(withOverdue ? [intCell(r.overdueDecisions ?? 0)] : []),
        rateCell(r.completionRate),
      ]),
    });
  }

  if (meetings) {
    const streaks = repeatRed(meetings, day);
    for (const s of statuses) {
      const n = streaks.get(s.project.id);
      if (n === undefined) continue;
      const row: BulletinData['repeatRed'][number] = {
        id: s.project.id,
        name: s.project.name,
        unit: s.project.unit,
        streak: n,
      };
      if (s.project.leader) row.leader = s.project.leader;
      parts.repeatRed.push(row);
    }
    parts.repeatRed.sort((a, b) => b.streak - a.streak);
    parts.laggingTexts.push(
      parts.repeatRed.length === 0
        ? `没有连续${RED_STREAK}次调度仍为红灯的项目。`
        : `连续${RED_STREAK}次以上调度仍为红灯的项目${parts.repeatRed.length}个：${parts.repeatRed
            .map(
              (r) =>
                `${r.name}（${[r.unit, ...(r.leader ? [`包联领导${r.leader}`] : []), `连续${r.streak}次`].join('，')}）`,
            )
            .join('、')}。`,
    );
    const chains: RetimedChain[] = repeatRetimed(meetings, day);
    parts.repeatRetimed = chains.map((c) => {
      const last = c.steps[c.steps.length - 1] as (typeof c.steps)[number];
      return {
        project: c.project,
        name: projectLabel(byId.get(c.project), c.project),
        ids: c.steps.map((s) => s.decision.id),
        dues: c.steps.map((s) => s.decision.due),
        unit: last.decision.unit,
      };
    });
    parts.retimedText =
      chains.length === 0
        ? '没有两次以上重新明确完成时限的议定事项。'
        : `两次以上重新明确完成时限的议定事项${chains.length}项：${chains
            .map((c, i) => {
              const first = c.steps[0] as (typeof c.steps)[number];
              const last = c.steps[c.steps.length - 1] as (typeof c.steps)[number];
              const later = c.steps.slice(1).map((s) => formatMonthDay(s.decision.due));
              return `${i + 1}.${projectLabel(byId.get(c.project), c.project)}：${trimSentenceEnd(withoutDecisionIds(last.decision.text))}（责任单位：${last.decision.unit}，原定完成时限${formatDate(first.decision.due)}，先后${c.retimings}次重新明确为${later.join('、')}）`;
            })
            .join('；')}。`;
  }
  return parts;
}
