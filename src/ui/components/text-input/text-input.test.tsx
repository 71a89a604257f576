// Frames here are plain text: chalk is forced to level 0 before Ink loads, so no escape codes
// appear (the dimmed placeholder is asserted by its text only). The terminal cursor is asserted
// through Ink's useCursor, replaced by a recorder: the positions are exactly what Ink would get.
import { vi } from 'vitest';

const cursor = vi.hoisted(() => {
  process.env['FORCE_COLOR'] = '0';
  return { positions: [] as Array<{ x: number; y: number } | undefined> };
});

vi.mock('ink', async (importOriginal) => {
  const ink = await importOriginal<typeof import('ink')>();
  return {
    ...ink,
    useCursor: () => ({
      setCursorPosition: (p: { x: number; y: number } | undefined) => {
        cursor.positions.push(p);
      },
    }),
  };
});

import { Box, Text } from 'ink';
import { render } from 'ink-testing-library';
import React, { useState } from 'react';
import { beforeEach, describe, expect, it } from 'vitest';
import { displayWidth } from '../../../text/width.js';
import { TextInput } from './index.js';

const ESC = '\u001b';
const KEY = {
  left: `${ESC}[D`,
  right: `${ESC}[C`,
  home: `${ESC}[H`,
  end: `${ESC}[F`,
  ctrlA: '\u0001',
  ctrlE: '\u0005',
  ctrlLeft: `${ESC}[1;5D`,
  ctrlRight: `${ESC}[1;5C`,
  altB: `${ESC}b`,
  altF: `${ESC}f`,
  backspace: '\u007f',
  ctrlH: '\b',
  deleteKey: `${ESC}[3~`,
  ctrlD: '\u0004',
  ctrlW: '\u0017',
  ctrlU: '\u0015',
  ctrlK: '\u000b',
  enter: '\r',
  esc: ESC,
  up: `${ESC}[A`,
  tab: '\t',
};

/** Lets Ink and React finish what a key set off (rounds of React's scheduler), without reading the clock. */
const tick = async () => {
  for (let i = 0; i < 20; i++) await new Promise<void>((resolve) => setImmediate(resolve));
};
const lastCursor = () => cursor.positions.at(-1);

beforeEach(() => {
  cursor.positions.length = 0;
});

/** Renders an uncontrolled field and records every value it reports. */
function field(props: Partial<React.ComponentProps<typeof TextInput>> = {}) {
  const changes: string[] = [];
  const submitted: string[] = [];
  let cancelled = 0;
  const r = render(
    <TextInput
      width={20}
      onChange={(v) => changes.push(v)}
      onSubmit={(v) => submitted.push(v)}
      onCancel={() => cancelled++}
      {...props}
    />,
  );
  return { ...r, changes, submitted, cancelled: () => cancelled };
}

describe('TextInput: IME text arriving in pieces', () => {
  it('keeps every chunk, in order, when several reads come in one tick', async () => {
    const { stdin, lastFrame, changes } = field();
    await tick();
    // An IME committing 推进 / 征地 / 拆迁工作 as three reads, before React renders once.
    stdin.write('推进');
    stdin.write('征地');
    stdin.write('拆');
    stdin.write('迁工作');
    await tick();
    expect(changes.at(-1)).toBe('推进征地拆迁工作');
    expect(changes).toEqual(['推进', '推进征地', '推进征地拆', '推进征地拆迁工作']);
    expect(lastFrame()).toBe('推进征地拆迁工作');
  });

  it('keeps every chunk in a controlled field whose parent renders late', async () => {
    const seen: string[] = [];
    function Parent() {
      const [value, setValue] = useState('');
      seen.push(value);
      return <TextInput width={20} value={value} onChange={setValue} />;
    }
    const { stdin, lastFrame } = render(<Parent />);
    await tick();
    for (const chunk of ['关于', '加快', '项目', '建设']) stdin.write(chunk);
    await tick();
    expect(lastFrame()).toBe('关于加快项目建设');
    expect(seen.at(-1)).toBe('关于加快项目建设');
  });

  it('takes a value the parent sets, with the cursor at its end', async () => {
    function Parent() {
      const [value, setValue] = useState('旧内容');
      return (
        <TextInput
          width={20}
          value={value}
          onChange={setValue}
          onSubmit={() => setValue('住建局')}
          inverseCursor
        />
      );
    }
    const { stdin, lastFrame } = render(<Parent />);
    await tick();
    stdin.write(KEY.enter);
    await tick();
    stdin.write('和');
    await tick();
    expect(lastFrame()).toBe('住建局和');
  });
});

