// 配合单位 (co_units): an optional list beside the lead unit; read, written, kept once each, and
// printed by the minutes as "牵头单位：…；配合单位：…". Filters by unit match co-units; the ledger
// counts a decision for its lead unit.
import { describe, expect, it } from 'vitest';
import { MeetingDocument } from '../../src/store/meeting-document.js';
import { parseMeetingText } from '../../src/store/meeting-read.js';
import { decisionSentence } from '../../src/briefing/wording.js';
import { buildLedger, filterLedger, unitDecisionFigures } from '../../src/domain/ledger.js';

const FILE = '/tmp/meetings/2021-10-08-周调度.yaml';
const TEXT = `meeting:
  date: 2021-10-08
  kind: 周调度
items:
  - project: PL-053
    decisions:
      - id: 2021-10-08-01
        text: 协调落实项目用地指标
        unit: 区自然资源局
        co_units: [区能源局, 区能源局, 区自然资源局, 阻虎乡]
        owner: 韩志刚
        due: 2021-10-29
      - id: 2021-10-08-02
        text: 加快接入系统方案批复
        unit: 区能源局
        due: 2021-10-29
followups: []
`;

describe('co_units', () => {
  it('reads the list beside the lead unit, each once and without the lead unit; old files stay valid', () => {
    const { meeting, warnings } = parseMeetingText(TEXT, FILE);
    expect(warnings).toEqual([]);
    const [a, b] = meeting.items[0]!.decisions;
    expect(a).toMatchObject({ unit: '区自然资源局', coUnits: ['区能源局', '阻虎乡'] });
    expect(b!.coUnits).toBeUndefined();
  });

  it('writes co_units as a short list after unit, and removes it when emptied', () => {
    const doc = MeetingDocument.fromText(TEXT, FILE);
    const d = doc.addDecision('PL-053', {
      text: '做好征地补偿协商',
      unit: '区自然资源局',
      coUnits: ['阻虎乡', ' 阻虎乡', '区自然资源局', ''],
      owner: '韩志刚',
      due: '2021-10-15',
    });
    expect(d.coUnits).toEqual(['阻虎乡']);
    expect(doc.toString()).toContain(
      '        unit: 区自然资源局\n        co_units: [阻虎乡]\n        owner: 韩志刚\n',
    );
    doc.updateDecision(d.id, { coUnits: ['区交通局', '阻虎乡'] });
    expect(doc.toMeeting().items[0]!.decisions[2]!.coUnits).toEqual(['区交通局', '阻虎乡']);
    doc.updateDecision(d.id, { coUnits: [] });
    expect(doc.toString()).not.toContain('co_units: [区交通局');
    expect(doc.toMeeting().items[0]!.decisions[2]!.coUnits).toBeUndefined();
    // and reads back what it wrote
    expect(parseMeetingText(doc.toString(), FILE).warnings).toEqual([]);
  });

  it('prints 牵头单位 and 配合单位 in the minutes where given', () => {
    const { meeting } = parseMeetingText(TEXT, FILE);
    const [a, b] = meeting.items[0]!.decisions;
    expect(decisionSentence(a!)).toBe(
      '协调落实项目用地指标（牵头单位：区自然资源局；配合单位：区能源局、阻虎乡，责任人：韩志刚，完成时限：2021年10月29日）。',
    );
    expect(decisionSentence(b!)).toBe(
      '加快接入系统方案批复（责任单位：区能源局，完成时限：2021年10月29日）。',
    );
  });

  it('filters by unit on co-units too, and counts a decision for its lead unit only', () => {
    const { meeting } = parseMeetingText(TEXT, FILE);
    const ledger = buildLedger([meeting], '2021-10-08');
    expect(filterLedger(ledger, { unit: '区能源局' }).map((e) => e.decision.id)).toEqual([
      '2021-10-08-01',
      '2021-10-08-02',
    ]);
    expect(filterLedger(ledger, { unit: '阻虎乡' }).map((e) => e.decision.id)).toEqual(['2021-10-08-01']);
    const figures = unitDecisionFigures(ledger, '2021-10-08');
    expect(figures.map((f) => f.unit).sort()).toEqual(['区能源局', '区自然资源局']);
  });
});

describe('co_units in the minutes', () => {
  it('names each unit once in the minutes, lead and co-units alike, and prints 牵头单位/配合单位', async () => {
    const { buildMinutes } = await import('../../src/briefing/minutes.js');
    const { renderText } = await import('../../src/briefing/text.js');
    const { sampleMeetings, sampleRegister } = await import('../briefing/sample.js');
    const register = sampleRegister();
    const meetings = sampleMeetings();
    const meeting = structuredClone(meetings[1]!);
    const item = meeting.items.find((i) => i.decisions.length > 0)!;
    const lead = item.decisions[0]!.unit;
    const other = register.projects.map((p) => p.unit).find((u) => u !== lead)!;
    // a co-unit that is also the lead unit of another decision, listed twice: once in the text
    item.decisions[0]!.coUnits = [other, other];
    item.decisions.push({
      id: `${meeting.meeting.date}-99`,
      text: '配合做好相关工作',
      unit: other,
      due: item.decisions[0]!.due,
    });
    meeting.meeting.present = [...meeting.meeting.present, other, other];
    const all = meetings.map((m, i) => (i === 1 ? meeting : m));
    const text = renderText(buildMinutes({ meeting, register, meetings: all }));
    expect(text).toContain(`（牵头单位：${lead}；配合单位：${other}，`);
    const req = text.split('\n').find((l) => l.includes('抓好本次议定事项落实'))!;
    expect(req.split(other).length - 1).toBe(1);
    const opening = text.split('\n').find((l) => l.includes('参加会议'))!;
    expect(opening.split(other).length - 1).toBe(1);
  });
});

describe('co_units in items', () => {
  it('items --unit lists decisions a unit shares as 配合单位, naming 牵头单位 and 配合单位', async () => {
    const fs = await import('node:fs');
    const os = await import('node:os');
    const path = await import('node:path');
    const { runItems } = await import('../../src/commands/items.js');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'diaodu-co-'));
    try {
      fs.mkdirSync(path.join(dir, 'meetings'));
      fs.writeFileSync(path.join(dir, 'meetings', '2021-10-08-周调度.yaml'), TEXT);
      const ctx = { cwd: dir, today: () => '2021-10-08' };
      const r = await runItems({ meetings: 'meetings', date: '2021-10-08', unit: '阻虎乡' }, ctx);
      expect(r.exitCode).toBe(0);
      expect(r.stdout).toContain('议定事项共1项（筛选后；全部2项）');
      expect(r.stdout).toContain('牵头单位：区自然资源局；配合单位：区能源局、阻虎乡；责任人：韩志刚；');
      const json = await runItems(
        { meetings: 'meetings', date: '2021-10-08', unit: '区能源局', json: true },
        ctx,
      );
      const items = (JSON.parse(json.stdout) as { items: { id: string; coUnits: string[] }[] }).items;
      expect(items.map((i) => [i.id, i.coUnits])).toEqual([
        ['2021-10-08-01', ['区能源局', '阻虎乡']],
        ['2021-10-08-02', []],
      ]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
