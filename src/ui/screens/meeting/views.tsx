// What the meeting room shows: the agenda, the follow-up list, one project, the closing summary.
// Pure views: they draw from the meeting (as saved) and the UI state; the room handles the keys.
// The key hints inside them come from the key-binding table (keyHint), never typed here.
import { Box, Text } from 'ink';
import { formatPercent } from '../../../domain/figures.js';
import { RED_STREAK, redStreaks } from '../../../domain/repeat-offenders.js';
import { decisionUnitsText, formatMoney, progressComparison } from '../../../briefing/wording.js';
import type { Followup, LedgerEntry, Meeting, MeetingItem } from '../../../domain/types.js';
import type { LoadedData } from '../../../app/session.js';
import { hintLine, keyHint } from '../../key-bindings.js';
import { displayWidth, fitToWidth, truncateToWidth } from '../../../text/width.js';
import { LIGHT_COLOR, LIGHT_MARK } from '../chrome.js';
import { followupColor, followupLabel, stateText } from '../decision-labels.js';
import { wrapText } from '../lines.js';
import { generalRowText } from './general-view.js';
import type { Line } from '../lines.js';

/** "；按 T 接管记录": how a read-only meeting is taken over, from the key table. */
function takeOverHint(context: 'agenda' | 'followups'): string {
  const hint = keyHint(context, 'meeting.takeOver');
  return hint ? `；按 ${hint.keys} 接管记录` : '';
}

/** A window of `height` rows that keeps `cursor` in view. */
export function windowStart(count: number, height: number, cursor: number): number {
  if (count <= height) return 0;
  const half = Math.floor(height / 2);
  return Math.max(0, Math.min(count - height, cursor - half));
}

function LineList(props: { lines: readonly Line[]; width: number }) {
  return (
    <>
      {props.lines.map((l, i) => (
        <Text key={i} color={l.color} bold={l.bold} dimColor={l.dim} inverse={l.inverse} wrap="truncate">
          {truncateToWidth(l.text, props.width) || ' '}
        </Text>
      ))}
    </>
  );
}

/** A rule across the width with a title: "── 本次议定事项（2） ─────". */
function ruleLine(title: string, width: number): string {
  const head = `── ${title} `;
  return truncateToWidth(head + '─'.repeat(Math.max(0, width - displayWidth(head))), width, '');
}

export function meetingTitle(m: Meeting, number: number | undefined): string {
  const h = m.meeting;
  const parts = [`${h.date} ${h.kind}会${number !== undefined ? ` 第${number}期` : ''}`];
  if (h.chair) parts.push(`主持 ${h.chair}`);
  if (h.present.length > 0) parts.push(`出席 ${h.present.join('、')}`);
  if (h.absent.length > 0) parts.push(`请假 ${h.absent.join('、')}`);
  return parts.join(' · ');
}

/** This meeting's follow-ups by decision id. */
export function heardMap(meeting: Meeting): Map<string, Followup> {
  return new Map(meeting.followups.map((f) => [f.decision, f]));
}

// ---- the agenda ----

export function followupSummary(
  entries: readonly LedgerEntry[],
  heard: ReadonlyMap<string, Followup>,
): string {
  const waiting = entries.filter((e) => !heard.has(e.decision.id));
  const overdue = waiting.filter((e) => e.state === 'overdue').length;
  const done = entries.length - waiting.length;
  return `上次会议议定事项落实情况（${entries.length}项，已听取${done}项，未听取${waiting.length}项${overdue > 0 ? `，其中逾期${overdue}项` : ''}）`;
}

// red streaks of the meetings before a meeting's date, computed once per meetings list and date
const streakCache = new WeakMap<readonly Meeting[], { date: string; streaks: Map<string, number> }>();
function streaksBefore(meetings: readonly Meeting[], date: string): Map<string, number> {
  const hit = streakCache.get(meetings);
  if (hit && hit.date === date) return hit.streaks;
  const streaks = redStreaks(meetings.filter((m) => m.meeting.date < date));
  streakCache.set(meetings, { date, streaks });
  return streaks;
}

