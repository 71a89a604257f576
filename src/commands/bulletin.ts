// `diaodu bulletin <register>`: the monthly bulletin (月通报) of the register's data month. The
// figures are current to the register's as_of, so the bulletin covers as_of's month; --month names
// the month expected and is refused when the register's data are of another month (a bulletin
// must not print one month's figures under another month's title).
import { buildBulletin, bulletinMonthProblem } from '../briefing/bulletin.js';
import { personNames } from '../domain/names.js';
import { documentOutput, issueDate, type DocumentOptions } from './document-options.js';
import { BULLETIN_FORMATS, parseMonthOption } from './option-values.js';
import { briefingResult } from './output.js';
import { diagnosticsText, guard, UsageError } from './errors.js';
import { loadMeetingsFrom, meetingsHint, loadRegisterFrom } from './load.js';
import { resolvePath } from './paths.js';
import { traditionalHint } from './traditional-output.js';
import type { CommandContext, CommandResult } from './context.js';

export interface BulletinOptions extends DocumentOptions {
  register: string;
  meetings?: string;
  /** YYYY-MM */
  month?: string;
  /** 落款日期 (YYYY-MM-DD); default today */
  date?: string;
  /** last month's register snapshot (环比); default history/<stem>-<last month>.yaml beside the register */
  previous?: string;
}

export async function runBulletin(opts: BulletinOptions, ctx: CommandContext): Promise<CommandResult> {
  return guard(async () => {
    const { format, script } = documentOutput(opts, BULLETIN_FORMATS);
    const month = opts.month !== undefined ? parseMonthOption(opts.month) : undefined;
    const { register, warnings } = await loadRegisterFrom(ctx, opts.register);
    if (month !== undefined) {
      const problem = bulletinMonthProblem(register, month);
      if (problem) throw new UsageError(problem);
    }
    // The bulletin is dated on its issue date (default today), never before its data.
    const issued = issueDate(opts.date, ctx, register.meta.asOf, '通报日期');
    const input: Parameters<typeof buildBulletin>[0] = { register, issued };
    let stderr = diagnosticsText(warnings) + traditionalHint(register.meta.title, opts.script);
    if (opts.meetings === undefined) stderr += meetingsHint(ctx, opts.register);
    else {
      const loaded = await loadMeetingsFrom(ctx, opts.meetings);
      input.meetings = loaded.meetings;
      stderr += loaded.warnings;
    }
    // 环比: last month's snapshot, named or found in history/ beside it (docs/formats.md#register-history).
    const { previousSnapshot } = await import('../store/register-history.js');
    const previousFile =
      opts.previous ?? previousSnapshot(resolvePath(ctx, opts.register), register.meta.asOf);
    if (previousFile !== undefined) {
      const prev = await loadRegisterFrom(ctx, previousFile);
      input.previous = prev.register;
      stderr += diagnosticsText(prev.warnings);
    }
    const doc = buildBulletin(input);
    // the people's names are kept as written in 繁體 output only: not gathered for 简体
    const names = script === 'traditional' ? { names: personNames(register, input.meetings) } : {};
    return briefingResult(
      ctx,
      doc,
      { format, script, out: opts.out, force: opts.force, ...names },
      stderr,
      'bulletin',
    );
  }, 'bulletin');
}
