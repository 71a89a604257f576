// Reading the list of a register's projects from plain values (issue 13, item 9): each item is read
// with no positions at all, by the line reader (line-plain.ts) or, where it gives up, by js-yaml
// (fast-yaml.ts, loadPlain; see plainList), and each project is read from its plain value by the
// same reader as a positioned one (register-file.ts, readProject) through PlainSource / PlainFields
// below. Positions are needed only when something is reported, so:
//
// - Anything the positioned reader would report, error or warning, makes the plain readers give up
//   on that project (they throw NOT_PLAIN, having reported nothing): it is then read the positioned
//   way, exactly as before, and every message is the positioned reader's, word for word.
// - A project whose text holds anything where js-yaml and yaml could differ is never read plain:
//   a quote (a quoted scalar over several lines is an error to yaml only) or a collection used as a
//   key (js-yaml makes `[id]: x` the key "id"); nor is any project of a text the fast path leaves to
//   yaml (anchors, tags, tabs, …: fast-yaml.ts), nor of a list js-yaml cannot read.
// - The one position kept on success, each project's `source`, is where its mapping starts (found
//   from the item's start, as splitTrailingList finds it). Where an id was written is kept as a
//   LazyPos: should a later project repeat the id, the first one's item is parsed again with
//   positions to name its line.

import type { IsoDate, MoneyUnit, SourcePos } from '../../domain/types.js';
import { canonicalEnum } from '../../domain/normalize.js';
import { AMOUNT_UNITS, readDateText, scaleNumber } from '../../domain/values.js';
import { daysInMonth } from '../../domain/dates.js';
import { type FieldSpec, type RecordSchema, keySpec } from '../../domain/schema.js';
import { isMap, isScalar, isSeq } from '../yaml-lib.js';
import type { Node as YamlNode, Pair } from 'yaml';
import { PlainScalar, fastYamlCandidate, loadPlain, plainYamlEnabled, skipSeparation } from '../fast-yaml.js';
import { DiagnosticSink } from './diagnostics.js';
import { type TrailingList, parseYamlChunk } from './parse.js';
import { type At, YamlSource } from './source.js';
import { type KeySpec, cleanText } from './text.js';
import { linePlainEnabled, readLinePlain } from './line-plain.js';

/** Thrown by the plain readers wherever the positioned reader would report something. */
export const NOT_PLAIN: unique symbol = Symbol('not plain');

/** Where a value is within one project: keys and list indexes from the project's mapping. */
export type PlainAt = readonly (string | number)[];

/** What readProject reads a record through: positioned (YamlSource) or plain (PlainSource). */
export interface RecordSource<A> {
  readonly file: string;
  fields(node: unknown, at: A, what: string, schema: RecordSchema): RecordFields<A> | undefined;
  warning(at: A, message: string): void;
  error(at: A, message: string): void;
  pos(at: A): SourcePos;
}

/** One mapping's fields, read positioned (Fields) or plain (PlainFields); yaml/record.ts reads them by schema. */
export interface RecordFields<A> {
  what: string;
  readonly at: A;
  readonly src: RecordSource<A>;
  node(key: string): unknown;
  str(key: string): string | undefined;
  enumOf<T extends string>(
    key: string,
    allowed: readonly T[],
    noun: string,
    opts?: { explain?: (normalized: string) => string | undefined },
  ): T | undefined;
  date(key: string): IsoDate | undefined;
  amount(key: string, unit: MoneyUnit): number | undefined;
  number(
    key: string,
    opts: { integer?: boolean; min?: number; max?: number; noun?: string },
  ): number | undefined;
  bool(key: string): boolean | undefined;
  strList(key: string, opts?: { multiline?: boolean }): string[];
  list(key: string): { node: unknown; at: A }[];
  valueAt(key: string): A;
}

/** One file's list of projects as plain values, with what a LazyPos needs to find a position. */
export interface PlainList {
  file: string;
  text: string;
  split: TrailingList;
  /** each item's plain value; undefined for an item to be read the positioned way */
  values: unknown[];
}

