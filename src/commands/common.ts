// What every scripted command shares: its result as a value ({stdout, stderr, exitCode}), usage
// errors, Chinese messages for bad input, loading the register and meetings, and writing outputs.
// Commands never touch process.stdout or exit themselves, so tests call them as functions.
// Nothing here may import ink or react (the UI is loaded lazily by cli.ts only).
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { BriefingDocument } from '../briefing/document.js';
import { InputError, type Diagnostic, type IsoDate, type Meeting } from '../domain/types.js';
import { parseIsoDate } from '../domain/dates.js';
import { writeNewFile } from '../store/atomic-write.js';
import { safeLinesToEcho, safeToEcho } from '../text/sanitize.js';
import { readRegularHead } from '../store/regular-file.js';
import { systemErrorText } from '../store/system-error.js';

export interface CommandResult {
  stdout: string;
  stderr: string;
  /** 0 ok, 2 bad input or usage, 1 unexpected internal error */
  exitCode: number;
}

/** Wrong use of the command line: exit 2 with a Chinese message (and a pointer to help). */
export class UsageError extends Error {
  readonly command: string | undefined;
  constructor(message: string, command?: string) {
    super(message);
    this.name = 'UsageError';
    this.command = command;
  }
}

/** What commands learn from their surroundings; injected so tests need no terminal or clock. */
export interface CommandContext {
  /** today's date (the day for `items` when no --date is given) */
  today: () => IsoDate;
  /** folder relative paths are resolved from */
  cwd: string;
  /** progress lines of long work (a large import), shown at once on stderr by cli.ts */
  progress?: (line: string) => void;
}

export function localToday(now: Date = new Date()): IsoDate {
  const y = now.getFullYear();
  const m = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

export function defaultContext(): CommandContext {
  return { today: () => localToday(), cwd: process.cwd() };
}

/**
 * A diagnostic as one line; positions of 0 (a whole file, not a place in it) are left out. The file
 * name and the message (which may quote a value) are made safe to echo (issue 9).
 */
export function diagnosticLine(d: Diagnostic): string {
  const label = d.severity === 'error' ? '错误' : '警告';
  const file = safeToEcho(d.file);
  const where = d.line > 0 ? `${file}:${d.line}:${d.column}` : file;
  return `${where}: ${label}：${safeLinesToEcho(d.message)}`;
}

export function diagnosticsText(list: readonly Diagnostic[]): string {
  return list.map((d) => `${diagnosticLine(d)}\n`).join('');
}

/** Turns bad input (InputError, UsageError) into exit 2 with its messages; anything else propagates. */
export async function guard(
  run: () => Promise<CommandResult> | CommandResult,
  command?: string,
): Promise<CommandResult> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof InputError) {
      // Many errors scroll past the first ones: end with the count.
      const errors = error.diagnostics.filter((d) => d.severity === 'error').length;
      const count = errors > 1 ? `共${errors}处错误，请修改后重新运行。\n` : '';
      return { stdout: '', stderr: diagnosticsText(error.diagnostics) + count, exitCode: 2 };
    }
    if (error instanceof UsageError) {
      const hint = (error.command ?? command) ? `\n用法见：diaodu help ${error.command ?? command}` : '';
      // the message quotes what was typed: a value or path is echoed safe
      return { stdout: '', stderr: `diaodu: ${safeLinesToEcho(error.message)}${hint}\n`, exitCode: 2 };
    }
    throw error;
  }
}

export function resolvePath(ctx: CommandContext, p: string): string {
  return path.resolve(ctx.cwd, p);
}

export function isDirectory(p: string): boolean {
  return fs.existsSync(p) && fs.statSync(p).isDirectory();
}

/** Where the app keeps a register's meetings by default: `meetings` beside it. */
export function meetingsBeside(registerPath: string): string {
  return path.join(path.dirname(registerPath), 'meetings');
}

/** A --date value: YYYY-MM-DD that exists. */
export function parseDateOption(value: string, option: string): IsoDate {
  if (!parseIsoDate(value))
    throw new UsageError(`${option} 应为存在的日期，格式 YYYY-MM-DD（如 2021-11-15），而不是“${value}”`);
  return value;
}

/** A --month value: YYYY-MM. */
export function parseMonthOption(value: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(value);
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 12) {
    throw new UsageError(`--month 应为年月，格式 YYYY-MM（如 2021-10），而不是“${value}”`);
  }
  return value;
}

// ---- loading (the store modules are imported lazily so each command loads only what it needs) ----

