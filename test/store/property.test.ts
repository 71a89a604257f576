// Property tests: whatever text comes in, the loaders answer with data or an InputError (never
// another exception), and valid registers round-trip their numbers exactly.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { InputError } from '../../src/domain/types.js';
import { parseMeetingText } from '../../src/store/meeting-read.js';
import { parseRegisterText } from '../../src/store/register-file.js';

/** Runs `fn`; passes if it returns or throws an InputError whose diagnostics are well formed. */
function onlyInputError(fn: () => unknown): void {
  try {
    fn();
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    expect(e.diagnostics.length).toBeGreaterThan(0);
    for (const d of e.diagnostics) {
      expect(d.line).toBeGreaterThanOrEqual(1);
      expect(d.column).toBeGreaterThanOrEqual(1);
      expect(d.message.length).toBeGreaterThan(0);
    }
  }
}

const YAML_TOKENS = [
  'register:',
  'projects:',
  'meeting:',
  'items:',
  'followups:',
  'decisions:',
  'title: x',
  'as_of: 2021-10-31',
  'id: PL-1',
  'stage: 在建',
  'nature: 續建',
  'total_investment: ',
  'money_unit: 亿元',
  'rules:',
  'time_progress: day',
  '\n',
  '\n  ',
  '\n    ',
  '  ',
  '- ',
  '&a ',
  '*a',
  '&b ',
  '*b',
  '[',
  ']',
  '{',
  '}',
  ', ',
  ': ',
  '"',
  "'",
  '# c',
  '\t',
  '2021-02-30',
  '2021/3/1',
  '1,200',
  '12,00',
  '2.77亿元',
  '-5',
  '.inf',
  '.nan',
  '~',
  'null',
  'true',
  '0x1F',
  '1e400',
  '<<: *a',
  '---',
  '? ',
  '!!str ',
  '!!binary ',
  '!foo ',
  '|',
  '>-',
  '%YAML 1.2\n',
  '\r\n',
  '\ufeff',
  '\u0000',
  '\u001b[31m',
  '\u202e',
  '平鲁区',
];

const yamlish = fc.array(fc.constantFrom(...YAML_TOKENS), { maxLength: 60 }).map((parts) => parts.join(''));

describe('parseRegisterText / parseMeetingText never throw anything but InputError', () => {
  it('on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
        onlyInputError(() => parseRegisterText(text, 'f.yaml'));
        onlyInputError(() => parseMeetingText(text, 'f.yaml'));
      }),
      { numRuns: 300 },
    );
  });

  it('on YAML-like token soup', () => {
    fc.assert(
      fc.property(yamlish, (text) => {
        onlyInputError(() => parseRegisterText(text, 'f.yaml'));
        onlyInputError(() => parseMeetingText(text, 'f.yaml'));
      }),
      { numRuns: 500 },
    );
  });

  it('on arbitrary objects written as YAML', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = stringify(value);
        onlyInputError(() => parseRegisterText(text, 'f.yaml'));
        onlyInputError(() => parseMeetingText(text, 'f.yaml'));
        const wrapped = stringify({ register: value, projects: [value], meeting: value, items: value });
        onlyInputError(() => parseRegisterText(wrapped, 'f.yaml'));
      }),
      { numRuns: 300 },
    );
  });

  it('on a valid register with one field replaced by anything', () => {
    const base = {
      register: { title: 't', region: 'r', year: 2021, as_of: '2021-10-31', rules: { yellow_gap: 10 } },
      projects: [
        {
          id: 'P1',
          name: 'n',
          nature: '新建',
          stage: '在建',
          unit: 'u',
          total_investment: 1,
          annual_plan: 1,
          completed_year: 0,
          milestones: [{ name: 'm', planned: '2021-01-01' }],
          problems: [{ text: 'p', due: '2021-01-01' }],
        },
      ],
    };
    const paths: string[][] = [
      ['register'],
      ['register', 'title'],
      ['register', 'year'],
      ['register', 'as_of'],
      ['register', 'rules'],
      ['register', 'rules', 'yellow_gap'],
      ['projects'],
      ['projects', '0'],
      ['projects', '0', 'id'],
      ['projects', '0', 'stage'],
      ['projects', '0', 'total_investment'],
      ['projects', '0', 'milestones'],
      ['projects', '0', 'milestones', '0'],
      ['projects', '0', 'milestones', '0', 'planned'],
      ['projects', '0', 'problems', '0'],
      ['projects', '0', 'problems', '0', 'text'],
    ];
    fc.assert(
      fc.property(fc.constantFrom(...paths), fc.jsonValue(), (path, value) => {
        const doc = structuredClone(base) as unknown as Record<string, unknown>;
        let at: Record<string, unknown> = doc;
        for (const key of path.slice(0, -1)) at = at[key] as Record<string, unknown>;
        at[path[path.length - 1]!] = value;
        onlyInputError(() => parseRegisterText(stringify(doc), 'f.yaml'));
      }),
      { numRuns: 500 },
    );
  });
});

