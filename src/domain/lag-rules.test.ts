import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assessProject, assessRegister, compareLagging, lightRank, type AssessContext } from './lag-rules.js';
import { buildLedger } from './ledger.js';
import {
  DEFAULT_RULES,
  type LagRules,
  type Light,
  type Meeting,
  type Project,
  type Register,
} from './types.js';
import { closedMeeting, itemOf, makeRegister, testProject } from '../../test/support/registers.js';

const project = testProject;

function ctx(asOf: string, timeProgress: number, rules: LagRules = DEFAULT_RULES): AssessContext {
  return { asOf, rules, timeProgress };
}

const register = (asOf: string, projects: Project[], rules: Partial<LagRules> = {}): Register =>
  makeRegister(projects, { asOf, rules });

function meeting(
  date: string,
  decisions: { id: string; project: string; due: string; text?: string }[],
): Meeting {
  return closedMeeting(
    date,
    decisions.map((d) =>
      itemOf(d.project, [
        { id: d.id, text: d.text ?? '协调落实项目用地指标', unit: '区自然资源局', due: d.due },
      ]),
    ),
  );
}

describe('investment flag (gap = 序时进度 − 完成率 in points)', () => {
  // as_of 2021-06-30, month mode: time progress 6/12 = 50%; plan 1000.
  const at = (completedYear: number) => assessProject(project({ completedYear }), ctx('2021-06-30', 0.5));

  it('gap exactly 10 points is yellow (despite 0.5 − 0.4 being 9.999… in binary)', () => {
    const s = at(400);
    expect(s.gap).toBe(10);
    expect(s.light).toBe('黄');
    expect(s.flags).toEqual([
      { kind: 'investment', light: '黄', reason: '年度投资完成率40.0%，低于序时进度（50.0%）10.0个百分点' },
    ]);
  });
  it('gap 9.99 points is green', () => {
    const s = at(400.1);
    expect(s.gap).toBeCloseTo(9.99, 9);
    expect(s.light).toBe('绿');
    expect(s.flags).toEqual([]);
  });
  it('gap exactly 30 points is still yellow, 30.01 is red', () => {
    expect(at(200).gap).toBe(30);
    expect(at(200).light).toBe('黄');
    expect(at(199.9).gap).toBeCloseTo(30.01, 9);
    expect(at(199.9).light).toBe('红');
  });
  it('ahead of time progress is green with a negative gap', () => {
    const s = at(740);
    expect(s.completionRate).toBe(0.74);
    expect(s.gap).toBe(-24);
    expect(s.light).toBe('绿');
  });
  it('writes the reason with one decimal, comparing unrounded values', () => {
    // as_of 2021-10-31: 10/12 = 83.333…%; 350/1000 = 35.0%; gap 48.333… → 48.3
    const s = assessProject(project({ completedYear: 350 }), ctx('2021-10-31', 10 / 12));
    expect(s.light).toBe('红');
    expect(s.flags[0]?.reason).toBe('年度投资完成率35.0%，低于序时进度（83.3%）48.3个百分点');
  });
  it('no flag and no rate when the annual plan is 0', () => {
    const s = assessProject(project({ annualPlan: 0, completedYear: 0 }), ctx('2021-10-31', 10 / 12));
    expect(s.completionRate).toBeNull();
    expect(s.gap).toBeNull();
    expect(s.light).toBe('绿');
  });
  it('thresholds come from the rules', () => {
    const rules = { ...DEFAULT_RULES, yellowGap: 5, redGap: 20 };
    expect(assessProject(project({ completedYear: 450 }), ctx('2021-06-30', 0.5, rules)).light).toBe('黄');
    expect(assessProject(project({ completedYear: 451 }), ctx('2021-06-30', 0.5, rules)).light).toBe('绿');
    expect(assessProject(project({ completedYear: 300 }), ctx('2021-06-30', 0.5, rules)).light).toBe('黄');
    expect(assessProject(project({ completedYear: 299 }), ctx('2021-06-30', 0.5, rules)).light).toBe('红');
  });
});

