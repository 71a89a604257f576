// The weekly minutes (周调度会议纪要) as a BriefingDocument: sections, sentences and tables in
// official wording, plus `data` with the same figures as plain numbers so that a script can check
// the text. docs/domain.md#the-weekly-minutes gives the sections, docs/minutes-rules.md the rules; one
// function per section (opening, 一 … 五, attendance). Pure: no I/O.
import { assessOnDay } from '../domain/assess-on-day.js';
import { pointsGap, registerFigures } from '../domain/figures.js';
import { buildLedger, compareLedgerEntries, isOpenState, meetingDecisions } from '../domain/ledger.js';
import type {
  Decision,
  IsoDate,
  ItemFigures,
  LedgerEntry,
  Light,
  Meeting,
  MeetingKind,
  Project,
  ProjectStatus,
  Register,
} from '../domain/types.js';
import { itemState } from '../domain/meeting-snapshot.js';
import type { Block, BriefingDocument } from './document.js';
import {
  decisionSentence,
  formatDate,
  formatPercent,
  formatMonthDay,
  issueLine,
  joinNames,
  progressComparison,
  sectionLabel,
  selfReference,
  sentence,
  splitTitle,
  subsectionLabel,
  titledName,
  withoutDecisionIds,
} from './wording.js';
import {
  overallData,
  overallOfRegister,
  overallOfSnapshot,
  overallParagraphs,
  rateData,
  type Overall,
  type OverallData,
  type RateData,
} from './overall.js';
import {
  addOfficeMarks,
  decisionData,
  previousDecisionLine,
  projectIndex,
  projectLabel,
  reasonsText,
  unitsOf,
  type DecisionData,
} from './pieces.js';

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
    /** as recorded (an empty co-unit list left out) */
    decisions: Decision[];
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
 * 期数 (docs/formats.md#meeting-header: counted per kind and year unless set): the meeting's own number, else one more
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

// ---------------------------------------------------------------------------------------------
// the minutes, section by section (docs/domain.md#the-weekly-minutes)

type AgendaItem = Meeting['items'][number];

/** What the sections of the minutes read: the meeting, the state at it, the decisions heard. */
export interface MinutesFacts {
  input: MinutesInput;
  meeting: Meeting;
  h: Meeting['meeting'];
  register: Register;
  day: IsoDate;
  region: string;
  projects: Map<string, Project>;
  number: number;
  title: string;
  statusById: Map<string, ProjectStatus>;
  timeProgress: number;
  registerIsThen: boolean;
  overall: Overall;
  figuresFrom: MinutesData['figuresFrom'];
  /** earlier decisions this meeting reports on (open on the day, or heard since the previous meeting) */
  earlier: LedgerEntry[];
  prev: MinutesData['previousDecisions'];
  heardCount: number;
  /** agenda items taken up, the others, and the lagging ones taken up */
  discussed: AgendaItem[];
  notTakenUp: AgendaItem[];
  laggingItems: AgendaItem[];
  lightOf: (it: AgendaItem) => Light;
}

export function minutesFacts(input: MinutesInput): MinutesFacts {
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
  const { assessment } = assessOnDay(register, day, history);
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

  const lightOf = (it: AgendaItem): Light => it.light ?? statusById.get(it.project)?.light ?? '绿';
  const discussed = meeting.items.filter(takenUp);
  return {
    input,
    meeting,
    h,
    register,
    day,
    region,
    projects,
    number,
    title: h.title || `${region}重点项目${kindWord(h.kind)}会`,
    statusById,
    timeProgress: assessment.timeProgress,
    registerIsThen,
    overall,
    figuresFrom,
    earlier,
    prev,
    heardCount,
    discussed,
    notTakenUp: meeting.items.filter((it) => !takenUp(it)),
    laggingItems: discussed.filter((it) => lightOf(it) !== '绿'),
    lightOf,
  };
}

/** The opening paragraph: when, who chaired, who attended, what was heard. */
export function minutesOpening(f: MinutesFacts): Block {
  const { h, day } = f;
  const chair = h.chair ? splitTitle(h.chair) : undefined;
  let opening = `${formatDate(day)}，`;
  if (h.chair) opening += `${titledName(h.chair)}同志`;
  if (h.place) opening += `在${h.place}`;
  opening += `${h.chair ? '主持' : ''}召开${f.title}`;
  opening += '。';
  // The chair is named already; the others present follow.
  const attended = attendanceSentence(h.present.filter((n) => splitTitle(n).name !== chair?.name));
  if (attended) opening += attended;
  const heard: string[] = ['听取了各责任单位重点项目推进情况汇报'];
  if (f.heardCount > 0) heard.push('检查了上次会议议定事项落实情况');
  if (f.discussed.length > 0) {
    heard.push(
      f.laggingItems.length > 0
        ? `逐一研究了${f.laggingItems.length}个进度滞后项目存在的问题`
        : `研究了${f.discussed.length}个项目推进中的问题`,
    );
  }
  opening += `会议${heard.join('，')}。现将会议议定事项纪要如下：`;
  return { type: 'paragraph', text: opening };
}

/** 一、总体进展 */
export function minutesOverall(f: MinutesFacts): Block[] {
  return [
    { type: 'heading', level: 1, text: `${sectionLabel(1)}总体进展` },
    ...overallParagraphs(f.region, f.overall, false, f.day).map(
      (text): Block => ({ type: 'paragraph', text }),
    ),
  ];
}

/** 二、上次会议议定事项落实情况 */
export function minutesPreviousDecisions(f: MinutesFacts): Block[] {
  const { earlier, prev, heardCount, day } = f;
  const blocks: Block[] = [{ type: 'heading', level: 1, text: `${sectionLabel(2)}上次会议议定事项落实情况` }];
  if (earlier.length === 0) {
    blocks.push({ type: 'paragraph', text: '本次会议无需报告落实情况的前期议定事项。' });
    return blocks;
  }
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
  return blocks;
}

/** 三 for one agenda item taken up: who, why it lags, what was heard, the decisions; and its data. */
export function minutesItem(
  f: MinutesFacts,
  item: AgendaItem,
  i: number,
): { blocks: Block[]; data: MinutesData['items'][number] } {
  const p = f.projects.get(item.project);
  const status: ProjectStatus | undefined = f.statusById.get(item.project);
  const light = f.lightOf(item);
  const reasons =
    item.reasons.length > 0 ? item.reasons : light !== '绿' ? (status?.flags.map((x) => x.reason) ?? []) : [];
  const figures: ItemFigures | undefined =
    item.figures ?? (status && f.registerIsThen ? itemState(status, f.timeProgress).figures : undefined);
  const spent = f.input.times && item.seconds !== undefined ? timeSpentText(item.seconds) : '';
  const blocks: Block[] = [
    {
      type: 'heading',
      level: 2,
      text: `${subsectionLabel(i + 1)}${projectLabel(p, item.project)}${spent}`,
    },
  ];
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
  const data: MinutesData['items'][number] = {
    project: item.project,
    name: projectLabel(p, item.project),
    light,
    reasons: [...reasons],
    decisions: item.decisions.map((d) => {
      const out: Decision = {
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
  if (p?.unit) data.unit = p.unit;
  if (p?.leader) data.leader = p.leader;
  if (item.seconds !== undefined) data.seconds = item.seconds;
  if (figures) {
    data.figures = {
      annualPlan: figures.annualPlan,
      completedYear: figures.completedYear,
      completionRate: rateData(figures.completionRate),
      timeProgress: rateData(figures.timeProgress),
    };
  }
  if (item.notes) data.notes = item.notes;
  return { blocks, data };
}

/** 三、滞后项目及议定事项: only the items taken up; the rest of the agenda in one sentence. */
export function minutesItems(f: MinutesFacts): { blocks: Block[]; items: MinutesData['items'] } {
  const blocks: Block[] = [{ type: 'heading', level: 1, text: `${sectionLabel(3)}滞后项目及议定事项` }];
  const items: MinutesData['items'] = [];
  if (f.discussed.length === 0) {
    blocks.push({ type: 'paragraph', text: '本次会议未逐项研究具体项目。' });
  }
  f.discussed.forEach((item, i) => {
    const one = minutesItem(f, item, i);
    blocks.push(...one.blocks);
    items.push(one.data);
  });
  if (f.notTakenUp.length > 0) {
    blocks.push({
      type: 'paragraph',
      text: `会议议程所列其余${f.notTakenUp.length}个项目本次会议未逐项研究，由各责任单位对照滞后原因抓紧推进。`,
    });
  }
  return { blocks, items };
}

/** 四、综合事项 (only when the meeting agreed on some): decisions tied to no project. */
export function minutesGeneral(f: MinutesFacts, section: number): Block[] {
  const general = f.meeting.general ?? [];
  if (general.length === 0) return [];
  return [
    { type: 'heading', level: 1, text: `${sectionLabel(section)}综合事项` },
    { type: 'paragraph', text: '会议议定：' },
    {
      type: 'list',
      items: general.map(
        (d, k) => `${k + 1}.${decisionSentence({ ...d, text: withoutDecisionIds(d.text) })}`,
      ),
    },
  ];
}

/** 四（有综合事项时为五）、下步工作要求 */
export function minutesRequirements(f: MinutesFacts, section: number): Block[] {
  const { meeting, prev, laggingItems, overall, region, register } = f;
  const reqs: string[] = [];
  const decisionCount = meetingDecisions(meeting).length;
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
    const red = laggingItems.filter((it) => f.lightOf(it) === '红').length;
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
  return [
    { type: 'heading', level: 1, text: `${sectionLabel(section)}下步工作要求` },
    { type: 'list', items: reqs.map((r, i) => `${i + 1}.${r}`) },
  ];
}

/** 出席 / 请假 / 列席 (GB/T 9704 §10.3) */
export function minutesAttendance(f: MinutesFacts): Block {
  return {
    type: 'attendance',
    present: [...f.h.present],
    absent: [...f.h.absent],
    attending: [...f.h.attending],
  };
}

/** `data`: the same facts as plain values, for scripts (JSON). */
export function minutesData(f: MinutesFacts, items: MinutesData['items']): MinutesData {
  const { h, day, register, region } = f;
  const meetingData: MinutesData['meeting'] = {
    date: day,
    kind: h.kind,
    number: f.number,
    title: f.title,
    present: [...h.present],
    absent: [...h.absent],
    attending: [...h.attending],
    closed: h.closed,
  };
  if (h.chair) meetingData.chair = h.chair;
  if (h.place) meetingData.place = h.place;
  if (h.asOf) meetingData.asOf = h.asOf;
  return {
    meeting: meetingData,
    register: { title: register.meta.title, region, asOf: register.meta.asOf },
    figuresFrom: f.figuresFrom,
    overall: overallData(f.overall),
    previousDecisions: f.prev,
    heardCount: f.heardCount,
    items,
    notTakenUp: f.notTakenUp.map((it) => it.project),
    general: (f.meeting.general ?? []).map((d) => ({ ...d })),
    decisionCount: meetingDecisions(f.meeting).length,
  };
}

export function buildMinutes(input: MinutesInput): BriefingDocument {
  const f = minutesFacts(input);
  const { h, day, register, region } = f;
  const items = minutesItems(f);
  const hasGeneral = (f.meeting.general ?? []).length > 0;
  const blocks: Block[] = [
    minutesOpening(f),
    ...minutesOverall(f),
    ...minutesPreviousDecisions(f),
    ...items.blocks,
    ...minutesGeneral(f, 4),
    ...minutesRequirements(f, hasGeneral ? 5 : 4),
    minutesAttendance(f),
  ];
  const doc: BriefingDocument = {
    kind: 'minutes',
    title: minutesTitle(region, h.kind),
    issueLine: issueLine(f.number),
    date: day,
    dateText: formatDate(day),
    blocks,
    attachments: [],
    data: minutesData(f, items.items),
  };
  if (register.meta.issuer) doc.issuer = register.meta.issuer;
  addOfficeMarks(doc, register.meta);
  return doc;
}
