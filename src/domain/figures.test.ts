import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  areaRanking,
  competitionRanks,
  completionRate,
  decisionFigures,
  formatPercent,
  formatPoints,
  isStarted,
  NO_AREA,
  pointsGap,
  problemFigures,
  redBlackList,
  registerFigures,
  roundTo,
  unitRanking,
  type RankingRow,
} from './figures.js';
import { assessRegister } from './lag-rules.js';
import { buildLedger } from './ledger.js';
import { type Meeting, type Nature, type Project, type Register, type Stage } from './types.js';
import { closedMeeting, itemOf, makeRegister, numberedProjects } from '../../test/support/registers.js';

const project = numberedProjects({ unit: '区发改局', totalInvestment: 0, annualPlan: 0, completedYear: 0 });
const register = (projects: Project[], asOf = '2021-10-31'): Register => makeRegister(projects, { asOf });

const figuresOf = (r: Register) => registerFigures(r, assessRegister(r).statuses);

describe('number formatting', () => {
  it('one decimal, half away from zero, binary noise ignored', () => {
    expect(formatPercent(161 / 171)).toBe('94.2%');
    expect(formatPercent(0.35)).toBe('35.0%');
    expect(formatPercent(10 / 12)).toBe('83.3%');
    expect(formatPercent(0.9415)).toBe('94.2%'); // 94.15 is 94.14999… in binary
    expect(formatPercent(0)).toBe('0.0%');
    expect(formatPercent(1)).toBe('100.0%');
    expect(formatPercent(1.234)).toBe('123.4%');
    expect(formatPercent(-0.0004)).toBe('0.0%');
    expect(formatPercent(-0.05)).toBe('-5.0%');
    expect(formatPoints(48.333)).toBe('48.3');
    expect(formatPoints(-7.35)).toBe('7.4');
    expect(formatPoints(0.05)).toBe('0.1');
    expect(roundTo(2.675, 2)).toBe(2.68);
    expect(roundTo(-2.5, 0)).toBe(-3);
  });
  it('completion rate and gap', () => {
    expect(completionRate(740, 1000)).toBe(0.74);
    expect(completionRate(100, 0)).toBeNull();
    expect(pointsGap(0.5, 0.4)).toBe(10);
    expect(pointsGap(8 / 12, 0.74)).toBeCloseTo(-7.333333333, 8);
  });
  it('started stages', () => {
    expect((['前期', '在建', '竣工', '投产', '停工'] as Stage[]).map(isStarted)).toEqual([
      false,
      true,
      true,
      true,
      false,
    ]);
  });
});

