// The monthly bulletin (月通报) as a BriefingDocument: sections, sentences and tables in official
// wording, plus `data` with the same figures as plain numbers so that a script can check the text.
// docs/domain.md#the-monthly-bulletin gives the sections; one function per section (主送 and opening,
// 一 … 六, 附件). Linear in projects and decisions. Pure: no I/O.
import { assessOnDay } from '../domain/assess-on-day.js';
import { dateParts, endOfMonth } from '../domain/dates.js';
import {
  areaRanking,
  decisionFigures,
  pointsGap,
  problemFigures,
  redBlackList,
  registerFigures,
  unitRanking,
  type DecisionFigures,
  type ProblemFigures,
  type RankingRow,
  type RegisterFigures,
} from '../domain/figures.js';
import type { RegisterAssessment } from '../domain/lag-rules.js';
import { compareLedgerEntries, meetingDecisions } from '../domain/ledger.js';
import type {
  IsoDate,
  LedgerEntry,
  Light,
  Meeting,
  MoneyUnit,
  Project,
  ProjectStatus,
  Register,
} from '../domain/types.js';
import type { LeaderRow } from '../domain/leaders.js';
import type { MonthOnMonth } from '../domain/month-on-month.js';
import type { Attachment, Block, BriefingDocument, Cell, ChartBlock } from './document.js';
import {
  formatDate,
  formatPercent,
  formatMonthDay,
  joinNames,
  laggardSummary,
  progressComparison,
  regionScope,
  defaultRecipients,
  sectionLabel,
  selfReference,
  subsectionLabel,
  trimSentenceEnd,
} from './wording.js';
import { historyParts, type HistoryParts } from './bulletin-history.js';
import { defineLazyList, type LazyList } from './lazy-list.js';
import {
  overallData,
  overallOfRegister,
  overallParagraphs,
  rateData,
  type OverallData,
  type RateData,
} from './overall.js';
import {
  addOfficeMarks,
  col,
  decisionData,
  intCell,
  lightCell,
  moneyCell,
  previousDecisionLine,
  projectIndex,
  rateCell,
  reasonsText,
  textCell,
  unitsOf,
  type DecisionData,
} from './pieces.js';

export interface BulletinInput {
  register: Register;
  /** the meeting history; undefined when none was given (section 五 then covers problems only) */
  meetings?: readonly Meeting[];
  /** the date the bulletin is issued (落款); default the register's as_of. Not before as_of. */
  issued?: IsoDate;
  /** last month's snapshot of the register (环比); absent when there is none */
  previous?: Register;
}

export interface RankingData {
  name: string;
  projectCount: number;
  annualPlan: number;
  share: RateData;
  completedYear: number;
  completedRank: number;
  completionRate: RateData;
  /** absent for a unit without an annual plan (no rate, no rank; the table prints —) */
  rateRank?: number;
  /** "超序时进度7.3个百分点" etc.; null with no rate */
  comparison: string | null;
  lights: { 红: number; 黄: number; 绿: number };
}

export interface BulletinData {
  /** YYYY-MM */
  month: string;
  asOf: IsoDate;
  /** 落款日期 */
  issued: IsoDate;
  /** 主送机关 */
  recipients: string;
  region: string;
  overall: OverallData;
  unitRanking: RankingData[];
  areaRanking: RankingData[];
  redList: RankingData[];
  blackList: RankingData[];
  lagging: Array<{
    id: string;
    name: string;
    unit: string;
    leader?: string;
    light: Light;
    completionRate: RateData;
    reasons: string[];
  }>;
  problems: ProblemFigures & { resolvedRateText: string };
  /** null when no meetings were given */
  /** 环比 against last month's snapshot; null when there is none (the text says so) */
  monthOnMonth: MonthOnMonth | null;
  /** 包联领导 accountability table */
  leaders: LeaderRow[];
  /** projects red at the last RED_STREAK 调度 meetings in a row (id → streak); [] without meetings */
  repeatRed: Array<{ id: string; name: string; unit: string; leader?: string; streak: number }>;
  /** decisions whose time limit was re-set more than once; [] without meetings */
  repeatRetimed: Array<{ project: string; name: string; ids: string[]; dues: IsoDate[]; unit: string }>;
  decisions:
    | (DecisionFigures & {
        onTimeRateText: string;
        meetingsInMonth: number;
        decisionsInMonth: number;
        overdueList: DecisionData[];
      })
    | null;
  projects: Array<{
    id: string;
    name: string;
    unit: string;
    leader?: string;
    annualPlan: number;
    completedYear: number;
    completionRate: RateData;
    light: Light;
    progress?: string;
  }>;
}

