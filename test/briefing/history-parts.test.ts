// The bulletin's issue-12 sentences on a register and meetings made for them: a project red at three
// meetings in a row, a decision re-timed twice, and the 包联领导 table.
import { describe, expect, it } from 'vitest';
import { buildBulletin } from '../../src/briefing/bulletin.js';
import { DEFAULT_RULES, type Meeting, type Project, type Register } from '../../src/domain/types.js';

function project(id: string, name: string, over: Partial<Project> = {}): Project {
  return {
    id,
    name,
    nature: '续建',
    stage: '在建',
    unit: '甲局',
    totalInvestment: 1000,
    annualPlan: 100,
    completedYear: 80,
    milestones: [],
    problems: [],
    ...over,
  };
}

const register: Register = {
  meta: {
    title: '台账',
    region: '测试区',
    year: 2021,
    asOf: '2021-09-30',
    moneyUnit: '万元',
    rules: DEFAULT_RULES,
  },
  projects: [
    project('P1', '储能项目', { leader: '张三', completedYear: 10 }),
    project('P2', '道路项目', { leader: '李四', unit: '乙局' }),
  ],
  files: [],
};

function meeting(
  date: string,
  light: '红' | '黄',
  decision?: { id: string; due: string },
  note?: [string, string],
): Meeting {
  return {
    meeting: { date, kind: '周调度', present: [], absent: [], attending: [], closed: true },
    items: [
      {
        project: 'P1',
        light,
        reasons: [],
        decisions: decision
          ? [{ id: decision.id, text: '协调落实用地', unit: '甲局', due: decision.due }]
          : [],
      },
    ],
    followups: note ? [{ decision: note[0], status: '推进中', note: note[1] }] : [],
  };
}

const paragraphs = (meetings: Meeting[]) =>
  buildBulletin({ register, meetings, issued: '2021-10-08' }).blocks.flatMap((b) =>
    b.type === 'paragraph' ? [b.text] : [],
  );

describe('bulletin: repeat offenders and 包联领导', () => {
  const meetings = [
    meeting('2021-09-06', '红', { id: '2021-09-06-01', due: '2021-09-10' }),
    meeting('2021-09-13', '红', { id: '2021-09-13-01', due: '2021-09-20' }, [
      '2021-09-06-01',
      '由2021-09-13-01继续督办',
    ]),
    meeting('2021-09-22', '红', { id: '2021-09-22-01', due: '2021-10-15' }, [
      '2021-09-13-01',
      '已在9月22日调度会上重新明确时限，继续督办',
    ]),
  ];

  it('names the project red at 3 meetings in a row and the decision re-timed twice', () => {
    const text = paragraphs(meetings);
    expect(text).toContain('连续3次以上调度仍为红灯的项目1个：储能项目（甲局，包联领导张三，连续3次）。');
    expect(text).toContain(
      '两次以上重新明确完成时限的议定事项1项：1.储能项目：协调落实用地（责任单位：甲局，原定完成时限2021年9月10日，先后2次重新明确为9月20日、10月15日）。',
    );
  });

  it('says there are none when the streak is broken and a decision was re-timed only once', () => {
    const text = paragraphs([meetings[0]!, meetings[1]!, meeting('2021-09-22', '黄')]);
    expect(text).toContain('没有连续3次调度仍为红灯的项目。');
    expect(text).toContain('没有两次以上重新明确完成时限的议定事项。');
  });

  it('tables 包联领导 with projects, red, yellow and overdue decisions', () => {
    const doc = buildBulletin({ register, meetings, issued: '2021-10-08' });
    const table = doc.blocks.find((b) => b.type === 'table' && b.columns[0]?.title === '包联领导');
    expect(table?.type === 'table' && table.rows.map((r) => r.map((c) => c.text))).toEqual([
      // P1: 10% → red; 2021-09-06-01 and 2021-09-13-01 are past due and open: 2 overdue
      ['张三', '1', '1', '0', '2', '10.0%'],
      ['李四', '1', '0', '0', '0', '80.0%'],
    ]);
  });
});
