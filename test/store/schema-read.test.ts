import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import {
  DECISION_SCHEMA,
  FIGURES_SCHEMA,
  FOLLOWUP_SCHEMA,
  type FieldSpec,
  ITEM_SCHEMA,
  MEETING_FILE_SCHEMA,
  MEETING_HEADER_SCHEMA,
  MILESTONE_SCHEMA,
  PROBLEM_SCHEMA,
  PROJECT_SCHEMA,
  REGISTER_FILE_SCHEMA,
  REGISTER_HEADER_SCHEMA,
  RULES_SCHEMA,
  type RecordSchema,
  SNAPSHOT_SCHEMA,
} from '../../src/domain/schema.js';
import { parseRegisterText } from '../../src/store/register-file.js';
import { parseMeetingText } from '../../src/store/meeting-read.js';
import { DiagnosticSink } from '../../src/store/yaml/diagnostics.js';
import { parseYamlText } from '../../src/store/yaml/parse.js';
import { YamlSource } from '../../src/store/yaml/source.js';
import { RecordReader } from '../../src/store/yaml/record.js';
import { inputErrors } from './helpers.js';

// Issue 13 item 1: the schema (domain/schema.ts) drives each field's typed read (store/yaml/record.ts).

/** Reads `lines` as one mapping of `schema`: the values and every message. */
function readAs(
  schema: RecordSchema,
  lines: string[],
): { values: Record<string, unknown>; messages: string[] } {
  const sink = new DiagnosticSink();
  const parsed = parseYamlText(lines.join('\n') + '\n', 't.yaml', sink)!;
  const src = new YamlSource(parsed, sink);
  const root = src.root();
  const f = src.fields(root, root, '测试记录', schema)!;
  const values = new RecordReader<Record<string, unknown>>(schema).read(f, '亿元');
  return {
    values,
    messages: [...sink.errors, ...sink.warnings].map((d) => `${d.line}:${d.column} ${d.message}`),
  };
}

const field = (key: string, type: FieldSpec['type'], more: Partial<FieldSpec> = {}): FieldSpec => ({
  key,
  label: `${key}的名称`,
  type,
  ...more,
});

const TEST_SCHEMA: RecordSchema = {
  label: '测试记录',
  fields: [
    field('code', 'text', { required: true, names: true }),
    field('body', 'prose'),
    field('colour', 'enum', { values: ['红', '绿'], noun: '颜色', hints: { 紫: '没有紫色；' } }),
    field('money', 'amount', { prop: 'moneyWan' }),
    field('day', 'date'),
    field('count', 'integer', { min: 5, max: 9, noun: '件数' }),
    field('share', 'number', { max: 1 }),
    field('flag', 'bool'),
    field('lines', 'list', { multiline: true }),
    field('words', 'list'),
    field('maybe', 'list', { unsetWhenAbsent: true }),
    field('nested', 'record', { schema: { label: '内层', fields: [field('x', 'text')] } }),
  ],
};