describe('registerFigures', () => {
  it('开复工率 counts 新建 and 续建 started over all projects; 新开工率 over 新建', () => {
    const r = register([
      project({ nature: '新建', stage: '在建' }),
      project({ nature: '新建', stage: '竣工' }),
      project({ nature: '新建', stage: '前期' }),
      project({ nature: '续建', stage: '投产' }),
      project({ nature: '续建', stage: '停工' }),
      project({ nature: '前期', stage: '前期' }),
    ]);
    const f = figuresOf(r);
    expect(f.projectCount).toBe(6);
    expect(f.newTotal).toBe(3);
    expect(f.newStarted).toBe(2);
    expect(f.continuingTotal).toBe(2);
    expect(f.continuingStarted).toBe(1);
    expect(f.started).toBe(3);
    expect(f.startRate).toBe(0.5); // 3 ÷ 6: the 前期 project counts in the denominator
    expect(f.newStartRate).toBe(2 / 3);
    expect(f.byNature).toEqual({ 新建: 3, 续建: 2, 前期: 1 });
    expect(f.byStage).toEqual({ 前期: 2, 在建: 1, 竣工: 1, 投产: 1, 停工: 1 });
  });

  it('a 前期-nature project is never counted as started, whatever its stage', () => {
    const f = figuresOf(register([project({ nature: '前期', stage: '在建' }), project({ nature: '新建' })]));
    expect(f.started).toBe(1);
    expect(f.startRate).toBe(0.5);
  });

  it('平鲁区: 171 projects, 161 started → 94.2%', () => {
    const projects = [
      ...Array.from({ length: 100 }, () => project({ nature: '续建', stage: '在建' })),
      ...Array.from({ length: 61 }, () => project({ nature: '新建', stage: '在建' })),
      ...Array.from({ length: 10 }, () => project({ nature: '新建', stage: '前期' })),
    ];
    const f = figuresOf(register(projects));
    expect(f.started).toBe(161);
    expect(f.projectCount).toBe(171);
    expect(formatPercent(f.startRate ?? NaN)).toBe('94.2%');
    expect(formatPercent(f.newStartRate ?? NaN)).toBe('85.9%'); // 61 ÷ 71 = 85.915…%
  });

  it('totals, total completion rate, gap and lights', () => {
    const r = register([
      project({ totalInvestment: 50000, annualPlan: 30000, completedYear: 28000, completedMonth: 3000 }),
      project({ totalInvestment: 20000, annualPlan: 10000, completedYear: 2000, stage: '停工' }),
      project({ totalInvestment: 5000, annualPlan: 0, completedYear: 0 }),
    ]);
    const f = figuresOf(r);
    expect(f.totals).toEqual({
      totalInvestment: 75000,
      annualPlan: 40000,
      completedYear: 30000,
      completedMonth: 3000,
    });
    expect(f.completionRate).toBe(0.75);
    expect(f.timeProgress).toBe(10 / 12);
    expect(f.gap).toBeCloseTo(8.333333333, 8);
    // P1: 93.3% green; P2: 20% and 停工 red; P3: no plan, green
    expect(f.lights).toEqual({ 红: 1, 黄: 0, 绿: 2 });
    expect(f.lagging).toBe(1);
  });

  it('an empty register has no rates', () => {
    const f = figuresOf(register([]));
    expect(f.startRate).toBeNull();
    expect(f.newStartRate).toBeNull();
    expect(f.completionRate).toBeNull();
    expect(f.gap).toBeNull();
  });

  it('property: rates stay within bounds', () => {
    const arb = fc.array(
      fc.record({
        nature: fc.constantFrom<Nature>('新建', '续建', '前期'),
        stage: fc.constantFrom<Stage>('前期', '在建', '竣工', '投产', '停工'),
        annualPlan: fc.integer({ min: 0, max: 100000 }),
        completedYear: fc.integer({ min: 0, max: 100000 }),
        unit: fc.constantFrom('甲', '乙', '丙'),
      }),
      { maxLength: 40 },
    );
    fc.assert(
      fc.property(arb, (rows) => {
        const r = register(rows.map((x) => project(x)));
        const a = assessRegister(r);
        const f = registerFigures(r, a.statuses);
        for (const rate of [f.startRate, f.newStartRate]) {
          if (rate !== null) {
            expect(rate).toBeGreaterThanOrEqual(0);
            expect(rate).toBeLessThanOrEqual(1);
          }
        }
        expect(f.started).toBeLessThanOrEqual(f.projectCount);
        expect(f.lights.红 + f.lights.黄 + f.lights.绿).toBe(f.projectCount);
        if (f.completionRate !== null) expect(f.completionRate).toBeGreaterThanOrEqual(0);
        const units = unitRanking(a.statuses);
        const shares = units.reduce((s, u) => s + (u.share ?? 0), 0);
        if (f.totals.annualPlan > 0) expect(shares).toBeCloseTo(1, 9);
        expect(units.reduce((s, u) => s + u.projectCount, 0)).toBe(f.projectCount);
        for (const u of units) {
          expect(u.rateRank).toBeGreaterThanOrEqual(1);
          expect(u.rateRank).toBeLessThanOrEqual(units.length);
          expect(u.completedRank).toBeGreaterThanOrEqual(1);
          expect(u.completedRank).toBeLessThanOrEqual(units.length);
        }
      }),
    );
  });
});

