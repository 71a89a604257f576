// The file name the 简报 screen writes a briefing under names the month of the figures, not the day it
// was issued (a September bulletin issued on 4 December is still 2021年9月's).
import { describe, expect, it } from 'vitest';
import { briefingBaseName } from '../../src/app/briefing-output.js';
import type { BriefingDocument } from '../../src/briefing/document.js';

function doc(over: Partial<BriefingDocument>): BriefingDocument {
  return {
    kind: 'bulletin',
    title: 't',
    date: '2026-12-04',
    dateText: '',
    blocks: [],
    attachments: [],
    data: null,
    ...over,
  };
}

describe('briefingBaseName', () => {
  it('names a bulletin by the month of its data, not its issue date', () => {
    expect(briefingBaseName(doc({ asOf: '2021-09-30' }))).toBe('2021年9月重点项目建设情况通报');
  });
  it('falls back to the date when the document has no data date', () => {
    expect(briefingBaseName(doc({}))).toBe('2026年12月重点项目建设情况通报');
  });
  it('names minutes by the meeting date and title', () => {
    expect(briefingBaseName(doc({ kind: 'minutes', date: '2021-09-27', title: '周调度 会议纪要' }))).toBe(
      '2021-09-27-周调度会议纪要',
    );
  });
});
