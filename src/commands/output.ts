// Writing a command's output: a file under --out (never overwriting without --force), or a briefing
// rendered in the chosen format onto stdout or into --out.
import * as fs from 'node:fs';
import type { BriefingDocument } from '../briefing/document.js';
import { renderBriefing, renderBriefingInPieces } from '../briefing/render.js';
import { InputError } from '../domain/types.js';
import { type FileData, writeNewFile } from '../store/atomic-write.js';
import { chartImageCache } from '../store/load-cache.js';
import { safeToEcho } from '../text/sanitize.js';
import { systemErrorText } from '../store/system-error.js';
import type { TextInPieces } from '../text/text-in-pieces.js';
import { resultInPieces, type CommandContext, type CommandResult } from './context.js';
import { UsageError } from './errors.js';
import { FORMAT_NAMES, type Format, type Script } from './option-values.js';
import { fileError, resolvePath, shownDiagnostics, shownPath } from './paths.js';

export interface DeliverOptions {
  format: Format;
  out?: string;
  force?: boolean;
  script: Script;
  /** person names kept as written in 繁體 output (domain/names.ts personNames) */
  names?: readonly string[];
}

/** Writes the output file, or explains in Chinese why it cannot (exit 2, not a stack trace). */
export function writeOutput(ctx: CommandContext, out: string, data: FileData, force: boolean): string {
  const target = resolvePath(ctx, out);
  try {
    writeNewFile(target, data, { force });
  } catch (error) {
    if (error instanceof InputError) {
      // The store names the file twice ("x.docx: 错误：输出文件 /abs/x.docx 已存在…"): once is enough.
      if (!force && fs.existsSync(target) && error.diagnostics.some((d) => d.message.includes('已存在'))) {
        throw fileError(ctx, target, '输出文件已存在，未覆盖；如需覆盖请加 --force，或换一个文件名');
      }
      throw new InputError(shownDiagnostics(ctx, error.diagnostics));
    }
    const why = systemErrorText(error, shownPath(ctx, target), 'write');
    if (why === undefined) throw error;
    throw fileError(ctx, target, why);
  }
  return target;
}

/**
 * Renders a briefing in the chosen format and puts it on stdout or into --out. Word and Excel are
 * binary: they need --out (a .docx on a terminal is noise, and in a pipe it is easily lost).
 */
export async function deliverDocument(
  ctx: CommandContext,
  doc: BriefingDocument,
  opts: DeliverOptions,
  command: string,
): Promise<{ stdout?: TextInPieces; note: string }> {
  const { format, out, script } = opts;
  if (format === 'docx' || format === 'xlsx') {
    if (out === undefined) {
      throw new UsageError(
        `${FORMAT_NAMES[format]}（${format}）格式须用 --out 指定输出文件，例如 --out 通报.${format}`,
        command,
      );
    }
    let warnings = ''; // a chart left out of a Word bulletin (no CJK font), said before "已写入"
    const bytes = await renderBriefing(
      doc,
      format,
      script,
      opts.names,
      (w) => (warnings += `${safeToEcho(w)}\n`),
      format === 'docx' ? chartImageCache() : undefined,
    );
    const target = writeOutput(ctx, out, bytes, opts.force ?? false);
    return { note: `${warnings}已写入 ${safeToEcho(target)}\n` };
  }
  const text = await renderBriefingInPieces(doc, format, script, opts.names);
  if (out === undefined) return { stdout: text, note: '' };
  const target = writeOutput(ctx, out, text, opts.force ?? false);
  return { note: `已写入 ${safeToEcho(target)}\n` };
}

/** A briefing as a command's result: on stdout or in --out, with the "已写入" note after `stderr`. */
export async function briefingResult(
  ctx: CommandContext,
  doc: BriefingDocument,
  opts: {
    format: Format;
    script: Script;
    out?: string | undefined;
    force?: boolean | undefined;
    names?: readonly string[];
  },
  stderr: string,
  command: string,
): Promise<CommandResult> {
  const deliver: DeliverOptions = { format: opts.format, script: opts.script, force: opts.force ?? false };
  if (opts.names !== undefined) deliver.names = opts.names;
  if (opts.out !== undefined) deliver.out = opts.out;
  const { stdout, note } = await deliverDocument(ctx, doc, deliver, command);
  return stdout
    ? resultInPieces(stdout, stderr + note, 0)
    : { stdout: '', stderr: stderr + note, exitCode: 0 };
}
