// 督办通知单: one per 责任单位, listing its overdue and due-soon decisions (each with its 完成时限 and
// the meeting it was taken at) and its unsolved problems from the register, in the official layout
// (主送 the unit, the list, 落款 issuer and date). Pure: the ledger and register come from the caller.
import { DUE_SOON_DAYS, isDueSoon } from '../domain/assessment.js';
import { compareLedgerEntries } from '../domain/ledger.js';
import { daysBetween } from '../domain/dates.js';
import type { IsoDate, LedgerEntry, Register } from '../domain/types.js';
import type { Block, BriefingDocument } from './document.js';
import {
  formatDate,
  formatMonthDay,
  sectionLabel,
  selfReference,
  sentence,
  trimSentenceEnd,
  withoutDecisionIds,
} from './wording.js';

export interface NoticeProblem {
  project: string;
  projectName: string;
  text: string;
  due?: IsoDate;
  raised?: IsoDate;
  /** days past its 解决时限 on the day; 0 when not late */
  daysOverdue: number;
}

export interface UnitNotice {
  unit: string;
  overdue: LedgerEntry[];
  dueSoon: LedgerEntry[];
  problems: NoticeProblem[];
}

/**
 * What each 责任单位 has to answer for on `day`: decisions overdue (most days first), decisions open
 * and due within DUE_SOON_DAYS days, and problems of the register not resolved by the day (the
 * problem's own 责任单位, else the project's). Units with nothing are left out; units in order of
 * first appearance (decisions first, then problems). `ledger` must be built for `day`.
 */
export function unitNotices(
  ledger: readonly LedgerEntry[],
  register: Register | undefined,
  day: IsoDate,
): UnitNotice[] {
  const byUnit = new Map<string, UnitNotice>();
  const get = (unit: string): UnitNotice => {
    let n = byUnit.get(unit);
    if (!n) {
      n = { unit, overdue: [], dueSoon: [], problems: [] };
      byUnit.set(unit, n);
    }
    return n;
  };
  for (const e of [...ledger].sort(compareLedgerEntries)) {
    if (e.meetingDate > day) continue;
    if (e.state === 'overdue') get(e.decision.unit).overdue.push(e);
    else if (isDueSoon(e, day)) get(e.decision.unit).dueSoon.push(e);
  }
  for (const p of register?.projects ?? []) {
    for (const q of p.problems) {
      if (q.raised !== undefined && q.raised > day) continue;
      if (q.resolved !== undefined && q.resolved <= day) continue;
      const problem: NoticeProblem = {
        project: p.id,
        projectName: p.name,
        text: q.text,
        daysOverdue: q.due !== undefined && q.due < day ? daysBetween(q.due, day) : 0,
      };
      if (q.due !== undefined) problem.due = q.due;
      if (q.raised !== undefined) problem.raised = q.raised;
      get(q.unit || p.unit).problems.push(problem);
    }
  }
  for (const n of byUnit.values()) {
    n.problems.sort((a, b) => b.daysOverdue - a.daysOverdue || (a.due ?? '9').localeCompare(b.due ?? '9'));
  }
  return [...byUnit.values()];
}

