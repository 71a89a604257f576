import { describe, expect, it } from 'vitest';
import { isSafeText, sanitizeText } from './sanitize.js';

const ESC = '\u001b';

describe('sanitizeText', () => {
  it('removes colour and cursor sequences from a project name', () => {
    expect(sanitizeText(`${ESC}[31m海泰${ESC}[0m项目${ESC}[2J${ESC}[H`)).toBe('海泰项目');
  });
  it('removes OSC title sequences', () => {
    expect(sanitizeText(`${ESC}]0;hacked\u0007光伏`)).toBe('光伏');
  });
  it('shows other control characters as a placeholder', () => {
    expect(sanitizeText('甲\u0007乙\u0000丙')).toBe('甲\ufffd乙\ufffd丙');
  });
  it('turns tabs and newlines into spaces unless multi-line is allowed', () => {
    expect(sanitizeText('一\t二\r\n三')).toBe('一 二 三');
    expect(sanitizeText('一\r\n三', { multiline: true })).toBe('一\n三');
  });
  it('leaves ordinary Chinese text alone', () => {
    const text = '北新建材年产4000万平方米纸面石膏板生产线（二期）';
    expect(sanitizeText(text)).toBe(text);
    expect(isSafeText(text)).toBe(true);
    expect(isSafeText(`${ESC}[1m`)).toBe(false);
  });
});
