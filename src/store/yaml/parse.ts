// Parsing YAML text: the whole file (parseYamlText), or a long trailing list one item at a time
// (splitTrailingList, parseYamlHead, parseYamlChunk). Errors go to a DiagnosticSink at file positions.
//
// Speed: the yaml library is loaded on first use (yaml-lib.ts: a cached register needs none of it);
// the document is parsed once (yaml's composer, no toJS) and walked once by the callers.

import { LineCounter, parseDocument } from '../yaml-lib.js';
import type { Document, YAMLError } from 'yaml';
import type { DiagnosticSink } from './diagnostics.js';
import { MAX_FILE_BYTES, formatMb, textPosition } from './file.js';
import { fastLineCounter, lineCounterOf, parseYamlFast } from '../fast-yaml.js';

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
export function splitTrailingList(
  text: string,
  key: string,
  /** fastYamlCandidate(text), when the caller knows it: true covers the check for anything unusual */
  candidate?: boolean,
): TrailingList | undefined {
  if (candidate !== true && UNUSUAL.test(text)) return undefined;
  const keyLine = new RegExp(`^${key}:(?:[ ]+(?:#.*)?)?\r?$`, 'gm');
  const found = keyLine.exec(text);
  if (!found || keyLine.exec(text)) return undefined; // missing, or there twice
  const nlAfterKey = text.indexOf('\n', found.index);
  if (nlAfterKey === -1) return undefined;
  const headEnd = nlAfterKey + 1;
  // line starts counted on the way (lineCounterFor's, without a second pass over the text)
  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i !== -1 && i < headEnd; i = text.indexOf('\n', i + 1))
    lineStarts.push(i + 1);
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
    if (eol < text.length) lineStarts.push(pos);
  }
  if (start === -1) return undefined;
  items.push([start, text.length]);
  return { headEnd, items, lineCounter: lineCounterOf(lineStarts) };
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
