// The JSON bulletin written in pieces (briefing/json.ts renderJsonInPieces) is the text renderJson
// gives, byte for byte, for any value and any way of cutting it; and the lazy lists of the model
// (lazy-list.ts) are written a batch at a time without ever being made whole.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildBulletin } from '../../src/briefing/bulletin.js';
import type { Block } from '../../src/briefing/document.js';
import { renderJson, renderJsonInPieces, type JsonPieceOptions } from '../../src/briefing/json.js';
import { defineLazyList, lazyListOf } from '../../src/briefing/lazy-list.js';
import { sampleMeetings, sampleRegister } from './sample.js';

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** The pieces joined and decoded, with each piece's size and text (each piece whole UTF-8: no character cut). */
function joined(
  value: unknown,
  options?: JsonPieceOptions,
): { text: string; sizes: number[]; texts: string[] } {
  const pieces = [...renderJsonInPieces(value as never, options)];
  return {
    text: Buffer.concat(pieces).toString('utf8'),
    sizes: pieces.map((p) => p.byteLength),
    texts: pieces.map((p) => strictUtf8.decode(p)),
  };
}

const shapes = fc.record({
  piece: fc.integer({ min: 16, max: 200 }),
  batch: fc.integer({ min: 1, max: 5 }),
  walkDepth: fc.integer({ min: 0, max: 8 }),
});

// text of every kind: CJK, astral characters (surrogate pairs), escapes, control characters
const anyText = fc.string({ unit: 'binary', maxLength: 12 });
// text made of what the indenter of flat JSON (json.ts indentBytes) must tell apart: quotes,
// backslash runs (a string ending in one or more), brackets, commas and colons inside strings
const trickyText = fc
  .array(
    fc.constantFrom(
      '\\',
      '"',
      '\\"',
      '{',
      '}',
      '[',
      ']',
      '{}',
      '[]',
      ',',
      ':',
      ': ',
      'a',
      '中',
      '𠀀',
      '\n',
      '\u0001',
    ),
    { maxLength: 6 },
  )
  .map((bits) => bits.join(''));
const someText = fc.oneof(anyText, trickyText);
const values = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    someText,
    fc.constant({}),
    fc.constant([]),
    fc.double(),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.constant(undefined),
    fc.array(tie('value'), { maxLength: 7 }),
    fc.dictionary(someText, tie('value'), { maxKeys: 5 }),
  ),
})).value;