/**
 * A file as the user would name it: relative to the folder the command runs in when it lies inside
 * it ("seeds/pinglu-2021.yaml"), else absolute. The loaders resolve paths before reading, so their
 * messages would otherwise name /the/whole/path of a file the user typed as a short one.
 */
export function shownPath(ctx: CommandContext, file: string): string {
  if (!path.isAbsolute(file)) return file;
  const rel = path.relative(ctx.cwd, file);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file;
}

/** An error about a whole file (no place in it: line 0), the file named as the user would name it. */
function fileError(ctx: CommandContext, file: string, message: string): InputError {
  return new InputError([{ severity: 'error', file: shownPath(ctx, file), line: 0, column: 0, message }]);
}

export function shownDiagnostics(ctx: CommandContext, list: readonly Diagnostic[]): Diagnostic[] {
  return list.map((d) => ({ ...d, file: shownPath(ctx, d.file) }));
}

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

// ---- output ----

export type TextFormat = 'md' | 'txt' | 'json';
export type BinaryFormat = 'docx' | 'xlsx';
export type Format = TextFormat | BinaryFormat;
export type Script = 'simplified' | 'traditional';

const FORMAT_NAMES: Record<Format, string> = {
  md: 'Markdown',
  txt: '纯文本',
  json: 'JSON',
  docx: 'Word',
  xlsx: 'Excel',
};

// What to say for an extension we cannot write, when there is a near one we can.
const EXTENSION_HINTS: Record<string, string> = {
  doc: '；Word 文件请用 .docx',
  wps: '；Word 文件请用 .docx（WPS 可以打开）',
  xls: '；Excel 文件请用 .xlsx',
  et: '；Excel 文件请用 .xlsx（WPS 可以打开）',
  pdf: '；PDF 可先写出 .docx，再在 Word 或 WPS 中另存为 PDF',
};

/**
 * The output format: --format when given, else the --out file's extension (.md .txt .json .docx
 * .xlsx), else Markdown. An --out whose extension names a format we cannot write (通报.pdf, 纪要.doc)
 * is refused rather than filled with Markdown under a name that promises something else.
 */
export function chooseFormat(
  format: string | undefined,
  out: string | undefined,
  allowed: readonly Format[],
): Format {
  const list = allowed.join('|');
  if (format !== undefined) {
    const f = format
      .toLowerCase()
      .replace(/^markdown$/, 'md')
      .replace(/^text$/, 'txt');
    if (!(allowed as readonly string[]).includes(f))
      throw new UsageError(`--format 只能是 ${list}，而不是“${format}”`);
    return f as Format;
  }
  if (out !== undefined) {
    const ext = path.extname(out).slice(1).toLowerCase();
    const f = ext === 'markdown' ? 'md' : ext === 'text' ? 'txt' : ext;
    if ((allowed as readonly string[]).includes(f)) return f as Format;
    if (ext !== '') {
      const extensions = allowed.map((a) => `.${a}`).join(' ');
      throw new UsageError(
        `不能按扩展名“.${ext}”写出 ${path.basename(out)}：--out 的扩展名应为 ${extensions} 之一，` +
          `或用 --format 指定格式${EXTENSION_HINTS[ext] ?? ''}`,
      );
    }
  }
  return 'md';
}

export function parseScript(value: string | undefined): Script {
  if (value === undefined || value === 'simplified' || value === '简体') return 'simplified';
  if (value === 'traditional' || value === '繁体' || value === '繁體') return 'traditional';
  throw new UsageError(`--script 只能是 simplified（简体）或 traditional（繁体），而不是“${value}”`);
}

// Characters common in register titles that exist only in traditional writing (項目 臺賬 開發區 經濟 …).
const TRADITIONAL_ONLY = /[項區臺賬點發開經濟園設進計劃資額單會議實總東車陽縣鎮鄉層場產]/u;

/**
 * A hint for a register written in traditional characters when no --script was given: its names
 * would otherwise stand in a simplified frame (關於… 達拉特經濟開發區 重点项目…).
 */
export function traditionalHint(title: string, script: string | undefined): string {
  if (script !== undefined || !TRADITIONAL_ONLY.test(title)) return '';
  return '提示：台账用繁体字书写，可加 --script traditional 输出繁体字。\n';
}

/**
 * Converts text output to 繁體 when asked (opencc is loaded only then), keeping the person names
 * `names` (domain/names.ts personNames) as they are written.
 */
export async function applyScript(
  text: string,
  script: Script,
  names: readonly string[] = [],
): Promise<string> {
  if (script !== 'traditional') return text;
  const { traditionalConverter } = await import('../text/traditional.js');
  return traditionalConverter(names)(text);
}

