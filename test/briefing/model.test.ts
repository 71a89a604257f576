import { describe, expect, it } from 'vitest';
import type { Block, BriefingDocument } from '../../src/briefing/document.js';
import { buildBulletin, bulletinMonthProblem, type BulletinData } from '../../src/briefing/bulletin.js';
import { buildMinutes, looksLikeUnit, meetingNumber, type MinutesData } from '../../src/briefing/minutes.js';
import { sampleMeetings, sampleRegister } from './sample.js';

function texts(doc: BriefingDocument): string[] {
  return doc.blocks.flatMap((b: Block) =>
    b.type === 'heading' || b.type === 'paragraph' ? [b.text] : b.type === 'list' ? b.items : [],
  );
}

function headings(doc: BriefingDocument, level: 1 | 2 = 1): string[] {
  return doc.blocks.flatMap((b) => (b.type === 'heading' && b.level === level ? [b.text] : []));
}

describe('buildMinutes', () => {
  const meetings = sampleMeetings();
  const doc = buildMinutes({ meeting: meetings[1]!, register: sampleRegister(), meetings });
  const data = doc.data as MinutesData;

  it('has the title, issue number and date', () => {
    expect(doc.title).toBe('测试区重点项目周调度会议纪要');
    expect(doc.issueLine).toBe('第2期');
    expect(doc.dateText).toBe('2021年8月27日');
    expect(doc.issuer).toBe('测试区项目推进中心');
  });

  it('has the four sections in order', () => {
    expect(headings(doc)).toEqual([
      '一、总体进展',
      '二、上次会议议定事项落实情况',
      '三、滞后项目及议定事项',
      '四、下步工作要求',
    ]);
  });

  it('opens with when, who chaired, who attended and what was heard', () => {
    expect(texts(doc)[0]).toBe(
      '2021年8月27日，王五同志在区政府三楼会议室主持召开全区重点项目周调度会。甲局、乙局负责同志参加会议。' +
        '会议听取了各责任单位重点项目推进情况汇报，检查了上次会议议定事项落实情况，逐一研究了1个进度滞后项目存在的问题。' +
        '现将会议议定事项纪要如下：',
    );
  });

  it('states the overall figures', () => {
    const t = texts(doc);
    expect(t).toContain(
      // the register (8-31) is later than the meeting (8-27): the text says so
      '据项目台账最新数据（截至2021年8月31日），测试区共有重点项目5个，总投资3.60亿元。已开复工3个，开复工率60.0%；新建项目2个，已开工1个，新开工率50.0%。',
    );
    expect(t).toContain(
      '年度计划投资5500万元，累计完成投资4140万元，投资完成率75.3%，序时进度66.7%，超序时进度8.6个百分点；本月完成投资100万元。',
    );
    expect(data.overall.completionRate).toEqual({ value: 4140 / 5500, text: '75.3%' });
    expect(data.overall.startRate).toEqual({ value: 0.6, text: '60.0%' });
    expect(data.overall.timeProgress.text).toBe('66.7%');
    // Decisions are judged on the meeting day (8-27), not on the later as_of (8-31): d3 (due 8-30,
    // taken at this very meeting) is not overdue, so A3 stays yellow as it was at the meeting.
    expect(data.overall.lights).toEqual({ 红: 3, 黄: 1, 绿: 1 });
    expect(data.figuresFrom).toBe('latest');
  });

  it('reports last meeting decisions: the one heard done, the one still open', () => {
    expect(data.previousDecisions.done.map((d) => d.id)).toEqual(['2021-08-20-01']);
    expect(data.previousDecisions.open.map((d) => d.id)).toEqual(['2021-08-20-02']);
    expect(data.previousDecisions.overdue).toEqual([]);
    const t = texts(doc);
    expect(t).toContain(
      '前期会议议定事项中，需在本次会议报告落实情况的共2项，会上听取了其中1项的落实情况，其余1项未作汇报。截至会议召开时，已落实1项、推进中1项、逾期未落实0项。',
    );
    // never heard: said so, not shown as heard
    expect(t).toContain(
      '1.煤矸石综合利用项目：督促企业尽快复工（责任单位：丙局，完成时限：2021年9月10日）。本次会议未汇报落实情况。',
    );
    expect(t).toContain('1.物流园项目：协调解决资金缺口（责任单位：甲局）。落实情况：资金已到位。');
  });

  it('lists each project with why it lags and its numbered decisions', () => {
    expect(headings(doc, 2)).toContain('（一）污水处理厂项目');
    const t = texts(doc);
    expect(t).toContain(
      '责任单位：乙局；包联领导：李二。该项目为黄灯项目，计划2021年8月1日开工，已逾期26天仍未开工。',
    );
    expect(t).toContain('1.加快办理施工许可（责任单位：乙局，完成时限：2021年8月30日）。');
    expect(data.decisionCount).toBe(1);
    expect(data.items[0]).toMatchObject({ project: 'A3', light: '黄', unit: '乙局', leader: '李二' });
  });

  it('ends with the attendance lines', () => {
    expect(doc.blocks.at(-1)).toEqual({
      type: 'attendance',
      present: ['甲局', '乙局'],
      absent: ['丙局'],
      attending: ['区督查室'],
    });
  });

  it('names overdue earlier decisions with their unit', () => {
    // A third meeting on 9-13: d2 (due 9-10) is overdue there; d3 (due 8-30) too.
    const third = {
      ...meetings[1]!,
      file: '/tmp/meetings/2021-09-13.yaml',
      meeting: { ...meetings[1]!.meeting, date: '2021-09-13' },
      items: [],
      followups: [],
    };
    const all = [...meetings, third];
    const d = buildMinutes({ meeting: third, register: sampleRegister(), meetings: all });
    const md = d.data as MinutesData;
    expect(md.previousDecisions.overdue.map((x) => [x.id, x.daysOverdue])).toEqual([
      ['2021-08-27-01', 14],
      ['2021-08-20-02', 3],
    ]);
    expect(texts(d)).toContain(
      '前期会议议定事项中，需在本次会议报告落实情况的共2项，本次会议未听取落实情况。截至会议召开时，已落实0项、推进中0项、逾期未落实2项。逾期未落实事项涉及乙局、丙局。',
    );
    expect(texts(d)).toContain(
      '1.污水处理厂项目：加快办理施工许可（责任单位：乙局，完成时限：2021年8月30日，已逾期14天）。本次会议未汇报落实情况。',
    );
    expect(
      texts(d).some((x) => x.startsWith('1.限期办结逾期事项。乙局、丙局要对逾期未落实的2项议定事项')),
    ).toBe(true);
    expect(d.issueLine).toBe('第3期');
    expect(texts(d).some((x) => x.startsWith('截至2021年8月31日，测试区共有重点项目5个'))).toBe(true);
  });
});

