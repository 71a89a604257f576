// Word export of minutes and bulletins in official document format (GB/T 9704-2012 党政机关公文格式, as
// summarised in shared/docs/domain.md): A4, margins 37/35/28/26 mm, a document grid of 22 lines × 28
// characters, 2号方正小标宋简体 title, 3号仿宋_GB2312 body, 3号黑体/楷体 headings, page numbers "— N —" in
// 4号宋体 on the outer side (odd right, even left). CJK fonts are set as the East-Asian font of every run;
// Word falls back to its default otherwise. Built with the docx package: no hand-written OOXML (a long
// table's rows and a long list's paragraphs are copies of templates docx wrote, docx-stream.ts).
import {
  AlignmentType,
  BorderStyle,
  Document,
  DocumentGridType,
  Footer,
  HeadingLevel,
  LineRuleType,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  SectionType,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type IParagraphOptions,
  type ISectionOptions,
} from 'docx';
import stringWidth from 'string-width';
import type { Align, Attachment, Block, BriefingDocument, Cell, Column } from './document.js';
import { attachmentLabel } from './wording.js';
import type { Light } from '../domain/types.js';
import { sanitizeText } from '../text/sanitize.js';
import { STREAM_ROWS, StreamedBlocks, templateItems, templateRows } from './docx-stream.js';

// ---- Fonts and sizes (GB/T 9704 §5.2, §7) ----
export const FONT = {
  title: '方正小标宋简体',
  body: '仿宋_GB2312',
  hei: '黑体',
  kai: '楷体_GB2312',
  song: '宋体',
  latin: 'Times New Roman',
} as const;

/** Chinese type sizes in points: 二号 22, 三号 16, 四号 14, 小四 12, 五号 10.5. */
export const SIZE_PT = { er: 22, san: 16, si: 14, xiaosi: 12, wu: 10.5 } as const;

// ---- Page geometry (twips: 1 mm = 1440 / 25.4 twips) ----
const mm = (v: number): number => Math.round((v * 1440) / 25.4);
export const PAGE = {
  width: 11906, // 210 mm
  height: 16838, // 297 mm
  margin: { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26) },
} as const;
/** Type area 156 × 225 mm. */
const TYPE_WIDTH = PAGE.width - PAGE.margin.left - PAGE.margin.right;
const TYPE_HEIGHT = PAGE.height - PAGE.margin.top - PAGE.margin.bottom;
/** 22 lines in 225 mm: 579.8 twips; rounded down so that 22 lines fit (22 × 580 would exceed it). */
export const LINE_PITCH = Math.floor(TYPE_HEIGHT / 22);
/** 28 characters in 156 mm: each character cell is 315.9 twips, narrower than the 16 pt (320 twips) font. */
const CHAR_PITCH = TYPE_WIDTH / 28;
/**
 * 22 lines × 28 characters. Every text paragraph has exact 579-twip line spacing (22 lines fill the type
 * area), and body runs are condensed by 0.25 pt (w:spacing −5 twentieths): 28 × 15.75 pt = 441 pt fits
 * the 442.2 pt line, 29 do not. docGrid records the line pitch but does not snap: a "linesAndChars" grid
 * (charSpace −842) says the same to Word, but LibreOffice then gives each 16 pt character two 15.8 pt
 * cells (14 a line), sets a two-line 22 pt title on double pitch and stretches every table line to a
 * 29 pt grid line. Exact spacing and condensed runs look the same in Word, WPS and LibreOffice.
 */
const GRID_CONDENSE = -5;
const GRID = { type: DocumentGridType.DEFAULT, linePitch: LINE_PITCH };
/** One character of body text, for indents ("左空二字"). */
const CHAR = Math.floor(CHAR_PITCH);
/** Landscape attachment pages (wide progress tables): the page turned, binding edge at the top. */
const LANDSCAPE_MARGIN = { top: mm(28), bottom: mm(26), left: mm(37), right: mm(35) };
const LANDSCAPE_TYPE_WIDTH = PAGE.height - LANDSCAPE_MARGIN.left - LANDSCAPE_MARGIN.right;
/**
 * Footer distance from the page edge: the page number (4号, about 5 mm) sits 7 mm below the type area
 * (GB/T 9704 §7.5), inside the bottom margin, so it never pushes the text up.
 */
