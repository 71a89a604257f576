// What the meeting room shows: the agenda, the follow-up list, one project, the closing summary.
// Pure views: they draw from the meeting (as saved) and the UI state; the room handles the keys.
import { Box, Text } from 'ink';
import { formatPercent } from '../../../domain/figures.js';
import { formatMoney, progressComparison } from '../../../briefing/wording.js';
import type { FollowupStatus, LedgerEntry, Meeting, MeetingItem } from '../../../domain/types.js';
import type { LoadedData } from '../../hooks/session.js';
import { fitToWidth, truncateToWidth } from '../../../text/width.js';
import { LIGHT_COLOR, LIGHT_MARK } from '../chrome.js';
import { stateText } from '../decision-labels.js';
import { wrapText } from '../lines.js';
import type { Line } from '../lines.js';

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

export function meetingTitle(m: Meeting, number: number | undefined): string {
  const h = m.meeting;
  const parts = [`${h.date} ${h.kind}会${number !== undefined ? ` 第${number}期` : ''}`];
  if (h.chair) parts.push(`主持 ${h.chair}`);
  if (h.present.length > 0) parts.push(`出席 ${h.present.join('、')}`);
  if (h.absent.length > 0) parts.push(`请假 ${h.absent.join('、')}`);
  return parts.join(' · ');
}

// ---- the agenda ----

export function followupSummary(
  entries: readonly LedgerEntry[],
  heard: ReadonlyMap<string, FollowupStatus>,
): string {
  const overdue = entries.filter((e) => e.state === 'overdue').length;
  const done = entries.filter((e) => heard.has(e.decision.id)).length;
  return `上次会议议定事项落实情况（${entries.length}项，逾期${overdue}项，已听取${done}项）`;
}

export function AgendaView(props: {
  meeting: Meeting;
  data: LoadedData;
  followups: readonly LedgerEntry[];
  heard: ReadonlyMap<string, FollowupStatus>;
  cursor: number;
  height: number;
  width: number;
  title: string;
}) {
  const { meeting, data, cursor, width } = props;
  const rows: Line[] = [{ text: `  ${followupSummary(props.followups, props.heard)}`, bold: true }];
  meeting.items.forEach((item, i) => {
    const p = data.statusById.get(item.project)?.project;
    const light = item.light;
    const mark = light ? `${LIGHT_MARK[light]}${light}` : '  ';
    const decided = item.decisions.length > 0 ? `  议定${item.decisions.length}项` : '';
    const name = p ? p.name : '（台账中无此项目）';
    const unit = p ? `  ${p.unit}` : '';
    rows.push({
      text: `${String(i + 1).padStart(3)}. ${mark} ${item.project} ${name}${unit}${decided}`,
      ...(light ? { color: LIGHT_COLOR[light] } : {}),
    });
  });
  if (meeting.items.length === 0) rows.push({ text: '     议程为空：按 i 加入项目', dim: true });
  const listHeight = Math.max(1, props.height - 2);
  const start = windowStart(rows.length, listHeight, cursor);
  const shown = rows
    .slice(start, start + listHeight)
    .map((l, i) => (start + i === cursor ? { ...l, text: `▶${l.text.slice(1)}`, inverse: true } : l));
  return (
    <Box flexDirection="column">
      <Text wrap="truncate">{truncateToWidth(` ${props.title}`, width)}</Text>
      <Text dimColor wrap="truncate">
        {truncateToWidth(
          ' Enter 进入 · K/J 调整顺序 · x 移出 · i 加入项目 · f 听取落实情况 · C 结束会议',
          width,
        )}
      </Text>
      <LineList lines={shown} width={width} />
    </Box>
  );
}

// ---- the follow-ups ----

const STATUS_COLOR: Record<FollowupStatus, string | undefined> = {
  已落实: 'green',
  推进中: 'yellow',
  撤销: undefined,
};

