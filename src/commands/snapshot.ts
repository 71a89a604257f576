// `diaodu snapshot <register>`: files the current register as its data month's snapshot in the
// `history/` folder beside it (docs/formats.md#register-history), for the next month's bulletin to compare
// with (环比). The register is read first (a register with errors is not filed), copied byte for byte,
// and never changed; an existing snapshot of the month is kept unless --force.
import { formatDate } from '../briefing/wording.js';
import { InputError } from '../domain/types.js';
import { copySnapshot, snapshotPath } from '../store/register-history.js';
import { diagnosticsText, guard } from './errors.js';
import { loadRegisterFrom } from './load.js';
import { resolvePath, shownPath } from './paths.js';
import type { CommandContext, CommandResult } from './context.js';
import { safeToEcho } from '../text/sanitize.js';

export interface SnapshotOptions {
  register: string;
  force?: boolean;
}

export async function runSnapshot(opts: SnapshotOptions, ctx: CommandContext): Promise<CommandResult> {
  return guard(async () => {
    const { register, warnings } = await loadRegisterFrom(ctx, opts.register);
    const full = resolvePath(ctx, opts.register);
    const month = register.meta.asOf.slice(0, 7);
    const target = snapshotPath(full, month);
    try {
      copySnapshot(full, target, opts.force ?? false);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      throw new InputError([
        {
          severity: 'error',
          file: shownPath(ctx, target),
          line: 0,
          column: 0,
          message: `${Number(month.slice(0, 4))}年${Number(month.slice(5))}月的台账快照已存在，未覆盖；如需覆盖请加 --force`,
        },
      ]);
    }
    return {
      stdout: `已存为${Number(month.slice(0, 4))}年${Number(month.slice(5))}月台账快照（数据截至${formatDate(register.meta.asOf)}）：${safeToEcho(target)}\n`,
      stderr: diagnosticsText(warnings),
      exitCode: 0,
    };
  }, 'snapshot');
}