/**
 * Fields whose values are names a script compares against (formats.md enums, the lights, the model's
 * own tags): kept as they are when JSON is printed in traditional characters.
 */
const STABLE_JSON_FIELDS = new Set([
  'light',
  'kind',
  'type',
  'align',
  'format',
  'state',
  'status',
  'nature',
  'stage',
  'severity',
  'timeProgressMode',
]);

/**
 * JSON for --script traditional: every text value converted, but never a key ("lights": {"红": …}
 * stays a key scripts can read) nor the value of a field in STABLE_JSON_FIELDS.
 */
export async function jsonText(
  value: unknown,
  script: Script,
  names: readonly string[] = [],
): Promise<string> {
  if (script !== 'traditional') return `${JSON.stringify(value, null, 2)}\n`;
  const { traditionalConverter } = await import('../text/traditional.js');
  const convert = traditionalConverter(names);
  return `${JSON.stringify(mapStrings(value, convert, STABLE_JSON_FIELDS), null, 2)}\n`;
}

/** `value` with every string in it converted, except the values of the fields named in `keep`. */
function mapStrings(value: unknown, convert: (s: string) => string, keep: ReadonlySet<string>): unknown {
  const walk = (v: unknown, key?: string): unknown => {
    if (key !== undefined && keep.has(key)) return v;
    if (typeof v === 'string') return convert(v);
    if (Array.isArray(v)) return v.map((x) => walk(x));
    if (v !== null && typeof v === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) out[k] = walk(x, k);
      return out;
    }
    return v;
  };
  return walk(value);
}

/** Fields of the document model that are tags renderers match on, or data, not text. */
const DOCUMENT_TAGS = new Set(['light', 'data', 'kind', 'type', 'align', 'format']);

/**
 * Every human-readable string of a document converted with `convert`; the `light` of cells, which
 * renderers match on (红/黄/绿), and `data` are left as they are.
 */
export function mapDocumentText(doc: BriefingDocument, convert: (s: string) => string): BriefingDocument {
  return mapStrings(doc, convert, DOCUMENT_TAGS) as BriefingDocument;
}

export interface DeliverOptions {
  format: Format;
  out?: string;
  force?: boolean;
  script: Script;
  /** person names kept as written in 繁體 output (domain/names.ts personNames) */
  names?: readonly string[];
}

/** Writes the output file, or explains in Chinese why it cannot (exit 2, not a stack trace). */
export function writeOutput(
  ctx: CommandContext,
  out: string,
  data: string | Uint8Array,
  force: boolean,
): string {
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
): Promise<{ stdout: string; note: string }> {
  const { format, out, script } = opts;
  if (format === 'docx' || format === 'xlsx') {
    if (out === undefined) {
      throw new UsageError(
        `${FORMAT_NAMES[format]}（${format}）格式须用 --out 指定输出文件，例如 --out 通报.${format}`,
        command,
      );
    }
    let model = doc;
    let convert: ((s: string) => string) | undefined;
    if (script === 'traditional') {
      const { traditionalConverter } = await import('../text/traditional.js');
      convert = traditionalConverter(opts.names);
      model = mapDocumentText(doc, convert);
    }
    let warnings = ''; // a chart left out of a Word bulletin (no CJK font), said before "已写入"
    const bytes =
      format === 'docx'
        ? await (
            await import('../briefing/docx.js')
          ).renderDocx(model, { warn: (w) => (warnings += `${safeToEcho(w)}\n`) })
        : await (await import('../briefing/xlsx.js')).renderXlsx(model, convert ? { convert } : {});
    const target = writeOutput(ctx, out, bytes, opts.force ?? false);
    return { stdout: '', note: `${warnings}已写入 ${safeToEcho(target)}\n` };
  }
  let text: string;
  if (format === 'md')
    text = await applyScript(
      (await import('../briefing/markdown.js')).renderMarkdown(doc),
      script,
      opts.names,
    );
  else if (format === 'txt')
    text = await applyScript((await import('../briefing/text.js')).renderText(doc), script, opts.names);
  else if (script === 'traditional') text = await jsonText(doc, script, opts.names);
  else text = (await import('../briefing/json.js')).renderJson(doc);
  if (out === undefined) return { stdout: text, note: '' };
  const target = writeOutput(ctx, out, text, opts.force ?? false);
  return { stdout: '', note: `已写入 ${safeToEcho(target)}\n` };
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
  return { stdout, stderr: stderr + note, exitCode: 0 };
}