export function FollowupsView(props: {
  entries: readonly LedgerEntry[];
  meeting: Meeting;
  data: LoadedData;
  cursor: number;
  height: number;
  width: number;
}) {
  const { entries, meeting, cursor, width } = props;
  const heardBy = new Map(meeting.followups.map((f) => [f.decision, f]));
  const detailLines = 4;
  const listHeight = Math.max(1, props.height - 1 - detailLines);
  const start = windowStart(entries.length, listHeight, cursor);
  const lines: Line[] = entries.slice(start, start + listHeight).map((e, i) => {
    const f = heardBy.get(e.decision.id);
    const state = `【${stateText(e)}】`;
    const heard = f ? ` → ${f.status}` : ' → 待听取';
    const mark = start + i === cursor ? '▶' : ' ';
    return {
      text: `${mark}${fitToWidth(state, 14)}${e.decision.id} ${e.decision.text}（${e.decision.unit}）${heard}`,
      ...(f
        ? STATUS_COLOR[f.status]
          ? { color: STATUS_COLOR[f.status]! }
          : {}
        : e.state === 'overdue'
          ? { color: 'red' }
          : {}),
      inverse: start + i === cursor,
    };
  });
  const selected = entries[cursor];
  const detail: Line[] = [];
  if (selected) {
    const d = selected.decision;
    const p = props.data.statusById.get(selected.project)?.project;
    const f = heardBy.get(d.id);
    detail.push({ text: '─'.repeat(width), dim: true });
    const text = `${d.id}（${selected.meetingDate}会议）${p ? `${p.id} ${p.name}：` : ''}${d.text}；责任单位：${d.unit}${d.owner ? `，责任人：${d.owner}` : ''}，完成时限：${d.due}`;
    for (const t of wrapText(text, width).slice(0, 2)) detail.push({ text: t });
    detail.push({
      text: f
        ? `本次听取：${f.status}${f.note ? `，${f.note}` : ''}`
        : `本次尚未听取${selected.latest ? `（上次：${selected.latest.status}${selected.latest.note ? `，${selected.latest.note}` : ''}）` : ''}`,
      bold: true,
    });
  }
  return (
    <Box flexDirection="column">
      <Text bold wrap="truncate">
        {truncateToWidth(
          entries.length === 0
            ? ' 没有需要听取的以往议定事项'
            : ' y/1 已落实 · t/2 推进中 · x/3 撤销 · e 说明 · 逾期由程序计算',
          width,
        )}
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
    out.push({
      text: `以往议定：${e.decision.text}（${e.decision.unit}，${e.decision.due}）【${stateText(e)}】`,
      ...(e.state === 'overdue' ? { color: 'red' } : e.state === 'done' ? { dim: true } : {}),
    });
  }
  return out;
}

export function ItemView(props: {
  item: MeetingItem;
  data: LoadedData;
  earlier: readonly LedgerEntry[];
  rowCursor: number;
  /** lines available (the form, when open, is drawn below by the room) */
  height: number;
  width: number;
  focused: boolean;
}) {
  const { item, width, rowCursor } = props;
  const mark = (i: number) => (props.focused && rowCursor === i ? '▶' : ' ');
  const decisionRows: Line[] = item.decisions.map((d, i) => ({
    text: `${mark(i)}${i + 1}. ${d.text}（${[d.unit, d.owner, d.due].filter(Boolean).join('·')}）`,
    inverse: props.focused && rowCursor === i,
  }));
  decisionRows.push({
    text: `${mark(item.decisions.length)}备注：${item.notes ?? '（Enter 填写）'}`,
    dim: item.notes === undefined,
    inverse: props.focused && rowCursor === item.decisions.length,
  });
  const header: Line = {
    text: `── 本次议定事项（${item.decisions.length}）a 新增 · e/Enter 修改 · d 删除 ${'─'.repeat(width)}`,
    bold: true,
  };
  const listRoom = Math.max(1, Math.min(decisionRows.length, props.height - 4));
  const infoRoom = Math.max(1, props.height - 1 - listRoom);
  const info = itemInfoLines(item, props.data, props.earlier, width);
  const infoShown =
    info.length > infoRoom
      ? [
          ...info.slice(0, infoRoom - 1),
          { text: `…（另有${info.length - infoRoom + 1}行，详见项目详情）`, dim: true },
        ]
      : info;
  const start = windowStart(decisionRows.length, listRoom, rowCursor);
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
        `  ${n}. ${d.text}（责任单位：${d.unit}${d.owner ? `，责任人：${d.owner}` : ''}，完成时限：${d.due}）`,
        width,
        '     ',
      ))
        out.push({ text: t });
    }
  }
  if (n === 0) out.push({ text: '  （无）', dim: true });
  const heard = meeting.followups.length;
  out.push({ text: '' });
  out.push({ text: `听取以往议定事项落实情况 ${heard} 项。按 Enter 生成会议纪要，Esc 返回。`, bold: true });
  return out;
}

export function ClosedView(props: { lines: readonly Line[]; offset: number; height: number; width: number }) {
  return (
    <LineList lines={props.lines.slice(props.offset, props.offset + props.height)} width={props.width} />
  );
}
