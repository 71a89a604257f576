import React from 'react';
import { Box, Text, measureElement, type DOMElement } from 'ink';
import { render } from 'ink-testing-library';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  codePointLength,
  codePoints,
  displayWidth,
  fitToWidth,
  graphemeBoundaries,
  graphemes,
  padToWidth,
  sliceByWidth,
  sliceCodePoints,
  truncateToWidth,
} from './width.js';

describe('displayWidth', () => {
  it('counts CJK as two columns and ASCII as one', () => {
    expect(displayWidth('abc')).toBe(3);
    expect(displayWidth('项目')).toBe(4);
    expect(displayWidth('G307国道')).toBe(8);
    expect(displayWidth('，。（）')).toBe(8);
    expect(displayWidth('')).toBe(0);
  });
  it('counts a combining mark as part of its base', () => {
    expect(displayWidth('e\u0301')).toBe(1);
    expect(displayWidth('cafe\u0301!')).toBe(5);
  });
  it('counts emoji clusters as two columns', () => {
    expect(displayWidth('👍')).toBe(2);
    expect(displayWidth('👍🏽')).toBe(2);
    expect(displayWidth('👨‍👩‍👧')).toBe(2);
    expect(displayWidth('🇨🇳')).toBe(2);
    expect(displayWidth('1️⃣')).toBe(2);
  });
  it('counts text-presentation pictographs as Ink does (one column)', () => {
    expect(displayWidth('©')).toBe(1);
    expect(displayWidth('☀')).toBe(1);
    expect(displayWidth('☀️')).toBe(2);
    expect(displayWidth('✔')).toBe(1);
  });
  it('gives zero to controls and zero-width characters', () => {
    expect(displayWidth('\u200b')).toBe(0);
    expect(displayWidth('a\u200db')).toBe(2);
    expect(displayWidth('\u0301')).toBe(0);
  });

  // The one property the table relies on: what we measure is what Ink lays out.
  it.each([
    '项目名称',
    'G307国道改扩建',
    'e\u0301x',
    '👍🏽好',
    '👨‍👩‍👧',
    '©™☀✔♥⚠',
    '☀️⚠️',
    '…※〇〜',
    'ｶﾞｷﾞ',
    '１２３ＡＢＣ',
    '한국어',
  ])('agrees with Ink layout for %j', (s) => {
    const { lastFrame, unmount } = render(
      <Box>
        <Text>{s}</Text>
        <Text>|</Text>
      </Box>,
    );
    const frame = lastFrame() ?? '';
    // Columns before the bar, as Ink placed it.
    const before = frame.slice(0, frame.indexOf('|'));
    expect(before).toBe(s);
    const { lastFrame: padded, unmount: unmount2 } = render(
      <Box>
        <Box width={displayWidth(s)}>
          <Text wrap="truncate">{s}</Text>
        </Box>
        <Text>|</Text>
      </Box>,
    );
    expect(padded()).toBe(`${s}|`);
    unmount();
    unmount2();
  });
});

// Ink's own width of the text: the laid-out width of a box that holds only that text.
function inkWidth(s: string): number {
  const ref = React.createRef<DOMElement>();
  const { unmount } = render(
    <Box>
      <Box ref={ref} flexShrink={0}>
        <Text>{s}</Text>
      </Box>
    </Box>,
  );
  const width = ref.current ? measureElement(ref.current).width : -1;
  unmount();
  return width;
}

describe('displayWidth against Ink on mixed text', () => {
  const pool = [
    'a',
    ' ',
    '项',
    '，',
    'e\u0301',
    '👍',
    '🏽',
    '\u200d',
    '©',
    '☀',
    '\ufe0f',
    'ｶ',
    'ﾞ',
    '…',
    '1',
    '\u20e3',
    '🇨',
    '🇳',
    '⌚',
    '한',
    '\u1100',
    '\u1161',
    '〰',
    '、',
    '\u302a',
    '丽',
    '（',
  ];
  it('matches Ink for random mixes of tricky characters', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pool), { maxLength: 6 }), (parts) => {
        const s = parts.join('');
        expect(displayWidth(s)).toBe(inkWidth(s));
      }),
      { numRuns: 300 },
    );
  });
  it('matches Ink for random grapheme strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 5 }), (s) => {
        expect(displayWidth(s)).toBe(inkWidth(s));
      }),
      { numRuns: 300 },
    );
  });
});

