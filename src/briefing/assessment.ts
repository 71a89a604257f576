// 季考核 (quarterly assessment) as a BriefingDocument, so Markdown, text, JSON, Word and Excel all say
// the same: 考核办法 (the rules), 考核结果 (the ranking), 得分明细 (each score with the inputs it was
// computed from) and, as the attachment, the inputs as a table of numbers. Pure.
import {
  assessUnits,
  DEDUCTION_LABEL,
  quarterName,
  SCORE_ITEM_LABEL,
  type Assessment,
  type AssessmentRules,
  type ItemScore,
  type Quarter,
  type UnitScore,
} from '../domain/assessment.js';
import { assessOnDay } from '../domain/assess-on-day.js';
import type { IsoDate, Meeting, Register } from '../domain/types.js';
import type { Block, BriefingDocument, Cell, Column } from './document.js';
import { defaultRecipients, formatDate, regionScope, sectionLabel, selfReference } from './wording.js';

export interface AssessmentDocInput {
  register: Register;
  /** undefined: no meetings given (议定事项按时落实 is then not scored) */
  meetings?: readonly Meeting[];
  quarter: Quarter;
  rules: AssessmentRules;
  /** 落款日期; default the register's as_of */
  issued?: IsoDate;
}

/** "关于2021年第三季度平鲁区重点项目考核情况的通报" */
export function assessmentTitle(region: string, q: Quarter): string {
  return `关于${quarterName(q)}${region}重点项目考核情况的通报`;
}

/** Why the register cannot give this quarter's assessment (its as_of is in another quarter), or null. */
export function assessmentQuarterProblem(register: Register, q: Quarter): string | null {
  const asOf = register.meta.asOf;
  if (asOf >= q.start && asOf <= q.end) return null;
  return (
    `台账数据截至${formatDate(asOf)}，不在${quarterName(q)}（${formatDate(q.start)}至${formatDate(q.end)}）内，` +
    `不能生成该季度的考核；季考核按季度末的台账计算，请改用数据截至${formatDate(q.end)}的台账，或去掉 --quarter`
  );
}

/** 40 → "40", 12.5 → "12.5" */
export function points(n: number): string {
  return String(Math.round(n * 100) / 100);
}

/** A score with two decimals: 16.66 → "16.66", 40 → "40.00". */
export function scoreText(n: number): string {
  return (Math.round(n * 100) / 100).toFixed(2);
}

const pct = (p: number): string => `${p.toFixed(1)}%`;

/** One item of a unit's score in words, with its inputs: "投资完成：完成率76.1%，序时进度75.0% → 得分40.00（满分40分）". */
export function itemText(i: ItemScore, withDecisions: boolean): string {
  const label = SCORE_ITEM_LABEL[i.key];
  if (!i.applicable || i.ratePoints === null) {
    const why =
      i.key === 'investment'
        ? '无年度计划投资'
        : i.key === 'startRate'
          ? '无台账项目'
          : i.key === 'newStartRate'
            ? '无新建项目'
            : withDecisions
              ? '本季度无到期议定事项'
              : '未提供调度会议记录';
    return `${label}：${why}，不计此项`;
  }
  const full = `（满分${points(i.weight)}分）`;
  switch (i.key) {
    case 'investment':
      return `${label}：完成率${pct(i.ratePoints)}，序时进度${pct(i.timeProgressPoints ?? 0)} → 得分${scoreText(i.score)}${full}`;
    case 'startRate':
      return `${label}：${pct(i.ratePoints)}（已开复工${i.part}个/项目${i.whole}个） → 得分${scoreText(i.score)}${full}`;
    case 'newStartRate':
      return `${label}：${pct(i.ratePoints)}（已开工${i.part}个/新建${i.whole}个） → 得分${scoreText(i.score)}${full}`;
    case 'onTime':
      return `${label}：按时落实率${pct(i.ratePoints)}（按时落实${i.part}项/到期${i.whole}项） → 得分${scoreText(i.score)}${full}`;
  }
}

/** A unit's whole score in words, each item with its inputs, then the deductions and the total. */
export function unitScoreText(u: UnitScore, a: Assessment): string {
  const parts = u.items.map((i) => itemText(i, a.withDecisions));
  let sum = `各项得分合计${scoreText(u.itemTotal)}`;
  if (u.applicableWeight !== a.fullScore) {
    sum +=
      u.applicableWeight > 0
        ? `（参评项满分${points(u.applicableWeight)}分，折算为${points(a.fullScore)}分制：${scoreText(u.itemTotal)}÷${points(u.applicableWeight)}×${points(a.fullScore)}=${scoreText(u.scaled)}）`
        : '（无参评项）';
  }
  parts.push(sum);
  if (u.deductions.length > 0) {
    const list = u.deductions
      .map((d) => {
        const l = DEDUCTION_LABEL[d.key];
        return `${l.what}${d.count}${l.measure}×${points(d.perCase)}分`;
      })
      .join('、');
    const total = u.deductions.reduce((n, d) => n + d.points, 0);
    parts.push(
      u.capped
        ? `扣分：${list}，计${points(total)}分，按上限扣${points(u.deducted)}分`
        : `扣分：${list}，扣${points(u.deducted)}分`,
    );
  } else parts.push('扣分：无');
  parts.push(`总分${scoreText(u.total)}，第${u.rank}名`);
  return `${u.unit}：${parts.join('；')}。`;
}

