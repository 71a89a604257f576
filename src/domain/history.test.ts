// Issue 12 rules on small registers and meetings made for each rule, with hand-computed figures:
// 环比 (month-on-month.ts), repeat offenders (repeat-offenders.ts), 包联领导 (leaders.ts).
import { describe, expect, it } from 'vitest';
import { assessRegister } from './lag-rules.js';
import { buildLedger } from './ledger.js';
import { leaderTable, NO_LEADER } from './leaders.js';
import { compareMonths, monthOnMonthProblem, moveText } from './month-on-month.js';
import { lightHistory, redStreaks, repeatRed, repeatRetimed, retimedChains } from './repeat-offenders.js';
import type { Light, Meeting, Project, Register } from './types.js';
import { closedMeeting, itemOf, makeRegister, projectsById } from '../../test/support/registers.js';

const project = projectsById({ unit: '甲局', totalInvestment: 1000, annualPlan: 100, completedYear: 0 });
const register = (projects: Project[], asOf: string, year = 2021): Register =>
  makeRegister(projects, { asOf, year });

const assessed = (r: Register) => ({ register: r, statuses: assessRegister(r).statuses });

describe('环比: compareMonths', () => {
  // August: time progress 8/12 = 66.7%; September 9/12 = 75.0%.
  const aug = register(
    [
      project('A', { unit: '甲局', completedYear: 70, completedMonth: 10 }), // 70% green
      project('B', { unit: '乙局', completedYear: 30, completedMonth: 5 }), // 30%: 36.7 behind → red
      project('C', { unit: '乙局', completedYear: 60, completedMonth: 8 }), // 60%: 6.7 behind → green
      project('D', {
        unit: '丙局',
        nature: '新建',
        stage: '前期',
        completedYear: 0,
        plannedStart: '2021-09-20',
      }),
      project('E', { unit: '丙局', completedYear: 90, completedMonth: 9 }), // 90% green
    ],
    '2021-08-31',
  );
  const sep = register(
    [
      project('A', { unit: '甲局', completedYear: 72, completedMonth: 2 }), // 72%: 3 behind → green
      project('B', { unit: '乙局', completedYear: 70, completedMonth: 40 }), // 70% green: turned green
      project('C', { unit: '乙局', completedYear: 40, completedMonth: 0 }), // (a hand correction) 40%: 35 behind → red
      project('D', {
        unit: '丙局',
        nature: '新建',
        stage: '在建',
        completedYear: 20,
        completedMonth: 20,
        actualStart: '2021-09-15',
      }),
      project('E', {
        unit: '丙局',
        stage: '竣工',
        completedYear: 100,
        completedMonth: 10,
        actualFinish: '2021-09-25',
      }),
      project('F', {
        unit: '丁局',
        nature: '新建',
        stage: '在建',
        completedYear: 10,
        completedMonth: 10,
        actualStart: '2021-09-05',
      }),
    ],
    '2021-09-30',
  );
  const mom = compareMonths(assessed(sep), assessed(aug));

  it('rates against last month in points as printed', () => {
    // Aug: completed 250 / plan 500 = 50.0%; Sep: 312 / 600 = 52.0% → +2.0 points.
    expect(mom.completionRate.previous).toBeCloseTo(0.5, 10);
    expect(mom.completionRate.current).toBeCloseTo(0.52, 10);
    expect(mom.completionRate.points).toBe(2);
    // 开复工率: Aug 4/5 = 80.0%, Sep 6/6 = 100.0% → +20.0; 新开工率: Aug 0/1, Sep 2/2 → +100.0.
    expect(mom.startRate.points).toBe(20);
    expect(mom.newStartRate.points).toBe(100);
  });

  it('lights that turned red or green, projects newly started and completed', () => {
    expect(mom.turnedRed.map((p) => p.id)).toEqual(['C']);
    expect(mom.turnedRed[0]?.previousLight).toBe('绿');
    expect(mom.turnedGreen.map((p) => p.id)).toEqual(['B']);
    // D was 前期 in August; F is new to the register and started after 8-31.
    expect(mom.newlyStarted.map((p) => p.id)).toEqual(['D', 'F']);
    expect(mom.newlyCompleted.map((p) => p.id)).toEqual(['E']);
  });

  it('yellow to green counts as turned green; green to yellow is neither', () => {
    // Aug 55/100 = 55%: 11.7 behind 66.7% → yellow; Sep 70%: 5 behind 75% → green. H the other way.
    const before = register(
      [project('G', { completedYear: 55 }), project('H', { completedYear: 70 })],
      '2021-08-31',
    );
    const after = register(
      [project('G', { completedYear: 70 }), project('H', { completedYear: 62 })],
      '2021-09-30',
    );
    const m = compareMonths(assessed(after), assessed(before));
    expect(m.turnedGreen.map((p) => [p.id, p.previousLight])).toEqual([['G', '黄']]);
    expect(m.turnedRed).toEqual([]);
  });

  it('本月完成投资 against last month: the sums of completed_month', () => {
    expect(mom.completedMonth).toBe(2 + 40 + 0 + 20 + 10 + 10);
    expect(mom.previousCompletedMonth).toBe(10 + 5 + 8 + 9);
  });

  it('units ranking moves (↑ up, ↓ down, 新增 new)', () => {
    // Aug rates: 甲 70/100 = 70%, 乙 90/200 = 45%, 丙 90/200 = 45% → 甲 1, 乙 2, 丙 2 (tie). Sep: 甲 72%, 乙 110/200 = 55%, 丙 120/200 = 60%, 丁 10%
    // → 甲 1, 丙 2, 乙 3, 丁 4.
    const moves = Object.fromEntries(mom.unitMoves.map((m) => [m.unit, moveText(m)]));
    expect(moves).toEqual({ 甲局: '—', 丙局: '—', 乙局: '↓1', 丁局: '新增' });
    expect(mom.unitMoves.find((m) => m.unit === '乙局')).toMatchObject({
      rank: 3,
      previousRank: 2,
      move: -1,
    });
  });

  it('registers without completed_month give no 本月完成投资 (absent, not 0)', () => {
    const strip = (r: Register): Register => ({
      ...r,
      projects: r.projects.map(({ completedMonth: _drop, ...p }) => p),
    });
    const m = compareMonths(assessed(sep), assessed(strip(aug)));
    expect(m.completedMonth).toBe(82);
    expect('previousCompletedMonth' in m).toBe(false);
  });

  it('a snapshot of another year, or not of an earlier month, is not compared', () => {
    expect(monthOnMonthProblem(sep, aug)).toBeNull();
    expect(monthOnMonthProblem(sep, register([], '2020-12-31', 2020))).toBe('year');
    expect(monthOnMonthProblem(sep, register([], '2021-09-15'))).toBe('not-earlier');
  });
});