/** "2021-10" for a register with as_of in October 2021: the month a bulletin on it covers. */
export function bulletinMonth(register: Register): string {
  return register.meta.asOf.slice(0, 7);
}

/**
 * Why a bulletin for `month` (YYYY-MM) cannot be made from this register, or null when it can.
 * The figures are current to as_of, so they describe as_of's month only: a bulletin titled with
 * another month would print figures of a different date under that month's name.
 */
export function bulletinMonthProblem(register: Register, month: string): string | null {
  const have = bulletinMonth(register);
  if (month === have) return null;
  const [y, m] = month.split('-').map(Number);
  const p = dateParts(register.meta.asOf);
  return (
    `台账数据截至${formatDate(register.meta.asOf)}，只能生成${p.year}年${p.month}月份的通报，` +
    `不能生成${y}年${m}月份的通报；请改用数据截至该月的台账，或去掉 --month`
  );
}

/** "关于2021年10月份平鲁区重点项目建设情况的通报" */
export function bulletinTitle(region: string, asOf: IsoDate): string {
  const p = dateParts(asOf);
  return `关于${p.year}年${p.month}月份${region}重点项目建设情况的通报`;
}

function rankingData(r: RankingRow, tp: number): RankingData {
  const d: RankingData = {
    name: r.name,
    projectCount: r.projectCount,
    annualPlan: r.annualPlan,
    share: rateData(r.share),
    completedYear: r.completedYear,
    completedRank: r.completedRank,
    completionRate: rateData(r.completionRate),
    comparison: r.completionRate === null ? null : progressComparison(r.completionRate, tp),
    lights: { ...r.lights },
  };
  if (r.completionRate !== null) d.rateRank = r.rateRank;
  return d;
}

function rankingTable(
  rows: readonly RankingRow[],
  first: string,
  unit: MoneyUnit,
  moves?: ReadonlyMap<string, string>,
): Block {
  const table: Block & { type: 'table' } = {
    type: 'table',
    unitNote: `单位：${unit}`,
    columns: [
      col(first),
      col('项目数', 'right'),
      col('年度计划投资', 'right'),
      col('占比', 'right'),
      col('累计完成投资', 'right'),
      col('完成额排名', 'right'),
      col('投资完成率', 'right'),
      col('完成率排名', 'right'),
    ],
    rows: rows.map((r) => [
      textCell(r.name),
      intCell(r.projectCount),
      moneyCell(r.annualPlan, unit),
      rateCell(r.share),
      moneyCell(r.completedYear, unit),
      intCell(r.completedRank),
      rateCell(r.completionRate),
      r.completionRate === null ? textCell('—') : intCell(r.rateRank),
    ]),
    // Excel sums the figures: 项目数, 年度计划投资, 占比, 累计完成投资; 投资完成率 = 累计完成 ÷ 年度计划
    total: { label: '合计', sum: [1, 2, 3, 4], ratio: { column: 6, numerator: 4, denominator: 2 } },
  };
  if (moves) {
    // 环比: the move in 完成率排名 since last month ("↑2", "↓1", "—", "新增").
    table.columns.push(col('排名变化', 'center'));
    table.rows.forEach((row, i) => row.push(textCell(moves.get(rows[i]?.name ?? '') ?? '')));
  }
  return table;
}

/** "区发改局（投资完成率120.0%，超序时进度36.7个百分点）" */
function listedUnit(r: RankingRow, tp: number, behind: boolean): string {
  const rate = r.completionRate ?? 0;
  let cmp = progressComparison(rate, tp);
  // 黑榜 is judged on unrounded figures: a unit a hair below time progress prints level with it.
  if (behind && cmp === '与序时进度持平') cmp = '略慢于序时进度';
  return `${r.name}（投资完成率${formatPercent(rate)}，${cmp}）`;
}

function metTimeProgress(r: RankingRow, tp: number): boolean {
  return r.completionRate !== null && pointsGap(tp, r.completionRate) <= 0;
}

// ---------------------------------------------------------------------------------------------
// the bulletin, section by section (docs/domain.md#the-monthly-bulletin)

