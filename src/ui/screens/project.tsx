// 项目详情: every field of one project, its milestones and problems, why it lags, and every decision
// ever taken on it. n / p step through the projects of the list it was opened from.
import { Text } from 'ink';
import { useMemo, useState } from 'react';
import { formatPercent } from '../../domain/figures.js';
import { formatMoney, progressComparison } from '../../briefing/wording.js';
import { lightHistory, RED_STREAK, redStreaks, type LightAtMeeting } from '../../domain/repeat-offenders.js';
import type { LedgerEntry, MoneyUnit, ProjectStatus } from '../../domain/types.js';
import { displayWidth } from '../../text/width.js';
import { useSessionState } from '../hooks/use-session.js';
import { useTerminalSize } from '../hooks/use-terminal-size.js';
import { LIGHT_COLOR, LIGHT_MARK, Screen, bodyHeight } from './chrome.js';
import { STATE_COLOR, stateText } from './decision-labels.js';
import { LinesView, useScroll, wrapped } from './lines.js';
import type { Line } from './lines.js';
import type { ScreenProps } from './types.js';

function joinParts(parts: Array<[string, string | undefined]>): string {
  return parts
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `${k} ${v}`)
    .join(' · ');
}

/** The detail page as lines, `width` columns wide. */
export function projectLines(
  s: ProjectStatus,
  decisions: readonly LedgerEntry[],
  unit: MoneyUnit,
  timeProgress: number,
  width: number,
  /** the project's light at each past 调度 meeting, oldest first */
  history: readonly LightAtMeeting[] = [],
  /** meetings in a row, up to the latest, at which it was red */
  redStreak = 0,
): Line[] {
  const p = s.project;
  const out: Line[] = [];
  const add = (text: string, style: Omit<Line, 'text'> = {}, indent = '') => {
    if (text) out.push(...wrapped(text, width, style, indent));
  };
  // "建设单位 … · 片区 … · 联系人 刘建海": a line breaks between facts, never inside one
  const addParts = (parts: Array<[string, string | undefined]>) => {
    let line = '';
    for (const [k, v] of parts) {
      if (v === undefined || v === '') continue;
      const part = `${k} ${v}`;
      const next = line ? `${line} · ${part}` : part;
      if (line && displayWidth(next) > width) {
        add(line);
        line = part;
      } else line = next;
    }
    add(line);
  };
  const heading = (text: string) => {
    out.push({ text: '' });
    out.push({ text, bold: true });
  };
  out.push({
    text: `${LIGHT_MARK[s.light]}${s.light}  ${p.id} ${p.name}`,
    bold: true,
    color: LIGHT_COLOR[s.light],
  });
  addParts([
    ['建设性质', p.nature],
    ['建设阶段', p.stage],
    ['责任单位', p.unit],
    ['包联领导', p.leader],
  ]);
  addParts([
    ['建设单位', p.owner],
    ['片区', p.area],
    ['产业', p.industry],
    ['联系人', p.contact],
  ]);
  if (p.content) add(`建设内容 ${p.content}`, {}, '  ');
  addParts([
    ['总投资', formatMoney(p.totalInvestment, unit)],
    ['年度计划', formatMoney(p.annualPlan, unit)],
    ['已完成', formatMoney(p.completedYear, unit)],
  ]);
  add(
    s.completionRate === null
      ? '完成率 —（年度计划投资为0）'
      : `完成率 ${formatPercent(s.completionRate)}，序时进度 ${formatPercent(timeProgress)}，${progressComparison(s.completionRate, timeProgress)}`,
  );
  addParts([
    ['本月完成', p.completedMonth === undefined ? undefined : formatMoney(p.completedMonth, unit)],
    ['开工以来累计', p.completedTotal === undefined ? undefined : formatMoney(p.completedTotal, unit)],
  ]);
  addParts([
    ['计划开工', p.plannedStart],
    ['实际开工', p.actualStart],
    ['计划竣工', p.plannedFinish],
    ['实际竣工', p.actualFinish],
  ]);
  if (p.progress) add(`形象进度 ${p.progress}`, {}, '  ');
  if (history.some((h) => h.light !== null)) {
    // the lights at past 调度 meetings, one symbol with its date each (— not on that agenda)
    const cells = history.map(
      (h) => `${h.date.slice(5)}${h.light ? `${LIGHT_MARK[h.light]}${h.light}` : '—'}`,
    );
    const streak = redStreak >= RED_STREAK ? `（连续${redStreak}次红灯）` : '';
    add(`调度会灯色${streak} ${cells.join(' ')}`, streak ? { color: LIGHT_COLOR.红 } : {}, '  ');
  }

  heading(s.flags.length > 0 ? `滞后原因（${s.flags.length}）` : '滞后原因：无（绿灯）');
  for (const f of s.flags)
    add(`${LIGHT_MARK[f.light]}${f.light} ${f.reason}`, { color: LIGHT_COLOR[f.light] }, '    ');

  if (p.milestones.length > 0) {
    heading(`节点计划（${p.milestones.length}）`);
    for (const m of p.milestones) {
      add(`  ${m.name}：计划 ${m.planned}${m.done ? `，完成 ${m.done}` : '，未完成'}`, {}, '    ');
    }
  }
  if (p.problems.length > 0) {
    const open = p.problems.filter((x) => x.resolved === undefined).length;
    heading(`存在问题（${p.problems.length}，未解决${open}）`);
    for (const x of p.problems) {
      const tail = joinParts([
        ['责任单位', x.unit],
        ['时限', x.due],
      ]);
      const state = x.resolved ? `已解决 ${x.resolved}${x.resolution ? `：${x.resolution}` : ''}` : '未解决';
      add(
        `  ${x.id} ${x.text}${tail ? `（${tail}）` : ''} ${state}`,
        x.resolved ? { dim: true } : {},
        '    ',
      );
    }
  }
  heading(`议定事项（历次会议，${decisions.length}）`);
  if (decisions.length === 0) add('  暂无', { dim: true });
  for (const e of decisions) {
    const d = e.decision;
    const owner = d.owner ? `，责任人：${d.owner}` : '';
    add(
      `  ${d.id} ${d.text}（责任单位：${d.unit}${owner}，完成时限：${d.due}）【${stateText(e)}】${e.latest?.note ? ` ${e.latest.note}` : ''}`,
      STATE_COLOR[e.state] ? { color: STATE_COLOR[e.state]! } : {},
      '    ',
    );
  }
  return out;
}

