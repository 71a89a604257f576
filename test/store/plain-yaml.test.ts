// Projects read from js-yaml's plain values (src/store/yaml/plain.ts, issue 13 item 9) must be
// invisible: the same register, and every message word for word at the same file:line:column, as
// the positioned readers give. fast-yaml.test.ts compares the three ways (yaml, fast nodes, plain) on
// every fixture and seed and on generated registers; this file checks what the plain reading itself
// decides: which projects it takes, where a repeated id found later names the first one, and that
// the faster decoding of a file's bytes reads what the TextDecoder read.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { InputError } from '../../src/domain/types.js';
import { setFastYaml, setPlainYaml } from '../../src/store/fast-yaml.js';
import { loadRegister, parseRegisterText } from '../../src/store/register-file.js';
import { decodeYamlBytes } from '../../src/store/yaml/file.js';
import { splitTrailingList } from '../../src/store/yaml/parse.js';
import { plainList } from '../../src/store/yaml/plain.js';
import { REGISTER_HEAD, type Outcome, fixture, outcome, projectLines } from './helpers.js';

afterEach(() => setFastYaml(true));

const HEAD = REGISTER_HEAD;

const project = (id: string, extra: string[] = []): string[] => projectLines(id, { stage: '前期', extra });

const registerText = (...projects: string[][]): string => `${[...HEAD, ...projects.flat()].join('\n')}\n`;

/** `fn` read plain, and with the positioned readers only: the same outcome, returned. */
function samePlainOrNot(fn: () => unknown): Outcome {
  setPlainYaml(false);
  const positioned = outcome(fn);
  setPlainYaml(true);
  const plain = outcome(fn);
  expect(plain).toEqual(positioned);
  return plain;
}

/** Which items of a register text are read from plain values (true) or the positioned way. */
function plainItems(text: string): boolean[] | undefined {
  const split = splitTrailingList(text, 'projects');
  return split && plainList(text, split, 'r.yaml')?.values.map((v) => v !== undefined);
}