/** What the sections of the bulletin read: the register assessed on its as_of, and the figures. */
export interface BulletinFacts {
  input: BulletinInput;
  register: Register;
  region: string;
  asOf: IsoDate;
  moneyUnit: MoneyUnit;
  /** YYYY-MM */
  month: string;
  /** the data month (1–12) and year */
  m: number;
  y: number;
  projects: Map<string, Project>;
  issued: IsoDate;
  recipients: string;
  /** the meetings held by as_of and the ledger on as_of; undefined without meetings */
  meetings: Meeting[] | undefined;
  ledger: LedgerEntry[] | undefined;
  assessment: RegisterAssessment;
  tp: number;
  figures: RegisterFigures;
  units: RankingRow[];
  areas: RankingRow[];
  rb: ReturnType<typeof redBlackList>;
  problems: ProblemFigures;
  decisions: DecisionFigures | null;
  history: HistoryParts;
  reds: ProjectStatus[];
  yellows: ProjectStatus[];
}

export function bulletinFacts(input: BulletinInput): BulletinFacts {
  const { register } = input;
  const { region, asOf, moneyUnit } = register.meta;
  const day = asOf;
  const { year: y, month: m } = dateParts(asOf);
  const { meetings, ledger, assessment } = assessOnDay(register, day, input.meetings);
  const tp = assessment.timeProgress;
  const units = unitRanking(assessment.statuses);
  const projects = projectIndex(register);
  return {
    input,
    register,
    region,
    asOf,
    moneyUnit,
    month: bulletinMonth(register),
    m,
    y,
    projects,
    issued: input.issued ?? asOf,
    recipients: register.meta.recipients ?? defaultRecipients(region),
    meetings,
    ledger,
    assessment,
    tp,
    figures: registerFigures(register, assessment.statuses),
    units,
    areas: areaRanking(assessment.statuses),
    rb: redBlackList(units, tp),
    problems: problemFigures(register.projects, day),
    decisions: ledger ? decisionFigures(ledger, day) : null,
    history: historyParts(input, assessment.statuses, meetings, ledger, projects),
    reds: assessment.lagging.filter((s) => s.light === '红'),
    yellows: assessment.lagging.filter((s) => s.light === '黄'),
  };
}

/** 主送机关, flush left (GB/T 9704 §7.3.2), then the opening line. */
export function bulletinOpening(f: BulletinFacts): Block[] {
  return [
    {
      type: 'paragraph',
      text: `${trimSentenceEnd(f.recipients).replace(/[：:]$/u, '')}：`,
      flush: true,
    },
    {
      type: 'paragraph',
      text: `为全面掌握${f.region}重点项目建设进展，压实项目推进责任，按照“周调度、月通报、季考核”工作机制，现将${f.m}月份${regionScope(f.region)}重点项目建设情况通报如下：`,
    },
  ];
}

/** 一、总体情况 (with the 环比 paragraph) */
export function bulletinOverall(f: BulletinFacts): Block[] {
  return [
    { type: 'heading', level: 1, text: `${sectionLabel(1)}总体情况` },
    ...overallParagraphs(f.region, overallOfRegister(f.register, f.figures), true).map(
      (text): Block => ({ type: 'paragraph', text }),
    ),
    { type: 'paragraph', text: f.history.overallText },
  ];
}

/**
 * 图1: each unit's completion rate as a bar against the time progress, in the table's order and with
 * the table's figures (units without an annual plan have no rate and no bar); none when no unit has one.
 */
function unitChart(rows: readonly RankingRow[], tp: number): ChartBlock | undefined {
  const bars = rows.flatMap((r) =>
    r.completionRate === null
      ? []
      : [
          {
            name: r.name,
            rate: r.completionRate,
            text: rateCell(r.completionRate).text,
            behind: !metTimeProgress(r, tp),
          },
        ],
  );
  if (bars.length === 0) return undefined;
  return {
    type: 'chart',
    caption: '图1 各责任单位投资完成率与序时进度',
    bars,
    timeProgress: tp,
    timeProgressText: formatPercent(tp),
  };
}

