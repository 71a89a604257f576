import { describe, expect, it } from 'vitest';
import { assessOnDay } from './assess-on-day.js';
import { DEFAULT_RULES, type Meeting, type Project, type Register } from './types.js';

// Green on its figures (plan 1000, done 1000): only a decision can make it red.
const project: Project = {
  id: 'P-1',
  name: '测试项目',
  nature: '续建',
  stage: '在建',
  unit: '区发改局',
  totalInvestment: 3000,
  annualPlan: 1000,
  completedYear: 1000,
  milestones: [],
  problems: [],
};

const register: Register = {
  meta: {
    title: '台账',
    region: '平鲁区',
    year: 2021,
    asOf: '2021-09-30',
    moneyUnit: '万元',
    rules: DEFAULT_RULES,
  },
  projects: [project],
  files: [],
};

function meeting(date: string, id: string, due: string): Meeting {
  return {
    meeting: { date, kind: '周调度', present: [], absent: [], attending: [], closed: true },
    items: [
      {
        project: 'P-1',
        reasons: [],
        decisions: [{ id, text: '协调落实项目用地指标', unit: '区自然资源局', due }],
      },
    ],
    followups: [],
  };
}

const light = (r: ReturnType<typeof assessOnDay>): string | undefined => r.assessment.statuses[0]?.light;

describe('assessOnDay', () => {
  it('without meetings: no ledger, decisions do not count', () => {
    const r = assessOnDay(register, '2021-09-30', undefined);
    expect(r.meetings).toBeUndefined();
    expect(r.ledger).toBeUndefined();
    expect(light(r)).toBe('绿');
  });

  it('counts a decision overdue on the day (due before it)', () => {
    const r = assessOnDay(register, '2021-09-30', [meeting('2021-09-10', 'A', '2021-09-20')]);
    expect(light(r)).toBe('红');
    expect(r.ledger?.map((e) => e.state)).toEqual(['overdue']);
  });

  it('leaves out meetings held after the day, even with a time limit before it', () => {
    const later = meeting('2021-10-08', 'B', '2021-09-28');
    const r = assessOnDay(register, '2021-09-30', [later]);
    expect(r.meetings).toEqual([]);
    expect(r.ledger).toEqual([]);
    expect(light(r)).toBe('绿');
  });

  it('judges decisions on the day given, not on as_of (the state at an earlier meeting)', () => {
    const held = [meeting('2021-09-10', 'A', '2021-09-20')];
    expect(light(assessOnDay(register, '2021-09-20', held))).toBe('绿'); // due that day: not late yet
    expect(light(assessOnDay(register, '2021-09-21', held))).toBe('红');
  });
});
