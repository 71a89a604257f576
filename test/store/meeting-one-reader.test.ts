// A meeting record is read by one reader (meeting-read.ts): the file as loaded and the document the
// meeting screen holds (MeetingDocument.toMeeting) give the same meeting.
import { describe, expect, it } from 'vitest';
import { MeetingDocument } from '../../src/store/meeting-document.js';
import { parseMeetingText } from '../../src/store/meeting-read.js';

const MEETING = `meeting:
  date: 2021-10-08
  kind: 週調度
  present: [张三]
  absent: []
  attending: []
  closed: false
items:
  - project: CS-001
    light: 紅
    reasons: [投资完成率低于序时进度]
    figures: { annual_plan: "1,200", completed_year: 300, time_progress: 0.75 }
    seconds: 95
    decisions:
      - id: 2021-10-08-01
        text: "  抓紧办理施工许可  "
        unit: 区住建局
        co_units: [区发改局, 区住建局, 区发改局]
        due: 2021/10/15
followups:
  - decision: 2021-09-30-01
    status: 已落實
    done_on: 2021年10月5日
`;

describe('one reader for a meeting file and a meeting document', () => {
  it('reads loose dates, traditional spellings, number text and co-units the same way', () => {
    const fromFile = parseMeetingText(MEETING, 'm.yaml').meeting;
    const fromDocument = MeetingDocument.fromText(MEETING, 'm.yaml').toMeeting();
    expect(fromDocument).toEqual(fromFile);
    const decision = fromDocument.items[0]!.decisions[0]!;
    expect(decision.due).toBe('2021-10-15');
    expect(decision.text).toBe('抓紧办理施工许可');
    expect(decision.coUnits).toEqual(['区发改局']);
    expect(fromDocument.meeting.kind).toBe('周调度');
    expect(fromDocument.items[0]!.light).toBe('红');
    expect(fromDocument.items[0]!.figures?.annualPlan).toBe(1200);
    expect(fromDocument.followups[0]).toEqual({
      decision: '2021-09-30-01',
      status: '已落实',
      doneOn: '2021-10-05',
    });
  });

  it('still reads what it can of a document with mistakes', () => {
    const text = MEETING.replace('        unit: 区住建局\n', '').replace('  kind: 週調度\n', '');
    const m = MeetingDocument.fromText(text, 'm.yaml').toMeeting();
    expect(m.meeting.kind).toBe('周调度');
    expect(m.meeting.date).toBe('2021-10-08');
    expect(m.items.map((i) => i.project)).toEqual(['CS-001']);
    expect(m.followups).toHaveLength(1);
    expect(() => parseMeetingText(text, 'm.yaml')).toThrow();
  });
});
