// The line reader of register items (src/store/yaml/line-plain.ts, issue 13 item 9) must either give
// up or give exactly what js-yaml's loadPlain gives: the same plain value (PlainScalar of the same
// value and source, the same keys in the same order). Checked on every item of every register the
// repository has (seeds, fixtures, generated registers, the Excel import's yaml), on mutated items
// (fast-check, fixed seed), on hand cases for each rule, and through the register reader with the
// line reader on and off (projects, warnings, errors identical).
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { importRegisterFromXlsx } from '../../src/import/xlsx-register.js';
import {
  PlainScalar,
  loadPlain,
  resolvePlain,
  setFastYaml,
  setPlainYaml,
} from '../../src/store/fast-yaml.js';
import { loadRegister, parseRegisterText } from '../../src/store/register-file.js';
import { readLinePlain, setLinePlain } from '../../src/store/yaml/line-plain.js';
import { splitTrailingList } from '../../src/store/yaml/parse.js';
import { plainList } from '../../src/store/yaml/plain.js';
import { registerToXlsx } from '../support/register-to-xlsx.js';
import { REGISTER_HEAD, type Outcome, outcome, yamlFiles } from './helpers.js';

afterEach(() => {
  setFastYaml(true);
  setLinePlain(true);
});

const root = fileURLToPath(new URL('../../', import.meta.url));

const REPO_REGISTERS = [...yamlFiles(join(root, 'seeds')), ...yamlFiles(join(root, 'test', 'fixtures'))];
// the benchmark's generator (plain JavaScript, imported by URL: it has no types)
const { registerYaml: generatedRegister } = (await import(
  new URL('../../bench/generate.js', import.meta.url).href
)) as { registerYaml: (count: number, seed: number) => string };
const GENERATED: [string, string][] = [
  [1, 40],
  [7, 200],
  [20261204, 500],
].map(([seed, count]) => [`generated-${seed}-${count}`, generatedRegister(count!, seed!)]);

/**
 * Where `a` (the line reader's) and `b` (loadPlain's) differ: undefined when they are the same value,
 * class for class, key order included.
 */
function difference(a: unknown, b: unknown, path = '$'): string | undefined {
  if (a instanceof PlainScalar || b instanceof PlainScalar) {
    if (!(a instanceof PlainScalar && b instanceof PlainScalar)) return `${path}: PlainScalar on one side`;
    if (!Object.is(a.value, b.value) || a.source !== b.source)
      return `${path}: ${String(a.value)}/${a.source} vs ${String(b.value)}/${b.source}`;
    return undefined;
  }
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!(Array.isArray(a) && Array.isArray(b))) return `${path}: list on one side`;
    if (a.length !== b.length) return `${path}: ${a.length} items vs ${b.length}`;
    for (let i = 0; i < a.length; i++) {
      const d = difference(a[i], b[i], `${path}[${i}]`);
      if (d) return d;
    }
    return undefined;
  }
  if (typeof a === 'object' && a !== null && typeof b === 'object' && b !== null) {
    if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return `${path}: prototypes differ`;
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    if (ka.join('\n') !== kb.join('\n')) return `${path}: keys ${ka.join(',')} vs ${kb.join(',')}`;
    for (const k of ka) {
      const d = difference(
        (a as Record<string, unknown>)[k],
        (b as Record<string, unknown>)[k],
        `${path}.${k}`,
      );
      if (d) return d;
    }
    return undefined;
  }
  return Object.is(a, b) ? undefined : `${path}: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`;
}

/**
 * The line reader on `text.slice(start, end)` against loadPlain of the same item alone: undefined
 * (given up) or the same value; a value only where js-yaml reads exactly one item.
 */
function checkItem(text: string, start: number, end: number, label: string): boolean {
  const line = readLinePlain(text, start, end);
  if (line === undefined) return false;
  const js = loadPlain(text.slice(start, end), 'item.yaml');
  expect(Array.isArray(js) && js.length === 1, `${label}: js-yaml does not read one item`).toBe(true);
  expect(difference(line, (js as unknown[])[0]), label).toBeUndefined();
  return true;
}

