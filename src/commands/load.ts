// Loading the register and meetings a command names, with messages that name files as the user typed
// them and say so when a file of the other kind was given. The store modules are imported lazily so
// each command loads only what it needs.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { InputError, type Diagnostic, type Meeting } from '../domain/types.js';
import { safeToEcho } from '../text/sanitize.js';
import { readRegularHead } from '../store/regular-file.js';
import type { CommandContext } from './context.js';
import { diagnosticsText, UsageError } from './errors.js';
import { fileError, isDirectory, meetingsBeside, resolvePath, shownDiagnostics } from './paths.js';

/** Top-level keys of a YAML text (lines that start a mapping key in column 1). */
function topLevelKeys(text: string): Set<string> {
  const keys = new Set<string>();
  for (const m of text.matchAll(/^([A-Za-z_]+):/gm)) keys.add(m[1]!);
  return keys;
}

type FileKind = 'register' | 'meeting' | 'other';

function fileKind(file: string): FileKind {
  // only a regular file, and only its head: /dev/zero or a FIFO must not be read (issue 9)
  const head = readRegularHead(file, 200_000);
  if (head === undefined) return 'other';
  const text = head.toString('utf8');
  const keys = topLevelKeys(text);
  if (keys.has('meeting') && !keys.has('register') && !keys.has('projects')) return 'meeting';
  if ((keys.has('register') || keys.has('projects')) && !keys.has('meeting')) return 'register';
  return 'other';
}

const MEETING_NOT_REGISTER =
  '这是会议记录文件，不是台账。check、lagging、bulletin 要给出台账文件（如 seeds/pinglu-2021.yaml），' +
  '会议记录所在的文件夹用 --meetings 给出；生成某次会议的纪要请用 diaodu minutes <会议记录>。';
const REGISTER_NOT_MEETING =
  '这是台账文件，不是会议记录。minutes 要给出一次会议的记录文件（如 meetings/2021-09-27-周调度.yaml）；' +
  '生成月通报请用 diaodu bulletin <台账>。';

/**
 * When a file of the other kind was given (a meeting where a register belongs, or the reverse), the
 * loader's list of unknown keys hides the real mistake: say it in one line per file instead.
 */
function explainWrongKind(
  ctx: CommandContext,
  error: InputError,
  expected: 'register' | 'meeting',
): InputError {
  const other: FileKind = expected === 'register' ? 'meeting' : 'register';
  const files = [...new Set(error.diagnostics.filter((d) => d.severity === 'error').map((d) => d.file))];
  const wrong = new Set(files.filter((f) => fileKind(path.resolve(ctx.cwd, f)) === other));
  if (wrong.size === 0) return new InputError(shownDiagnostics(ctx, error.diagnostics));
  const message = expected === 'register' ? MEETING_NOT_REGISTER : REGISTER_NOT_MEETING;
  const kept = error.diagnostics.filter((d) => !wrong.has(d.file));
  const explained: Diagnostic[] = [...wrong].map((file) => ({
    severity: 'error',
    file,
    line: 0,
    column: 0,
    message,
  }));
  return new InputError(shownDiagnostics(ctx, [...explained, ...kept]));
}

export interface LoadedRegister {
  register: import('../domain/types.js').Register;
  warnings: Diagnostic[];
}

export async function loadRegisterFrom(ctx: CommandContext, file: string): Promise<LoadedRegister> {
  const { loadRegister } = await import('../store/register-file.js');
  const full = resolvePath(ctx, file);
  // A folder of meeting records given as the register: one sentence, not an error per file.
  if (isDirectory(full) && looksLikeMeetingsFolder(full)) {
    throw fileError(
      ctx,
      full,
      `这是会议记录文件夹，不是台账。请给出台账文件，并用 --meetings ${file} 给出会议记录。`,
    );
  }
  try {
    const loaded = loadRegister(full);
    return { register: loaded.register, warnings: shownDiagnostics(ctx, loaded.warnings) };
  } catch (error) {
    if (error instanceof InputError) throw explainWrongKind(ctx, error, 'register');
    throw error;
  }
}

function looksLikeMeetingsFolder(dir: string): boolean {
  let names: string[];
  try {
    names = fs.readdirSync(dir).filter((n) => /\.ya?ml$/i.test(n) && !n.startsWith('.'));
  } catch {
    return false;
  }
  return names.length > 0 && names.every((n) => fileKind(path.join(dir, n)) === 'meeting');
}

export interface LoadedMeetings {
  meetings: Meeting[];
  /** warnings of the files */
  warnings: string;
}

/**
 * When --meetings was not given but a meetings folder sits beside the register (where the app
 * keeps them), a line saying so for stderr: without it the decisions are left out of the figures,
 * the lights and the bulletin, and the secretary may not notice. (A meetings folder in the current
 * folder is not named: it may belong to another register.)
 */
export function meetingsHint(ctx: CommandContext, registerArg: string): string {
  const found = meetingsBeside(resolvePath(ctx, registerArg));
  if (!isDirectory(found)) return '';
  const relative = path.relative(ctx.cwd, found);
  const shown = safeToEcho(
    relative === '' || relative.startsWith('..') || path.isAbsolute(relative) ? found : relative,
  );
  return `提示：没有加 --meetings，议定事项未计入。会议记录若在 ${shown}，请加 --meetings ${shown}\n`;
}

/**
 * The meetings of a folder. A folder that does not exist is bad input: the decision figures and the
 * 督办逾期 lights would silently leave out every decision (a mistyped --meetings must not give a
 * bulletin without its decisions and exit 0).
 */
export async function loadMeetingsFrom(
  ctx: CommandContext,
  dir: string,
  option = '--meetings',
): Promise<LoadedMeetings> {
  const full = resolvePath(ctx, dir);
  if (!fs.existsSync(full)) {
    throw new UsageError(`找不到会议记录文件夹 ${dir}（${option}）：路径不存在`);
  }
  if (!fs.statSync(full).isDirectory()) {
    throw new UsageError(`${option} 应为会议记录文件夹，而 ${dir} 是一个文件`);
  }
  const { loadMeetingsWithWarnings } = await import('../store/meeting-read.js');
  try {
    const { meetings, warnings } = loadMeetingsWithWarnings(full);
    return { meetings, warnings: diagnosticsText(shownDiagnostics(ctx, warnings)) };
  } catch (error) {
    if (error instanceof InputError) throw new InputError(shownDiagnostics(ctx, error.diagnostics));
    throw error;
  }
}

export async function loadMeetingFrom(
  ctx: CommandContext,
  file: string,
): Promise<{ meeting: Meeting; warnings: string }> {
  const { loadMeetingWithWarnings } = await import('../store/meeting-read.js');
  try {
    const { meeting, warnings } = loadMeetingWithWarnings(resolvePath(ctx, file));
    return { meeting, warnings: diagnosticsText(shownDiagnostics(ctx, warnings)) };
  } catch (error) {
    if (error instanceof InputError) throw explainWrongKind(ctx, error, 'meeting');
    throw error;
  }
}
