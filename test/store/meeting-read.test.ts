import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  loadMeeting,
  loadMeetings,
  loadMeetingsWithWarnings,
  parseMeetingText,
} from '../../src/store/meeting-read.js';
import { buildLedger } from '../../src/domain/ledger.js';
import { expectAt, fixture, fixtureAbs, inputErrors } from './helpers.js';

const tmp = mkdtempSync(join(tmpdir(), 'diaodu-meetings-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('loadMeetings: a valid folder', () => {
  const meetings = loadMeetings(fixture('meetings', 'valid'));

  it('reads every meeting, sorted by date, with absolute file paths', () => {
    expect(meetings.map((m) => m.meeting.date)).toEqual(['2021-11-08', '2021-11-15']);
    expect(meetings[0]!.file).toBe(fixtureAbs('meetings', 'valid', '2021-11-08-周调度.yaml'));
  });

  it('reads the header, items and decisions exactly', () => {
    expect(meetings[0]).toEqual({
      meeting: {
        date: '2021-11-08',
        kind: '周调度',
        number: 37,
        title: '全区重点项目周调度会',
        chair: '马占文',
        place: '区政府三楼会议室',
        present: ['区发改局', '区自然资源局'],
        absent: [],
        attending: [],
        register: '../../registers/basic.yaml',
        asOf: '2021-10-31',
        closed: true,
      },
      items: [
        {
          project: 'PL-002',
          light: '红',
          reasons: ['年度投资完成率35.0%，低于序时进度（83.3%）48.3个百分点'],
          notes: '企业汇报设备已进场',
          decisions: [
            {
              id: '2021-11-08-01',
              text: '协调落实项目用地指标',
              unit: '区自然资源局',
              owner: '张三',
              due: '2021-11-30',
            },
            // no id in the file: meeting date + sequence in the meeting
            { id: '2021-11-08-02', text: '督促施工单位增加作业面', unit: '区住建局', due: '2021-11-20' },
          ],
        },
      ],
      followups: [],
      file: fixtureAbs('meetings', 'valid', '2021-11-08-周调度.yaml'),
    });
  });

  it('maps traditional spellings, defaults closed to false, reads follow-up dates and multi-line text', () => {
    const m = meetings[1]!;
    expect(m.meeting.kind).toBe('周调度'); // 週調度
    expect(m.meeting.closed).toBe(false);
    expect(m.meeting.present).toEqual([]);
    expect(m.items[0]!.light).toBe('黄'); // 黃
    expect(m.items[0]!.reasons).toEqual([]);
    expect(m.items[0]!.decisions[0]!.text).toBe('加快设备调试\n确保按期投产');
    expect(m.followups).toEqual([
      { decision: '2021-11-08-01', status: '已落实', note: '用地指标已下达' },
      { decision: '2021-11-08-02', status: '推进中', date: '2021-11-12' },
    ]);
  });

  it('sorts by date then file name, and skips hidden and non-YAML files', () => {
    const dir = fixture('meetings', 'order');
    const files = loadMeetings(dir).map((m) => m.file);
    expect(files).toEqual([
      fixtureAbs('meetings', 'order', 'z.yaml'),
      fixtureAbs('meetings', 'order', 'a.yaml'),
      fixtureAbs('meetings', 'order', 'm.yml'),
    ]);
  });

  it('gives [] for a missing folder', () => {
    expect(loadMeetings(join(tmp, 'no-such-folder'))).toEqual([]);
  });
});

