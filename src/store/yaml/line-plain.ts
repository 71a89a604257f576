// A line-by-line reader of one project item of a register's list (issue 13, item 9): the item's
// plain value exactly as loadPlain (js-yaml, fast-yaml.ts) gives it, or undefined when it is not
// sure to. yaml/plain.ts (plainList) tries it on every item first and hands js-yaml only the items it
// gave up on. On the generated 10,000-project register it reads the list in under half of js-yaml's
// time, cold or warm (docs/bench.md): each item is checked once for characters it never takes (one
// native regular expression search), then read line by line with indexOf / charCodeAt; a block
// value's rest of line is sliced once (it is most often the value) and searched natively for ` #`
// and `: `; a key is found again by a hash of its characters (no slice); short texts are kept once
// (a unit, a stage, a date repeat thousands of times); a scalar is resolved by YAML 1.2's core schema
// with no regular expression unless it starts like a number, null or boolean (resolvePlain).
//
// What it reads (what registers hold: seeds, fixtures, bench/generate.js, the import's yaml writer):
// - block mappings `key: value`, `key:` with a nested block mapping or list (deeper, or a list at
//   the key's own indentation) or nothing (null);
// - block lists of mappings (`- name: …` with the next keys under `name`) and of plain scalars;
// - flow mappings and lists on one line (`- {name: 主体封顶, planned: 2021-09-24}`, `[a, b]`),
//   nested within the line;
// - plain scalars on one line, trailing spaces trimmed (`a#b`, `a:b`, `10:30`, `x - y` are text),
//   resolved as loadPlain resolves them (null, a PlainScalar for a number or boolean, else text);
// - comments (whole lines, and ` #` after a value), blank lines, CRLF line ends.
//
// It gives up (undefined) on anything else or anything doubtful, giving up being always safe (the
// item is then read by js-yaml, as before): quotes of either kind anywhere (such items are read
// positioned anyway); block scalars (| >); a plain scalar continued on a deeper line (any deeper
// line after a value); a flow collection not closed on its line, an empty or trailing flow entry, a
// `:` or `#` inside one; `: ` or a trailing `:` inside a value; keys other than [A-Za-z0-9_] and `-`
// (not first), or that resolve to null, a bool or a number, or `__proto__`; duplicate keys (js-yaml
// refuses them); indentation that does not fit; `-` alone on its line, `-x` as an entry, `- - x`;
// `? : , [ ] { } # & * ! | > % @ \`` starting a value, `-` before a space or a flow indicator;
// `& * !` after a space; tabs, control characters (js-yaml refuses them in a scalar), a lone CR,
// surrogates, U+FEFF, U+FFFE/U+FFFF, U+2028/U+2029; an item that is not a mapping.
// test/store/line-plain.test.ts compares it with loadPlain on every item of every register the
// repository has and on thousands of mutated items, and reads registers with it on and off.

import { PlainScalar, resolvePlain } from '../fast-yaml.js';

/** Thrown inside the reader when it gives up; caught once, in readLinePlain. */
const GIVE_UP: unique symbol = Symbol('give up');

let lineReaderOn = true;

/** Turns the line reader off (js-yaml reads every item) or on: tests compare the two. */
export function setLinePlain(on: boolean): void {
  lineReaderOn = on;
}

export function linePlainEnabled(): boolean {
  return lineReaderOn;
}

// ASCII character classes
const OK = 0;
/** never in a value: control characters, tab, DEL, quotes */
const BAD = 1;
const COLON = 2;
const HASH = 3;
/** & * !: an anchor, alias or tag after a space */
const PROP = 4;
/** , [ ] { } */
const FLOW = 5;
const SPACE = 6;
const ASCII = new Uint8Array(128);
for (let c = 0; c < 0x20; c++) ASCII[c] = BAD;
ASCII[0x7f] = BAD;
ASCII[0x22] = BAD; // "
ASCII[0x27] = BAD; // '
ASCII[0x3a] = COLON;
ASCII[0x23] = HASH;
ASCII[0x26] = PROP;
ASCII[0x2a] = PROP;
ASCII[0x21] = PROP;
for (const ch of ',[]{}') ASCII[ch.charCodeAt(0)] = FLOW;
ASCII[0x20] = SPACE;

/** Characters that may not start a plain value here: ? : , [ ] { } # & * ! | > ' " % @ ` */
const BAD_START = new Uint8Array(128);
for (const ch of '?:,[]{}#&*!|>\'"%@`') BAD_START[ch.charCodeAt(0)] = 1;
for (let c = 0; c <= 0x20; c++) BAD_START[c] = 1;
BAD_START[0x7f] = 1;

