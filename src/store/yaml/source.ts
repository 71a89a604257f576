// Walking a parsed YAML document into typed values with positioned Chinese diagnostics: YamlSource
// (positions, aliases) and Fields (one mapping's keys, checked against the record's schema).
//
// Positions are computed only when a diagnostic or a SourcePos is made (LineCounter.linePos is a
// binary search). Aliases are resolved through one anchor table built on first use.

import { isAlias, isMap, isScalar, isSeq, visit } from '../yaml-lib.js';
import type { LineCounter } from '../yaml-lib.js';
import type { Document, Node as YamlNode, Pair, YAMLMap } from 'yaml';
import type { IsoDate, MoneyUnit, SourcePos } from '../../domain/types.js';
import { canonicalEnum, normalizeEnumText } from '../../domain/normalize.js';
import {
  AMOUNT_UNITS,
  parseNumberText,
  readDateText,
  scaleNumber,
  shiftDecimal,
} from '../../domain/values.js';
import type { DiagnosticSink } from './diagnostics.js';
import type { ParsedYaml } from './parse.js';
import { type KeySpec, cleanText, describeNode, q, shortText, suggestKey } from './text.js';
import { type FieldSpec, type RecordSchema, fieldOf, keySpec } from '../../domain/schema.js';

/** Aliases to collections that may be expanded in one file (guards against "billion laughs"). */
export const MAX_COLLECTION_ALIASES = 100;

/**
 * Characters that aliases may repeat in one file, counted as the source length of the anchored node at
 * each alias (issue 9: a 1,000,000-character name reused 200 times made 200 million characters, 1.4 GB
 * and a 573 MB cache entry from a 3 MB file).
 */
export const MAX_ALIAS_EXPANSION_CHARS = 2_000_000;

/** A node or pair whose position is used for a message, or a raw offset. */
export type At = YamlNode | Pair | number | null | undefined;

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
   * `what` names it in messages (“项目”、“register”). With a record schema (domain/schema.ts) its
   * required fields and prose fields are known: the readers need not say so at each read.
   */
  fields(node: unknown, at: At, what: string, spec: KeySpec | RecordSchema): Fields | undefined {
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
  /** allowed keys → Chinese names */
  readonly spec: KeySpec;
  /** the record's schema, when the mapping has one */
  private readonly schema: RecordSchema | undefined;

  constructor(
    readonly src: YamlSource,
    readonly map: YAMLMap,
    /** where the mapping is reported (an alias that led here, or the map itself) */
    readonly at: YamlNode,
    what: string,
    spec: KeySpec | RecordSchema,
  ) {
    this.what = what;
    this.schema = isRecordSchema(spec) ? spec : undefined;
    this.spec = isRecordSchema(spec) ? keySpec(spec) : spec;
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
          `键应为文字，实际是${describeNode(keyNode)}。允许的键：${Object.keys(this.spec).join('、')}。`,
        );
        continue;
      }
      if (!Object.hasOwn(this.spec, key)) {
        const hint = suggestKey(key, this.spec);
        src.error(
          this.place(pair),
          `${what}中有未知的键${q(cleanText(key))}；${hint ? `是否指${q(hint)}（${this.spec[hint]}）？` : ''}允许的键：${Object.keys(this.spec).join('、')}。`,
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

  /** The schema's field `key` (undefined without a schema). */
  private fieldSpec(key: string): FieldSpec | undefined {
    return this.schema && fieldOf(this.schema, key);
  }

  /** Whether `key` must be given: as the caller says, else as the schema says. */
  private required(key: string, opts: ReadOpts): boolean {
    return opts.required ?? this.fieldSpec(key)?.required ?? false;
  }

  /** Whether line breaks are kept: as the caller says, else for the schema's prose fields. */
  private multiline(key: string, opts: StrOpts): boolean {
    return opts.multiline ?? this.fieldSpec(key)?.type === 'prose';
  }

  /** The field's value node, aliases resolved; null for an absent or empty (`key:` / `~`) value. */
  node(key: string, opts: ReadOpts = {}): YamlNode | null {
    const required = this.required(key, opts);
    const pair = this.pairs.get(key);
    if (!pair) {
      if (required) this.missing(key);
      return null;
    }
    const raw = pair.value as YamlNode | null;
    const node = this.src.resolve(raw);
    if (node === null || (isScalar(node) && (node.value === null || node.value === undefined))) {
      const mayBeEmpty = opts.required === undefined && this.fieldSpec(key)?.mayBeEmpty === true;
      if (required && !mayBeEmpty && !(isAlias(raw) && node === null)) {
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
    const multiline = this.multiline(key, opts);
    s = cleanText(s, multiline);
    s = multiline ? s.replace(/^\s+|\s+$/g, '') : s.trim();
    if (s === '') {
      if (this.required(key, opts))
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
      let s = cleanText(typeof v === 'string' ? v : (item.source ?? String(v)), this.multiline(key, opts));
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

function isRecordSchema(spec: KeySpec | RecordSchema): spec is RecordSchema {
  return Array.isArray((spec as RecordSchema).fields);
}
