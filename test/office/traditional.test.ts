// 繁體 output with OpenCC's tables: simplified → traditional characters, and back.
import { describe, expect, it } from 'vitest';
import { toSimplified, toTraditional, toTraditionalDeep } from '../../src/text/traditional.js';

describe('toTraditional', () => {
  it('converts briefing text to traditional characters in their common print forms', () => {
    expect(toTraditional('关于2021年10月份全区重点项目建设情况的通报')).toBe(
      '關於2021年10月份全區重點項目建設情況的通報',
    );
    expect(toTraditional('开复工率94.2%，责任单位：区发改局')).toBe('開復工率94.2%，責任單位：區發改局');
    // phrases, not just characters: 干部 → 幹部, 里程碑 keeps 里
    expect(toTraditional('干部到项目一线，倒排里程碑')).toBe('幹部到項目一線，倒排里程碑');
    // the forms readers know (為, 考核), not OpenCC's own (爲, 考覈)
    expect(toTraditional('为落实季考核')).toBe('為落實季考核');
    // no Taiwan vocabulary: 项目 stays 項目 (not 專案)
    expect(toTraditional('项目')).toBe('項目');
  });

  it('leaves text without Chinese alone', () => {
    expect(toTraditional('PL-001 94.2%')).toBe('PL-001 94.2%');
  });

  it('converts every string of a JSON-like value, not its keys or numbers', () => {
    expect(toTraditionalDeep({ title: '通报', rows: [{ unit: '区发改局', rate: 0.5 }] })).toEqual({
      title: '通報',
      rows: [{ unit: '區發改局', rate: 0.5 }],
    });
  });
});

describe('toSimplified', () => {
  it('reads traditional headers and values as simplified', () => {
    expect(toSimplified('項目名稱 總投資（億元） 續建 投產 已落實')).toBe(
      '项目名称 总投资（亿元） 续建 投产 已落实',
    );
  });
});

describe('government usage', () => {
  it('writes 会签 as 會簽 (countersigning), not 會籤', () => {
    expect(toTraditional('省电力公司批复意见正在会签')).toBe('省電力公司批覆意見正在會簽');
  });
});