describe('plain reading of projects', () => {
  it('takes every project of every seed', () => {
    for (const seed of ['dalate-2021', 'haimen-kaifaqu-2022', 'jingkai-toutunhe-2020', 'pinglu-2021']) {
      const text = readFileSync(`seeds/${seed}.yaml`, 'utf8');
      const items = plainItems(text);
      expect(items, seed).toBeDefined();
      expect(items!.every(Boolean), seed).toBe(true);
    }
  });

  it('leaves to the positioned readers a project with a quote or a collection as a key', () => {
    const text = registerText(
      project('A'),
      project('B', ['progress: "引号"']),
      project('C', ["content: it's"]),
      project('D'),
      project('E', ['milestones: [{name: 节点, planned: 2021-06-01}]']),
    );
    expect(plainItems(text)).toEqual([true, false, false, true, true]);
    samePlainOrNot(() => parseRegisterText(text, 'r.yaml'));
    // js-yaml reads `[id]: E` as the key "id": yaml's reading (an error) must be the one given
    const flowKey = registerText(project('A'), ['  - [id]: E', ...project('E').slice(1)]);
    expect(plainItems(flowKey)).toEqual([true, false]);
    const r = samePlainOrNot(() => parseRegisterText(flowKey, 'r.yaml'));
    expect('errors' in r).toBe(true);
  });

  it('leaves to the positioned readers an item js-yaml cannot read, and every item of a text the fast path leaves', () => {
    // items are read one by one: only the item js-yaml refuses is left
    const unclosed = registerText(project('A'), project('B', ['name: [未闭合']));
    expect(plainItems(unclosed)).toEqual([true, false]);
    expect('errors' in samePlainOrNot(() => parseRegisterText(unclosed, 'r.yaml'))).toBe(true);
    expect(plainItems(registerText(project('A'), project('B', ['progress: 含\t制表符'])))).toBeUndefined();
  });

  it('names where a repeated id was first written, the first project having been read plain', () => {
    const text = registerText(
      project('A', ['problems:', '  - text: 问题一', '  - id: P-9', '    text: 问题二']),
      project('B', ['problems:', '  - {id: A-1, text: 问题三}']),
      project('C'),
      project('A'),
      project('D', ['problems:', '  - text: 问题四', '    id: P-9']),
    );
    expect(plainItems(text)).toEqual([true, true, true, true, true]);
    const r = samePlainOrNot(() => parseRegisterText(text, 'r.yaml'));
    expect('errors' in r).toBe(true);
    const messages = (r as { errors: { line: number; column: number; message: string }[] }).errors.map(
      (d) => `${d.line}:${d.column} ${d.message}`,
    );
    // A-1 is project A's first problem (its default id): named where that list item starts
    expect(messages).toEqual([
      expect.stringMatching(/^28:14 问题编号“A-1”重复：第 16 行已有/),
      expect.stringMatching(/^37:9 项目编号“A”重复：第 7 行已有/),
      expect.stringMatching(/^55:13 问题编号“P-9”重复：第 17 行已有/),
    ]);
  });

  it('names the first file of a folder register where a repeated id was first written', () => {
    const r = samePlainOrNot(() => loadRegister(fixture('registers', 'dup-ids'), { cache: false }));
    expect(JSON.stringify(r)).toContain('a.yaml:7:9');
  });

  it('reads every value as the positioned reader does, or leaves it the report', () => {
    const EXTRAS = [
      ['planned_start: 2021-02-29'],
      ['planned_start: 2020-02-29'],
      ['planned_start: 1899-12-31'],
      ['planned_start: 2021-2-01'],
      ['planned_start: ２０２１-０３-０１'],
      ['planned_start: 20210301'],
      ['planned_finish: 2021-01-01', 'planned_start: 2021-02-01'],
      ['completed_month: -1'],
      ['completed_month: .inf'],
      ['completed_month: 1e3'],
      ['completed_month: 0x10'],
      ['completed_month: true'],
      ['completed_month: "12"'],
      ['completed_month: 12万元'],
      ['completed_month:'],
      ['leader: 007'],
      ['leader: 1.50'],
      ['leader: ~'],
      ['leader: " "'],
      ['leader: |', '  多行', '  文字'],
      ['content: |', '  第一行', '', '  第三行', ''],
      ['content: 折叠', '  的文字'],
      ['progress: "\u202e倒序"'],
      ['area: 含\u0007控制符'],
      ['industry: [a, b]'],
      ['contact: {a: 1}'],
      ['milestones: []'],
      ['milestones:', '  -'],
      ['milestones:', '  - name: 节点', '    planned: 2021-13-01'],
      ['problems:', '  - text: 问题', '    resolved: 2021-05-01', '    raised: 2021-06-01'],
      ['problems: 没有'],
      ['colour: red'],
      ['__proto__: x'],
    ];
    for (const extra of EXTRAS) {
      const text = registerText(project('A'), project('B', extra), project('C'));
      samePlainOrNot(() => parseRegisterText(text, 'r.yaml'));
    }
    for (const [key, value] of [
      ['nature', '續建'],
      ['nature', ' 新建 '],
      ['nature', '新'],
      ['stage', '在 建'],
      ['id', '001'],
      ['id', ''],
      ['name', 'true'],
      ['total_investment', '0'],
      ['total_investment', '-0'],
      ['annual_plan', '0.1'],
      ['completed_year', '~'],
    ]) {
      const b = project('B').map((l) => (l.trim().startsWith(`${key}:`) ? `    ${key}: ${value}` : l));
      const text = registerText(project('A'), b, project('C'));
      samePlainOrNot(() => parseRegisterText(text, 'r.yaml'));
    }
  });

  it('gives the warnings of a project with something to report, at their positions', () => {
    const text = registerText(
      project('A'),
      project('B', ['planned_start: 2021/3/1', 'completed_month: 20']),
      project('C', ['actual_start: 2022-01-01']),
    );
    const r = samePlainOrNot(() => parseRegisterText(text, 'r.yaml'));
    expect((r as { ok: { warnings: unknown[] } }).ok.warnings).toHaveLength(3);
  });
});

describe('decoding a YAML file’s bytes', () => {
  const reference = (bytes: Uint8Array): string | undefined => {
    try {
      const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    } catch {
      return undefined;
    }
  };

  it('reads what the fatal TextDecoder read, and refuses what it refused', () => {
    const piece = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 8 }).map((s) => new TextEncoder().encode(s)),
      fc
        .constantFrom(
          [0xef, 0xbb, 0xbf],
          [0xe5, 0xb9],
          [0xc0, 0xaf],
          [0xed, 0xa0, 0x80],
          [0xf4, 0x90, 0x80, 0x80],
          [0x80],
          [0xff],
        )
        .map((b) => Uint8Array.from(b)),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 6 }), (pieces) => {
        const bytes = Uint8Array.from(pieces.flatMap((p) => [...p]).filter((b) => b !== 0));
        if (bytes[0] === 0xff || bytes[0] === 0xfe) return; // refused as UTF-16 first
        const want = reference(bytes);
        if (want === undefined) expect(() => decodeYamlBytes(bytes, 'f.yaml')).toThrow(InputError);
        else expect(decodeYamlBytes(bytes, 'f.yaml')).toBe(want);
      }),
      { numRuns: 2000 },
    );
  });
});