describe('TextInput: editing keys', () => {
  it('moves by code point over CJK and emoji and inserts there', async () => {
    const { stdin, changes } = field({ defaultValue: '红👍🏽绿' });
    await tick();
    stdin.write(KEY.left);
    stdin.write(KEY.left);
    stdin.write('黄');
    await tick();
    expect(changes.at(-1)).toBe('红黄👍🏽绿');
    stdin.write(KEY.right);
    stdin.write(KEY.right);
    stdin.write('!');
    await tick();
    expect(changes.at(-1)).toBe('红黄👍🏽绿!');
  });

  it('deletes with Backspace (DEL and Ctrl+H) and with the Delete key and Ctrl+D', async () => {
    const { stdin, changes } = field({ defaultValue: '甲乙丙丁戊' });
    await tick();
    stdin.write(KEY.backspace);
    await tick();
    expect(changes.at(-1)).toBe('甲乙丙丁');
    stdin.write(KEY.home);
    stdin.write(KEY.deleteKey);
    await tick();
    expect(changes.at(-1)).toBe('乙丙丁');
    stdin.write(KEY.right);
    stdin.write(KEY.ctrlH);
    await tick();
    expect(changes.at(-1)).toBe('丙丁');
    stdin.write(KEY.ctrlD);
    await tick();
    expect(changes.at(-1)).toBe('丁');
  });

  it('goes home and end with Home/End and Ctrl+A/Ctrl+E', async () => {
    const { stdin, changes } = field({ defaultValue: '完成时限' });
    await tick();
    stdin.write(KEY.home);
    stdin.write('[');
    stdin.write(KEY.end);
    stdin.write(']');
    stdin.write(KEY.ctrlA);
    stdin.write('<');
    stdin.write(KEY.ctrlE);
    stdin.write('>');
    await tick();
    expect(changes.at(-1)).toBe('<[完成时限]>');
  });

  it('jumps and deletes by word, a run of Chinese being one word', async () => {
    const { stdin, changes } = field({ defaultValue: '推进征地，2024年底前完成', width: 30 });
    await tick();
    stdin.write(KEY.ctrlLeft); // to the start of 年底前完成
    stdin.write('|');
    stdin.write(KEY.altB); // back over | (a punctuation word of its own)
    stdin.write(KEY.altB); // back over 2024
    stdin.write('#');
    await tick();
    expect(changes.at(-1)).toBe('推进征地，#2024|年底前完成');
    stdin.write(KEY.ctrlRight); // over 2024
    stdin.write(KEY.altF); // over |
    stdin.write(KEY.ctrlW); // deletes the word before the cursor: |
    await tick();
    expect(changes.at(-1)).toBe('推进征地，#2024年底前完成');
    stdin.write(KEY.end);
    stdin.write(KEY.ctrlW);
    await tick();
    expect(changes.at(-1)).toBe('推进征地，#2024');
  });

  it('kills to the start and to the end', async () => {
    const { stdin, changes } = field({ defaultValue: '责任单位：住建局' });
    await tick();
    stdin.write(KEY.left);
    stdin.write(KEY.left);
    stdin.write(KEY.left);
    stdin.write(KEY.ctrlK);
    await tick();
    expect(changes.at(-1)).toBe('责任单位：');
    stdin.write(KEY.left);
    stdin.write(KEY.ctrlU);
    await tick();
    expect(changes.at(-1)).toBe('：');
  });

  it('pastes several lines as one, without control characters', async () => {
    const { stdin, changes } = field({ width: 40 });
    await tick();
    stdin.write('协调解决施工用电\r\n加快办理\u0007施工许可\r\n');
    await tick();
    expect(changes).toEqual(['协调解决施工用电加快办理施工许可']);
  });

  it('applies Backspaces that arrive in the same read as the text', async () => {
    const { stdin, changes } = field();
    await tick();
    stdin.write('落实\u007f\u007f推进中');
    await tick();
    expect(changes.at(-1)).toBe('推进中');
  });

  it('ignores keys that are not text', async () => {
    const { stdin, changes } = field({ defaultValue: 'ab' });
    await tick();
    stdin.write(KEY.up);
    stdin.write(KEY.tab);
    stdin.write('\u0007');
    await tick();
    expect(changes).toEqual([]);
  });

  it('submits on Enter and cancels on Esc', async () => {
    const f = field({ defaultValue: '已落实' });
    await tick();
    f.stdin.write(KEY.enter);
    f.stdin.write(KEY.esc);
    await tick();
    expect(f.submitted).toEqual(['已落实']);
    expect(f.cancelled()).toBe(1);
  });

  it('does nothing while inactive and then places no cursor', async () => {
    const f = field({ defaultValue: '甲', isActive: false });
    await tick();
    f.stdin.write('乙');
    f.stdin.write(KEY.enter);
    await tick();
    expect(f.changes).toEqual([]);
    expect(f.submitted).toEqual([]);
    expect(cursor.positions).toEqual([]);
  });
});

