import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse } from 'yaml';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InputError } from '../../src/domain/types.js';
import { MeetingDocument } from '../../src/store/meeting-document.js';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'diaodu-meeting-'));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

function errorOf(fn: () => unknown): InputError {
  try {
    fn();
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('expected an InputError');
}

// docs/formats.md#key-order's example, as the app writes it
const FORMATS_EXAMPLE = `meeting:
  date: 2021-11-15
  kind: 周调度
  number: 38
  title: 全区重点项目周调度会
  chair: 马占文
  place: 区政府三楼会议室
  present: [区发改局, 区自然资源局]
  absent: []
  attending: []
  register: ../seeds/pinglu-2021.yaml
  as_of: 2021-11-12
  closed: true
items:
  - project: PL-001
    light: 红
    reasons: [年度投资完成率35.0%，低于序时进度（83.3%）48.3个百分点]
    notes: 企业汇报设备已进场
    decisions:
      - id: 2021-11-15-01
        text: 协调落实项目用地指标
        unit: 区自然资源局
        owner: 张三
        due: 2021-11-30
followups:
  - decision: 2021-11-08-03
    status: 已落实
    note: 用地指标已下达
`;

describe('a new meeting', () => {
  it('is written like the example in docs/formats.md', () => {
    const file = path.join(dir, '2021-11-15-周调度.yaml');
    const doc = MeetingDocument.create(file, {
      date: '2021-11-15',
      kind: '周调度',
      number: 38,
      title: '全区重点项目周调度会',
      chair: '马占文',
      place: '区政府三楼会议室',
      present: ['区发改局', '区自然资源局'],
      register: '../seeds/pinglu-2021.yaml',
      asOf: '2021-11-12',
    });
    expect(fs.existsSync(file)).toBe(false); // nothing on disk before save()
    doc.addItem('PL-001', {
      light: '红',
      reasons: ['年度投资完成率35.0%，低于序时进度（83.3%）48.3个百分点'],
    });
    doc.setItemNotes('PL-001', '企业汇报设备已进场');
    const decision = doc.addDecision('PL-001', {
      text: '协调落实项目用地指标',
      unit: '区自然资源局',
      owner: '张三',
      due: '2021-11-30',
    });
    expect(decision.id).toBe('2021-11-15-01');
    doc.setFollowup('2021-11-08-03', { status: '已落实', note: '用地指标已下达' });
    doc.setClosed(true);
    doc.save();
    expect(fs.readFileSync(file, 'utf8')).toBe(FORMATS_EXAMPLE);
  });

  it('starts with empty lists and closed: false', () => {
    const doc = MeetingDocument.create(path.join(dir, 'm.yaml'), { date: '2021-11-22', kind: '专题' });
    expect(doc.toString()).toBe(
      `meeting:
  date: 2021-11-22
  kind: 专题
  present: []
  absent: []
  attending: []
  closed: false
items: []
followups: []
`,
    );
  });

  it('refuses to create over an existing file, and rejects bad header values', () => {
    const file = path.join(dir, 'm.yaml');
    fs.writeFileSync(file, FORMATS_EXAMPLE);
    expect(
      errorOf(() => MeetingDocument.create(file, { date: '2021-11-15', kind: '周调度' })).message,
    ).toContain('已存在');
    const other = path.join(dir, 'n.yaml');
    expect(
      errorOf(() => MeetingDocument.create(other, { date: '2021-02-30', kind: '周调度' })).message,
    ).toContain('不是有效日期');
  });

  it('gives the typed view', () => {
    const doc = MeetingDocument.fromText(FORMATS_EXAMPLE, path.join(dir, 'm.yaml'));
    const m = doc.toMeeting();
    expect(m.meeting).toEqual({
      date: '2021-11-15',
      kind: '周调度',
      number: 38,
      title: '全区重点项目周调度会',
      chair: '马占文',
      place: '区政府三楼会议室',
      present: ['区发改局', '区自然资源局'],
      absent: [],
      attending: [],
      register: '../seeds/pinglu-2021.yaml',
      asOf: '2021-11-12',
      closed: true,
    });
    expect(m.items).toEqual([
      {
        project: 'PL-001',
        light: '红',
        reasons: ['年度投资完成率35.0%，低于序时进度（83.3%）48.3个百分点'],
        notes: '企业汇报设备已进场',
        decisions: [
          {
            id: '2021-11-15-01',
            text: '协调落实项目用地指标',
            unit: '区自然资源局',
            owner: '张三',
            due: '2021-11-30',
          },
        ],
      },
    ]);
    expect(m.followups).toEqual([{ decision: '2021-11-08-03', status: '已落实', note: '用地指标已下达' }]);
    expect(m.file).toBe(path.join(dir, 'm.yaml'));
  });

  it('reads traditional spellings of kind, light and status as the simplified values', () => {
    const text = FORMATS_EXAMPLE.replace('kind: 周调度', 'kind: 週調度')
      .replace('light: 红', 'light: 紅')
      .replace('status: 已落实', 'status: 已落實');
    const m = MeetingDocument.fromText(text, path.join(dir, 'm.yaml')).toMeeting();
    expect(m.meeting.kind).toBe('周调度');
    expect(m.items[0]?.light).toBe('红');
    expect(m.followups[0]?.status).toBe('已落实');
  });
});

// A file a person has edited by hand: comments, own key order, blank lines, an extra key.
const HAND_EDITED = `# 2021年第38期周调度会（手工补记）
meeting:
  kind: 周调度
  date: 2021-11-15   # 星期一
  chair: 马占文
  present: [区发改局, 区自然资源局]
  closed: false
  remark: 会议室临时调整   # 手写的额外字段

items:
  # 第一个：海泰
  - project: PL-001
    light: 红
    decisions:
      - id: 2021-11-15-01
        due: 2021-11-30
        text: 协调落实项目用地指标   # 原话
        unit: 区自然资源局

  - project: PL-002 # 第二个
    decisions: []
followups: []
`;

describe('editing a hand-edited file', () => {
  it('keeps comments, key order, blank lines and unknown keys across edits and saves', () => {
    const file = path.join(dir, 'm.yaml');
    fs.writeFileSync(file, HAND_EDITED);
    const doc = MeetingDocument.open(file);
    doc.setItemNotes('PL-001', '企业汇报设备已进场');
    doc.save();
    doc.addDecision('PL-002', { text: '加快办理施工许可', unit: '区住建局', due: '2021-11-22' });
    doc.save();
    doc.setHeader({ place: '区政府三楼会议室', asOf: '2021-11-12' });
    doc.updateDecision('2021-11-15-01', { owner: '张三' });
    doc.setFollowup('2021-11-08-03', { status: '推进中', note: '已上报市局' });
    doc.save();
    doc.moveItem('PL-002', 0);
    doc.setClosed(true);
    doc.save();
    expect(fs.readFileSync(file, 'utf8')).toBe(`# 2021年第38期周调度会（手工补记）
meeting:
  kind: 周调度
  date: 2021-11-15 # 星期一
  chair: 马占文
  place: 区政府三楼会议室
  present: [区发改局, 区自然资源局]
  as_of: 2021-11-12
  closed: true
  remark: 会议室临时调整 # 手写的额外字段

items:
  - project: PL-002 # 第二个
    decisions:
      - id: 2021-11-15-02
        text: 加快办理施工许可
        unit: 区住建局
        due: 2021-11-22

  # 第一个：海泰
  - project: PL-001
    light: 红
    notes: 企业汇报设备已进场
    decisions:
      - id: 2021-11-15-01
        owner: 张三
        due: 2021-11-30
        text: 协调落实项目用地指标 # 原话
        unit: 区自然资源局
followups:
  - decision: 2021-11-08-03
    status: 推进中
    note: 已上报市局
`);
    // and a fresh open of what was saved reads the same
    expect(MeetingDocument.open(file).toString()).toBe(fs.readFileSync(file, 'utf8'));
  });

  it('opening and saving without a change does not touch the file', () => {
    const file = path.join(dir, 'm.yaml');
    fs.writeFileSync(file, MeetingDocument.fromText(HAND_EDITED, file).toString()); // as the writer spaces it
    const inode = fs.statSync(file).ino;
    const doc = MeetingDocument.open(file);
    expect(doc.dirty).toBe(false);
    doc.setClosed(false); // the value it already has
    doc.save();
    expect(fs.statSync(file).ino).toBe(inode); // an atomic write would have replaced the inode
  });

  it('spacing the writer would normalise makes the document dirty, and the next save writes it', () => {
    const file = path.join(dir, 'm.yaml');
    const odd = HAND_EDITED.replace(
      'present: [区发改局, 区自然资源局]',
      'present: [ 区发改局 ,区自然资源局 ]',
    );
    fs.writeFileSync(file, odd);
    const doc = MeetingDocument.open(file);
    expect(doc.dirty).toBe(true);
    doc.save();
    const saved = fs.readFileSync(file, 'utf8');
    expect(saved).toContain('  present: [区发改局, 区自然资源局]\n');
    expect(MeetingDocument.open(file).dirty).toBe(false);
  });

  it('a deleted item or decision takes its own comment with it, nothing else', () => {
    const doc = MeetingDocument.fromText(HAND_EDITED, path.join(dir, 'm.yaml'));
    doc.deleteDecision('2021-11-15-01');
    doc.dropItem('PL-001');
    expect(doc.toString()).toBe(`# 2021年第38期周调度会（手工补记）
meeting:
  kind: 周调度
  date: 2021-11-15 # 星期一
  chair: 马占文
  present: [区发改局, 区自然资源局]
  closed: false
  remark: 会议室临时调整 # 手写的额外字段

items:
  - project: PL-002 # 第二个
    decisions: []
followups: []
`);
  });

  it('removing a header field or the 责任人 removes only that key', () => {
    const doc = MeetingDocument.fromText(FORMATS_EXAMPLE, path.join(dir, 'm.yaml'));
    doc.setHeader({ place: undefined, number: 39 });
    doc.updateDecision('2021-11-15-01', { owner: '' });
    const out = doc.toString();
    expect(out).not.toContain('place:');
    expect(out).toContain('  number: 39\n');
    expect(out).toContain('        unit: 区自然资源局\n        due: 2021-11-30\n');
    expect(out.split('\n').length).toBe(FORMATS_EXAMPLE.split('\n').length - 2);
  });
});

describe('agenda items', () => {
  function agenda(doc: MeetingDocument): string[] {
    return doc.toMeeting().items.map((i) => i.project);
  }

  it('adds, moves, drops and replaces the order', () => {
    const doc = MeetingDocument.create(path.join(dir, 'm.yaml'), { date: '2021-11-15', kind: '周调度' });
    doc.addItem('A');
    doc.addItem('B', { light: '黄', reasons: ['节点逾期'] });
    doc.addItem('C', {}, 0);
    expect(agenda(doc)).toEqual(['C', 'A', 'B']);
    doc.moveItem('B', 0);
    expect(agenda(doc)).toEqual(['B', 'C', 'A']);
    doc.moveItem('B', 99);
    expect(agenda(doc)).toEqual(['C', 'A', 'B']);
    doc.addDecision('A', { text: '尽快开工', unit: '区住建局', due: '2021-11-30' });
    doc.setItemNotes('A', '已进场');
    doc.setItems(['A', 'D', 'C'], { D: { light: '红', reasons: ['停工'] } });
    expect(agenda(doc)).toEqual(['A', 'D', 'C']);
    const m = doc.toMeeting();
    expect(m.items[0]?.notes).toBe('已进场');
    expect(m.items[0]?.decisions.map((d) => d.id)).toEqual(['2021-11-15-01']);
    expect(m.items[1]).toEqual({ project: 'D', light: '红', reasons: ['停工'], decisions: [] });
    doc.dropItem('C');
    expect(agenda(doc)).toEqual(['A', 'D']);
  });

  it('refuses to drop a project that has decisions, or to add one twice', () => {
    const doc = MeetingDocument.create(path.join(dir, 'm.yaml'), { date: '2021-11-15', kind: '周调度' });
    doc.addItem('A');
    doc.addDecision('A', { text: '尽快开工', unit: '区住建局', due: '2021-11-30' });
    expect(errorOf(() => doc.dropItem('A')).message).toContain('已有 1 条议定事项');
    expect(errorOf(() => doc.setItems(['B'])).message).toContain('不能移出议程');
    expect(agenda(doc)).toEqual(['A']);
    expect(errorOf(() => doc.addItem('A')).message).toContain('已在议程中');
    expect(errorOf(() => doc.moveItem('Z', 0)).message).toContain('议程中没有项目 Z');
  });

  it('keeps the blank lines between items where they were when items move', () => {
    const text = `meeting:
  date: 2021-11-15
  kind: 周调度
items:
  - project: A

  - project: B

  - project: C
followups: []
`;
    const doc = MeetingDocument.fromText(text, path.join(dir, 'm.yaml'));
    doc.moveItem('C', 0);
    doc.addItem('D');
    expect(doc.toString()).toBe(`meeting:
  date: 2021-11-15
  kind: 周调度
items:
  - project: C

  - project: A

  - project: B

  - project: D
    decisions: []
followups: []
`);
  });

  it('writes long reasons one per line and notes with several lines as a block', () => {
    const doc = MeetingDocument.create(path.join(dir, 'm.yaml'), { date: '2021-11-15', kind: '周调度' });
    const long1 = '年度投资完成率35.0%，低于序时进度（83.3%）48.3个百分点';
    const long2 = '节点“设备调试”计划2021年10月5日完成，已逾期41天';
    doc.addItem('A', { light: '红', reasons: [long1, long2] });
    doc.setItemNotes('A', '第一行\n第二行');
    const out = doc.toString();
    expect(out).toContain(`    reasons:\n      - ${long1}\n      - ${long2}\n`);
    expect(out).toContain('    notes: |-\n      第一行\n      第二行\n');
    expect(parse(out).items[0].notes).toBe('第一行\n第二行');
  });
});

describe('decision ids', () => {
  function fresh(takenIds: string[] = []): MeetingDocument {
    const doc = MeetingDocument.create(
      path.join(dir, 'm.yaml'),
      { date: '2021-11-15', kind: '周调度' },
      { takenIds },
    );
    doc.addItem('A');
    return doc;
  }
  const input = { text: '事项', unit: '区发改局', due: '2021-11-30' };

  it('are the meeting date and a two-digit sequence', () => {
    const doc = fresh();
    expect(doc.addDecision('A', input).id).toBe('2021-11-15-01');
    expect(doc.addDecision('A', input).id).toBe('2021-11-15-02');
  });

  it('skip ids another meeting of the same day used, and ignore other days', () => {
    const doc = fresh(['2021-11-15-01', '2021-11-15-04', '2021-11-08-09', 'not-an-id']);
    expect(doc.addDecision('A', input).id).toBe('2021-11-15-05');
    doc.addTakenIds(['2021-11-15-07']);
    expect(doc.addDecision('A', input).id).toBe('2021-11-15-08');
  });

  it('are never handed out twice, even after a delete', () => {
    const doc = fresh();
    doc.addDecision('A', input);
    const second = doc.addDecision('A', input);
    doc.deleteDecision(second.id);
    expect(doc.addDecision('A', input).id).toBe('2021-11-15-03');
    expect(doc.decisionIds()).toEqual(['2021-11-15-01', '2021-11-15-03']);
  });

  it('go on to three digits after 99', () => {
    const doc = fresh(['2021-11-15-99']);
    expect(doc.addDecision('A', input).id).toBe('2021-11-15-100');
    expect(doc.addDecision('A', input).id).toBe('2021-11-15-101');
  });

  it('continue from the ids already in an opened file', () => {
    const doc = MeetingDocument.fromText(FORMATS_EXAMPLE, path.join(dir, 'm.yaml'));
    expect(doc.addDecision('PL-001', input).id).toBe('2021-11-15-02');
  });

  it('a decision needs text, 责任单位 and a real 完成时限', () => {
    const doc = fresh();
    expect(errorOf(() => doc.addDecision('A', { ...input, text: '  ' })).message).toContain('内容不能为空');
    expect(errorOf(() => doc.addDecision('A', { ...input, unit: '' })).message).toContain('责任单位');
    expect(errorOf(() => doc.addDecision('A', { ...input, due: '2021-11-31' })).message).toContain(
      '完成时限',
    );
    expect(errorOf(() => doc.addDecision('B', input)).message).toContain('议程中没有项目 B');
    expect(doc.decisionIds()).toEqual([]);
  });

  it('updates and deletes by id', () => {
    const doc = fresh();
    const d = doc.addDecision('A', { ...input, owner: '李四' });
    doc.updateDecision(d.id, { text: '新的事项', due: '2021-12-15' });
    expect(doc.toMeeting().items[0]?.decisions).toEqual([
      { id: d.id, text: '新的事项', unit: '区发改局', owner: '李四', due: '2021-12-15' },
    ]);
    expect(errorOf(() => doc.updateDecision('2021-01-01-01', { text: 'x' })).message).toContain(
      '找不到议定事项',
    );
    doc.deleteDecision(d.id);
    expect(doc.toMeeting().items[0]?.decisions).toEqual([]);
  });
});

describe('follow-ups', () => {
  it('one entry per decision, replaced when set again; date optional; removable', () => {
    const doc = MeetingDocument.create(path.join(dir, 'm.yaml'), { date: '2021-11-15', kind: '周调度' });
    doc.setFollowup('2021-11-08-01', { status: '推进中', note: '正在办理' });
    doc.setFollowup('2021-11-08-02', { status: '撤销' });
    doc.setFollowup('2021-11-08-01', { status: '已落实', date: '2021-11-12' });
    expect(doc.toMeeting().followups).toEqual([
      { decision: '2021-11-08-01', status: '已落实', date: '2021-11-12' },
      { decision: '2021-11-08-02', status: '撤销' },
    ]);
    expect(errorOf(() => doc.setFollowup('2021-11-08-03', { status: '逾期' as never })).message).toContain(
      '逾期由程序计算',
    );
    doc.removeFollowup('2021-11-08-02');
    expect(doc.toMeeting().followups.map((f) => f.decision)).toEqual(['2021-11-08-01']);
  });
});

describe('opening and saving', () => {
  it('a YAML syntax error names line and column', () => {
    const file = path.join(dir, 'bad.yaml');
    fs.writeFileSync(file, 'meeting:\n  date: 2021-11-15\n  present: [区发改局\nitems: []\n');
    const e = errorOf(() => MeetingDocument.open(file));
    expect(e.diagnostics[0]?.file).toBe(file);
    expect(e.diagnostics[0]?.line).toBeGreaterThan(0);
    expect(e.diagnostics[0]?.message).toMatch(/^YAML 格式错误/);
  });

  it('a wrong shape names the position of the offending node', () => {
    const e = errorOf(() =>
      MeetingDocument.fromText(
        'meeting:\n  date: 2021-11-15\nitems:\n  project: A\n',
        path.join(dir, 'x.yaml'),
      ),
    );
    expect(e.diagnostics[0]).toMatchObject({ line: 4, column: 3 });
    expect(e.diagnostics[0]?.message).toContain('items 应为列表');
  });

  it('a missing file is an InputError in Chinese', () => {
    expect(errorOf(() => MeetingDocument.open(path.join(dir, 'none.yaml'))).message).toContain(
      '找不到会议记录',
    );
  });

  it('does not overwrite a change made on disk by someone else', () => {
    const file = path.join(dir, 'm.yaml');
    fs.writeFileSync(file, FORMATS_EXAMPLE);
    const doc = MeetingDocument.open(file);
    const theirs = FORMATS_EXAMPLE.replace('closed: true', 'closed: false # 还没开完');
    fs.writeFileSync(file, theirs);
    doc.setItemNotes('PL-001', '改动');
    expect(errorOf(() => doc.save()).message).toContain('已在别处被修改');
    expect(fs.readFileSync(file, 'utf8')).toBe(theirs);
  });

  it('a read-only document refuses to save', () => {
    const file = path.join(dir, 'm.yaml');
    fs.writeFileSync(file, FORMATS_EXAMPLE);
    const doc = MeetingDocument.open(file, { readOnly: true });
    doc.setClosed(false);
    expect(errorOf(() => doc.save()).message).toContain('只读');
    expect(fs.readFileSync(file, 'utf8')).toBe(FORMATS_EXAMPLE);
  });

  it('saving after each of 100 decisions keeps every one and leaves no temp files', () => {
    const file = path.join(dir, 'm.yaml');
    const doc = MeetingDocument.create(file, { date: '2021-11-15', kind: '周调度' });
    doc.addItem('A');
    doc.addItem('B');
    for (let i = 0; i < 100; i++) {
      doc.addDecision(i % 2 ? 'A' : 'B', { text: `事项${i}`, unit: '区发改局', due: '2021-11-30' });
      doc.save();
    }
    const reread = MeetingDocument.open(file).decisionIds();
    expect(reread.length).toBe(100);
    expect(new Set(reread).size).toBe(100);
    expect(fs.readdirSync(dir)).toEqual(['m.yaml']);
  });
});

describe('update: an edit and its save, all or nothing (issue 9)', () => {
  const noSpace = () => Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
  const decision = { text: '协调落实项目用地指标', unit: '区自然资源局', due: '2021-11-30' };

  it('a save that fails leaves the document as the file is; the retry saves once, under one id', () => {
    const file = path.join(dir, 'm.yaml');
    fs.writeFileSync(file, FORMATS_EXAMPLE);
    let full = true;
    const doc = MeetingDocument.open(file, {
      io: {
        writeSync: (fd, buffer, offset, length) => {
          if (full) throw noSpace();
          return fs.writeSync(fd, buffer, offset, length);
        },
      },
    });
    for (let i = 0; i < 3; i++) {
      expect(() => doc.update((d) => d.addDecision('PL-001', decision))).toThrow(InputError);
      expect(doc.toString()).toBe(FORMATS_EXAMPLE);
      expect(doc.dirty).toBe(false);
    }
    full = false;
    expect(doc.update((d) => d.addDecision('PL-001', decision)).id).toBe('2021-11-15-02');
    expect(MeetingDocument.open(file).decisionIds()).toEqual(['2021-11-15-01', '2021-11-15-02']);
    expect(fs.readdirSync(dir)).toEqual(['m.yaml']);
  });

  it('comments written by hand are as before after a failed save, and move with their entry after', () => {
    const file = path.join(dir, 'm.yaml');
    const text = `\uFEFF# 第33期
meeting:
  date: 2021-11-15
  kind: 周调度 # 每周一
items:
  # 先过红灯项目
  - project: A
    decisions:
      # 用地
      - id: 2021-11-15-01
        text: 协调落实项目用地指标
        unit: 区自然资源局
        due: 2021-11-30
  - project: B
    decisions: []
followups: []
`;
    fs.writeFileSync(file, text);
    let full = true;
    const doc = MeetingDocument.open(file, {
      io: {
        writeSync: (fd, buffer, offset, length) => {
          if (full) throw noSpace();
          return fs.writeSync(fd, buffer, offset, length);
        },
      },
    });
    expect(() => doc.update((d) => d.moveItem('B', 0))).toThrow(InputError);
    expect(doc.toString()).toBe(text.slice(1));
    full = false;
    doc.update((d) => d.moveItem('B', 0));
    const saved = fs.readFileSync(file, 'utf8');
    expect(saved.indexOf('- project: B')).toBeLessThan(saved.indexOf('# 先过红灯项目'));
    expect(saved).toContain('      # 用地\n      - id: 2021-11-15-01');
    expect(saved).toContain('kind: 周调度 # 每周一');
  });

  it('a deletion whose save fails is undone, id included', () => {
    const file = path.join(dir, 'm.yaml');
    fs.writeFileSync(file, FORMATS_EXAMPLE);
    const doc = MeetingDocument.open(file, {
      io: {
        writeSync: () => {
          throw noSpace();
        },
      },
    });
    expect(() => doc.update((d) => d.deleteDecision('2021-11-15-01'))).toThrow(InputError);
    expect(doc.decisionIds()).toEqual(['2021-11-15-01']);
    expect(doc.nextDecisionId()).toBe('2021-11-15-02');
    expect(doc.toString()).toBe(FORMATS_EXAMPLE);
  });

  it('a change that is refused changes nothing', () => {
    const file = path.join(dir, 'm.yaml');
    fs.writeFileSync(file, FORMATS_EXAMPLE);
    const doc = MeetingDocument.open(file);
    expect(() =>
      doc.update((d) => {
        d.setItemNotes('PL-001', '改了一半');
        d.dropItem('PL-001'); // refused: it has a decision
      }),
    ).toThrow('不能移出议程');
    expect(doc.toString()).toBe(FORMATS_EXAMPLE);
  });

  it('a folder that cannot be read is a Chinese error, and nothing changes', () => {
    const folder = path.join(dir, 'meetings');
    fs.mkdirSync(folder);
    const file = path.join(folder, 'm.yaml');
    fs.writeFileSync(file, FORMATS_EXAMPLE);
    const doc = MeetingDocument.open(file);
    // the shared drive is gone: the folder is now something else
    fs.renameSync(folder, path.join(dir, 'away'));
    fs.writeFileSync(folder, '');
    const error = errorOf(() => doc.update((d) => d.setClosed(false)));
    expect(error.message).toContain('无法读取');
    expect(error.message).toContain('ENOTDIR');
    expect(doc.toMeeting().meeting.closed).toBe(true);
    fs.rmSync(folder);
    fs.renameSync(path.join(dir, 'away'), folder);
    doc.update((d) => d.setClosed(false));
    expect(MeetingDocument.open(file).toMeeting().meeting.closed).toBe(false);
  });

  it('a file renamed into place counts as saved even when the folder cannot be synced after', () => {
    const file = path.join(dir, 'm.yaml');
    fs.writeFileSync(file, FORMATS_EXAMPLE);
    let dirSync = 0;
    const doc = MeetingDocument.open(file, {
      io: {
        fsyncSync: (fd) => {
          // the temp file's fsync works; the folder's (after the rename) fails once
          if (fs.fstatSync(fd).isDirectory() && dirSync++ === 0)
            throw Object.assign(new Error('EIO: i/o error, fsync'), { code: 'EIO' });
          fs.fsyncSync(fd);
        },
      },
    });
    doc.update((d) => d.addDecision('PL-001', decision));
    expect(dirSync).toBe(1);
    // the next save is not refused as "changed elsewhere", and nothing is written twice
    doc.update((d) => d.setClosed(false));
    const reread = MeetingDocument.open(file);
    expect(reread.decisionIds()).toEqual(['2021-11-15-01', '2021-11-15-02']);
    expect(reread.toMeeting().meeting.closed).toBe(false);
  });
});

describe('replacing values keeps what was written around them', () => {
  it('comments on a list, a list written one per line, and the style of notes', () => {
    const text = `meeting:
  date: 2021-11-15
  kind: 周调度
  present: [区发改局] # 按签到表
  absent:
    - 区住建局
items:
  - project: A
    notes: 一行
    reasons: [停工]
    decisions: []
followups: []
`;
    const doc = MeetingDocument.fromText(text, path.join(dir, 'm.yaml'));
    doc.setHeader({ present: ['区发改局', '区自然资源局'], absent: ['区住建局', '区交通局'] });
    doc.setItemNotes('A', '第一行\n第二行');
    expect(doc.toString()).toBe(`meeting:
  date: 2021-11-15
  kind: 周调度
  present: [区发改局, 区自然资源局] # 按签到表
  absent:
    - 区住建局
    - 区交通局
items:
  - project: A
    notes: |-
      第一行
      第二行
    reasons: [停工]
    decisions: []
followups: []
`);
    doc.setItemNotes('A', '又一行');
    expect(doc.toString()).toContain('    notes: 又一行\n');
    expect(MeetingDocument.fromText(doc.toString(), 'x.yaml').toMeeting().items[0]?.notes).toBe('又一行');
  });
});

describe('the state at the meeting', () => {
  it('writes the snapshot, item figures, discussed and done_on, and reads them back', () => {
    const file = path.join(dir, '2021-09-27-周调度.yaml');
    const md = MeetingDocument.create(file, { date: '2021-09-27', kind: '周调度' });
    md.setHeader({
      asOf: '2021-09-24',
      snapshot: {
        projects: 3,
        totalInvestment: 1000.004,
        started: 2,
        newProjects: 1,
        newStarted: 1,
        annualPlan: 600,
        completedYear: 400,
        timeProgress: 2 / 3,
        red: 1,
        yellow: 1,
        green: 1,
      },
    });
    md.addItem('PL-1', {
      light: '红',
      reasons: ['年度投资完成率10.0%'],
      figures: { annualPlan: 100, completedYear: 10, completionRate: 0.1, timeProgress: 2 / 3 },
    });
    md.addItem('PL-2', { light: '黄', reasons: [] });
    md.setItemDiscussed('PL-1');
    md.setFollowup('2021-09-20-01', { status: '已落实', doneOn: '2021-09-22' });
    md.setFollowup('2021-09-20-02', { status: '推进中', doneOn: '2021-09-22' });
    md.save();
    const written = fs.readFileSync(file, 'utf8');
    expect(written).toContain(
      '  snapshot: {projects: 3, total_investment: 1000, started: 2, new_projects: 1, new_started: 1, annual_plan: 600, completed_year: 400, time_progress: 0.6667, red: 1, yellow: 1, green: 1}\n',
    );
    expect(written).toContain(
      '    figures: {annual_plan: 100, completed_year: 10, completion_rate: 0.1, time_progress: 0.6667}\n    discussed: true\n',
    );
    // done_on only for 已落实
    expect(written).toContain('status: 已落实\n    done_on: 2021-09-22\n');
    expect(written.match(/done_on/g)).toHaveLength(1);
    const m = MeetingDocument.open(file).toMeeting();
    expect(m.meeting.snapshot?.timeProgress).toBe(0.6667);
    expect(m.items.map((i) => i.discussed)).toEqual([true, undefined]);
    expect(m.items[0]!.figures).toEqual({
      annualPlan: 100,
      completedYear: 10,
      completionRate: 0.1,
      timeProgress: 0.6667,
    });
    expect(m.followups[0]!.doneOn).toBe('2021-09-22');
    expect(() => md.setFollowup('2021-09-20-01', { status: '已落实', doneOn: '2021-09-31' })).toThrow(
      InputError,
    );
  });
});