describe('start flag (新建 still 前期 after planned_start)', () => {
  const notStarted = (plannedStart: string, over: Partial<Project> = {}) =>
    assessProject(
      project({ nature: '新建', stage: '前期', plannedStart, annualPlan: 0, completedYear: 0, ...over }),
      ctx('2021-04-15', 3 / 12),
    );

  it('planned start on the day itself is not late', () => {
    expect(notStarted('2021-04-15').flags).toEqual([]);
  });
  it('1 day late is yellow', () => {
    expect(notStarted('2021-04-14').flags).toEqual([
      { kind: 'start', light: '黄', reason: '计划2021年4月14日开工，已逾期1天仍未开工' },
    ]);
  });
  it('45 days late reads as in the brief', () => {
    expect(notStarted('2021-03-01').flags[0]?.reason).toBe('计划2021年3月1日开工，已逾期45天仍未开工');
  });
  it('60 days late is yellow, 61 red', () => {
    expect(notStarted('2021-02-14').flags[0]).toMatchObject({
      light: '黄',
      reason: expect.stringContaining('60天'),
    });
    expect(notStarted('2021-02-13').flags[0]).toMatchObject({
      light: '红',
      reason: expect.stringContaining('61天'),
    });
  });
  it('only 新建 projects still in 前期 stage', () => {
    expect(notStarted('2021-01-01', { nature: '续建' }).flags).toEqual([]);
    expect(notStarted('2021-01-01', { nature: '前期' }).flags).toEqual([]);
    expect(notStarted('2021-01-01', { stage: '在建' }).flags).toEqual([]);
    expect(notStarted('2021-01-01', { plannedStart: undefined }).flags).toEqual([]);
  });
  it('a register may set its own start_red_days', () => {
    const s = assessProject(
      project({ nature: '新建', stage: '前期', plannedStart: '2021-03-16', annualPlan: 0 }),
      ctx('2021-04-15', 0.25, { ...DEFAULT_RULES, startRedDays: 29 }),
    );
    expect(s.light).toBe('红'); // 30 days > 29
  });
});

describe('stopped flag', () => {
  it('停工 is always red', () => {
    const s = assessProject(project({ stage: '停工' }), ctx('2021-06-30', 0.5));
    expect(s.flags).toEqual([{ kind: 'stopped', light: '红', reason: '项目处于停工状态' }]);
    expect(s.light).toBe('红');
  });
});

describe('milestone flag', () => {
  const withMilestone = (planned: string, done?: string, asOf = '2021-11-08') =>
    assessProject(
      project({ milestones: [{ name: '设备调试', planned, ...(done ? { done } : {}) }] }),
      ctx(asOf, 10 / 12),
    );

  it('3 days late reads as in the brief', () => {
    expect(withMilestone('2021-11-05').flags).toEqual([
      { kind: 'milestone', light: '黄', reason: '节点“设备调试”计划2021年11月5日完成，已逾期3天' },
    ]);
  });
  it('planned on the day is not late; 1 day is', () => {
    expect(withMilestone('2021-11-08').flags).toEqual([]);
    expect(withMilestone('2021-11-07').light).toBe('黄');
  });
  it('30 days late is yellow, 31 red', () => {
    expect(withMilestone('2021-10-09').flags[0]?.light).toBe('黄');
    expect(withMilestone('2021-10-09').flags[0]?.reason).toContain('30天');
    expect(withMilestone('2021-10-08').flags[0]?.light).toBe('红');
  });
  it('a done milestone does not flag, even when done late', () => {
    expect(withMilestone('2021-10-01', '2021-11-05').flags).toEqual([]);
  });
  it('a milestone done after the day was not done on the day', () => {
    expect(withMilestone('2021-10-01', '2021-11-20').flags[0]?.light).toBe('红');
  });
});

describe('problem flag', () => {
  const problem = {
    id: 'P-1-1',
    text: '铁路专用线接轨手续尚未批复',
    unit: '区交通局',
    raised: '2021-09-01',
    due: '2021-10-31',
  };
  const at = (asOf: string, over = {}) =>
    assessProject(project({ problems: [{ ...problem, ...over }] }), ctx(asOf, 10 / 12));

  it('due today is not yet late', () => {
    expect(at('2021-10-31').flags).toEqual([]);
  });
  it('due yesterday and unresolved is red', () => {
    expect(at('2021-11-01').flags).toEqual([
      {
        kind: 'problem',
        light: '红',
        reason: '问题“铁路专用线接轨手续尚未批复”逾期未解决（解决时限2021年10月31日，责任单位区交通局）',
      },
    ]);
  });
  it('without a unit the parenthesis names only the time limit', () => {
    expect(at('2021-11-01', { unit: undefined }).flags[0]?.reason).toBe(
      '问题“铁路专用线接轨手续尚未批复”逾期未解决（解决时限2021年10月31日）',
    );
  });
  it('resolved (even late) or without a due date does not flag', () => {
    expect(at('2021-11-10', { resolved: '2021-11-05' }).flags).toEqual([]);
    expect(at('2021-11-10', { due: undefined }).flags).toEqual([]);
  });
  it('resolved after the day was still open on the day', () => {
    expect(at('2021-11-10', { resolved: '2021-11-20' }).light).toBe('红');
  });
});