const footerDistance = (bottomMargin: number): number => mm(bottomMargin - 7 - 5);

const LIGHT_FILL: Record<Light, { fill: string; color: string }> = {
  红: { fill: 'FF0000', color: 'FFFFFF' },
  黄: { fill: 'FFFF00', color: '000000' },
  绿: { fill: '00B050', color: 'FFFFFF' },
};

interface RunStyle {
  font: string;
  sizePt: number;
  bold?: boolean;
  color?: string;
}

const clean = (text: string): string => sanitizeText(text);

/**
 * Every paragraph turns off Word's automatic space between CJK text and digits (autoSpaceDN): official
 * documents write "2021年11月15日" without gaps.
 */
function para(options: IParagraphOptions): Paragraph {
  return new Paragraph({ autoSpaceEastAsianText: false, ...options });
}

/** A run with its East-Asian font set (and a Latin font for digits and letters). */
function run(text: string, style: RunStyle): TextRun {
  return new TextRun(runOptions(text, style));
}

/** The fonts of a run: the East-Asian face, with its Latin face for digits and letters. */
const runFonts = (font: string) => ({
  eastAsia: font,
  ascii: latinFor(font),
  hAnsi: latinFor(font),
  hint: 'eastAsia',
});

function runOptions(text: string, style: RunStyle) {
  return {
    text: clean(text),
    font: runFonts(style.font),
    size: Math.round(style.sizePt * 2),
    ...(style.bold ? { bold: true } : {}),
    ...(style.color ? { color: style.color } : {}),
    ...(style.sizePt === SIZE_PT.san ? { characterSpacing: GRID_CONDENSE } : {}),
  };
}

/** Digits in body text print in Times New Roman; headings and the title keep their own face for them. */
function latinFor(font: string): string {
  return font === FONT.body || font === FONT.song ? FONT.latin : font;
}

const BODY: RunStyle = { font: FONT.body, sizePt: SIZE_PT.san };
const exactLine = { line: LINE_PITCH, lineRule: LineRuleType.EXACT, before: 0, after: 0 };

/** A paragraph of one run on the exact line pitch; `options` add alignment, indent, keepNext… */
function linePara(
  text: string,
  style: RunStyle,
  options: Omit<IParagraphOptions, 'children'> = {},
): Paragraph {
  return para({ children: [run(text, style)], spacing: exactLine, ...options });
}

function bodyParagraph(text: string, options: { keepNext?: boolean; flush?: boolean } = {}): Paragraph {
  return linePara(text, BODY, {
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: options.flush ? 0 : 2 * CHAR },
    ...(options.keepNext ? { keepNext: true } : {}),
  });
}

function blankLine(options: { keepNext?: boolean } = {}): Paragraph {
  return linePara('', BODY, options);
}

function titleParagraphs(title: string): Paragraph[] {
  // 2号小标宋, centred; a long title may break over lines by itself.
  return [linePara(title, { font: FONT.title, sizePt: SIZE_PT.er }, { alignment: AlignmentType.CENTER })];
}

function headingParagraph(level: 1 | 2 | 3, text: string): Paragraph {
  const font = level === 1 ? FONT.hei : level === 2 ? FONT.kai : FONT.body;
  const heading =
    level === 1 ? HeadingLevel.HEADING_1 : level === 2 ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_3;
  return linePara(
    text,
    { font, sizePt: SIZE_PT.san },
    { heading, alignment: AlignmentType.JUSTIFIED, indent: { firstLine: 2 * CHAR }, keepNext: true },
  );
}

