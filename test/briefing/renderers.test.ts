import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import type { BriefingDocument } from '../../src/briefing/document.js';
import { renderJson } from '../../src/briefing/json.js';
import { escapeMarkdown, renderMarkdown } from '../../src/briefing/markdown.js';
import { renderText, tableLines } from '../../src/briefing/text.js';

const doc: BriefingDocument = {
  kind: 'bulletin',
  title: '关于2021年10月份平鲁区重点项目建设情况的通报',
  issuer: '平鲁区项目推进中心',
  date: '2021-10-31',
  dateText: '2021年10月31日',
  blocks: [
    { type: 'heading', level: 1, text: '一、总体情况' },
    { type: 'paragraph', text: '全区共有重点项目3个。' },
    { type: 'list', items: ['1.甲项目。', '2.乙项目。'] },
    {
      type: 'table',
      unitNote: '单位：万元',
      columns: [
        { title: '责任单位', align: 'left' },
        { title: '项目数', align: 'right' },
        { title: '灯', align: 'center' },
      ],
      rows: [
        [{ text: '区发改局' }, { text: '12', value: 12 }, { text: '红', light: '红' }],
        [{ text: 'A|B局' }, { text: '3', value: 3 }, { text: '绿', light: '绿' }],
      ],
    },
  ],
  attachments: [
    {
      title: '重点项目建设进度表',
      blocks: [{ type: 'paragraph', text: '表略' }],
    },
  ],
  data: { projects: 3 },
};

describe('renderMarkdown', () => {
  it('renders headings, tables with aligned columns and an escaped pipe, attachment and signature', () => {
    const md = renderMarkdown(doc);
    expect(md).toContain('# 关于2021年10月份平鲁区重点项目建设情况的通报\n');
    expect(md).toContain('## 一、总体情况\n');
    expect(md).toContain(
      '| 责任单位 | 项目数 | 灯 |\n| --- | ---: | :---: |\n| 区发改局 | 12 | 红 |\n| A\\|B局 | 3 | 绿 |',
    );
    expect(md).toContain('1.甲项目。  \n2.乙项目。');
    // 附件说明 before the signature, the attachment after it
    const note = md.indexOf('附件：重点项目建设进度表');
    const sig = md.indexOf('平鲁区项目推进中心  \n2021年10月31日');
    const att = md.indexOf('## 附件：重点项目建设进度表');
    expect(note).toBeGreaterThan(0);
    expect(sig).toBeGreaterThan(note);
    expect(att).toBeGreaterThan(sig);
  });
  it('escapes what Markdown would act on', () => {
    expect(escapeMarkdown('# 1#楼*主体*<b>')).toBe('\\# 1#楼\\*主体\\*\\<b\\>');
    expect(escapeMarkdown('a\nb')).toBe('a b');
  });
  it('puts the minutes issuer and date under the issue line', () => {
    const md = renderMarkdown({ ...doc, kind: 'minutes', issueLine: '第38期', attachments: [] });
    expect(
      md.startsWith(
        '# 关于2021年10月份平鲁区重点项目建设情况的通报\n\n第38期\n\n平鲁区项目推进中心　　2021年10月31日\n\n## 一、',
      ),
    ).toBe(true);
  });
});

describe('renderText', () => {
  it('aligns table columns by display width', () => {
    const lines = tableLines(
      [
        { title: '名称', align: 'left' },
        { title: '金额', align: 'right' },
      ],
      [
        [{ text: '海泰新能光伏' }, { text: '2.77' }],
        [{ text: 'ABC' }, { text: '123.45' }],
      ],
    );
    expect(lines).toEqual([
      '名称            金额',
      '------------  ------',
      '海泰新能光伏    2.77',
      'ABC           123.45',
    ]);
    const widths = lines.map((l) => stringWidth(l));
    expect(new Set(widths).size).toBe(1);
  });
  it('indents paragraphs and lists, centres the title, signs a bulletin', () => {
    const txt = renderText(doc);
    expect(txt).toContain('\n　　全区共有重点项目3个。\n');
    expect(txt).toContain('　　1.甲项目。\n　　2.乙项目。');
    const titleLine = txt.split('\n')[0]!;
    expect(titleLine.trim()).toBe(doc.title);
    expect(titleLine.startsWith('   ')).toBe(true);
    expect(txt).toMatch(/\n {10,}平鲁区项目推进中心\n {10,}2021年10月31日\n/);
    expect(txt).toContain('（单位：万元）');
    expect(txt).toContain('\n附件\n');
  });
});

describe('renderJson', () => {
  it('carries the data and the blocks', () => {
    const parsed = JSON.parse(renderJson(doc)) as BriefingDocument;
    expect(parsed.data).toEqual({ projects: 3 });
    expect(parsed.blocks).toHaveLength(4);
    expect(parsed.title).toBe(doc.title);
  });
});

describe('displayWidth', () => {
  it('agrees with string-width on CJK, ASCII, punctuation, emoji and ambiguous characters', async () => {
    const { displayWidth } = await import('../../src/text/width.js');
    for (const s of [
      '海泰新能',
      'PL-001',
      '（一）、。',
      '１２３',
      '한국어',
      '“引号”',
      '👍项目',
      'e\u0301',
      '…',
      '',
    ]) {
      expect(displayWidth(s), s).toBe(stringWidth(s));
    }
  });
});
