// The fast YAML path (src/store/fast-yaml.ts, issue 13 item 9) must be invisible: for every file it
// reads, the nodes it builds have the same values, sources and start positions as yaml's positioned
// parser gives, and the loaders give the same registers, meetings, warnings and errors (file, line,
// column, message) with it as without it. Checked on every fixture and seed, on generated registers
// and meetings, and on YAML written in many styles.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { dump } from 'js-yaml';
import { afterEach, describe, expect, it } from 'vitest';
import { isMap, isPair, isScalar, isSeq, parseDocument, stringify } from 'yaml';
import type { Node as YamlNode } from 'yaml';
import { fastYamlCandidate, parseYamlFast, setFastYaml, setPlainYaml } from '../../src/store/fast-yaml.js';
import { loadMeetingsWithWarnings, parseMeetingText } from '../../src/store/meeting-read.js';
import { loadRegister, parseRegisterText } from '../../src/store/register-file.js';
import { splitTrailingList } from '../../src/store/yaml/parse.js';
import { plainList } from '../../src/store/yaml/plain.js';
import { REGISTER_HEAD, type Outcome, outcome, yamlFiles, projectLines } from './helpers.js';

afterEach(() => setFastYaml(true));

const root = fileURLToPath(new URL('../../', import.meta.url));

const FIXTURES = yamlFiles(join(root, 'test', 'fixtures'));
const SEEDS = yamlFiles(join(root, 'seeds'));
const MEETINGS = [...yamlFiles(join(root, 'meetings')), ...FIXTURES.filter((f) => f.includes('/meetings/'))];

const PARSE_OPTIONS = { uniqueKeys: false, version: '1.2', schema: 'core', merge: false } as const;

/**
 * Compares the fast path's nodes for `text` with yaml's: same kinds, same values and sources, same
 * start offsets and the same empty / non-empty ranges. True when the fast path took the text.
 */
function expectSameNodes(text: string): boolean {
  const fast = parseYamlFast(text, 'f.yaml');
  if (!fast) return false;
  const doc = parseDocument(text, PARSE_OPTIONS);
  expect(
    doc.errors.map((e) => e.code),
    'the fast path took a text yaml refuses',
  ).toEqual([]);
  expect(
    doc.warnings.map((e) => e.code),
    'yaml warns about a text the fast path took',
  ).toEqual([]);
  const walk = (a: unknown, b: unknown, path: string): void => {
    const kind = (n: unknown) =>
      n == null ? 'null' : isMap(n) ? 'map' : isSeq(n) ? 'seq' : isScalar(n) ? 'scalar' : 'other';
    expect(kind(b), path).toBe(kind(a));
    if (a == null) return;
    const [na, nb] = [a as YamlNode, b as YamlNode];
    expect(nb.range![0], `${path}: start`).toBe(na.range![0]);
    expect(nb.range![1] > nb.range![0], `${path}: empty`).toBe(na.range![1] > na.range![0]);
    if (isScalar(na) && isScalar(nb)) {
      expect(Object.is(nb.value, na.value) || nb.value === na.value, `${path}: value`).toBe(true);
      if (na.value !== null) expect(nb.source, `${path}: source`).toBe(na.source);
      return;
    }
    const ia = (na as { items: unknown[] }).items;
    const ib = (nb as { items: unknown[] }).items;
    expect(ib.length, `${path}: items`).toBe(ia.length);
    ia.forEach((x, i) => {
      if (isPair(x)) {
        const y = ib[i];
        expect(isPair(y), `${path}: pair`).toBe(true);
        if (!isPair(y)) return;
        walk(x.key, y.key, `${path}.<key ${i}>`);
        walk(x.value, y.value, `${path}.${String((x.key as { value?: unknown } | null)?.value)}`);
      } else {
        walk(x, ib[i], `${path}[${i}]`);
      }
    });
  };
  walk(doc.contents, fast.doc.contents, '$');
  return true;
}

/**
 * `fn` with the fast path off, on with its nodes only, and on with plain reading (yaml/plain.ts):
 * the same result, or the same diagnostics.
 */
