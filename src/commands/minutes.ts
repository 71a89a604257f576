// `diaodu minutes <meeting.yaml>`: the weekly minutes of a recorded meeting. The register is the
// one the meeting names (`register`, relative to the meeting file); earlier meetings come from the
// meeting's folder (or --meetings) for 上次会议议定事项落实情况 and the issue number.
import * as path from 'node:path';
import { buildMinutes } from '../briefing/minutes.js';
import { formatDate } from '../briefing/wording.js';
import { personNames } from '../domain/names.js';
import { InputError } from '../domain/types.js';
import { documentOutput, type DocumentOptions } from './document-options.js';
import { MINUTES_FORMATS } from './option-values.js';
import { briefingResult } from './output.js';
import { diagnosticsText, guard } from './errors.js';
import { loadMeetingFrom, loadMeetingsFrom, loadRegisterFrom } from './load.js';
import { traditionalHint } from './traditional-output.js';
import { resolvePath } from './paths.js';
import type { CommandContext, CommandResult } from './context.js';

export interface MinutesOptions extends DocumentOptions {
  meeting: string;
  /** register to use instead of the meeting's own `register` */
  register?: string;
  meetings?: string;
  /** show the time spent on each item (`--times`) */
  times?: boolean;
}

export async function runMinutes(opts: MinutesOptions, ctx: CommandContext): Promise<CommandResult> {
  return guard(async () => {
    const { format, script } = documentOutput(opts, MINUTES_FORMATS);
    const meetingFile = resolvePath(ctx, opts.meeting);
    const { meeting, warnings: meetingWarnings } = await loadMeetingFrom(ctx, meetingFile);
    let registerPath: string;
    if (opts.register !== undefined) registerPath = resolvePath(ctx, opts.register);
    else if (meeting.meeting.register)
      registerPath = path.resolve(path.dirname(meetingFile), meeting.meeting.register);
    else {
      throw new InputError([
        {
          severity: 'error',
          file: opts.meeting,
          line: 1,
          column: 1,
          message:
            '会议记录没有写明台账（meeting.register），无法生成纪要；请在会议记录中补上 register，或用 --register 指定台账',
        },
      ]);
    }
    const { register, warnings } = await loadRegisterFrom(ctx, registerPath);
    const loaded = await loadMeetingsFrom(ctx, opts.meetings ?? path.dirname(meetingFile));
    const meetings = loaded.meetings;
    let stderr =
      meetingWarnings +
      diagnosticsText(warnings) +
      loaded.warnings +
      traditionalHint(register.meta.title, opts.script);
    if (!meeting.meeting.closed) stderr += `注意：会议尚未结束（closed: false），纪要为草稿。\n`;
    // Old meeting files did not record the register's figures at the meeting (meeting.snapshot):
    // the minutes then fall back on the register, and say so when it has moved on since.
    const h = meeting.meeting;
    if (!h.snapshot && h.asOf && h.asOf !== register.meta.asOf) {
      stderr +=
        `注意：会议记录未保存开会时的台账数字（snapshot，较早版本写的会议记录）；会议时数据截至${formatDate(h.asOf)}，` +
        `台账当前数据截至${formatDate(register.meta.asOf)}。纪要“总体进展”按台账当前数据生成并注明“据项目台账最新数据”，` +
        `滞后原因按会议时的记录。\n`;
    }
    if (
      !h.snapshot &&
      meeting.items.some((it) => it.discussed === undefined && it.decisions.length === 0 && !it.notes)
    ) {
      stderr += `注意：会议记录未标明各项目是否上会研究（discussed）；纪要只写有议定事项或备注的项目。\n`;
    }
    const doc = buildMinutes({ meeting, register, meetings, ...(opts.times ? { times: true } : {}) });
    const names = personNames(register, [meeting, ...meetings]);
    return briefingResult(
      ctx,
      doc,
      { format, script, out: opts.out, force: opts.force, names },
      stderr,
      'minutes',
    );
  }, 'minutes');
}