/** Every item of a register text checked; how many the line reader read, of how many. */
function checkRegister(text: string, label: string): { read: number; items: number } {
  const split = splitTrailingList(text, 'projects');
  if (!split) return { read: 0, items: 0 };
  // within the whole list too, when js-yaml reads it
  const whole = loadPlain(text.slice(split.headEnd), label);
  let read = 0;
  split.items.forEach(([start, end], i) => {
    if (!checkItem(text, start, end, `${label} item ${i + 1}`)) return;
    read++;
    if (Array.isArray(whole) && whole.length === split.items.length)
      expect(difference(readLinePlain(text, start, end), whole[i]), `${label} item ${i + 1} (list)`).toBe(
        undefined,
      );
  });
  return { read, items: split.items.length };
}

let imported: [string, string][] = [];

beforeAll(async () => {
  // the Excel import's yaml (yaml's writer): each seed through a workbook and back
  const dir = mkdtempSync(join(tmpdir(), 'diaodu-line-plain-'));
  imported = [];
  for (const seed of ['pinglu-2021', 'dalate-2021', 'haimen-kaifaqu-2022']) {
    const { register } = loadRegister(join(root, 'seeds', `${seed}.yaml`), { cache: false });
    const file = join(dir, `${seed}.xlsx`);
    writeFileSync(file, await registerToXlsx(register));
    const result = await importRegisterFromXlsx(file);
    expect(result.yaml, seed).toBeDefined();
    imported.push([`imported ${seed}`, result.yaml!]);
  }
}, 60_000);

describe('line reader against js-yaml', () => {
  it('reads every item of every register in the repository as js-yaml does, or gives up', () => {
    const counts: Record<string, { read: number; items: number }> = {};
    for (const file of REPO_REGISTERS) {
      counts[file.slice(root.length)] = checkRegister(readFileSync(file, 'utf8'), file);
    }
    for (const [label, text] of [...GENERATED, ...imported]) counts[label] = checkRegister(text, label);
    // it is used: every item of every seed, generated and imported register is read by it
    for (const [label, c] of Object.entries(counts)) {
      if (label.startsWith('seeds/') || label.startsWith('generated') || label.startsWith('imported'))
        expect(c.read, label).toBe(c.items);
    }
    expect(Object.values(counts).reduce((n, c) => n + c.read, 0)).toBeGreaterThan(1000);
  });

  // Items to mutate: one of each shape the reader takes.
  const BASES: string[] = [
    ...GENERATED.flatMap(([, text]) => {
      const split = splitTrailingList(text, 'projects')!;
      return split.items.slice(0, 4).map(([s, e]) => text.slice(s, e));
    }),
    ...['pinglu-2021', 'dalate-2021'].flatMap((seed) => {
      const text = readFileSync(join(root, 'seeds', `${seed}.yaml`), 'utf8');
      const split = splitTrailingList(text, 'projects')!;
      return split.items.slice(0, 3).map(([s, e]) => text.slice(s, e));
    }),
    [
      '  - id: A-1 # 编号',
      '    name: 光伏 项目  ',
      '    total_investment: 1.5e3',
      '    # 注释',
      '    leader: ~',
      '    contact:',
      '    milestones:',
      '    - {name: 主体封顶, planned: 2021-09-24}',
      '    - name: 竣工',
      '      planned: 2021-12-01',
      '    problems:',
      '      - text: a#b',
      '        unit: [区发改局, 区住建局]',
      '',
    ].join('\n'),
    ['  - id: 001\r', '    nature: 新建\r', '    tags: [1, -2, true, null, {a: [b, {c: d}]}]\r', ''].join(
      '\n',
    ),
    [
      '  -   id: x',
      '      list:',
      '        - 1',
      '        - -1',
      '        - 0x1F',
      '      flag: TRUE',
      '',
    ].join('\n'),
  ];
  const ALPHABET = [
    ' ',
    '  ',
    '\n',
    '\r\n',
    '\r',
    '\t',
    ...':#-,[]{}\'"|>&*!?%@`~.',
    '项',
    '目',
    '，',
    '0',
    '1',
    '9',
    'e',
    'x',
    'o',
    'a',
    'n',
    'T',
    '\u0007',
    '\u2028',
    '\ud83d',
    ': ',
    ' #',
    '- ',
    '\n  ',
    '\n    ',
    '\n      - ',
  ];
  /** an edit that writes the line at `at` twice (a duplicate key, a second item, …) */
  const COPY_LINE = '<copy the line>';
  type Edit = { at: number; del: number; ins: string };
  const edit: fc.Arbitrary<Edit> = fc.record({
    at: fc.nat(),
    del: fc.nat({ max: 3 }),
    ins: fc.oneof(fc.constantFrom(...ALPHABET), fc.constant(''), fc.constant(COPY_LINE)),
  });

  it('gives up or reads as js-yaml does on thousands of mutated items', () => {
    let read = 0;
    let runs = 0;
    fc.assert(
      fc.property(
        fc.constantFrom(...BASES),
        fc.array(edit, { minLength: 1, maxLength: 4 }),
        (base, edits) => {
          let t = base;
          for (const { at, del, ins } of edits) {
            const p = at % (t.length + 1);
            if (ins === COPY_LINE) {
              const from = t.lastIndexOf('\n', p - 1) + 1;
              const to = t.indexOf('\n', p) + 1 || t.length;
              t = t.slice(0, to) + t.slice(from, to) + t.slice(to);
            } else t = t.slice(0, p) + ins + t.slice(p + del);
          }
          runs++;
          if (checkItem(t, 0, t.length, JSON.stringify(t))) read++;
        },
      ),
      { numRuns: Number(process.env.LINE_PLAIN_RUNS ?? 6000) },
    );
    // not a test of giving up: many mutated items are still read
    expect(read).toBeGreaterThan(runs / 10);
  });
});