// Text where js-yaml and yaml could read differently: any quote, a collection used as a key.
const SUSPECT = /["']|[\]}][ ]*:/g;

/**
 * The plain values of the items of `split` (a TrailingList of `text`), or undefined when the file is
 * not to be read plain at all: plain reading is off, or the text is one the fast path leaves to yaml.
 * Each item is read by the line reader (line-plain.ts) first; the items it gives up on are read by
 * js-yaml, one at a time (each a list of one item, as parseYamlChunk parses it), or the whole list at
 * once when the line reader stopped trying; an item js-yaml refuses is left to the positioned readers.
 */
export function plainList(
  text: string,
  split: TrailingList,
  file: string,
  /** fastYamlCandidate(text), when the caller knows it */
  candidate = fastYamlCandidate(text),
): PlainList | undefined {
  if (!plainYamlEnabled() || !candidate) return undefined;
  const items = split.items;
  const values: unknown[] = new Array<unknown>(items.length).fill(undefined);
  // items never read plain (undefined): those holding a quote or a collection used as a key
  const suspect = new Uint8Array(items.length);
  SUSPECT.lastIndex = split.headEnd;
  let i = 0;
  for (let m = SUSPECT.exec(text); m !== null; m = SUSPECT.exec(text)) {
    while (i < items.length && items[i]![1] <= m.index) i++;
    if (i === items.length) break;
    suspect[i] = 1;
    // go on from the next item
    SUSPECT.lastIndex = Math.max(SUSPECT.lastIndex, items[i]![1]);
  }
  // The line reader is tried on every item until it has given up on a quarter of those it tried
  // (after a first 32): a register it cannot read is then read by js-yaml as before, at no cost.
  let tries = linePlainEnabled() ? items.length : 0;
  let tried = 0;
  let gaveUp = 0;
  const left: number[] = [];
  for (let n = 0; n < items.length; n++) {
    if (suspect[n] === 1) continue;
    let v: unknown;
    if (n < tries) {
      v = readLinePlain(text, items[n]![0], items[n]![1]);
      tried++;
      if (v === undefined && ++gaveUp * 4 > tried && tried >= 32) tries = n + 1;
    }
    if (v !== undefined) values[n] = v;
    else left.push(n);
  }
  if (left.length === 0) return { file, text, split, values };
  // js-yaml reads what is left: the whole list when the line reader stopped (or is off), as before;
  // else item by item (cheaper for the few items left). Item by item, too, when js-yaml refuses the
  // list: only the items it refuses are then left to the positioned readers.
  if (tries < items.length) {
    const list = loadPlain(text.slice(split.headEnd), file);
    if (Array.isArray(list) && list.length === items.length) {
      for (const n of left) values[n] = list[n];
      return { file, text, split, values };
    }
  }
  for (const n of left) {
    const list = loadPlain(text.slice(items[n]![0], items[n]![1]), file);
    if (Array.isArray(list) && list.length === 1) values[n] = list[0];
  }
  return { file, text, split, values };
}

/** Where the mapping of item `n` of a PlainList starts: past its `-` and what separates it. */
function itemStart(list: PlainList, n: number): number {
  const { text } = list;
  let p = list.split.items[n]![0];
  while (text.charCodeAt(p) === 0x20) p++;
  return skipSeparation(text, p + 1);
}

const digit = (s: string, i: number): number => {
  const d = s.charCodeAt(i) - 0x30;
  return d >= 0 && d <= 9 ? d : NaN;
};

/**
 * Whether `s` is a day that exists written YYYY-MM-DD in 1900–2200: what readDateText reads as
 * itself with no warning (checked without its regular expressions; anything else goes to it).
 */
function isIsoDate(s: string): boolean {
  if (s.length !== 10 || s.charCodeAt(4) !== 0x2d || s.charCodeAt(7) !== 0x2d) return false;
  const y = digit(s, 0) * 1000 + digit(s, 1) * 100 + digit(s, 2) * 10 + digit(s, 3);
  const m = digit(s, 5) * 10 + digit(s, 6);
  const d = digit(s, 8) * 10 + digit(s, 9);
  // NaN fails every comparison
  return y >= 1900 && y <= 2200 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

const isPlainMap = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof PlainScalar);

/** A position not worked out yet: where `path` is within item `item` of a PlainList. */
export class LazyPos {
  private resolved: SourcePos | undefined;

  constructor(
    private readonly list: PlainList,
    private readonly item: number,
    private readonly path: PlainAt,
  ) {}

  /** The position, as the positioned reader gives it (Fields.valueAt, the list item). */
  resolve(): SourcePos {
    if (this.resolved) return this.resolved;
    const { file, text, split } = this.list;
    const [start, end] = split.items[this.item]!;
    const parsed = parseYamlChunk(text, start, end, file, split.lineCounter, new DiagnosticSink());
    if (!parsed) {
      // not reached: the item was read plain, so it parses
      const { line, col } = split.lineCounter.linePos(itemStart(this.list, this.item));
      return { file, line, column: col };
    }
    const src = new YamlSource(parsed, new DiagnosticSink());
    const seq = parsed.doc.contents;
    let node: unknown = isSeq(seq) ? seq.items[0] : null;
    let at: At = node as YamlNode | null;
    for (let i = 0; i < this.path.length; i++) {
      const step = this.path[i]!;
      if (typeof step === 'number') {
        node = isSeq(node) ? ((node.items[step] as YamlNode | null) ?? node) : node;
        at = node as YamlNode;
        continue;
      }
      const pair = isMap(node) ? (node.items as Pair[]).find((p) => keyText(p.key) === step) : undefined;
      if (!pair) break;
      const value = pair.value as YamlNode | null;
      // Fields.valueAt: the value when it is not empty, else the pair (its key)
      at = value && value.range && value.range[1] > value.range[0] ? value : pair;
      node = value;
    }
    this.resolved = src.pos(at);
    return this.resolved;
  }
}

function keyText(key: unknown): string | undefined {
  if (!isScalar(key)) return undefined;
  return typeof key.value === 'string' ? key.value : (key.source ?? String(key.value));
}

/** One project of a PlainList being read plain: every report is NOT_PLAIN. */
export class PlainSource implements RecordSource<PlainAt> {
  readonly file: string;

  constructor(
    private readonly list: PlainList,
    private readonly item: number,
  ) {
    this.file = list.file;
  }

  fields(node: unknown, at: PlainAt, what: string, schema: RecordSchema): PlainFields {
    if (!isPlainMap(node)) throw NOT_PLAIN;
    return new PlainFields(this, node, at, what, schema);
  }

  warning(): never {
    throw NOT_PLAIN;
  }

  error(): never {
    throw NOT_PLAIN;
  }

  /** The project's own position (where its mapping starts): the only one read on success. */
  pos(at: PlainAt): SourcePos {
    if (at.length !== 0) throw NOT_PLAIN;
    const { line, col } = this.list.split.lineCounter.linePos(itemStart(this.list, this.item));
    return { file: this.file, line: Math.max(1, line), column: Math.max(1, col) };
  }

  /** Where `at` is, worked out only if asked (an id written again later). */
  lazyPos(at: PlainAt): LazyPos {
    return new LazyPos(this.list, this.item, at);
  }
}

const canonicalSets = new WeakMap<readonly string[], ReadonlySet<string>>();

/** The allowed values that canonicalEnum gives back as they are. */
function canonicalValues(allowed: readonly string[]): ReadonlySet<string> {
  let set = canonicalSets.get(allowed);
  if (!set) {
    set = new Set(allowed.filter((a) => canonicalEnum(a, allowed) === a));
    canonicalSets.set(allowed, set);
  }
  return set;
}

const fieldMaps = new WeakMap<RecordSchema, Map<string, FieldSpec>>();

function fieldMap(schema: RecordSchema): Map<string, FieldSpec> {
  let map = fieldMaps.get(schema);
  if (!map) {
    map = new Map(schema.fields.map((x) => [x.key, x]));
    fieldMaps.set(schema, map);
  }
  return map;
}

/**
 * A mapping's fields read from its plain value with Fields' rules (source.ts), giving up (NOT_PLAIN)
 * wherever Fields would report an error or a warning.
 */
export class PlainFields implements RecordFields<PlainAt> {
  private readonly specs: Map<string, FieldSpec>;

  constructor(
    readonly src: PlainSource,
    private readonly obj: Record<string, unknown>,
    readonly at: PlainAt,
    public what: string,
    schema: RecordSchema,
  ) {
    this.specs = fieldMap(schema);
    const allowed: KeySpec = keySpec(schema);
    for (const key in obj) if (!Object.hasOwn(allowed, key)) throw NOT_PLAIN;
  }

  /** The value of `key`; null when absent or empty (Fields.node). */
  node(key: string): unknown {
    const spec = this.specs.get(key);
    if (!Object.hasOwn(this.obj, key)) {
      if (spec?.required) throw NOT_PLAIN;
      return null;
    }
    const v = this.obj[key];
    if (v === null || v === undefined) {
      if (spec?.required && spec.mayBeEmpty !== true) throw NOT_PLAIN;
      return null;
    }
    return v;
  }

  /** A scalar's text: a string as it is, a number or boolean as written; NOT_PLAIN for a collection. */
  private scalarText(v: unknown): string {
    if (typeof v === 'string') return v;
    if (v instanceof PlainScalar) return v.source;
    throw NOT_PLAIN;
  }

  str(key: string): string | undefined {
    const v = this.node(key);
    if (v === null) return undefined;
    const multiline = this.specs.get(key)?.type === 'prose';
    let s = cleanText(this.scalarText(v), multiline);
    s = multiline ? s.replace(/^\s+|\s+$/g, '') : s.trim();
    if (s === '') {
      if (this.specs.get(key)?.required) throw NOT_PLAIN;
      return undefined;
    }
    return s;
  }

  enumOf<T extends string>(key: string, allowed: readonly T[]): T | undefined {
    const v = this.node(key);
    if (v === null) return undefined;
    // a value written as it is allowed is the common case: no normalising (canonicalEnum's answer)
    if (typeof v === 'string' && canonicalValues(allowed).has(v)) return v as T;
    const value = canonicalEnum(cleanText(this.scalarText(v)), allowed);
    if (value === undefined) throw NOT_PLAIN;
    return value;
  }

  date(key: string): IsoDate | undefined {
    const v = this.node(key);
    if (v === null) return undefined;
    if (typeof v !== 'string') throw NOT_PLAIN;
    if (isIsoDate(v)) return v;
    const r = readDateText(cleanText(v));
    if (!r.ok || r.loose) throw NOT_PLAIN;
    return r.date;
  }

  amount(key: string, unit: MoneyUnit): number | undefined {
    const v = this.node(key);
    if (v === null) return undefined;
    // text ("1,200", "12亿元") is read with a warning, or is an error: the positioned reader's
    if (!(v instanceof PlainScalar) || typeof v.value !== 'number') throw NOT_PLAIN;
    const n = v.value;
    if (!Number.isFinite(n) || n < 0) throw NOT_PLAIN;
    return scaleNumber(n, AMOUNT_UNITS[unit] ?? 0);
  }

  // No record read plain (a project, its milestones and problems) has a number, bool or list field:
  // should one be given a value, the positioned reader reads it.
  number(key: string): number | undefined {
    if (this.node(key) === null) return undefined;
    throw NOT_PLAIN;
  }

  bool(key: string): boolean | undefined {
    if (this.node(key) === null) return undefined;
    throw NOT_PLAIN;
  }

  strList(key: string): string[] {
    if (this.node(key) === null) return [];
    throw NOT_PLAIN;
  }

  list(key: string): { node: unknown; at: PlainAt }[] {
    const v = this.node(key);
    if (v === null) return [];
    if (!Array.isArray(v)) throw NOT_PLAIN;
    return v.map((node: unknown, i) => ({ node, at: [...this.at, key, i] }));
  }

  valueAt(key: string): PlainAt {
    return [...this.at, key];
  }
}