describe('truncateToWidth', () => {
  it('returns text that fits unchanged', () => {
    expect(truncateToWidth('项目', 4)).toBe('项目');
    expect(truncateToWidth('项目', 10)).toBe('项目');
  });
  it('ends cut text with an ellipsis at exactly the width', () => {
    expect(truncateToWidth('abcdefgh', 5)).toBe('abcd…');
    expect(truncateToWidth('项目名称', 5)).toBe('项目…');
  });
  it('pads with a space when a wide character does not fit', () => {
    // 6 columns: 项目 (4) + 名 would need 7 with the ellipsis, so 项目… plus one space.
    expect(truncateToWidth('项目名称', 6)).toBe('项目… ');
    expect(displayWidth(truncateToWidth('项目名称', 6))).toBe(6);
    expect(truncateToWidth('项目名称', 2)).toBe('… ');
    expect(truncateToWidth('项目名称', 1)).toBe('…');
  });
  it('never splits an emoji or a combining sequence', () => {
    expect(truncateToWidth('👍🏽👍🏽', 3)).toBe('👍🏽…');
    expect(truncateToWidth('e\u0301e\u0301e\u0301', 2)).toBe('e\u0301…');
  });
  it('drops an ellipsis wider than the room', () => {
    expect(truncateToWidth('abcdef', 2, '...')).toBe('ab');
    expect(truncateToWidth('abcdef', 4, '...')).toBe('a...');
  });
  it('gives nothing for zero width', () => {
    expect(truncateToWidth('abc', 0)).toBe('');
  });
});

describe('padToWidth and fitToWidth', () => {
  it('pads by display width', () => {
    expect(padToWidth('红', 4)).toBe('红  ');
    expect(padToWidth('红', 4, 'right')).toBe('  红');
    expect(padToWidth('红', 5, 'center')).toBe(' 红  ');
    expect(padToWidth('红黄绿', 4)).toBe('红黄绿');
  });
  it('fits to an exact width', () => {
    expect(fitToWidth('12.5', 6, 'right')).toBe('  12.5');
    expect(fitToWidth('北新建材石膏板', 7)).toBe('北新建…');
    expect(fitToWidth('北新建材石膏板', 8)).toBe('北新建… ');
    expect(displayWidth(fitToWidth('北新建材石膏板', 7))).toBe(7);
  });
});

describe('sliceByWidth', () => {
  it('takes columns, replacing a cut wide character with spaces', () => {
    expect(sliceByWidth('项目ab', 1, 4)).toBe(' 目a');
    expect(sliceByWidth('项目ab', 0, 3)).toBe('项 ');
    expect(sliceByWidth('项目ab', 4, 10)).toBe('ab');
  });
});

describe('code points and graphemes', () => {
  it('keeps surrogate pairs together', () => {
    expect(codePoints('a😀b')).toEqual(['a', '😀', 'b']);
    expect(codePointLength('a😀b')).toBe(3);
    expect('a😀b'.length).toBe(4);
    expect(sliceCodePoints('红😀绿', 1, 2)).toBe('😀');
    expect(sliceCodePoints('红😀绿', -1)).toBe('绿');
  });
  it('splits grapheme clusters and reports their code-point boundaries', () => {
    expect(graphemes('e\u0301红👍🏽')).toEqual(['e\u0301', '红', '👍🏽']);
    expect(graphemeBoundaries('e\u0301红👍🏽')).toEqual([0, 2, 3, 5]);
    expect(graphemeBoundaries('')).toEqual([0]);
  });
});
