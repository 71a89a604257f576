// The meeting file's additions for issue 11: `general:` (综合事项, decisions tied to no project, ids
// in the same sequence), per item `status: 已讨论|跳过` and `seconds:`; old files stay valid. The
// ledger, the agenda rule, `items` and the follow-ups take general decisions like the others.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildAgenda, followupsToHear } from '../../src/domain/agenda.js';
import { buildLedger } from '../../src/domain/ledger.js';
import { MeetingDocument, droppedByHandEdit } from '../../src/store/meeting-document.js';
import { loadMeetingsWithWarnings, parseMeetingText } from '../../src/store/meeting-read.js';
import { runItems } from '../../src/commands/items.js';
import { expectAt, inputErrors } from '../store/helpers.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'diaodu-agenda-format-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const MEETING = `meeting:
  date: 2021-10-08
  kind: 周调度
  closed: true
items:
  - project: CS-001
    discussed: true
    status: 跳过
    seconds: 95
    decisions:
      - text: 督促企业增加作业面
        unit: 区发改局
        due: 2021-10-15
  - project: CS-002
    status: 已讨论
    decisions: []
general:
  - text: 各责任单位周五前报送投资统计数据
    unit: 区发改局
    due: 2021-10-15
  - id: 2021-10-08-07
    text: 区项目推进中心牵头开展重点项目督查
    unit: 区项目推进中心
    owner: 李华
    due: 2021-10-31
followups: []
`;

describe('reading general:, status: and seconds:', () => {
  it('reads them; ids left out are numbered on after the items’ decisions', () => {
    const { meeting, warnings } = parseMeetingText(MEETING, 'm.yaml');
    expect(warnings).toEqual([]);
    expect(meeting.items.map((i) => [i.project, i.status, i.discussed, i.seconds])).toEqual([
      ['CS-001', '跳过', false, 95],
      ['CS-002', '已讨论', true, undefined],
    ]);
    expect(meeting.general).toEqual([
      { id: '2021-10-08-02', text: '各责任单位周五前报送投资统计数据', unit: '区发改局', due: '2021-10-15' },
      {
        id: '2021-10-08-07',
        text: '区项目推进中心牵头开展重点项目督查',
        unit: '区项目推进中心',
        owner: '李华',
        due: '2021-10-31',
      },
    ]);
    // the document's own reading agrees (one reader: meeting-read.ts meetingFromDocument)
    expect(
      MeetingDocument.fromText(MEETING, 'm.yaml')
        .toMeeting()
        .general?.map((d) => d.id),
    ).toEqual(['2021-10-08-02', '2021-10-08-07']);
  });

  it('names a bad status, bad seconds and a general decision without unit by line and column', () => {
    const bad = MEETING.replace('status: 跳过', 'status: 讨论过')
      .replace('seconds: 95', 'seconds: -3')
      .replace('    unit: 区发改局\n    due: 2021-10-15\n  - id', '    due: 2021-10-15\n  - id');
    const errors = inputErrors(() => parseMeetingText(bad, 'm.yaml'));
    expectAt(errors, 8, 13, '会上状态', '已讨论、跳过');
    expectAt(errors, 9, 14, 'seconds', '不能为负数');
    expectAt(errors, 18, 5, '2021-10-08-02', '缺少必填的“unit”');
  });

  it('keeps old files valid: no general:, no status:, no seconds:', () => {
    const old = MEETING.replace(/\n {4}status: .+/g, '')
      .replace('    seconds: 95\n', '')
      .replace(/general:\n[\s\S]*followups/, 'followups');
    const { meeting } = parseMeetingText(old, 'm.yaml');
    expect(meeting.general).toBeUndefined();
    expect(meeting.items.map((i) => [i.status, i.discussed, i.seconds])).toEqual([
      [undefined, true, undefined],
      [undefined, undefined, undefined],
    ]);
  });
});

