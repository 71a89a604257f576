// The TUI assesses the register on its as_of with the meetings held by then, as check, lagging and
// the bulletin do (src/domain/assess-on-day.ts). It used to pass every meeting in the folder: a
// decision taken at a meeting after as_of, with a time limit before as_of, turned a green project
// red on the screens while `check --meetings` and the bulletin left it green.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { leaderTable } from '../../src/domain/leaders.js';
import { copyFixtures, loadReady, sessionIn } from './sessions.js';

let dir: string;
beforeEach(() => {
  dir = copyFixtures('diaodu-session-day-', []);
  // held on 10月8日, after the register's as_of (9月30日); the time limit it set is before as_of
  fs.writeFileSync(
    path.join(dir, 'meetings', '2021-10-08-周调度.yaml'),
    [
      'meeting:',
      '  date: 2021-10-08',
      '  kind: 周调度',
      '  present: [区住建局]',
      '  absent: []',
      '  attending: []',
      '  register: ../register.yaml',
      '  as_of: 2021-09-30',
      '  closed: true',
      'items:',
      '  - project: CS-002',
      '    decisions:',
      '      - id: 2021-10-08-01',
      '        text: 补报供热管网验收资料',
      '        unit: 区住建局',
      '        due: 2021-09-28',
      'followups: []',
      '',
    ].join('\n'),
  );
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

it('leaves out decisions taken at meetings after the register’s as_of', () => {
  const data = loadReady(sessionIn(dir, { today: '2021-10-10' }));
  expect(data.meetings).toHaveLength(1);
  // CS-002: 5000 of 8000 (62.5%) against 9/12 (75.0%) is 12.5 points behind: yellow, no decision flag
  const s = data.assessment.statuses.find((x) => x.project.id === 'CS-002');
  expect(s?.light).toBe('黄');
  expect(s?.flags.map((f) => f.kind)).not.toContain('decision');
  // the 包联领导 screen counts no overdue decision for 张建国 on as_of
  const leader = leaderTable(data.assessment.statuses, data.ledgerAsOf).find((r) => r.leader === '张建国');
  expect(leader?.overdueDecisions).toBe(0);
  // today's ledger (督办) still has the decision, overdue on 10月10日
  expect(data.ledgerToday.map((e) => [e.decision.id, e.state])).toEqual([['2021-10-08-01', 'overdue']]);
});
