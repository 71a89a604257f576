// JSON rendering: the whole briefing model, blocks and `data` (the figures as plain numbers), so a
// script can check what the printed text says.
import type { BriefingDocument } from './document.js';
import { lazyListOf, type LazyList } from './lazy-list.js';

export function renderJson(doc: BriefingDocument): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/**
 * The same text as renderJson, byte for byte, as UTF-8 pieces of about `piece` bytes made as they
 * are written. A 10,000-project bulletin is 18 MB of JSON: one JSON.stringify builds it as a tree of
 * small strings that writing must first flatten into one 36 MB string, and the whole model stays
 * alive until then. Here long lists are stringified a batch of elements at a time (natively, at
 * their depth: each batch nested in arrays so JSON.stringify indents it, the nesting cut off again),
 * and each part is encoded straight into the piece being filled, never joined into a longer string.
 * Batches are short (32 elements, DEFAULT_SHAPE): a batch's text is made, flattened and encoded while
 * it is small. (Stringifying flat, without a gap, and indenting the text in JavaScript was measured
 * and lost: per batch of this size V8's indenting JSON.stringify is about as fast as the flat one.)
 * Exact for plain data (the model is: objects, lists, text, numbers) and for a toJSON that does not
 * look at its key (Date's): an element stringified within a batch or a wrapper is given another key.
 */
export function* renderJsonInPieces(
  doc: BriefingDocument,
  options: JsonPieceOptions = {},
): Generator<Uint8Array> {
  const shape = { ...DEFAULT_SHAPE, ...options };
  let piece = Buffer.allocUnsafe(shape.piece);
  let used = 0;
  for (const part of withNewline(jsonParts(doc, jsonValue(doc, ''), 0, shape))) {
    // at most 3 bytes a UTF-16 unit: a part that may not fit goes out after the piece, or alone
    const most = part.length * 3;
    if (used + most > piece.length) {
      if (used > 0) {
        yield piece.subarray(0, used);
        piece = Buffer.allocUnsafe(shape.piece);
        used = 0;
      }
      if (most > piece.length) {
        yield Buffer.from(part, 'utf8');
        continue;
      }
    }
    used += piece.write(part, used, 'utf8');
  }
  if (used > 0) yield piece.subarray(0, used);
}

function* withNewline(parts: Iterable<string>): Generator<string> {
  yield* parts;
  yield '\n';
}

export interface JsonPieceOptions {
  /** bytes of a piece (a longer part goes out alone) */
  piece?: number;
  /** a list at least this long is stringified `batch` elements at a time */
  batch?: number;
  /** below this depth objects and short lists are walked; from it on, each value is stringified whole */
  walkDepth?: number;
}

/**
 * Batches of 32: at 10,000 projects the first open's JSON took ~100 ms longer with batches of 64 to
 * 256 (a batch's indented text then ~90–350 KB to build, flatten, slice and encode) and no less with
 * 16 or 24 (docs/bench.md, issue 13 item 9).
 */
const DEFAULT_SHAPE: Required<JsonPieceOptions> = { piece: 1 << 20, batch: 32, walkDepth: 6 };

const pads: string[] = [];
/** The indentation of a line at `depth` (JSON.stringify's two spaces a level). */
function pad(depth: number): string {
  return (pads[depth] ??= '  '.repeat(depth));
}

/** What JSON.stringify leaves out of an object (and writes as null in a list). */
function omitted(value: unknown): boolean {
  return value === undefined || typeof value === 'function' || typeof value === 'symbol';
}

/** `value` after its toJSON, as JSON.stringify sees it under `key`. */
function jsonValue(value: unknown, key: string): unknown {
  if (value !== null && (typeof value === 'object' || typeof value === 'bigint')) {
    const toJSON = (value as { toJSON?: unknown }).toJSON;
    if (typeof toJSON === 'function') return (toJSON as (key: string) => unknown).call(value, key);
  }
  return value;
}