describe('RecordReader: each field read as its FieldSpec says', () => {
  it('reads every kind of field into its property, in the file’s money unit', () => {
    const { values, messages } = readAs(TEST_SCHEMA, [
      'code: A-1',
      'body: "第一行\\n第二行"',
      'colour: 紅',
      'money: 2.5',
      'day: 2021-03-01',
      'count: 7',
      'share: 0.5',
      'flag: true',
      'lines: ["一\\n二"]',
      'words: ["一\\n二"]',
      'nested: {x: y}',
    ]);
    expect(messages).toEqual([]);
    expect(values).toEqual({
      code: 'A-1',
      body: '第一行\n第二行',
      colour: '红',
      moneyWan: 25000,
      day: '2021-03-01',
      count: 7,
      share: 0.5,
      flag: true,
      lines: ['一\n二'],
      words: ['一 二'],
      maybe: undefined,
    });
    // nested records are the caller's; a list marked unsetWhenAbsent is unset, not []
    expect(Object.hasOwn(values, 'nested')).toBe(false);
    expect(readAs(TEST_SCHEMA, ['code: A', 'maybe: []']).values.maybe).toEqual([]);
  });

  it('takes the limits, nouns and hints of the messages from the schema', () => {
    const { values, messages } = readAs(TEST_SCHEMA, [
      'code: A-1',
      'colour: 紫',
      'count: 4',
      'share: 1.5',
      'flag: {a: 1}',
    ]);
    expect(messages).toEqual([
      '2:9 “colour” 的值“紫”不是允许的颜色；没有紫色；应为 红、绿 之一。',
      '3:8 “count” 的值 4 应不小于 5。',
      '4:8 “share” 的值 1.5 应不大于 1。',
      '5:7 “flag” 的值应为布尔值 true 或 false，实际是映射（键: 值）。',
    ]);
    expect(values).toMatchObject({ colour: undefined, count: undefined, share: undefined, flag: undefined });
    expect(readAs(TEST_SCHEMA, ['code: A', 'count: 10']).messages).toEqual([
      '2:8 “count” 的值 10 应不大于 9。',
    ]);
    expect(readAs(TEST_SCHEMA, ['code: A', 'count: [1]']).messages).toEqual([
      '2:8 “count” 的值应为件数，实际是列表。',
    ]);
    expect(readAs(TEST_SCHEMA, ['code: A', 'count: 6.5']).messages).toEqual([
      '2:8 “count” 的值 6.5 应为整数。',
    ]);
  });

  it('reads the naming field first (head), the rest after (rest)', () => {
    const sink = new DiagnosticSink();
    const parsed = parseYamlText('body: x\n', 't.yaml', sink)!;
    const src = new YamlSource(parsed, sink);
    const f = src.fields(src.root(), src.root(), '测试记录', TEST_SCHEMA)!;
    const reader = new RecordReader<Record<string, unknown>>(TEST_SCHEMA);
    const head = reader.head(f);
    // the required code is missing: reported before the record is renamed
    expect(sink.errors.map((d) => d.message)).toEqual(['测试记录缺少必填的“code”（code的名称）。']);
    expect(head.body).toBeUndefined();
    f.what = '别名';
    expect(reader.rest(f, head).body).toBe('x');
  });
});

// ---- every field of every record of the register and of a meeting record ----

const values = (schema: RecordSchema, key: string): readonly string[] =>
  schema.fields.find((x) => x.key === key)!.values!;

function registerDoc(): Record<string, unknown> {
  return {
    register: {
      title: '标题',
      region: '某区',
      year: 2021,
      as_of: '2021-06-30',
      rules: { yellow_gap: 5, red_gap: 10 },
    },
    projects: [
      {
        id: 'P1',
        name: '项目',
        nature: values(PROJECT_SCHEMA, 'nature')[0],
        stage: values(PROJECT_SCHEMA, 'stage')[0],
        unit: '区发改局',
        total_investment: 100,
        annual_plan: 50,
        completed_year: 20,
        milestones: [{ name: '开工', planned: '2021-05-01' }],
        problems: [{ text: '问题' }],
      },
    ],
  };
}

function meetingDoc(): Record<string, unknown> {
  const decision = { text: '议定', unit: '区发改局', due: '2021-08-01' };
  return {
    meeting: {
      date: '2021-07-05',
      kind: values(MEETING_HEADER_SCHEMA, 'kind')[0],
      snapshot: {
        projects: 1,
        total_investment: 100,
        started: 1,
        new_projects: 1,
        new_started: 1,
        annual_plan: 50,
        completed_year: 20,
        time_progress: 0.5,
        red: 0,
        yellow: 0,
        green: 1,
      },
    },
    items: [
      {
        project: 'P1',
        figures: { annual_plan: 50, completed_year: 20, time_progress: 0.5 },
        decisions: [{ ...decision }],
      },
    ],
    general: [{ ...decision }],
    followups: [{ decision: '2021-07-05-01', status: values(FOLLOWUP_SCHEMA, 'status')[0] }],
  };
}