/** A file name without extension: "督办通知单-区能源局-2021-09-30" (characters a file name cannot hold removed). */
export function noticeBaseName(unit: string, day: IsoDate): string {
  const safe = unit.replace(/[\\/:*?"<>|\s\p{Cc}]+/gu, '') || '责任单位';
  return `督办通知单-${safe}-${day}`;
}

function decisionLine(e: LedgerEntry, i: number, day: IsoDate, names: ReadonlyMap<string, string>): string {
  const project = names.get(e.project) ?? e.project;
  const parts = [`完成时限：${formatDate(e.decision.due)}`];
  if (e.state === 'overdue') parts.push(`已逾期${e.daysOverdue}天`);
  else {
    const left = daysBetween(day, e.decision.due);
    parts.push(left === 0 ? '今天到期' : `还有${left}天到期`);
  }
  if (e.decision.owner) parts.push(`责任人：${e.decision.owner}`);
  parts.push(`${formatDate(e.meetingDate)}调度会议定`);
  let line = `${i + 1}.${project}：${withoutDecisionIds(trimSentenceEnd(e.decision.text))}（${parts.join('，')}）。`;
  if (e.latest?.note)
    line += `最新进展（${formatMonthDay(e.latest.heardOn)}）：${sentence(withoutDecisionIds(e.latest.note))}`;
  return line;
}

function problemLine(p: NoticeProblem, i: number): string {
  const parts: string[] = [];
  if (p.due) parts.push(`解决时限：${formatDate(p.due)}`);
  if (p.daysOverdue > 0) parts.push(`已逾期${p.daysOverdue}天`);
  else if (!p.due) parts.push('未明确解决时限');
  if (p.raised) parts.push(`${formatDate(p.raised)}提出`);
  parts.push('见项目台账');
  return `${i + 1}.${p.projectName}：${trimSentenceEnd(p.text)}（${parts.join('，')}）。`;
}

export interface NoticeInput {
  notice: UnitNotice;
  day: IsoDate;
  /** project id → name */
  names: ReadonlyMap<string, string>;
  /** 发文机关 (落款) */
  issuer?: string;
  /** the issue date (落款); default the day */
  issued?: IsoDate;
}

export function buildNotice(input: NoticeInput): BriefingDocument {
  const { notice: n, day, names } = input;
  const issued = input.issued ?? day;
  const overdueProblems = n.problems.filter((p) => p.daysOverdue > 0).length;
  const counts: string[] = [];
  if (n.overdue.length > 0) counts.push(`逾期未落实的议定事项${n.overdue.length}项`);
  if (n.dueSoon.length > 0) counts.push(`${DUE_SOON_DAYS}日内到期的议定事项${n.dueSoon.length}项`);
  if (n.problems.length > 0)
    counts.push(
      `未解决的问题${n.problems.length}个` + (overdueProblems > 0 ? `（其中逾期${overdueProblems}个）` : ''),
    );
  const reportTo = input.issuer ? selfReference(input.issuer) : '督查部门';
  const blocks: Block[] = [
    { type: 'paragraph', text: `${n.unit}：`, flush: true },
    {
      type: 'paragraph',
      text:
        `经梳理重点项目调度会议议定事项和项目台账，截至${formatDate(day)}，你单位牵头负责的事项中，` +
        (counts.length > 0 ? `有${counts.join('、')}` : '没有逾期或即将到期的事项') +
        `。现予督办，请对照完成时限逐项抓紧办理，逾期事项说明原因、明确新的完成时限，办理情况及时报送${reportTo}。`,
    },
  ];
  let section = 0;
  const add = (title: string, items: string[]): void => {
    if (items.length === 0) return;
    blocks.push({ type: 'heading', level: 1, text: `${sectionLabel(++section)}${title}` });
    blocks.push({ type: 'list', items });
  };
  add(
    `逾期未落实的议定事项（${n.overdue.length}项）`,
    n.overdue.map((e, i) => decisionLine(e, i, day, names)),
  );
  add(
    `即将到期的议定事项（${n.dueSoon.length}项）`,
    n.dueSoon.map((e, i) => decisionLine(e, i, day, names)),
  );
  add(
    `未解决的问题（${n.problems.length}个）`,
    n.problems.map((p, i) => problemLine(p, i)),
  );
  const entry = (e: LedgerEntry) => ({
    id: e.decision.id,
    project: e.project,
    projectName: names.get(e.project) ?? null,
    text: e.decision.text,
    owner: e.decision.owner ?? null,
    due: e.decision.due,
    meetingDate: e.meetingDate,
    daysOverdue: e.daysOverdue,
    latestNote: e.latest?.note ?? null,
  });
  const doc: BriefingDocument = {
    kind: 'notice',
    title: '督办通知单',
    date: issued,
    dateText: formatDate(issued),
    blocks,
    attachments: [],
    data: {
      unit: n.unit,
      day,
      issued,
      dueSoonDays: DUE_SOON_DAYS,
      overdue: n.overdue.map(entry),
      dueSoon: n.dueSoon.map(entry),
      problems: n.problems,
    },
    baseName: noticeBaseName(n.unit, day),
  };
  if (input.issuer) doc.issuer = input.issuer;
  return doc;
}