function meetingWith(
  date: string,
  lights: Record<string, Light>,
  kind: Meeting['meeting']['kind'] = '周调度',
): Meeting {
  return closedMeeting(
    date,
    Object.entries(lights).map(([project, light]) => ({ project, light, reasons: [], decisions: [] })),
    [],
    kind,
  );
}

describe('repeat offenders: red at consecutive meetings', () => {
  const meetings = [
    meetingWith('2021-09-06', { A: '红', B: '红', C: '红', D: '黄' }),
    meetingWith('2021-09-13', { A: '红', B: '黄', C: '红', D: '红' }),
    meetingWith('2021-09-16', { C: '绿' }, '专题'), // a 专题 meeting neither extends nor breaks a streak
    meetingWith('2021-09-22', { A: '红', B: '红', C: '红', D: '红' }),
    meetingWith('2021-09-27', { A: '红', B: '红', C: '红' }), // D not on the agenda: streak broken
  ];

  it('streaks counted back from the latest meeting', () => {
    expect(Object.fromEntries(redStreaks(meetings))).toEqual({ A: 4, B: 2, C: 4 });
    expect(Object.fromEntries(repeatRed(meetings))).toEqual({ A: 4, C: 4 });
  });

  it('only meetings held by the day count', () => {
    expect(Object.fromEntries(redStreaks(meetings, '2021-09-22'))).toEqual({ A: 3, B: 1, C: 3, D: 2 });
    expect(Object.fromEntries(repeatRed(meetings, '2021-09-13'))).toEqual({});
  });

  it('a project’s lights across meetings, with dates, null where not recorded', () => {
    expect(lightHistory(meetings, 'D')).toEqual([
      { date: '2021-09-06', light: '黄' },
      { date: '2021-09-13', light: '红' },
      { date: '2021-09-22', light: '红' },
      { date: '2021-09-27', light: null },
    ]);
  });
});