function expectSameBothWays(fn: () => unknown): Outcome {
  setFastYaml(false);
  const slow = outcome(fn);
  setFastYaml(true);
  setPlainYaml(false);
  expect(outcome(fn), 'fast path, nodes').toEqual(slow);
  setPlainYaml(true);
  expect(outcome(fn), 'fast path, plain values').toEqual(slow);
  return slow;
}

describe('fast YAML path: nodes', () => {
  it('are yaml’s for every fixture, seed and meeting file, and the fast path takes the plain ones', () => {
    let taken = 0;
    for (const file of [...FIXTURES, ...SEEDS, ...MEETINGS]) {
      const text = readFileSync(file, 'utf8').replace(/^\ufeff/, '');
      if (expectSameNodes(text)) taken++;
    }
    // every seed is a plain register: the fast path must read it (not only fall back)
    for (const seed of SEEDS) expect(parseYamlFast(readFileSync(seed, 'utf8'), seed), seed).toBeDefined();
    expect(taken).toBeGreaterThan(20);
  });

  it('resolves scalars as YAML 1.2 core does (dates and no stay text, 0755 is decimal)', () => {
    const text = [
      'a: 2021-03-01',
      'b: no',
      'c: 0755',
      'd: 0o17',
      'e: 0x1F',
      'f: 1.50',
      'g: .inf',
      'h: ~',
      'i:',
      'j: TRUE',
      'k: yes',
      'l: "12"',
      'm: 1e3',
      'n: -.5',
      'o: 1_000',
      '2021: year key',
      '',
    ].join('\n');
    expect(expectSameNodes(text)).toBe(true);
    const values = (
      parseYamlFast(text, 'f')!.doc.contents as { items: { value: { value: unknown } }[] }
    ).items.map((p) => p.value.value);
    expect(values).toEqual([
      '2021-03-01',
      'no',
      755,
      15,
      31,
      1.5,
      Infinity,
      null,
      null,
      true,
      'yes',
      '12',
      1000,
      -0.5,
      '1_000',
      'year key',
    ]);
  });

  it('leaves anchors, aliases, tags, directives, explicit keys, tabs and errors to yaml', () => {
    for (const text of [
      'a: &x 1\nb: *x\n',
      'a: !!str 1\n',
      '%YAML 1.2\n---\na: 1\n',
      '? a\n: 1\n',
      'a:\n\t- 1\n',
      'a: 1\na: 2\n',
      'a: [1\n',
      'a: b: c\n',
      '',
      '# only a comment\n',
    ]) {
      expect(parseYamlFast(text, 'f'), JSON.stringify(text)).toBeUndefined();
    }
  });

  it('are yaml’s for data written in many styles (yaml and js-yaml writers, flow and block)', () => {
    const key = fc.oneof(
      fc.constantFrom('id', 'name', '名称', 'a b', '2021', 'true', 'null', 'x:y', '- a', '#c', "it's"),
      fc.string({ maxLength: 6 }),
    );
    const leaf = fc.oneof(
      fc.string({ maxLength: 12 }),
      fc.constantFrom(
        '光伏 项目',
        '第一行\n第二行\n',
        ' lead',
        'trail ',
        'a: b',
        'a #b',
        '"q"',
        "'",
        '-',
        '~',
      ),
      fc.constantFrom('2021-03-01', '0755', '0o17', '0x1f', '1.50', '.nan', 'no', 'Yes', 'NULL', ''),
      fc.integer(),
      fc.double({ noNaN: true }),
      fc.boolean(),
      fc.constant(null),
    );
    const value = fc.letrec((tie) => ({
      node: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        leaf,
        fc.array(tie('node'), { maxLength: 4 }),
        fc.dictionary(key, tie('node'), { maxKeys: 4 }),
      ),
    })).node;
    let taken = 0;
    fc.assert(
      fc.property(value, fc.nat({ max: 5 }), (data, style) => {
        let text: string;
        try {
          text = [
            () => stringify(data),
            () => stringify(data, { collectionStyle: 'flow' }),
            () => stringify(data, { defaultStringType: 'QUOTE_DOUBLE', indentSeq: false }),
            () => stringify(data, { blockQuote: 'folded', lineWidth: 20, minContentWidth: 5 }),
            () => dump(data, { flowLevel: 2 }),
            () => dump(data, { lineWidth: 12, quotingType: '"', noCompatMode: true }),
          ][style]!();
        } catch {
          return; // a writer that cannot write this value
        }
        if (expectSameNodes(text)) taken++;
        if (expectSameNodes(`# 注释\n${text.replace(/\n/g, ' # c\n')}`)) taken++;
        if (expectSameNodes(text.replace(/\n/g, '\r\n'))) taken++;
      }),
      { numRuns: 600 },
    );
    expect(taken).toBeGreaterThan(300);
  });
});

