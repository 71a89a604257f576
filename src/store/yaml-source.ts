// Reading YAML input into typed values with positioned Chinese diagnostics (formats.md: every error
// names file, line and column and says what is wrong and what would be right).
//
// Speed: the yaml library is loaded on first use (yaml-lib.ts: a cached register needs none of it);
// the document is parsed once (yaml's composer, no toJS) and walked once by the callers;
// positions are computed only when a diagnostic or a SourcePos is made (LineCounter.linePos is a
// binary search). Aliases are resolved through one anchor table built on first use.

import { LineCounter, isAlias, isMap, isScalar, isSeq, parseDocument, visit } from './yaml-lib.js';
import type { Document, Node as YamlNode, Pair, YAMLError, YAMLMap } from 'yaml';
import { InputError } from '../domain/types.js';
import type { Diagnostic, IsoDate, MoneyUnit, SourcePos } from '../domain/types.js';
import { canonicalEnum, normalizeEnumText } from '../domain/normalize.js';
import { sanitizeText } from '../text/sanitize.js';
import { readRegularFile } from './regular-file.js';
import { fastLineCounter, parseYamlFast } from './fast-yaml.js';
import { systemErrorReason } from './system-error.js';

/** Files larger than this are refused before they are read or parsed. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;
/** Aliases to collections that may be expanded in one file (guards against "billion laughs"). */
export const MAX_COLLECTION_ALIASES = 100;

/**
 * Characters that aliases may repeat in one file, counted as the source length of the anchored node at
 * each alias (issue 9: a 1,000,000-character name reused 200 times made 200 million characters, 1.4 GB
 * and a 573 MB cache entry from a 3 MB file).
 */
export const MAX_ALIAS_EXPANSION_CHARS = 2_000_000;

/** Diagnostics of one severity listed per file; the rest are counted in a closing note. */
export const MAX_DIAGNOSTICS_PER_FILE = 200;

const MB = 1024 * 1024;

// ---------------------------------------------------------------------------------------------
// Diagnostics

/** A DiagnosticSink's state at one moment (DiagnosticSink.mark). */
export interface SinkMark {
  errors: number;
  warnings: number;
  errorCounts: Map<string, number>;
  warningCounts: Map<string, number>;
  errorTotal: number;
}

/** Collects errors and warnings, possibly over several files; sorted by file order then position. */
export class DiagnosticSink {
  readonly errors: Diagnostic[] = [];
  readonly warnings: Diagnostic[] = [];
  private readonly fileOrder = new Map<string, number>();
  private readonly errorCounts = new Map<string, number>();
  private readonly warningCounts = new Map<string, number>();
  /** every error ever added, listed or not */
  private errorTotal = 0;

  /** Declares the order files are reported in (first declared first). */
  beginFile(file: string): void {
    if (!this.fileOrder.has(file)) this.fileOrder.set(file, this.fileOrder.size);
  }

  add(d: Diagnostic): void {
    this.beginFile(d.file);
    const list = d.severity === 'error' ? this.errors : this.warnings;
    const counts = d.severity === 'error' ? this.errorCounts : this.warningCounts;
    const n = (counts.get(d.file) ?? 0) + 1;
    counts.set(d.file, n);
    if (d.severity === 'error') this.errorTotal++;
    // A systematically wrong file (10,000 rows with the same mistake) lists the first ones only.
    if (n <= MAX_DIAGNOSTICS_PER_FILE) list.push(d);
  }

  /** The listed diagnostics of one severity, sorted, plus a note per file on how many were left out. */
  private finalList(list: Diagnostic[], counts: Map<string, number>): Diagnostic[] {
    const out = this.sorted(list);
    for (const [file, n] of counts) {
      if (n > MAX_DIAGNOSTICS_PER_FILE) {
        const last = [...out].reverse().find((d) => d.file === file);
        const severity = list[0]?.severity ?? 'error';
        const at = out.lastIndexOf(last!) + 1;
        out.splice(at, 0, {
          severity,
          file,
          line: last?.line ?? 1,
          column: last?.column ?? 1,
          message: `另有 ${n - MAX_DIAGNOSTICS_PER_FILE} 条${severity === 'error' ? '错误' : '警告'}未列出（每个文件最多列出 ${MAX_DIAGNOSTICS_PER_FILE} 条）。`,
        });
      }
    }
    return out;
  }

  /** Counts `n` more diagnostics of `file` that are not listed (they were left out elsewhere). */
  addOmitted(file: string, severity: Diagnostic['severity'], n: number): void {
    if (n <= 0) return;
    this.beginFile(file);
    const counts = severity === 'error' ? this.errorCounts : this.warningCounts;
    counts.set(file, (counts.get(file) ?? 0) + n);
    if (severity === 'error') this.errorTotal += n;
  }

  /** How many diagnostics of one severity `file` has had, listed or not. */
  count(file: string, severity: Diagnostic['severity']): number {
    return (severity === 'error' ? this.errorCounts : this.warningCounts).get(file) ?? 0;
  }

  /** Everything another sink collected, as if it had been added here (file order kept). */
  absorb(other: DiagnosticSink): void {
    for (const file of other.fileOrder.keys()) this.beginFile(file);
    for (const list of [other.errors, other.warnings]) {
      for (const d of list) this.add(d);
    }
    for (const [file, n] of other.errorCounts) {
      this.addOmitted(file, 'error', n - other.errors.filter((d) => d.file === file).length);
    }
    for (const [file, n] of other.warningCounts) {
      this.addOmitted(file, 'warning', n - other.warnings.filter((d) => d.file === file).length);
    }
  }

  /** A point to roll back to: everything added after it can be taken back (rollback). */
  mark(): SinkMark {
    return {
      errors: this.errors.length,
      warnings: this.warnings.length,
      errorCounts: new Map(this.errorCounts),
      warningCounts: new Map(this.warningCounts),
      errorTotal: this.errorTotal,
    };
  }

  /** Forgets every diagnostic added since `mark` (files declared since stay declared, in order). */
  rollback(mark: SinkMark): void {
    this.errors.length = mark.errors;
    this.warnings.length = mark.warnings;
    this.errorCounts.clear();
    for (const [k, v] of mark.errorCounts) this.errorCounts.set(k, v);
    this.warningCounts.clear();
    for (const [k, v] of mark.warningCounts) this.warningCounts.set(k, v);
    this.errorTotal = mark.errorTotal;
  }

