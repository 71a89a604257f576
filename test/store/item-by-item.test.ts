// Reading the list of projects one item at a time (splitTrailingList) must give exactly what the
// whole-file parse gives: the same register, the same warnings at the same positions, and for a file
// with any error the same diagnostics (those always come from the whole-file parse).
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { InputError } from '../../src/domain/types.js';
import { parseRegisterText } from '../../src/store/register-file.js';
import { splitTrailingList } from '../../src/store/yaml/parse.js';
import { REGISTER_HEAD, fixtureAbs, projectLines } from './helpers.js';

type Outcome = { ok: unknown } | { errors: unknown };

function outcome(text: string, itemByItem: boolean): Outcome {
  try {
    return { ok: parseRegisterText(text, 'r.yaml', { itemByItem }) };
  } catch (e) {
    if (e instanceof InputError) return { errors: e.diagnostics };
    throw e;
  }
}

function expectSame(text: string): Outcome {
  const whole = outcome(text, false);
  expect(outcome(text, true)).toEqual(whole);
  return whole;
}

const HEAD = REGISTER_HEAD;

const project = (id: string, extra: string[] = [], indent = '  '): string[] =>
  projectLines(id, { extra, indent });

describe('splitTrailingList', () => {
  it('finds the head and each item of a plain register', () => {
    const text = [...HEAD, ...project('A'), '  # a comment between items', '', ...project('B'), ''].join(
      '\n',
    );
    const split = splitTrailingList(text, 'projects')!;
    expect(text.slice(0, split.headEnd)).toBe(`${HEAD.join('\n')}\n`);
    expect(split.items).toHaveLength(2);
    expect(text.slice(...split.items[0]!)).toMatch(/^ {2}- id: A\n[\s\S]*# a comment between items\n\n$/);
    expect(text.slice(...split.items[1]!)).toMatch(/^ {2}- id: B\n/);
    expect(split.items[1]![1]).toBe(text.length);
  });

  it('accepts items at column 0 and CRLF line ends', () => {
    const text = [...HEAD, ...project('A', [], ''), ...project('B', [], ''), ''].join('\r\n');
    expect(splitTrailingList(text, 'projects')?.items).toHaveLength(2);
  });

  it('leaves unusual files to the whole-file parse', () => {
    const items = [...project('A'), ...project('B')];
    const cases: Record<string, string[]> = {
      anchor: [...HEAD, '  - &a', ...items.slice(1)],
      alias: [...HEAD, ...items, '  - *a'],
      tag: [...HEAD, ...project('A', ['content: !foo x'])],
      directive: ['%YAML 1.2', '---', ...HEAD, ...items],
      'document marker': [...HEAD, ...items, '...'],
      'list not last': [...HEAD, ...items, 'extra: 1'],
      'flow list': [...HEAD.slice(0, -1), 'projects: []'],
      'projects twice': [...HEAD, ...items, 'projects:', ...items],
      'no items': [...HEAD, '# nothing yet'],
      'scalar after key': [...HEAD, '  text'],
      'ragged item indent': [...HEAD, ...project('A'), ...project('B', [], ' ')],
    };
    for (const [name, lines] of Object.entries(cases)) {
      expect(splitTrailingList(lines.join('\n'), 'projects'), name).toBeUndefined();
    }
  });
});

describe('item by item gives what the whole-file parse gives', () => {
  it('for every register fixture', () => {
    const dir = fixtureAbs('registers');
    const files = readdirSync(dir).filter((f) => f.endsWith('.yaml'));
    expect(files.length).toBeGreaterThan(5);
    for (const f of files) expectSame(readFileSync(`${dir}/${f}`, 'utf8'));
  });

  it('with warnings in several projects, at file positions', () => {
    const text = [
      ...HEAD,
      ...project('A', ['planned_start: 2021/3/1']),
      '  # comment',
      ...project('B', [
        'completed_month: "1,200"',
        'problems:',
        '  - text: 问题',
        '    raised: 2021-05-01',
        '    due: 2021-04-01',
      ]),
      ...project('C', ['content: |', '  多行', '  内容']),
      '',
    ].join('\n');
    const whole = expectSame(text) as { ok: { warnings: { line: number }[] } };
    expect(whole.ok.warnings.length).toBeGreaterThanOrEqual(3);
    expect(whole.ok.warnings.some((w) => w.line > 20)).toBe(true);
  });

  it('with an error in a later project (same diagnostics as the whole parse)', () => {
    const text = [...HEAD, ...project('A'), ...project('B', ['colour: red']), ...project('A'), ''].join('\n');
    const whole = expectSame(text) as { errors: { message: string }[] };
    expect(whole.errors.map((d) => d.message).join('\n')).toMatch(/colour[\s\S]*重复/);
  });

  it('with a quoted string running over an item boundary', () => {
    const text = [...HEAD, ...project('A', ['content: "第一行']), '  - 第二行"', ...project('B'), ''].join(
      '\n',
    );
    expectSame(text);
  });

  it('for generated registers (stringify), and a BOM', () => {
    const doc = {
      register: { title: 't', region: 'r', year: 2021, as_of: '2021-10-31', money_unit: '亿元' },
      projects: Array.from({ length: 12 }, (_, i) => ({
        id: `P${i}`,
        name: `n${i}`,
        nature: '续建',
        stage: i % 2 ? '在建' : '前期',
        unit: `u${i % 3}`,
        total_investment: 2.5 + i,
        annual_plan: 1.25,
        completed_year: i % 4 === 0 ? '0.5亿元' : 0.5,
        milestones: [{ name: 'm', planned: '2021-06-01' }],
        problems: i % 3 ? [] : [{ text: `问题${i}`, due: '2021-09-30' }],
      })),
    };
    const text = stringify(doc);
    expect(splitTrailingList(text, 'projects')?.items).toHaveLength(12);
    expectSame(text);
    expectSame(`\ufeff${text}`);
  });
});

// Items built from fields written in the ways people (and other programs) write them: quoted, block
// and folded text spanning lines, comments and blank lines at any indentation, flow mappings, text
// amounts and loose dates (warnings), now and then an unknown key or a line that breaks the item.
const VALUE_STYLES = [
  (v: string) => v,
  (v: string) => `"${v}"`,
  (v: string) => `'${v}'`,
  (v: string) => `"${v}\n      续行"`,
  (v: string) => `"${v}\n  - 续行"`,
  (v: string) => `"${v}\n续行"`,
  (v: string) => `|\n      ${v}\n      第二行`,
  (v: string) => `|+\n      ${v}\n\n`,
  (v: string) => `>-\n      ${v}\n\n      段落`,
  (v: string) => `${v}\n      续行`,
  (v: string) => `${v}\n   续行`,
  (v: string) => `${v} # 注释`,
];

const EXTRA_LINES = [
  '',
  '# 注释',
  '  # 注释',
  '      # 注释',
  '    completed_month: "1,200"',
  '    planned_start: 2021/3/1',
  '    actual_start: 2022-01-01',
  '    completed_total: 5',
  '    milestones:\n      - {name: 节点, planned: 2021-06-01}',
  '    problems:\n      - text: 问题\n        raised: 2021-05-01\n        due: 2021-04-01',
  '    colour: red',
  '  stray: 1',
];

const itemArb = fc.record({
  id: fc.constantFrom('A', 'B', 'C', 'D', 'E'),
  name: fc.constantFrom('项目', '光伏 项目', 'a: b', '- 项目'),
  nameStyle: fc.nat({ max: VALUE_STYLES.length - 1 }),
  contentStyle: fc.option(fc.nat({ max: VALUE_STYLES.length - 1 }), { nil: undefined }),
  extras: fc.array(fc.constantFrom(...EXTRA_LINES), { maxLength: 4 }),
  flow: fc.boolean(),
});

type ItemSpec = typeof itemArb extends fc.Arbitrary<infer T> ? T : never;

function itemText(p: ItemSpec): string {
  if (p.flow) {
    return [
      `  - {id: ${p.id}, name: 项目, nature: 新建, stage: 在建, unit: 局,`,
      '     total_investment: 1, annual_plan: 2, completed_year: 3}',
      ...p.extras.filter((l) => !l.startsWith('    ')),
    ].join('\n');
  }
  const lines = [
    `  - id: ${p.id}`,
    `    name: ${VALUE_STYLES[p.nameStyle]!(p.name)}`,
    '    nature: 新建',
    '    stage: 在建',
    '    unit: 区发改局',
    '    total_investment: 100',
    '    annual_plan: 50',
    '    completed_year: 10',
  ];
  if (p.contentStyle !== undefined) lines.push(`    content: ${VALUE_STYLES[p.contentStyle]!('内容')}`);
  return [...lines, ...p.extras].join('\n');
}

describe('item by item: differential fuzz', () => {
  it('agrees with the whole-file parse on registers written every which way', () => {
    let parsedItemByItem = 0;
    fc.assert(
      fc.property(fc.array(itemArb, { minLength: 1, maxLength: 6 }), fc.boolean(), (items, crlf) => {
        let text = `${HEAD.join('\n')}\n${items.map(itemText).join('\n')}\n`;
        if (crlf) text = text.replace(/\n/g, '\r\n');
        const whole = expectSame(text);
        if ('ok' in whole && splitTrailingList(text, 'projects')) parsedItemByItem++;
      }),
      { numRuns: 1500 },
    );
    // the generator reaches the item-by-item path often (not only the fallback)
    expect(parsedItemByItem).toBeGreaterThan(100);
  });

  it('agrees on valid registers with projects shuffled between files shapes', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            id: fc.constantFrom('A', 'B', 'C', 'D'),
            month: fc.option(fc.constantFrom('5', '"5"', '"1,000"', '20000'), { nil: undefined }),
            start: fc.option(fc.constantFrom('2021-03-01', '2021/3/1', '2022-01-01'), { nil: undefined }),
          }),
          { minLength: 1, maxLength: 8 },
        ),
        fc.constantFrom('', '  ', '    '),
        (projects, indent) => {
          const lines = [...HEAD];
          for (const p of projects) {
            const extra: string[] = [];
            if (p.month) extra.push(`completed_month: ${p.month}`);
            if (p.start) extra.push(`actual_start: ${p.start}`);
            lines.push(...project(p.id, extra, indent));
          }
          expectSame(`${lines.join('\n')}\n`);
        },
      ),
      { numRuns: 300 },
    );
  });
});