/** Key characters: A-Z a-z 0-9 _ and - (not first). */
const KEY = new Uint8Array(128);
for (let c = 0x30; c <= 0x39; c++) KEY[c] = 1;
for (let c = 0x41; c <= 0x5a; c++) KEY[c] = 1;
for (let c = 0x61; c <= 0x7a; c++) KEY[c] = 1;
KEY[0x5f] = 1;
KEY[0x2d] = 1;

/**
 * Given up on anywhere in an item: control characters other than \n (tab included) and \r before \n,
 * DEL, C1 controls (js-yaml refuses them in a scalar), quotes, U+2028/U+2029, U+FEFF, U+FFFE/U+FFFF,
 * any surrogate (an emoji is rare in a register: js-yaml reads it), & * ! after a space.
 */
const UNTAKEN =
  /[\x00-\x09\x0b\x0c\x0e-\x1f\x7f-\x9f"'\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]|\r(?!\n)| [&*!]/;

const MAX_KEY = 128;
const MAX_FLOW_DEPTH = 8;

// The reader's state: the text, the item's end, and the current line (found by next()).
let T = '';
let E = 0;
/** start of the next line to look at */
let nx = 0;
/** the current content line: its indentation (-1 at the item's end), first character, end (before \r\n) */
let ind = -1;
let cs = 0;
let le = 0;

/**
 * The plain value of the item `text.slice(start, end)` (one `- …` entry of a block list, as
 * splitTrailingList gives it), as loadPlain reads it within the list; undefined to give up.
 */
export function readLinePlain(text: string, start: number, end: number): Record<string, unknown> | undefined {
  // characters given up on wherever they are, comments included, found natively in one pass
  if (UNTAKEN.test(text.slice(start, end))) return undefined;
  T = text;
  E = end;
  nx = start;
  try {
    next();
    if (ind < 0 || T.charCodeAt(cs) !== 0x2d /* - */) return undefined;
    const m = ind;
    const list = blockSeq(m);
    if (ind !== -1 || list.length !== 1) return undefined;
    const v = list[0];
    if (typeof v !== 'object' || v === null || Array.isArray(v) || v instanceof PlainScalar) return undefined;
    return v as Record<string, unknown>;
  } catch (e) {
    if (e === GIVE_UP) return undefined;
    throw e;
  } finally {
    T = '';
  }
}

/** Moves to the next line with content (not blank, not a comment): ind, cs, le; ind -1 at the end. */
function next(): void {
  for (;;) {
    const ls = nx;
    if (ls >= E) {
      ind = -1;
      return;
    }
    let p = ls;
    let c = T.charCodeAt(p);
    while (c === 0x20) c = T.charCodeAt(++p);
    let nl = T.indexOf('\n', p);
    if (nl === -1 || nl > E) nl = E;
    nx = nl + 1;
    let end = nl;
    // \r\n ends a line; a lone \r (a line break to js-yaml only) stays, to be given up on
    if (end > p && end < E && T.charCodeAt(end - 1) === 0x0d) end--;
    if (p >= end) continue; // blank
    if (c === 0x23 /* # */) continue; // a comment line
    ind = p - ls;
    cs = p;
    le = end;
    return;
  }
}

/** Whether the current line is a list entry: `-` then a space (or the line's end). */
function isEntry(): boolean {
  if (T.charCodeAt(cs) !== 0x2d) return false;
  return cs + 1 >= le || T.charCodeAt(cs + 1) === 0x20;
}

/** A block list whose entries are at indentation m, the current line its first. */
function blockSeq(m: number): unknown[] {
  const list: unknown[] = [];
  for (;;) {
    let p = cs + 1;
    // `-` alone (a nested block or null), or `-x` (text, not an entry)
    if (p >= le || T.charCodeAt(p) !== 0x20) throw GIVE_UP;
    while (T.charCodeAt(p) === 0x20) p++;
    const c = T.charCodeAt(p);
    if (p >= le || c === 0x23 /* # */) throw GIVE_UP;
    if (c === 0x5b /* [ */ || c === 0x7b /* { */) list.push(flowLine(p, m));
    else {
      const colon = mappingColon(p);
      if (colon !== -1) list.push(blockMap(p - (cs - ind), p));
      else list.push(plainLine(p, m));
    }
    // the cursor is on the next content line
    if (ind !== m || !isEntry()) return list;
  }
}

/**
 * Where the current line, from p, has a mapping's `:` (followed by a space or the line's end) before
 * any comment; -1 for none.
 */
function mappingColon(p: number): number {
  for (; p < le; p++) {
    const c = T.charCodeAt(p);
    if (c === 0x3a /* : */) {
      if (p + 1 >= le || T.charCodeAt(p + 1) === 0x20) return p;
    } else if (c === 0x23 /* # */ && T.charCodeAt(p - 1) === 0x20) return -1;
  }
  return -1;
}

/**
 * Keys already read, by their length and first and last characters: a register repeats a dozen
 * keys ten thousand times, and a key found here (compared natively, startsWith) is neither checked
 * character by character, nor sliced, nor looked up in V8's string table.
 */
const KEYS: (string | undefined)[] = new Array<string | undefined>(1024).fill(undefined);

/** A key starting at p on the current line; returns the position of its `:`. Sets `key`. */
let key = '';
function readKey(p: number): number {
  const colon = T.indexOf(':', p);
  if (colon === -1 || colon >= le) throw GIVE_UP;
  const n = colon - p;
  if (n === 0 || n > MAX_KEY) throw GIVE_UP;
  if (colon + 1 < le && T.charCodeAt(colon + 1) !== 0x20) throw GIVE_UP; // `a:b` is text, not a key
  const slot = (n * 61 + T.charCodeAt(p) * 7 + T.charCodeAt(colon - 1)) & 1023;
  const known = KEYS[slot];
  if (known !== undefined && known.length === n && T.startsWith(known, p)) {
    key = known;
    return colon;
  }
  if (T.charCodeAt(p) === 0x2d /* - */) throw GIVE_UP;
  for (let i = p; i < colon; i++) {
    const c = T.charCodeAt(i);
    if (c >= 0x80 || KEY[c] !== 1) throw GIVE_UP;
  }
  const k = T.slice(p, colon);
  if (k === '__proto__' || typeof resolvePlain(k) !== 'string') throw GIVE_UP;
  key = internalized(k);
  KEYS[slot] = key;
  return colon;
}

/** `s` as V8 keeps a property name (what Object.keys gives), so that using it as a key costs no lookup. */
function internalized(s: string): string {
  const o: Record<string, number> = {};
  o[s] = 0;
  return Object.keys(o)[0] ?? s;
}

/** A block mapping at indentation n, its first key at kp on the current line. */
function blockMap(n: number, kp: number): Record<string, unknown> {
  const obj: Record<string, unknown> = {};
  for (;;) {
    const colon = readKey(kp);
    const k = key;
    if (Object.hasOwn(obj, k)) throw GIVE_UP; // js-yaml refuses a duplicate key
    let p = colon + 1;
    while (T.charCodeAt(p) === 0x20) p++;
    let value: unknown;
    if (p >= le || T.charCodeAt(p) === 0x23 /* # (after a space: p > colon + 1) */) {
      next();
      if (ind > n) value = isEntry() ? blockSeq(ind) : blockMap(ind, cs);
      else if (ind === n && isEntry()) value = blockSeq(n);
      else value = null;
    } else {
      const c = T.charCodeAt(p);
      value = c === 0x5b /* [ */ || c === 0x7b /* { */ ? flowLine(p, n) : plainLine(p, n);
    }
    obj[k] = value;
    if (ind !== n) {
      if (ind > n) throw GIVE_UP;
      return obj;
    }
    kp = cs;
  }
}

/**
 * A plain scalar from p to the end of the current line (or a comment), in a block whose indentation
 * is n; moves to the next content line, which must not be deeper than n.
 */
function plainLine(p: number, n: number): unknown {
  const c = T.charCodeAt(p);
  if (c < 0x80 && BAD_START[c] === 1) throw GIVE_UP;
  if (c === 0x2d /* - */ && (p + 1 >= le || T.charCodeAt(p + 1) === 0x20)) throw GIVE_UP;
  // the rest of the line, searched natively; most often the value itself
  const line = T.slice(p, le);
  const n1 = line.length;
  let cut = n1;
  // a comment: # after a space (not first: BAD_START)
  for (let i = line.indexOf('#'); i !== -1; i = line.indexOf('#', i + 1)) {
    if (line.charCodeAt(i - 1) === 0x20) {
      cut = i;
      break;
    }
  }
  // `: ` or a `:` ending the line: a mapping in a value
  for (let i = line.indexOf(':'); i !== -1 && i < cut; i = line.indexOf(':', i + 1)) {
    if (i + 1 === n1 || line.charCodeAt(i + 1) === 0x20) throw GIVE_UP;
  }
  while (line.charCodeAt(cut - 1) === 0x20) cut--;
  const value = scalarOf(cut === n1 ? line : line.slice(0, cut));
  next();
  if (ind > n) throw GIVE_UP; // a continued scalar, or indentation that does not fit
  return value;
}

/**
 * Short texts already read: a register repeats its units, stages, areas and dates thousands of
 * times, and each is kept once instead of once a project (less to keep and to collect). Only texts:
 * a number or boolean is a new PlainScalar each time.
 */
const TEXTS = new Map<string, string>();
const MAX_TEXTS = 8192;
/**
 * Texts up to 12 characters: V8 copies a slice shorter than 13 characters, and makes a longer one a
 * view of the whole register's text. A text kept here outlives the register it was read from (the
 * TUI reads the register again when it changes), so it must not hold that whole text alive.
 */
const MAX_SHORT = 12;

/** The value of a plain scalar's text (not empty, trimmed). */
function scalarOf(s: string): unknown {
  const v = resolvePlain(s);
  if (v !== s || s.length > MAX_SHORT) return v;
  const known = TEXTS.get(s);
  if (known !== undefined) return known;
  if (TEXTS.size >= MAX_TEXTS) TEXTS.clear();
  TEXTS.set(s, s);
  return s;
}

/** A flow collection from p ([ or {) closed on the current line; moves to the next content line. */
function flowLine(p: number, n: number): unknown {
  fp = p;
  const value = flowNode(0);
  let q = fp;
  while (T.charCodeAt(q) === 0x20) q++;
  if (q < le) {
    if (T.charCodeAt(q) !== 0x23 || q === fp) throw GIVE_UP; // only a comment may follow
  }
  next();
  if (ind > n) throw GIVE_UP;
  return value;
}

/** The flow reader's position on the current line. */
let fp = 0;

function skipFlowSpaces(): number {
  let c = T.charCodeAt(fp);
  while (c === 0x20) c = T.charCodeAt(++fp);
  if (fp >= le) throw GIVE_UP; // not closed on its line
  return c;
}

/** A flow node at fp: a collection or a plain scalar; leaves fp just after it. */
function flowNode(depth: number): unknown {
  const c = skipFlowSpaces();
  if (c === 0x5b /* [ */ || c === 0x7b /* { */) {
    if (depth >= MAX_FLOW_DEPTH) throw GIVE_UP;
    fp++;
    return c === 0x5b ? flowSeq(depth + 1) : flowMap(depth + 1);
  }
  return flowScalar();
}

function flowSeq(depth: number): unknown[] {
  const list: unknown[] = [];
  if (skipFlowSpaces() === 0x5d /* ] */) {
    fp++;
    return list;
  }
  for (;;) {
    list.push(flowNode(depth));
    const c = skipFlowSpaces();
    fp++;
    if (c === 0x5d /* ] */) return list;
    if (c !== 0x2c /* , */) throw GIVE_UP;
    if (skipFlowSpaces() === 0x5d) throw GIVE_UP; // a trailing comma
  }
}

function flowMap(depth: number): Record<string, unknown> {
  const obj: Record<string, unknown> = {};
  if (skipFlowSpaces() === 0x7d /* } */) {
    fp++;
    return obj;
  }
  for (;;) {
    const colon = readKey(fp);
    const k = key;
    if (colon + 1 >= le) throw GIVE_UP; // `{a:` then the line's end
    if (Object.hasOwn(obj, k)) throw GIVE_UP;
    fp = colon + 1;
    obj[k] = flowNode(depth);
    const c = skipFlowSpaces();
    fp++;
    if (c === 0x7d /* } */) return obj;
    if (c !== 0x2c /* , */) throw GIVE_UP;
    if (skipFlowSpaces() === 0x7d) throw GIVE_UP; // a trailing comma
  }
}

/** A plain scalar in a flow collection, up to , ] or }; no : # [ { inside, nothing empty. */
function flowScalar(): unknown {
  const p = fp;
  const c = T.charCodeAt(p);
  if (c < 0x80 && BAD_START[c] === 1) throw GIVE_UP;
  if (c === 0x2d /* - */) {
    // an indicator before a space or a flow indicator
    const d = T.charCodeAt(p + 1);
    if (d < 0x80 && ASCII[d] !== OK) throw GIVE_UP;
  }
  let last = p;
  let i = p;
  for (; i < le; i++) {
    const d = T.charCodeAt(i);
    if (d < 0x80) {
      const k = ASCII[d];
      if (k === OK) last = i;
      else if (k === SPACE) continue;
      else if (k === FLOW) {
        if (d === 0x2c || d === 0x5d || d === 0x7d) break; // , ] }
        throw GIVE_UP; // [ {
      } else if (k === PROP) {
        if (T.charCodeAt(i - 1) === 0x20) throw GIVE_UP;
        last = i;
      } else throw GIVE_UP; // a control character, a quote, : or #
    } else last = i;
  }
  if (i >= le) throw GIVE_UP; // not closed on its line
  fp = i;
  return scalarOf(T.slice(p, last + 1));
}
