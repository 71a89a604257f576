// Issue 10, items 1–4: minutes built from what the meeting file recorded at the meeting, only the
// items taken up, follow-ups heard at this meeting only, 按时落实 with done_on, the 超期落实 column,
// JSON without invented zeros, and the wording an official signs. Figures hand-computed from
// test/briefing/sample.ts.
import { describe, expect, it } from 'vitest';
import type { Block, BriefingDocument } from '../../src/briefing/document.js';
import { buildBulletin, type BulletinData } from '../../src/briefing/bulletin.js';
import { buildMinutes, type MinutesData } from '../../src/briefing/minutes.js';
import { withoutDecisionIds } from '../../src/briefing/wording.js';
import { buildLedger, unitDecisionFigures } from '../../src/domain/ledger.js';
import type { Meeting, MeetingSnapshot, Register } from '../../src/domain/types.js';
import { sampleMeetings, sampleRegister } from './sample.js';

function texts(doc: BriefingDocument): string[] {
  return doc.blocks.flatMap((b: Block) =>
    b.type === 'heading' || b.type === 'paragraph' ? [b.text] : b.type === 'list' ? b.items : [],
  );
}

/** The figures of the 8-27 meeting as the recorder would have written them (data to 8-25). */
const SNAPSHOT: MeetingSnapshot = {
  projects: 5,
  totalInvestment: 36000,
  started: 3,
  newProjects: 2,
  newStarted: 1,
  annualPlan: 5500,
  completedYear: 3300,
  timeProgress: 7 / 12,
  red: 2,
  yellow: 1,
  green: 2,
};

function withSnapshot(meetings: Meeting[]): Meeting[] {
  const m = meetings[1]!;
  return [
    meetings[0]!,
    {
      ...m,
      meeting: { ...m.meeting, snapshot: SNAPSHOT },
      items: [
        {
          ...m.items[0]!,
          figures: { annualPlan: 0, completedYear: 0, completionRate: null, timeProgress: 7 / 12 },
          discussed: true,
        },
        // on the agenda, never opened: not in the body
        { project: 'A5', light: '红', reasons: ['问题“环评批复”逾期未解决'], decisions: [] },
        // opened without a decision or a note: taken up
        { project: 'A1', light: '绿', reasons: [], decisions: [], discussed: true },
        // a note only: taken up
        {
          project: 'A2',
          light: '红',
          reasons: ['年度投资完成率30.0%'],
          notes: '资金缺口已落实一半',
          decisions: [],
        },
      ],
    },
  ];
}

describe('minutes: the state at the meeting (item 1)', () => {
  it('prints the recorded snapshot, dated on the meeting’s as_of, whatever the register says now', () => {
    const meetings = withSnapshot(sampleMeetings());
    const doc = buildMinutes({ meeting: meetings[1]!, register: sampleRegister(), meetings });
    const t = texts(doc);
    expect(t).toContain(
      '截至2021年8月25日，测试区共有重点项目5个，总投资3.60亿元。已开复工3个，开复工率60.0%；新建项目2个，已开工1个，新开工率50.0%。',
    );
    // 3300 ÷ 5500 = 60.0%; 7/12 = 58.3%; printed gap 60.0 − 58.3 = 1.7; no 本月完成投资 recorded: none printed
    expect(t).toContain(
      '年度计划投资5500万元，累计完成投资3300万元，投资完成率60.0%，序时进度58.3%，超序时进度1.7个百分点。',
    );
    expect(t).toContain('对照序时进度，3个项目进度滞后，其中亮红灯2个、亮黄灯1个，其余2个项目亮绿灯。');
    const data = doc.data as MinutesData;
    expect(data.figuresFrom).toBe('recorded');
    expect(data.overall.completedMonth).toBeUndefined();

    // A register changed later never changes an old meeting's minutes.
    const later: Register = sampleRegister();
    later.meta.asOf = '2021-12-31';
    for (const p of later.projects) p.completedYear = p.annualPlan;
    later.projects[0]!.leader = later.projects[0]!.leader; // names and units may stay
    const again = buildMinutes({ meeting: meetings[1]!, register: later, meetings });
    const section = (d: BriefingDocument) => texts(d).slice(0, texts(d).indexOf('四、下步工作要求'));
    expect(section(again)).toEqual(section(doc));
  });

  it('judges earlier decisions on the meeting day, not on a later as_of (old file, no snapshot)', () => {
    // d2 (A4, due 9-10) is open. Minutes of a meeting on 9-08 with a register current to 9-30:
    // d2 is not late on 9-08, so it is 推进中 in 二 and does not count in 一's red lights.
    const meetings = sampleMeetings();
    const register = sampleRegister();
    register.meta.asOf = '2021-09-30';
    const third: Meeting = {
      file: '/tmp/meetings/2021-09-08.yaml',
      meeting: { ...meetings[1]!.meeting, date: '2021-09-08', asOf: '2021-09-05' },
      items: [],
      followups: [],
    };
    const all = [...meetings, third];
    const doc = buildMinutes({ meeting: third, register, meetings: all });
    const data = doc.data as MinutesData;
    expect(data.previousDecisions.open.map((d) => d.id)).toEqual(['2021-08-20-02']);
    // A4 is red anyway (停工); A3: d3 (due 8-30) is overdue on 9-08 → red; A2 and A5 red; A1 green
    expect(data.overall.lights).toEqual({ 红: 4, 黄: 0, 绿: 1 });
    expect(texts(doc).join('\n')).not.toContain('督促企业尽快复工”逾期未落实');
    expect(data.figuresFrom).toBe('latest');
  });
});