  /** Whether any error was added since `mark`. */
  errorsSince(mark: SinkMark): boolean {
    return this.errorTotal > mark.errorTotal;
  }

  error(file: string, line: number, column: number, message: string): void {
    this.add({ severity: 'error', file, line, column, message });
  }

  warning(file: string, line: number, column: number, message: string): void {
    this.add({ severity: 'warning', file, line, column, message });
  }

  get hasErrors(): boolean {
    return this.errors.length > 0;
  }

  sorted(list: Diagnostic[]): Diagnostic[] {
    const order = (f: string): number => this.fileOrder.get(f) ?? Number.MAX_SAFE_INTEGER;
    return list
      .map((d, i) => ({ d, i }))
      .sort(
        (a, b) =>
          order(a.d.file) - order(b.d.file) || a.d.line - b.d.line || a.d.column - b.d.column || a.i - b.i,
      )
      .map((x) => x.d);
  }

  /** Throws one InputError holding every error, sorted by position, when there is any. */
  throwIfErrors(): void {
    if (this.errors.length > 0) throw new InputError(this.finalList(this.errors, this.errorCounts));
  }

  sortedWarnings(): Diagnostic[] {
    return this.finalList(this.warnings, this.warningCounts);
  }
}

/** Throws an InputError with a single error at `line:column` of `file`. */
export function fail(file: string, message: string, line = 1, column = 1): never {
  throw new InputError([{ severity: 'error', file, line, column, message }]);
}

// ---------------------------------------------------------------------------------------------
// Reading bytes

function formatMb(bytes: number): string {
  return `${(bytes / MB).toFixed(1)} MB`;
}

/** A YAML file's bytes with the size and modification time they were read at. */
export interface YamlFileBytes {
  bytes: Buffer;
  size: number;
  mtimeMs: number;
}

/**
 * Reads a YAML file's bytes: refuses missing files, folders and files over MAX_FILE_BYTES (checked
 * before reading). `file` is the path as the caller gave it; it is used both to read and in messages.
 */
export function readYamlFile(file: string): YamlFileBytes {
  // a device, FIFO or socket is refused before it is opened for reading (issue 9: /dev/zero)
  return readRegularFile(file, {
    what: 'YAML 文件',
    maxBytes: MAX_FILE_BYTES,
    tooLargeHint: '请确认选的是台账或会议记录文件。',
  });
}

/**
 * Reads a YAML file as text: readYamlFile's checks, then binary data and text that is not UTF-8
 * are refused. A UTF-8 BOM is dropped.
 */
export function readYamlText(file: string): string {
  return decodeYamlBytes(readYamlFile(file).bytes, file);
}

