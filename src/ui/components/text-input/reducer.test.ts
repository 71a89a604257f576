import { describe, expect, it } from 'vitest';
import {
  cleanText,
  createTextInputState,
  textInputReducer,
  wordEndAfter,
  wordStartBefore,
  type TextInputAction,
  type TextInputState,
} from './reducer.js';
import { inputWindow } from './window.js';

const run = (state: TextInputState, ...actions: TextInputAction[]) => actions.reduce(textInputReducer, state);
const at = (value: string, cursor: number): TextInputState => ({ value, cursor });

describe('textInputReducer: typing', () => {
  it('inserts at the cursor, counting code points', () => {
    let s = createTextInputState();
    s = run(s, { type: 'insert', text: '推进' }, { type: 'insert', text: '征地' });
    expect(s).toEqual(at('推进征地', 4));
    s = run(s, { type: 'left' }, { type: 'left' }, { type: 'insert', text: '😀' });
    expect(s).toEqual(at('推进😀征地', 3));
    expect(s.value.length).toBe(6); // UTF-16 units: the cursor is not one of these
  });

  it('strips control characters and escape sequences from typed and pasted text', () => {
    expect(run(at('', 0), { type: 'insert', text: 'a\u0007b\u001b[31mc' })).toEqual(at('abc', 3));
    expect(run(at('', 0), { type: 'insert', text: '\u0001' })).toEqual(at('', 0));
    expect(run(at('x', 1), { type: 'insert', text: '\u202e' })).toEqual(at('x', 1));
  });

  it('pastes lines as one line, joined as Chinese expects: no space between Chinese lines', () => {
    expect(run(at('', 0), { type: 'paste', text: '完成征地\r\n拆迁工作\r\n' })).toEqual(
      at('完成征地拆迁工作', 8),
    );
    // a sentence broken after its full stop, a blank line, a break before a date
    expect(
      run(at('', 0), { type: 'paste', text: '加快办理施工许可。\n\n  10月15日前完成\n主体结构' }).value,
    ).toBe('加快办理施工许可。10月15日前完成主体结构');
    // words of other scripts keep a space between them
    expect(run(at('ab', 1), { type: 'paste', text: '1\t2\n3' })).toEqual(at('a1 2 3b', 6));
    expect(run(at('', 0), { type: 'paste', text: 'Phase\nII 工程\n（二期）' }).value).toBe(
      'Phase II 工程（二期）',
    );
  });

  it('replaces a selected value with what is typed; deleting clears it, moving unselects', () => {
    const picked: TextInputState = { value: '下周五', cursor: 3, selected: true };
    expect(run(picked, { type: 'insert', text: '1' })).toEqual(at('1', 1));
    expect(run(picked, { type: 'insert', text: '1' }, { type: 'insert', text: '0' })).toEqual(at('10', 2));
    expect(run(picked, { type: 'paste', text: '２０２１－１０－２０' })).toEqual(
      at('２０２１－１０－２０', 10),
    );
    expect(run(picked, { type: 'backspace' })).toEqual(at('', 0));
    expect(run(picked, { type: 'killToStart' })).toEqual(at('', 0));
    expect(run(picked, { type: 'left' })).toEqual(at('下周五', 2));
    expect(run(picked, { type: 'end' }, { type: 'insert', text: '前' })).toEqual(at('下周五前', 4));
    expect(run(at('下周五', 1), { type: 'set', value: '月底', select: true })).toEqual({
      value: '月底',
      cursor: 2,
      selected: true,
    });
  });

  it('keeps a replacement character that was really in the text', () => {
    expect(cleanText('a\ufffdb\u0000c')).toBe('a\ufffdbc');
  });
});

describe('textInputReducer: moving and deleting', () => {
  it('moves by grapheme over CJK, emoji with modifiers and combining marks', () => {
    // 红 · 👍🏽 (2 code points) · e+◌́ (2 code points) · 绿
    const value = '红👍🏽e\u0301绿';
    let s = at(value, 0);
    const stops: number[] = [];
    for (let i = 0; i < 5; i++) {
      s = textInputReducer(s, { type: 'right' });
      stops.push(s.cursor);
    }
    expect(stops).toEqual([1, 3, 5, 6, 6]);
    const back: number[] = [];
    for (let i = 0; i < 5; i++) {
      s = textInputReducer(s, { type: 'left' });
      back.push(s.cursor);
    }
    expect(back).toEqual([5, 3, 1, 0, 0]);
  });

  it('deletes whole clusters with Backspace and Delete', () => {
    const value = '红👍🏽e\u0301绿';
    expect(run(at(value, 3), { type: 'backspace' })).toEqual(at('红e\u0301绿', 1));
    expect(run(at(value, 3), { type: 'delete' })).toEqual(at('红👍🏽绿', 3));
    expect(run(at(value, 0), { type: 'backspace' })).toEqual(at(value, 0));
    expect(run(at(value, 6), { type: 'delete' })).toEqual(at(value, 6));
  });

  it('goes to the start and end, and kills to either', () => {
    const s = at('责任单位：住建局', 4);
    expect(run(s, { type: 'home' }).cursor).toBe(0);
    expect(run(s, { type: 'end' }).cursor).toBe(8);
    expect(run(s, { type: 'killToStart' })).toEqual(at('：住建局', 0));
    expect(run(s, { type: 'killToEnd' })).toEqual(at('责任单位', 4));
  });

  it('returns the same state when nothing changes', () => {
    const s = at('abc', 3);
    expect(run(s, { type: 'right' })).toBe(s);
    expect(run(s, { type: 'end' })).toBe(s);
    expect(run(s, { type: 'killToEnd' })).toBe(s);
    expect(run(s, { type: 'insert', text: '' })).toBe(s);
  });
});

