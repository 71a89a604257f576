// A fast first parse of YAML input (issue 13, item 9): js-yaml reads the file about five times
// faster than yaml's positioned parser, and most files have nothing unusual in them. This builds,
// from js-yaml's parse events, the same node objects the readers walk (yaml's YAMLMap / YAMLSeq /
// Scalar / Pair, recognised by yaml's own type symbols), with the same `range` starts, `value`s and
// `source`s, so the readers (register-file.ts, meeting-read.ts) run unchanged and every message
// keeps its file:line:column.
//
// The fast path gives up (undefined: the caller parses with yaml's positioned parser, which then
// words any syntax message) when:
// - the text uses anything where the two libraries could differ or that needs yaml's document model:
//   anchors, aliases, tags, directives, document markers, explicit `? ` keys, tabs, BOMs, lone CRs;
// - js-yaml finds any problem (syntax, duplicate keys, …);
// - the events do not fit the values js-yaml returned (a shape not handled here).
// Scalars are resolved with YAML 1.2's core schema exactly as yaml resolves them (the tests below
// are yaml's): 2021-03-01 stays a string, `no` and `0755` are a string and a decimal number, `0o17`
// is octal. test/store/fast-yaml.test.ts checks, for generated registers and meetings and for every
// fixture and seed, that both paths give the same result and the same messages.

import { createRequire } from 'node:module';
import type * as JsYaml from 'js-yaml';
import type { Document, LineCounter } from 'yaml';
import type { ParsedYaml } from './yaml/parse.js';

// yaml's node type symbols (yaml/dist/nodes/identity.js): isMap, isSeq, isScalar, isPair test these.
const NODE_TYPE = Symbol.for('yaml.node.type');
const MAP = Symbol.for('yaml.map');
const SEQ = Symbol.for('yaml.seq');
const SCALAR = Symbol.for('yaml.scalar');
const PAIR = Symbol.for('yaml.pair');

type Range = [number, number, number];

// Classes with the type symbol on the prototype: isMap etc. find it there, and V8 keeps one shape.
class FastScalar {
  constructor(
    readonly value: unknown,
    readonly source: string,
    private readonly start: number,
    private readonly end: number,
  ) {}

  /** yaml's [start, value end, node end], made when asked (most scalars never are) */
  get range(): Range {
    return [this.start, this.end, this.end];
  }
}
class FastPair {
  constructor(
    readonly key: FastNode,
    readonly value: FastNode | null,
  ) {}
}
class FastMap {
  constructor(
    readonly items: FastPair[],
    readonly range: Range,
  ) {}
}
class FastSeq {
  constructor(
    readonly items: FastNode[],
    readonly range: Range,
  ) {}
}
for (const [c, type] of [
  [FastScalar, SCALAR],
  [FastPair, PAIR],
  [FastMap, MAP],
  [FastSeq, SEQ],
] as const) {
  Object.defineProperty(c.prototype, NODE_TYPE, { value: type });
}
type FastNode = FastScalar | FastMap | FastSeq;

let enabled = process.env.DIAODU_NO_FAST_YAML === undefined || process.env.DIAODU_NO_FAST_YAML === '';

let plainEnabled = true;

/**
 * Turns the fast path on or off (tests compare both paths; DIAODU_NO_FAST_YAML=1 turns it off), the
 * plain reading (loadPlain, yaml/plain.ts) with it.
 */
export function setFastYaml(on: boolean): void {
  enabled = on;
  plainEnabled = on;
}

/** Turns only the plain reading off or on (tests compare it with the fast path's nodes). */
export function setPlainYaml(on: boolean): void {
  plainEnabled = on;
}

/** Whether plain reading is on (and so the fast path: it reads the same texts). */
export function plainYamlEnabled(): boolean {
  return enabled && plainEnabled;
}