describe('fast YAML path: token soup', () => {
  // Text built from YAML's pieces, mostly broken: whatever the fast path accepts, yaml must accept
  // without a warning and read into the same nodes.
  const TOKENS = [
    'register:',
    'projects:',
    'items:',
    'title: x',
    'as_of: 2021-10-31',
    'id: PL-1',
    'stage: 在建',
    'total_investment: ',
    'key',
    'value',
    '平鲁区',
    '1.50',
    '0755',
    'no',
    '~',
    '\n',
    '\n  ',
    '\n    ',
    '\n      ',
    ' ',
    '  ',
    '- ',
    '-',
    ':',
    ': ',
    '[',
    ']',
    '{',
    '}',
    ', ',
    ',',
    '"',
    "'",
    '\\',
    '# c',
    ' #',
    '|',
    '|-',
    '>',
    '>+',
    '\r\n',
    '\r',
    '"a\\tb"',
    '"\\u00e9"',
    '\u0085',
    '\u2028',
    '\ufeff',
    '\u00a0',
  ];
  // found by this property on a CI run (seed -2066092812): js-yaml takes a quoted scalar whose second
  // line starts at column 0, yaml refuses it (MISSING_CHAR)
  it('leaves a quoted scalar over several lines to yaml', () => {
    for (const text of ['register: "\n"', 'register: "a\nb"\n', "a: 'x\ny'\n"])
      expect(parseYamlFast(text, 'f.yaml'), JSON.stringify(text)).toBeUndefined();
    expect(parseYamlFast('a: |\n  x\n  y\n', 'f.yaml')).toBeDefined();
  });

  // found by the token-soup property below (seed 1990167812): js-yaml takes `#` right after a flow
  // collection for a comment, yaml refuses it (a comment needs a space before it)
  it('leaves a comment glued to a flow collection to yaml', () => {
    for (const text of ['[]# c', 'milestones: []# 无\n', 'a: {b: 1}#x\n'])
      expect(parseYamlFast(text, 'f.yaml'), JSON.stringify(text)).toBeUndefined();
    expect(parseYamlFast('milestones: [] # 无\n', 'f.yaml')).toBeDefined();
  });

  it('whatever the fast path accepts, yaml reads the same', () => {
    let taken = 0;
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...TOKENS), { maxLength: 40 }), (parts) => {
        if (expectSameNodes(parts.join(''))) taken++;
      }),
      { numRuns: 4000 },
    );
    expect(taken).toBeGreaterThan(100);
  });
});