describe('line reader: hand cases', () => {
  const item = (...lines: string[]): string => `${lines.join('\n')}\n`;
  const read = (text: string): unknown => {
    const v = readLinePlain(text, 0, text.length);
    if (v !== undefined) checkItem(text, 0, text.length, text);
    return v;
  };
  const num = (value: number | boolean, source: string) => new PlainScalar(value, source);

  it('reads what registers hold, as js-yaml does', () => {
    const v = read(
      item(
        '  - id: A # 编号',
        '    name: 光伏  项目   ',
        '    note: a#b',
        '    time: 10:30',
        '    url: a:b',
        '    dash: -1',
        '    text: x - y, z [1] {2}',
        '    empty:',
        '    tilde: ~',
        '',
        '    # 注释',
        '    milestones:',
        '      - {name: 主体封顶, planned: 2021-09-24}',
        '      - name: 竣工',
        '        planned: 2021-12-01',
        '    problems:',
        '    - text: 用地',
        '    list: [1, 0o17, 0x1F, .inf, -.5, 1e3, true, Null, 2021-01-01]',
        '    map: {}',
        '    seq: []',
      ),
    );
    expect(v).toEqual({
      id: 'A',
      name: '光伏  项目',
      note: 'a#b',
      time: '10:30',
      url: 'a:b',
      dash: num(-1, '-1'),
      text: 'x - y, z [1] {2}',
      empty: null,
      tilde: null,
      milestones: [
        { name: '主体封顶', planned: '2021-09-24' },
        { name: '竣工', planned: '2021-12-01' },
      ],
      problems: [{ text: '用地' }],
      list: [
        num(1, '1'),
        num(15, '0o17'),
        num(31, '0x1F'),
        num(Infinity, '.inf'),
        num(-0.5, '-.5'),
        num(1000, '1e3'),
        num(true, 'true'),
        null,
        '2021-01-01',
      ],
      map: {},
      seq: [],
    });
    // CRLF
    expect(read('  - id: A\r\n    name: 项目\r\n    n: 12\r\n')).toEqual({
      id: 'A',
      name: '项目',
      n: num(12, '12'),
    });
    // more spaces after the dash: the mapping's keys line up under the first
    expect(read(item('  -   id: A', '      name: 项目'))).toEqual({ id: 'A', name: '项目' });
  });

  it('resolves scalars as js-yaml does (resolvePlain)', () => {
    const SCALARS = [
      ...[
        '0',
        '-0',
        '+0',
        '007',
        '-12',
        '+12',
        '123456789012345678901',
        '1e3',
        '1E-3',
        '123e-5',
        '.5',
        '-.5',
      ],
      ...['1.', '1.e5', '+-1', '+', '.', '-.inf', '+.Inf', '.NaN', '.nan', '0x1F', '0x', '0o17', '0o8'],
      ...['1_000', '2021-01-01', '2021-1-1', '1234-5', '12:30', '~', 'null', 'Null', 'NULL', 'nul', 'nulls'],
      ...['true', 'True', 'TRUE', 'tRUE', 'false', 'FALSE', 'yes', 'no', 'on', 'y', 'n', 't', 'f', '项目'],
    ];
    for (const text of SCALARS) {
      const js = loadPlain(`- ${text}\n`, 'x.yaml') as unknown[];
      expect(difference(resolvePlain(text), js[0]), text).toBeUndefined();
    }
  });

  it('gives up on anything else', () => {
    const GIVE_UP: [string, string][] = [
      ['a double quote', item('  - id: "A"')],
      ['a single quote', item("  - content: it's")],
      ['a double quote inside a value', item('  - content: 5"')],
      ['a literal block scalar', item('  - id: A', '    content: |', '      文字')],
      ['a folded block scalar', item('  - id: A', '    content: >', '      文字')],
      ['a plain scalar continued on the next line', item('  - id: A', '    content: 折叠', '      的文字')],
      ['continued after a blank line', item('  - id: A', '    content: 折叠', '', '      的文字')],
      ['a deeper line after a flow collection', item('  - id: A', '    tags: [a]', '      b')],
      ['a flow collection over two lines', item('  - id: A', '    tags: [a,', '      b]')],
      ['a trailing comma', item('  - id: A', '    tags: [a, b, ]')],
      ['an empty flow entry', item('  - id: A', '    tags: [a, , b]')],
      ['a flow key with no value', item('  - id: A', '    m: {a, b: 1}')],
      ['a flow key with an empty value', item('  - id: A', '    m: {a: , b: 1}')],
      ['a pair in a flow list', item('  - id: A', '    tags: [a: b]')],
      ['a colon in a flow scalar', item('  - id: A', '    m: {t: 10:30}')],
      ['a # in a flow collection', item('  - id: A', '    tags: [a #b]')],
      ['`: ` inside a value', item('  - id: A', '    name: 项目: 一期')],
      ['a trailing `:` in a value', item('  - id: A', '    name: 项目:')],
      ['a key with a space', item('  - id: A', '    two words: x')],
      ['a Chinese key', item('  - id: A', '    名称: x')],
      ['a null key', item('  - id: A', '    null: x')],
      ['a bool key', item('  - id: A', '    true: x')],
      ['a number key', item('  - id: A', '    12: x')],
      ['a key starting with -', item('  - id: A', '    -x: 1')],
      ['a flow key', item('  - [id]: A')],
      ['__proto__', item('  - id: A', '    __proto__: x')],
      ['a duplicate key', item('  - id: A', '    id: B')],
      ['a duplicate flow key', item('  - id: A', '    m: {a: 1, a: 2}')],
      ['a key under-indented', item('  - id: A', '   name: x')],
      ['a key over-indented', item('  - id: A', '     name: x')],
      ['a nested list over-indented', item('  - id: A', '    m:', '      - a', '       - b')],
      ['a tab', item('  - id: A', '    name: a\tb')],
      ['a tab as indentation', item('  - id: A', '\tname: b')],
      ['an anchor', item('  - id: &x A')],
      ['an alias', item('  - id: *x')],
      ['a tag', item('  - id: !!str 1')],
      ['an anchor after a space', item('  - id: A &x')],
      ['an explicit key', item('  - ? id', '    : A')],
      ['% starting a value', item('  - id: %A')],
      ['@ starting a value', item('  - id: @A')],
      ['` starting a value', item('  - id: `A`')],
      ['a control character', item('  - id: A\u0007')],
      ['a control character in a comment', item('  - id: A # \u0007')],
      ['a line separator', item('  - id: A\u2028B')],
      ['a lone surrogate', item('  - id: A\ud83d')],
      ['a lone CR', '  - id: A\r    name: B\n'],
      ['a dash alone', item('  -', '    id: A')],
      ['a dash with no space', item('  -id: A')],
      ['a list in a list', item('  - - a')],
      ['an item that is not a mapping', item('  - 项目')],
      ['a value starting with `- `', item('  - id: - A')],
      ['a key with `:` inside', item('  - a:b: c')],
      ['two items', item('  - id: A', '  - id: B')],
    ];
    for (const [what, text] of GIVE_UP) expect(readLinePlain(text, 0, text.length), what).toBeUndefined();
  });
});

