// GB/T 9704 layout of the Word output beyond the page grid: the red 版头, the 版记 on the last even page,
// font fallbacks, titles broken at a word, dates and numbers kept on one line, punctuation that never
// hangs out of a LibreOffice page. Checked on the XML of generated documents.
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { keepTogether, renderDocx, titleLines } from '../../src/briefing/docx.js';
import type { BriefingDocument } from '../../src/briefing/document.js';
import { sampleBulletin, sampleMinutes } from './sample-documents.js';
import { all, footerNames, openDocx, paragraphs, rawText, textOf } from './docx-xml.js';

interface Opened {
  document: string;
  fontTable: string;
  footers: string[];
}

async function open(doc: BriefingDocument): Promise<Opened> {
  const { names, read } = await openDocx(doc);
  const footers: string[] = [];
  for (const name of footerNames(names.sort())) footers.push(await read(name));
  return { document: await read('word/document.xml'), fontTable: await read('word/fontTable.xml'), footers };
}

const paragraphWith = (xml: string, text: string): string => {
  const p = paragraphs(xml).find((para) => textOf(para) === text);
  if (!p) throw new Error(`no paragraph reads ${text}`);
  return p;
};
const sections = (xml: string): string[] => all(xml, /<w:sectPr\b.*?<\/w:sectPr>/gs);

const bulletinWithMarks = (): BriefingDocument => ({
  ...sampleBulletin(6),
  title: '关于2021年9月份平鲁区重点项目建设情况的通报',
  letterhead: { mark: '平鲁区项目推进中心文件', number: '平项推〔2021〕9号' },
  colophon: {
    cc: ['区委办', '区人大办', '区政府办', '区政协办'],
    printedBy: '平鲁区项目推进中心综合科',
    printedOn: '2021年11月3日',
  },
});

describe('版头 (GB/T 9704 §7.2, §10.3)', () => {
  let minutes: Opened;
  let bulletin: Opened;
  beforeAll(async () => {
    minutes = await open(sampleMinutes());
    bulletin = await open(bulletinWithMarks());
  });

  it('prints a 纪要标志 in red 小标宋, centred, 35 mm below the top of the type area', () => {
    const mark = paragraphWith(minutes.document, '平鲁区重点项目周调度会议纪要');
    expect(mark).toContain('<w:color w:val="FF0000"/>');
    expect(mark).toContain('w:eastAsia="方正小标宋简体"');
    expect(mark).toContain('<w:jc w:val="center"/>');
    // three lines (1737 twips) before the two-line slot: the 36 pt type starts about 35 mm down
    expect(mark).toMatch(/w:before="1737"/);
  });

  it('puts the issuer and the date on one line over a red rule under a 纪要标志, and no 落款 at the end', () => {
    const line = paragraphs(minutes.document).find((p) => textOf(p) === '平鲁区项目推进中心2021年11月15日');
    expect(line).toBeDefined();
    expect(line).toContain('<w:tab/>');
    expect(line).toMatch(/<w:bottom w:val="single" w:color="FF0000"[^>]*w:sz="18"/);
    const texts = paragraphs(minutes.document).map(textOf);
    expect(texts.filter((t) => t === '平鲁区项目推进中心')).toHaveLength(0);
    expect(texts[texts.length - 1]).toMatch(/^列席：/);
  });

  it('prints a bulletin under the red 发文机关标志, the 发文字号 over the red line, then the title', () => {
    const texts = paragraphs(bulletin.document).map(textOf);
    const at = texts.indexOf('平鲁区项目推进中心文件');
    expect(at).toBe(0);
    expect(paragraphs(bulletin.document)[0]).toContain('<w:color w:val="FF0000"/>');
    const number = paragraphWith(bulletin.document, '平项推〔2021〕9号');
    expect(number).toContain('<w:jc w:val="center"/>');
    expect(number).toMatch(/<w:pBdr><w:bottom w:val="single" w:color="FF0000"/);
    expect(texts.indexOf('平项推〔2021〕9号')).toBeLessThan(
      texts.indexOf('关于2021年9月份平鲁区重点项目建设情况的通报'),
    );
  });
});

