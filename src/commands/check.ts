// `diaodu check <register>`: a one-screen summary of the register on its as_of — projects, 开复工率,
// 新开工率, 完成率 against 序时进度, counts of 红/黄/绿, warnings, and with --meetings the open and
// overdue decisions. docs/domain.md#the-day: "the day" for check is the register's as_of.
import { formatDate, formatMoneyAuto, formatPercent, progressComparison } from '../briefing/wording.js';
import { registerFigures } from '../domain/figures.js';
import { safeToEcho } from '../text/sanitize.js';
import { ledgerSummary, takenBy } from '../domain/ledger.js';
import { loadAssessedRegister, type RegisterDayOptions } from './assessed-register.js';
import { applyScript, jsonText } from '../text/script.js';
import { guard } from './errors.js';
import { parseScript } from './option-values.js';
import type { CommandContext, CommandResult } from './context.js';
import { padLabel } from './table.js';

export type CheckOptions = RegisterDayOptions;

export async function runCheck(opts: CheckOptions, ctx: CommandContext): Promise<CommandResult> {
  return guard(async () => {
    const script = parseScript(opts.script);
    const { register, warnings, day, ledger, assessment, stderr, names } = await loadAssessedRegister(
      ctx,
      opts,
    );
    const f = registerFigures(register, assessment.statuses);
    const decisions = ledger ? ledgerSummary(takenBy(ledger, day)) : null;

    if (opts.json) {
      const data = {
        title: register.meta.title,
        region: register.meta.region,
        asOf: day,
        projects: f.projectCount,
        byNature: f.byNature,
        byStage: f.byStage,
        started: f.started,
        startRate: f.startRate,
        startRateText: f.startRate === null ? null : formatPercent(f.startRate),
        newTotal: f.newTotal,
        newStarted: f.newStarted,
        newStartRate: f.newStartRate,
        newStartRateText: f.newStartRate === null ? null : formatPercent(f.newStartRate),
        // Amounts are always in 万元 here (the register's own unit is registerMoneyUnit).
        moneyUnit: '万元',
        registerMoneyUnit: register.meta.moneyUnit,
        annualPlan: f.totals.annualPlan,
        completedYear: f.totals.completedYear,
        completionRate: f.completionRate,
        completionRateText: f.completionRate === null ? null : formatPercent(f.completionRate),
        timeProgress: f.timeProgress,
        timeProgressText: formatPercent(f.timeProgress),
        comparison: f.completionRate === null ? null : progressComparison(f.completionRate, f.timeProgress),
        lights: f.lights,
        warnings: warnings.length,
        decisions,
      };
      return { stdout: await jsonText(data, script, names), stderr, exitCode: 0 };
    }

    const lines: string[] = [`${register.meta.title}（数据截至${formatDate(day)}）`, ''];
    const row = (label: string, value: string): void => {
      lines.push(`${padLabel(label, 12)}${value}`);
    };
    const nature = [
      f.byNature.新建 > 0 ? `新建${f.byNature.新建}` : '',
      f.byNature.续建 > 0 ? `续建${f.byNature.续建}` : '',
      f.byNature.前期 > 0 ? `前期${f.byNature.前期}` : '',
    ].filter(Boolean);
    row('项目数', `${f.projectCount}个${nature.length > 0 ? `（${nature.join('、')}）` : ''}`);
    row('开复工率', f.startRate === null ? '—' : `${formatPercent(f.startRate)}（已开复工${f.started}个）`);
    row(
      '新开工率',
      f.newStartRate === null
        ? '—（无新建项目）'
        : `${formatPercent(f.newStartRate)}（新建${f.newTotal}个，已开工${f.newStarted}个）`,
    );
    row(
      '年度计划',
      `${formatMoneyAuto(f.totals.annualPlan)}，累计完成${formatMoneyAuto(f.totals.completedYear)}`,
    );
    row(
      '投资完成率',
      f.completionRate === null
        ? `—（无年度计划投资），序时进度${formatPercent(f.timeProgress)}`
        : `${formatPercent(f.completionRate)}，序时进度${formatPercent(f.timeProgress)}，${progressComparison(f.completionRate, f.timeProgress)}`,
    );
    row('红黄绿灯', `红 ${f.lights.红}   黄 ${f.lights.黄}   绿 ${f.lights.绿}`);
    if (decisions) {
      row(
        '议定事项',
        `共${decisions.total}项：未办结${decisions.open + decisions.overdue}项（其中逾期${decisions.overdue}项），已落实${decisions.done}项，撤销${decisions.dropped}项`,
      );
    } else {
      row('议定事项', '未加载会议记录（加 --meetings 文件夹 可统计议定事项，逾期未落实的计入红灯）');
    }
    row('警告', warnings.length === 0 ? '无' : `${warnings.length}条（见标准错误输出）`);
    if (assessment.lagging.length > 0) {
      lines.push(
        '',
        `滞后项目${assessment.lagging.length}个，详见：diaodu lagging ${safeToEcho(opts.register)}${opts.meetings ? ` --meetings ${safeToEcho(opts.meetings)}` : ''}`,
      );
    }
    return { stdout: await applyScript(`${lines.join('\n')}\n`, script, names), stderr, exitCode: 0 };
  }, 'check');
}