/** 二、各责任单位推进情况: the ranking by unit, by area, and the 包联领导 table */
export function bulletinUnits(f: BulletinFacts): Block[] {
  const { units, areas, tp, moneyUnit } = f;
  const blocks: Block[] = [{ type: 'heading', level: 1, text: `${sectionLabel(2)}各责任单位推进情况` }];
  const rated = units.filter((r) => r.completionRate !== null);
  const met = rated.filter((r) => metTimeProgress(r, tp)).length;
  let unitText = `纳入调度的${units.length}个责任单位中，${met}个单位投资完成率达到或超过序时进度，${rated.length - met}个单位低于序时进度`;
  if (rated.length < units.length)
    unitText += `，${units.length - rated.length}个单位无年度计划投资、不参与完成率排名`;
  unitText += '。各责任单位推进情况如下表（按投资完成率排序）：';
  blocks.push({ type: 'paragraph', text: unitText });
  blocks.push(rankingTable(units, '责任单位', moneyUnit, f.history.moves));
  const chart = unitChart(units, tp);
  if (chart) blocks.push(chart);
  if (areas.length > 0) {
    blocks.push({ type: 'paragraph', text: `按片区（园区）统计，各片区推进情况如下表：` });
    blocks.push(rankingTable(areas, '片区（园区）', moneyUnit));
  }
  blocks.push(...f.history.leaderBlocks);
  return blocks;
}

/** 三、红黑榜 */
export function bulletinRedBlack(f: BulletinFacts): Block[] {
  const { rb, tp } = f;
  return [
    { type: 'heading', level: 1, text: `${sectionLabel(3)}红黑榜` },
    {
      type: 'paragraph',
      text:
        rb.red.length > 0
          ? `红榜：${rb.red.map((r) => listedUnit(r, tp, false)).join('、')}。`
          : '红榜：本月没有责任单位投资完成率达到序时进度，红榜空缺。',
    },
    {
      type: 'paragraph',
      text:
        rb.black.length > 0
          ? `黑榜：${rb.black.map((r) => listedUnit(r, tp, true)).join('、')}。`
          : '黑榜：各责任单位投资完成率均达到序时进度，黑榜空缺。',
    },
  ];
}

/** 四、进度滞后项目 (red, then yellow; then lights turned and repeat offenders) */
export function bulletinLagging(f: BulletinFacts): Block[] {
  const { reds, yellows, asOf } = f;
  const lagging = f.assessment.lagging;
  const blocks: Block[] = [{ type: 'heading', level: 1, text: `${sectionLabel(4)}进度滞后项目` }];
  if (lagging.length === 0) {
    blocks.push({ type: 'paragraph', text: `截至${formatDate(asOf)}，全部项目均为绿灯，无进度滞后项目。` });
  } else {
    blocks.push({
      type: 'paragraph',
      text: `截至${formatDate(asOf)}，${laggardSummary(lagging.map((s) => s.project.name))}，其中亮红灯${reds.length}个、亮黄灯${yellows.length}个。具体如下：`,
    });
    let sub = 0;
    for (const [label, list] of [
      ['红灯项目', reds],
      ['黄灯项目', yellows],
    ] as const) {
      if (list.length === 0) continue;
      blocks.push({
        type: 'heading',
        level: 2,
        text: `${subsectionLabel(++sub)}${label}（${list.length}个）`,
      });
      blocks.push({
        type: 'list',
        items: list.map((s, i) => {
          const who = [`责任单位：${s.project.unit}`];
          if (s.project.leader) who.push(`包联领导：${s.project.leader}`);
          return `${i + 1}.${s.project.name}（${who.join('，')}）：${reasonsText(s.flags.map((x) => x.reason))}。`;
        }),
      });
    }
  }
  for (const text of f.history.laggingTexts) blocks.push({ type: 'paragraph', text });
  return blocks;
}