describe('attendance in the opening paragraph', () => {
  it('names leaders as 同志 and units as 负责同志, without the chair', () => {
    const ms = sampleMeetings();
    const m = {
      ...ms[1]!,
      meeting: {
        ...ms[1]!.meeting,
        present: [
          '王五',
          '赵六',
          '区发改局',
          '区工信局',
          '区能源局',
          '区住建局',
          '区交通局',
          '井坪镇',
          '开发区管委会',
        ],
      },
    };
    const d = buildMinutes({ meeting: m, register: sampleRegister(), meetings: ms });
    expect(texts(d)[0]).toContain(
      '王五同志在区政府三楼会议室主持召开全区重点项目周调度会。赵六同志和区发改局、区工信局、区能源局、区住建局、区交通局、井坪镇等7个单位负责同志参加会议。',
    );
    expect(looksLikeUnit('马占文')).toBe(false);
    expect(looksLikeUnit('欧阳建国')).toBe(false);
    expect(looksLikeUnit('区委办督查室')).toBe(true);
    expect(looksLikeUnit('阻虎乡')).toBe(true);
  });
});

describe('meetingNumber', () => {
  it('counts meetings of the kind in the year, unless the number is set', () => {
    const ms = sampleMeetings();
    expect(meetingNumber(ms[0]!, ms)).toBe(1);
    expect(meetingNumber(ms[1]!, ms)).toBe(2);
    expect(meetingNumber({ ...ms[1]!, meeting: { ...ms[1]!.meeting, number: 38 } }, ms)).toBe(38);
    const special = { ...ms[1]!, file: 'x', meeting: { ...ms[1]!.meeting, kind: '专题' as const } };
    expect(meetingNumber(special, ms)).toBe(1);
  });
});