function rulesParagraphs(a: Assessment): string[] {
  const w = a.rules.weights;
  const d = a.rules.deductions;
  const items = (Object.keys(SCORE_ITEM_LABEL) as (keyof typeof SCORE_ITEM_LABEL)[])
    .map((k) => `${SCORE_ITEM_LABEL[k]}${points(w[k])}分`)
    .join('、');
  const ded = (Object.keys(DEDUCTION_LABEL) as (keyof typeof DEDUCTION_LABEL)[])
    .filter((k) => d[k] > 0)
    .map((k) => `每${DEDUCTION_LABEL[k].measure}${DEDUCTION_LABEL[k].what}扣${points(d[k])}分`);
  const cap = a.rules.maxDeduction === null ? '' : `，扣分最多${points(a.rules.maxDeduction)}分`;
  return [
    `考核满分${points(a.fullScore)}分，其中${items}。`,
    `投资完成得分 = 权重 × 投资完成率 ÷ 序时进度（达到序时进度得满分）；开复工率、新开工率、议定事项按时落实率得分 = 权重 × 该项比率。` +
      `议定事项按时落实率按完成时限在本季度内、已到期的议定事项计算。比率均按通报所印的百分数（保留一位小数）计算，得分保留两位小数。` +
      `某项无考核对象（无年度计划投资、无新建项目、无到期议定事项）的，不计此项，其余各项得分按权重折算为${points(a.fullScore)}分制。`,
    ded.length > 0
      ? `扣分：${ded.join('、')}${cap}；只因问题或议定事项逾期而亮红灯的项目不再按红灯项目重复扣分；总分不低于0分。`
      : '本次考核不设扣分。',
  ];
}

const col = (title: string, align: Column['align'] = 'left'): Column => ({ title, align });
const text = (t: string): Cell => ({ text: t, format: 'text' });
const int = (n: number): Cell => ({ text: String(n), value: n, format: 'integer' });
const score = (n: number): Cell => ({ text: scoreText(n), value: n, format: 'money' });
const rate = (p: number | null): Cell =>
  p === null ? { text: '—', format: 'percent' } : { text: pct(p), value: p / 100, format: 'percent' };

function itemScoreCell(i: ItemScore | undefined): Cell {
  return i && i.applicable ? score(i.score) : text('—');
}

function findItem(u: UnitScore, key: ItemScore['key']): ItemScore | undefined {
  return u.items.find((i) => i.key === key);
}

