import { vi } from 'vitest';
vi.hoisted(() => {
  process.env['FORCE_COLOR'] = '1';
});

import { render } from 'ink-testing-library';
import React from 'react';
import { describe, expect, it } from 'vitest';
import { KeyHints, fitHints, helpLines } from './index.js';

const ESC = '\u001b';
const BOLD = `${ESC}[1m`;
const DIM = `${ESC}[2m`;
const INTENSITY_OFF = `${ESC}[22m`;
const RED = `${ESC}[31m`;
const FG_OFF = `${ESC}[39m`;

const hint = (keys: string, label: string) => `${BOLD}${keys}${INTENSITY_OFF} ${DIM}${label}${INTENSITY_OFF}`;

describe('fitHints', () => {
  it('keeps whole hints only', () => {
    const hints = [
      { keys: '↑↓', label: '移动' },
      { keys: 'Enter', label: '打开' },
      { keys: 'Esc', label: '返回' },
    ];
    // "↑↓ 移动" = 7, "  Enter 打开" = 12 → 19; "  Esc 返回" would make 29.
    expect(fitHints(hints, 19)).toEqual(hints.slice(0, 2));
    expect(fitHints(hints, 18)).toEqual(hints.slice(0, 1));
    expect(fitHints(hints, 29)).toEqual(hints);
  });
});

describe('KeyHints', () => {
  // Width 60: y 已落实 (8) + t 推进中 (10 with the gap) + x 撤销, e 说明 (8 each) + u 撤销上步 (12) +
  // ↑↓ 移动 (9) = 55; PgDn 翻页 (11) would make 66.
  it('lists the hints of the context from the binding table', () => {
    const { lastFrame } = render(<KeyHints context="followups" width={60} />);
    expect(lastFrame()).toBe(
      [
        hint('y', '已落实'),
        hint('t', '推进中'),
        hint('x', '撤销'),
        hint('0', '未听取'),
        hint('e', '说明'),
        hint('u', '撤销上步'),
      ].join('  '),
    );
  });

  it('puts a message first and drops hints that no longer fit', () => {
    const { lastFrame } = render(
      <KeyHints
        context="meeting"
        width={30}
        only={['meeting.addDecision', 'app.back', 'app.quit']}
        message="已保存"
        messageColor="red"
      />,
    );
    // 已保存 (6) + 2 + "a 议定" (6) + 2 + "Esc 返回" (8) = 24; "Ctrl+C 退出" would need 13 more.
    expect(lastFrame()).toBe(`${RED}已保存${FG_OFF}  ${hint('a', '议定')}  ${hint('Esc', '返回')}`);
  });
});

describe('helpLines', () => {
  it('groups the bindings of a context with aligned keys', () => {
    const lines = helpLines('confirm', 40);
    expect(lines).toEqual([
      '确认：快捷键',
      '',
      '【确认】',
      '  y / Enter  确定',
      '  n / Esc    取消',
      '',
      '【全局】',
      '  Ctrl+C     保存并退出',
    ]);
  });
});
