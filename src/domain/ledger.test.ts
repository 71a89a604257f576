import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildLedger,
  filterLedger,
  indexLedgerByProject,
  isOpenState,
  ledgerSummary,
  openEntries,
  sortLedger,
  takenBy,
  unitDecisionFigures,
} from './ledger.js';
import type { Followup, FollowupStatus, LedgerEntry, Meeting } from './types.js';
import { closedMeeting, itemOf } from '../../test/support/registers.js';

interface D {
  id: string;
  project: string;
  due: string;
  unit?: string;
}

function meeting(date: string, decisions: D[], followups: Followup[] = [], file?: string): Meeting {
  const items = decisions.map((d) =>
    itemOf(d.project, [{ id: d.id, text: `事项${d.id}`, unit: d.unit ?? '区发改局', due: d.due }]),
  );
  return { ...closedMeeting(date, items, followups), ...(file ? { file } : {}) };
}

const fu = (decision: string, status: FollowupStatus, date?: string): Followup => ({
  decision,
  status,
  ...(date ? { date } : {}),
});

const m1 = meeting(
  '2021-11-08',
  [
    { id: 'D1', project: 'P-1', due: '2021-11-15' },
    { id: 'D2', project: 'P-2', due: '2021-11-12', unit: '区交通局' },
    { id: 'D3', project: 'P-1', due: '2021-11-30' },
  ],
  [],
  '/m/2021-11-08.yaml',
);
const m2 = meeting(
  '2021-11-15',
  [{ id: 'D4', project: 'P-3', due: '2021-11-22' }],
  [fu('D1', '已落实'), fu('D2', '推进中'), fu('D3', '撤销')],
);

const byId = (ledger: LedgerEntry[]) => new Map(ledger.map((e) => [e.decision.id, e]));
const summaryOf = (e: LedgerEntry | undefined) =>
  e && { state: e.state, daysOverdue: e.daysOverdue, doneOnTime: e.doneOnTime, status: e.latest?.status };