describe('writing them (MeetingDocument)', () => {
  const header = { date: '2021-10-08', kind: '周调度' as const };

  it('adds general decisions in the meeting’s id sequence, under general: before followups:', () => {
    const doc = MeetingDocument.create(path.join(tmp, 'a.yaml'), header, { takenIds: ['2021-10-08-01'] });
    doc.addItem('CS-001');
    const a = doc.addDecision('CS-001', { text: '甲', unit: '区发改局', due: '2021-10-15' });
    const g = doc.addGeneralDecision({ text: '乙', unit: '区住建局', due: '2021-10-20', owner: '王强' });
    const b = doc.addDecision('CS-001', { text: '丙', unit: '区发改局', due: '2021-10-15' });
    expect([a.id, g.id, b.id]).toEqual(['2021-10-08-02', '2021-10-08-03', '2021-10-08-04']);
    const text = doc.toString();
    expect(text).toContain(
      'general:\n  - id: 2021-10-08-03\n    text: 乙\n    unit: 区住建局\n    owner: 王强\n    due: 2021-10-20\nfollowups: []\n',
    );
    // a deletion and its undo put the decision back where it was, with its id
    doc.deleteDecision('2021-10-08-03');
    expect(doc.toMeeting().general).toBeUndefined();
    doc.restoreDecision(null, g, 0);
    expect(doc.toString()).toBe(text);
    doc.deleteDecision(a.id);
    doc.restoreDecision('CS-001', a, 0);
    expect(doc.toString()).toBe(text);
    expect(() => doc.restoreDecision('CS-001', a, 0)).toThrow('已存在');
    // a hand edit that drops a general decision is named
    expect(droppedByHandEdit('a.yaml', text, text.replace(/general:[\s\S]*followups/, 'followups'))).toEqual([
      '综合事项 2021-10-08-03（乙）',
    ]);
  });

  it('writes status: and sums seconds:, in the docs/formats.md key order', () => {
    const doc = MeetingDocument.create(path.join(tmp, 'b.yaml'), header);
    doc.addItem('CS-001');
    doc.setItemDiscussed('CS-001');
    doc.setItemStatus('CS-001', '跳过');
    doc.addItemSeconds('CS-001', 61.4);
    doc.addItemSeconds('CS-001', 30);
    expect(doc.toString()).toContain(
      '  - project: CS-001\n    discussed: true\n    status: 跳过\n    seconds: 91\n    decisions: []\n',
    );
    expect(doc.toMeeting().items[0]).toMatchObject({ status: '跳过', discussed: false, seconds: 91 });
    doc.setItemStatus('CS-001', undefined);
    expect(doc.toMeeting().items[0]).toMatchObject({ discussed: true });
    expect(doc.toString()).not.toContain('status:');
  });
});

describe('general decisions in the ledger, the agenda, the follow-ups and items', () => {
  const dir = path.join(tmp, 'meetings');
  fs.mkdirSync(dir);
  fs.writeFileSync(path.join(dir, '2021-10-08-周调度.yaml'), MEETING);
  fs.writeFileSync(
    path.join(dir, '2021-10-15-周调度.yaml'),
    'meeting:\n  date: 2021-10-15\n  kind: 周调度\n  closed: true\nitems: []\nfollowups:\n  - decision: 2021-10-08-02\n    status: 已落实\n',
  );

  it('are ledger entries with project 综合事项, followed up like the others, never put on the agenda', () => {
    const { meetings, warnings } = loadMeetingsWithWarnings(dir, { cache: false });
    expect(warnings).toEqual([]);
    const ledger = buildLedger(meetings, '2021-10-20');
    expect(ledger.map((e) => [e.decision.id, e.project, e.general ?? false, e.state])).toEqual([
      ['2021-10-08-01', 'CS-001', false, 'overdue'],
      ['2021-10-08-02', '综合事项', true, 'done'],
      ['2021-10-08-07', '综合事项', true, 'open'],
    ]);
    expect(
      followupsToHear(buildLedger(meetings, '2021-10-14'), '2021-10-15').map((e) => e.decision.id),
    ).toEqual(['2021-10-08-01', '2021-10-08-02', '2021-10-08-07']);
    // even a register project that happened to be called 综合事项 does not take them onto the agenda
    const assessment = { lagging: [], statuses: [{ project: { id: '综合事项' }, light: '绿' }] };
    expect(buildAgenda(assessment as never, buildLedger(meetings, '2021-10-25'), '2021-10-25')).toEqual([]);
  });

  it('are listed by items as 综合事项', async () => {
    const result = await runItems(
      { meetings: dir, date: '2021-10-20', project: '综合事项' },
      { cwd: tmp, today: () => '2021-10-20' },
    );
    expect(result.stdout).toContain('1. 综合事项：区项目推进中心牵头开展重点项目督查\n');
    expect(result.stdout).toContain('1. 综合事项：各责任单位周五前报送投资统计数据\n');
  });
});
