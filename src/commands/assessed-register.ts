// What check and lagging share: the register, and with --meetings the decisions of the meetings held
// by its as_of, assessed on that day (docs/domain.md#the-day: "the day" for check and lagging is the
// register's as_of; decisions overdue on it count in the lights).
import { assessOnDay } from '../domain/assess-on-day.js';
import type { RegisterAssessment } from '../domain/lag-rules.js';
import { personNames } from '../domain/names.js';
import type { Diagnostic, IsoDate, LedgerEntry, Meeting, Register } from '../domain/types.js';
import { diagnosticsText } from './errors.js';
import { loadMeetingsFrom, loadRegisterFrom, meetingsHint } from './load.js';
import { traditionalHint } from './traditional-output.js';
import type { CommandContext } from './context.js';

/** The options of check and lagging. */
export interface RegisterDayOptions {
  register: string;
  meetings?: string;
  json?: boolean;
  script?: string;
}

export interface AssessedRegister {
  register: Register;
  warnings: Diagnostic[];
  /** the register's as_of */
  day: IsoDate;
  /** the decision ledger on the day; undefined when no --meetings was given */
  ledger: LedgerEntry[] | undefined;
  assessment: RegisterAssessment;
  /** the files' warnings and the 繁体 hint, for stderr */
  stderr: string;
  /** the people the register and meetings name, kept as written in 繁體 output */
  names: string[];
}

export async function loadAssessedRegister(
  ctx: CommandContext,
  opts: RegisterDayOptions,
): Promise<AssessedRegister> {
  const { register, warnings } = await loadRegisterFrom(ctx, opts.register);
  const day = register.meta.asOf;
  let meetings: Meeting[] | undefined;
  let names = personNames(register);
  let stderr = diagnosticsText(warnings) + traditionalHint(register.meta.title, opts.script);
  if (opts.meetings === undefined) stderr += meetingsHint(ctx, opts.register);
  else {
    const loaded = await loadMeetingsFrom(ctx, opts.meetings);
    stderr += loaded.warnings;
    names = personNames(register, loaded.meetings);
    meetings = loaded.meetings;
  }
  const { ledger, assessment } = assessOnDay(register, day, meetings);
  return { register, warnings, day, ledger, assessment, stderr, names };
}
