// 包联领导: for each leader the projects they are responsible for, how many are red or yellow, and the
// decisions on them 逾期未落实 — the bulletin's 包联领导 table (domain/leaders.ts), worst first, then
// each leader's red and yellow projects by name (those 连续3次调度仍为红灯 tagged 连红N).
import { useMemo } from 'react';
import { formatPercent } from '../../domain/figures.js';
import { leaderTable } from '../../domain/leaders.js';
import { repeatRed } from '../../domain/repeat-offenders.js';
import { formatDate } from '../../briefing/wording.js';
import { fitToWidth } from '../../text/width.js';
import type { LoadedData } from '../../app/session.js';
import { useTerminalSize } from '../hooks/use-terminal-size.js';
import { LIGHT_COLOR, LIGHT_MARK, Screen, bodyHeight } from './chrome.js';
import { LinesView, useScroll, wrapped } from './lines.js';
import type { Line } from './lines.js';
import { WithRegister } from './not-ready.js';
import type { ScreenProps } from './types.js';

/** The screen as lines, `width` columns wide. */
export function leaderLines(data: LoadedData, width: number): Line[] {
  const rows = leaderTable(data.assessment.statuses, data.meetings.length > 0 ? data.ledgerAsOf : undefined);
  const streaks = repeatRed(data.meetings);
  const out: Line[] = [];
  out.push({
    text: ` 截至${formatDate(data.register.meta.asOf)}，${rows.length}位包联领导（逾期议定事项按数据截至日计）`,
    dim: true,
  });
  const head = (cells: string[]) =>
    ` ${fitToWidth(cells[0] ?? '', 14)}${[6, 6, 6, 14, 10].map((w, i) => fitToWidth(cells[i + 1] ?? '', w, 'right')).join('')}`;
  out.push({ text: head(['包联领导', '项目数', '红灯', '黄灯', '逾期议定事项', '完成率']), bold: true });
  for (const r of rows) {
    out.push({
      text: head([
        r.leader,
        String(r.projectCount),
        String(r.red),
        String(r.yellow),
        r.overdueDecisions === null ? '—' : String(r.overdueDecisions),
        r.completionRate === null ? '—' : formatPercent(r.completionRate),
      ]),
      ...(r.red > 0 ? { color: LIGHT_COLOR.红 } : {}),
    });
  }
  for (const r of rows) {
    const lagging = r.projectIds
      .map((id) => data.statusById.get(id))
      .filter((s) => s !== undefined && s.light !== '绿')
      .sort((a, b) => Number(b!.light === '红') - Number(a!.light === '红'));
    if (lagging.length === 0) continue;
    out.push({ text: '' });
    out.push({ text: ` ${r.leader}（滞后${lagging.length}个）`, bold: true });
    for (const s of lagging) {
      const n = streaks.get(s!.project.id);
      out.push(
        ...wrapped(
          `   ${LIGHT_MARK[s!.light]}${s!.light} ${s!.project.id} ${n !== undefined ? `【连红${n}】` : ''}${s!.project.name} · ${s!.project.unit}`,
          width,
          { color: LIGHT_COLOR[s!.light] },
          '      ',
        ),
      );
    }
  }
  return out;
}

function LeadersBody(props: ScreenProps & { data: LoadedData }) {
  const { data, active, nav } = props;
  const { columns, rows } = useTerminalSize();
  const lines = useMemo(() => leaderLines(data, columns - 1), [data, columns]);
  const height = bodyHeight(rows);
  const { offset } = useScroll({
    context: 'leaders',
    lineCount: lines.length,
    height,
    isActive: active,
    onCommand: (command) => {
      if (command === 'app.back') return nav.pop();
      if (command === 'app.help') return nav.push({ screen: 'help', context: 'leaders' });
    },
  });
  return (
    <Screen title="包联领导" context="leaders" hints={['nav.down', 'nav.pageDown', 'app.back', 'app.help']}>
      <LinesView lines={lines} offset={offset} height={height} width={columns} />
    </Screen>
  );
}

export function LeadersScreen(props: ScreenProps) {
  return (
    <WithRegister {...props} title="包联领导" loadingText=" 正在读取台账 …">
      {(data) => <LeadersBody {...props} data={data} />}
    </WithRegister>
  );
}