/** The agenda's rows as aligned columns: 序号, 灯, 编号, 名称, 责任单位 (wide: 包联领导, 完成率), 议定. */
export function agendaRows(meeting: Meeting, data: LoadedData, width: number): Line[] {
  const items = meeting.items;
  const wide = width >= 120;
  const idWidth = Math.max(4, ...items.map((i) => displayWidth(i.project)));
  const units = items.map((i) => data.statusById.get(i.project)?.project.unit ?? '');
  const unitWidth = Math.min(14, Math.max(8, ...units.map(displayWidth)));
  const leaderWidth = 8;
  const rateWidth = 7;
  const decidedWidth = displayWidth('议定10项');
  // " 12. ●红 " (9 columns) and the id, then the name (what is left), the unit, … each after a space
  const fixed =
    9 + idWidth + 1 + 1 + unitWidth + 1 + decidedWidth + (wide ? leaderWidth + 1 + rateWidth + 1 : 0);
  // as wide as the longest name, no wider: on a projector the unit stays next to the name
  const streaks = streaksBefore(data.meetings, meeting.meeting.date);
  const names = items.map((i) => {
    const name = data.statusById.get(i.project)?.project.name ?? '（台账中无此项目）';
    // 连续调度仍为红灯, this meeting included (issue 12): tagged 【连红N】
    const n = i.light === '红' ? (streaks.get(i.project) ?? 0) + 1 : 0;
    return n >= RED_STREAK ? `【连红${n}】${name}` : name;
  });
  const nameWidth = Math.max(8, Math.min(width - fixed, Math.max(0, ...names.map(displayWidth))));
  return items.map((item, i) => {
    const status = data.statusById.get(item.project);
    const p = status?.project;
    const light = item.light;
    const mark = light ? `${LIGHT_MARK[light]}${light}` : '   ';
    const decided = item.decisions.length > 0 ? `议定${item.decisions.length}项` : '';
    const cells = [
      `${String(i + 1).padStart(3)}. ${mark} ${fitToWidth(item.project, idWidth)}`,
      fitToWidth(names[i]!, nameWidth),
      fitToWidth(units[i] ?? '', unitWidth),
    ];
    if (wide) {
      cells.push(fitToWidth(p?.leader ?? '', leaderWidth));
      const rate = status?.completionRate;
      cells.push(
        fitToWidth(rate === null || rate === undefined ? '—' : formatPercent(rate), rateWidth, 'right'),
      );
    }
    cells.push(decided);
    if (item.status) cells.push(item.status === '已讨论' ? '✓已讨论' : '跳过');
    return {
      text: cells.join(' '),
      ...(light ? { color: LIGHT_COLOR[light] } : {}),
    };
  });
}

export function AgendaView(props: {
  meeting: Meeting;
  data: LoadedData;
  followups: readonly LedgerEntry[];
  heard: ReadonlyMap<string, Followup>;
  cursor: number;
  height: number;
  width: number;
  title: string;
  readOnly: boolean;
}) {
  const { meeting, data, cursor, width } = props;
  const rows: Line[] = [
    { text: `  ${followupSummary(props.followups, props.heard)}`, bold: true },
    ...agendaRows(meeting, data, width),
    { text: generalRowText(meeting) },
  ];
  if (meeting.items.length === 0) {
    const add = keyHint('agenda', 'meeting.addItem', { label: '加入项目' });
    rows.push({
      text: `     议程为空${add && !props.readOnly ? `：按 ${add.keys} 加入项目` : ''}`,
      dim: true,
    });
  }
  const listHeight = Math.max(1, props.height - 2);
  const start = windowStart(rows.length, listHeight, cursor);
  const shown = rows
    .slice(start, start + listHeight)
    .map((l, i) => (start + i === cursor ? { ...l, text: `▶${l.text.slice(1)}`, inverse: true } : l));
  const keys = props.readOnly
    ? `只读：可以查看议程、项目和落实情况，不能修改${takeOverHint('agenda')}`
    : hintLine([
        keyHint('agenda', ['meeting.moveItemUp', 'meeting.moveItemDown'], { first: true, label: '调整顺序' }),
        keyHint('agenda', 'meeting.dropItem', { label: '移出议程' }),
        keyHint('agenda', 'meeting.addItem', { label: '加入项目' }),
        keyHint('agenda', 'meeting.followups', { label: '听取落实情况' }),
        keyHint('agenda', 'meeting.close', { label: '结束会议' }),
      ]);
  return (
    <Box flexDirection="column">
      <Text wrap="truncate">{truncateToWidth(` ${props.title}`, width)}</Text>
      <Text dimColor wrap="truncate">
        {truncateToWidth(` ${keys}`, width)}
      </Text>
      <LineList lines={shown} width={width} />
    </Box>
  );
}

