// JSON rendering: the whole briefing model, blocks and `data` (the figures as plain numbers), so a
// script can check what the printed text says.
import type { BriefingDocument } from './document.js';
import { lazyListOf, type LazyList } from './lazy-list.js';

export function renderJson(doc: BriefingDocument): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/**
 * The same text as renderJson, byte for byte, as UTF-8 pieces of at most `piece` bytes made as they
 * are written (a single string, key or short part longer than a piece goes out alone). A
 * 10,000-project bulletin is 18 MB of JSON: one JSON.stringify builds it as a tree of small strings
 * that writing must first flatten into one 36 MB string, and the whole model stays alive until then.
 * Here the document is walked from the top; a long list is stringified a batch of elements at a time,
 * and whatever lies at walkDepth whole. Each of those is stringified natively WITHOUT indentation
 * (V8's fast path: about 5× faster than with a gap, and a shorter string to encode), encoded to
 * UTF-8, and its bytes indented into the piece being filled (indentBytes: JSON.stringify's own
 * layout, two spaces a level, at the depth where the batch sits). JSON.stringify follows the same
 * rules with and without a gap (toJSON, what it leaves out or writes as null, boxed values), so the
 * text is the same. Pieces are cut only outside strings or between parts, so no piece ends inside
 * a character. Exact for plain data (the model is: objects, lists, text, numbers) and for a toJSON
 * that does not look at its key (Date's): an element stringified within a batch or a wrapper is
 * given another key.
 */
export function* renderJsonInPieces(
  doc: BriefingDocument,
  options: JsonPieceOptions = {},
): Generator<Uint8Array> {
  const shape = { ...DEFAULT_SHAPE, ...options };
  const out = new PieceWriter(shape.piece);
  for (const part of jsonParts(doc, jsonValue(doc, ''), 0, shape)) {
    if (typeof part === 'string') out.text(part);
    else out.flat(part);
    if (out.done.length > 0) {
      yield* out.done;
      out.done.length = 0;
    }
  }
  out.text('\n');
  out.cut();
  yield* out.done;
}

export interface JsonPieceOptions {
  /** bytes of a piece (a longer string or part goes out alone) */
  piece?: number;
  /** a list at least this long is stringified `batch` elements at a time */
  batch?: number;
  /** below this depth objects and short lists are walked; from it on, each value is stringified whole */
  walkDepth?: number;
}

