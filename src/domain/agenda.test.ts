import { describe, expect, it } from 'vitest';
import { buildAgenda, followupsToHear } from './agenda.js';
import { assessRegister } from './lag-rules.js';
import { buildLedger } from './ledger.js';
import type { Followup, Meeting } from './types.js';
import { closedMeeting, itemOf, makeRegister, projectsById } from '../../test/support/registers.js';

const project = projectsById({ unit: '区发改局', totalInvestment: 0, annualPlan: 1000, completedYear: 1000 });

const meeting = (
  date: string,
  ds: { id: string; project: string; due: string }[],
  fus: Followup[] = [],
): Meeting =>
  closedMeeting(
    date,
    ds.map((d) => itemOf(d.project, [{ id: d.id, text: d.id, unit: '区发改局', due: d.due }])),
    fus,
  );

// as_of 2021-11-12, month mode: 10/12 = 83.3%
const register = makeRegister(
  [
    project('G1'), // green, decision due within a week
    project('Y1', { completedYear: 650 }), // yellow (18.3 points)
    project('R1', { stage: '停工' }), // red
    project('G2'), // green, decision due on the horizon
    project('Y2', { completedYear: 600 }), // yellow (23.3 points), also has a decision due
    project('G3'), // green, decision due after the horizon
    project('G4'), // green, decision due soon but already done
    project('R2', { completedYear: 300 }), // red (53.3 points)
    project('G5'), // green, decision due earlier than G1's
  ],
  { asOf: '2021-11-12' },
);

const meetings = [
  meeting('2021-11-08', [
    { id: 'a', project: 'G1', due: '2021-11-19' },
    { id: 'b', project: 'G2', due: '2021-11-22' }, // day + 7 exactly
    { id: 'c', project: 'G3', due: '2021-11-23' }, // day + 8
    { id: 'd', project: 'Y2', due: '2021-11-16' },
    { id: 'e', project: 'G4', due: '2021-11-16' },
    { id: 'f', project: 'G5', due: '2021-11-10' }, // already overdue
    { id: 'g', project: 'NOT-IN-REGISTER', due: '2021-11-16' },
  ]),
  meeting(
    '2021-11-15',
    [{ id: 'h', project: 'G3', due: '2021-11-30' }],
    [{ decision: 'e', status: '已落实' }],
  ),
];

describe('buildAgenda', () => {
  it('red, then yellow, then projects with open decisions due within a week', () => {
    const day = '2021-11-15';
    const agenda = buildAgenda(assessRegister(register), buildLedger(meetings, day), day);
    expect(agenda).toEqual([
      { projectId: 'R2', reason: 'red' }, // one red flag each; R2 has the larger gap
      { projectId: 'R1', reason: 'red' },
      { projectId: 'Y2', reason: 'yellow' },
      { projectId: 'Y1', reason: 'yellow' },
      { projectId: 'G5', reason: 'decisions-due' }, // due 11-10 (overdue)
      { projectId: 'G1', reason: 'decisions-due' }, // due 11-19
      { projectId: 'G2', reason: 'decisions-due' }, // due 11-22 = day + 7
    ]);
  });

  it('the horizon can be changed; each project appears once', () => {
    const day = '2021-11-15';
    const agenda = buildAgenda(assessRegister(register), buildLedger(meetings, day), day, 8);
    expect(agenda.map((e) => e.projectId)).toEqual(['R2', 'R1', 'Y2', 'Y1', 'G5', 'G1', 'G2', 'G3']);
    expect(new Set(agenda.map((e) => e.projectId)).size).toBe(agenda.length);
  });

  it('with no ledger only lagging projects are on the agenda', () => {
    expect(buildAgenda(assessRegister(register), [], '2021-11-15').map((e) => e.reason)).toEqual([
      'red',
      'red',
      'yellow',
      'yellow',
    ]);
  });
});

describe('followupsToHear', () => {
  it('earlier open decisions, overdue first, then by due; not done, dropped or taken today', () => {
    const day = '2021-11-15';
    const withDrop = [...meetings];
    withDrop[1] = {
      ...meetings[1]!,
      followups: [
        { decision: 'e', status: '已落实' },
        { decision: 'a', status: '撤销' },
        { decision: 'b', status: '推进中' },
      ],
    };
    const heard = followupsToHear(buildLedger(withDrop, day), day);
    // f overdue 5 days; then open by due: d, g (11-16, by id), b (11-22), c (11-23); h taken today
    expect(heard.map((e) => [e.decision.id, e.state])).toEqual([
      ['f', 'overdue'],
      ['d', 'open'],
      ['g', 'open'],
      ['b', 'open'],
      ['c', 'open'],
    ]);
  });
});
