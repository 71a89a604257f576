// The options the document commands (minutes, bulletin, assess) read the same way: where and in
// which format and script the document goes, and the issue date (落款) of a bulletin or assessment.
import { formatDate } from '../briefing/wording.js';
import type { IsoDate } from '../domain/types.js';
import type { CommandContext } from './context.js';
import { UsageError } from './errors.js';
import { chooseFormat, parseDateOption, parseScript, type Format, type Script } from './option-values.js';

/** --format, --out, --force and --script, as the specs give them (specs.ts). */
export interface DocumentOptions {
  format?: string;
  out?: string;
  force?: boolean;
  script?: string;
}

/** The format (--format, else the --out extension, of `formats`) and the script of the output. */
export function documentOutput(
  opts: DocumentOptions,
  formats: readonly Format[],
): { format: Format; script: Script } {
  const format = chooseFormat(opts.format, opts.out, formats);
  return { format, script: parseScript(opts.script) };
}

/**
 * The issue date (--date, default today): a document is dated on it, never before its data. `what`
 * names the date in the message (通报日期, 发文日期).
 */
export function issueDate(
  date: string | undefined,
  ctx: CommandContext,
  asOf: IsoDate,
  what: string,
): IsoDate {
  const issued = date !== undefined ? parseDateOption(date, '--date') : ctx.today();
  if (issued < asOf) {
    throw new UsageError(
      `${what}${formatDate(issued)}早于台账数据截至日期${formatDate(asOf)}；` +
        `请用 --date 给出不早于数据截至日期的发文日期`,
    );
  }
  return issued;
}