/** GB/T 9704 §10.3: "出席：" in 3号黑体 two characters in, names in 仿宋, wrapped lines aligned after the colon. */
function attendanceParagraphs(block: Extract<Block, { type: 'attendance' }>, keepLast: boolean): Paragraph[] {
  const lines = (
    [
      ['出席', block.present],
      ['请假', block.absent],
      ['列席', block.attending],
    ] as const
  ).filter(([, names]) => names.length > 0);
  return lines.map(([label, names], i) =>
    para({
      children: [run(`${label}：`, { font: FONT.hei, sizePt: SIZE_PT.san }), run(names.join('、'), BODY)],
      alignment: AlignmentType.LEFT,
      spacing: exactLine,
      indent: { left: 5 * CHAR, hanging: 3 * CHAR },
      keepNext: keepLast || i < lines.length - 1,
    }),
  );
}

// ---- Tables ----

const ALIGN: Record<Align, (typeof AlignmentType)[keyof typeof AlignmentType]> = {
  left: AlignmentType.LEFT,
  right: AlignmentType.RIGHT,
  center: AlignmentType.CENTER,
};

const CELL_MARGIN = 60;
const thinBorder = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
/** Table text sizes tried in turn: 小四, 五号, 小五. */
const TABLE_SIZES = [SIZE_PT.xiaosi, SIZE_PT.wu, 9];

/**
 * Text of printable ASCII (½ a character each) and BMP characters that are always full width and never
 * combine (CJK ideographs, CJK punctuation but the combining tone marks U+302A–302F, fullwidth forms),
 * as src/text/width.ts counts it: measured by counting, without string-width's grapheme segmenting,
 * which took ~9 µs a cell (0.8 s for a 10,000-project 附件).
 */
const SIMPLE_TEXT =
  /^[\u0020-\u007e\u3000-\u3029\u3030-\u303e\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff01-\uff60\uffe0-\uffe6]*$/;

/** Characters (CJK = 1, Latin = ½) a text needs on one line. */
export function chars(text: string): number {
  if (!SIMPLE_TEXT.test(text)) return stringWidth(text) / 2;
  let narrow = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) < 0x7f) narrow++;
  return text.length - narrow / 2;
}

/** Words a wrapped header keeps whole on its second line ("年度计划/投资", "投资/完成率"). */
const HEADER_TAILS = [
  '完成率',
  '完成额',
  '项目数',
  '投资',
  '排名',
  '进度',
  '领导',
  '性质',
  '阶段',
  '单位',
  '名称',
  '时间',
  '占比',
  '率',
];

/** Where a header breaks onto two lines: before a known tail word, else in the middle. */
export function headerBreak(title: string): number {
  const n = [...title].length;
  if (n < 4) return n;
  for (const tail of HEADER_TAILS) {
    const at = n - [...tail].length;
    if (title.endsWith(tail) && at >= 2) return at;
  }
  return Math.ceil(n / 2);
}

function headerLines(title: string): [string, string] | [string] {
  const at = headerBreak(title);
  const glyphs = [...title];
  return at >= glyphs.length ? [title] : [glyphs.slice(0, at).join(''), glyphs.slice(at).join('')];
}

const isNumeric = (cell: Cell | undefined): boolean =>
  cell !== undefined && (cell.value !== undefined || /^[-+]?[\d,.]+%?$/.test(cell.text.trim()));

interface ColumnFit {
  /** the widths in twips, adding up to the width available */
  widths: number[];
  /** whether each header is set on two lines */
  wrapHeader: boolean[];
  sizePt: number;
}

/**
 * Column widths that fit the text. Each column has a least width (numbers never wrap; text may wrap down
 * to four characters; the header may take two lines) and a wanted width (every cell on one line). When
 * the wanted widths fit they are stretched to the full width; otherwise every column gets its wanted
 * width up to a common cap, chosen so that the table fills the width. When even the least widths do not fit
 * the table is set smaller (小四 → 五号 → 小五).
 */
export function fitColumns(table: { columns: Column[]; rows: Cell[][] }, available: number): ColumnFit {
  let fit: ColumnFit | undefined;
  const measures = columnMeasures(table);
  for (const sizePt of TABLE_SIZES) {
    fit = fitAtSize(table, available, sizePt, measures);
    if (fit) return fit;
  }
  return forceFit(table, available, TABLE_SIZES[TABLE_SIZES.length - 1] ?? 9, measures);
}

