// Opens the produced .docx (a zip of WordprocessingML) and checks the GB/T 9704 layout: page, margins,
// grid, fonts of every run, heading levels, tables with repeated header rows, page numbers, figures.
import { beforeAll, describe, expect, it } from 'vitest';
import { signatureIndents, headerBreak, LINE_PITCH, PAGE } from '../../src/briefing/docx.js';
import type { BriefingDocument } from '../../src/briefing/document.js';
import { sampleBulletin, sampleMinutes } from './sample-documents.js';
import { all, footerNames, openDocx, paragraphs, textOf } from './docx-xml.js';

interface Opened {
  document: string;
  styles: string;
  settings: string;
  footers: Record<string, string>;
  rels: string;
}

async function open(doc: BriefingDocument): Promise<Opened> {
  const { names, read } = await openDocx(doc);
  const footers: Record<string, string> = {};
  for (const name of footerNames(names)) footers[name.replace('word/', '')] = await read(name);
  return {
    document: await read('word/document.xml'),
    styles: await read('word/styles.xml'),
    settings: await read('word/settings.xml'),
    rels: await read('word/_rels/document.xml.rels'),
    footers,
  };
}

const attr = (xml: string, el: string, name: string): string | undefined =>
  new RegExp(`<${el}\\b[^>]*\\b${name}="([^"]*)"`).exec(xml)?.[1];
const paragraphWith = (xml: string, text: string): string => {
  const p = paragraphs(xml).find((para) => textOf(para) === text);
  if (!p) throw new Error(`no paragraph reads ${text}`);
  return p;
};