export function buildAssessmentDocument(input: AssessmentDocInput): BriefingDocument {
  const { register, quarter, rules } = input;
  const { region, asOf } = register.meta;
  const day = asOf;
  const { meetings, ledger, assessment: reg } = assessOnDay(register, day, input.meetings);
  const a = assessUnits({
    statuses: reg.statuses,
    timeProgress: reg.timeProgress,
    day,
    quarter,
    rules,
    ...(ledger ? { ledger } : {}),
  });
  const issued = input.issued ?? asOf;
  const recipients = register.meta.recipients ?? defaultRecipients(region);
  const w = rules.weights;

  const blocks: Block[] = [];
  blocks.push({
    type: 'paragraph',
    text: `${recipients.trim().replace(/[。：:]$/u, '')}：`,
    flush: true,
  });
  blocks.push({
    type: 'paragraph',
    text:
      `按照“周调度、月通报、季考核”工作机制，依据截至${formatDate(day)}的重点项目台账` +
      (meetings ? '和调度会议记录' : '') +
      `，对${regionScope(region)}${a.units.length}个责任单位${quarterName(quarter)}重点项目推进情况进行了考核。现将考核结果通报如下：`,
  });
  if (day !== quarter.end) {
    blocks.push({
      type: 'paragraph',
      text: `（台账数据截至${formatDate(day)}，尚未到季度末${formatDate(quarter.end)}，本考核结果为阶段性结果。）`,
    });
  }

  blocks.push({ type: 'heading', level: 1, text: `${sectionLabel(1)}考核办法` });
  for (const t of rulesParagraphs(a)) blocks.push({ type: 'paragraph', text: t });
  if (!meetings) {
    blocks.push({
      type: 'paragraph',
      text: '本次考核未提供调度会议记录，议定事项按时落实一项不计分，逾期未落实的议定事项不扣分。',
    });
  }

  blocks.push({ type: 'heading', level: 1, text: `${sectionLabel(2)}考核结果` });
  const top = a.units.filter((u) => u.rank <= 3).map((u) => u.unit);
  const bottom = a.units.length > 3 ? a.units.slice(-3).map((u) => u.unit) : [];
  blocks.push({
    type: 'paragraph',
    text:
      a.units.length === 0
        ? '台账中没有责任单位，本季度无考核结果。'
        : `${a.units.length}个责任单位中，得分居前的是${top.join('、')}` +
          (bottom.length > 0 ? `，排名靠后的是${bottom.join('、')}` : '') +
          '。各单位得分如下表（按总分排序）：',
  });
  blocks.push({
    type: 'table',
    caption: `${quarterName(quarter)}重点项目考核得分`,
    unitNote: `数据截至${formatDate(day)}；单位：分`,
    columns: [
      col('排名', 'right'),
      col('责任单位'),
      col(`投资完成（${points(w.investment)}）`, 'right'),
      col(`开复工率（${points(w.startRate)}）`, 'right'),
      col(`新开工率（${points(w.newStartRate)}）`, 'right'),
      col(`按时落实（${points(w.onTime)}）`, 'right'),
      col('扣分', 'right'),
      col('总分', 'right'),
    ],
    rows: a.units.map((u) => [
      int(u.rank),
      text(u.unit),
      itemScoreCell(findItem(u, 'investment')),
      itemScoreCell(findItem(u, 'startRate')),
      itemScoreCell(findItem(u, 'newStartRate')),
      itemScoreCell(findItem(u, 'onTime')),
      score(u.deducted),
      score(u.total),
    ]),
  });

  blocks.push({ type: 'heading', level: 1, text: `${sectionLabel(3)}得分明细` });
  blocks.push({
    type: 'paragraph',
    text: '各单位每项得分及其依据如下（“—”表示不计此项）；计算所用的数字见附件。',
  });
  blocks.push({ type: 'list', items: a.units.map((u, i) => `${i + 1}.${unitScoreText(u, a)}`) });
  blocks.push({
    type: 'paragraph',
    text:
      `考核结果纳入年度目标责任考核。排名靠后的单位要认真查找原因，逐项制定整改措施` +
      (register.meta.issuer ? `，${selfReference(register.meta.issuer)}将加强跟踪督办` : '') +
      '。',
  });

  const attachmentRows: Cell[][] = a.units.map((u) => {
    const inv = findItem(u, 'investment');
    const st = findItem(u, 'startRate');
    const ns = findItem(u, 'newStartRate');
    const ot = findItem(u, 'onTime');
    const count = (k: string): number => u.deductions.find((d) => d.key === k)?.count ?? 0;
    return [
      text(u.unit),
      int(u.projectCount),
      rate(inv?.ratePoints ?? null),
      rate(inv?.applicable ? (inv.timeProgressPoints ?? null) : null),
      rate(st?.ratePoints ?? null),
      rate(ns?.ratePoints ?? null),
      ot?.applicable ? int(ot.whole ?? 0) : text('—'),
      ot?.applicable ? int(ot.part ?? 0) : text('—'),
      int(count('overdueDecision')),
      int(count('overdueProblem')),
      int(count('redProject')),
      score(u.total),
    ];
  });

  const doc: BriefingDocument = {
    kind: 'assessment',
    title: assessmentTitle(region, quarter),
    date: issued,
    dateText: formatDate(issued),
    blocks,
    attachments: [
      {
        title: `${quarterName(quarter)}${region}重点项目考核得分依据`,
        blocks: [
          {
            type: 'table',
            unitNote: `数据截至${formatDate(day)}`,
            columns: [
              col('责任单位'),
              col('项目数', 'right'),
              col('投资完成率', 'right'),
              col('序时进度', 'right'),
              col('开复工率', 'right'),
              col('新开工率', 'right'),
              col('到期议定事项', 'right'),
              col('按时落实', 'right'),
              col('逾期未落实', 'right'),
              col('逾期问题', 'right'),
              col('红灯项目', 'right'),
              col('总分', 'right'),
            ],
            rows: attachmentRows,
          },
        ],
      },
    ],
    data: {
      quarter: `${quarter.year}Q${quarter.quarter}`,
      quarterStart: quarter.start,
      quarterEnd: quarter.end,
      asOf: day,
      issued,
      region,
      timeProgress: a.timeProgress,
      fullScore: a.fullScore,
      withDecisions: a.withDecisions,
      rules: a.rules,
      units: a.units.map((u) => ({ ...u, text: unitScoreText(u, a) })),
    },
    baseName: `${quarter.year}年第${quarter.quarter}季度重点项目考核结果`,
  };
  if (register.meta.issuer) doc.issuer = register.meta.issuer;
  return doc;
}