/** `fallback` (“无法读取会议记录文件夹”) and why, in Chinese (system-error.ts). */
export function describeIoError(e: unknown, fallback: string): string {
  if ((e as { code?: unknown } | null)?.code === 'EISDIR') return '这是一个文件夹，不是 YAML 文件。';
  return `${fallback}：${systemErrorReason(e, 'read') ?? '原因不明。'}`;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Bytes → text: UTF-16 and invalid UTF-8 are refused with the position of the first bad byte. */
export function decodeYamlBytes(bytes: Uint8Array, file: string): string {
  if (
    bytes.length >= 2 &&
    ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
  ) {
    fail(file, '文件是 UTF-16 编码；请另存为 UTF-8 编码后再打开。');
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    const prefix = new TextDecoder('utf-8').decode(bytes.subarray(0, nul));
    const { line, column } = textPosition(prefix, prefix.length);
    fail(file, '文件含有二进制数据（NUL 字节），不是 YAML 文本文件。', line, column);
  }
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    const bad = firstInvalidUtf8(bytes);
    const prefix = new TextDecoder('utf-8').decode(bytes.subarray(0, bad));
    const { line, column } = textPosition(prefix, prefix.length);
    fail(
      file,
      `文件不是有效的 UTF-8 文本（第 ${bad + 1} 字节无法解码），可能是 GBK/GB2312 编码或二进制文件；请用 UTF-8 编码另存。`,
      line,
      column,
    );
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Offset of the first byte that is not part of a valid UTF-8 sequence (only called on failure). */
function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    let n = 0;
    let min = 0;
    if (c < 0x80) n = 0;
    else if (c >= 0xc2 && c <= 0xdf) n = 1;
    else if (c >= 0xe0 && c <= 0xef) [n, min] = [2, 0x800];
    else if (c >= 0xf0 && c <= 0xf4) [n, min] = [3, 0x10000];
    else return i;
    let cp = n === 0 ? c : c & (0x3f >> n);
    for (let k = 1; k <= n; k++) {
      const cc = b[i + k];
      if (cc === undefined || (cc & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (cc & 0x3f);
    }
    if (n > 1 && (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))) return i;
    i += n + 1;
  }
  return b.length;
}

/** 1-based line and column of `offset` in `text` (slow path, for rare errors only). */
function textPosition(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

// ---------------------------------------------------------------------------------------------
// Parsing

const YAML_MESSAGES: Partial<Record<YAMLError['code'], string>> = {
  ALIAS_PROPS: '别名（*名称）不能带锚点或标签',
  BAD_ALIAS: '别名（*名称）写法不正确',
  BAD_DIRECTIVE: '指令（以 % 开头的行）无效',
  BAD_DQ_ESCAPE:
    '双引号字符串中的转义序列无效（反斜杠 \\ 后只能跟 YAML 允许的字符；如需反斜杠本身请写 \\\\ 或改用单引号）',
  BAD_INDENT: '缩进不正确（同一层的键必须对齐，子项要比上一层多缩进）',
  BAD_PROP_ORDER: '锚点（&）或标签（!）的位置不正确',
  BAD_SCALAR_START: '值不能以这个字符开头（如 @ 或 `）；请给整个值加上引号',
  BLOCK_AS_IMPLICIT_KEY: '同一行里不能再嵌套“键: 值”；值中含有“: ”时请给值加上引号',
  BLOCK_IN_FLOW: '方括号 [ ] 或花括号 { } 中不能使用分行的块结构',
  DUPLICATE_KEY: '键重复',
  KEY_OVER_1024_CHARS: '键太长（超过 1024 个字符）',
  MISSING_CHAR: '缺少必要的字符（如引号、逗号、冒号或右括号）',
  MULTILINE_IMPLICIT_KEY: '键不能跨行；是否漏写了冒号，或值中含有“: ”而没有加引号？',
  MULTIPLE_ANCHORS: '一个节点只能有一个锚点（&）',
  MULTIPLE_DOCS: '文件中有多个 YAML 文档（用“---”分隔）；只允许一个',
  MULTIPLE_TAGS: '一个节点只能有一个标签（!）',
  TAB_AS_INDENT: '不能用制表符（Tab）缩进，请改用空格',
  UNEXPECTED_TOKEN: '此处出现了不应有的内容',
  BAD_COLLECTION_TYPE: '集合类型不正确',
  TAG_RESOLVE_FAILED: '无法识别的标签',
};

function yamlMessage(e: YAMLError): string {
  const zh = YAML_MESSAGES[e.code] ?? 'YAML 语法错误';
  return `YAML 语法错误：${zh}。（${e.message}）`;
}

export interface ParsedYaml {
  file: string;
  text: string;
  doc: Document.Parsed;
  /** line starts of the whole file */
  lineCounter: LineCounter;
  /** where `text` starts in the file when it is one chunk of it (parseYamlChunk); default 0 */
  base?: number;
}

const PARSE_OPTIONS = {
  prettyErrors: false,
  uniqueKeys: false, // duplicates are reported by Fields, with the first occurrence named
  version: '1.2',
  schema: 'core', // 2021-03-01 stays a string; dates are validated here
  merge: false,
  keepSourceTokens: false,
} as const;

/** Checks made before any parse: size and NUL bytes. False (with an error in `sink`) when refused. */
function acceptableText(text: string, file: string, sink: DiagnosticSink): boolean {
  if (text.length > MAX_FILE_BYTES) {
    sink.error(file, 1, 1, `文本过长（${formatMb(text.length)}），超过 ${formatMb(MAX_FILE_BYTES)} 的上限。`);
    return false;
  }
  const nul = text.indexOf('\u0000');
  if (nul !== -1) {
    const { line, column } = textPosition(text, nul);
    sink.error(file, line, column, '文件含有二进制数据（NUL 字节），不是 YAML 文本文件。');
    return false;
  }
  return true;
}

/**
 * Parses `text` (all of it, or `text.slice(base, end)` when `end` is given) and reports yaml's
 * errors and warnings at file positions. Undefined when it has errors.
 */
function parseAt(
  text: string,
  base: number,
  end: number | undefined,
  file: string,
  lineCounter: LineCounter,
  ownLines: boolean,
  sink: DiagnosticSink,
): ParsedYaml | undefined {
  const source = end === undefined ? text : text.slice(base, end);
  const fast = ownLines ? undefined : parseYamlFast(source, file, lineCounter);
  if (fast) return { ...fast, base };
  let doc: Document.Parsed;
  try {
    doc = parseDocument(source, ownLines ? { ...PARSE_OPTIONS, lineCounter } : PARSE_OPTIONS);
  } catch (e) {
    // a stack overflow in the composer (sometimes surfacing as a SyntaxError from a regex)
    const deep = e instanceof RangeError || (e instanceof Error && /call stack/i.test(e.message));
    sink.error(
      file,
      1,
      1,
      deep
        ? 'YAML 嵌套层次过深，无法读取；台账和会议记录不需要这么多层。'
        : `无法解析 YAML：${e instanceof Error ? e.message : String(e)}`,
    );
    return undefined;
  }
  if (doc.errors.length > 0) {
    for (const e of doc.errors) {
      const { line, col } = lineCounter.linePos(base + e.pos[0]);
      sink.error(file, Math.max(1, line), Math.max(1, col), yamlMessage(e));
    }
    return undefined;
  }
  for (const w of doc.warnings) {
    const { line, col } = lineCounter.linePos(base + w.pos[0]);
    const msg =
      w.code === 'TAG_RESOLVE_FAILED' ? `无法识别的标签，已按普通值读取。（${w.message}）` : yamlMessage(w);
    sink.warning(file, Math.max(1, line), Math.max(1, col), msg);
  }
  return { file, text: source, doc, lineCounter, base };
}

/**
 * Parses YAML text; syntax problems go to `sink` as errors (with the yaml library's position) and
 * the result is undefined. Never throws for bad input.
 */
export function parseYamlText(text: string, file: string, sink: DiagnosticSink): ParsedYaml | undefined {
  sink.beginFile(file);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (!acceptableText(text, file, sink)) return undefined;
  return parseYamlFast(text, file) ?? parseAt(text, 0, undefined, file, new LineCounter(), true, sink);
}

// ---------------------------------------------------------------------------------------------
// Parsing a long list one item at a time
//
// A 10,000-project register parsed as one document becomes one CST and one Document of about a
// million nodes (~350 MB) before any of it is read. When the file has the plain shape every
// register has (a top-level mapping whose last key holds a block list), the part before the list
// and each list item are parsed as documents of their own, each dropped once read; positions are
// those in the whole file. Anything unusual (anchors, aliases, tags, directives, several
// documents, odd indentation, a list that is not last) is left to the whole-file parse, and so is
// every file in which this finds a problem: messages always come from the whole-file parse.

/** Where a file's head ends and each item of its trailing block list starts and ends. */
export interface TrailingList {
  /** the offset just after the `key:` line: the head is text.slice(0, headEnd) */
  headEnd: number;
  items: [start: number, end: number][];
  lineCounter: LineCounter;
}

/** Line starts of `text` as the yaml parser counts them. */
export function lineCounterFor(text: string): LineCounter {
  return fastLineCounter(text);
}

// An anchor, alias or tag could tie items together or to the head; a directive or document marker
// changes how everything is read. Coarse on purpose: a false alarm only costs memory.
const UNUSUAL = /(?:^|[\s[{,])[&*!]\S|^(?:%|---|\.\.\.)/m;

/**
 * Finds the top-level `key:` line followed by a block list that runs to the end of the file; undefined
 * when the text does not have exactly that simple shape.
 */
export function splitTrailingList(text: string, key: string): TrailingList | undefined {
  if (UNUSUAL.test(text)) return undefined;
  const keyLine = new RegExp(`^${key}:(?:[ ]+(?:#.*)?)?\r?$`, 'gm');
  const found = keyLine.exec(text);
  if (!found || keyLine.exec(text)) return undefined; // missing, or there twice
  const nlAfterKey = text.indexOf('\n', found.index);
  if (nlAfterKey === -1) return undefined;
  const headEnd = nlAfterKey + 1;
  const items: [number, number][] = [];
  let itemIndent = -1;
  let start = -1;
  let pos = headEnd;
  while (pos < text.length) {
    let eol = text.indexOf('\n', pos);
    if (eol === -1) eol = text.length;
    let indent = 0;
    while (text.charCodeAt(pos + indent) === 0x20) indent++;
    const c = text.charCodeAt(pos + indent);
    const blank = pos + indent >= eol || c === 0x0d; // empty, spaces only, or a bare \r
    if (!blank && c !== 0x23 /* # */) {
      const next = text.charCodeAt(pos + indent + 1);
      const itemStart = c === 0x2d /* - */ && (next === 0x20 || next === 0x0d || pos + indent + 1 >= eol);
      if (itemIndent === -1) {
        if (!itemStart) return undefined; // the key's value is not a block list
        itemIndent = indent;
      }
      if (indent < itemIndent || (indent === itemIndent && !itemStart)) return undefined; // the list ends early
      if (indent === itemIndent) {
        if (start !== -1) items.push([start, pos]);
        start = pos;
      }
    }
    pos = eol + 1;
  }
  if (start === -1) return undefined;
  items.push([start, text.length]);
  return { headEnd, items, lineCounter: lineCounterFor(text) };
}

/**
 * Parses one item of a TrailingList (`text.slice(start, end)`: one `- …` entry with its own
 * indentation), reporting positions in the whole file. Undefined (with errors in `sink`) when it
 * does not parse.
 */
export function parseYamlChunk(
  text: string,
  start: number,
  end: number,
  file: string,
  lineCounter: LineCounter,
  sink: DiagnosticSink,
): ParsedYaml | undefined {
  return parseAt(text, start, end, file, lineCounter, false, sink);
}

/** The head of a TrailingList (`text.slice(0, headEnd)`) parsed, positions in the whole file. */
export function parseYamlHead(
  text: string,
  headEnd: number,
  file: string,
  lineCounter: LineCounter,
  sink: DiagnosticSink,
): ParsedYaml | undefined {
  sink.beginFile(file);
  if (!acceptableText(text, file, sink)) return undefined;
  return parseAt(text, 0, headEnd, file, lineCounter, false, sink);
}

// ---------------------------------------------------------------------------------------------
// Values

/** A node or pair whose position is used for a message, or a raw offset. */
export type At = YamlNode | Pair | number | null | undefined;

const NEEDS_SANITIZE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/** sanitizeText, skipped when the text holds nothing it would change (the common case). */
export function cleanText(text: string, multiline = false): string {
  return NEEDS_SANITIZE.test(text) ? sanitizeText(text, { multiline }) : text;
}

/** How a value looks, for "expected X, got Y" messages. */
export function describeNode(node: unknown): string {
  if (isMap(node)) return '映射（键: 值）';
  if (isSeq(node)) return '列表';
  if (isScalar(node)) {
    const v = node.value;
    if (v === null || v === undefined) return '空值';
    if (typeof v === 'number') return `数字 ${shortText(node.source ?? String(v))}`;
    if (typeof v === 'boolean') return `布尔值 ${String(v)}`;
    if (typeof v === 'string') return `文字“${shortText(cleanText(v))}”`;
  }
  return '无法识别的值';
}

function shortText(s: string, max = 40): string {
  return s.length > max ? `${s.slice(0, max)}…` : s;
}

/** `key` as it appears in messages. */
const q = (s: string): string => `“${s}”`;

/** Edit distance counting an adjacent transposition as one edit (chiar → chair is 1). */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[] = new Array<number>(rows * cols).fill(0);
  for (let i = 0; i < rows; i++) d[i * cols] = i;
  for (let j = 0; j < cols; j++) d[j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(
        d[(i - 1) * cols + j]! + 1,
        d[i * cols + j - 1]! + 1,
        d[(i - 1) * cols + j - 1]! + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        v = Math.min(v, d[(i - 2) * cols + j - 2]! + 1);
      }
      d[i * cols + j] = v;
    }
  }
  return d[rows * cols - 1]!;
}

const squash = (s: string): string => s.toLowerCase().replace(/[-_\s]/g, '');

/**
 * The allowed key `key` most likely meant: same letters ignoring case and - _; the Chinese name of
 * the field; or the nearest by edit distance (at most a third of its length, at least 1).
 */
export function suggestKey(key: string, spec: KeySpec): string | undefined {
  const keys = Object.keys(spec);
  const sq = squash(key);
  const same = keys.find((k) => squash(k) === sq);
  if (same) return same;
  const trimmed = key.trim();
  if (trimmed) {
    const byLabel = keys.find((k) =>
      (spec[k] ?? '')
        .split('/')
        .some((label) => label && (label === trimmed || (trimmed.length >= 2 && label.includes(trimmed)))),
    );
    if (byLabel) return byLabel;
  }
  let best: string | undefined;
  let bestD = Infinity;
  for (const k of keys) {
    const d = editDistance(sq, squash(k));
    if (d < bestD) [best, bestD] = [k, d];
  }
  return best !== undefined && bestD <= Math.max(1, Math.floor(best.length / 3)) ? best : undefined;
}

/** Allowed keys of a mapping → their Chinese names ("建设单位/项目业主"), used in hints. */
export type KeySpec = Readonly<Record<string, string>>;

const FULLWIDTH = /[０-９，．－＋]/g;
const fromFullwidth = (s: string): string =>
  s.replace(FULLWIDTH, (ch) => {
    if (ch === '，') return ',';
    if (ch === '．') return '.';
    if (ch === '－') return '-';
    if (ch === '＋') return '+';
    return String.fromCharCode(ch.charCodeAt(0) - 0xfee0);
  });

const NUMBER_TEXT = /^([+-]?)(\d+(?:,\d+)*)(?:\.(\d+))?([^\d.,+-]*)$/;
const THOUSANDS = /^\d{1,3}(?:,\d{3})+$/;

/** Unit words on amounts → power of ten relative to 万元. */
const AMOUNT_UNITS: Readonly<Record<string, number>> = { 万元: 0, 亿元: 4, 元: -4 };

/** Moves the decimal point of digits `int`.`frac` by `places` (exact, no float multiplication). */
export function shiftDecimal(sign: string, int: string, frac: string, places: number): number {
  const all = int + frac;
  const point = int.length + places;
  let s: string;
  if (point <= 0) s = `0.${'0'.repeat(-point)}${all}`;
  else if (point >= all.length) s = all + '0'.repeat(point - all.length);
  else s = `${all.slice(0, point)}.${all.slice(point)}`;
  return Number(sign + s);
}

/** A finite JS number scaled by 10^places via its decimal form, so 2.77 × 10⁴ is exactly 27700. */
export function scaleNumber(n: number, places: number): number {
  if (places === 0) return n;
  const s = String(Math.abs(n));
  if (s.includes('e')) return n * 10 ** places;
  const [int = '0', frac = ''] = s.split('.');
  return shiftDecimal(n < 0 ? '-' : '', int, frac, places);
}

type TextNumber =
  | { ok: true; sign: string; int: string; frac: string; unit: string; grouped: boolean; normalized: boolean }
  | { ok: false; reason: 'format' | 'grouping' };

function parseNumberText(raw: string): TextNumber {
  const text = fromFullwidth(raw).replace(/[\s\u3000]/g, '');
  const m = NUMBER_TEXT.exec(text);
  if (!m) return { ok: false, reason: 'format' };
  const [, sign = '', digits = '', frac = '', unit = ''] = m;
  const grouped = digits.includes(',');
  if (grouped && !THOUSANDS.test(digits)) return { ok: false, reason: 'grouping' };
  return {
    ok: true,
    sign,
    int: digits.replace(/,/g, ''),
    frac,
    unit: unit ? normalizeEnumText(unit) : '',
    grouped,
    normalized: text !== raw.trim(),
  };
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeap = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
export const daysInMonth = (y: number, m: number): number =>
  m === 2 && isLeap(y) ? 29 : DAYS_IN_MONTH[m - 1]!;

const STRICT_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const LOOSE_DATE = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})$|^(\d{4})年(\d{1,2})月(\d{1,2})日?$/;

type DateReading = { ok: true; date: IsoDate; loose: boolean } | { ok: false; message: string };

/** Reads `YYYY-MM-DD` (or, with `loose`, 2021/3/1, 2021.3.1, 2021年3月1日) and checks the day exists. */
export function readDateText(raw: string): DateReading {
  const text = fromFullwidth(raw.trim());
  let y: number, mo: number, d: number;
  let loose = false;
  const strict = STRICT_DATE.exec(text);
  if (strict) {
    [y, mo, d] = [Number(strict[1]), Number(strict[2]), Number(strict[3])];
  } else {
    const m = LOOSE_DATE.exec(text.replace(/\s+/g, ''));
    if (!m) return { ok: false, message: '不是日期；应写作 YYYY-MM-DD，例如 2021-03-01' };
    loose = true;
    if (m[1] !== undefined) [y, mo, d] = [Number(m[1]), Number(m[3]), Number(m[4])];
    else [y, mo, d] = [Number(m[5]), Number(m[6]), Number(m[7])];
  }
  if (y < 1900 || y > 2200) return { ok: false, message: `不是有效日期：年份 ${y} 超出 1900–2200 年` };
  if (mo < 1 || mo > 12) return { ok: false, message: `不是有效日期：月份 ${mo} 不存在，应为 1–12` };
  const dim = daysInMonth(y, mo);
  if (d < 1 || d > dim) return { ok: false, message: `不是有效日期：${y}年${mo}月只有${dim}天` };
  const iso = `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return { ok: true, date: iso, loose };
}

// ---------------------------------------------------------------------------------------------
// The walker

/** One parsed YAML file being read into typed values; diagnostics go to the shared sink. */
export class YamlSource {
  readonly file: string;
  readonly doc: Document.Parsed;
  private readonly lineCounter: LineCounter;
  /** where this source's text starts in the file (a chunk of it) */
  private readonly base: number;
  private anchors: Map<string, { offset: number; node: YamlNode }[]> | undefined;
  private collectionAliases = 0;
  private aliasBombReported = false;
  /** characters repeated through aliases so far (each alias node counted once) */
  private expandedChars = 0;
  private readonly countedAliases = new Set<YamlNode>();

  constructor(
    parsed: ParsedYaml,
    readonly sink: DiagnosticSink,
  ) {
    this.file = parsed.file;
    this.doc = parsed.doc;
    this.lineCounter = parsed.lineCounter;
    this.base = parsed.base ?? 0;
  }

  offsetOf(at: At): number {
    if (typeof at === 'number') return at;
    if (!at) return 0;
    if ('key' in at && 'value' in at && !('range' in at)) {
      // a Pair: its key, else its value
      const k = at.key as YamlNode | null;
      if (k && k.range) return k.range[0];
      const v = at.value as YamlNode | null;
      return v?.range?.[0] ?? 0;
    }
    return (at as YamlNode).range?.[0] ?? 0;
  }

  pos(at: At): SourcePos {
    const { line, col } = this.lineCounter.linePos(this.base + this.offsetOf(at));
    return { file: this.file, line: Math.max(1, line), column: Math.max(1, col) };
  }

  error(at: At, message: string): void {
    const p = this.pos(at);
    this.sink.error(this.file, p.line, p.column, message);
  }

  warning(at: At, message: string): void {
    const p = this.pos(at);
    this.sink.warning(this.file, p.line, p.column, message);
  }

  /** `file:line` of a node, for messages that name another place. */
  where(at: At, fromFile?: string): string {
    const p = this.pos(at);
    return fromFile === this.file ? `第 ${p.line} 行` : `${this.file}:${p.line}:${p.column}`;
  }

  /** The document's top-level node (null for an empty document). */
  root(): YamlNode | null {
    return this.resolve(this.doc.contents as YamlNode | null);
  }

  /**
   * Follows an alias to its anchored node. Unknown anchors and too many expansions of collections
   * are errors (null is returned).
   */
  resolve(node: unknown): YamlNode | null {
    if (!isAlias(node)) return (node as YamlNode | null | undefined) ?? null;
    if (!this.anchors) {
      // one pass over the document, on the first alias: anchor name → its nodes in document order
      const anchors = new Map<string, { offset: number; node: YamlNode }[]>();
      visit(this.doc, {
        Node: (_k, n) => {
          const anchor = (n as { anchor?: string }).anchor;
          if (!anchor || isAlias(n)) return;
          const list = anchors.get(anchor) ?? [];
          list.push({ offset: n.range?.[0] ?? 0, node: n });
          anchors.set(anchor, list);
        },
      });
      this.anchors = anchors;
    }
    // yaml: an alias refers to the last node with that anchor before it
    const at = node.range?.[0] ?? 0;
    const list = this.anchors.get(node.source) ?? [];
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid]!.offset < at) lo = mid + 1;
      else hi = mid;
    }
    const found = lo > 0 ? list[lo - 1]!.node : undefined;
    if (!found) {
      this.error(node, `别名 *${node.source} 引用的锚点 &${node.source} 不存在（锚点必须写在别名之前）。`);
      return null;
    }
    if (isMap(found) || isSeq(found)) {
      this.collectionAliases++;
      if (this.collectionAliases > MAX_COLLECTION_ALIASES) {
        if (!this.aliasBombReported) {
          this.aliasBombReported = true;
          this.error(
            node,
            `别名（*名称）展开次数过多（超过 ${MAX_COLLECTION_ALIASES} 次），疑为恶意构造的文件；请直接写出内容。`,
          );
        }
        return null;
      }
    }
    if (!this.countedAliases.has(node)) {
      this.countedAliases.add(node);
      const range = found.range;
      this.expandedChars += range ? range[1] - range[0] : 0;
    }
    if (this.expandedChars > MAX_ALIAS_EXPANSION_CHARS) {
      if (!this.aliasBombReported) {
        this.aliasBombReported = true;
        this.error(
          node,
          `别名（*名称）重复的文字共超过 ${MAX_ALIAS_EXPANSION_CHARS.toLocaleString('en-US')} 个字符的上限，疑为恶意构造的文件；请直接写出内容，或缩短被引用的文字。`,
        );
      }
      return null;
    }
    return found;
  }

  /**
   * A mapping's fields, or undefined (with an error) when `node` is not a mapping.
   * `what` names it in messages (“项目”、“register”).
   */
  fields(node: unknown, at: At, what: string, spec: KeySpec): Fields | undefined {
    const resolved = this.resolve(node);
    if (!isMap(resolved)) {
      if (isAlias(node) && resolved === null) return undefined;
      this.error(
        at ?? (node as At),
        `${what}应为映射（键: 值），实际是${describeNode(resolved)}。${colonHint(resolved)}`,
      );
      return undefined;
    }
    const reportAt = isAlias(node) ? node : isAlias(at) ? at : resolved;
    return new Fields(this, resolved, reportAt, what, spec);
  }

  /**
   * The items of a list (aliases resolved), or undefined with an error for another kind of value.
   * Each item comes with the node to report positions at.
   */
  items(node: unknown, at: At, what: string): { node: YamlNode | null; at: YamlNode }[] | undefined {
    const resolved = this.resolve(node);
    if (resolved === null && isAlias(node)) return undefined;
    if (!isSeq(resolved)) {
      this.error(at ?? (node as At), `${what}应为列表（每项以“- ”开头），实际是${describeNode(resolved)}。`);
      return undefined;
    }
    const out: { node: YamlNode | null; at: YamlNode }[] = [];
    for (const item of resolved.items as (YamlNode | null)[]) {
      if (isAlias(item)) {
        const r = this.resolve(item);
        if (r !== null) out.push({ node: r, at: item });
      } else {
        out.push({ node: item, at: item ?? resolved });
      }
    }
    return out;
  }
}

function colonHint(node: YamlNode | null): string {
  if (isScalar(node) && typeof node.value === 'string') {
    if (node.value.includes('：')) return '是否用了全角冒号“：”？键后应为半角冒号加空格“: ”。';
    if (/^[^\s:]+:\S/.test(node.value)) return '是否在冒号后漏了空格？键后应为“: ”。';
  }
  return '';
}

interface ReadOpts {
  required?: boolean;
}

interface StrOpts extends ReadOpts {
  /** keep line breaks (prose fields); otherwise they become spaces and the text is trimmed */
  multiline?: boolean;
}

interface NumOpts extends ReadOpts {
  integer?: boolean;
  min?: number;
  max?: number;
  /** what the number is, for messages (“天数”) */
  noun?: string;
}

/** The fields of one mapping: unknown and duplicate keys are reported when it is built. */
export class Fields {
  private readonly pairs = new Map<string, Pair>();
  /** how the mapping is named in "缺少" messages; callers may refine it (项目“PL-001”) */
  what: string;
  private readonly viaAlias: boolean;

  constructor(
    readonly src: YamlSource,
    readonly map: YAMLMap,
    /** where the mapping is reported (an alias that led here, or the map itself) */
    readonly at: YamlNode,
    what: string,
    readonly spec: KeySpec,
  ) {
    this.what = what;
    this.viaAlias = at !== map;
    for (const pair of map.items as Pair[]) {
      const keyNode = pair.key as YamlNode | null;
      let key: string | undefined;
      if (isScalar(keyNode)) {
        const v = keyNode.value;
        key = typeof v === 'string' ? v : (keyNode.source ?? String(v));
      }
      if (key === undefined) {
        src.error(
          this.place(pair),
          `键应为文字，实际是${describeNode(keyNode)}。允许的键：${Object.keys(spec).join('、')}。`,
        );
        continue;
      }
      if (!Object.hasOwn(spec, key)) {
        const hint = suggestKey(key, spec);
        src.error(
          this.place(pair),
          `${what}中有未知的键${q(cleanText(key))}；${hint ? `是否指${q(hint)}（${spec[hint]}）？` : ''}允许的键：${Object.keys(spec).join('、')}。`,
        );
        continue;
      }
      const first = this.pairs.get(key);
      if (first) {
        src.error(
          this.place(pair),
          `键${q(key)}重复（${src.where(first, src.file)}已有）；同一层中每个键只能出现一次。`,
        );
        continue;
      }
      this.pairs.set(key, pair);
    }
  }

  /** Inside a mapping reached through an alias, everything is reported where the alias is used. */
  private place(at: At): At {
    return this.viaAlias ? this.at : at;
  }

  has(key: string): boolean {
    return this.pairs.has(key);
  }

  pair(key: string): Pair | undefined {
    return this.pairs.get(key);
  }

  /** Where a field's value is (its key when the value is empty or missing, the mapping when absent). */
  valueAt(key: string): At {
    const pair = this.pairs.get(key);
    if (!pair || this.viaAlias) return this.at;
    const v = pair.value as YamlNode | null;
    if (v && v.range && v.range[1] > v.range[0]) return v;
    return pair;
  }

  /** The field's value node, aliases resolved; null for an absent or empty (`key:` / `~`) value. */
  node(key: string, opts: ReadOpts = {}): YamlNode | null {
    const pair = this.pairs.get(key);
    if (!pair) {
      if (opts.required) this.missing(key);
      return null;
    }
    const raw = pair.value as YamlNode | null;
    const node = this.src.resolve(raw);
    if (node === null || (isScalar(node) && (node.value === null || node.value === undefined))) {
      if (opts.required && !(isAlias(raw) && node === null)) {
        this.src.error(this.place(pair), `${q(key)}（${this.label(key)}）不能为空。`);
      }
      return null;
    }
    return node;
  }

  label(key: string): string {
    return this.spec[key] ?? key;
  }

  missing(key: string): void {
    this.src.error(this.at, `${this.what}缺少必填的${q(key)}（${this.label(key)}）。`);
  }

  private wrongType(key: string, expected: string, node: YamlNode): void {
    this.src.error(this.valueAt(key), `${q(key)} 的值应为${expected}，实际是${describeNode(node)}。`);
  }

  /** Text; numbers and booleans are read as written (`id: 001` → "001"). Sanitized. */
  str(key: string, opts: StrOpts = {}): string | undefined {
    const node = this.node(key, opts);
    if (node === null) return undefined;
    if (!isScalar(node)) {
      this.wrongType(key, '文字', node);
      return undefined;
    }
    const v = node.value;
    let s = typeof v === 'string' ? v : (node.source ?? String(v));
    s = cleanText(s, opts.multiline);
    s = opts.multiline ? s.replace(/^\s+|\s+$/g, '') : s.trim();
    if (s === '') {
      if (opts.required)
        this.src.error(this.place(this.pairs.get(key)), `${q(key)}（${this.label(key)}）不能为空。`);
      return undefined;
    }
    return s;
  }

  /** One of `allowed`, traditional characters accepted (續建 → 续建). */
  enumOf<T extends string>(
    key: string,
    allowed: readonly T[],
    noun: string,
    opts: ReadOpts & { explain?: (normalized: string) => string | undefined } = {},
  ): T | undefined {
    const node = this.node(key, opts);
    if (node === null) return undefined;
    if (!isScalar(node)) {
      this.wrongType(key, `${noun}（${allowed.join('、')} 之一）`, node);
      return undefined;
    }
    const raw = cleanText(typeof node.value === 'string' ? node.value : (node.source ?? String(node.value)));
    const value = canonicalEnum(raw, allowed);
    if (value !== undefined) return value;
    const normalized = normalizeEnumText(raw);
    const near = allowed.filter((a) => normalized.includes(a));
    const hint = opts.explain?.(normalized) ?? (near.length === 1 ? `是否指${q(near[0]!)}？` : '');
    this.src.error(
      this.valueAt(key),
      `${q(key)} 的值${q(shortText(raw.trim()))}不是允许的${noun}；${hint}应为 ${allowed.join('、')} 之一。`,
    );
    return undefined;
  }

  /** A date that exists, as YYYY-MM-DD. Other unambiguous spellings are accepted with a warning. */
  date(key: string, opts: ReadOpts = {}): IsoDate | undefined {
    const node = this.node(key, opts);
    if (node === null) return undefined;
    if (!isScalar(node)) {
      this.wrongType(key, '日期（YYYY-MM-DD）', node);
      return undefined;
    }
    if (typeof node.value !== 'string') {
      this.src.error(
        this.valueAt(key),
        `${q(key)} 的值${q(node.source ?? String(node.value))}不是日期；应写作 YYYY-MM-DD，例如 2021-03-01。`,
      );
      return undefined;
    }
    const raw = cleanText(node.value);
    const r = readDateText(raw);
    if (!r.ok) {
      this.src.error(this.valueAt(key), `${q(key)} 的值${q(shortText(raw))}${r.message}。`);
      return undefined;
    }
    if (r.loose) {
      this.src.warning(this.valueAt(key), `${q(key)} 的日期${q(raw)}按 ${r.date} 读取；请写作 YYYY-MM-DD。`);
    }
    return r.date;
  }

  /** true / false. */
  bool(key: string, opts: ReadOpts = {}): boolean | undefined {
    const node = this.node(key, opts);
    if (node === null) return undefined;
    if (isScalar(node) && typeof node.value === 'boolean') return node.value;
    if (isScalar(node) && typeof node.value === 'string') {
      const t = node.value.trim().toLowerCase();
      if (t === 'true' || t === 'false') return t === 'true';
    }
    this.wrongType(key, '布尔值 true 或 false', node);
    return undefined;
  }

  /** A plain number (no unit). Quoted or comma-grouped numbers are read with a warning. */
  number(key: string, opts: NumOpts = {}): number | undefined {
    const node = this.node(key, opts);
    if (node === null) return undefined;
    const noun = opts.noun ?? (opts.integer ? '整数' : '数字');
    if (!isScalar(node)) {
      this.wrongType(key, noun, node);
      return undefined;
    }
    let value: number;
    const at = this.valueAt(key);
    if (typeof node.value === 'number') {
      value = node.value;
    } else if (typeof node.value === 'string') {
      const raw = cleanText(node.value);
      const t = parseNumberText(raw);
      if (!t.ok || t.unit !== '') {
        this.src.error(
          at,
          t.ok
            ? `${q(key)} 的值${q(shortText(raw))}不应带单位“${t.unit}”；应为${noun}，例如 ${opts.integer ? '30' : '10'}。`
            : t.reason === 'grouping'
              ? `${q(key)} 的值${q(shortText(raw))}无法确定是多少：千分位逗号的位置不对；请直接写数字。`
              : `${q(key)} 的值${q(shortText(raw))}不是${noun}。`,
        );
        return undefined;
      }
      value = Number(`${t.sign}${t.int}${t.frac ? `.${t.frac}` : ''}`);
      this.src.warning(at, `${q(key)} 的值写成了文字${q(raw)}，按数字 ${value} 读取。`);
    } else {
      this.wrongType(key, noun, node);
      return undefined;
    }
    return this.checkRange(key, at, value, opts, noun);
  }

  private checkRange(key: string, at: At, value: number, opts: NumOpts, noun: string): number | undefined {
    if (!Number.isFinite(value)) {
      this.src.error(at, `${q(key)} 的值应为有限的${noun}，不能是无穷大或 NaN。`);
      return undefined;
    }
    if (opts.integer && !Number.isInteger(value)) {
      this.src.error(at, `${q(key)} 的值 ${value} 应为整数。`);
      return undefined;
    }
    const min = opts.min ?? 0;
    if (value < min) {
      this.src.error(
        at,
        min === 0 ? `${q(key)} 的值 ${value} 不能为负数。` : `${q(key)} 的值 ${value} 应不小于 ${min}。`,
      );
      return undefined;
    }
    if (opts.max !== undefined && value > opts.max) {
      this.src.error(at, `${q(key)} 的值 ${value} 应不大于 ${opts.max}。`);
      return undefined;
    }
    return value;
  }

  /**
   * A money amount ≥ 0, returned in 万元. A bare number is in the file's `unit`; text such as
   * "1,200", "1200万元" or "2.77亿元" is read when unambiguous, with a warning saying how.
   */
  amount(key: string, unit: MoneyUnit, opts: ReadOpts = {}): number | undefined {
    const node = this.node(key, opts);
    if (node === null) return undefined;
    const noun = `金额（单位：${unit}）`;
    if (!isScalar(node)) {
      this.wrongType(key, noun, node);
      return undefined;
    }
    const at = this.valueAt(key);
    const fileShift = AMOUNT_UNITS[unit] ?? 0;
    if (typeof node.value === 'number') {
      const v = node.value;
      if (!Number.isFinite(v)) return this.checkRange(key, at, v, {}, noun);
      if (v < 0) return this.checkRange(key, at, v, {}, noun);
      return scaleNumber(v, fileShift);
    }
    if (typeof node.value !== 'string') {
      this.wrongType(key, noun, node);
      return undefined;
    }
    const raw = cleanText(node.value);
    const t = parseNumberText(raw);
    if (!t.ok) {
      this.src.error(
        at,
        t.reason === 'grouping'
          ? `${q(key)} 的值${q(shortText(raw))}无法确定是多少：千分位逗号的位置不对（应每三位一个逗号，如 1,200）；请直接写数字，例如 1200。`
          : `${q(key)} 的值${q(shortText(raw))}不是金额；应为数字（单位：${unit}），例如 1200，也可写“1200万元”或“2.77亿元”。`,
      );
      return undefined;
    }
    let shift: number;
    if (t.unit === '') shift = fileShift;
    else if (t.unit in AMOUNT_UNITS) shift = AMOUNT_UNITS[t.unit]!;
    else {
      this.src.error(
        at,
        `${q(key)} 的值${q(shortText(raw))}带有无法识别的单位“${shortText(t.unit, 10)}”；单位只能是 万元、亿元 或 元。`,
      );
      return undefined;
    }
    const wan = shiftDecimal(t.sign, t.int, t.frac, shift);
    if (t.sign === '-' && wan !== 0) {
      this.src.error(at, `${q(key)} 的值${q(shortText(raw))}不能为负数；金额应 ≥ 0。`);
      return undefined;
    }
    const inFileUnit = shiftDecimal('', t.int, t.frac, shift - fileShift);
    this.src.warning(at, `${q(key)} 的值写成了文字${q(raw)}，按 ${inFileUnit}${unit} 读取。`);
    return Math.abs(wan);
  }

  /** A list of text items; a single text is read as a one-item list; absent or empty → []. */
  strList(key: string, opts: StrOpts = {}): string[] {
    const pair = this.pairs.get(key);
    const node = this.node(key, opts);
    if (node === null) return [];
    if (isScalar(node)) {
      const s = this.str(key, opts);
      return s === undefined ? [] : [s];
    }
    const items = this.src.items(node, pair ? this.valueAt(key) : this.at, `${q(key)} 的值`);
    if (!items) return [];
    const out: string[] = [];
    for (const { node: item, at } of items) {
      if (item === null || (isScalar(item) && (item.value === null || item.value === undefined))) continue;
      if (!isScalar(item)) {
        this.src.error(at, `${q(key)} 中的每一项应为文字，实际是${describeNode(item)}。`);
        continue;
      }
      const v = item.value;
      let s = cleanText(typeof v === 'string' ? v : (item.source ?? String(v)), opts.multiline);
      s = s.trim();
      if (s !== '') out.push(s);
    }
    return out;
  }

  /** Items of a list field (absent or empty → []), with a type error for another kind of value. */
  list(key: string, opts: ReadOpts = {}): { node: YamlNode | null; at: YamlNode }[] {
    const node = this.node(key, opts);
    if (node === null) return [];
    return this.src.items(node, this.valueAt(key), `${q(key)} 的值`) ?? [];
  }
}