describe('renderDocx: minutes', () => {
  let minutes: Opened;
  beforeAll(async () => {
    minutes = await open(sampleMinutes());
  });

  it('sets A4 and the GB/T 9704 margins (37/35/28/26 mm)', () => {
    const sect = all(minutes.document, /<w:sectPr>.*?<\/w:sectPr>/gs)[0] ?? '';
    expect(attr(sect, 'w:pgSz', 'w:w')).toBe('11906');
    expect(attr(sect, 'w:pgSz', 'w:h')).toBe('16838');
    // 37 mm = 2097.6 twips, 35 mm = 1984.3, 28 mm = 1587.4, 26 mm = 1474.0
    expect(attr(sect, 'w:pgMar', 'w:top')).toBe('2098');
    expect(attr(sect, 'w:pgMar', 'w:bottom')).toBe('1984');
    expect(attr(sect, 'w:pgMar', 'w:left')).toBe('1587');
    expect(attr(sect, 'w:pgMar', 'w:right')).toBe('1474');
    expect(PAGE.width - PAGE.margin.left - PAGE.margin.right).toBe(8845); // 156 mm
  });

  it('sets 22 lines a page: a 579-twip pitch in the grid and exact spacing on the text', () => {
    const sect = all(minutes.document, /<w:sectPr>.*?<\/w:sectPr>/gs)[0] ?? '';
    expect(attr(sect, 'w:docGrid', 'w:linePitch')).toBe('579');
    expect(LINE_PITCH).toBe(579);
    const typeHeight = 16838 - 2098 - 1984; // 225 mm
    expect(22 * 579).toBeLessThanOrEqual(typeHeight);
    expect(23 * 579).toBeGreaterThan(typeHeight);
    const body = paragraphWith(minutes.document, '主体结构施工进度滞后，冬季施工措施尚未落实。');
    expect(body).toContain('<w:spacing w:line="579" w:lineRule="exact"');
  });

  it('fits 28 body characters a line: 16 pt runs condensed by 0.25 pt', () => {
    const body = paragraphWith(minutes.document, '主体结构施工进度滞后，冬季施工措施尚未落实。');
    expect(body).toContain('<w:sz w:val="32"/>');
    expect(body).toContain('<w:spacing w:val="-5"/>');
    const advance = 320 - 5; // twips a character
    expect(28 * advance).toBeLessThanOrEqual(8845);
    expect(29 * advance).toBeGreaterThan(8845);
    // first line indented two characters
    const firstLine = Number(attr(body, 'w:ind', 'w:firstLine'));
    expect(firstLine).toBeGreaterThanOrEqual(2 * 315);
    expect(firstLine).toBeLessThanOrEqual(2 * 320);
  });

  it('sets the East-Asian font on every run that has text', () => {
    const runs = all(minutes.document, /<w:r>.*?<\/w:r>/gs).filter((r) => /<w:t[ >]/.test(r));
    expect(runs.length).toBeGreaterThan(20);
    for (const r of runs) expect(r).toMatch(/<w:rFonts [^>]*w:eastAsia="[^"]+"/);
    // and the defaults say 仿宋_GB2312 三号 too
    expect(minutes.styles).toMatch(/<w:rPrDefault><w:rPr><w:rFonts w:eastAsia="仿宋_GB2312"/);
  });

  it('sets the title (the 纪要标志) in 方正小标宋简体, centred, and the issue line under it', () => {
    const title = paragraphWith(minutes.document, '平鲁区重点项目周调度会议纪要');
    expect(title).toContain('w:eastAsia="方正小标宋简体"');
    expect(title).toContain('<w:sz w:val="52"/>'); // 一号: the largest size that fits 14 characters
    expect(title).toContain('<w:jc w:val="center"/>');
    const texts = paragraphs(minutes.document).map(textOf);
    expect(texts.indexOf('第38期')).toBe(texts.indexOf('平鲁区重点项目周调度会议纪要') + 1);
  });

  it('sets headings as Word heading levels: 一、 黑体, （一） 楷体_GB2312, 1. 仿宋', () => {
    const h1 = paragraphWith(minutes.document, '一、总体进展');
    expect(h1).toContain('<w:pStyle w:val="Heading1"/>');
    expect(h1).toContain('w:eastAsia="黑体"');
    expect(h1).toContain('<w:sz w:val="32"/>');
    const h2 = paragraphWith(minutes.document, '（一）北坪循环经济园区污水处理厂项目');
    expect(h2).toContain('<w:pStyle w:val="Heading2"/>');
    expect(h2).toContain('w:eastAsia="楷体_GB2312"');
    const h3 = paragraphWith(minutes.document, '1.存在问题');
    expect(h3).toContain('<w:pStyle w:val="Heading3"/>');
    expect(h3).toContain('w:eastAsia="仿宋_GB2312"');
    // the styles carry outline levels 0, 1, 2 (navigation pane, table of contents)
    for (const [id, level] of [
      ['Heading1', 0],
      ['Heading2', 1],
      ['Heading3', 2],
    ] as const) {
      const style =
        new RegExp(`<w:style [^>]*w:styleId="${id}".*?</w:style>`, 's').exec(minutes.styles)?.[0] ?? '';
      expect(style).toContain(`<w:outlineLvl w:val="${level}"/>`);
    }
  });

  it('writes the attendance lines: label in 黑体, names in 仿宋, wrapped lines aligned after the colon', () => {
    const present = paragraphs(minutes.document).find((p) => textOf(p).startsWith('出席：')) ?? '';
    expect(textOf(present)).toBe(
      '出席：马占文、区发改局、区自然资源局、区住建局、区交通局、区生态环境局、北坪循环经济园区管委会',
    );
    const runs = all(present, /<w:r>.*?<\/w:r>/gs);
    expect(runs[0]).toContain('w:eastAsia="黑体"');
    expect(runs[1]).toContain('w:eastAsia="仿宋_GB2312"');
    // left 5 characters, hanging 3: "出席：" starts two characters in, the names align after it
    expect(Number(attr(present, 'w:ind', 'w:left')) - Number(attr(present, 'w:ind', 'w:hanging'))).toBe(
      2 * 315,
    );
    const texts = paragraphs(minutes.document).map(textOf);
    expect(texts).toContain('请假：区财政局');
    expect(texts).toContain('列席：区委督查室、区政府督查室');
  });

  it('ends a bulletin with the issuer and the date, the date four characters in from the right', async () => {
    const doc = await open({ ...sampleMinutes(), kind: 'bulletin' });
    const date = paragraphWith(doc.document, '2021年11月15日');
    expect(date).toContain('<w:jc w:val="right"/>');
    expect(Number(attr(date, 'w:ind', 'w:right'))).toBe(Math.round(4 * 315));
    const issuer = paragraphWith(doc.document, '平鲁区项目推进中心');
    // issuer 9 characters, date 7 (digits are half-width): the issuer's first character two to the left
    expect(signatureIndents('平鲁区项目推进中心', '2021年11月15日')).toEqual({ issuer: 4, date: 4 });
    expect(Number(attr(issuer, 'w:ind', 'w:right'))).toBe(Math.round(4 * 315));
  });

  it('numbers pages "— N —" in 4号宋体, odd pages right and even pages left', () => {
    expect(minutes.settings).toContain('<w:evenAndOddHeaders/>');
    const sect = all(minutes.document, /<w:sectPr>.*?<\/w:sectPr>/gs)[0] ?? '';
    const id = (type: string): string =>
      new RegExp(`<w:footerReference w:type="${type}" r:id="([^"]+)"`).exec(sect)?.[1] ?? '';
    const target = (rid: string): string =>
      new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${rid}"`)
        .exec(minutes.rels)
        ?.slice(1)
        .find(Boolean) ?? '';
    const odd = minutes.footers[target(id('default'))] ?? '';
    const even = minutes.footers[target(id('even'))] ?? '';
    for (const footer of [odd, even]) {
      expect(footer).toContain('PAGE');
      expect(textOf(footer)).toBe('—  —');
      expect(footer).toContain('w:eastAsia="宋体"');
      expect(footer).toContain('<w:sz w:val="28"/>');
    }
    expect(odd).toContain('<w:jc w:val="right"/>');
    expect(even).toContain('<w:jc w:val="left"/>');
  });

  it('keeps control characters out of the XML', async () => {
    const doc = sampleMinutes();
    doc.blocks.push({ type: 'paragraph', text: 'A\u0007B\u001b[31mC' });
    const opened = await open(doc);
    expect(opened.document).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
    expect(paragraphs(opened.document).map(textOf)).toContain('A\ufffdBC');
  });
});