describe('minutes: only the items taken up (item 2)', () => {
  const meetings = withSnapshot(sampleMeetings());
  const doc = buildMinutes({ meeting: meetings[1]!, register: sampleRegister(), meetings });
  const t = texts(doc);
  const data = doc.data as MinutesData;

  it('has a section for each item opened, decided on or noted, and one sentence for the rest', () => {
    const level2 = doc.blocks.flatMap((b) => (b.type === 'heading' && b.level === 2 ? [b.text] : []));
    expect(level2.filter((h) => /^（[一二三四]）/.test(h) && !h.includes('事项'))).toEqual([
      '（一）污水处理厂项目',
      '（二）光伏组件项目',
      '（三）物流园项目',
    ]);
    expect(t).toContain('会议议程所列其余1个项目本次会议未逐项研究，由各责任单位对照滞后原因抓紧推进。');
    expect(data.items.map((i) => i.project)).toEqual(['A3', 'A1', 'A2']);
    expect(data.notTakenUp).toEqual(['A5']);
    // the opening counts the lagging items taken up (A3 黄, A2 红), not the agenda
    expect(t[0]).toContain('逐一研究了2个进度滞后项目存在的问题');
    expect(t.join('\n')).not.toContain('高岭土项目');
  });

  it('reports a note as the unit’s report at the meeting', () => {
    expect(t.some((x) => x.includes('会上，甲局汇报：资金缺口已落实一半。'))).toBe(true);
  });

  it('never shows an earlier meeting’s note as heard at this meeting', () => {
    // a third meeting hears nothing: d2's last word (none) and d1's note (heard 8-27) are not shown
    const base = sampleMeetings();
    base[1]!.followups.push({ decision: '2021-08-20-02', status: '推进中', note: '环评批复已上报' });
    const third: Meeting = {
      file: '/tmp/meetings/2021-09-03.yaml',
      meeting: { ...base[1]!.meeting, date: '2021-09-03' },
      items: [],
      followups: [],
    };
    const all = [...base, third];
    const d = buildMinutes({ meeting: third, register: sampleRegister(), meetings: all });
    const lines = texts(d);
    expect(lines.join('\n')).not.toContain('环评批复已上报');
    expect(lines).toContain(
      '1.煤矸石综合利用项目：督促企业尽快复工（责任单位：丙局，完成时限：2021年9月10日）。本次会议未汇报落实情况。',
    );
    expect(lines[0]).not.toContain('检查了上次会议议定事项落实情况');
    expect((d.data as MinutesData).heardCount).toBe(0);
  });
});