describe('words', () => {
  const text = '推进征地拆迁，2024年底前完成 today';
  // Code points: 推进征地拆迁 0–6 · ， 6–7 · 2024 7–11 · 年底前完成 11–16 · space · today 17–22

  it('treats a run of Chinese characters as one word, split by punctuation and script', () => {
    expect(wordStartBefore(text, 22)).toBe(17);
    expect(wordStartBefore(text, 17)).toBe(11);
    expect(wordStartBefore(text, 11)).toBe(7);
    expect(wordStartBefore(text, 7)).toBe(6);
    expect(wordStartBefore(text, 6)).toBe(0);
    expect(wordStartBefore(text, 3)).toBe(0);
    expect(wordEndAfter(text, 0)).toBe(6);
    expect(wordEndAfter(text, 6)).toBe(7);
    expect(wordEndAfter(text, 7)).toBe(11);
    expect(wordEndAfter(text, 11)).toBe(16);
    expect(wordEndAfter(text, 16)).toBe(22);
  });

  it('jumps and deletes by word', () => {
    expect(run(at(text, 22), { type: 'wordLeft' }, { type: 'wordLeft' }).cursor).toBe(11);
    expect(run(at(text, 0), { type: 'wordRight' }, { type: 'wordRight' }).cursor).toBe(7);
    expect(run(at(text, 16), { type: 'deleteWordBackward' })).toEqual(at('推进征地拆迁，2024 today', 11));
    expect(run(at('a  ', 3), { type: 'deleteWordBackward' })).toEqual(at('', 0));
  });
});

describe('set (a controlled value changed by the parent)', () => {
  it('keeps the cursor at the end when it was there, else where it was', () => {
    expect(run(at('abc', 3), { type: 'set', value: '督办事项' })).toEqual(at('督办事项', 4));
    expect(run(at('abcdef', 2), { type: 'set', value: 'xyz' })).toEqual(at('xyz', 2));
    expect(run(at('abcdef', 5), { type: 'set', value: 'xy' })).toEqual(at('xy', 2));
    expect(run(at('abc', 1), { type: 'set', value: '👍🏽x', cursor: 1 })).toEqual(at('👍🏽x', 2));
  });
});

describe('inputWindow', () => {
  it('shows short text whole, cursor column by display width', () => {
    expect(inputWindow('项目ab', 2, 10)).toEqual({
      start: 0,
      text: '项目ab',
      cursorColumn: 4,
      textWidth: 6,
      before: '项目',
    });
  });

  it('scrolls so the cursor at the end keeps one free cell', () => {
    // 6 characters × 2 = 12 columns in a field of 8; the cursor after 迁 needs a cell of its own,
    // so 地拆迁 (6 columns) + the cursor cell fit, and 征 before them would make 9.
    const w = inputWindow('推进征地拆迁', 6, 8);
    expect(w).toEqual({ start: 3, text: '地拆迁', cursorColumn: 6, textWidth: 6, before: '地拆迁' });
  });

  it('keeps the window while the cursor stays inside it, and follows it out on the left', () => {
    const w1 = inputWindow('推进征地拆迁', 4, 8, 3);
    expect([w1.start, w1.text, w1.cursorColumn]).toEqual([3, '地拆迁', 2]);
    const w2 = inputWindow('推进征地拆迁', 2, 8, 3);
    expect([w2.start, w2.text, w2.cursorColumn]).toEqual([2, '征地拆迁', 0]);
  });

  it('shows a wide character under the cursor whole, never half of one', () => {
    // Width 5, cursor on 迁 (index 5): it needs columns 3–4, so the window starts at 拆.
    const w = inputWindow('推进征地拆迁', 5, 5);
    expect([w.start, w.text, w.cursorColumn]).toEqual([4, '拆迁', 2]);
    // Odd width, cursor at the start: 推进 fit in 5 columns, 征 would need 6.
    expect(inputWindow('推进征地拆迁', 0, 5).text).toBe('推进');
  });

  it('slides back left when text is deleted at the end', () => {
    const w = inputWindow('推进征', 3, 8, 2);
    expect([w.start, w.text, w.cursorColumn]).toEqual([0, '推进征', 6]);
  });
});