// ---- the follow-ups ----

/** Columns of the label "【本次：已落实】" plus a space. */
const FOLLOWUP_LABEL_WIDTH = 17;

/** Lines under the list: a rule, the decision (two lines at most), its unit and time limit, what was heard. */
export const FOLLOWUP_DETAIL_LINES = 6;

export function followupRows(
  entries: readonly LedgerEntry[],
  heard: ReadonlyMap<string, Followup>,
  start: number,
  count: number,
  cursor: number,
): Line[] {
  return entries.slice(start, start + count).map((e, i) => {
    const f = heard.get(e.decision.id);
    const selected = start + i === cursor;
    const label = fitToWidth(`【${followupLabel(e, f)}】`, FOLLOWUP_LABEL_WIDTH);
    const color = followupColor(e, f);
    return {
      text: `${selected ? '▶' : ' '}${label}${e.decision.id} ${e.decision.text}（${e.decision.unit}）`,
      ...(color ? { color } : {}),
      ...(f?.status === '撤销' ? { dim: true } : {}),
      bold: !f && e.state === 'overdue',
      inverse: selected,
    };
  });
}

export function followupDetail(
  selected: LedgerEntry,
  heard: Followup | undefined,
  data: LoadedData,
  width: number,
): Line[] {
  const d = selected.decision;
  const p = data.statusById.get(selected.project)?.project;
  const out: Line[] = [{ text: '─'.repeat(width), dim: true }];
  out.push({
    text: `${d.id}（${selected.meetingDate}会议）${p ? ` ${p.id} ${p.name}` : ` ${selected.project}`}`,
    dim: true,
  });
  const text = wrapText(d.text, width);
  if (text.length > 2) text[1] = truncateToWidth(`${text[1]!}${text[2]!}`, width);
  for (const t of text.slice(0, 2)) out.push({ text: t });
  if (text.length === 1) out.push({ text: '' });
  out.push({
    text: `${decisionUnitsText(d)}${d.owner ? ` · 责任人：${d.owner}` : ''} · 完成时限：${d.due}（${stateText(selected)}）`,
  });
  out.push(
    heard
      ? {
          text: `本次听取：${heard.status}${heard.note ? `，${heard.note}` : ''}`,
          bold: true,
          ...(followupColor(selected, heard) ? { color: followupColor(selected, heard)! } : {}),
        }
      : {
          text: `本次尚未听取${selected.latest ? `（上次：${selected.latest.status}${selected.latest.note ? `，${selected.latest.note}` : ''}）` : ''}`,
          bold: true,
        },
  );
  return out;
}

export function FollowupsView(props: {
  entries: readonly LedgerEntry[];
  meeting: Meeting;
  data: LoadedData;
  cursor: number;
  height: number;
  width: number;
  readOnly: boolean;
}) {
  const { entries, meeting, cursor, width } = props;
  const heard = heardMap(meeting);
  const listHeight = Math.max(1, props.height - 1 - FOLLOWUP_DETAIL_LINES);
  const start = windowStart(entries.length, listHeight, cursor);
  const lines = followupRows(entries, heard, start, listHeight, cursor);
  const selected = entries[cursor];
  const detail = selected ? followupDetail(selected, heard.get(selected.decision.id), props.data, width) : [];
  const keys = props.readOnly
    ? `只读：可以查看，不能记录落实情况${takeOverHint('followups')}`
    : `${hintLine([
        keyHint('followups', 'followup.done'),
        keyHint('followups', 'followup.inProgress'),
        keyHint('followups', 'followup.drop'),
        keyHint('followups', 'followup.reset', { label: '未听取', first: true }),
        keyHint('followups', 'followup.note', { label: '说明' }),
      ])} · 逾期由程序计算`;
  return (
    <Box flexDirection="column">
      <Text bold wrap="truncate">
        {truncateToWidth(entries.length === 0 ? ' 没有需要听取的以往议定事项' : ` ${keys}`, width)}
      </Text>
      <LineList lines={lines} width={width} />
      {lines.length < listHeight ? <Box height={listHeight - lines.length} /> : null}
      <LineList lines={detail} width={width} />
    </Box>
  );
}