describe('buildBulletin', () => {
  const doc = buildBulletin({ register: sampleRegister(), meetings: sampleMeetings() });
  const data = doc.data as BulletinData;

  it('has the title and the six sections', () => {
    expect(doc.title).toBe('关于2021年8月份测试区重点项目建设情况的通报');
    expect(headings(doc)).toEqual([
      '一、总体情况',
      '二、各责任单位推进情况',
      '三、红黑榜',
      '四、进度滞后项目',
      '五、问题解决和议定事项落实情况',
      '六、下步工作要求',
    ]);
    expect(data.month).toBe('2021-08');
  });

  it('ranks units with every column of the table', () => {
    const table = doc.blocks.find((b) => b.type === 'table');
    expect(table?.type === 'table' && table.columns.map((c) => c.title)).toEqual([
      '责任单位',
      '项目数',
      '年度计划投资',
      '占比',
      '累计完成投资',
      '完成额排名',
      '投资完成率',
      '完成率排名',
    ]);
    expect(table?.type === 'table' && table.rows.map((r) => r.map((c) => c.text))).toEqual([
      ['乙局', '2', '1500', '27.3%', '1500', '2', '100.0%', '1'],
      ['丙局', '1', '2000', '36.4%', '1600', '1', '80.0%', '2'],
      ['甲局', '2', '2000', '36.4%', '1040', '3', '52.0%', '3'],
    ]);
    expect(data.unitRanking.map((r) => [r.name, r.completionRate.value, r.comparison])).toEqual([
      ['乙局', 1, '超序时进度33.3个百分点'],
      ['丙局', 0.8, '超序时进度13.3个百分点'],
      ['甲局', 0.52, '慢于序时进度14.7个百分点'],
    ]);
    expect(data.areaRanking.map((r) => r.name)).toEqual(['未明确片区', '南区', '北区']);
  });

  it('puts units at time progress on 红榜 and those below on 黑榜', () => {
    expect(data.redList.map((r) => r.name)).toEqual(['乙局', '丙局']);
    expect(data.blackList.map((r) => r.name)).toEqual(['甲局']);
    expect(texts(doc)).toContain('黑榜：甲局（投资完成率52.0%，慢于序时进度14.7个百分点）。');
  });

  it('lists lagging projects with unit, leader and reason', () => {
    expect(texts(doc)).toContain(
      '截至2021年8月31日，物流园项目、煤矸石综合利用项目、高岭土项目、污水处理厂项目等4个项目滞后，其中亮红灯4个、亮黄灯0个。具体如下：',
    );
    expect(texts(doc)).toContain(
      '1.物流园项目（责任单位：甲局，包联领导：张一）：年度投资完成率30.0%，低于序时进度（66.7%）36.7个百分点。',
    );
    expect(data.lagging.map((l) => l.id)).toEqual(['A2', 'A4', 'A5', 'A3']);
  });

  it('counts problems and decisions with the on-time rate per unit', () => {
    expect(data.problems).toMatchObject({
      raised: 2,
      resolved: 1,
      open: 1,
      overdue: 1,
      resolvedRateText: '50.0%',
    });
    expect(data.decisions).toMatchObject({ due: 2, doneOnTime: 1, onTimeRate: 0.5, onTimeRateText: '50.0%' });
    expect(data.decisions?.byUnit.map((u) => [u.unit, u.onTimeRate])).toEqual([
      ['甲局', 1],
      ['丙局', null],
      ['乙局', 0],
    ]);
    expect(texts(doc)).toContain(
      '8月份共召开调度会2次，议定事项3项。截至2021年8月31日，全年累计议定事项3项，已落实1项、推进中1项、逾期未落实1项。已到完成时限的事项2项，其中按时落实1项、超期落实0项、逾期未落实1项，按时落实率50.0%。',
    );
  });

  it('attaches the full progress table', () => {
    expect(doc.attachments).toHaveLength(1);
    const t = doc.attachments[0]!.blocks[0]!;
    expect(t.type === 'table' && t.columns.map((c) => c.title)).toEqual([
      '编号',
      '项目名称',
      '责任单位',
      '包联领导',
      '年度计划',
      '累计完成',
      '完成率',
      '灯',
      '形象进度',
    ]);
    expect(t.type === 'table' && t.rows[0]!.map((c) => c.text)).toEqual([
      'A1',
      '光伏组件项目',
      '甲局',
      '张一',
      '1000',
      '740',
      '74.0%',
      '绿',
      '主体封顶',
    ]);
  });

  it('without meetings says decisions are not covered and A3 stays yellow', () => {
    const d = buildBulletin({ register: sampleRegister() });
    expect((d.data as BulletinData).decisions).toBeNull();
    expect(texts(d)).toContain('本期未提供调度会议记录，议定事项落实情况不在本通报中统计。');
    expect((d.data as BulletinData).overall.lights).toEqual({ 红: 3, 黄: 1, 绿: 1 });
  });

  it('refuses a month other than the data month', () => {
    expect(bulletinMonthProblem(sampleRegister(), '2021-08')).toBeNull();
    expect(bulletinMonthProblem(sampleRegister(), '2021-09')).toBe(
      '台账数据截至2021年8月31日，只能生成2021年8月份的通报，不能生成2021年9月份的通报；请改用数据截至该月的台账，或去掉 --month',
    );
  });
});

describe('meetingNumber continuing a numbered series', () => {
  it('counts on from an earlier meeting that set its number', () => {
    const ms = sampleMeetings();
    const first = { ...ms[0]!, meeting: { ...ms[0]!.meeting, number: 38 } };
    expect(meetingNumber(ms[1]!, [first, ms[1]!])).toBe(39);
  });
});