/** 五（一）问题解决情况 */
export function bulletinProblems(f: BulletinFacts): Block[] {
  const { problems, register, asOf: day } = f;
  const blocks: Block[] = [{ type: 'heading', level: 2, text: `${subsectionLabel(1)}问题解决情况` }];
  if (problems.raised === 0) {
    blocks.push({ type: 'paragraph', text: '台账未登记项目存在问题。' });
    return blocks;
  }
  blocks.push({
    type: 'paragraph',
    text:
      `台账登记项目存在问题${problems.raised}个，已解决${problems.resolved}个，解决率${formatPercent(problems.resolvedRate ?? 0)}；` +
      `未解决${problems.open}个，其中逾期未解决${problems.overdue}个。`,
  });
  const overdueProblems: string[] = [];
  for (const p of register.projects) {
    for (const q of p.problems) {
      if (q.raised !== undefined && q.raised > day) continue;
      const resolved = q.resolved !== undefined && q.resolved <= day;
      if (resolved || q.due === undefined || q.due >= day) continue;
      overdueProblems.push(
        `${overdueProblems.length + 1}.${p.name}：${trimSentenceEnd(q.text)}（责任单位：${q.unit || p.unit}，解决时限：${formatDate(q.due)}）。`,
      );
    }
  }
  if (overdueProblems.length > 0) {
    blocks.push({ type: 'paragraph', text: '逾期未解决的问题：' });
    blocks.push({ type: 'list', items: overdueProblems });
  }
  return blocks;
}

/** 议定事项落实 figures with the month's meetings and the overdue list; null without meetings. */
export function bulletinDecisionsData(f: BulletinFacts): BulletinData['decisions'] {
  const { meetings, ledger, decisions, asOf: day, month } = f;
  if (!meetings || !ledger || !decisions) return null;
  const monthStart = `${month}-01`;
  const monthEnd = endOfMonth(day);
  const inMonth = meetings.filter((mt) => mt.meeting.date >= monthStart && mt.meeting.date <= monthEnd);
  const overdueList = ledger
    .filter((e) => e.state === 'overdue' && e.meetingDate <= day)
    .sort(compareLedgerEntries)
    .map((e) => decisionData(e, f.projects));
  return {
    ...decisions,
    onTimeRateText: rateData(decisions.onTimeRate).text,
    meetingsInMonth: inMonth.length,
    decisionsInMonth: inMonth.reduce((n, mt) => n + meetingDecisions(mt).length, 0),
    overdueList,
  };
}

/** 五（二）议定事项落实情况 */
export function bulletinDecisions(f: BulletinFacts, d: BulletinData['decisions']): Block[] {
  const day = f.asOf;
  const blocks: Block[] = [{ type: 'heading', level: 2, text: `${subsectionLabel(2)}议定事项落实情况` }];
  if (d === null) {
    blocks.push({ type: 'paragraph', text: '本期未提供调度会议记录，议定事项落实情况不在本通报中统计。' });
    return blocks;
  }
  const s = d.summary;
  if (s.total === 0) {
    blocks.push({ type: 'paragraph', text: `截至${formatDate(day)}，调度会议尚未形成议定事项。` });
  } else {
    let text = `${f.m}月份共召开调度会${d.meetingsInMonth}次，议定事项${d.decisionsInMonth}项。`;
    text +=
      `截至${formatDate(day)}，全年累计议定事项${s.total}项，已落实${s.done}项、推进中${s.open}项、逾期未落实${s.overdue}项` +
      (s.dropped > 0 ? `、撤销${s.dropped}项` : '') +
      '。';
    text +=
      d.due > 0
        ? `已到完成时限的事项${d.due}项，其中按时落实${d.doneOnTime}项、超期落实${d.doneLate}项、逾期未落实${d.due - d.doneOnTime - d.doneLate}项，按时落实率${formatPercent(d.onTimeRate ?? 0)}。`
        : '尚无到完成时限的事项。';
    blocks.push({ type: 'paragraph', text });
    blocks.push({
      type: 'table',
      caption: '各责任单位议定事项落实情况',
      columns: [
        col('责任单位'),
        col('议定事项数', 'right'),
        col('已落实', 'right'),
        col('到期事项', 'right'),
        col('按时落实', 'right'),
        col('超期落实', 'right'),
        col('逾期未落实', 'right'),
        col('按时落实率', 'right'),
      ],
      rows: [...d.byUnit]
        .sort(
          (a, b) =>
            (b.onTimeRate ?? -1) - (a.onTimeRate ?? -1) ||
            b.due - a.due ||
            (a.unit < b.unit ? -1 : a.unit > b.unit ? 1 : 0),
        )
        .map((r) => [
          textCell(r.unit),
          intCell(r.taken),
          intCell(r.done),
          intCell(r.due),
          intCell(r.doneOnTime),
          intCell(r.doneLate),
          intCell(r.overdue),
          rateCell(r.onTimeRate),
        ]),
    });
    if (d.overdueList.length > 0) {
      blocks.push({ type: 'paragraph', text: '逾期未落实的议定事项：' });
      blocks.push({
        type: 'list',
        items: d.overdueList.map((x, i) =>
          previousDecisionLine(
            x,
            i,
            true,
            x.noteHeardOn ? `最新进展（${formatMonthDay(x.noteHeardOn)}）：` : '最新进展：',
          ),
        ),
      });
    }
  }
  if (f.history.retimedText) blocks.push({ type: 'paragraph', text: f.history.retimedText });
  return blocks;
}