// ---- one project ----

/** The facts of a project at the meeting: figures, why it lags, open problems, earlier decisions. */
export function itemInfoLines(
  item: MeetingItem,
  data: LoadedData,
  earlier: readonly LedgerEntry[],
  width: number,
  heard: ReadonlyMap<string, Followup> = new Map(),
  /** the earlier decision selected to be heard from this page */
  selected?: string,
): Line[] {
  const status = data.statusById.get(item.project);
  const out: Line[] = [];
  const light = item.light ?? status?.light;
  const p = status?.project;
  const mark = light ? `${LIGHT_MARK[light]}${light} ` : '';
  out.push({
    text: `${mark}${item.project} ${p?.name ?? '（台账中无此项目）'}${p ? ` · ${p.unit}${p.leader ? ` · 包联 ${p.leader}` : ''}` : ''}`,
    bold: true,
    ...(light ? { color: LIGHT_COLOR[light] } : {}),
  });
  if (status && p) {
    const unit = data.register.meta.moneyUnit;
    const rate =
      status.completionRate === null
        ? '完成率 —'
        : `完成率 ${formatPercent(status.completionRate)}，${progressComparison(status.completionRate, data.assessment.timeProgress)}`;
    out.push({
      text: `年度计划 ${formatMoney(p.annualPlan, unit)} · 已完成 ${formatMoney(p.completedYear, unit)} · ${rate}`,
    });
    out.push({ text: `建设性质 ${p.nature} · 建设阶段 ${p.stage}${p.progress ? ` · ${p.progress}` : ''}` });
  }
  const reasons = item.reasons.length > 0 ? item.reasons : (status?.flags.map((f) => f.reason) ?? []);
  for (const r of reasons) {
    for (const t of wrapText(`滞后原因：${r}`, width, '    ')) out.push({ text: t, color: 'red' });
  }
  const open = p?.problems.filter((x) => x.resolved === undefined) ?? [];
  for (const x of open) {
    const late = x.due !== undefined && x.due < data.register.meta.asOf ? '，逾期' : '';
    out.push({ text: `问题：${x.text}（${x.unit ?? '未明确单位'}${x.due ? `，时限${x.due}` : ''}${late}）` });
  }
  for (const e of earlier) {
    const f = heard.get(e.decision.id);
    const color = f ? followupColor(e, f) : e.state === 'overdue' ? 'red' : undefined;
    const isSelected = selected === e.decision.id;
    out.push({
      text: `${isSelected ? '▶' : ''}以往议定【${followupLabel(e, f)}】${e.decision.text}（${e.decision.unit}，${e.decision.due}）`,
      ...(color ? { color } : {}),
      ...(!f && e.state === 'done' ? { dim: true } : {}),
      ...(isSelected ? { inverse: true } : {}),
    });
  }
  return out;
}

/**
 * One decision of the project page on one line: the text cut with "…" so that who and by when
 * always show: "1. 区自然资源局会同区能源局协调落…（区自然资源局等2个单位·韩志刚·2021-10-29）".
 */
export function decisionRow(
  prefix: string,
  d: { text: string; unit: string; coUnits?: readonly string[]; owner?: string; due: string },
  width: number,
): string {
  const units = d.coUnits?.length ? `${d.unit}等${d.coUnits.length + 1}个单位` : d.unit;
  const who = `（${[units, d.owner, d.due].filter(Boolean).join('·')}）`;
  const room = width - displayWidth(prefix) - displayWidth(who);
  const text = d.text.replace(/\s*\n\s*/g, ' ');
  if (room < 6) return `${prefix}${text}${who}`;
  return `${prefix}${truncateToWidth(text, room)}${who}`;
}