describe('loadMeetings: errors', () => {
  const dir = fixture('meetings', 'errors');
  const a = join(dir, '2021-11-08-周调度.yaml');
  const b = join(dir, '2021-11-15-周调度.yaml');
  const c = join(dir, '2021-11-22-周调度.yaml');
  const ds = inputErrors(() => loadMeetings(dir));
  const inA = ds.filter((d) => d.file === a);
  const inB = ds.filter((d) => d.file === b);

  it('reports each problem of a meeting at its position', () => {
    expectAt(inA, 3, 9, '“kind” 的值“周会”不是允许的会议类型', '周调度、月调度、专题');
    expectAt(inA, 4, 3, '未知的键“chiar”', '是否指“chair”');
    expectAt(inA, 5, 11, '“closed”', 'true 或 false');
    expectAt(inA, 8, 12, '“light” 的值“橙”', '红、黄、绿');
    expectAt(inA, 10, 9, '议定事项“2021-11-08-01”缺少必填的“unit”（责任单位）');
    expectAt(inA, 12, 14, '“due”', '2021年11月只有30天');
    expectAt(inA, 13, 13, '议定事项编号“2021-11-08-01”重复：第 10 行已有');
    expectAt(inA, 19, 13, '“逾期”由完成时限自动判断', '已落实、推进中、撤销');
    expect(inA).toHaveLength(8);
  });

  it('names both meetings for a decision id used twice, and checks follow-up references', () => {
    expectAt(inB, 7, 13, '议定事项编号“2021-11-08-01”重复', `${a}:10:13`);
    expectAt(inB, 12, 15, '“2021-11-22-01”是在之后的会议（2021-11-22', `${c}:7:13`);
    expect(inB).toHaveLength(2);
    expect(ds).toHaveLength(10);
  });

  it('requires date, kind, and a decision its text, unit and due', () => {
    const text = [
      'meeting:',
      '  title: x',
      'items:',
      '  - decisions:',
      '      - id: d1',
      'followups:',
      '  - status: 推进中',
      '',
    ].join('\n');
    const e = inputErrors(() => parseMeetingText(text, 'm.yaml'));
    expectAt(e, 2, 3, '缺少必填的“date”');
    expectAt(e, 2, 3, '缺少必填的“kind”');
    expectAt(e, 4, 5, '缺少必填的“project”');
    expectAt(e, 5, 9, '缺少必填的“text”');
    expectAt(e, 5, 9, '缺少必填的“unit”');
    expectAt(e, 5, 9, '缺少必填的“due”');
    expectAt(e, 7, 5, '缺少必填的“decision”');
    expect(e).toHaveLength(7);
  });

  it('a meeting file with a syntax error does not make its decisions "not found" elsewhere', () => {
    const d = join(tmp, 'broken');
    mkdirSync(d);
    writeFileSync(join(d, '2021-11-08.yaml'), 'meeting:\n  date: 2021-11-08\n  kind: [周调度\n');
    writeFileSync(
      join(d, '2021-11-15.yaml'),
      'meeting: {date: 2021-11-15, kind: 周调度}\nfollowups:\n  - {decision: 2021-11-08-01, status: 已落实}\n',
    );
    const e = inputErrors(() => loadMeetings(d));
    expect(e.every((x) => x.file === join(d, '2021-11-08.yaml'))).toBe(true);
    expect(e[0]!.message).toContain('YAML 语法错误');
  });
});

describe('loadMeetings: a follow-up whose decision is nowhere to be found', () => {
  // domain: the meeting that took the decision was deleted or moved to an archive folder
  const d = join(tmp, 'archived');
  mkdirSync(d);
  writeFileSync(
    join(d, '2021-11-15.yaml'),
    [
      'meeting: {date: 2021-11-15, kind: 周调度}',
      'items:',
      '  - project: PL-001',
      '    decisions:',
      '      - {id: 2021-11-15-01, text: 协调用地, unit: 区自然资源局, due: 2021-11-30}',
      'followups:',
      '  - {decision: 2021-11-08-01, status: 已落实}',
      '  - {decision: 2021-11-15-01, status: 推进中}',
      '',
    ].join('\n'),
  );
  const { meetings, warnings } = loadMeetingsWithWarnings(d);

  it('loads the meetings and warns at the follow-up, naming the decision', () => {
    expect(meetings).toHaveLength(1);
    expectAt(warnings, 7, 16, '“2021-11-08-01”在会议记录中找不到', '不计入督办台账');
    expect(warnings).toHaveLength(1);
  });

  it('leaves the ledger to the decisions that exist', () => {
    const ledger = buildLedger(meetings, '2021-11-20');
    expect(ledger.map((e) => e.decision.id)).toEqual(['2021-11-15-01']);
    expect(ledger[0]!.latest?.status).toBe('推进中');
  });
});