describe('buildLedger', () => {
  it('takes the latest follow-up and computes states on the meeting day', () => {
    const l = byId(buildLedger([m1, m2], '2021-11-15'));
    expect(summaryOf(l.get('D1'))).toEqual({
      state: 'done',
      daysOverdue: 0,
      doneOnTime: true,
      status: '已落实',
    });
    // 推进中 and due 11-12 < 11-15: overdue by 3 days
    expect(summaryOf(l.get('D2'))).toEqual({
      state: 'overdue',
      daysOverdue: 3,
      doneOnTime: false,
      status: '推进中',
    });
    expect(summaryOf(l.get('D3'))).toEqual({
      state: 'dropped',
      daysOverdue: 0,
      doneOnTime: false,
      status: '撤销',
    });
    expect(summaryOf(l.get('D4'))).toEqual({
      state: 'open',
      daysOverdue: 0,
      doneOnTime: false,
      status: undefined,
    });
    expect(l.get('D1')?.latest).toEqual({ decision: 'D1', status: '已落实', heardOn: '2021-11-15' });
    expect(l.get('D1')).toMatchObject({
      project: 'P-1',
      meetingDate: '2021-11-08',
      meetingFile: '/m/2021-11-08.yaml',
    });
  });

  it('due today is not overdue; due yesterday is', () => {
    const only = [meeting('2021-11-08', [{ id: 'D1', project: 'P-1', due: '2021-11-15' }])];
    expect(buildLedger(only, '2021-11-15')[0]).toMatchObject({ state: 'open', daysOverdue: 0 });
    expect(buildLedger(only, '2021-11-16')[0]).toMatchObject({ state: 'overdue', daysOverdue: 1 });
  });

  it('a follow-up heard after the day does not count on that day', () => {
    const l = byId(buildLedger([m1, m2], '2021-11-14'));
    expect(l.get('D1')?.state).toBe('open');
    expect(l.get('D1')?.latest).toBeUndefined();
    expect(l.get('D2')).toMatchObject({ state: 'overdue', daysOverdue: 2 });
    expect(l.get('D3')?.state).toBe('open');
    // a decision of a later meeting is kept, but is not "taken" on the day
    expect(l.get('D4')?.state).toBe('open');
    expect(takenBy([...l.values()], '2021-11-14').map((e) => e.decision.id)).toEqual(['D1', 'D2', 'D3']);
  });

  it('done through a later meeting: late when heard after the time limit', () => {
    const m3 = meeting('2021-11-22', [], [fu('D2', '已落实')]);
    const l = byId(buildLedger([m1, m2, m3], '2021-11-22'));
    expect(summaryOf(l.get('D2'))).toEqual({
      state: 'done',
      daysOverdue: 0,
      doneOnTime: false,
      status: '已落实',
    });
  });

  it('a follow-up recorded between meetings counts from its own date', () => {
    // heard 11-12 (on the due day) although recorded with the 11-22 meeting: on time
    const m3 = meeting('2021-11-22', [], [fu('D2', '已落实', '2021-11-12')]);
    const onTime = byId(buildLedger([m1, m3], '2021-11-22')).get('D2');
    expect(summaryOf(onTime)).toEqual({ state: 'done', daysOverdue: 0, doneOnTime: true, status: '已落实' });
    // but the 推进中 heard on 11-15 is later than 11-12, so it is the latest
    const l = byId(buildLedger([m1, m2, m3], '2021-11-22'));
    expect(l.get('D2')).toMatchObject({ state: 'overdue', daysOverdue: 10 });
    // and on 11-11 the 11-12 follow-up was not heard yet
    expect(byId(buildLedger([m1, m3], '2021-11-11')).get('D2')?.state).toBe('open');
  });

  it('ties on the heard date go to the later meeting, then the later position', () => {
    const a = meeting('2021-11-15', [], [fu('D1', '推进中'), fu('D1', '已落实')]);
    expect(byId(buildLedger([m1, a], '2021-11-20')).get('D1')?.state).toBe('done');
    const b = meeting('2021-11-15', [], [fu('D1', '已落实'), fu('D1', '推进中')]);
    expect(byId(buildLedger([m1, b], '2021-11-20')).get('D1')?.state).toBe('overdue');
    const c = meeting('2021-11-15', [], [fu('D1', '撤销')]);
    expect(byId(buildLedger([m1, a, c], '2021-11-20')).get('D1')?.state).toBe('dropped');
    expect(byId(buildLedger([m1, c, a], '2021-11-20')).get('D1')?.state).toBe('done');
  });

  it('ignores a follow-up for an unknown decision and never loses one', () => {
    const stray = meeting('2021-11-15', [], [fu('NOPE', '已落实')]);
    const l = buildLedger([m1, stray], '2021-11-20');
    expect(l.map((e) => e.decision.id)).toEqual(['D1', 'D2', 'D3']);
  });

  it('orders entries by meeting date whatever the input order', () => {
    expect(buildLedger([m2, m1], '2021-11-15').map((e) => e.decision.id)).toEqual(['D1', 'D2', 'D3', 'D4']);
  });

  it('property: one entry per decision, states consistent with the rules', () => {
    const day = fc.integer({ min: 1, max: 28 }).map((d) => `2021-11-${String(d).padStart(2, '0')}`);
    const arbMeeting = fc.record({
      date: day,
      decisions: fc.array(fc.record({ due: day, project: fc.constantFrom('P-1', 'P-2') }), { maxLength: 4 }),
      followups: fc.array(
        fc.record({
          target: fc.nat(20),
          status: fc.constantFrom<FollowupStatus>('已落实', '推进中', '撤销'),
          date: fc.option(day, { nil: undefined }),
        }),
        { maxLength: 4 },
      ),
    });
    fc.assert(
      fc.property(fc.array(arbMeeting, { maxLength: 6 }), day, (ms, today) => {
        let n = 0;
        const meetings = ms.map((m) =>
          meeting(
            m.date,
            m.decisions.map((d) => ({ id: `X${n++}`, project: d.project, due: d.due })),
            m.followups.map((f) => fu(`X${f.target}`, f.status, f.date)),
          ),
        );
        const ledger = buildLedger(meetings, today);
        expect(ledger).toHaveLength(n);
        expect(new Set(ledger.map((e) => e.decision.id)).size).toBe(n);
        for (const e of ledger) {
          if (e.latest) expect(e.latest.heardOn <= today).toBe(true);
          const status = e.latest?.status;
          const expected =
            status === '已落实'
              ? 'done'
              : status === '撤销'
                ? 'dropped'
                : e.decision.due < today
                  ? 'overdue'
                  : 'open';
          expect(e.state).toBe(expected);
          expect(e.daysOverdue > 0).toBe(e.state === 'overdue');
          if (e.doneOnTime) expect(e.state).toBe('done');
        }
        const s = ledgerSummary(ledger);
        expect(s.open + s.overdue + s.done + s.dropped).toBe(n);
      }),
    );
  });
});