describe('TextInput: view', () => {
  it('shows the placeholder when empty', async () => {
    const { lastFrame } = field({ placeholder: '输入议定事项' });
    await tick();
    expect(lastFrame()).toBe('输入议定事项');
    expect(lastCursor()).toEqual({ x: 0, y: 0 });
  });

  it('scrolls a long value by display width, keeping the cursor in the field', async () => {
    const { lastFrame, stdin } = field({ width: 9 });
    await tick();
    stdin.write('督促责任单位加快进度');
    await tick();
    // 20 columns of text in 9: the cursor cell at the end takes one, 加快进度 the other 8.
    expect(lastFrame()).toBe('加快进度');
    expect(lastCursor()).toEqual({ x: 8, y: 0 });
    stdin.write(KEY.home);
    await tick();
    // 督促责任 (8 columns) fit; 单 would need 10.
    expect(lastFrame()).toBe('督促责任');
    expect(lastCursor()).toEqual({ x: 0, y: 0 });
  });

  it('without focus shows the start of a long value, cut with an ellipsis by display width', async () => {
    const names = '王晓峰、张建国、刘志宏、区发改局、区工信局、区文旅局、开发区管委会、井坪镇';
    function Form(props: { focus: 'present' | 'absent' }) {
      return (
        <Box flexDirection="column">
          <TextInput width={21} defaultValue={names} isActive={props.focus === 'present'} />
          <TextInput width={21} defaultValue="区交通局" isActive={props.focus === 'absent'} />
        </Box>
      );
    }
    const { lastFrame, rerender } = render(<Form focus="present" />);
    await tick();
    // focused, the caret at the end: the tail, with a cell for the caret
    expect(lastFrame()).toBe(['开发区管委会、井坪镇', '区交通局'].join('\n'));
    rerender(<Form focus="absent" />);
    await tick();
    // no focus: the start — 王晓峰、张建国、刘志 (20 columns) and "…" make 21; 宏 would not fit
    expect(lastFrame()).toBe(['王晓峰、张建国、刘志…', '区交通局'].join('\n'));
  });

  it('can draw the character at the caret in inverse as well', async () => {
    const { lastFrame, stdin } = field({ defaultValue: '项目', inverseCursor: true });
    await tick();
    stdin.write(KEY.left);
    await tick();
    // Level 0: no escape codes; the text is intact around the caret.
    expect(lastFrame()).toBe('项目');
  });
});

describe('TextInput: terminal cursor for the IME', () => {
  it('is at the display column of the caret: 2 per CJK character, 2 per emoji', async () => {
    const { stdin } = field({ defaultValue: '' });
    await tick();
    stdin.write('a项');
    await tick();
    expect(lastCursor()).toEqual({ x: 3, y: 0 });
    stdin.write('👍🏽');
    await tick();
    expect(lastCursor()).toEqual({ x: 5, y: 0 });
    stdin.write(KEY.left);
    await tick();
    expect(lastCursor()).toEqual({ x: displayWidth('a项'), y: 0 });
    stdin.write(KEY.home);
    await tick();
    expect(lastCursor()).toEqual({ x: 0, y: 0 });
  });

  it('adds the field offset inside boxes, borders, padding and a label', async () => {
    // Row 0: title. Row 1: top border. Row 2: border, padding 1, label "事项：" (6), then the field.
    // Column: border 1 + paddingLeft 1 + marginLeft 2 (outer) + label 6 = 10.
    const { stdin, lastFrame } = render(
      <Box flexDirection="column" marginLeft={2} alignItems="flex-start">
        <Text>第三项 议定事项</Text>
        <Box borderStyle="single" paddingX={1}>
          <Text>事项：</Text>
          <TextInput width={16} defaultValue="加快" />
        </Box>
      </Box>,
    );
    await tick();
    expect(lastFrame()?.split('\n')).toEqual([
      '  第三项 议定事项',
      '  ┌────────────────────────┐',
      '  │ 事项：加快' + ' '.repeat(12) + ' │',
      '  └────────────────────────┘',
    ]);
    expect(lastCursor()).toEqual({ x: 2 + 1 + 1 + 6 + 4, y: 2 });
    stdin.write('施工');
    await tick();
    expect(lastCursor()).toEqual({ x: 2 + 1 + 1 + 6 + 8, y: 2 });
  });

  it('follows focus from one field to another', async () => {
    function Form() {
      const [focus, setFocus] = useState(0);
      return (
        <Box flexDirection="column">
          <Box>
            <Text>责任单位：</Text>
            <TextInput width={12} defaultValue="住建局" isActive={focus === 0} onSubmit={() => setFocus(1)} />
          </Box>
          <Box>
            <Text>完成时限：</Text>
            <TextInput
              width={12}
              defaultValue="9月30日"
              isActive={focus === 1}
              onCancel={() => setFocus(0)}
            />
          </Box>
        </Box>
      );
    }
    const { stdin } = render(<Form />);
    await tick();
    // 责任单位： is 10 columns; 住建局 6.
    expect(lastCursor()).toEqual({ x: 16, y: 0 });
    stdin.write(KEY.enter);
    await tick();
    // 9月30日: 1 + 2 + 2 + 2 = 7.
    expect(lastCursor()).toEqual({ x: 17, y: 1 });
    stdin.write(KEY.esc);
    await tick();
    expect(lastCursor()).toEqual({ x: 16, y: 0 });
  });
});