describe('decision flag (逾期未落实)', () => {
  const meetings = [meeting('2021-11-08', [{ id: '2021-11-08-01', project: 'P-1', due: '2021-11-15' }])];
  const at = (day: string, ms: Meeting[] = meetings) =>
    assessProject(project(), { ...ctx(day, 10 / 12), decisions: buildLedger(ms, day) });

  it('due today is not overdue', () => {
    expect(at('2021-11-15').flags).toEqual([]);
  });
  it('due yesterday and open is red', () => {
    expect(at('2021-11-16').flags).toEqual([
      {
        kind: 'decision',
        light: '红',
        reason: '议定事项“协调落实项目用地指标”逾期未落实（完成时限2021年11月15日，责任单位区自然资源局）',
      },
    ]);
  });
  it('推进中 is still open and late; 已落实 and 撤销 are not', () => {
    const withFollowup = (status: '已落实' | '推进中' | '撤销'): Meeting[] => [
      ...meetings,
      { ...meeting('2021-11-15', []), followups: [{ decision: '2021-11-08-01', status }] },
    ];
    expect(at('2021-11-22', withFollowup('推进中')).light).toBe('红');
    expect(at('2021-11-22', withFollowup('已落实')).flags).toEqual([]);
    expect(at('2021-11-22', withFollowup('撤销')).flags).toEqual([]);
  });
  it('entries of other projects are ignored', () => {
    const other = [meeting('2021-11-08', [{ id: '2021-11-08-01', project: 'P-2', due: '2021-11-10' }])];
    expect(at('2021-11-22', other).flags).toEqual([]);
  });
});

describe('light and register assessment', () => {
  it('the light is the worst flag, and every flag keeps its reason', () => {
    const s = assessProject(
      project({
        completedYear: 600, // 83.3 − 60 = 23.3 points: yellow
        stage: '停工',
        milestones: [{ name: '主体封顶', planned: '2021-10-20' }],
      }),
      ctx('2021-10-31', 10 / 12),
    );
    expect(s.flags.map((f) => [f.kind, f.light])).toEqual([
      ['investment', '黄'],
      ['stopped', '红'],
      ['milestone', '黄'],
    ]);
    expect(s.light).toBe('红');
  });

  it('property: the light is the worst of the flags, 绿 with none', () => {
    const arbProject = fc.record({
      nature: fc.constantFrom('新建', '续建', '前期' as const),
      stage: fc.constantFrom('前期', '在建', '竣工', '投产', '停工' as const),
      annualPlan: fc.integer({ min: 0, max: 10000 }),
      completedYear: fc.integer({ min: 0, max: 12000 }),
      startOffset: fc.integer({ min: -120, max: 30 }),
      milestoneOffsets: fc.array(fc.integer({ min: -60, max: 10 }), { maxLength: 3 }),
      problemOffsets: fc.array(fc.integer({ min: -10, max: 10 }), { maxLength: 3 }),
    });
    fc.assert(
      fc.property(arbProject, (a) => {
        const day = '2021-07-15';
        const off = (n: number) => {
          const d = new Date(Date.UTC(2021, 6, 15 + n));
          return d.toISOString().slice(0, 10);
        };
        const p = project({
          nature: a.nature as Project['nature'],
          stage: a.stage as Project['stage'],
          annualPlan: a.annualPlan,
          completedYear: a.completedYear,
          plannedStart: off(a.startOffset),
          milestones: a.milestoneOffsets.map((o, i) => ({ name: `节点${i}`, planned: off(o) })),
          problems: a.problemOffsets.map((o, i) => ({ id: `P-1-${i}`, text: `问题${i}`, due: off(o) })),
        });
        const s = assessProject(p, ctx(day, 6.5 / 12));
        const worst = s.flags.reduce<Light>(
          (w, f) => (lightRank(f.light) > lightRank(w) ? f.light : w),
          '绿',
        );
        expect(s.light).toBe(worst);
        if (s.completionRate !== null) {
          expect(s.completionRate).toBeGreaterThanOrEqual(0);
          expect(s.gap).toBeCloseTo((6.5 / 12 - s.completionRate) * 100, 6);
        }
      }),
    );
  });

  it('assessRegister: register order for statuses, worst first for lagging', () => {
    // as_of 2021-10-31 month mode: 83.333…%
    const r = register('2021-10-31', [
      project({ id: 'A', completedYear: 800 }), // gap 3.3: green
      project({ id: 'B', completedYear: 650 }), // gap 18.3: yellow
      project({ id: 'C', completedYear: 500 }), // gap 33.3: red (1 red flag)
      project({ id: 'D', completedYear: 700, stage: '停工' }), // yellow gap 13.3 + stopped: red (1 red flag)
      project({ id: 'E', completedYear: 400, stage: '停工' }), // gap 43.3 red + stopped red: 2 red flags
      project({ id: 'F', completedYear: 500 }), // same as C: tie broken by id
      project({ id: 'G', completedYear: 600 }), // gap 23.3: yellow, before B
    ]);
    const a = assessRegister(r);
    expect(a.asOf).toBe('2021-10-31');
    expect(a.timeProgress).toBe(10 / 12);
    expect(a.statuses.map((s) => s.project.id)).toEqual(['A', 'B', 'C', 'D', 'E', 'F', 'G']);
    expect(a.statuses.map((s) => s.light)).toEqual(['绿', '黄', '红', '红', '红', '红', '黄']);
    expect(a.lagging.map((s) => s.project.id)).toEqual(['E', 'C', 'F', 'D', 'G', 'B']);
    expect([...a.lagging].sort(compareLagging)).toEqual(a.lagging);
  });

  it('assessRegister matches ledger entries to projects and uses the register rules', () => {
    const r = register('2021-11-20', [project({ id: 'A' }), project({ id: 'B' })], { timeProgress: 'day' });
    const ledger = buildLedger(
      [meeting('2021-11-08', [{ id: '2021-11-08-01', project: 'B', due: '2021-11-19' }])],
      '2021-11-20',
    );
    const a = assessRegister(r, ledger);
    expect(a.timeProgress).toBe(324 / 365);
    expect(a.statuses.map((s) => s.light)).toEqual(['绿', '红']);
    expect(a.statuses[1]?.flags[0]?.kind).toBe('decision');
    expect(assessRegister(r).statuses.map((s) => s.light)).toEqual(['绿', '绿']);
  });

  it('assesses 10,000 projects with a ledger indexed once (all results present)', () => {
    const projects = Array.from({ length: 10000 }, (_, i) =>
      project({ id: `BM-${i}`, completedYear: (i % 10) * 100, stage: i % 50 === 0 ? '停工' : '在建' }),
    );
    const decisions = projects.map((p, i) => ({ id: `D-${i}`, project: p.id, due: '2021-09-01' }));
    const ledger = buildLedger([meeting('2021-08-01', decisions)], '2021-09-30');
    const a = assessRegister(register('2021-09-30', projects), ledger);
    expect(a.statuses).toHaveLength(10000);
    // every project has one overdue decision: all red
    expect(a.lagging).toHaveLength(10000);
    expect(a.statuses.every((s) => s.flags.some((f) => f.kind === 'decision'))).toBe(true);
  });
});