/**
 * JSON.stringify(value, null, 2) of a value whose first line sits at `depth`: the value nested in
 * `depth` arrays is indented as it would be there; the `depth` levels of “[\n” before it and “\n]”
 * after it (2k + 2 characters at level k, d(d + 1) in all), and its own first indentation, are cut off.
 */
function stringifyAt(value: unknown, depth: number): string {
  if (depth === 0) return JSON.stringify(value, null, 2);
  let nested: unknown = value;
  for (let k = 0; k < depth; k++) nested = [nested];
  const text = JSON.stringify(nested, null, 2);
  // before the value: each level's pad(k) + "[\n" (2k + 2), then the value's own indentation (2·depth)
  const after = depth * (depth + 1);
  return text.slice(after + 2 * depth, text.length - after);
}

/** The elements of `list` (a batch of a longer list at `depth`), each on its lines at depth + 1, joined by “,\n”. */
function elementsAt(list: unknown[], depth: number): string {
  const text = stringifyAt(list, depth); // "[\n" elements "\n" + pad(depth) + "]"
  return text.slice(2, text.length - 2 * depth - 2);
}

/** A list at `depth` stringified `shape.batch` elements at a time. */
function* batches(
  list: LazyList<unknown>,
  depth: number,
  shape: Required<JsonPieceOptions>,
): Generator<string> {
  if (list.length === 0) {
    yield '[]';
    return;
  }
  yield '[\n';
  for (let from = 0; from < list.length; from += shape.batch) {
    if (from > 0) yield ',\n';
    yield elementsAt(list.make(from, Math.min(list.length, from + shape.batch)), depth);
  }
  yield `\n${pad(depth)}]`;
}

/**
 * The JSON text of `raw` at `depth`, in parts; `value` is `raw` after its toJSON (jsonValue). Objects
 * and lists are walked; anything else, and whatever lies at walkDepth, is stringified natively.
 */
function* jsonParts(
  raw: unknown,
  value: unknown,
  depth: number,
  shape: Required<JsonPieceOptions>,
): Generator<string> {
  if (value === null || typeof value !== 'object' || depth >= shape.walkDepth || !walkable(value)) {
    // JSON.stringify's own rules (toJSON, a boxed number or string, a Map…)
    yield stringifyAt(raw, depth);
    return;
  }
  if (Array.isArray(value)) {
    if (value.length === 0) {
      yield '[]';
      return;
    }
    if (value.length >= shape.batch) {
      yield* batches({ length: value.length, make: (from, to) => value.slice(from, to) }, depth, shape);
      return;
    }
    yield '[\n';
    for (let i = 0; i < value.length; i++) {
      if (i > 0) yield ',\n';
      yield pad(depth + 1);
      const element: unknown = value[i];
      const shown = jsonValue(element, String(i));
      // a function or undefined in a list is written as null (after toJSON, as JSON.stringify does)
      if (omitted(shown)) yield 'null';
      else yield* jsonParts(element, shown, depth + 1, shape);
    }
    yield `\n${pad(depth)}]`;
    return;
  }
  let first = true;
  const record = value as Record<string, unknown>;
  for (const k of Object.keys(record)) {
    // a lazy list not read yet is made a batch at a time (lazy-list.ts), never whole
    const lazy = lazyListOf(record, k);
    const element = lazy ? undefined : record[k];
    const shown = lazy ? undefined : jsonValue(element, k);
    if (!lazy && omitted(shown)) continue;
    yield first ? '{\n' : ',\n';
    first = false;
    yield `${pad(depth + 1)}${JSON.stringify(k)}: `;
    if (lazy) yield* batches(lazy, depth + 1, shape);
    else yield* jsonParts(element, shown, depth + 1, shape);
  }
  yield first ? '{}' : `\n${pad(depth)}}`;
}

/** A list, or an object made by `{}` (not a Date, Map or boxed value, which JSON.stringify treats its own way). */
function walkable(value: object): boolean {
  if (Array.isArray(value)) return true;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}
