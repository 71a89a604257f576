// 季考核 scoring (docs/assessment.md), figures worked out by hand.
import { describe, expect, it } from 'vitest';
import {
  assessUnits,
  DEFAULT_ASSESSMENT_RULES,
  isDueSoon,
  parseQuarter,
  quarterName,
  quarterOfDate,
  type AssessmentRules,
} from './assessment.js';
import { assessRegister } from './lag-rules.js';
import { buildLedger } from './ledger.js';
import type { Meeting, Project, Register } from './types.js';
import { closedMeeting, itemOf, makeRegister, numberedProjects } from '../../test/support/registers.js';

const project = numberedProjects({ unit: '甲局', totalInvestment: 100, annualPlan: 100, completedYear: 100 });
const register = (projects: Project[], asOf = '2021-09-30'): Register =>
  makeRegister(projects, { asOf, region: '测试区' });

function score(r: Register, rules: AssessmentRules = DEFAULT_ASSESSMENT_RULES, meetings?: Meeting[]) {
  const day = r.meta.asOf;
  const ledger = meetings ? buildLedger(meetings, day) : undefined;
  const a = assessRegister(r, ledger);
  return assessUnits({
    statuses: a.statuses,
    timeProgress: a.timeProgress,
    day,
    quarter: quarterOfDate(day),
    rules,
    ...(ledger ? { ledger } : {}),
  });
}

describe('quarters', () => {
  it('reads 2021Q3 and knows its first and last day', () => {
    expect(parseQuarter('2021Q3')).toEqual({
      year: 2021,
      quarter: 3,
      start: '2021-07-01',
      end: '2021-09-30',
    });
    expect(parseQuarter('2024q1')?.end).toBe('2024-03-31');
    expect(parseQuarter('2021-Q4')?.end).toBe('2021-12-31');
    expect(parseQuarter('2021Q5')).toBeNull();
    expect(parseQuarter('2021-09')).toBeNull();
    expect(quarterOfDate('2021-06-30').quarter).toBe(2);
    expect(quarterOfDate('2021-07-01').quarter).toBe(3);
    expect(quarterName(quarterOfDate('2021-11-15'))).toBe('2021年第四季度');
  });
});

describe('assessUnits', () => {
  it('投资完成 against 序时进度 on printed figures, capped at the weight', () => {
    // 序时进度 9/12 = 75.0%; 56.2% → 40 × 56.2 ÷ 75.0 = 29.9733… → 29.97; 90% → 40.
    const a = score(
      register([
        project({ unit: '甲局', completedYear: 56.2 }),
        project({ unit: '乙局', completedYear: 90 }),
      ]),
    );
    const inv = (unit: string) => a.units.find((u) => u.unit === unit)!.items[0]!;
    expect(inv('甲局')).toMatchObject({ ratePoints: 56.2, timeProgressPoints: 75, score: 29.97 });
    expect(inv('乙局').score).toBe(40);
  });

  it('scales the applicable items to the full score and leaves out what has nothing to score', () => {
    // 甲局: plan 0 → no 投资完成; 开复工率 1/1 → 20; no 新建; no meetings → no 按时落实.
    // 20 of 20 applicable → 20 ÷ 20 × 100 = 100.
    const a = score(register([project({ annualPlan: 0, completedYear: 0 })]));
    const u = a.units[0]!;
    expect(u.items.map((i) => i.applicable)).toEqual([false, true, false, false]);
    expect(u.applicableWeight).toBe(20);
    expect(u.scaled).toBe(100);
    expect(a.fullScore).toBe(100);
  });

  it('deducts red projects (not those red only for overdue problems) and caps the deductions', () => {
    // 3 stopped projects (red) and one overdue problem on a green project: 3 + 1 = 4 off;
    // with a cap of 2 only 2 are taken. 开复工率 1/4 = 25.0% → 5.00; 投资 40 → 45 of 60 → 75.
    const r = register([
      project({ stage: '停工' }),
      project({ stage: '停工' }),
      project({ stage: '停工' }),
      project({ problems: [{ id: 'q', text: '问题', due: '2021-09-01' }] }),
    ]);
    const plain = score(r).units[0]!;
    expect(plain.deductions.map((d) => [d.key, d.count])).toEqual([
      ['overdueProblem', 1],
      ['redProject', 3],
    ]);
    expect(plain.scaled).toBe(75);
    expect(plain.total).toBe(71);
    const capped = score(r, { ...DEFAULT_ASSESSMENT_RULES, maxDeduction: 2 }).units[0]!;
    expect(capped).toMatchObject({ deducted: 2, capped: true, total: 73 });
  });

  it('ranks by total, ties sharing a rank (1, 1, 3)', () => {
    const a = score(
      register([
        project({ unit: '甲局' }),
        project({ unit: '乙局' }),
        project({ unit: '丙局', stage: '前期', nature: '前期', completedYear: 100 }),
      ]),
    );
    expect(a.units.map((u) => [u.unit, u.total, u.rank])).toEqual([
      ['甲局', 100, 1],
      ['乙局', 100, 1],
      ['丙局', 66.67, 3], // 40 + 0 of 60
    ]);
  });
});

describe('isDueSoon', () => {
  it('is open and due from the day to seven days after it', () => {
    const decisions = ['2021-09-29', '2021-09-30', '2021-10-07', '2021-10-08'].map((due, i) => ({
      id: `d${i}`,
      text: 't',
      unit: '甲局',
      due,
    }));
    const m = closedMeeting('2021-09-01', [itemOf('P', decisions)]);
    const ledger = buildLedger([m], '2021-09-30');
    expect(ledger.map((e) => isDueSoon(e, '2021-09-30'))).toEqual([false, true, true, false]);
  });
});
