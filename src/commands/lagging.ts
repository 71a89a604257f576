// `diaodu lagging <register>`: the lagging projects (黄 and 红), worst first, each with its reasons.
// With --meetings, decisions overdue on the register's as_of count (docs/domain.md#lights).
import { formatDate, formatPercent } from '../briefing/wording.js';
import { loadAssessedRegister, type RegisterDayOptions } from './assessed-register.js';
import { applyScript, jsonText } from '../text/script.js';
import { guard } from './errors.js';
import { parseScript } from './option-values.js';
import type { CommandContext, CommandResult } from './context.js';

export type LaggingOptions = RegisterDayOptions;

export async function runLagging(opts: LaggingOptions, ctx: CommandContext): Promise<CommandResult> {
  return guard(async () => {
    const script = parseScript(opts.script);
    const { day, ledger, assessment: a, stderr, names } = await loadAssessedRegister(ctx, opts);

    if (opts.json) {
      const data = {
        asOf: day,
        timeProgress: a.timeProgress,
        timeProgressText: formatPercent(a.timeProgress),
        lagging: a.lagging.map((s) => ({
          id: s.project.id,
          name: s.project.name,
          unit: s.project.unit,
          leader: s.project.leader ?? null,
          light: s.light,
          completionRate: s.completionRate,
          completionRateText: s.completionRate === null ? null : formatPercent(s.completionRate),
          gap: s.gap,
          flags: s.flags,
          reasons: s.flags.map((f) => f.reason),
        })),
      };
      return { stdout: await jsonText(data, script, names), stderr, exitCode: 0 };
    }

    const red = a.lagging.filter((s) => s.light === '红').length;
    const count =
      a.lagging.length === 0
        ? '没有滞后项目'
        : `滞后项目${a.lagging.length}个（红灯${red}个、黄灯${a.lagging.length - red}个）`;
    const lines = [
      `${count}，数据截至${formatDate(day)}，序时进度${formatPercent(a.timeProgress)}` +
        (ledger ? '' : '（未加载会议记录，逾期未落实的议定事项未计入）'),
    ];
    a.lagging.forEach((s, i) => {
      const p = s.project;
      const who = [p.unit, p.leader ? `包联领导：${p.leader}` : ''].filter(Boolean).join('，');
      const rate = s.completionRate === null ? '' : `  完成率${formatPercent(s.completionRate)}`;
      const label = `${i + 1}. `;
      lines.push('', `${label}【${s.light}】${p.id} ${p.name}（${who}）${rate}`);
      // Reasons line up under the project however many digits its number has.
      const indent = ' '.repeat(label.length);
      for (const f of s.flags) lines.push(`${indent}- ${f.light === '红' ? '红' : '黄'}：${f.reason}`);
    });
    if (a.lagging.length === 0) lines.push('', `全部${a.statuses.length}个项目均为绿灯。`);
    return { stdout: await applyScript(`${lines.join('\n')}\n`, script, names), stderr, exitCode: 0 };
  }, 'lagging');
}
