// 迟到 (issue 11, item 8): a meeting file may list who came late; files without the key stay valid.
import { describe, expect, it } from 'vitest';
import { parseMeetingText } from '../../src/store/meeting-read.js';

const header = (extra: string) =>
  `meeting:\n  date: 2021-10-08\n  kind: 周调度\n  present: [区发改局, 区住建局]\n${extra}items: []\nfollowups: []\n`;

describe('meeting file: late', () => {
  it('reads late when given', () => {
    const { meeting } = parseMeetingText(header('  late: [区住建局]\n'), 'm.yaml');
    expect(meeting.meeting.late).toEqual(['区住建局']);
  });

  it('keeps files without it valid', () => {
    const { meeting } = parseMeetingText(header(''), 'm.yaml');
    expect(meeting.meeting.late).toBeUndefined();
    expect(meeting.meeting.present).toEqual(['区发改局', '区住建局']);
  });
});