type Measures = { longest: number; numbers: boolean; codes: number }[];

/**
 * What each column's cells need in characters, whatever the size: measured once for a table (the sizes
 * are tried in turn) and in loops, as a table may have 100,000 rows (too many to spread into Math.max).
 */
function columnMeasures(table: { columns: Column[]; rows: Cell[][] }): Measures {
  return table.columns.map((_, i) => {
    let longest = 1;
    let numbers = true;
    let codes = 0;
    for (const row of table.rows) {
      const c = row[i];
      longest = Math.max(longest, chars(c?.text ?? ''));
      if (c !== undefined && c.text !== '' && !isNumeric(c)) numbers = false;
      // Codes such as project ids (QC-019) must not break either; their Latin capitals are wider than
      // half an em in the body fonts, so they are measured at 0.65 em a character.
      if (c && /^[\x21-\x7e]+$/.test(c.text)) codes = Math.max(codes, c.text.length * 0.65);
    }
    return { longest, numbers, codes };
  });
}

function columnNeeds(table: { columns: Column[]; rows: Cell[][] }, sizePt: number, measures: Measures) {
  const em = sizePt * 20;
  const pad = 2 * CELL_MARGIN + 30;
  return table.columns.map((col, i) => {
    const { longest, numbers, codes } = measures[i] ?? { longest: 1, numbers: true, codes: 0 };
    const header = chars(col.title);
    const headerMin = Math.max(...headerLines(col.title).map(chars));
    const least = Math.max(headerMin, numbers ? longest : Math.min(longest, 4), codes, 1);
    // a header wrapped onto two lines is fine; the cells are what want room
    const want = Math.max(headerMin, longest, codes);
    return { least: least * em + pad, want: want * em + pad, header: header * em + pad };
  });
}

function fitAtSize(
  table: { columns: Column[]; rows: Cell[][] },
  available: number,
  sizePt: number,
  measures: Measures,
): ColumnFit | undefined {
  const needs = columnNeeds(table, sizePt, measures);
  const least = needs.reduce((a, n) => a + n.least, 0);
  const want = needs.reduce((a, n) => a + n.want, 0);
  if (least > available) return undefined;
  let widths: number[];
  if (want <= available) {
    widths = needs.map((n) => n.want);
  } else {
    // Water-filling: short columns keep their whole width (a wrapped 责任单位 doubles every row);
    // the long ones (项目名称, 形象进度) share what is left equally, never below their least width.
    const at = (cap: number): number[] => needs.map((n) => Math.max(n.least, Math.min(n.want, cap)));
    let lo = 0;
    let hi = Math.max(...needs.map((n) => n.want));
    for (let i = 0; i < 40; i++) {
      const mid = (lo + hi) / 2;
      if (at(mid).reduce((a, b) => a + b, 0) <= available) lo = mid;
      else hi = mid;
    }
    widths = at(lo);
  }
  widths = spread(widths, available);
  return { widths, wrapHeader: needs.map((n, i) => (widths[i] ?? 0) < n.header - 1), sizePt };
}

function forceFit(
  table: { columns: Column[]; rows: Cell[][] },
  available: number,
  sizePt: number,
  measures: Measures,
): ColumnFit {
  const needs = columnNeeds(table, sizePt, measures);
  const widths = spread(
    needs.map((n) => n.least),
    available,
  );
  return { widths, wrapHeader: needs.map(() => true), sizePt };
}

/** Integer widths in proportion to `widths` that add up to `available`. */
function spread(widths: number[], available: number): number[] {
  const total = widths.reduce((a, b) => a + b, 0);
  const out = widths.map((w) => Math.floor((w * available) / total));
  const short = available - out.reduce((a, b) => a + b, 0);
  if (out.length > 0) out[out.length - 1] = (out[out.length - 1] ?? 0) + short;
  return out;
}

function cellParagraph(lines: string[], align: Align, style: RunStyle): Paragraph {
  return para({
    children: lines.map((line, i) =>
      i === 0 ? run(line, style) : new TextRun({ ...runOptions(line, style), break: 1 }),
    ),
    alignment: ALIGN[align],
    spacing: { line: Math.round(style.sizePt * 20 * 1.3), lineRule: LineRuleType.EXACT, before: 0, after: 0 },
  });
}