/** 六、下步工作要求 */
export function bulletinRequirements(f: BulletinFacts, d: BulletinData['decisions']): Block[] {
  const { figures, tp, region, rb, problems, register, reds } = f;
  const lagging = f.assessment.lagging;
  const reqs: string[] = [];
  if (figures.completionRate !== null) {
    const behind = pointsGap(tp, figures.completionRate) > 0;
    let t = `对标序时进度，加快投资完成。${region}年度投资完成率${formatPercent(figures.completionRate)}，${progressComparison(figures.completionRate, tp)}。`;
    if (rb.black.length > 0) {
      t += `${joinNames(rb.black.map((r) => r.name))}等投资完成率低于序时进度的单位要认真分析原因，制定赶超措施，确保尽快达到序时进度。`;
    } else if (behind) {
      t += '各责任单位要加快形成实物工作量，确保尽快达到序时进度。';
    } else {
      t += '各责任单位要保持良好势头，确保完成年度投资目标。';
    }
    reqs.push(t);
  }
  if (lagging.length > 0) {
    reqs.push(
      `聚焦滞后项目，逐项推动销号。对${lagging.length}个进度滞后项目，各包联领导要靠前调度，责任单位要逐项明确整改措施和时限` +
        (reds.length > 0
          ? `，${reds.length}个红灯项目要作为下月调度重点，在周调度会上专题汇报进展。`
          : '，尽快转为绿灯。'),
    );
  }
  if (problems.overdue > 0) {
    const unitsWithOverdue = problems.byUnit.filter((r) => r.overdue > 0).map((r) => r.unit);
    reqs.push(
      `加快问题解决，兑现解决时限。${joinNames(unitsWithOverdue)}要对逾期未解决的${problems.overdue}个问题限期解决，确需延期的要说明原因、重新明确时限。`,
    );
  }
  if (d && d.summary.overdue > 0) {
    reqs.push(
      `狠抓议定事项落实。${joinNames(unitsOf(d.overdueList))}要对逾期未落实的${d.summary.overdue}项议定事项说明原因、限期办结，做到件件有着落、事事有回音。`,
    );
  }
  reqs.push(
    `严格督查考核。坚持“周调度、月通报、季考核”，各责任单位要及时、准确更新项目台账，通报结果纳入季度考核${register.meta.issuer ? `，${selfReference(register.meta.issuer)}将加强跟踪督办` : ''}。`,
  );
  return [
    { type: 'heading', level: 1, text: `${sectionLabel(6)}下步工作要求` },
    { type: 'list', items: reqs.map((r, i) => `${i + 1}.${r}`) },
  ];
}

/**
 * 附件: the full progress table, in register order; and the same rows as data. Both are lazy lists
 * (lazy-list.ts): made when a renderer reads them, or a batch at a time by the streamed JSON.
 */
export function bulletinAttachment(f: BulletinFacts): {
  attachment: Attachment;
  projects: LazyList<BulletinData['projects'][number]>;
} {
  const { moneyUnit, asOf, y, m, region } = f;
  const statuses = f.assessment.statuses;
  const rows: LazyList<Cell[]> = {
    length: statuses.length,
    make: (from, to) => statuses.slice(from, to).map((s) => attachmentRow(s, moneyUnit)),
  };
  const projects: LazyList<BulletinData['projects'][number]> = {
    length: statuses.length,
    make: (from, to) => statuses.slice(from, to).map(projectData),
  };
  const table = {
    type: 'table',
    unitNote: `数据截至${formatDate(asOf)}；单位：${moneyUnit}`,
    columns: [
      col('编号'),
      col('项目名称'),
      col('责任单位'),
      col('包联领导'),
      col('年度计划', 'right'),
      col('累计完成', 'right'),
      col('完成率', 'right'),
      col('灯', 'center'),
      col('形象进度'),
    ],
  } as Block & { type: 'table' };
  defineLazyList(table, 'rows', rows);
  const attachment: Attachment = {
    title: `${y}年${m}月份${region}重点项目建设进度表`,
    blocks: [table],
  };
  return { attachment, projects };
}