// ---- round trip ----

/** An amount with at most 4 decimals: `n / 10^k`, so its 亿元 → 万元 value is the integer n·10^(4−k). */
const amount = fc.record({ n: fc.integer({ min: 0, max: 10 ** 9 }), k: fc.integer({ min: 0, max: 4 }) });

// Text a person would type: no control characters, no surrounding spaces (both are normalised away).
const plainText = fc
  .string({ unit: 'grapheme', minLength: 1, maxLength: 20 })
  .filter(
    (s) =>
      s.trim() === s && !/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/.test(s),
  );

const isoDate = fc
  .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

const projectArb = fc.record({
  name: plainText,
  unit: plainText,
  nature: fc.constantFrom('新建', '续建', '前期', '續建'),
  stage: fc.constantFrom('前期', '在建', '竣工', '投产', '停工', '投產'),
  total: amount,
  plan: amount,
  done: amount,
  month: fc.option(amount, { nil: undefined }),
  start: fc.option(isoDate, { nil: undefined }),
});

describe('valid registers round-trip', () => {
  it('their numbers (in 万元 and in 亿元), text and dates', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('万元', '亿元'),
        fc.array(projectArb, { minLength: 1, maxLength: 15 }),
        (unit, projects) => {
          const value = ({ n, k }: { n: number; k: number }): number => n / 10 ** k;
          const inWan = ({ n, k }: { n: number; k: number }): number =>
            unit === '万元' ? n / 10 ** k : n * 10 ** (4 - k);
          const doc = {
            register: { title: '台账', region: '平鲁区', year: 2021, as_of: '2021-10-31', money_unit: unit },
            projects: projects.map((p, i) => ({
              id: `P-${String(i).padStart(3, '0')}`,
              name: p.name,
              nature: p.nature,
              stage: p.stage,
              unit: p.unit,
              total_investment: value(p.total),
              annual_plan: value(p.plan),
              completed_year: value(p.done),
              ...(p.month ? { completed_month: value(p.month) } : {}),
              ...(p.start ? { actual_start: p.start } : {}),
            })),
          };
          const { register } = parseRegisterText(stringify(doc), 'r.yaml');
          expect(register.meta.moneyUnit).toBe(unit);
          expect(register.projects).toHaveLength(projects.length);
          register.projects.forEach((got, i) => {
            const p = projects[i]!;
            expect(got.id).toBe(`P-${String(i).padStart(3, '0')}`);
            expect(got.name).toBe(p.name);
            expect(got.unit).toBe(p.unit);
            expect(got.nature).toBe(p.nature === '續建' ? '续建' : p.nature);
            expect(got.stage).toBe(p.stage === '投產' ? '投产' : p.stage);
            expect(got.totalInvestment).toBe(inWan(p.total));
            expect(got.annualPlan).toBe(inWan(p.plan));
            expect(got.completedYear).toBe(inWan(p.done));
            expect(got.completedMonth).toBe(p.month ? inWan(p.month) : undefined);
            expect(got.actualStart).toBe(p.start);
          });
        },
      ),
      { numRuns: 200 },
    );
  });

  it('amounts written as text with commas and units read as the same number', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 12 }), fc.integer({ min: 0, max: 4 }), (n, k) => {
        const wan = n / 10 ** k;
        const [int, frac = ''] = String(n)
          .padStart(k + 1, '0')
          .replace(new RegExp(`(\\d{${k}})$`), '.$1')
          .split('.');
        const grouped = int!.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (frac ? `.${frac}` : '');
        const text = [
          'register: {title: t, region: r, year: 2021, as_of: 2021-10-31}',
          'projects:',
          `  - {id: P, name: n, nature: 新建, stage: 前期, unit: u, total_investment: "${grouped}", annual_plan: "${grouped}万元", completed_year: 0}`,
          '',
        ].join('\n');
        const { register, warnings } = parseRegisterText(text, 'r.yaml');
        expect(register.projects[0]!.totalInvestment).toBe(wan);
        expect(register.projects[0]!.annualPlan).toBe(wan);
        expect(warnings.length).toBeGreaterThanOrEqual(2);
      }),
      { numRuns: 300 },
    );
  });
});
