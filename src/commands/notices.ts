// `diaodu notices --meetings <dir> --out <folder>`: one 督办通知单 per 责任单位 (its overdue and due-soon
// decisions, its unsolved problems), written as Word and Markdown into the folder:
// 督办通知单-区能源局-2021-09-30.docx / .md. The day is --date, else today (as for items). Existing
// files are never overwritten (unless --force): when any target exists, nothing is written.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildNotice, unitNotices } from '../briefing/notice.js';
import { formatDate } from '../briefing/wording.js';
import { buildLedger } from '../domain/ledger.js';
import { personNames } from '../domain/names.js';
import { InputError, type Meeting, type Register } from '../domain/types.js';
import { safeToEcho } from '../text/sanitize.js';
import { deliverDocument } from './output.js';
import { diagnosticsText, guard, UsageError } from './errors.js';
import { loadMeetingsFrom, loadRegisterFrom } from './load.js';
import { parseDateOption, parseScript } from './option-values.js';
import { resolvePath, shownPath } from './paths.js';
import type { CommandContext, CommandResult } from './context.js';

export interface NoticesOptions {
  /** meetings folder; default "meetings" */
  meetings?: string;
  unit?: string;
  date?: string;
  /** the folder the notices are written into */
  out?: string;
  register?: string;
  force?: boolean;
  script?: string;
}

/** The register named by the latest meeting that names one. */
function registerOfMeetings(meetings: readonly Meeting[]): string | undefined {
  for (let i = meetings.length - 1; i >= 0; i--) {
    const m = meetings[i]!;
    if (m.meeting.register && m.file) return path.resolve(path.dirname(m.file), m.meeting.register);
  }
  return undefined;
}

export async function runNotices(opts: NoticesOptions, ctx: CommandContext): Promise<CommandResult> {
  return guard(async () => {
    const script = parseScript(opts.script);
    if (opts.out === undefined) {
      throw new UsageError('请用 --out 给出写入督办通知单的文件夹，例如 --out 督办通知单', 'notices');
    }
    const day = opts.date !== undefined ? parseDateOption(opts.date, '--date') : ctx.today();
    const dir = opts.meetings ?? 'meetings';
    if (opts.meetings === undefined && !fs.existsSync(resolvePath(ctx, dir))) {
      throw new UsageError('当前文件夹中没有 meetings 文件夹；请用 --meetings 给出会议记录文件夹', 'notices');
    }
    const outDir = resolvePath(ctx, opts.out);
    if (fs.existsSync(outDir) && !fs.statSync(outDir).isDirectory()) {
      throw new UsageError(
        `--out 应为文件夹（每个责任单位写一份督办通知单），而 ${opts.out} 是一个文件`,
        'notices',
      );
    }
    const loaded = await loadMeetingsFrom(ctx, dir);
    const meetings = loaded.meetings;
    let stderr = loaded.warnings;
    let register: Register | undefined;
    const named = opts.register ?? registerOfMeetings(meetings);
    if (named !== undefined) {
      try {
        const r = await loadRegisterFrom(ctx, named);
        register = r.register;
        stderr += diagnosticsText(r.warnings);
      } catch (error) {
        if (opts.register !== undefined || !(error instanceof InputError || error instanceof UsageError))
          throw error;
        stderr += `注意：无法读取会议记录中写明的台账 ${safeToEcho(shownPath(ctx, named))}，通知单不列台账中的问题，项目只写编号（可用 --register 指定台账）。\n`;
      }
    }
    if (opts.date === undefined)
      stderr += `注意：未给出 --date，按今天（${formatDate(day)}）判断逾期和即将到期。\n`;

    const ledger = buildLedger(meetings, day);
    let notices = unitNotices(ledger, register, day);
    if (opts.unit !== undefined) {
      const all = notices.map((n) => n.unit);
      notices = notices.filter((n) => n.unit === opts.unit);
      if (notices.length === 0) {
        return {
          stdout: '',
          stderr:
            stderr +
            `${safeToEcho(opts.unit)}截至${formatDate(day)}没有逾期、即将到期的议定事项或未解决的问题，未生成督办通知单。` +
            (all.length > 0 ? `有督办事项的责任单位：${all.join('、')}。` : '') +
            '\n',
          exitCode: 0,
        };
      }
    }
    if (notices.length === 0) {
      return {
        stdout: '',
        stderr: stderr + `截至${formatDate(day)}没有需要督办的事项，未生成督办通知单。\n`,
        exitCode: 0,
      };
    }
    const names = new Map((register?.projects ?? []).map((p) => [p.id, p.name]));
    const issuer = register?.meta.issuer;
    const docs = notices.map((notice) => buildNotice({ notice, day, names, ...(issuer ? { issuer } : {}) }));
    // Refuse before writing anything when a target exists: never half a set of notices.
    const targets = docs.flatMap((d) =>
      ['docx', 'md'].map((ext) => path.join(outDir, `${d.baseName}.${ext}`)),
    );
    if (!opts.force) {
      const existing = targets.filter((t) => fs.existsSync(t));
      if (existing.length > 0) {
        throw new InputError(
          existing.map((t) => ({
            severity: 'error' as const,
            file: shownPath(ctx, t),
            line: 0,
            column: 0,
            message: '输出文件已存在，未覆盖（本次未写出任何通知单）；如需覆盖请加 --force，或换一个文件夹',
          })),
        );
      }
    }
    fs.mkdirSync(outDir, { recursive: true });
    const people = personNames(register, meetings);
    let notes = '';
    for (const doc of docs) {
      for (const format of ['docx', 'md'] as const) {
        const { note } = await deliverDocument(
          ctx,
          doc,
          {
            format,
            out: path.join(outDir, `${doc.baseName}.${format}`),
            force: opts.force ?? false,
            script,
            names: people,
          },
          'notices',
        );
        notes += note;
      }
    }
    const summary = `已为${docs.length}个责任单位生成督办通知单（截至${formatDate(day)}）。\n`;
    return { stdout: '', stderr: stderr + notes + summary, exitCode: 0 };
  }, 'notices');
}