describe('fast YAML path: loaders give the same results and messages', () => {
  it('for every register fixture (files and folders) and seed', () => {
    const registers = [
      ...readdirSync(join(root, 'test', 'fixtures', 'registers')).map((f) =>
        join(root, 'test', 'fixtures', 'registers', f),
      ),
      ...SEEDS,
    ];
    let errors = 0;
    for (const path of registers) {
      const r = expectSameBothWays(() => loadRegister(path, { cache: false }));
      if ('errors' in r) errors++;
    }
    expect(errors).toBeGreaterThan(3); // the error fixtures were compared message by message
  });

  it('for every meetings folder and meeting file', () => {
    const dirs = [
      join(root, 'meetings'),
      ...['valid', 'errors', 'order'].map((d) => join(root, 'test', 'fixtures', 'meetings', d)),
    ];
    for (const dir of dirs) expectSameBothWays(() => loadMeetingsWithWarnings(dir, { cache: false }));
    for (const file of MEETINGS) {
      const text = readFileSync(file, 'utf8');
      expectSameBothWays(() => parseMeetingText(text, file));
    }
  });

  it('for registers written every which way (warnings and errors included)', () => {
    const HEAD = REGISTER_HEAD;
    const STYLES = [
      (v: string) => v,
      (v: string) => `"${v}"`,
      (v: string) => `'${v}'`,
      (v: string) => `"${v}\n      续行"`,
      (v: string) => `|\n      ${v}\n      第二行`,
      (v: string) => `>-\n      ${v}\n\n      段落`,
      (v: string) => `${v}\n      续行`,
      (v: string) => `${v} # 注释`,
    ];
    const EXTRA = [
      '',
      '# 注释',
      '      # 注释',
      '    completed_month: "1,200"',
      '    completed_month: 1.50',
      '    planned_start: 2021/3/1',
      '    actual_start: 2022-01-01',
      '    actual_start:',
      '    milestones:\n      - {name: 节点, planned: 2021-06-01}',
      '    milestones:\n      -\n      - name: 节点',
      '    problems:\n      - text: 问题\n        raised: 2021-05-01\n        due: 2021-04-01',
      '    colour: red',
      '    total_investment: 0755',
      '    stage: no',
    ];
    const item = fc.record({
      id: fc.constantFrom('A', 'B', 'C', '001', '1.0'),
      name: fc.constantFrom('项目', '光伏 项目', 'a: b', '- 项目'),
      style: fc.nat({ max: STYLES.length - 1 }),
      extras: fc.array(fc.constantFrom(...EXTRA), { maxLength: 4 }),
    });
    let fast = 0;
    let plain = 0;
    fc.assert(
      fc.property(fc.array(item, { minLength: 1, maxLength: 5 }), fc.boolean(), (items, crlf) => {
        const lines = [...HEAD];
        for (const p of items) {
          lines.push(...projectLines(p.id, { name: STYLES[p.style]!(p.name) }), ...p.extras);
        }
        let text = `${lines.join('\n')}\n`;
        if (crlf) text = text.replace(/\n/g, '\r\n');
        expectSameBothWays(() => parseRegisterText(text, 'r.yaml'));
        if (fastYamlCandidate(text) && parseYamlFast(text, 'r.yaml')) fast++;
        const split = splitTrailingList(text, 'projects');
        if (split && plainList(text, split, 'r.yaml')?.values.some((v) => v !== undefined)) plain++;
      }),
      { numRuns: 800 },
    );
    // both paths were taken: 87–126 of 800 cases over 9 random seeds, so 100 failed a random run; 50 leaves room
    expect(fast).toBeGreaterThan(50);
    expect(plain).toBeGreaterThan(50); // projects were read from plain values, and compared
  });

  it('for meetings written every which way', () => {
    const ITEM = [
      '  - project: PL-001',
      '    reasons: [红灯]',
      '    discussed: true',
      '    decisions:',
      '      - id: D-1',
      '        text: 加快进度',
      '        unit: 区发改局',
      '        deadline: 2021-10-15',
    ];
    const EXTRA = [
      '',
      '# 注释',
      '        owner: 张三',
      '        deadline: 2021/10/15',
      '        deadline:',
      '        colour: red',
      '    note: |\n      第一行\n      第二行',
      '    status: 跳过',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...EXTRA), { maxLength: 4 }), fc.boolean(), (extras, followup) => {
        const text = [
          'meeting:',
          '  date: 2021-10-08',
          '  kind: 周调度',
          'items:',
          ...ITEM,
          ...extras,
          ...(followup ? ['followups:', '  - decision: D-1', '    status: 推进中'] : []),
          '',
        ].join('\n');
        expectSameBothWays(() => parseMeetingText(text, 'm.yaml'));
      }),
      { numRuns: 300 },
    );
  });
});