describe('rankings', () => {
  it('competition ranks: ties share a rank, the next rank skips; nulls last together', () => {
    expect(competitionRanks([5, 7, 7, 3])).toEqual([3, 1, 1, 4]);
    expect(competitionRanks([0.8, null, 0.5, null, 0.8])).toEqual([1, 4, 3, 4, 1]);
    expect(competitionRanks([0.1 + 0.2, 0.3])).toEqual([1, 1]);
    expect(competitionRanks([])).toEqual([]);
  });

  const statuses = () => {
    const r = register([
      project({ unit: 'A', annualPlan: 1000, completedYear: 800 }), // 80%
      project({ unit: 'B', annualPlan: 1500, completedYear: 1200 }),
      project({ unit: 'B', annualPlan: 500, completedYear: 400 }), // B: 1600 / 2000 = 80%
      project({ unit: 'C', annualPlan: 1000, completedYear: 500 }), // 50%
      project({ unit: 'D', annualPlan: 0, completedYear: 100 }), // no rate
      project({ unit: 'E', annualPlan: 0, completedYear: 0 }), // no rate
      project({ unit: 'F', annualPlan: 4000, completedYear: 800 }), // 20%
    ]);
    return assessRegister(r).statuses;
  };

  it('unitRanking: the bulletin table with ties and units without a plan', () => {
    const rows = unitRanking(statuses());
    expect(
      rows.map((r) => [
        r.name,
        r.projectCount,
        r.annualPlan,
        r.share,
        r.completedYear,
        r.completedRank,
        r.rateRank,
      ]),
    ).toEqual([
      ['B', 2, 2000, 0.25, 1600, 1, 1],
      ['A', 1, 1000, 0.125, 800, 2, 1],
      ['C', 1, 1000, 0.125, 500, 4, 3],
      ['F', 1, 4000, 0.5, 800, 2, 4],
      ['D', 1, 0, 0, 100, 5, 5],
      ['E', 1, 0, 0, 0, 6, 5],
    ]);
    expect(rows.map((r) => r.completionRate)).toEqual([0.8, 0.8, 0.5, 0.2, null, null]);
    expect(rows[0]?.projectIds).toHaveLength(2);
    // as_of 2021-10-31: 83.3%; C (50%, 33.3 points behind) and F (20%) are red; A and B (80%) green
    expect(rows.map((r) => r.lights.红)).toEqual([0, 0, 1, 1, 0, 0]);
  });

  it('红黑榜: best at or above time progress, worst below; ties kept together', () => {
    const rows = unitRanking(statuses());
    const at60 = redBlackList(rows, 0.6);
    expect(at60.red.map((r) => r.name)).toEqual(['B', 'A']);
    expect(at60.black.map((r) => r.name)).toEqual(['F', 'C']);
    // size 1: A ties B, so both are on 红榜
    const one = redBlackList(rows, 0.6, 1);
    expect(one.red.map((r) => r.name)).toEqual(['B', 'A']);
    expect(one.black.map((r) => r.name)).toEqual(['F']);
  });

  it('a unit exactly at time progress is on 红榜, never on 黑榜; just below it is on 黑榜', () => {
    const rows = unitRanking(statuses());
    const at50 = redBlackList(rows, 0.5); // C completed exactly 50%
    expect(at50.red.map((r) => r.name)).toEqual(['B', 'A', 'C']);
    expect(at50.black.map((r) => r.name)).toEqual(['F']);
    const above = redBlackList(rows, 0.5001);
    expect(above.red.map((r) => r.name)).toEqual(['B', 'A']);
    expect(above.black.map((r) => r.name)).toEqual(['F', 'C']);
    // 10/12 reached exactly by 1000 of 1200
    const exact = unitRanking(
      assessRegister(register([project({ unit: 'X', annualPlan: 1200, completedYear: 1000 })])).statuses,
    );
    expect(redBlackList(exact, 10 / 12)).toMatchObject({ red: [{ name: 'X' }], black: [] });
  });

  it('all units behind: 红榜 is empty and 黑榜 takes the bottom three (and ties)', () => {
    const rows = unitRanking(statuses());
    const l = redBlackList(rows, 0.95);
    expect(l.red).toEqual([]);
    // A and B tie at 80% for third place: both are taken
    expect(l.black.map((r) => r.name)).toEqual(['F', 'C', 'A', 'B']);
  });

  it('property: 黑榜 units are below time progress, 红榜 units at or above it, never both', () => {
    const arbRows = fc.array(
      fc.record({ plan: fc.integer({ min: 0, max: 1000 }), done: fc.integer({ min: 0, max: 1200 }) }),
      { maxLength: 12 },
    );
    fc.assert(
      fc.property(
        arbRows,
        fc.integer({ min: 0, max: 24 }),
        fc.integer({ min: 0, max: 5 }),
        (xs, half, size) => {
          const tp = half / 24;
          const rows = unitRanking(
            assessRegister(
              register(
                xs.map((x, i) => project({ unit: `U${i}`, annualPlan: x.plan, completedYear: x.done })),
              ),
            ).statuses,
          );
          const { red, black } = redBlackList(rows, tp, size);
          for (const r of black) expect((r.completionRate ?? Infinity) < tp).toBe(true);
          for (const r of red) expect((r.completionRate ?? -Infinity) >= tp - 1e-12).toBe(true);
          const redNames = new Set(red.map((r) => r.name));
          expect(black.some((r) => redNames.has(r.name))).toBe(false);
          const met = rows.filter(
            (r: RankingRow) => r.completionRate !== null && r.completionRate >= tp - 1e-12,
          );
          expect(red.length).toBeGreaterThanOrEqual(Math.min(size, met.length));
          // nobody better than the weakest on 红榜 is left out
          const weakest = Math.min(...red.map((r) => r.completionRate ?? 0));
          for (const r of met) if ((r.completionRate ?? 0) > weakest) expect(redNames.has(r.name)).toBe(true);
        },
      ),
    );
  });

  it('areaRanking: [] without areas; projects without an area grouped together', () => {
    expect(areaRanking(statuses())).toEqual([]);
    const r = register([
      project({ area: '北坪循环经济园区', annualPlan: 100, completedYear: 90 }),
      project({ annualPlan: 100, completedYear: 50 }),
      project({ area: '北坪循环经济园区', annualPlan: 100, completedYear: 70 }),
    ]);
    const rows = areaRanking(assessRegister(r).statuses);
    expect(rows.map((x) => [x.name, x.projectCount, x.completionRate, x.rateRank])).toEqual([
      ['北坪循环经济园区', 2, 0.8, 1],
      [NO_AREA, 1, 0.5, 2],
    ]);
  });
});