describe('re-timed decisions (继续督办)', () => {
  const decide = (date: string, project: string, id: string, due: string, unit = '甲局'): Meeting =>
    closedMeeting(date, [itemOf(project, [{ id, text: `事项${id}`, unit, due }])]);
  const m1 = decide('2021-09-06', 'P', '2021-09-06-01', '2021-09-10');
  const m2 = decide('2021-09-13', 'P', '2021-09-13-01', '2021-09-20');
  m2.followups.push({ decision: '2021-09-06-01', status: '推进中', note: '未完成，由2021-09-13-01继续督办' });
  const m3 = decide('2021-09-22', 'P', '2021-09-22-01', '2021-09-30');
  m3.items[0]?.decisions.push({ id: '2021-09-22-02', text: '别的事', unit: '乙局', due: '2021-10-01' });
  m3.followups.push({
    decision: '2021-09-13-01',
    status: '推进中',
    note: '已在9月22日调度会上重新明确时限，继续督办',
  });
  const m4 = decide('2021-09-27', 'Q', '2021-09-27-01', '2021-10-10');
  m4.followups.push({ decision: '2021-09-27-01', status: '推进中', note: '由2021-09-27-01继续督办' }); // itself: ignored

  it('links by id and by the meeting date (same project, same unit), chained', () => {
    const chains = retimedChains([m1, m2, m3, m4]);
    expect(chains).toHaveLength(1);
    expect(chains[0]?.steps.map((s) => s.decision.id)).toEqual([
      '2021-09-06-01',
      '2021-09-13-01',
      '2021-09-22-01',
    ]);
    expect(chains[0]?.retimings).toBe(2);
    expect(repeatRetimed([m1, m2, m3, m4]).map((c) => c.project)).toEqual(['P']);
  });

  it('once is not "more than once"; later follow-ups do not count on an earlier day', () => {
    expect(repeatRetimed([m1, m2])).toEqual([]);
    expect(retimedChains([m1, m2, m3], '2021-09-20')[0]?.retimings).toBe(1);
  });
});

describe('包联领导 accountability', () => {
  const r = register(
    [
      project('A', { leader: '张三', completedYear: 10 }), // red (65 behind)
      project('B', { leader: '张三', completedYear: 60 }), // yellow (15 behind)
      project('C', { leader: '李四', completedYear: 80 }), // green
      project('D', { leader: '李四', completedYear: 20 }), // red
      project('E', { completedYear: 90 }), // no leader
      project('F', { leader: '王五', completedYear: 100 }), // green
    ],
    '2021-09-30',
  );
  const meetings: Meeting[] = [
    closedMeeting('2021-09-06', [
      itemOf('C', [{ id: 'x1', text: '甲', unit: '甲局', due: '2021-09-20' }]),
      itemOf('C', [{ id: 'x2', text: '乙', unit: '甲局', due: '2021-09-21' }]),
      itemOf('A', [{ id: 'x3', text: '丙', unit: '甲局', due: '2021-10-20' }]),
    ]),
  ];

  it('projects, red, yellow and overdue decisions per leader, worst first, no leader last', () => {
    const ledger = buildLedger(meetings, '2021-09-30');
    const rows = leaderTable(assessRegister(r, ledger).statuses, ledger);
    expect(rows.map((x) => [x.leader, x.projectCount, x.red, x.yellow, x.overdueDecisions])).toEqual([
      // 李四: D red, and C red too (two decisions 逾期未落实) → 2 red
      ['李四', 2, 2, 0, 2],
      ['张三', 2, 1, 1, 0],
      ['王五', 1, 0, 0, 0],
      [NO_LEADER, 1, 0, 0, 0],
    ]);
    expect(rows[0]?.completionRate).toBeCloseTo(0.5, 10);
  });

  it('without meetings: no overdue column figures', () => {
    const rows = leaderTable(assessRegister(r).statuses);
    expect(rows.map((x) => [x.leader, x.red, x.yellow, x.overdueDecisions])).toEqual([
      ['张三', 1, 1, null],
      ['李四', 1, 0, null],
      ['王五', 0, 0, null],
      [NO_LEADER, 0, 0, null],
    ]);
  });
});