describe('renderJsonInPieces', () => {
  it('gives JSON.stringify(value, null, 2) and a newline, for any value and any cutting', () => {
    fc.assert(
      fc.property(fc.dictionary(someText, values, { maxKeys: 6 }), shapes, (value, shape) => {
        expect(joined(value, shape).text).toBe(`${JSON.stringify(value, null, 2)}\n`);
      }),
      { numRuns: 600 },
    );
  });

  // (a toJSON that words its result by the key it is given may be given another key: json.ts)
  it('follows JSON.stringify on what it leaves out or turns to null, and on toJSON', () => {
    const value = {
      gone: undefined,
      fn: () => 1,
      sym: Symbol('s'),
      list: [undefined, () => 1, 1, { toJSON: () => undefined }, '中文'],
      date: new Date(Date.UTC(2021, 8, 6)),
      custom: { toJSON: () => ({ nested: [1, 2, 3] }) },
      dropped: { toJSON: () => undefined },
      boxed: [Object('文'), Object(2)],
      empty: { list: [], record: {}, onlyGone: { a: undefined } },
      '1': 'integer-like keys come first, as in JSON.stringify',
    };
    for (const shape of [
      {},
      { batch: 1 },
      { batch: 2, walkDepth: 1 },
      { walkDepth: 0 },
      { walkDepth: 9, piece: 16 },
    ]) {
      expect(joined(value, shape).text).toBe(`${JSON.stringify(value, null, 2)}\n`);
    }
  });

  it('keeps every piece within its size unless one part alone is longer, and never cuts a character', () => {
    const value = { rows: Array.from({ length: 40 }, (_, i) => ({ name: `项目𠀀${i}`, n: i })) };
    const { text, sizes } = joined(value, { piece: 64, batch: 4 });
    expect(text).toBe(`${JSON.stringify(value, null, 2)}\n`);
    expect(sizes.length).toBeGreaterThan(10);
    // a batch of 4 rows is one part, longer than 64 bytes: it goes out alone, whole
    expect(Math.max(...sizes)).toBeGreaterThan(64);
    expect(sizes.every((n) => n > 0)).toBe(true);
  });

  it('keeps lists and records nested deeper than a piece, and empty ones at any depth', () => {
    let deep: unknown = { text: '中"\\', list: [[], {}, [{}], 1] };
    for (let level = 0; level < 14; level++) deep = level % 2 ? [deep, {}] : { inner: deep, empty: [] };
    for (const shape of [
      { piece: 16 },
      { piece: 16, walkDepth: 0 },
      { piece: 17, walkDepth: 3, batch: 1 },
      {},
    ]) {
      expect(joined(deep, shape).text).toBe(`${JSON.stringify(deep, null, 2)}\n`);
    }
  });

  // Measured at 10,000 projects (docs/bench.md): batches of 256 made the first open's JSON ~100 ms
  // slower than batches of 32 (a batch's text then several times longer, and costlier to flatten).
  it('stringifies a long list 32 elements at a time by default', () => {
    const asked: [number, number][] = [];
    const data: Record<string, unknown> = {};
    defineLazyList(data, 'rows', {
      length: 100,
      make: (from, to) => {
        asked.push([from, to]);
        return Array.from({ length: to - from }, (_, i) => ({ n: from + i, text: '中' }));
      },
    });
    const plain = Array.from({ length: 70 }, (_, i) => [i]);
    const text = joined({ data, plain }, { piece: 64 }).text;
    expect(asked).toEqual([
      [0, 32],
      [32, 64],
      [64, 96],
      [96, 100],
    ]);
    expect(text).toBe(`${JSON.stringify({ data, plain }, null, 2)}\n`);
  });

  it('writes a bulletin as renderJson does, its 附件 rows and data.projects a batch at a time', () => {
    const doc = buildBulletin({
      register: sampleRegister(),
      meetings: sampleMeetings(),
      issued: '2021-09-01',
    });
    const table = doc.attachments[0]!.blocks[0]!;
    // the lazy lists are not made by building the model
    expect(lazyListOf(table, 'rows')).toBeDefined();
    expect(lazyListOf(doc.data as object, 'projects')).toBeDefined();
    const streamed = joined(doc, { batch: 2 }).text;
    // …nor by writing it in pieces
    expect(lazyListOf(table, 'rows')).toBeDefined();
    expect(lazyListOf(doc.data as object, 'projects')).toBeDefined();
    const whole = renderJson(doc);
    expect(streamed).toBe(whole);
    expect(whole).toContain('"text": "A1"');
    // once read whole, the list is an ordinary property
    expect(lazyListOf(table, 'rows')).toBeUndefined();
    expect(joined(doc).text).toBe(whole);
  });
});

describe('defineLazyList', () => {
  const make = (from: number, to: number): number[] =>
    Array.from({ length: to - from }, (_, i) => (from + i) * 10);

  it('makes the whole list once, when first read, keeping the key in its place', () => {
    let made = 0;
    const target: Record<string, unknown> = { a: 1 };
    defineLazyList(target, 'list', {
      length: 4,
      make: (from, to) => {
        made++;
        return make(from, to);
      },
    });
    target.z = 2;
    expect(made).toBe(0);
    expect(Object.keys(target)).toEqual(['a', 'list', 'z']);
    const first = target.list;
    expect(first).toEqual([0, 10, 20, 30]);
    expect(target.list).toBe(first);
    expect(made).toBe(1);
    expect(JSON.stringify(target)).toBe('{"a":1,"list":[0,10,20,30],"z":2}');
  });

  it('takes an assignment like a plain property', () => {
    const target = { type: 'table' } as Block & { type: 'table' };
    defineLazyList(target, 'rows', { length: 2, make: () => [[{ text: 'x' }]] });
    target.rows = [];
    expect(target.rows).toEqual([]);
    expect(lazyListOf(target, 'rows')).toBeUndefined();
  });
});
