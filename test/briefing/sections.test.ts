// Each section of the minutes and the bulletin is its own function (src/briefing/minutes.ts,
// bulletin.ts), read and checked here without building the whole document.
import { describe, expect, it } from 'vitest';
import type { Block } from '../../src/briefing/document.js';
import {
  buildBulletin,
  bulletinFacts,
  bulletinOpening,
  bulletinOverall,
  bulletinRedBlack,
} from '../../src/briefing/bulletin.js';
import {
  buildMinutes,
  minutesFacts,
  minutesOpening,
  minutesPreviousDecisions,
} from '../../src/briefing/minutes.js';
import { sampleMeetings, sampleRegister } from './sample.js';

const text = (b: Block | undefined): string =>
  b?.type === 'heading' || b?.type === 'paragraph' ? b.text : b?.type === 'list' ? b.items.join('\n') : '';

describe('bulletin sections', () => {
  const f = bulletinFacts({ register: sampleRegister() });

  it('三、红黑榜 on its own: the heading, 红榜, 黑榜', () => {
    expect(bulletinRedBlack(f).map(text)).toEqual([
      '三、红黑榜',
      expect.stringMatching(/^红榜：乙局（投资完成率100\.0%，超序时进度33\.3个百分点）、丙局/u),
      '黑榜：甲局（投资完成率52.0%，慢于序时进度14.7个百分点）。',
    ]);
  });

  it('the document is its sections in order, starting with 主送 and 一', () => {
    const doc = buildBulletin({ register: sampleRegister() });
    const head = [...bulletinOpening(f), ...bulletinOverall(f)];
    expect(doc.blocks.slice(0, head.length)).toEqual(head);
    expect(text(head[0])).toMatch(/：$/u);
  });
});

describe('minutes sections', () => {
  const meetings = sampleMeetings();
  const register = sampleRegister();

  it('二 at the first meeting: nothing earlier to report', () => {
    const f = minutesFacts({ meeting: meetings[0]!, register, meetings });
    expect(minutesPreviousDecisions(f).map(text)).toEqual([
      '二、上次会议议定事项落实情况',
      '本次会议无需报告落实情况的前期议定事项。',
    ]);
  });

  it('the opening at the second meeting says the follow-ups were checked', () => {
    const f = minutesFacts({ meeting: meetings[1]!, register, meetings });
    const opening = minutesOpening(f);
    expect(text(opening)).toContain('检查了上次会议议定事项落实情况');
    expect(buildMinutes({ meeting: meetings[1]!, register, meetings }).blocks[0]).toEqual(opening);
  });
});