function tableBlock(
  block: Extract<Block, { type: 'table' }>,
  available: number,
  streamed?: StreamedBlocks,
): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [];
  if (block.caption) {
    out.push(
      linePara(
        block.caption,
        { font: FONT.hei, sizePt: SIZE_PT.si },
        { alignment: AlignmentType.CENTER, keepNext: true },
      ),
    );
  }
  if (block.unitNote) {
    out.push(
      linePara(
        block.unitNote,
        { font: FONT.body, sizePt: SIZE_PT.xiaosi },
        {
          alignment: AlignmentType.RIGHT,
          spacing: { line: 360, lineRule: LineRuleType.EXACT, before: 0, after: 60 },
          keepNext: true,
        },
      ),
    );
  }
  const { widths, wrapHeader, sizePt } = fitColumns(block, available);
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: block.columns.map(
      (col, i) =>
        new TableCell({
          children: [
            cellParagraph(wrapHeader[i] ? headerLines(col.title) : [col.title], 'center', {
              font: FONT.hei,
              sizePt,
            }),
          ],
          width: { size: widths[i] ?? 0, type: WidthType.DXA },
          verticalAlign: VerticalAlign.CENTER,
        }),
    ),
  });
  // A long table (the 附件's progress table) gets template rows here, which renderDocx replaces with
  // the real rows as it writes the package (docx-stream.ts).
  const bodyRows =
    streamed && block.rows.length > streamed.minRows ? templateRows(block, streamed) : block.rows;
  const rows = bodyRows.map(
    (cells) =>
      new TableRow({
        cantSplit: true,
        children: block.columns.map((col, i) => {
          const cell = cells[i] ?? { text: '' };
          const light = cell.light ? LIGHT_FILL[cell.light] : undefined;
          return new TableCell({
            children: [
              cellParagraph([cell.text], cell.light ? 'center' : col.align, {
                font: FONT.body,
                sizePt,
                ...(light ? { color: light.color, bold: true } : {}),
              }),
            ],
            width: { size: widths[i] ?? 0, type: WidthType.DXA },
            verticalAlign: VerticalAlign.CENTER,
            ...(light ? { shading: { type: ShadingType.CLEAR, fill: light.fill, color: 'auto' } } : {}),
          });
        }),
      }),
  );
  out.push(
    new Table({
      rows: [header, ...rows],
      width: { size: available, type: WidthType.DXA },
      columnWidths: widths,
      layout: TableLayoutType.FIXED,
      alignment: AlignmentType.CENTER,
      margins: { left: CELL_MARGIN, right: CELL_MARGIN, top: 30, bottom: 30 },
      borders: {
        top: thinBorder,
        bottom: thinBorder,
        left: thinBorder,
        right: thinBorder,
        insideHorizontal: thinBorder,
        insideVertical: thinBorder,
      },
    }),
  );
  return out;
}

/** `keepLast`: the last line of text stays on the page of what follows (the signature). */
function renderBlocks(
  blocks: Block[],
  available: number,
  keepLast = false,
  streamed?: StreamedBlocks,
): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [];
  for (const [index, block] of blocks.entries()) {
    const keepNext = keepLast && index === blocks.length - 1;
    switch (block.type) {
      case 'heading':
        out.push(headingParagraph(block.level, block.text));
        break;
      case 'paragraph':
        // "…如下表：", "会议议定：" introduce what follows and stay on its page
        out.push(
          bodyParagraph(block.text, {
            keepNext: keepNext || /[：:]$/.test(block.text.trim()),
            ...(block.flush ? { flush: true } : {}),
          }),
        );
        break;
      case 'list':
        // a long list (thousands of lagging projects) is a template that renderDocx repeats
        (streamed && block.items.length > streamed.minRows
          ? templateItems(block.items, streamed)
          : block.items
        ).forEach((item, i, items) =>
          out.push(bodyParagraph(item, { keepNext: keepNext && i === items.length - 1 })),
        );
        break;
      case 'table':
        out.push(...tableBlock(block, available, streamed));
        // a table followed directly by text would touch it
        out.push(para({ children: [run('', BODY)], spacing: { line: 240, before: 0, after: 0 } }));
        break;
      case 'attendance':
        out.push(blankLine({ keepNext: true }), ...attendanceParagraphs(block, keepNext));
        break;
    }
  }
  return out;
}