describe('按时落实 with done_on, and the 超期落实 column (item 3)', () => {
  const decisionMeeting: Meeting = {
    meeting: { date: '2021-08-02', kind: '周调度', present: [], absent: [], attending: [], closed: true },
    items: [
      {
        project: 'A1',
        reasons: [],
        decisions: [
          { id: 'X1', text: '甲', unit: '甲局', due: '2021-08-06' },
          { id: 'X2', text: '乙', unit: '甲局', due: '2021-08-06' },
          { id: 'X3', text: '丙', unit: '甲局', due: '2021-08-06' },
        ],
      },
    ],
    followups: [],
  };
  const heardLate: Meeting = {
    meeting: { date: '2021-08-23', kind: '周调度', present: [], absent: [], attending: [], closed: true },
    items: [],
    followups: [
      // heard two meetings after the time limit, but carried out on 8-05: on time
      { decision: 'X1', status: '已落实', doneOn: '2021-08-05' },
      // no done_on: heard at a later meeting than the first after due → late
      { decision: 'X2', status: '已落实' },
    ],
  };
  const between: Meeting = {
    meeting: { date: '2021-08-09', kind: '周调度', present: [], absent: [], attending: [], closed: true },
    items: [],
    // heard at the first meeting after due, but done_on says 8-08: late
    followups: [{ decision: 'X3', status: '已落实', doneOn: '2021-08-08' }],
  };
  const day = '2021-08-31';
  const ledger = buildLedger([decisionMeeting, between, heardLate], day);

  it('uses done_on when given, the meeting rule otherwise', () => {
    expect(ledger.map((e) => [e.decision.id, e.doneOnTime])).toEqual([
      ['X1', true],
      ['X2', false],
      ['X3', false],
    ]);
  });

  it('counts 超期落实 so that 到期 = 按时落实 + 超期落实 + 逾期未落实', () => {
    const [row] = unitDecisionFigures(ledger, day);
    expect(row).toMatchObject({ due: 3, doneOnTime: 1, doneLate: 2, overdue: 0 });
    const doc = buildBulletin({ register: sampleRegister(), meetings: sampleMeetings() });
    const table = doc.blocks.find((b) => b.type === 'table' && b.caption === '各责任单位议定事项落实情况');
    if (table?.type !== 'table') throw new Error('no decision table');
    const cols = table.columns.map((c) => c.title);
    expect(cols).toContain('超期落实');
    const at = (name: string) => cols.indexOf(name);
    for (const r of table.rows) {
      const n = (name: string) => r[at(name)]!.value ?? 0;
      expect(n('到期事项')).toBe(n('按时落实') + n('超期落实') + n('逾期未落实'));
    }
  });
});

describe('JSON agrees with the text (item 3)', () => {
  it('gives no rateRank to a unit without a plan and no completedMonth when none is given', () => {
    const register = sampleRegister();
    register.projects.find((p) => p.id === 'A3')!.unit = '丁局'; // A3 has no annual plan
    for (const p of register.projects) delete p.completedMonth;
    const doc = buildBulletin({ register });
    const data = doc.data as BulletinData;
    const ding = data.unitRanking.find((u) => u.name === '丁局')!;
    expect(ding.completionRate.text).toBe('—');
    expect('rateRank' in ding).toBe(false);
    expect(data.unitRanking.find((u) => u.name === '甲局')!.rateRank).toBe(3);
    expect('completedMonth' in data.overall).toBe(false);
    expect(texts(doc).join('\n')).not.toContain('本月完成投资');
    expect(JSON.parse(JSON.stringify(data)).overall.completedMonth).toBeUndefined();
  });
});

describe('wording (item 4)', () => {
  it('puts decision ids into words', () => {
    expect(withoutDecisionIds('剩余1户仍在协商，由2021-09-22-02继续督办')).toBe(
      '剩余1户仍在协商，已在9月22日调度会上重新明确时限，继续督办',
    );
    expect(withoutDecisionIds('改由2021-09-22-05统筹督办')).toBe('改由9月22日调度会议定事项统筹督办');
  });

  it('names the chair and leaders with their 职务, and the office as 我中心', () => {
    const meetings = sampleMeetings();
    const m = meetings[1]!;
    m.meeting.chair = '王五（区长）';
    m.meeting.present = ['王五（区长）', '李四（副区长）', '赵六（副区长）', '甲局'];
    const doc = buildMinutes({ meeting: m, register: sampleRegister(), meetings });
    const t = texts(doc);
    expect(t[0]).toMatch(
      /^2021年8月27日，区长王五同志在区政府三楼会议室主持召开全区重点项目周调度会。副区长李四、赵六同志和甲局负责同志参加会议。/,
    );
    expect(t.some((x) => x.includes('测试区项目推进中心要'))).toBe(false);
    expect(t.some((x) => x.includes('，我中心将加强跟踪督办。'))).toBe(true);
    const att = doc.blocks.find((b) => b.type === 'attendance');
    expect(att?.type === 'attendance' && att.present).toContain('李四（副区长）');
  });

  it('opens the bulletin with the 主送 line and dates it on its issue date', () => {
    const doc = buildBulletin({ register: sampleRegister(), issued: '2021-09-03' });
    expect(doc.blocks[0]).toEqual({
      type: 'paragraph',
      text: '各乡镇人民政府，区直各有关单位：',
      flush: true,
    });
    expect(texts(doc)[1]).toMatch(/现将8月份全区重点项目建设情况通报如下：$/);
    expect(doc.dateText).toBe('2021年9月3日');
    expect((doc.data as BulletinData).asOf).toBe('2021-08-31');
    const own = sampleRegister();
    own.meta.recipients = '各镇人民政府，各园区管委会，区直各部门';
    expect(buildBulletin({ register: own }).blocks[0]).toMatchObject({
      text: '各镇人民政府，各园区管委会，区直各部门：',
    });
    expect(texts(doc).join('\n')).not.toContain('按照滞后判定标准');
    expect(texts(doc).join('\n')).toContain('我中心将加强跟踪督办');
  });
});