describe('版记 (GB/T 9704 §7.4)', () => {
  let bulletin: Opened;
  beforeAll(async () => {
    bulletin = await open(bulletinWithMarks());
  });

  it('starts a last section on an even page, whose footer is the 版记 and no page number', () => {
    const last = sections(bulletin.document).at(-1) ?? '';
    expect(last).toContain('<w:type w:val="evenPage"/>');
    const refs = all(last, /<w:footerReference [^>]*r:id="[^"]+"/g);
    expect(refs).toHaveLength(2);
    const colophons = bulletin.footers.filter((f) => textOf(f).includes('抄送'));
    expect(colophons).toHaveLength(2); // odd and even footers of that section
    for (const f of colophons) {
      expect(textOf(f)).toBe(
        '抄送：区委办、区人大办、区政府办、区政协办。平鲁区项目推进中心综合科2021年11月3日印发',
      );
      expect(f).not.toContain('PAGE');
    }
  });

  it('sets 抄送 and 印发 between a thick first and last rule and a thin rule between them', () => {
    const f = bulletin.footers.find((x) => textOf(x).includes('抄送')) ?? '';
    const borders = /<w:tblBorders>(.*?)<\/w:tblBorders>/s.exec(f)?.[1] ?? '';
    expect(borders).toMatch(/<w:top w:val="single" w:color="000000" w:sz="8"/);
    expect(borders).toMatch(/<w:bottom w:val="single" w:color="000000" w:sz="8"/);
    expect(borders).toMatch(/<w:insideH w:val="single" w:color="000000" w:sz="6"/);
    expect(borders).toMatch(/<w:left w:val="none"/);
    expect(f).toContain('w:eastAsia="仿宋_GB2312"');
    expect(f).toContain('<w:sz w:val="28"/>'); // 4号
  });

  it('has no 版记 when the register gives none', async () => {
    const plain = await open(sampleBulletin(6));
    expect(plain.footers.some((f) => textOf(f).includes('抄送'))).toBe(false);
    expect(plain.document).not.toContain('w:val="evenPage"');
  });
});

describe('fonts', () => {
  it('names a fallback for each GB/T 9704 font in the font table', async () => {
    const { fontTable } = await open(sampleMinutes());
    const alt = (name: string): string | undefined =>
      new RegExp(`<w:font w:name="${name}"><w:altName w:val="([^"]+)"/>`).exec(fontTable)?.[1];
    expect(alt('仿宋_GB2312')).toBe('仿宋');
    expect(alt('仿宋')).toBe('FangSong');
    expect(alt('楷体_GB2312')).toBe('楷体');
    expect(alt('楷体')).toBe('KaiTi');
    expect(alt('方正小标宋简体')).toBe('华文中宋');
    expect(alt('华文中宋')).toBe('宋体');
    expect(alt('黑体')).toBe('SimHei');
    expect(fontTable).toMatch(/<w:font w:name="仿宋_GB2312">.*?<w:charset w:val="86"\/>/);
  });

  it('prints page-number digits in 宋体', async () => {
    const { footers } = await open(sampleMinutes());
    const numbered = footers.filter((f) => f.includes('PAGE'));
    expect(numbered.length).toBeGreaterThan(0);
    for (const f of numbered) {
      const run = /<w:r>(?:(?!<\/w:r>).)*?PAGE.*?<\/w:r>/s.exec(f)?.[0] ?? '';
      expect(f).toContain('w:ascii="宋体"');
      expect(f).not.toContain('Times New Roman');
      expect(run).toBeDefined();
    }
  });
});

describe('page breaks', () => {
  it('keeps the last lines of text with the attendance lines, which keep together', async () => {
    const { document } = await open(sampleMinutes());
    const last = paragraphWith(
      document,
      '各责任单位要对照议定事项逐项抓好落实，凡事有交代、件件有着落、事事有回音，落实情况于下次调度会前报区项目推进中心。',
    );
    expect(last).toContain('<w:keepNext/>');
    const ps = paragraphs(document);
    const at = ps.indexOf(last);
    expect(textOf(ps[at + 1] ?? '')).toBe(''); // the blank line before 出席
    expect(ps[at + 1]).toContain('<w:keepNext/>');
    expect(textOf(ps[at + 2] ?? '')).toMatch(/^出席：/);
    expect(ps[at + 2]).toContain('<w:keepNext/>');
    expect(ps[at + 3]).toContain('<w:keepNext/>');
  });

  it('keeps a long paragraph ending in a colon free to end a page; a short one stays with what follows', async () => {
    const long =
      '为全面掌握平鲁区重点项目建设进展，压实项目推进责任，按照“周调度、月通报、季考核”工作机制，现将2021年9月份平鲁区重点项目建设情况通报如下：';
    const doc: BriefingDocument = {
      ...sampleMinutes(),
      blocks: [
        { type: 'paragraph', text: long },
        { type: 'list', items: ['1.一项。'] },
        { type: 'paragraph', text: '会议议定：' },
        { type: 'list', items: ['1.二项。'] },
      ],
    };
    const { document } = await open(doc);
    expect(paragraphWith(document, long)).not.toContain('<w:keepNext/>');
    expect(paragraphWith(document, '会议议定：')).toContain('<w:keepNext/>');
  });
});