// Anything the fast path leaves to yaml: anchors, aliases, tags (& * ! before a non-space),
// directives and document markers, explicit keys, tabs, a byte order mark (js-yaml drops a leading
// one, moving every offset), a carriage return alone (a line break to js-yaml, not to yaml), a quote
// or the end of a flow collection followed by # (js-yaml takes it for a comment, yaml for an error: a
// comment needs a space before it; `[]# c` found by the token-soup property, seed 1990167812).
const UNUSUAL = /(?:^|[\s[{,])[&*!]\S|^(?:%|---|\.\.\.)|^[ ]*\?(?:[ ]|$)|[\t\ufeff]|\r(?!\n)|["'\]}]#/m;

/** Whether the fast path will try this text (it may still give up). */
export function fastYamlCandidate(text: string): boolean {
  return enabled && text.length > 0 && !UNUSUAL.test(text);
}

/** Thrown inside the parse when the events do not fit: the caller parses with yaml instead. */
class GiveUp extends Error {}

// YAML 1.2 core schema, as yaml 2 resolves plain scalars (yaml/dist/schema/core/*.js), in its order.
const NULL = /^(?:~|[Nn]ull|NULL)?$/;
const BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const INT_OCT = /^0o[0-7]+$/;
const INT = /^[-+]?[0-9]+$/;
const INT_HEX = /^0x[0-9a-fA-F]+$/;
const FLOAT_NAN = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const FLOAT_EXP = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;
/** how every number above starts (most values are Chinese text and stop here) */
const NUMERIC_START = /^[-+.0-9]/;

const isInt = (s: string): boolean => INT_OCT.test(s) || INT.test(s) || INT_HEX.test(s);
const intOf = (s: string): number =>
  INT_OCT.test(s)
    ? parseInt(s.substring(2), 8)
    : INT.test(s)
      ? parseInt(s, 10)
      : parseInt(s.substring(2), 16);
const isFloat = (s: string): boolean => FLOAT_NAN.test(s) || FLOAT_EXP.test(s) || FLOAT.test(s);
const floatOf = (s: string): number =>
  FLOAT_NAN.test(s)
    ? s.slice(-3).toLowerCase() === 'nan'
      ? NaN
      : s[0] === '-'
        ? Number.NEGATIVE_INFINITY
        : Number.POSITIVE_INFINITY
    : parseFloat(s);
const boolOf = (s: string): boolean => s[0] === 't' || s[0] === 'T';

/** The raw text of the last plain scalar resolved to a non-string (its `source`). */
let lastRaw = '';

interface Lib {
  jsYaml: typeof JsYaml;
  /** values as js-yaml gives them, the raw text of the last non-string scalar in lastRaw (nodes) */
  schema: JsYaml.Schema;
  /** numbers and booleans boxed with their raw text (PlainScalar), for loadPlain */
  plainSchema: JsYaml.Schema;
}
let lib: Lib | undefined;

/**
 * A number or boolean read by loadPlain, with the text it was written as (`id: 001` is the number 1
 * written `001`; a reader of text takes the text, as it takes a yaml Scalar's `source`). As a
 * mapping key (js-yaml makes every key a string) it stands for its text.
 */
export class PlainScalar {
  constructor(
    readonly value: number | boolean,
    readonly source: string,
  ) {}

  toString(): string {
    return this.source;
  }

  // js-yaml calls a key's own toString only when the key's class is not plain Object
  get [Symbol.toStringTag](): string {
    return 'PlainScalar';
  }
}

/**
 * A plain scalar's value as loadPlain gives it (the resolvers of library() below, in their order):
 * null, a PlainScalar for a number or boolean, else the text itself. `s` is not empty (an empty
 * plain scalar is null before any resolver) and has no leading or trailing spaces. Without regular
 * expressions for most text: only a few first characters can start a null, bool or number, and
 * `dddd-` (a date) starts none.
 */
export function resolvePlain(s: string): string | null | PlainScalar {
  const c = s.charCodeAt(0);
  if ((c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x2b || c === 0x2e /* 0-9 - + . */) {
    // a number with '-' at index 4 has e or E at index 3
    const n = s.length;
    if (n > 4 && s.charCodeAt(4) === 0x2d) {
      const c3 = s.charCodeAt(3);
      if (c3 >= 0x30 && c3 <= 0x39) return s;
    }
    // digits after an optional sign: INT (INT_OCT needs an `o`), the common number
    let i = c === 0x2d || c === 0x2b ? 1 : 0;
    const digitsFrom = i;
    for (; i < n; i++) {
      const d = s.charCodeAt(i);
      if (d < 0x30 || d > 0x39) break;
    }
    if (i === n && n > digitsFrom) return new PlainScalar(parseInt(s, 10), s);
    if (isInt(s)) return new PlainScalar(intOf(s), s);
    if (isFloat(s)) return new PlainScalar(floatOf(s), s);
    return s;
  }
  const n = s.length;
  if (n === 1) return c === 0x7e /* ~ */ ? null : s;
  if (n === 4 && (c === 0x6e || c === 0x4e) /* n N */ && NULL.test(s)) return null;
  if ((n === 4 || n === 5) && (c === 0x74 || c === 0x54 || c === 0x66 || c === 0x46) /* t T f F */) {
    if (BOOL.test(s)) return new PlainScalar(boolOf(s), s);
  }
  return s;
}

function library(): Lib {
  if (lib) return lib;
  const jsYaml = createRequire(import.meta.url)('js-yaml') as typeof JsYaml;
  // YAML 1.2 core schema, as yaml 2 resolves plain scalars, in its order; one type per tag: js-yaml
  // keeps only the last implicit type of a tag. The empty scalar never reaches a resolver in js-yaml
  // (it is null already), as in yaml.
  const resolvers: [tag: string, resolve: (s: string) => boolean, construct: (s: string) => unknown][] = [
    ['tag:yaml.org,2002:null', (s) => s !== '' && NULL.test(s), () => null],
    ['tag:yaml.org,2002:bool', (s) => BOOL.test(s), boolOf],
    ['tag:yaml.org,2002:int', (s) => NUMERIC_START.test(s) && isInt(s), intOf],
    ['tag:yaml.org,2002:float', (s) => NUMERIC_START.test(s) && isFloat(s), floatOf],
  ];
  const schemaWith = (wrap: (data: string, value: unknown) => unknown): JsYaml.Schema =>
    jsYaml.FAILSAFE_SCHEMA.extend({
      implicit: resolvers.map(
        ([tag, resolve, construct]) =>
          new jsYaml.Type(tag, {
            kind: 'scalar',
            resolve: (data: unknown) => typeof data === 'string' && resolve(data),
            construct: (data: string) => wrap(data, construct(data)),
          }),
      ),
    });
  const schema = schemaWith((data, value) => {
    lastRaw = data;
    return value;
  });
  const plainSchema = schemaWith((data, value) =>
    typeof value === 'number' || typeof value === 'boolean' ? new PlainScalar(value, data) : value,
  );
  lib = { jsYaml, schema, plainSchema };
  return lib;
}

/**
 * The plain values of `text` (objects, arrays, strings, null, PlainScalar), read by js-yaml with no
 * positions at all: undefined when js-yaml finds any problem. Only for text the caller has checked
 * (yaml/plain.ts: the fast path's candidates, no quoted scalar, no collection as a key), and only to
 * read values that are then checked completely: anything a reader would report sends the text to the
 * positioned readers.
 */
export function loadPlain(text: string, file: string): unknown {
  const { jsYaml, plainSchema } = library();
  try {
    return jsYaml.load(text, { schema: plainSchema, filename: file, json: false });
  } catch {
    return undefined;
  }
}

/**
 * Line starts counted as yaml's lexer counts them (after each \n), with yaml's linePos: what yaml's
 * LineCounter gives, without loading yaml.
 */
export function fastLineCounter(text: string): LineCounter {
  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  return lineCounterOf(lineStarts);
}

/** yaml's LineCounter for line starts already counted (0, then the offset after each \n). */
export function lineCounterOf(lineStarts: number[]): LineCounter {
  const linePos = (offset: number): { line: number; col: number } => {
    let low = 0;
    let high = lineStarts.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (lineStarts[mid]! < offset) low = mid + 1;
      else high = mid;
    }
    if (lineStarts[low] === offset) return { line: low + 1, col: 1 };
    if (low === 0) return { line: 0, col: offset };
    return { line: low, col: offset - lineStarts[low - 1]! + 1 };
  };
  return { lineStarts, addNewLine: (offset: number) => lineStarts.push(offset), linePos } as LineCounter;
}

/** Where js-yaml's composeNode finds a node from `pos`: past spaces, comments and line breaks. */
export function skipSeparation(text: string, pos: number): number {
  for (;;) {
    let c = text.charCodeAt(pos);
    while (c === 0x20) c = text.charCodeAt(++pos);
    if (c === 0x23 /* # */) {
      do c = text.charCodeAt(++pos);
      while (c !== 0x0a && c !== 0x0d && !Number.isNaN(c));
    }
    if (c === 0x0a) pos++;
    else if (c === 0x0d) pos += text.charCodeAt(pos + 1) === 0x0a ? 2 : 1;
    else return pos;
  }
}

/**
 * Where yaml puts an empty node js-yaml started looking for at `open`: just after the indicator
 * before it (`:`, `-`, `,`) and the spaces that follow on that line. js-yaml may have skipped line
 * breaks first (in flow collections); a comment in between makes the fast path give up.
 */
function emptyAt(text: string, open: number): number {
  let p = open;
  for (let c = text.charCodeAt(p - 1); c === 0x20 || c === 0x0a || c === 0x0d; c = text.charCodeAt(p - 1))
    p--;
  if (p < open) {
    const lineStart = text.lastIndexOf('\n', p - 1) + 1;
    if (text.slice(lineStart, p).includes('#')) throw new GiveUp();
  }
  while (text.charCodeAt(p) === 0x20) p++;
  return p;
}

const same = (a: unknown, b: unknown): boolean => a === b || (Number.isNaN(a) && Number.isNaN(b));

function scalar(value: unknown, source: string, start: number, end: number): FastScalar {
  return new FastScalar(value, source, start, end);
}

/**
 * Parses `text` the fast way into what parseYamlText returns; undefined when the fast path does not
 * apply or gives up (see the top of this file). Never reports anything: problems are yaml's to word.
 * `lines`: the whole file's line counter when `text` is a chunk of it (yaml/parse.ts, parseAt).
 */
export function parseYamlFast(text: string, file: string, lines?: LineCounter): ParsedYaml | undefined {
  if (!fastYamlCandidate(text)) return undefined;
  const { jsYaml, schema } = library();
  // per open node: where js-yaml started looking for it, and where its children start in nodes/values
  const opens: number[] = [];
  const bases: number[] = [];
  // the nodes closed so far and not yet taken by a parent, with js-yaml's value for each
  // (arrays used as stacks with their own top: shrinking an array's length reallocates it)
  const nodes: FastNode[] = [];
  const values: unknown[] = [];
  let top = 0;

  const close = (state: JsYaml.State): void => {
    const open = opens.pop();
    const base = bases.pop();
    if (open === undefined || base === undefined) throw new GiveUp();
    const s = state as JsYaml.State & { kind: string | null; result: unknown };
    const { kind, result } = s;
    const end = s.position;
    let node: FastNode;
    if (top === base + 1 && typeof result === 'object' && result !== null && values[base] === result) {
      // the same collection closed twice (a flow collection as a block sequence item)
      node = nodes[base]!;
    } else if (kind === 'mapping') {
      node = mapNode(nodes, values, base, top, result, skipSeparation(text, open), end);
    } else if (kind === 'sequence') {
      if (!Array.isArray(result) || result.length !== top - base) throw new GiveUp();
      for (let i = 0; i < result.length; i++) if (!same(values[base + i], result[i])) throw new GiveUp();
      node = new FastSeq(nodes.slice(base, top), [skipSeparation(text, open), end, end]);
    } else if (result === null && kind === null) {
      node = scalar(null, '', emptyAt(text, open), emptyAt(text, open));
    } else if (kind === 'scalar') {
      let source: string;
      if (typeof result === 'string') source = result;
      else if (result === null || typeof result === 'number' || typeof result === 'boolean') source = lastRaw;
      else throw new GiveUp();
      const start = skipSeparation(text, open);
      // A quoted scalar over several lines: js-yaml is laxer than yaml about how its continuation lines
      // are indented (`a: "` then `"` at column 0 is an error to yaml), so yaml reads it.
      const quote = text.charCodeAt(start);
      const lineEnd = text.indexOf('\n', start);
      if ((quote === 0x22 /* " */ || quote === 0x27) /* ' */ && lineEnd !== -1 && lineEnd < end)
        throw new GiveUp();
      node = scalar(result, source, start, Math.max(start + 1, end));
    } else {
      throw new GiveUp();
    }
    nodes[base] = node;
    values[base] = result;
    top = base + 1;
  };

  let value: unknown;
  try {
    value = jsYaml.load(text, {
      schema,
      filename: file,
      json: false,
      listener(event, state) {
        if (event === 'open') {
          opens.push(state.position);
          bases.push(top);
        } else {
          close(state);
        }
      },
    });
  } catch {
    // a js-yaml error or a shape not handled here: yaml's parser reads it and words any message
    return undefined;
  }
  if (opens.length !== 0 || top !== 1 || !same(values[0], value)) return undefined;
  const contents = nodes[0]!;
  // an empty document, or a lone scalar (never a register or meeting): yaml's to read and report
  if (contents instanceof FastScalar) return undefined;
  const doc = { contents, errors: [], warnings: [] } as unknown as Document.Parsed;
  return { file, text, doc, lineCounter: lines ?? fastLineCounter(text), base: 0 };
}

/** The mapping node for js-yaml's object `result`, pairing the child nodes in order. */
function mapNode(
  nodes: FastNode[],
  values: unknown[],
  base: number,
  top: number,
  result: unknown,
  start: number,
  end: number,
): FastMap {
  if (result === null || typeof result !== 'object' || Array.isArray(result)) throw new GiveUp();
  const obj = result as Record<string, unknown>;
  const pairs: FastPair[] = [];
  const keys = new Set<string>();
  let i = base;
  while (i < top) {
    const key = nodes[i]!;
    const k = values[i];
    i++;
    if (!(key instanceof FastScalar) || k === null || typeof k === 'object') throw new GiveUp();
    const name = String(k);
    if (keys.has(name) || !Object.hasOwn(obj, name) || name === '__proto__') throw new GiveUp();
    keys.add(name);
    const expected = obj[name];
    let value: FastNode | null;
    if (i < top && same(values[i], expected)) {
      value = nodes[i]!;
      i++;
    } else if (expected === null) {
      // a key with no value at all (`{a, b: 1}`): yaml's pair has none either
      value = null;
    } else {
      throw new GiveUp();
    }
    pairs.push(new FastPair(key, value));
  }
  if (keys.size !== Object.keys(obj).length) throw new GiveUp();
  return new FastMap(pairs, [start, end, end]);
}