/** The rate as the 附件 and its data print it: once for the cell and the data (rateCell and rateData print alike). */
function rateText(s: ProjectStatus): string {
  return s.completionRate === null ? '—' : formatPercent(s.completionRate);
}

/** One project's row of the 附件. */
function attachmentRow(s: ProjectStatus, moneyUnit: MoneyUnit): Cell[] {
  const p = s.project;
  const rate = s.completionRate;
  const text = rateText(s);
  return [
    textCell(p.id),
    textCell(p.name),
    textCell(p.unit),
    textCell(p.leader ?? ''),
    moneyCell(p.annualPlan, moneyUnit),
    moneyCell(p.completedYear, moneyUnit),
    rate === null ? { text, format: 'percent' } : { text, value: rate, format: 'percent' },
    lightCell(s.light),
    textCell(p.progress ?? ''),
  ];
}

/** One project's record of `data.projects`. */
function projectData(s: ProjectStatus): BulletinData['projects'][number] {
  const p = s.project;
  const row: BulletinData['projects'][number] = {
    id: p.id,
    name: p.name,
    unit: p.unit,
    annualPlan: p.annualPlan,
    completedYear: p.completedYear,
    completionRate: { value: s.completionRate, text: rateText(s) },
    light: s.light,
  };
  if (p.leader) row.leader = p.leader;
  if (p.progress) row.progress = p.progress;
  return row;
}

/** `data`: the same facts as plain values, for scripts (JSON). */
export function bulletinData(
  f: BulletinFacts,
  decisions: BulletinData['decisions'],
  projects: LazyList<BulletinData['projects'][number]>,
): BulletinData {
  const { tp, rb, history } = f;
  const data = {
    month: f.month,
    asOf: f.asOf,
    issued: f.issued,
    recipients: f.recipients,
    region: f.region,
    overall: overallData(overallOfRegister(f.register, f.figures)),
    unitRanking: f.units.map((r) => rankingData(r, tp)),
    areaRanking: f.areas.map((r) => rankingData(r, tp)),
    redList: rb.red.map((r) => rankingData(r, tp)),
    blackList: rb.black.map((r) => rankingData(r, tp)),
    lagging: f.assessment.lagging.map((s) => {
      const out: BulletinData['lagging'][number] = {
        id: s.project.id,
        name: s.project.name,
        unit: s.project.unit,
        light: s.light,
        completionRate: rateData(s.completionRate),
        reasons: s.flags.map((x) => x.reason),
      };
      if (s.project.leader) out.leader = s.project.leader;
      return out;
    }),
    problems: { ...f.problems, resolvedRateText: rateData(f.problems.resolvedRate).text },
    monthOnMonth: history.monthOnMonth,
    leaders: history.leaders,
    repeatRed: history.repeatRed,
    repeatRetimed: history.repeatRetimed,
    decisions,
  } as BulletinData;
  defineLazyList(data, 'projects', projects);
  return data;
}

export function buildBulletin(input: BulletinInput): BriefingDocument {
  const f = bulletinFacts(input);
  const { register, region, asOf, issued } = f;
  const decisions = bulletinDecisionsData(f);
  const attachment = bulletinAttachment(f);
  const blocks: Block[] = [
    ...bulletinOpening(f),
    ...bulletinOverall(f),
    ...bulletinUnits(f),
    ...bulletinRedBlack(f),
    ...bulletinLagging(f),
    { type: 'heading', level: 1, text: `${sectionLabel(5)}问题解决和议定事项落实情况` },
    ...bulletinProblems(f),
    ...bulletinDecisions(f, decisions),
    ...bulletinRequirements(f, decisions),
  ];
  const doc: BriefingDocument = {
    kind: 'bulletin',
    title: bulletinTitle(region, asOf),
    asOf,
    date: issued,
    dateText: formatDate(issued),
    blocks,
    attachments: [attachment.attachment],
    data: bulletinData(f, decisions, attachment.projects),
  };
  if (register.meta.issuer) doc.issuer = register.meta.issuer;
  addOfficeMarks(doc, register.meta);
  return doc;
}