export function ProjectScreen(
  props: ScreenProps & { projectId: string; siblings?: readonly string[] | undefined },
) {
  const { session, active, nav } = props;
  const state = useSessionState(session);
  const { columns, rows } = useTerminalSize();
  const [projectId, setProjectId] = useState(props.projectId);
  const data = state.phase === 'ready' ? state.data : null;
  const status = data?.statusById.get(projectId);
  const lines = useMemo(() => {
    if (!data || !status) return [];
    const decisions = data.ledgerToday.filter((e) => e.project === projectId);
    return projectLines(
      status,
      decisions,
      data.register.meta.moneyUnit,
      data.assessment.timeProgress,
      columns - 1,
      lightHistory(data.meetings, projectId),
      redStreaks(data.meetings).get(projectId) ?? 0,
    );
  }, [data, status, projectId, columns]);
  const height = bodyHeight(rows);
  const siblings = props.siblings ?? [];
  const at = siblings.indexOf(projectId);
  const { offset, setOffset } = useScroll({
    context: 'project',
    lineCount: lines.length,
    height,
    isActive: active,
    onCommand: (command) => {
      if (command === 'app.back') return nav.pop();
      if (command === 'app.help') return nav.push({ screen: 'help', context: 'project' });
      const step = command === 'project.next' ? 1 : command === 'project.prev' ? -1 : 0;
      const next = siblings[at + step];
      if (step !== 0 && next !== undefined) {
        setProjectId(next);
        setOffset(0);
      }
    },
  });
  return (
    <Screen
      title={status ? `项目详情 ${status.project.id}` : '项目详情'}
      rightText={siblings.length > 0 && at >= 0 ? `${at + 1}/${siblings.length}` : ''}
      context="project"
      hints={['nav.down', 'nav.pageDown', 'project.next', 'project.prev', 'app.back', 'app.help']}
    >
      {status ? (
        <LinesView lines={lines} offset={offset} height={height} width={columns} />
      ) : (
        <Text>{state.phase === 'loading' ? ' 正在读取台账 …' : ` 找不到项目 ${projectId}`}</Text>
      )}
    </Screen>
  );
}
