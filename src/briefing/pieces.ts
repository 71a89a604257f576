// Pieces the minutes and the bulletin share: table cells, an earlier decision as data and as a
// numbered line, project lookups, and the 版头 / 版记 of the Word document. Pure: no I/O.
import { daysBetween } from '../domain/dates.js';
import type { IsoDate, LedgerEntry, Light, MoneyUnit, Project, Register } from '../domain/types.js';
import type { BriefingDocument, Cell, Column } from './document.js';
import {
  decisionUnitsText,
  formatDate,
  formatMoneyNumber,
  formatPercent,
  formatMonthDay,
  sentence,
  trimSentenceEnd,
  withoutDecisionIds,
} from './wording.js';

export function moneyCell(wan: number, unit: MoneyUnit): Cell {
  return { text: formatMoneyNumber(wan, unit), value: unit === '亿元' ? wan / 10000 : wan, format: 'money' };
}

export function rateCell(rate: number | null): Cell {
  return rate === null
    ? { text: '—', format: 'percent' }
    : { text: formatPercent(rate), value: rate, format: 'percent' };
}

export function intCell(n: number): Cell {
  return { text: String(n), value: n, format: 'integer' };
}

export function textCell(text: string): Cell {
  return { text, format: 'text' };
}

export function lightCell(light: Light): Cell {
  return { text: light, light, format: 'text' };
}

export const col = (title: string, align: Column['align'] = 'left'): Column => ({ title, align });

export function reasonsText(reasons: readonly string[]): string {
  return reasons.map(trimSentenceEnd).join('；');
}

export interface DecisionData {
  id: string;
  project: string;
  projectName: string;
  text: string;
  unit: string;
  /** 配合单位 */
  coUnits?: string[];
  owner?: string;
  due: IsoDate;
  meetingDate: IsoDate;
  state: LedgerEntry['state'];
  daysOverdue: number;
  /** the latest follow-up's note (in minutes: only when heard at or since the previous meeting) */
  note?: string;
  /** the day that note was heard */
  noteHeardOn?: IsoDate;
  /** minutes only: whether this meeting heard how the decision was carried out */
  heard?: boolean;
  /** 已落实: the day it was carried out, when the follow-up gives it */
  doneOn?: IsoDate;
}

export function decisionData(e: LedgerEntry, names: ReadonlyMap<string, Project>): DecisionData {
  const d: DecisionData = {
    id: e.decision.id,
    project: e.project,
    projectName: names.get(e.project)?.name ?? e.project,
    text: e.decision.text,
    unit: e.decision.unit,
    due: e.decision.due,
    meetingDate: e.meetingDate,
    state: e.state,
    daysOverdue: e.daysOverdue,
  };
  if (e.decision.coUnits?.length) d.coUnits = [...e.decision.coUnits];
  if (e.decision.owner) d.owner = e.decision.owner;
  if (e.latest?.note) {
    d.note = e.latest.note;
    d.noteHeardOn = e.latest.heardOn;
  }
  if (e.state === 'done' && e.latest?.doneOn) d.doneOn = e.latest.doneOn;
  return d;
}

/**
 * One earlier decision as a numbered line. `noteLabel` says how its latest note is introduced
 * ("落实情况：", "最新进展（9月27日）："), or null when no note is to be shown; `tail` ends the line.
 */
export function previousDecisionLine(
  d: DecisionData,
  index: number,
  withDue: boolean,
  noteLabel: string | null,
  tail = '',
): string {
  const parts = [decisionUnitsText(d)];
  if (withDue || d.doneOn) parts.push(`完成时限：${formatDate(d.due)}`);
  if (d.state === 'overdue') parts.push(`已逾期${d.daysOverdue}天`);
  if (d.doneOn) {
    const late = daysBetween(d.due, d.doneOn);
    parts.push(`${formatMonthDay(d.doneOn)}落实${late > 0 ? `，超期${late}天` : ''}`);
  }
  let line = `${index + 1}.${d.projectName}：${withoutDecisionIds(trimSentenceEnd(d.text))}（${parts.join('，')}）。`;
  if (d.note && noteLabel !== null) line += `${noteLabel}${sentence(withoutDecisionIds(d.note))}`;
  return line + tail;
}

/** The units of decisions, lead units and 配合单位 alike, each named once. */
export function unitsOf(list: readonly { unit: string; coUnits?: readonly string[] }[]): string[] {
  return [...new Set(list.flatMap((d) => [d.unit, ...(d.coUnits ?? [])]))];
}

export function projectIndex(r: Register): Map<string, Project> {
  return new Map(r.projects.map((p) => [p.id, p]));
}

export function projectLabel(p: Project | undefined, id: string): string {
  return p?.name ?? id;
}

/**
 * The 版头 and 版记 of the Word document from the register's optional keys (issuer_mark, doc_number,
 * cc, printed_by): a bulletin with an issuer gets the red 发文机关标志 ("…文件" unless issuer_mark says
 * otherwise); a 版记 is printed when cc or printed_by is given, dated on the document's date.
 */
export function addOfficeMarks(doc: BriefingDocument, meta: Register['meta']): void {
  const office = meta.office ?? {};
  const mark = office.mark ?? (meta.issuer ? `${meta.issuer}文件` : undefined);
  if (doc.kind === 'bulletin' && mark) {
    doc.letterhead = office.number ? { mark, number: office.number } : { mark };
  }
  const printedBy = office.printedBy ?? meta.issuer;
  if ((office.cc || office.printedBy) && printedBy) {
    doc.colophon = { printedBy, printedOn: doc.dateText };
    if (office.cc) doc.colophon.cc = [...office.cc];
  }
}