describe('renderDocx: bulletin', () => {
  let bulletin: Opened;
  beforeAll(async () => {
    bulletin = await open(sampleBulletin(30));
  });
  const tables = (xml: string): string[] => all(xml, /<w:tbl>.*?<\/w:tbl>/gs);
  const rows = (tbl: string): string[] => all(tbl, /<w:tr>.*?<\/w:tr>|<w:tr [^>]*>.*?<\/w:tr>/gs);
  const cells = (tr: string): string[] => all(tr, /<w:tc>.*?<\/w:tc>/gs).map(textOf);

  it('sets the ranking table as a Word table with a repeated header row', () => {
    const ranking = tables(bulletin.document)[0] ?? '';
    const trs = rows(ranking);
    expect(trs).toHaveLength(1 + 6);
    expect(trs[0]).toContain('<w:tblHeader/>');
    expect(trs[1]).not.toContain('<w:tblHeader/>');
    expect(cells(trs[0] ?? '')).toEqual([
      '责任单位',
      '项目数',
      '年度计划投资',
      '占比',
      '累计完成投资',
      '完成额排名',
      '投资完成率',
      '完成率排名',
    ]);
    expect(cells(trs[1] ?? '')).toEqual([
      '区发改局',
      '12',
      '32000.00',
      '26.7%',
      '27040.00',
      '1',
      '84.5%',
      '1',
    ]);
    expect(cells(trs[6] ?? '')[0]).toBe('合计');
    // the grid columns add up to the type area width
    const widths = all(ranking, /<w:gridCol w:w="(\d+)"\/>/g).map((g) => Number(/\d+/.exec(g)?.[0]));
    expect(widths.reduce((a, b) => a + b, 0)).toBe(8845);
    // table text is smaller than the body (小四 or 五号), in 仿宋 with the header in 黑体
    const size = Number(attr(trs[1] ?? '', 'w:sz', 'w:val'));
    expect([24, 21, 18]).toContain(size);
    expect(trs[0]).toContain('w:eastAsia="黑体"');
    expect(trs[1]).toContain('w:eastAsia="仿宋_GB2312"');
  });

  it('writes the caption and unit note above the table and the figures in the text', () => {
    const texts = paragraphs(bulletin.document).map(textOf);
    expect(texts).toContain('表1 各责任单位重点项目推进情况');
    expect(texts).toContain('单位：万元');
    expect(texts.some((t) => t.includes('开复工率94.1%'))).toBe(true);
  });

  it('puts the 附件 on a new landscape page: "附件" in 3号黑体 flush left, its title, its table', () => {
    const sects = all(bulletin.document, /<w:sectPr>.*?<\/w:sectPr>/gs);
    expect(sects).toHaveLength(2);
    expect(sects[1]).toContain('<w:type w:val="nextPage"/>');
    expect(attr(sects[1] ?? '', 'w:pgSz', 'w:orient')).toBe('landscape');
    expect(attr(sects[1] ?? '', 'w:pgSz', 'w:w')).toBe('16838');
    const label = paragraphWith(bulletin.document, '附件');
    expect(label).toContain('w:eastAsia="黑体"');
    expect(label).toContain('<w:sz w:val="32"/>');
    expect(label).not.toContain('w:firstLine');
    const texts = paragraphs(bulletin.document).map(textOf);
    const at = texts.indexOf('附件');
    expect(texts.slice(at, at + 4)).toContain('2021年10月份全区重点项目进度表');
    // 附件说明 after the body text
    expect(texts).toContain('附件：2021年10月份全区重点项目进度表');
  });

  it('sets the progress table with its header repeated and lights shaded with the character', () => {
    const progress = tables(bulletin.document)[1] ?? '';
    const trs = rows(progress);
    expect(trs).toHaveLength(31);
    expect(trs[0]).toContain('<w:tblHeader/>');
    const first = trs[1] ?? '';
    expect(cells(first).slice(0, 3)).toEqual(['1', '海泰新能光伏高效组件项目', '区发改局']);
    const light = all(first, /<w:tc>.*?<\/w:tc>/gs)[9] ?? '';
    expect(textOf(light)).toBe('红');
    expect(light).toContain('w:fill="FF0000"');
    const yellow = all(trs[2] ?? '', /<w:tc>.*?<\/w:tc>/gs)[9] ?? '';
    expect(textOf(yellow)).toBe('黄');
    expect(yellow).toContain('w:fill="FFFF00"');
    // every row is kept on one page
    for (const tr of trs) expect(tr).toContain('<w:cantSplit/>');
  });
});

describe('layout helpers', () => {
  it('moves the date in when the issuer is long (GB/T 9704 §7.3.5.2)', () => {
    // issuer 15 characters: it keeps two characters from the right; the date (6.5) starts two right of it
    const i = signatureIndents('平鲁区重点项目建设领导小组办公室', '2021年11月3日');
    expect(i.issuer).toBe(2);
    expect(28 - i.date - 6.5).toBe(28 - i.issuer - 16 + 2);
    expect(signatureIndents(undefined, '2021年11月3日')).toEqual({ issuer: 0, date: 4 });
  });

  it('breaks a wrapped header before its last word', () => {
    expect(headerBreak('年度计划投资')).toBe(4);
    expect(headerBreak('投资完成率')).toBe(2);
    expect(headerBreak('完成额排名')).toBe(3);
    expect(headerBreak('项目数')).toBe(3);
  });
});
