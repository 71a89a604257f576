// What the home screen (总览) shows of the loaded data, as plain values (no React): drawn by
// home.tsx, and kept in the load cache for the next start's first frame (app/home-overview.ts).
import { formatPercent } from '../../domain/figures.js';
import { ledgerSummary } from '../../domain/ledger.js';
import { formatDate, formatMoneyAuto, progressComparison } from '../../briefing/wording.js';
import type { HomeOverview } from '../../app/home-overview.js';
import type { LoadedData } from '../../app/session.js';
import { lastMeeting } from './meeting-info.js';

export function homeOverviewOf(data: LoadedData): HomeOverview {
  const { figures: f, register } = data;
  const summary = ledgerSummary(data.ledgerToday);
  const problem: HomeOverview['problem'] =
    data.meetingProblems.length > 0
      ? { kind: 'meetings', count: data.meetingProblems.length, message: data.meetingProblems[0]!.message }
      : data.warnings.length > 0
        ? { kind: 'warnings', count: data.warnings.length, message: data.warnings[0]!.message }
        : null;
  return {
    title: register.meta.title,
    asOfLine: `数据截至 ${formatDate(register.meta.asOf)} · 共${f.projectCount}个项目 · 序时进度 ${formatPercent(f.timeProgress)}`,
    start: `${f.startRate === null ? '—' : formatPercent(f.startRate)}（已开复工${f.started}个，共${f.projectCount}个）`,
    completion:
      f.completionRate === null
        ? '—（无年度计划投资）'
        : `${formatPercent(f.completionRate)}，${progressComparison(f.completionRate, f.timeProgress)}`,
    money: `${formatMoneyAuto(f.totals.annualPlan)}，已完成 ${formatMoneyAuto(f.totals.completedYear)}`,
    lights: { 红: f.lights.红, 黄: f.lights.黄, 绿: f.lights.绿 },
    decisions: {
      open: summary.open + summary.overdue,
      overdue: summary.overdue,
      done: summary.done,
      day: formatDate(data.today),
    },
    last: lastMeeting(data.meetings) ?? null,
    problem,
  };
}