describe('loadMeeting: one file', () => {
  it('reads a meeting without checking follow-ups against other meetings', () => {
    const m = loadMeeting(fixture('meetings', 'valid', '2021-11-15-周调度.yaml'));
    expect(m.meeting.date).toBe('2021-11-15');
    expect(m.followups).toHaveLength(2);
  });

  it('refuses a missing file, a folder, and reports errors with the path as given', () => {
    const missing = join(tmp, 'none.yaml');
    expectAt(
      inputErrors(() => loadMeeting(missing)),
      1,
      1,
      '路径不存在',
    );
    expectAt(
      inputErrors(() => loadMeeting(tmp)),
      1,
      1,
      '文件夹',
    );
    const file = fixture('meetings', 'errors', '2021-11-08-周调度.yaml');
    const e = inputErrors(() => loadMeeting(file));
    expect(e.every((d) => d.file === file)).toBe(true);
    // without the other meetings, the unknown follow-up is not an error here
    expect(e).toHaveLength(8);
  });

  it('refuses a file given as the meetings folder', () => {
    const file = fixture('meetings', 'valid', '2021-11-15-周调度.yaml');
    expectAt(
      inputErrors(() => loadMeetings(file)),
      1,
      1,
      '应为文件夹',
    );
  });

  it('warns about a due date before the meeting and a loose date spelling', () => {
    const text = [
      'meeting:',
      '  date: 2021年11月15日',
      '  kind: 专题',
      'items:',
      '  - project: PL-001',
      '    decisions:',
      '      - {text: 补办手续, unit: 区发改局, due: 2021-11-01}',
      '',
    ].join('\n');
    const { meeting, warnings } = parseMeetingText(text, 'm.yaml');
    expect(meeting.meeting.date).toBe('2021-11-15');
    expect(meeting.items[0]!.decisions[0]!.id).toBe('2021-11-15-01');
    expectAt(warnings, 2, 9, '按 2021-11-15 读取');
    expectAt(warnings, 7, 39, '完成时限 2021-11-01 早于会议日期 2021-11-15');
    expect(loadMeetingsWithWarnings(join(tmp, 'absent')).warnings).toEqual([]);
  });
});

describe('the state at the meeting (snapshot, figures, discussed, done_on)', () => {
  const text = [
    'meeting:',
    '  date: 2021-09-27',
    '  kind: 周调度',
    '  as_of: 2021-09-24',
    '  snapshot: {projects: 171, total_investment: 2642000, started: 161, new_projects: 116, new_started: 112, annual_plan: 1264859, completed_year: 945081.1, time_progress: 0.6667, red: 11, yellow: 10, green: 150}',
    'items:',
    '  - project: PL-109',
    '    light: 红',
    '    figures: {annual_plan: 15000, completed_year: 5115, completion_rate: 0.341, time_progress: 0.6667}',
    '    discussed: true',
    '  - project: PL-110',
    '    figures: {annual_plan: 0, completed_year: 0, time_progress: 0.6667}',
    'followups:',
    '  - {decision: 2021-09-06-05, status: 已落实, done_on: 2021-09-24}',
    '',
  ].join('\n');

  it('reads them into the meeting', () => {
    const { meeting, warnings } = parseMeetingText(text, 'm.yaml');
    expect(warnings).toEqual([]);
    expect(meeting.meeting.snapshot).toEqual({
      projects: 171,
      totalInvestment: 2642000,
      started: 161,
      newProjects: 116,
      newStarted: 112,
      annualPlan: 1264859,
      completedYear: 945081.1,
      timeProgress: 0.6667,
      red: 11,
      yellow: 10,
      green: 150,
    });
    expect(meeting.items[0]).toMatchObject({
      discussed: true,
      figures: { annualPlan: 15000, completedYear: 5115, completionRate: 0.341, timeProgress: 0.6667 },
    });
    // no plan: no rate
    expect(meeting.items[1]!.figures).toEqual({
      annualPlan: 0,
      completedYear: 0,
      completionRate: null,
      timeProgress: 0.6667,
    });
    expect(meeting.items[1]!.discussed).toBeUndefined();
    expect(meeting.followups[0]).toEqual({
      decision: '2021-09-06-05',
      status: '已落实',
      doneOn: '2021-09-24',
    });
  });

  it('reports a bad value at its position, in Chinese', () => {
    const bad = text
      .replace('time_progress: 0.6667, red', 'time_progress: 66.7, red')
      .replace('discussed: true', 'discussed: 是的')
      .replace('done_on: 2021-09-24', 'done_on: 2021-09-31');
    const diagnostics = inputErrors(() => parseMeetingText(bad, 'm.yaml'));
    const messages = diagnostics.map((d) => `${d.line}: ${d.message}`).join('\n');
    expect(messages).toMatch(/^5: .*time_progress/m);
    expect(messages).toMatch(/^10: .*discussed/m);
    expect(messages).toMatch(/^14: .*2021-09-31/m);
  });
});
