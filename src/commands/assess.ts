// `diaodu assess <register> --quarter 2021Q3`: the quarterly assessment (季考核) of the 责任单位 on the
// register as of the quarter's end. The register's as_of must lie in the quarter (as bulletin --month);
// weights and deductions come from --rules (docs/assessment.md) or the built-in defaults.
import { assessmentQuarterProblem, buildAssessmentDocument } from '../briefing/assessment.js';
import { formatDate } from '../briefing/wording.js';
import {
  DEFAULT_ASSESSMENT_RULES,
  parseQuarter,
  quarterName,
  quarterOfDate,
  type AssessmentRules,
} from '../domain/assessment.js';
import { personNames } from '../domain/names.js';
import { InputError } from '../domain/types.js';
import { briefingResult } from './output.js';
import { documentOutput, issueDate, type DocumentOptions } from './document-options.js';
import { ASSESSMENT_FORMATS } from './option-values.js';
import { diagnosticsText, guard, UsageError } from './errors.js';
import { loadMeetingsFrom, loadRegisterFrom, meetingsHint } from './load.js';
import { resolvePath, shownDiagnostics } from './paths.js';
import { traditionalHint } from './traditional-output.js';
import type { CommandContext, CommandResult } from './context.js';

export interface AssessOptions extends DocumentOptions {
  register: string;
  /** 2021Q3; default the quarter of the register's as_of */
  quarter?: string;
  meetings?: string;
  /** the rules file (YAML) */
  rules?: string;
  /** 落款日期; default today */
  date?: string;
}

export async function runAssess(opts: AssessOptions, ctx: CommandContext): Promise<CommandResult> {
  return guard(async () => {
    const { format, script } = documentOutput(opts, ASSESSMENT_FORMATS);
    let quarter = undefined as ReturnType<typeof parseQuarter> | undefined;
    if (opts.quarter !== undefined) {
      quarter = parseQuarter(opts.quarter);
      if (!quarter)
        throw new UsageError(`--quarter 应为年份加季度，格式 YYYYQn（如 2021Q3），而不是“${opts.quarter}”`);
    }
    let rules: AssessmentRules = DEFAULT_ASSESSMENT_RULES;
    if (opts.rules !== undefined) {
      const { loadAssessmentRules } = await import('../store/assessment-rules.js');
      try {
        rules = loadAssessmentRules(resolvePath(ctx, opts.rules));
      } catch (error) {
        if (error instanceof InputError) throw new InputError(shownDiagnostics(ctx, error.diagnostics));
        throw error;
      }
    }
    const { register, warnings } = await loadRegisterFrom(ctx, opts.register);
    const q = quarter ?? quarterOfDate(register.meta.asOf);
    const problem = assessmentQuarterProblem(register, q);
    if (problem) throw new UsageError(problem);
    const issued = issueDate(opts.date, ctx, register.meta.asOf, '发文日期');
    let stderr = diagnosticsText(warnings) + traditionalHint(register.meta.title, opts.script);
    const input: Parameters<typeof buildAssessmentDocument>[0] = { register, quarter: q, rules, issued };
    if (opts.meetings === undefined) {
      stderr += meetingsHint(ctx, opts.register);
      stderr += '注意：没有加 --meetings，议定事项按时落实一项不计分，逾期未落实的议定事项不扣分。\n';
    } else {
      const loaded = await loadMeetingsFrom(ctx, opts.meetings);
      input.meetings = loaded.meetings;
      stderr += loaded.warnings;
    }
    if (register.meta.asOf !== q.end) {
      stderr += `注意：台账数据截至${formatDate(register.meta.asOf)}，尚未到${quarterName(q)}末（${formatDate(q.end)}），考核结果为阶段性结果。\n`;
    }
    const doc = buildAssessmentDocument(input);
    const names = personNames(register, input.meetings);
    return briefingResult(
      ctx,
      doc,
      { format, script, out: opts.out, force: opts.force, names },
      stderr,
      'assess',
    );
  }, 'assess');
}