describe('register read with the line reader on and off', () => {
  /** `fn` read with the line reader, with js-yaml alone, and positioned only: one outcome. */
  function sameAllWays(fn: () => unknown, label: string): Outcome {
    setLinePlain(true);
    const lines = outcome(fn);
    setLinePlain(false);
    const jsYaml = outcome(fn);
    setLinePlain(true);
    setPlainYaml(false);
    const positioned = outcome(fn);
    setPlainYaml(true);
    expect(lines, label).toEqual(jsYaml);
    expect(lines, label).toEqual(positioned);
    return lines;
  }

  it('gives the same projects, warnings and errors for every register in the repository', () => {
    for (const file of REPO_REGISTERS) {
      if (file.includes('/meetings/')) continue;
      sameAllWays(() => parseRegisterText(readFileSync(file, 'utf8'), file), file);
    }
    for (const [label, text] of [...GENERATED, ...imported])
      sameAllWays(() => parseRegisterText(text, `${label}.yaml`), label);
    for (const dir of ['dup-ids', 'merged', 'header-conflict'])
      sameAllWays(
        () => loadRegister(join(root, 'test', 'fixtures', 'registers', dir), { cache: false }),
        dir,
      );
  });

  it('has js-yaml read the items the line reader leaves: a few one by one, many as a whole list', () => {
    const text = GENERATED[0]![1];
    const split = splitTrailingList(text, 'projects')!;
    const items = split.items.map(([s, e]) => text.slice(s, e));
    const head = text.slice(0, split.headEnd);
    // a plain scalar over two lines: js-yaml reads it, the line reader gives up
    const folded = (item: string): string => `${item}    content: 第一行\n      第二行\n`;
    const cases: [string, string[]][] = [
      ['every item left', items.map(folded)],
      ['a few left', items.map((x, i) => (i % 10 === 3 ? folded(x) : x))],
      // js-yaml refuses one item of the list: the others are read one by one
      ['many left, one refused', items.map((x, i) => (i === 5 ? `${x}    name: 重复\n` : folded(x)))],
    ];
    for (const [label, list] of cases) {
      const t = head + list.join('');
      const s = splitTrailingList(t, 'projects')!;
      const plain = plainList(t, s, 'r.yaml')!;
      const read = plain.values.map((v) => v !== undefined);
      expect(read.filter(Boolean).length, label).toBe(
        label.includes('refused') ? list.length - 1 : list.length,
      );
      s.items.forEach(([a, b], i) => {
        if (plain.values[i] === undefined) return;
        const js = loadPlain(t.slice(a, b), 'r.yaml') as unknown[];
        expect(difference(plain.values[i], js[0]), `${label} item ${i + 1}`).toBeUndefined();
      });
      sameAllWays(() => parseRegisterText(t, 'r.yaml'), label);
    }
  });

  it('gives the same read for registers with a mutated project', () => {
    const head = `${REGISTER_HEAD.join('\n')}\n`;
    const split = splitTrailingList(GENERATED[0]![1], 'projects')!;
    const items = split.items.slice(0, 6).map(([s, e]) => GENERATED[0]![1].slice(s, e));
    let plain = 0;
    fc.assert(
      fc.property(
        fc.nat({ max: items.length - 1 }),
        fc.nat(),
        fc.constantFrom(
          ':',
          ' #',
          '"',
          '|',
          '\n      ',
          '\n    ',
          ', x',
          ' ',
          '-',
          '[',
          '}',
          '项',
          '1',
          'e5',
          '~',
        ),
        fc.nat({ max: 2 }),
        (which, at, ins, del) => {
          const list = [...items];
          const t = list[which]!;
          const p = at % (t.length + 1);
          list[which] = t.slice(0, p) + ins + t.slice(p + del);
          const text = head + list.join('');
          const s = splitTrailingList(text, 'projects');
          if (s && plainList(text, s, 'r.yaml')?.values.every((v) => v !== undefined)) plain++;
          sameAllWays(() => parseRegisterText(text, 'r.yaml'), JSON.stringify(list[which]));
        },
      ),
      { numRuns: 300 },
    );
    expect(plain).toBeGreaterThan(30);
  });
});