describe('ledger helpers', () => {
  const ledger = buildLedger(
    [
      m1,
      meeting('2021-11-10', [
        { id: 'D5', project: 'P-2', due: '2021-11-09' },
        { id: 'D6', project: 'P-3', due: '2021-11-20', unit: '区交通局' },
      ]),
    ],
    '2021-11-16',
  );
  // D1 due 11-15: overdue 1; D2 due 11-12: overdue 4; D3 due 11-30 open; D5 due 11-09 overdue 7; D6 due 11-20 open

  it('sorts overdue first (most days first), then open by due', () => {
    expect(sortLedger(ledger).map((e) => [e.decision.id, e.state, e.daysOverdue])).toEqual([
      ['D5', 'overdue', 7],
      ['D2', 'overdue', 4],
      ['D1', 'overdue', 1],
      ['D6', 'open', 0],
      ['D3', 'open', 0],
    ]);
  });

  it('filters by unit, project and state', () => {
    expect(filterLedger(ledger, { unit: '区交通局' }).map((e) => e.decision.id)).toEqual(['D2', 'D6']);
    expect(filterLedger(ledger, { project: 'P-1' }).map((e) => e.decision.id)).toEqual(['D1', 'D3']);
    expect(filterLedger(ledger, { states: ['open'] }).map((e) => e.decision.id)).toEqual(['D3', 'D6']);
    expect(filterLedger(ledger, { unit: '区交通局', states: ['overdue'] }).map((e) => e.decision.id)).toEqual(
      ['D2'],
    );
    expect(openEntries(ledger)).toHaveLength(5);
    expect([...indexLedgerByProject(ledger).keys()]).toEqual(['P-1', 'P-2', 'P-3']);
    expect(
      indexLedgerByProject(ledger)
        .get('P-2')
        ?.map((e) => e.decision.id),
    ).toEqual(['D2', 'D5']);
    expect(isOpenState('overdue')).toBe(true);
    expect(isOpenState('dropped')).toBe(false);
  });

  it('summarises and computes on-time rates per unit', () => {
    const m3 = meeting(
      '2021-11-22',
      [],
      [fu('D2', '已落实'), fu('D5', '已落实', '2021-11-09'), fu('D3', '撤销')],
    );
    const day = '2021-11-22';
    const l = buildLedger(
      [m1, m2, m3, meeting('2021-11-10', [{ id: 'D5', project: 'P-2', due: '2021-11-09' }])],
      day,
    );
    // D1 done on time (11-15); D2 done late (11-22 > 11-12); D3 dropped; D4 (P-3, due 11-22) open;
    // D5 done on time (heard 11-09).
    expect(ledgerSummary(l)).toEqual({ total: 5, open: 1, overdue: 0, done: 3, dropped: 1, doneOnTime: 2 });
    expect(unitDecisionFigures(l, day)).toEqual([
      // 区发改局: D1, D3, D4, D5 taken; past due on 11-22 and not dropped: D1, D5 (D4 is due that
      // very day and still open: not late yet) → on time D1, D5
      {
        unit: '区发改局',
        taken: 4,
        due: 2,
        done: 2,
        doneOnTime: 2,
        doneLate: 0,
        overdue: 0,
        open: 1,
        dropped: 1,
        onTimeRate: 1,
      },
      {
        unit: '区交通局',
        taken: 1,
        due: 1,
        done: 1,
        doneOnTime: 0,
        // D2 done after its time limit: 超期落实, so due = doneOnTime + doneLate + overdue
        doneLate: 1,
        overdue: 0,
        open: 0,
        dropped: 0,
        onTimeRate: 0,
      },
    ]);
    // on 11-09 only m1 (11-08) was held: nothing due yet, so no rate
    expect(unitDecisionFigures(buildLedger([m1, m2], '2021-11-09'), '2021-11-09')).toEqual([
      {
        unit: '区发改局',
        taken: 2,
        due: 0,
        done: 0,
        doneOnTime: 0,
        doneLate: 0,
        overdue: 0,
        open: 2,
        dropped: 0,
        onTimeRate: null,
      },
      {
        unit: '区交通局',
        taken: 1,
        due: 0,
        done: 0,
        doneOnTime: 0,
        doneLate: 0,
        overdue: 0,
        open: 1,
        dropped: 0,
        onTimeRate: null,
      },
    ]);
  });
});