describe('quoted text in reasons', () => {
  it('drops a decision text’s own full stop inside the quotation marks', () => {
    const p: Project = {
      id: 'Q-1',
      name: '项目',
      nature: '续建',
      stage: '在建',
      unit: '区发改局',
      totalInvestment: 100,
      annualPlan: 0,
      completedYear: 0,
      milestones: [],
      problems: [{ id: 'Q-1-1', text: '用地未批。', due: '2021-09-01' }],
    };
    const status = assessProject(p, { asOf: '2021-09-30', rules: DEFAULT_RULES, timeProgress: 0.75 });
    expect(status.flags.map((f) => f.reason)).toEqual(['问题“用地未批”逾期未解决（解决时限2021年9月1日）']);
  });
});

describe('the gap in a reason sentence', () => {
  it('is the difference of the two printed figures, while the light uses the exact gap', () => {
    // half_month mode on 2022-06-20: 5.5/12 = 45.833…%; 1375/10000 = 13.75% prints as 13.8%.
    // Exact gap 32.08 points (red); printed 45.8 − 13.8 = 32.0, not "32.1".
    const p: Project = {
      id: 'HM-018',
      name: '项目',
      nature: '续建',
      stage: '在建',
      unit: '项目办',
      totalInvestment: 20000,
      annualPlan: 10000,
      completedYear: 1375,
      milestones: [],
      problems: [],
    };
    const status = assessProject(p, {
      asOf: '2022-06-20',
      rules: { ...DEFAULT_RULES, timeProgress: 'half_month' },
      timeProgress: 5.5 / 12,
    });
    expect(status.light).toBe('红');
    expect(status.flags[0]?.reason).toBe('年度投资完成率13.8%，低于序时进度（45.8%）32.0个百分点');
  });
});
