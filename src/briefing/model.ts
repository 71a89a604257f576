// The weekly minutes (周调度会议纪要) and the monthly bulletin (月通报) as a BriefingDocument:
// sections, sentences and tables in official wording, plus `data` with the same figures as plain
// numbers (rates as fractions and as printed) so that a script can check the text.
// domain.md "The weekly minutes" and "The monthly bulletin" give the sections. Pure: no I/O.
// Linear in projects and decisions (10,000 projects and 52 meetings build in well under a second).
import { dateParts, daysBetween, endOfMonth } from '../domain/dates.js';
import {
  areaRanking,
  decisionFigures,
  formatPoints,
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
import { assessRegister, type RegisterAssessment } from '../domain/lag-rules.js';
import { buildLedger, compareLedgerEntries, isOpenState, meetingDecisions } from '../domain/ledger.js';
import type {
  IsoDate,
  ItemFigures,
  LedgerEntry,
  Light,
  Meeting,
  MeetingKind,
  MeetingSnapshot,
  MoneyUnit,
  Nature,
  Project,
  ProjectStatus,
  Register,
} from '../domain/types.js';
import { itemState } from '../domain/meeting-snapshot.js';
import { leaderTable, type LeaderRow } from '../domain/leaders.js';
import { compareMonths, monthOnMonthProblem, moveText, type MonthOnMonth } from '../domain/month-on-month.js';
import { repeatRed, repeatRetimed, RED_STREAK, type RetimedChain } from '../domain/repeat-offenders.js';
import type { Block, BriefingDocument, Cell, ChartBlock, Column } from './document.js';
import {
  decisionSentence,
  decisionUnitsText,
  formatDate,
  formatMoneyAuto,
  formatMoneyNumber,
  formatPercent,
  formatMonthDay,
  issueLine,
  joinNames,
  laggardSummary,
  progressComparison,
  regionScope,
  defaultRecipients,
  sectionLabel,
  selfReference,
  sentence,
  splitTitle,
  subsectionLabel,
  titledName,
  trimSentenceEnd,
  withoutDecisionIds,
} from './wording.js';

// ---------------------------------------------------------------------------------------------
// shared pieces

/** A rate as data: the fraction and the text printed for it (null when there is no rate). */
export interface RateData {
  value: number | null;
  text: string;
}

function rateData(value: number | null): RateData {
  return { value, text: value === null ? '—' : formatPercent(value) };
}

export interface OverallData {
  asOf: IsoDate;
  projectCount: number;
  started: number;
  startRate: RateData;
  newTotal: number;
  newStarted: number;
  newStartRate: RateData;
  /** absent in minutes printed from a meeting's snapshot (not recorded) */
  continuingTotal?: number;
  continuingStarted: number;
  /** 万元 */
  totalInvestment: number;
  /** 万元 */
  annualPlan: number;
  /** 万元 */
  completedYear: number;
  /** 万元; absent when the register gives no completed_month */
  completedMonth?: number;
  completionRate: RateData;
  timeProgress: RateData;
  /** "超序时进度7.3个百分点" etc.; null with no rate */
  comparison: string | null;
  lights: { 红: number; 黄: number; 绿: number };
}

/**
 * The 总体 figures a document prints: the register's (RegisterFigures) or those recorded at a
 * meeting (MeetingSnapshot). `completedMonth` is absent when the register gave none.
 */
interface Overall {
  asOf: IsoDate;
  projectCount: number;
  byNature?: Record<Nature, number>;
  started: number;
  startRate: number | null;
  newTotal: number;
  newStarted: number;
  newStartRate: number | null;
  continuingTotal?: number;
  continuingStarted: number;
  totals: { totalInvestment: number; annualPlan: number; completedYear: number; completedMonth?: number };
  completionRate: number | null;
  timeProgress: number;
  lights: { 红: number; 黄: number; 绿: number };
  lagging: number;
}

function overallOfRegister(register: Register, f: RegisterFigures): Overall {
  const o: Overall = { ...f, totals: { ...f.totals } };
  if (!register.projects.some((p) => p.completedMonth !== undefined)) delete o.totals.completedMonth;
  return o;
}

function overallOfSnapshot(s: MeetingSnapshot, asOf: IsoDate): Overall {
  const ratio = (a: number, b: number): number | null => (b > 0 ? a / b : null);
  const o: Overall = {
    asOf,
    projectCount: s.projects,
    started: s.started,
    startRate: ratio(s.started, s.projects),
    newTotal: s.newProjects,
    newStarted: s.newStarted,
    newStartRate: ratio(s.newStarted, s.newProjects),
    continuingStarted: s.started - s.newStarted,
    totals: { totalInvestment: s.totalInvestment, annualPlan: s.annualPlan, completedYear: s.completedYear },
    completionRate: ratio(s.completedYear, s.annualPlan),
    timeProgress: s.timeProgress,
    lights: { 红: s.red, 黄: s.yellow, 绿: s.green },
    lagging: s.red + s.yellow,
  };
  if (s.completedMonth !== undefined) o.totals.completedMonth = s.completedMonth;
  return o;
}

function overallData(f: Overall): OverallData {
  const d: OverallData = {
    asOf: f.asOf,
    projectCount: f.projectCount,
    started: f.started,
    startRate: rateData(f.startRate),
    newTotal: f.newTotal,
    newStarted: f.newStarted,
    newStartRate: rateData(f.newStartRate),
    continuingStarted: f.continuingStarted,
    totalInvestment: f.totals.totalInvestment,
    annualPlan: f.totals.annualPlan,
    completedYear: f.totals.completedYear,
    completionRate: rateData(f.completionRate),
    timeProgress: rateData(f.timeProgress),
    comparison: f.completionRate === null ? null : progressComparison(f.completionRate, f.timeProgress),
    lights: { ...f.lights },
  };
  if (f.continuingTotal !== undefined) d.continuingTotal = f.continuingTotal;
  if (f.totals.completedMonth !== undefined) d.completedMonth = f.totals.completedMonth;
  return d;
}

/**
 * The 总体 paragraphs (minutes 一 and bulletin 一), from the figures. `latestAfter`: the document's
 * date when the register's data are later than it (minutes regenerated after the register moved
 * on, from a meeting file that did not record the figures), so the text says the figures are the
 * register's latest rather than dating them silently.
 */
function overallParagraphs(
  region: string,
  f: Overall,
  withComposition: boolean,
  latestAfter?: IsoDate,
): string[] {
  const out: string[] = [];
  const n = f.projectCount;
  const lead =
    latestAfter !== undefined && f.asOf > latestAfter
      ? `据项目台账最新数据（截至${formatDate(f.asOf)}）`
      : `截至${formatDate(f.asOf)}`;
  let first = `${lead}，${region}共有重点项目${n}个`;
  if (f.totals.totalInvestment > 0) first += `，总投资${formatMoneyAuto(f.totals.totalInvestment)}`;
  if (withComposition && n > 0 && f.byNature) {
    const parts: string[] = [];
    if (f.byNature.新建 > 0) parts.push(`新建项目${f.byNature.新建}个`);
    if (f.byNature.续建 > 0) parts.push(`续建项目${f.byNature.续建}个`);
    if (f.byNature.前期 > 0) parts.push(`前期项目${f.byNature.前期}个`);
    if (parts.length > 0) first += `，其中${parts.join('、')}`;
  }
  first += '。';
  if (n > 0) {
    first += `已开复工${f.started}个，开复工率${formatPercent(f.startRate ?? 0)}`;
    if (f.newTotal > 0) {
      first += `；新建项目${f.newTotal}个，已开工${f.newStarted}个，新开工率${formatPercent(f.newStartRate ?? 0)}`;
    }
    first += '。';
  }
  out.push(first);

  let money = `年度计划投资${formatMoneyAuto(f.totals.annualPlan)}，累计完成投资${formatMoneyAuto(f.totals.completedYear)}`;
  if (f.completionRate !== null) {
    money += `，投资完成率${formatPercent(f.completionRate)}，序时进度${formatPercent(f.timeProgress)}，${progressComparison(f.completionRate, f.timeProgress)}`;
  }
  const month = f.totals.completedMonth;
  if (month !== undefined && month > 0) money += `；本月完成投资${formatMoneyAuto(month)}`;
  out.push(`${money}。`);

  if (n > 0) {
    out.push(
      f.lagging > 0
        ? `对照序时进度，${f.lagging}个项目进度滞后，其中亮红灯${f.lights.红}个、亮黄灯${f.lights.黄}个，其余${f.lights.绿}个项目亮绿灯。`
        : `对照序时进度，${n}个项目均亮绿灯，无进度滞后项目。`,
    );
  }
  return out;
}

function moneyCell(wan: number, unit: MoneyUnit): Cell {
  return { text: formatMoneyNumber(wan, unit), value: unit === '亿元' ? wan / 10000 : wan, format: 'money' };
}

function rateCell(rate: number | null): Cell {
  return rate === null
    ? { text: '—', format: 'percent' }
    : { text: formatPercent(rate), value: rate, format: 'percent' };
}

function intCell(n: number): Cell {
  return { text: String(n), value: n, format: 'integer' };
}

function textCell(text: string): Cell {
  return { text, format: 'text' };
}

function lightCell(light: Light): Cell {
  return { text: light, light, format: 'text' };
}

const col = (title: string, align: Column['align'] = 'left'): Column => ({ title, align });

function reasonsText(reasons: readonly string[]): string {
  return reasons.map(trimSentenceEnd).join('；');
}

// ---------------------------------------------------------------------------------------------
// minutes

export interface MinutesInput {
  meeting: Meeting;
  /** the register named by the meeting */
  register: Register;
  /**
   * The meeting history (the meeting's folder), for earlier decisions and the issue number. The
   * meeting itself may or may not be among them; meetings after it are ignored.
   */
  meetings: readonly Meeting[];
  /** show the time spent on each item taken up (recorded `seconds`): `minutes --times` */
  times?: boolean;
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

export interface MinutesData {
  meeting: {
    date: IsoDate;
    kind: MeetingKind;
    number: number;
    title: string;
    chair?: string;
    place?: string;
    present: string[];
    absent: string[];
    attending: string[];
    asOf?: IsoDate;
    closed: boolean;
  };
  register: { title: string; region: string; asOf: IsoDate };
  /**
   * Where 一、总体进展 and the items' figures come from: `recorded` (the meeting file's snapshot),
   * `register` (the register, whose data are those of the meeting), or `latest` (an older meeting
   * file without a snapshot, the register having moved on: the text says 据项目台账最新数据).
   */
  figuresFrom: 'recorded' | 'register' | 'latest';
  overall: OverallData;
  previousDecisions: {
    done: DecisionData[];
    open: DecisionData[];
    overdue: DecisionData[];
    dropped: DecisionData[];
  };
  /** earlier decisions whose follow-up was heard at (or reported since the previous) meeting */
  heardCount: number;
  /** agenda items taken up at the meeting (opened, decided on or noted), in agenda order */
  items: Array<{
    project: string;
    name: string;
    unit?: string;
    leader?: string;
    light: Light;
    reasons: string[];
    figures?: { annualPlan: number; completedYear: number; completionRate: RateData; timeProgress: RateData };
    notes?: string;
    decisions: Array<{
      id: string;
      text: string;
      unit: string;
      coUnits?: string[];
      owner?: string;
      due: IsoDate;
    }>;
    /** time spent on it at the meeting (seconds), when recorded */
    seconds?: number;
  }>;
  /** agenda items not taken up (project ids) */
  notTakenUp: string[];
  /** 综合事项: decisions tied to no project */
  general: Array<{ id: string; text: string; unit: string; owner?: string; due: IsoDate }>;
  decisionCount: number;
}

function sameMeeting(a: Meeting, b: Meeting): boolean {
  if (a === b) return true;
  if (a.file !== undefined && b.file !== undefined) return a.file === b.file;
  return (
    a.meeting.date === b.meeting.date &&
    a.meeting.kind === b.meeting.kind &&
    a.meeting.number === b.meeting.number
  );
}

/**
 * 期数 (formats.md: counted per kind and year unless set): the meeting's own number, else one more
 * than the previous meeting of its kind in its year — so a series that starts at 第38期 continues 39,
 * 40 (the same rule as store/meetings-dir.ts meetingNumbers).
 */
export function meetingNumber(meeting: Meeting, meetings: readonly Meeting[]): number {
  if (meeting.meeting.number !== undefined) return meeting.meeting.number;
  const { date, kind } = meeting.meeting;
  const year = date.slice(0, 4);
  const earlier = meetings
    .map((m, index) => ({ m, index }))
    .filter(
      ({ m }) =>
        !sameMeeting(m, meeting) &&
        m.meeting.kind === kind &&
        m.meeting.date.slice(0, 4) === year &&
        m.meeting.date < date,
    )
    .sort((a, b) =>
      a.m.meeting.date < b.m.meeting.date ? -1 : a.m.meeting.date > b.m.meeting.date ? 1 : a.index - b.index,
    );
  let last = 0;
  for (const { m } of earlier) last = m.meeting.number ?? last + 1;
  return last + 1;
}

// Who attended, as the opening paragraph names them: leaders by name (…同志), then units (…负责同志).
// The present list mixes both; a unit is told by its ending (局, 委, 办, 镇, 中心, …) or its length.
// A leader may carry a 职务 in brackets ("王晓峰（区委副书记）"): it is printed before the name.
const UNIT_ENDING =
  /(局|委|办|室|中心|镇|乡|街道|会|公司|院|所|站|处|部|厅|府|团|队|社|行|校|组|人|单位|园区)$/u;

export function looksLikeUnit(name: string): boolean {
  const bare = splitTitle(name).name;
  return [...bare].length > 4 || UNIT_ENDING.test(bare);
}

/**
 * Leaders with their 职务, those sharing one 职务 in a row named once:
 * [王晓峰（区委副书记）, 刘志宏（副区长）, 赵永清（副区长）] → ["区委副书记王晓峰", "副区长刘志宏、赵永清"].
 */
function titledGroups(people: readonly string[]): string[] {
  const groups: { title?: string; names: string[] }[] = [];
  for (const entry of people) {
    const { name, title } = splitTitle(entry);
    const last = groups[groups.length - 1];
    if (last && title !== undefined && last.title === title) last.names.push(name);
    else groups.push(title === undefined ? { names: [name] } : { title, names: [name] });
  }
  return groups.map((g) => `${g.title ?? ''}${joinNames(g.names)}`);
}

function attendanceSentence(named: readonly string[]): string {
  const present = [...new Set(named)];
  const people = titledGroups(present.filter((n) => !looksLikeUnit(n)));
  const units = present.filter((n) => looksLikeUnit(n));
  const parts: string[] = [];
  if (people.length > 0) {
    const count = present.filter((n) => !looksLikeUnit(n)).length;
    const sep = present.some((n) => !looksLikeUnit(n) && splitTitle(n).title !== undefined) ? '，' : '、';
    parts.push(
      people.length > 8 ? `${people.slice(0, 8).join(sep)}等${count}位同志` : `${people.join(sep)}同志`,
    );
  }
  if (units.length > 0) {
    parts.push(
      units.length > 6
        ? `${joinNames(units.slice(0, 6))}等${units.length}个单位负责同志`
        : `${joinNames(units)}负责同志`,
    );
  }
  return parts.length > 0 ? `${parts.join('和')}参加会议。` : '';
}

function kindWord(kind: MeetingKind): string {
  return kind === '专题' ? '专题调度' : kind;
}

/** "平鲁区重点项目周调度会议纪要" */
export function minutesTitle(region: string, kind: MeetingKind): string {
  return `${region}重点项目${kindWord(kind)}会议纪要`;
}

function decisionData(e: LedgerEntry, names: ReadonlyMap<string, Project>): DecisionData {
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
function previousDecisionLine(
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
function unitsOf(list: readonly { unit: string; coUnits?: readonly string[] }[]): string[] {
  return [...new Set(list.flatMap((d) => [d.unit, ...(d.coUnits ?? [])]))];
}

function projectIndex(r: Register): Map<string, Project> {
  return new Map(r.projects.map((p) => [p.id, p]));
}

function projectLabel(p: Project | undefined, id: string): string {
  return p?.name ?? id;
}

/** A note heard on a project, as the minutes report it: "区农业农村局汇报：…" (the speaker kept when named). */
function reportSentence(notes: string, unit: string | undefined): string {
  const text = sentence(withoutDecisionIds(notes));
  if (/^[^，。：:；]{1,24}?(汇报|介绍|反映|报告|表示|提出|说明)[：:，,]/u.test(text) || !unit) return text;
  return `${unit}汇报：${text}`;
}

/** "（用时6分钟）", "（用时不足1分钟）": the time spent on an item, in whole minutes. */
export function timeSpentText(seconds: number): string {
  const minutes = Math.round(seconds / 60);
  return minutes === 0 ? '（用时不足1分钟）' : `（用时${minutes}分钟）`;
}

/**
 * Taken up at the meeting (docs/minutes-rules.md): the secretary opened the item (`discussed`), or
 * a decision or a note was recorded on it. Only these items have a section in the minutes.
 */
export function takenUp(item: Meeting['items'][number]): boolean {
  return item.discussed === true || item.decisions.length > 0 || (item.notes ?? '').trim() !== '';
}

export function buildMinutes(input: MinutesInput): BriefingDocument {
  const { meeting, register } = input;
  const h = meeting.meeting;
  const day = h.date;
  const region = register.meta.region;
  const projects = projectIndex(register);

  // Meetings up to this one (inclusive); those after it do not exist yet for these minutes.
  const history = input.meetings.filter((m) => !sameMeeting(m, meeting) && m.meeting.date <= day);
  const upToThis = [...history, meeting];
  const number = meetingNumber(meeting, input.meetings);

  // State at the meeting (docs/minutes-rules.md): what the meeting file recorded. A file written
  // before the snapshot was recorded falls back to the register, judging decisions on the meeting
  // day; when the register has moved on since, its figures are named as the latest.
  const assessment = assessRegister(register, buildLedger(history, day), day);
  const statusById = new Map(assessment.statuses.map((s) => [s.project.id, s]));
  const registerIsThen = h.asOf === undefined ? register.meta.asOf <= day : h.asOf === register.meta.asOf;
  let overall: Overall;
  let figuresFrom: MinutesData['figuresFrom'];
  if (h.snapshot) {
    overall = overallOfSnapshot(h.snapshot, h.asOf ?? register.meta.asOf);
    figuresFrom = 'recorded';
  } else {
    overall = overallOfRegister(register, registerFigures(register, assessment.statuses));
    figuresFrom = registerIsThen ? 'register' : 'latest';
  }

  // 上次会议议定事项落实情况: earlier decisions still open on the meeting day, and those whose
  // latest follow-up was heard since the previous meeting (closed at or just before this one).
  // Heard here: at this meeting, or reported since the previous one (督办); an earlier meeting's
  // note is never shown as this meeting's 落实情况.
  const ledger = buildLedger(upToThis, day);
  const prevDate = history.reduce<IsoDate | undefined>(
    (acc, m) => (m.meeting.date < day && (acc === undefined || m.meeting.date > acc) ? m.meeting.date : acc),
    undefined,
  );
  const heardHere = (e: LedgerEntry): boolean =>
    e.latest !== undefined &&
    e.latest.heardOn <= day &&
    (prevDate === undefined || e.latest.heardOn > prevDate);
  const earlier = ledger
    .filter((e) => e.meetingDate < day && (isOpenState(e.state) || heardHere(e)))
    .sort(compareLedgerEntries);
  const asData = (e: LedgerEntry): DecisionData => {
    const d = decisionData(e, projects);
    d.heard = heardHere(e);
    if (!d.heard) {
      delete d.note;
      delete d.noteHeardOn;
    }
    return d;
  };
  const prev = {
    done: earlier.filter((e) => e.state === 'done').map(asData),
    open: earlier.filter((e) => e.state === 'open').map(asData),
    overdue: earlier.filter((e) => e.state === 'overdue').map(asData),
    dropped: earlier.filter((e) => e.state === 'dropped').map(asData),
  };
  const heardCount = earlier.filter(heardHere).length;

  const blocks: Block[] = [];
  const title = h.title || `${region}重点项目${kindWord(h.kind)}会`;
  const lightOf = (it: Meeting['items'][number]): Light =>
    it.light ?? statusById.get(it.project)?.light ?? '绿';
  const discussed = meeting.items.filter(takenUp);
  const notTakenUp = meeting.items.filter((it) => !takenUp(it));
  const laggingItems = discussed.filter((it) => lightOf(it) !== '绿');

  // Opening paragraph: when, who chaired, who attended, what was heard.
  const chair = h.chair ? splitTitle(h.chair) : undefined;
  let opening = `${formatDate(day)}，`;
  if (h.chair) opening += `${titledName(h.chair)}同志`;
  if (h.place) opening += `在${h.place}`;
  opening += `${h.chair ? '主持' : ''}召开${title}`;
  opening += '。';
  // The chair is named already; the others present follow.
  const attended = attendanceSentence(h.present.filter((n) => splitTitle(n).name !== chair?.name));
  if (attended) opening += attended;
  const heard: string[] = ['听取了各责任单位重点项目推进情况汇报'];
  if (heardCount > 0) heard.push('检查了上次会议议定事项落实情况');
  if (discussed.length > 0) {
    heard.push(
      laggingItems.length > 0
        ? `逐一研究了${laggingItems.length}个进度滞后项目存在的问题`
        : `研究了${discussed.length}个项目推进中的问题`,
    );
  }
  opening += `会议${heard.join('，')}。现将会议议定事项纪要如下：`;
  blocks.push({ type: 'paragraph', text: opening });

  // 一、总体进展
  blocks.push({ type: 'heading', level: 1, text: `${sectionLabel(1)}总体进展` });
  for (const text of overallParagraphs(region, overall, false, day)) blocks.push({ type: 'paragraph', text });

  // 二、上次会议议定事项落实情况
  blocks.push({ type: 'heading', level: 1, text: `${sectionLabel(2)}上次会议议定事项落实情况` });
  if (earlier.length === 0) {
    blocks.push({ type: 'paragraph', text: '本次会议无需报告落实情况的前期议定事项。' });
  } else {
    const counts = [
      `已落实${prev.done.length}项`,
      `推进中${prev.open.length}项`,
      `逾期未落实${prev.overdue.length}项`,
    ];
    if (prev.dropped.length > 0) counts.push(`撤销${prev.dropped.length}项`);
    const heardText =
      heardCount === earlier.length
        ? '会上逐项听取了落实情况'
        : heardCount === 0
          ? '本次会议未听取落实情况'
          : `会上听取了其中${heardCount}项的落实情况，其余${earlier.length - heardCount}项未作汇报`;
    let summary = `前期会议议定事项中，需在本次会议报告落实情况的共${earlier.length}项，${heardText}。截至会议召开时，${counts.join('、')}。`;
    if (prev.overdue.length > 0) summary += `逾期未落实事项涉及${joinNames(unitsOf(prev.overdue))}。`;
    blocks.push({ type: 'paragraph', text: summary });
    let sub = 0;
    const line = (d: DecisionData, i: number, withDue: boolean): string => {
      if (!d.heard) return previousDecisionLine(d, i, withDue, null, '本次会议未汇报落实情况。');
      const label =
        d.noteHeardOn !== undefined && d.noteHeardOn < day
          ? `落实情况（${formatMonthDay(d.noteHeardOn)}报告）：`
          : '落实情况：';
      return previousDecisionLine(d, i, withDue, label);
    };
    const group = (label: string, list: DecisionData[], withDue: boolean): void => {
      if (list.length === 0) return;
      blocks.push({
        type: 'heading',
        level: 2,
        text: `${subsectionLabel(++sub)}${label}（${list.length}项）`,
      });
      blocks.push({ type: 'list', items: list.map((d, i) => line(d, i, withDue)) });
    };
    group('逾期未落实事项', prev.overdue, true);
    group('推进中事项', prev.open, true);
    group('已落实事项', prev.done, false);
    group('撤销事项', prev.dropped, false);
  }

  // 三、滞后项目及议定事项: only the items taken up; the rest of the agenda in one sentence.
  blocks.push({ type: 'heading', level: 1, text: `${sectionLabel(3)}滞后项目及议定事项` });
  const itemsData: MinutesData['items'] = [];
  if (discussed.length === 0) {
    blocks.push({ type: 'paragraph', text: '本次会议未逐项研究具体项目。' });
  }
  discussed.forEach((item, i) => {
    const p = projects.get(item.project);
    const status: ProjectStatus | undefined = statusById.get(item.project);
    const light = lightOf(item);
    const reasons =
      item.reasons.length > 0
        ? item.reasons
        : light !== '绿'
          ? (status?.flags.map((f) => f.reason) ?? [])
          : [];
    const figures: ItemFigures | undefined =
      item.figures ??
      (status && registerIsThen ? itemState(status, assessment.timeProgress).figures : undefined);
    const spent = input.times && item.seconds !== undefined ? timeSpentText(item.seconds) : '';
    blocks.push({
      type: 'heading',
      level: 2,
      text: `${subsectionLabel(i + 1)}${projectLabel(p, item.project)}${spent}`,
    });
    const who: string[] = [];
    if (p?.unit) who.push(`责任单位：${p.unit}`);
    if (p?.leader) who.push(`包联领导：${p.leader}`);
    let text = who.length > 0 ? `${who.join('；')}。` : '';
    if (light === '绿') text += '该项目进度正常（绿灯）';
    else text += `该项目为${light}灯项目${reasons.length > 0 ? `，${reasonsText(reasons)}` : ''}`;
    text += '。';
    if (item.notes) text += `会上，${reportSentence(item.notes, p?.unit)}`;
    blocks.push({ type: 'paragraph', text });
    if (item.decisions.length > 0) {
      blocks.push({ type: 'paragraph', text: '会议议定：' });
      blocks.push({
        type: 'list',
        items: item.decisions.map(
          (d, k) => `${k + 1}.${decisionSentence({ ...d, text: withoutDecisionIds(d.text) })}`,
        ),
      });
    } else {
      blocks.push({ type: 'paragraph', text: '本次会议未就该项目形成新的议定事项。' });
    }
    const entry: MinutesData['items'][number] = {
      project: item.project,
      name: projectLabel(p, item.project),
      light,
      reasons: [...reasons],
      decisions: item.decisions.map((d) => {
        const out: MinutesData['items'][number]['decisions'][number] = {
          id: d.id,
          text: d.text,
          unit: d.unit,
          due: d.due,
        };
        if (d.coUnits?.length) out.coUnits = [...d.coUnits];
        if (d.owner) out.owner = d.owner;
        return out;
      }),
    };
    if (p?.unit) entry.unit = p.unit;
    if (p?.leader) entry.leader = p.leader;
    if (item.seconds !== undefined) entry.seconds = item.seconds;
    if (figures) {
      entry.figures = {
        annualPlan: figures.annualPlan,
        completedYear: figures.completedYear,
        completionRate: rateData(figures.completionRate),
        timeProgress: rateData(figures.timeProgress),
      };
    }
    if (item.notes) entry.notes = item.notes;
    itemsData.push(entry);
  });
  if (notTakenUp.length > 0) {
    blocks.push({
      type: 'paragraph',
      text: `会议议程所列其余${notTakenUp.length}个项目本次会议未逐项研究，由各责任单位对照滞后原因抓紧推进。`,
    });
  }
  const general = meeting.general ?? [];
  const decisionCount = meetingDecisions(meeting).length;

  // 四、综合事项 (only when the meeting agreed on some): decisions tied to no project
  let section = 4;
  if (general.length > 0) {
    blocks.push({ type: 'heading', level: 1, text: `${sectionLabel(section++)}综合事项` });
    blocks.push({ type: 'paragraph', text: '会议议定：' });
    blocks.push({
      type: 'list',
      items: general.map(
        (d, k) => `${k + 1}.${decisionSentence({ ...d, text: withoutDecisionIds(d.text) })}`,
      ),
    });
  }

  // 四（有综合事项时为五）、下步工作要求
  blocks.push({ type: 'heading', level: 1, text: `${sectionLabel(section)}下步工作要求` });
  const reqs: string[] = [];
  const decisionUnits = unitsOf(meetingDecisions(meeting));
  if (decisionCount > 0) {
    reqs.push(
      `抓好本次议定事项落实。本次会议议定事项${decisionCount}项，${joinNames(decisionUnits)}要按照明确的完成时限逐项抓好落实，做到件件有着落、事事有回音，落实情况在下次调度会上报告。`,
    );
  }
  if (prev.overdue.length > 0) {
    reqs.push(
      `限期办结逾期事项。${joinNames(unitsOf(prev.overdue))}要对逾期未落实的${prev.overdue.length}项议定事项说明原因、明确办结时间，尽快办结销号。`,
    );
  }
  if (laggingItems.length > 0) {
    const red = laggingItems.filter((it) => lightOf(it) === '红').length;
    reqs.push(
      `加快滞后项目推进。对本次会议研究的${laggingItems.length}个滞后项目，各包联领导和责任单位要逐项制定赶超措施、倒排工期` +
        (red > 0 ? `，${red}个红灯项目责任单位要在下次调度会上专题汇报整改进展。` : '，尽快扭转滞后局面。'),
    );
  }
  if (overall.completionRate !== null && pointsGap(overall.timeProgress, overall.completionRate) > 0) {
    reqs.push(
      `加快投资完成进度。${region}年度投资完成率${formatPercent(overall.completionRate)}，${progressComparison(overall.completionRate, overall.timeProgress)}，各责任单位要对标序时进度，加快形成实物工作量。`,
    );
  }
  reqs.push(
    `及时更新项目台账。各责任单位要及时、准确报送项目进展和投资完成情况${register.meta.issuer ? `，${selfReference(register.meta.issuer)}将加强跟踪督办` : ''}。`,
  );
  blocks.push({ type: 'list', items: reqs.map((r, i) => `${i + 1}.${r}`) });

  blocks.push({
    type: 'attendance',
    present: [...h.present],
    absent: [...h.absent],
    attending: [...h.attending],
  });

  const meetingData: MinutesData['meeting'] = {
    date: day,
    kind: h.kind,
    number,
    title,
    present: [...h.present],
    absent: [...h.absent],
    attending: [...h.attending],
    closed: h.closed,
  };
  if (h.chair) meetingData.chair = h.chair;
  if (h.place) meetingData.place = h.place;
  if (h.asOf) meetingData.asOf = h.asOf;
  const data: MinutesData = {
    meeting: meetingData,
    register: { title: register.meta.title, region, asOf: register.meta.asOf },
    figuresFrom,
    overall: overallData(overall),
    previousDecisions: prev,
    heardCount,
    items: itemsData,
    notTakenUp: notTakenUp.map((it) => it.project),
    general: general.map((d) => ({ ...d })),
    decisionCount,
  };

  const doc: BriefingDocument = {
    kind: 'minutes',
    title: minutesTitle(region, h.kind),
    issueLine: issueLine(number),
    date: day,
    dateText: formatDate(day),
    blocks,
    attachments: [],
    data,
  };
  if (register.meta.issuer) doc.issuer = register.meta.issuer;
  addOfficeMarks(doc, register.meta);
  return doc;
}

/**
 * The 版头 and 版记 of the Word document from the register's optional keys (issuer_mark, doc_number,
 * cc, printed_by): a bulletin with an issuer gets the red 发文机关标志 ("…文件" unless issuer_mark says
 * otherwise); a 版记 is printed when cc or printed_by is given, dated on the document's date.
 */
function addOfficeMarks(doc: BriefingDocument, meta: Register['meta']): void {
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

// ---------------------------------------------------------------------------------------------
// bulletin

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

export function buildBulletin(input: BulletinInput): BriefingDocument {
  const { register } = input;
  const { region, asOf, moneyUnit } = register.meta;
  const day = asOf;
  const month = bulletinMonth(register);
  const monthStart = `${month}-01`;
  const monthEnd = endOfMonth(asOf);
  const { year: y, month: m } = dateParts(asOf);
  const projects = projectIndex(register);
  const issued = input.issued ?? asOf;
  const recipients = register.meta.recipients ?? defaultRecipients(region);

  const meetings = input.meetings ? input.meetings.filter((mt) => mt.meeting.date <= day) : undefined;
  const ledger = meetings ? buildLedger(meetings, day) : undefined;
  const assessment: RegisterAssessment = assessRegister(register, ledger);
  const tp = assessment.timeProgress;
  const figures = registerFigures(register, assessment.statuses);
  const units = unitRanking(assessment.statuses);
  const areas = areaRanking(assessment.statuses);
  const rb = redBlackList(units, tp);
  const problems = problemFigures(register.projects, day);
  const decisions = ledger ? decisionFigures(ledger, day) : null;
  const history = historyParts(input, assessment.statuses, meetings, ledger);

  const blocks: Block[] = [];
  // 主送机关, flush left (GB/T 9704 §7.3.2), then the opening line.
  blocks.push({
    type: 'paragraph',
    text: `${trimSentenceEnd(recipients).replace(/[：:]$/u, '')}：`,
    flush: true,
  });
  blocks.push({
    type: 'paragraph',
    text: `为全面掌握${region}重点项目建设进展，压实项目推进责任，按照“周调度、月通报、季考核”工作机制，现将${m}月份${regionScope(region)}重点项目建设情况通报如下：`,
  });

  // 一、总体情况
  blocks.push({ type: 'heading', level: 1, text: `${sectionLabel(1)}总体情况` });
  for (const text of overallParagraphs(region, overallOfRegister(register, figures), true))
    blocks.push({ type: 'paragraph', text });
  blocks.push({ type: 'paragraph', text: history.overallText });

  // 二、各责任单位推进情况
  blocks.push({ type: 'heading', level: 1, text: `${sectionLabel(2)}各责任单位推进情况` });
  const rated = units.filter((r) => r.completionRate !== null);
  const met = rated.filter((r) => metTimeProgress(r, tp)).length;
  let unitText = `纳入调度的${units.length}个责任单位中，${met}个单位投资完成率达到或超过序时进度，${rated.length - met}个单位低于序时进度`;
  if (rated.length < units.length)
    unitText += `，${units.length - rated.length}个单位无年度计划投资、不参与完成率排名`;
  unitText += '。各责任单位推进情况如下表（按投资完成率排序）：';
  blocks.push({ type: 'paragraph', text: unitText });
  blocks.push(rankingTable(units, '责任单位', moneyUnit, history.moves));
  const chart = unitChart(units, tp);
  if (chart) blocks.push(chart);
  if (areas.length > 0) {
    blocks.push({ type: 'paragraph', text: `按片区（园区）统计，各片区推进情况如下表：` });
    blocks.push(rankingTable(areas, '片区（园区）', moneyUnit));
  }
  blocks.push(...history.leaderBlocks);

  // 三、红黑榜
  blocks.push({ type: 'heading', level: 1, text: `${sectionLabel(3)}红黑榜` });
  blocks.push({
    type: 'paragraph',
    text:
      rb.red.length > 0
        ? `红榜：${rb.red.map((r) => listedUnit(r, tp, false)).join('、')}。`
        : '红榜：本月没有责任单位投资完成率达到序时进度，红榜空缺。',
  });
  blocks.push({
    type: 'paragraph',
    text:
      rb.black.length > 0
        ? `黑榜：${rb.black.map((r) => listedUnit(r, tp, true)).join('、')}。`
        : '黑榜：各责任单位投资完成率均达到序时进度，黑榜空缺。',
  });

  // 四、进度滞后项目
  blocks.push({ type: 'heading', level: 1, text: `${sectionLabel(4)}进度滞后项目` });
  const lagging = assessment.lagging;
  const reds = lagging.filter((s) => s.light === '红');
  const yellows = lagging.filter((s) => s.light === '黄');
  if (lagging.length === 0) {
    blocks.push({ type: 'paragraph', text: `截至${formatDate(day)}，全部项目均为绿灯，无进度滞后项目。` });
  } else {
    blocks.push({
      type: 'paragraph',
      text: `截至${formatDate(day)}，${laggardSummary(lagging.map((s) => s.project.name))}，其中亮红灯${reds.length}个、亮黄灯${yellows.length}个。具体如下：`,
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
          return `${i + 1}.${s.project.name}（${who.join('，')}）：${reasonsText(s.flags.map((f) => f.reason))}。`;
        }),
      });
    }
  }
  for (const text of history.laggingTexts) blocks.push({ type: 'paragraph', text });

  // 五、问题解决和议定事项落实情况
  blocks.push({ type: 'heading', level: 1, text: `${sectionLabel(5)}问题解决和议定事项落实情况` });
  blocks.push({ type: 'heading', level: 2, text: `${subsectionLabel(1)}问题解决情况` });
  if (problems.raised === 0) {
    blocks.push({ type: 'paragraph', text: '台账未登记项目存在问题。' });
  } else {
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
  }
  blocks.push({ type: 'heading', level: 2, text: `${subsectionLabel(2)}议定事项落实情况` });
  let decisionsData: BulletinData['decisions'] = null;
  if (!meetings || !ledger || !decisions) {
    blocks.push({ type: 'paragraph', text: '本期未提供调度会议记录，议定事项落实情况不在本通报中统计。' });
  } else {
    const inMonth = meetings.filter((mt) => mt.meeting.date >= monthStart && mt.meeting.date <= monthEnd);
    const decisionsInMonth = inMonth.reduce((n, mt) => n + meetingDecisions(mt).length, 0);
    const s = decisions.summary;
    const overdueList = ledger
      .filter((e) => e.state === 'overdue' && e.meetingDate <= day)
      .sort(compareLedgerEntries)
      .map((e) => decisionData(e, projects));
    decisionsData = {
      ...decisions,
      onTimeRateText: rateData(decisions.onTimeRate).text,
      meetingsInMonth: inMonth.length,
      decisionsInMonth,
      overdueList,
    };
    if (s.total === 0) {
      blocks.push({ type: 'paragraph', text: `截至${formatDate(day)}，调度会议尚未形成议定事项。` });
    } else {
      let text = `${m}月份共召开调度会${inMonth.length}次，议定事项${decisionsInMonth}项。`;
      text +=
        `截至${formatDate(day)}，全年累计议定事项${s.total}项，已落实${s.done}项、推进中${s.open}项、逾期未落实${s.overdue}项` +
        (s.dropped > 0 ? `、撤销${s.dropped}项` : '') +
        '。';
      text +=
        decisions.due > 0
          ? `已到完成时限的事项${decisions.due}项，其中按时落实${decisions.doneOnTime}项、超期落实${decisions.doneLate}项、逾期未落实${decisions.due - decisions.doneOnTime - decisions.doneLate}项，按时落实率${formatPercent(decisions.onTimeRate ?? 0)}。`
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
        rows: [...decisions.byUnit]
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
      if (overdueList.length > 0) {
        blocks.push({ type: 'paragraph', text: '逾期未落实的议定事项：' });
        blocks.push({
          type: 'list',
          items: overdueList.map((d, i) =>
            previousDecisionLine(
              d,
              i,
              true,
              d.noteHeardOn ? `最新进展（${formatMonthDay(d.noteHeardOn)}）：` : '最新进展：',
            ),
          ),
        });
      }
    }
    if (history.retimedText) blocks.push({ type: 'paragraph', text: history.retimedText });
  }

  // 六、下步工作要求
  blocks.push({ type: 'heading', level: 1, text: `${sectionLabel(6)}下步工作要求` });
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
  if (decisions && decisions.summary.overdue > 0 && decisionsData) {
    reqs.push(
      `狠抓议定事项落实。${joinNames(unitsOf(decisionsData.overdueList))}要对逾期未落实的${decisions.summary.overdue}项议定事项说明原因、限期办结，做到件件有着落、事事有回音。`,
    );
  }
  reqs.push(
    `严格督查考核。坚持“周调度、月通报、季考核”，各责任单位要及时、准确更新项目台账，通报结果纳入季度考核${register.meta.issuer ? `，${selfReference(register.meta.issuer)}将加强跟踪督办` : ''}。`,
  );
  blocks.push({ type: 'list', items: reqs.map((r, i) => `${i + 1}.${r}`) });

  // 附件: the full progress table, in register order.
  const attachmentRows: Cell[][] = [];
  const projectsData: BulletinData['projects'] = [];
  for (const s of assessment.statuses) {
    const p = s.project;
    attachmentRows.push([
      textCell(p.id),
      textCell(p.name),
      textCell(p.unit),
      textCell(p.leader ?? ''),
      moneyCell(p.annualPlan, moneyUnit),
      moneyCell(p.completedYear, moneyUnit),
      rateCell(s.completionRate),
      lightCell(s.light),
      textCell(p.progress ?? ''),
    ]);
    const row: BulletinData['projects'][number] = {
      id: p.id,
      name: p.name,
      unit: p.unit,
      annualPlan: p.annualPlan,
      completedYear: p.completedYear,
      completionRate: rateData(s.completionRate),
      light: s.light,
    };
    if (p.leader) row.leader = p.leader;
    if (p.progress) row.progress = p.progress;
    projectsData.push(row);
  }

  const data: BulletinData = {
    month,
    asOf,
    issued,
    recipients,
    region,
    overall: overallData(overallOfRegister(register, figures)),
    unitRanking: units.map((r) => rankingData(r, tp)),
    areaRanking: areas.map((r) => rankingData(r, tp)),
    redList: rb.red.map((r) => rankingData(r, tp)),
    blackList: rb.black.map((r) => rankingData(r, tp)),
    lagging: lagging.map((s) => {
      const out: BulletinData['lagging'][number] = {
        id: s.project.id,
        name: s.project.name,
        unit: s.project.unit,
        light: s.light,
        completionRate: rateData(s.completionRate),
        reasons: s.flags.map((f) => f.reason),
      };
      if (s.project.leader) out.leader = s.project.leader;
      return out;
    }),
    problems: { ...problems, resolvedRateText: rateData(problems.resolvedRate).text },
    monthOnMonth: history.monthOnMonth,
    leaders: history.leaders,
    repeatRed: history.repeatRed,
    repeatRetimed: history.repeatRetimed,
    decisions: decisionsData,
    projects: projectsData,
  };

  const doc: BriefingDocument = {
    kind: 'bulletin',
    title: bulletinTitle(region, asOf),
    asOf,
    date: issued,
    dateText: formatDate(issued),
    blocks,
    attachments: [
      {
        title: `${y}年${m}月份${region}重点项目建设进度表`,
        blocks: [
          {
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
            rows: attachmentRows,
          },
        ],
      },
    ],
    data,
  };
  if (register.meta.issuer) doc.issuer = register.meta.issuer;
  addOfficeMarks(doc, register.meta);
  return doc;
}

// ---------------------------------------------------------------------------------------------
// bulletin: 环比, repeat offenders and 包联领导 (issue 12), built once and placed by buildBulletin

interface HistoryParts {
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

function historyParts(
  input: BulletinInput,
  statuses: readonly ProjectStatus[],
  meetings: readonly Meeting[] | undefined,
  ledger: readonly LedgerEntry[] | undefined,
): HistoryParts {
  const { register, previous } = input;
  const day = register.meta.asOf;
  const byId = projectIndex(register);
  let monthOnMonth: MonthOnMonth | null = null;
  let overallText = '本期无上月台账数据，不作环比。';
  if (previous) {
    const problem = monthOnMonthProblem(register, previous);
    if (problem === 'year') overallText = '上月台账数据不属于本年度，本期不作环比。';
    else if (problem === null) {
      const prevDay = previous.meta.asOf;
      const prevLedger = meetings
        ? buildLedger(
            meetings.filter((m) => m.meeting.date <= prevDay),
            prevDay,
          )
        : undefined;
      monthOnMonth = compareMonths(
        { register, statuses },
        { register: previous, statuses: assessRegister(previous, prevLedger).statuses },
      );
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