describe('problem and decision figures', () => {
  it('counts problems raised, resolved, open and overdue on the day', () => {
    const projects = [
      project({
        unit: '区发改局',
        problems: [
          {
            id: 'a',
            text: '甲',
            unit: '区交通局',
            raised: '2021-09-01',
            due: '2021-10-30',
            resolved: '2021-10-20',
          },
          { id: 'b', text: '乙', unit: '区交通局', raised: '2021-09-01', due: '2021-10-30' }, // overdue
          { id: 'c', text: '丙', raised: '2021-10-01', due: '2021-10-31' }, // due on the day: open, not overdue
          { id: 'd', text: '丁', raised: '2021-11-05' }, // raised after the day: not counted
          { id: 'e', text: '戊', due: '2021-10-01', resolved: '2021-11-03' }, // resolved after the day: overdue
        ],
      }),
    ];
    const f = problemFigures(projects, '2021-10-31');
    expect({ ...f, byUnit: undefined }).toEqual({
      raised: 4,
      resolved: 1,
      open: 3,
      overdue: 2,
      resolvedRate: 0.25,
      byUnit: undefined,
    });
    expect(f.byUnit).toEqual([
      { unit: '区交通局', raised: 2, resolved: 1, open: 1, overdue: 1, resolvedRate: 0.5 },
      { unit: '区发改局', raised: 2, resolved: 0, open: 2, overdue: 1, resolvedRate: 0 },
    ]);
  });

  it('decision figures: due by the day, done on time, overdue, on-time rate', () => {
    const m = (
      date: string,
      ds: { id: string; due: string; unit: string }[],
      fus: Meeting['followups'] = [],
    ) =>
      closedMeeting(
        date,
        [
          itemOf(
            'P',
            ds.map((d) => ({ ...d, text: d.id })),
          ),
        ],
        fus,
      );
    const meetings = [
      m('2021-10-11', [
        { id: 'a', due: '2021-10-20', unit: '甲' },
        { id: 'b', due: '2021-10-20', unit: '甲' },
        { id: 'c', due: '2021-10-25', unit: '乙' },
        { id: 'd', due: '2021-11-30', unit: '乙' },
      ]),
      m(
        '2021-10-18',
        [{ id: 'e', due: '2021-11-05', unit: '甲' }],
        [
          { decision: 'a', status: '已落实' },
          { decision: 'd', status: '已落实' },
        ],
      ),
      m('2021-10-25', [], [{ decision: 'b', status: '推进中' }]),
      m('2021-10-29', [], [{ decision: 'b', status: '已落实' }]),
      m('2021-11-08', [{ id: 'f', due: '2021-11-12', unit: '甲' }]),
    ];
    const day = '2021-10-31';
    const f = decisionFigures(buildLedger(meetings, day), day);
    // a: done on time; b: still 推进中 at 10-25, the first meeting from its due date, done 10-29: late; c: overdue 6 days; d: done early; e: open; f: later meeting
    expect(f.summary).toEqual({ total: 5, open: 1, overdue: 1, done: 3, dropped: 0, doneOnTime: 2 });
    expect(f.due).toBe(3); // a, b, c
    expect(f.doneOnTime).toBe(1); // a (d is done on time but not yet due)
    expect(f.onTimeRate).toBe(1 / 3);
    expect(
      f.byUnit.map((u) => [u.unit, u.taken, u.due, u.done, u.doneOnTime, u.overdue, u.onTimeRate]),
    ).toEqual([
      ['甲', 3, 2, 2, 1, 0, 0.5],
      ['乙', 2, 1, 1, 0, 1, 0],
    ]);
  });
});