const DEFAULT_SHAPE: Required<JsonPieceOptions> = { piece: 1 << 20, batch: 256, walkDepth: 6 };

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
 * JSON.stringify(x) with no indentation, to be written indented as JSON.stringify(x, null, 2) would
 * write it with its first line at `level` (its first line's own indentation not included).
 */
class FlatJson {
  constructor(
    readonly json: string,
    readonly level: number,
    /** `json` is x wrapped in a list ("[" x "]"), the wrapper not written */
    readonly wrapped: boolean,
  ) {}
}

type JsonPart = string | FlatJson;

/**
 * JSON.stringify(value, null, 2) of a value whose first line sits at `depth` (its own first
 * indentation not included). Below the top it is stringified as a list's element, as it was when
 * nested in `depth` lists (so a toJSON is given the key "0" either way).
 */
function stringifyAt(value: unknown, depth: number): JsonPart {
  switch (typeof value) {
    case 'string':
    case 'number':
    case 'boolean':
      return JSON.stringify(value);
  }
  if (depth === 0) {
    // undefined for a value JSON.stringify leaves out, which renderJson's template writes as such
    const json = JSON.stringify(value) as string | undefined;
    return json === undefined ? String(json) : new FlatJson(json, 0, false);
  }
  return new FlatJson(JSON.stringify([value]), depth, true);
}

/** A list at `depth` stringified `shape.batch` elements at a time. */
function* batches(
  list: LazyList<unknown>,
  depth: number,
  shape: Required<JsonPieceOptions>,
): Generator<JsonPart> {
  if (list.length === 0) {
    yield '[]';
    return;
  }
  yield '[\n';
  for (let from = 0; from < list.length; from += shape.batch) {
    yield from > 0 ? `,\n${pad(depth + 1)}` : pad(depth + 1);
    // the batch's elements, each on its lines at depth + 1, joined by “,\n” (the list's brackets not written)
    yield new FlatJson(
      JSON.stringify(list.make(from, Math.min(list.length, from + shape.batch))),
      depth + 1,
      true,
    );
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
): Generator<JsonPart> {
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

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const NEWLINE = 0x0a;
const SPACE = 0x20;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;

/** UTF-8 pieces of at most `size` bytes, filled one after another; the full ones wait in `done`. */
class PieceWriter {
  piece: Buffer;
  used = 0;
  readonly done: Uint8Array[] = [];

  constructor(readonly size: number) {
    this.piece = Buffer.allocUnsafe(size);
  }

  /** The piece filled so far goes out; a new one is begun. */
  cut(): void {
    if (this.used === 0) return;
    this.done.push(this.piece.subarray(0, this.used));
    this.piece = Buffer.allocUnsafe(this.size);
    this.used = 0;
  }

  /** A short part (brackets, indentation, a key, a scalar), never cut. */
  text(part: string): void {
    // at most 3 bytes a UTF-16 unit: a part that may not fit goes in the next piece, or alone
    const most = part.length * 3;
    if (this.used + most > this.size) {
      this.cut();
      if (most > this.size) {
        this.done.push(Buffer.from(part, 'utf8'));
        return;
      }
    }
    this.used += this.piece.write(part, this.used, 'utf8');
  }

  /** A flat JSON text, written indented. */
  flat(part: FlatJson): void {
    const { json } = part;
    if (part.wrapped) this.indent(json, 1, json.length - 1, part.level);
    else this.indent(json, 0, json.length, part.level);
  }

  /**
   * The flat JSON text `from`–`to` of `json` (values at `level`, separated by commas) written as
   * UTF-8 bytes as JSON.stringify with a gap of two spaces writes it. Outside strings: “{}” and “[]”
   * stay; any other opening bracket is followed by a new line one level deeper, a comma by a new
   * line, a closing bracket follows a new line a level up, and a colon is followed by a space. A
   * string is copied as it is, encoded, up to its closing quote: in flat JSON a backslash starts an
   * escape (\" \\ \n \uXXXX…) whose next character is never the end, and there is no raw new line.
   * Encoded here in one pass rather than by Buffer.write and then indented as bytes: a two-byte
   * string is encoded natively no faster, and the bytes would be read once more. A piece is cut
   * between two characters (never inside one, nor inside a surrogate pair: JSON.stringify escapes
   * a lone surrogate).
   */
  private indent(json: string, from: number, to: number, level: number): void {
    let piece = this.piece;
    let used = this.used;
    const size = this.size;
    const last = size - 4; // room left for one character of any size, or an escape's two bytes
    let depth = level;
    let i = from;
    while (i < to) {
      const b = json.charCodeAt(i++);
      if (b === QUOTE) {
        if (used > last) {
          this.used = used;
          this.cut();
          piece = this.piece;
          used = 0;
        }
        piece[used++] = QUOTE;
        while (i < to) {
          if (used > last) {
            this.used = used;
            this.cut();
            piece = this.piece;
            used = 0;
          }
          const c = json.charCodeAt(i++);
          if (c < 0x80) {
            piece[used++] = c;
            if (c === QUOTE) break;
            if (c === BACKSLASH) piece[used++] = json.charCodeAt(i++);
          } else if (c < 0x800) {
            piece[used++] = 0xc0 | (c >> 6);
            piece[used++] = 0x80 | (c & 0x3f);
          } else if (c < 0xd800 || c > 0xdfff) {
            piece[used++] = 0xe0 | (c >> 12);
            piece[used++] = 0x80 | ((c >> 6) & 0x3f);
            piece[used++] = 0x80 | (c & 0x3f);
          } else {
            // a surrogate pair (JSON.stringify leaves no lone surrogate unescaped)
            const point = 0x10000 + ((c - 0xd800) << 10) + (json.charCodeAt(i++) - 0xdc00);
            piece[used++] = 0xf0 | (point >> 18);
            piece[used++] = 0x80 | ((point >> 12) & 0x3f);
            piece[used++] = 0x80 | ((point >> 6) & 0x3f);
            piece[used++] = 0x80 | (point & 0x3f);
          }
        }
        continue;
      }
      let after: number; // the bracket written after the new line, or -1
      if (b === OPEN_BRACE || b === OPEN_BRACKET) {
        if (json.charCodeAt(i) === b + 2) {
          // “{}” or “[]”
          if (used + 2 > size) {
            this.used = used;
            this.cut();
            piece = this.piece;
            used = 0;
          }
          piece[used++] = b;
          piece[used++] = b + 2;
          i++;
          continue;
        }
        depth++;
        after = -1;
      } else if (b === CLOSE_BRACE || b === CLOSE_BRACKET) {
        depth--;
        after = b;
      } else if (b === COMMA) {
        after = -1;
      } else if (b === COLON) {
        if (used + 2 > size) {
          this.used = used;
          this.cut();
          piece = this.piece;
          used = 0;
        }
        piece[used++] = COLON;
        piece[used++] = SPACE;
        continue;
      } else {
        // a number, true, false or null (ASCII)
        if (used === size) {
          this.used = used;
          this.cut();
          piece = this.piece;
          used = 0;
        }
        piece[used++] = b;
        continue;
      }
      // a new line and its indentation, with the bracket or comma before it or the bracket after it
      const spaces = 2 * depth;
      if (used + spaces + 2 > size) {
        this.used = used;
        this.cut();
        piece = this.piece;
        used = 0;
        if (spaces + 2 > size) {
          // indentation deeper than a piece: spaces are cut anywhere
          this.ascii(
            after < 0
              ? `${String.fromCharCode(b)}\n${pad(depth)}`
              : `\n${pad(depth)}${String.fromCharCode(after)}`,
          );
          piece = this.piece;
          used = this.used;
          continue;
        }
      }
      if (after < 0) piece[used++] = b;
      piece[used++] = NEWLINE;
      for (let k = 0; k < spaces; k++) piece[used++] = SPACE;
      if (after >= 0) piece[used++] = after;
    }
    this.used = used;
  }

  /** ASCII text cut anywhere between pieces. */
  private ascii(text: string): void {
    for (let k = 0; k < text.length; k++) {
      if (this.used === this.size) this.cut();
      this.piece[this.used++] = text.charCodeAt(k);
    }
  }
}