/** GB/T 9704 §7.3.4 附件说明: "附件：" two characters in, several attachments numbered, wrapped lines aligned. */
function attachmentNote(attachments: Attachment[]): Paragraph[] {
  if (attachments.length === 0) return [];
  if (attachments.length === 1) {
    return [
      linePara(`附件：${attachments[0]?.title ?? ''}`, BODY, {
        indent: { left: 5 * CHAR, hanging: 3 * CHAR },
        keepNext: true,
      }),
    ];
  }
  return attachments.map((a, i) =>
    linePara(`${i === 0 ? '附件：' : ''}${i + 1}.${a.title}`, BODY, {
      indent: i === 0 ? { left: 7 * CHAR, hanging: 5 * CHAR } : { left: 7 * CHAR, hanging: 2 * CHAR },
      keepNext: true,
    }),
  );
}

/**
 * 发文机关署名 and 成文日期 (GB/T 9704 §7.3.5.2): the date right-aligned four characters in from the
 * right; the issuer on the line above, its first character two characters left of the date's; when the
 * issuer is the longer, it keeps two characters from the right and the date moves in accordingly.
 */
export function signatureIndents(
  issuer: string | undefined,
  dateText: string,
): { issuer: number; date: number } {
  const chars = (s: string): number => stringWidth(s) / 2;
  const dateLen = chars(dateText);
  if (!issuer) return { issuer: 0, date: 4 };
  const issuerLen = chars(issuer);
  let dateRight = 4;
  let issuerRight = dateRight + dateLen + 2 - issuerLen;
  if (issuerRight < 2) {
    issuerRight = 2;
    dateRight = issuerRight + issuerLen - 2 - dateLen;
  }
  return { issuer: issuerRight, date: dateRight };
}

/** The closing lines: 附件说明, 发文机关署名 and 成文日期, kept on one page with the last line of text. */
function closing(doc: BriefingDocument): Paragraph[] {
  const indents = signatureIndents(doc.issuer, doc.dateText);
  const keep = { keepNext: true, keepLines: true };
  const out: Paragraph[] = [];
  if (doc.attachments.length > 0) out.push(blankLine(keep), ...attachmentNote(doc.attachments));
  out.push(blankLine(keep));
  if (doc.issuer) {
    out.push(
      linePara(doc.issuer, BODY, {
        alignment: AlignmentType.RIGHT,
        indent: { right: Math.round(indents.issuer * CHAR) },
        ...keep,
      }),
    );
  }
  out.push(
    linePara(doc.dateText, BODY, {
      alignment: AlignmentType.RIGHT,
      indent: { right: Math.round(indents.date * CHAR) },
    }),
  );
  return out;
}

function pageNumberFooter(side: 'odd' | 'even'): Footer {
  // "— N —" in 4号宋体, half-width digits: odd pages one character in from the right, even pages one
  // character in from the left (GB/T 9704 §7.5). The dashes are runs of their own in the East-Asian font.
  const size = SIZE_PT.si * 2;
  const dash = (text: string) =>
    new TextRun({
      text,
      font: { eastAsia: FONT.song, ascii: FONT.song, hAnsi: FONT.song, hint: 'eastAsia' },
      size,
    });
  return new Footer({
    children: [
      para({
        alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'odd' ? { right: SIZE_PT.si * 20 } : { left: SIZE_PT.si * 20 },
        children: [
          dash('— '),
          new TextRun({
            children: [PageNumber.CURRENT],
            font: { eastAsia: FONT.song, ascii: FONT.latin, hAnsi: FONT.latin },
            size,
          }),
          dash(' —'),
        ],
      }),
    ],
  });
}