export function ItemView(props: {
  item: MeetingItem;
  data: LoadedData;
  earlier: readonly LedgerEntry[];
  heard: ReadonlyMap<string, Followup>;
  rowCursor: number;
  /** lines available (the form, when open, is drawn below by the room) */
  height: number;
  width: number;
  focused: boolean;
  readOnly?: boolean;
  /** an earlier decision selected (to be heard from here): the cursor is on it, not on the rows */
  selectedEarlier?: string | undefined;
}) {
  const { item, width } = props;
  const rowCursor = props.selectedEarlier !== undefined ? -1 : props.rowCursor;
  const mark = (i: number) => (props.focused && rowCursor === i ? '▶' : ' ');
  const decisionRows: Line[] = item.decisions.map((d, i) => ({
    text: decisionRow(`${mark(i)}${i + 1}. `, d, width),
    inverse: props.focused && rowCursor === i,
  }));
  const notesKey = keyHint('meetingItem', 'meeting.notes', { first: true });
  decisionRows.push({
    text: `${mark(item.decisions.length)}备注：${item.notes ?? (props.readOnly ? '（无）' : `（按 ${notesKey?.keys ?? 'Enter'} 填写）`)}`,
    dim: item.notes === undefined,
    inverse: props.focused && rowCursor === item.decisions.length,
  });
  const header: Line = { text: ruleLine(`本次议定事项（${item.decisions.length}）`, width), bold: true };
  const listRoom = Math.max(1, Math.min(decisionRows.length, props.height - 4));
  const infoRoom = Math.max(1, props.height - 1 - listRoom);
  const info = itemInfoLines(item, props.data, props.earlier, width, props.heard, props.selectedEarlier);
  // the selected earlier decision stays in view: the facts above it give way first
  const at = info.findIndex((l) => l.inverse);
  if (at >= infoRoom - 1) info.splice(0, at - infoRoom + 2);
  const infoShown =
    info.length > infoRoom
      ? [
          ...info.slice(0, infoRoom - 1),
          {
            text: `…（另有${info.length - infoRoom + 1}行，按 ${keyHint('meetingItem', 'meeting.projectDetail')?.keys ?? 'v'} 查看项目详情）`,
            dim: true,
          },
        ]
      : info;
  const start = windowStart(decisionRows.length, listRoom, Math.max(0, rowCursor));
  return (
    <Box flexDirection="column">
      <LineList lines={infoShown} width={width} />
      <LineList lines={[header]} width={width} />
      <LineList lines={decisionRows.slice(start, start + listRoom)} width={width} />
    </Box>
  );
}

// ---- after closing ----

export function closedLines(meeting: Meeting, data: LoadedData, width: number): Line[] {
  const out: Line[] = [{ text: '会议已结束，记录已保存。本次议定事项：', bold: true }];
  let n = 0;
  for (const item of meeting.items) {
    if (item.decisions.length === 0) continue;
    const p = data.statusById.get(item.project)?.project;
    out.push({ text: `${item.project} ${p?.name ?? ''}`, bold: true });
    for (const d of item.decisions) {
      n++;
      for (const t of wrapText(
        `  ${n}. ${d.text}（${decisionUnitsText(d)}${d.owner ? `，责任人：${d.owner}` : ''}，完成时限：${d.due}）`,
        width,
        '     ',
      ))
        out.push({ text: t });
    }
  }
  if (n === 0) out.push({ text: '  （无）', dim: true });
  const heard = meeting.followups.length;
  const minutes = keyHint('meetingClosed', 'meeting.minutes');
  const back = keyHint('meetingClosed', 'app.back');
  out.push({ text: '' });
  out.push({
    text: `听取以往议定事项落实情况 ${heard} 项。按 ${minutes?.keys ?? 'Enter'} 生成会议纪要，${back?.keys ?? 'Esc'} 返回。`,
    bold: true,
  });
  return out;
}

export function ClosedView(props: { lines: readonly Line[]; offset: number; height: number; width: number }) {
  return (
    <LineList lines={props.lines.slice(props.offset, props.offset + props.height)} width={props.width} />
  );
}