describe('landscape 附件 pages (GB/T 9704 §10.2)', () => {
  it('keep the page number where the portrait pages have it: turned, on the left edge', async () => {
    const zip = await JSZip.loadAsync(await renderDocx(sampleBulletin(6)));
    const document = await zip.file('word/document.xml')!.async('string');
    const landscape = sections(document).find((x) => x.includes('w:orient="landscape"')) ?? '';
    const headerIds = all(landscape, /<w:headerReference [^>]*r:id="([^"]+)"/g).map(
      (h) => /r:id="([^"]+)"/.exec(h)?.[1],
    );
    expect(headerIds).toHaveLength(2);
    const rels = await zip.file('word/_rels/document.xml.rels')!.async('string');
    const headers: string[] = [];
    for (const id of headerIds) {
      const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1];
      headers.push(await zip.file(`word/${target}`)!.async('string'));
    }
    for (const h of headers) {
      expect(h).toContain('PAGE');
      expect(h).toContain('<w:textDirection w:val="tbRl"/>');
      expect(h).toMatch(/<w:tblpPr [^>]*w:horzAnchor="page"/);
      expect(h).toContain('w:ascii="宋体"');
    }
    // odd pages near the bottom of the turned page, even pages near its top
    const y = headers.map((h) => Number(/w:tblpY="(\d+)"/.exec(h)?.[1]));
    expect(y[0]).toBeGreaterThan(y[1]!);
    // and no page number at the landscape foot
    const footerIds = all(landscape, /<w:footerReference [^>]*r:id="([^"]+)"/g).map(
      (h) => /r:id="([^"]+)"/.exec(h)?.[1],
    );
    for (const id of footerIds) {
      const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1];
      expect(await zip.file(`word/${target}`)!.async('string')).not.toContain('PAGE');
    }
  });
});

describe('line breaks', () => {
  it('breaks a two-line title at a word, never leaving 的通报 alone', () => {
    expect(titleLines('关于2021年9月份平鲁区重点项目建设情况的通报', 20)).toEqual([
      '关于2021年9月份平鲁区',
      '重点项目建设情况的通报',
    ]);
    expect(titleLines('关于2021年10月份达拉特经济开发区重点项目建设情况的通报', 20)).toEqual([
      '关于2021年10月份达拉特经济开发区',
      '重点项目建设情况的通报',
    ]);
    expect(titleLines('平鲁区重点项目周调度会议纪要', 20)).toEqual(['平鲁区重点项目周调度会议纪要']);
    expect(titleLines('關於2021年9月份平魯區重點項目建設情況的通報', 20)).toEqual([
      '關於2021年9月份平魯區',
      '重點項目建設情況的通報',
    ]);
    for (const t of ['关于2021年9月份全区重点工程项目和重点招商项目建设情况的通报']) {
      const lines = titleLines(t, 20);
      expect(lines.join('')).toBe(t);
      expect(lines.at(-1)).not.toMatch(/^的/);
      expect(lines.every((l) => [...l].length >= 4)).toBe(true);
    }
  });

  it('writes the title break as an explicit line break in one centred paragraph', async () => {
    const { document } = await open(bulletinWithMarks());
    const title = paragraphWith(document, '关于2021年9月份平鲁区重点项目建设情况的通报');
    expect(title).toContain('<w:br/>');
    const [first, second] = title.split('<w:br/>');
    expect(textOf(first ?? '')).toBe('关于2021年9月份平鲁区');
    expect(textOf(second ?? '')).toBe('重点项目建设情况的通报');
  });

  it('joins dates, numbers with their units and ids with word joiners', async () => {
    expect(keepTogether('截至2021年10月8日，完成率94.2%，PL-053')).toBe(
      '截至2⁠0⁠2⁠1⁠年⁠1⁠0⁠月⁠8⁠日，完成率9⁠4⁠.⁠2⁠%，P⁠L⁠-⁠0⁠5⁠3'.replaceAll('⁠', '\u2060'),
    );
    expect(keepTogether('低于序时进度32.6个百分点')).toContain(
      ['3', '2', '.', '6', '个', '百', '分', '点'].join('\u2060'),
    );
    expect(keepTogether('2021年9月份，计划11月中旬')).toBe(
      `${[...'2021年9月份'].join('\u2060')}，计划${[...'11月'].join('\u2060')}中旬`,
    );
    const { document } = await open(sampleMinutes());
    expect(rawText(document)).toContain([...'2021年11月12日'].join('\u2060'));
    expect(rawText(document)).toContain([...'7.3个百分点'].join('\u2060'));
  });

  it("says w:overflowPunct on every paragraph (LibreOffice then never drops a line's 29th 、)", async () => {
    const { document } = await open(sampleMinutes());
    const ps = paragraphs(document);
    expect(ps.length).toBeGreaterThan(10);
    for (const p of ps) expect(p).toContain('<w:overflowPunct/>');
  });
});