function footers(): ISectionOptions['footers'] {
  return { default: pageNumberFooter('odd'), even: pageNumberFooter('even') };
}

const portraitPage = {
  size: { width: PAGE.width, height: PAGE.height, orientation: PageOrientation.PORTRAIT },
  margin: { ...PAGE.margin, header: mm(15), footer: footerDistance(35) },
};

/** Wide tables (a progress table of many columns) are set on a landscape page, as is common. */
function needsLandscape(attachment: Attachment): boolean {
  return attachment.blocks.some((b) => b.type === 'table' && b.columns.length > 8);
}

function attachmentSection(
  attachment: Attachment,
  index: number,
  count: number,
  streamed?: StreamedBlocks,
): ISectionOptions {
  const landscape = needsLandscape(attachment);
  const available = landscape ? LANDSCAPE_TYPE_WIDTH : TYPE_WIDTH;
  const label = attachmentLabel(index, count);
  const children: (Paragraph | Table)[] = [
    linePara(label, { font: FONT.hei, sizePt: SIZE_PT.san }, { alignment: AlignmentType.LEFT }),
    blankLine(),
    ...titleParagraphs(attachment.title),
    blankLine(),
    ...renderBlocks(attachment.blocks, available, false, streamed),
  ];
  return {
    properties: {
      type: SectionType.NEXT_PAGE,
      page: landscape
        ? {
            // docx expects portrait dimensions with orientation LANDSCAPE and swaps them itself.
            size: { width: PAGE.width, height: PAGE.height, orientation: PageOrientation.LANDSCAPE },
            margin: { ...LANDSCAPE_MARGIN, header: mm(15), footer: footerDistance(26) },
          }
        : portraitPage,
      grid: GRID,
    },
    footers: footers(),
    children,
  };
}

/**
 * `streamRows`: tables of more rows and lists of more items than this are written row by row into the
 * package instead of through the docx library (the same XML; tests set Infinity to compare the two).
 */
export async function renderDocx(
  doc: BriefingDocument,
  options: { streamRows?: number } = {},
): Promise<Buffer> {
  const streamed = new StreamedBlocks(options.streamRows ?? STREAM_ROWS);
  const main: (Paragraph | Table)[] = [...titleParagraphs(doc.title)];
  if (doc.issueLine) {
    main.push(
      linePara(doc.issueLine, { font: FONT.body, sizePt: SIZE_PT.san }, { alignment: AlignmentType.CENTER }),
    );
  }
  main.push(blankLine());
  main.push(...renderBlocks(doc.blocks, TYPE_WIDTH, true, streamed));
  main.push(...closing(doc));

  const headingStyle = (font: string, outlineLevel: number) => ({
    run: { font: runFonts(font), size: SIZE_PT.san * 2, bold: false, italics: false, color: '000000' },
    paragraph: { spacing: exactLine, outlineLevel, keepNext: true },
  });
  const document = new Document({
    creator: doc.issuer ?? 'diaodu',
    title: clean(doc.title),
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: {
          run: { font: runFonts(FONT.body), size: SIZE_PT.san * 2 },
          paragraph: { spacing: exactLine },
        },
        heading1: headingStyle(FONT.hei, 0),
        heading2: headingStyle(FONT.kai, 1),
        heading3: headingStyle(FONT.body, 2),
      },
      // The Normal style carries the body size too: the document grid's character pitch is counted from
      // it (Word, and LibreOffice, which otherwise assumes 12 pt and gives each character two cells).
      paragraphStyles: [
        {
          id: 'Normal',
          name: 'Normal',
          quickFormat: true,
          run: { font: runFonts(FONT.body), size: SIZE_PT.san * 2 },
          paragraph: { spacing: exactLine },
        },
      ],
    },
    sections: [
      {
        properties: {
          page: portraitPage,
          grid: GRID,
        },
        footers: footers(),
        children: main,
      },
      ...doc.attachments.map((a, i) => attachmentSection(a, i, doc.attachments.length, streamed)),
    ],
  });
  return streamed.expand(await Packer.toBuffer(document));
}