/** Where each record lives in registerDoc() or meetingDoc(). */
const PLACES: [RecordSchema, 'register' | 'meeting', (string | number)[]][] = [
  [REGISTER_HEADER_SCHEMA, 'register', ['register']],
  [RULES_SCHEMA, 'register', ['register', 'rules']],
  [PROJECT_SCHEMA, 'register', ['projects', 0]],
  [MILESTONE_SCHEMA, 'register', ['projects', 0, 'milestones', 0]],
  [PROBLEM_SCHEMA, 'register', ['projects', 0, 'problems', 0]],
  [MEETING_HEADER_SCHEMA, 'meeting', ['meeting']],
  [SNAPSHOT_SCHEMA, 'meeting', ['meeting', 'snapshot']],
  [ITEM_SCHEMA, 'meeting', ['items', 0]],
  [FIGURES_SCHEMA, 'meeting', ['items', 0, 'figures']],
  [DECISION_SCHEMA, 'meeting', ['items', 0, 'decisions', 0]],
  [DECISION_SCHEMA, 'meeting', ['general', 0]],
  [FOLLOWUP_SCHEMA, 'meeting', ['followups', 0]],
];

/** The messages of the file with `key` of the record at `place` set to `value`. */
function messagesWith(
  doc: 'register' | 'meeting',
  place: (string | number)[],
  key: string,
  value: unknown,
): string[] {
  const root = doc === 'register' ? registerDoc() : meetingDoc();
  let record = root as Record<string | number, unknown>;
  for (const step of place) record = record[step] as Record<string | number, unknown>;
  record[key] = value;
  const text = stringify(root);
  const errors = inputErrors(() =>
    doc === 'register' ? parseRegisterText(text, 'r.yaml') : parseMeetingText(text, 'm.yaml'),
  );
  return errors.map((d) => d.message);
}

/** Each wrong value of a field, with the message fragment its FieldSpec makes of it. */
function wrongValues(x: FieldSpec): [unknown, string][] {
  const q = `“${x.key}” 的值`;
  switch (x.type) {
    case 'text':
    case 'prose':
      return [[{ a: 1 }, `${q}应为文字，`]];
    case 'enum': {
      const noun = x.noun ?? x.label;
      const out: [unknown, string][] = [
        ['无此值', `${q}“无此值”不是允许的${noun}；应为 ${x.values!.join('、')} 之一。`],
      ];
      for (const [v, hint] of Object.entries(x.hints ?? {})) out.push([v, `不是允许的${noun}；${hint}应为`]);
      return out;
    }
    case 'amount':
      return [['abc', `${q}“abc”不是金额；`]];
    case 'date':
      return [['2021-02-30', `${q}“2021-02-30”`]];
    case 'bool':
      return [[{ a: 1 }, `${q}应为布尔值 true 或 false，`]];
    case 'list':
      return [[{ a: 1 }, `${q}应为列表`]];
    case 'number':
    case 'integer': {
      const integer = x.type === 'integer';
      const min = x.min ?? 0;
      const out: [unknown, string][] = [
        [{ a: 1 }, `${q}应为${x.noun ?? (integer ? '整数' : '数字')}，`],
        [min - 1, min === 0 ? `${q} -1 不能为负数。` : `${q} ${min - 1} 应不小于 ${min}。`],
      ];
      if (x.max !== undefined) out.push([x.max + 1, `${q} ${x.max + 1} 应不大于 ${x.max}。`]);
      if (integer) out.push([min + 0.5, `${q} ${min + 0.5} 应为整数。`]);
      return out;
    }
    default:
      return [];
  }
}

describe('the register and meeting readers read every field as the schema says', () => {
  it('places every record schema of the two files', () => {
    const all = new Set<RecordSchema>();
    const walk = (s: RecordSchema): void => {
      for (const x of s.fields) {
        if (x.schema && !all.has(x.schema)) {
          all.add(x.schema);
          walk(x.schema);
        }
      }
    };
    walk(REGISTER_FILE_SCHEMA);
    walk(MEETING_FILE_SCHEMA);
    expect(new Set(PLACES.map(([s]) => s))).toEqual(all);
  });

  for (const [schema, doc, place] of PLACES) {
    it(`${schema.label} (${place.join('.')}): each field's wrong value gets the message its type, limits and noun make`, () => {
      let checked = 0;
      for (const x of schema.fields) {
        for (const [value, fragment] of wrongValues(x)) {
          const messages = messagesWith(doc, place, x.key, value);
          if (!messages.some((m) => m.includes(fragment))) {
            expect.fail(
              `${x.key} = ${JSON.stringify(value)}: no message with ${fragment}; got:\n${messages.join('\n')}`,
            );
          }
          checked++;
        }
      }
      expect(checked).toBeGreaterThan(0);
    });
  }
});