/** One meeting with one agenda item on project P. */
function oneItemMeeting(
  date: string,
  decisions: Meeting['items'][number]['decisions'],
  followups: Meeting['followups'] = [],
): Meeting {
  return closedMeeting(date, [itemOf('P', decisions)], followups);
}

describe('doneOnTime: reported done at the first meeting from the due date', () => {
  const meeting = oneItemMeeting;
  const d = (id: string, due: string) => ({ id, text: id, unit: '区发改局', due });

  it('counts a Friday task reported done at the next Monday meeting as on time', () => {
    const l = buildLedger(
      [
        meeting('2021-09-06', [d('x', '2021-09-10')]),
        meeting('2021-09-13', [], [{ decision: 'x', status: '已落实' }]),
      ],
      '2021-09-30',
    );
    expect(l[0]?.doneOnTime).toBe(true);
  });

  it('counts it late when a meeting after the due date passed without the report', () => {
    const l = buildLedger(
      [
        meeting('2021-09-06', [d('x', '2021-09-10')]),
        meeting('2021-09-13', []),
        meeting('2021-09-22', [], [{ decision: 'x', status: '已落实' }]),
      ],
      '2021-09-30',
    );
    expect(l[0]?.doneOnTime).toBe(false);
  });

  it('judges a follow-up recorded between meetings by its own date', () => {
    const l = buildLedger(
      [
        meeting('2021-09-06', [d('x', '2021-09-10')]),
        meeting('2021-09-13', [], [{ decision: 'x', status: '已落实', date: '2021-09-11' }]),
      ],
      '2021-09-30',
    );
    expect(l[0]?.doneOnTime).toBe(false);
  });
});

describe('到期 and the on-time rate', () => {
  const meeting = oneItemMeeting;
  const d = (id: string, due: string) => ({ id, text: id, unit: '区水利局', due });

  it('does not count a decision due on the day and still open against the unit', () => {
    const day = '2021-09-30';
    const rows = unitDecisionFigures(buildLedger([meeting('2021-09-22', [d('a', '2021-09-30')])], day), day);
    expect(rows[0]).toMatchObject({ unit: '区水利局', taken: 1, due: 0, open: 1, onTimeRate: null });
  });

  it('counts one due on the day and already done', () => {
    const day = '2021-09-30';
    const rows = unitDecisionFigures(
      buildLedger(
        [
          meeting('2021-09-22', [d('a', '2021-09-30')]),
          meeting('2021-09-27', [], [{ decision: 'a', status: '已落实' }]),
        ],
        day,
      ),
      day,
    );
    expect(rows[0]).toMatchObject({ due: 1, done: 1, doneOnTime: 1, onTimeRate: 1 });
  });
});
