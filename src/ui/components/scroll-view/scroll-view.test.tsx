import { vi } from 'vitest';
vi.hoisted(() => {
  process.env['FORCE_COLOR'] = '0';
});

import { render } from 'ink-testing-library';
import React from 'react';
import { describe, expect, it } from 'vitest';
import { ScrollView, createScrollState, scrollPosition, scrollReducer, useScrollView } from './index.js';

const ESC = '\u001b';
/** Lets Ink and React finish what a key set off (rounds of React's scheduler), without reading the clock. */
const tick = async () => {
  for (let i = 0; i < 20; i++) await new Promise<void>((resolve) => setImmediate(resolve));
};

describe('scrollReducer', () => {
  it('scrolls by line and by page less one line, within bounds', () => {
    let s = createScrollState(100, 10);
    s = scrollReducer(s, { type: 'scroll', move: 'pageDown' });
    expect(s.offset).toBe(9);
    s = scrollReducer(s, { type: 'scroll', move: 'down' });
    expect(s.offset).toBe(10);
    s = scrollReducer(s, { type: 'scroll', move: 'end' });
    expect(s.offset).toBe(90);
    expect(scrollReducer(s, { type: 'scroll', move: 'down' })).toBe(s);
    s = scrollReducer(s, { type: 'scroll', move: 'pageUp' });
    expect(s.offset).toBe(81);
    s = scrollReducer(s, { type: 'scroll', move: 'home' });
    expect(s.offset).toBe(0);
    expect(scrollReducer(s, { type: 'scroll', move: 'up' })).toBe(s);
  });

  it('clamps when the text gets shorter or the screen taller', () => {
    const s = { count: 100, height: 10, offset: 85 };
    expect(scrollReducer(s, { type: 'resize', count: 50, height: 10 })).toEqual({
      count: 50,
      height: 10,
      offset: 40,
    });
    expect(scrollReducer(s, { type: 'resize', count: 100, height: 30 })).toEqual({
      count: 100,
      height: 30,
      offset: 70,
    });
    expect(scrollReducer(s, { type: 'resize', count: 5, height: 10 })).toEqual({
      count: 5,
      height: 10,
      offset: 0,
    });
  });

  it('describes the position', () => {
    expect(scrollPosition({ count: 120, height: 20, offset: 20 })).toBe('第 21–40 行，共 120 行');
    expect(scrollPosition({ count: 5, height: 20, offset: 0 })).toBe('第 1–5 行，共 5 行');
    expect(scrollPosition({ count: 0, height: 20, offset: 0 })).toBe('（空）');
  });
});

function Preview({ lines }: { lines: string[] }) {
  const { state } = useScrollView({ lineCount: lines.length, height: 3, context: 'briefings' });
  return <ScrollView lines={lines} offset={state.offset} height={3} width={12} />;
}

describe('ScrollView', () => {
  const lines = [
    '一、总体进展',
    '全区171个项目',
    '开复工率达到94.2%，超序时进度',
    '',
    '二、上次会议议定事项落实情况',
    '末行',
  ];

  // Width 12: 开复工率达到… would be 13 columns, so 开复工率达… (11) and a trailing space that
  // Ink trims from the frame.
  it('draws only the visible lines, cut to the width', async () => {
    const { lastFrame, stdin } = render(<Preview lines={lines} />);
    await tick();
    expect(lastFrame()).toBe(['一、总体进展', '全区171个项…', '开复工率达…'].join('\n'));
    stdin.write(`${ESC}[6~`);
    await tick();
    // A page is 2 lines here (3 − 1).
    expect(lastFrame()).toBe(['开复工率达…', '', '二、上次会…'].join('\n'));
    stdin.write('G');
    await tick();
    expect(lastFrame()).toBe(['', '二、上次会…', '末行'].join('\n'));
    stdin.write('k');
    stdin.write('g');
    await tick();
    expect(lastFrame()?.split('\n')[0]).toBe('一、总体进展');
  });
});
