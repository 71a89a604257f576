// Word export of minutes and bulletins in official document format (GB/T 9704-2012 党政机关公文格式, as
// summarised in docs/domain.md#official-document-format): A4, margins 37/35/28/26 mm, a document grid of 22
// lines × 28 characters, 2号方正小标宋简体 title, 3号仿宋_GB2312 body, 3号黑体/楷体 headings, page numbers "— N —" in
// 4号宋体 on the outer side (odd right, even left); the red 版头 and the 版记 on the last even page. CJK
// fonts are set as the East-Asian font of every run (Word falls back to its default otherwise), and the
// font table names each one's usual substitute. Built with the docx package; the hand-written parts are
// word/fontTable.xml (the package writes an empty one) and, for long tables and lists, copies of the rows
// and paragraphs docx wrote as templates (docx-stream.ts).
import {
  AlignmentType,
  BorderStyle,
  Document,
  DocumentGridType,
  Footer,
  Header,
  HeightRule,
  HeadingLevel,
  ImageRun,
  LineRuleType,
  OverlapType,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  SectionType,
  ShadingType,
  Tab,
  TabStopType,
  Table,
  TableAnchorType,
  TableCell,
  TableLayoutType,
  TableRow,
  TextDirection,
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
import type { ChartBlock } from './document.js';
import { CHART_WIDTH_PX, chartHeight, chartPages, pageCaption, unitChartOption } from './chart.js';
import {
  chartPng,
  findChartFont,
  type ChartFont,
  type ChartImageCache,
  type ChartPng,
} from './chart-image.js';

// ---- Fonts and sizes (GB/T 9704 §5.2, §7) ----
export const FONT = {
  title: '方正小标宋简体',
  body: '仿宋_GB2312',
  hei: '黑体',
  kai: '楷体_GB2312',
  song: '宋体',
  latin: 'Times New Roman',
} as const;

/**
 * Name fallbacks for computers without the GB/T 9704 fonts (a stock Windows or WPS has 仿宋, 楷体, 黑体
 * and 宋体 but rarely 仿宋_GB2312 or 方正小标宋简体): each font's fontTable entry names the usual
 * alternative (w:altName), the alternative names its English name, so Word and WPS substitute the
 * right face instead of one default font; charset 86 (GB2312) and the family help the substitution.
 */
export const FONT_FALLBACKS: readonly { name: string; alt: string; family: 'roman' | 'modern' | 'script' }[] =
  [
    { name: '仿宋_GB2312', alt: '仿宋', family: 'modern' },
    { name: '仿宋', alt: 'FangSong', family: 'modern' },
    { name: '楷体_GB2312', alt: '楷体', family: 'script' },
    { name: '楷体', alt: 'KaiTi', family: 'script' },
    { name: '方正小标宋简体', alt: '华文中宋', family: 'roman' },
    { name: '华文中宋', alt: '宋体', family: 'roman' },
    { name: '黑体', alt: 'SimHei', family: 'modern' },
    { name: '宋体', alt: 'SimSun', family: 'roman' },
  ];

/** word/fontTable.xml with the fallbacks (the docx package writes an empty one). */
export function fontTableXml(): string {
  const fonts = FONT_FALLBACKS.map(
    (f) =>
      `<w:font w:name="${f.name}"><w:altName w:val="${f.alt}"/><w:charset w:val="86"/>` +
      `<w:family w:val="${f.family}"/><w:pitch w:val="fixed"/></w:font>`,
  ).join('');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
    fonts +
    '<w:font w:name="Times New Roman"><w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>' +
    '</w:fonts>'
  );
}

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
/**
 * Landscape attachment pages (wide progress tables): the sheet turned a quarter clockwise, the table's
 * head toward the binding edge (GB/T 9704 §10.2): portrait left → top, portrait bottom → left.
 */
const LANDSCAPE_MARGIN = { top: mm(28), bottom: mm(26), left: mm(35), right: mm(37) };
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
 * documents write "2021年11月15日" without gaps. And every paragraph says w:overflowPunct explicitly
 * (Word's default, punctuation may hang in the margin): LibreOffice reads the element the other way
 * round and, without it, hangs a 、 or 。 that falls 29th on a 28-character justified line and drops it
 * from the page; with it, the line breaks before the character before it (避头尾), as in Word and WPS.
 */
function para(options: IParagraphOptions): Paragraph {
  return new Paragraph({ autoSpaceEastAsianText: false, overflowPunctuation: true, ...options });
}

/** U+2060 WORD JOINER: no line break on either side, no width. */
const WJ = '\u2060';

/**
 * Dates (2021年10月8日, 9月24日), numbers with their units (94.2%, 126.49亿元, 32.6个百分点, 第33期,
 * 100MW), and ids (PL-053, 2021-09-06-01) never break across lines: word joiners between their
 * characters, which Word, WPS and LibreOffice all respect.
 */
const UNBREAKABLE =
  /[A-Za-z]+(?:-[A-Za-z0-9]+)+|\d+(?:-\d+)+|\d{4}年\d{1,2}月(?:\d{1,2}日|份)?|\d{1,2}月\d{1,2}日|\d{4}年度?|第?\d[\d.,]*(?:个百分点|月份|月|年|万元|亿元|万平方米|平方米|公里|万吨|千瓦|兆瓦|MWh|MW|kV|%|％|个|项|天|日|次|期|户|亩|米|吨|家|位|人|号)?/g;

export function keepTogether(text: string): string {
  return text.replace(UNBREAKABLE, (m) => ([...m].length > 1 ? [...m].join(WJ) : m));
}

/** A run with its East-Asian font set (and a Latin font for digits and letters). */
function run(text: string, style: RunStyle): TextRun {
  return new TextRun(runOptions(text, style));
}

/** A run that starts with a tab (to a right tab stop): the date at the end of a line. */
function tabbedRun(text: string, style: RunStyle): TextRun {
  const { text: shown, ...rest } = runOptions(text, style);
  return new TextRun({ ...rest, children: [new Tab(), shown] });
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
    text: keepTogether(clean(text)),
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

/** Words a title line may start with, and endings a line may end with (a meaningful unit each side). */
const TITLE_BREAK_BEFORE = [
  '重点项目',
  '重点工程',
  '项目建设',
  '建设情况',
  '推进情况',
  '周调度',
  '月调度',
  '专题调度',
  '会议纪要',
  '建设进度',
  // the same in traditional characters (--script traditional converts the title before it is set)
  '重點項目',
  '重點工程',
  '項目建設',
  '建設情況',
  '推進情況',
  '週調度',
  '專題調度',
  '會議紀要',
  '建設進度',
];
const TITLE_BREAK_AFTER = /(?:月份|年度|季度|[^\x00-\x7f][区县市镇乡旗區縣鎮鄉])$/u;

/**
 * The lines of a title set in `maxChars` characters a line (GB/T 9704 §7.3.3: a title of several lines
 * breaks at a word, keeping a meaningful unit on each line, never "…/的通报"): one line when it fits;
 * else two, broken before a known word ("重点项目…") or after a place or time ("…月份", "…平鲁区"),
 * the most even such break; a date, number or id is never cut.
 */
export function titleLines(title: string, maxChars: number): string[] {
  const glyphs = [...title];
  const width = (from: number, to: number): number => chars(glyphs.slice(from, to).join(''));
  if (width(0, glyphs.length) <= maxChars) return [title];
  const atoms = new Set<number>(); // positions inside a date, number or id
  for (const m of title.matchAll(UNBREAKABLE)) {
    const start = [...title.slice(0, m.index)].length;
    for (let i = 1; i < [...m[0]].length; i++) atoms.add(start + i);
  }
  let best: { at: number; score: number } | undefined;
  for (let at = 2; at <= glyphs.length - 4; at++) {
    if (atoms.has(at)) continue;
    const left = glyphs.slice(0, at).join('');
    const right = glyphs.slice(at).join('');
    const [w1, w2] = [width(0, at), width(at, glyphs.length)];
    if (w1 > maxChars || w2 > maxChars) continue;
    if (/^[的之和及与、，。：；）》”]/.test(right) || /[（《“]$/.test(left)) continue;
    const word = TITLE_BREAK_BEFORE.some((w) => right.startsWith(w)) || TITLE_BREAK_AFTER.test(left);
    const score = Math.abs(w1 - w2) + (word ? 0 : 100);
    if (!best || score < best.score) best = { at, score };
  }
  if (!best) return [title];
  return [glyphs.slice(0, best.at).join(''), glyphs.slice(best.at).join('')];
}

function titleParagraphs(title: string, available = TYPE_WIDTH): Paragraph[] {
  // 2号小标宋, centred; a title longer than a line breaks where titleLines says, with an explicit break.
  const style: RunStyle = { font: FONT.title, sizePt: SIZE_PT.er };
  const lines = titleLines(clean(title), Math.floor(available / (SIZE_PT.er * 20)));
  return [
    para({
      children: lines.map((line, i) =>
        i === 0 ? run(line, style) : new TextRun({ ...runOptions(line, style), break: 1 }),
      ),
      alignment: AlignmentType.CENTER,
      spacing: exactLine,
    }),
  ];
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
  charts?: ChartImages,
): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [];
  for (const [index, block] of blocks.entries()) {
    // the last line of text stays on the page of the attendance lines (出席/列席 never on a page alone)
    const keepNext = (keepLast && index === blocks.length - 1) || blocks[index + 1]?.type === 'attendance';
    switch (block.type) {
      case 'heading':
        out.push(headingParagraph(block.level, block.text));
        break;
      case 'paragraph':
        // "…如下表：", "会议议定：" introduce what follows and stay on its page; a long one (more than
        // two lines) may end a page instead: kept whole with what follows, it left a third of a page empty
        out.push(
          bodyParagraph(block.text, {
            keepNext: keepNext || (/[：:]$/.test(block.text.trim()) && chars(block.text) + 2 <= 2 * 28),
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
      case 'chart':
        out.push(...chartParagraphs(block, charts?.get(block) ?? []));
        break;
    }
  }
  return out;
}

// ---- Charts (图1 …): PNG images drawn by ECharts and resvg (chart.ts, chart-image.ts) ----

/** The images of each chart block; a block without any (no CJK font) is left out of the document. */
type ChartImages = ReadonlyMap<ChartBlock, { png: ChartPng; caption: string }[]>;

/**
 * Draws every chart block of the document. `font`: the CJK font (default: found by findChartFont);
 * null draws none. Without a font the charts are left out and `warn` is told why, once.
 */
async function drawCharts(
  doc: BriefingDocument,
  font: ChartFont | null | undefined,
  warn: (text: string) => void,
  cache: ChartImageCache | undefined,
): Promise<ChartImages> {
  const images = new Map<ChartBlock, { png: ChartPng; caption: string }[]>();
  // charts stand in the body (the bulletin's 图1), not in the 附件
  const blocks = doc.blocks.filter((b): b is ChartBlock => b.type === 'chart');
  if (blocks.length === 0 || font === null) return images;
  let chosen = font;
  if (chosen === undefined) {
    const found = findChartFont();
    if ('warning' in found) {
      warn(found.warning);
      return images;
    }
    chosen = found.font;
  }
  for (const block of blocks) {
    // text from the register, sanitised as all text here (a control character is no XML: resvg refuses it)
    const all = block.bars.map((b) => ({ ...b, name: clean(b.name), text: clean(b.text) }));
    const pages = chartPages(all);
    const drawn: { png: ChartPng; caption: string }[] = [];
    for (const [i, bars] of pages.entries()) {
      const option = unitChartOption(bars, block.timeProgress, clean(block.timeProgressText), all);
      drawn.push({
        png: await chartPng(option, CHART_WIDTH_PX, chartHeight(bars.length), chosen, cache),
        caption: pageCaption(block.caption, i, pages.length),
      });
    }
    images.set(block, drawn);
  }
  return images;
}

/**
 * Each image centred on a line of its own (auto line height: an exact one would cut it), kept with its
 * caption under it, "图1 …" in 4号黑体 as the tables' captions.
 */
function chartParagraphs(block: ChartBlock, images: { png: ChartPng; caption: string }[]): Paragraph[] {
  return images.flatMap(({ png, caption }, i) => [
    para({
      children: [
        new ImageRun({
          type: 'png',
          data: png.png,
          transformation: { width: png.width, height: png.height },
          altText: {
            name: `chart${i + 1}`,
            title: clean(caption),
            description: clean(
              `${caption}：${block.bars.map((b) => `${b.name}${b.text}`).join('，')}；序时进度${block.timeProgressText}`,
            ),
          },
        }),
      ],
      alignment: AlignmentType.CENTER,
      keepNext: true,
      spacing: { line: 240, lineRule: LineRuleType.AUTO, before: 120, after: 60 },
    }),
    linePara(caption, { font: FONT.hei, sizePt: SIZE_PT.si }, { alignment: AlignmentType.CENTER }),
  ]);
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

/** "— N —" in 4号宋体: the dashes and the page number field (its digits half-width 宋体 too). */
function pageNumberRuns(): TextRun[] {
  const size = SIZE_PT.si * 2;
  const font = { eastAsia: FONT.song, ascii: FONT.song, hAnsi: FONT.song, hint: 'eastAsia' } as const;
  return [
    new TextRun({ text: '— ', font, size }),
    new TextRun({ children: [PageNumber.CURRENT], font, size }),
    new TextRun({ text: ' —', font, size }),
  ];
}

/**
 * The page number of a landscape 附件 page (GB/T 9704 §10.2: where the portrait pages have it). The
 * table's head lies toward the binding edge, so the sheet is turned a quarter clockwise to read the
 * table: the portrait foot is the landscape page's left edge, and the number runs down that edge
 * (tbRl), 7 mm outside the type area — near the bottom on odd pages (portrait: right), near the top on
 * even pages (portrait: left), one character in, as on the portrait pages. It is a one-cell floating
 * table in the header, placed on the page, with no borders.
 */
function landscapePageNumber(side: 'odd' | 'even'): Header {
  const band = mm(7); // across the edge: the 4号 digits (5 mm) and a little air
  const length = mm(40); // along the edge
  const inset = (side === 'odd' ? LANDSCAPE_MARGIN.bottom : LANDSCAPE_MARGIN.top) + SIZE_PT.si * 20;
  const none = { style: BorderStyle.NONE, size: 0, color: 'auto' };
  return new Header({
    children: [
      new Table({
        float: {
          horizontalAnchor: TableAnchorType.PAGE,
          verticalAnchor: TableAnchorType.PAGE,
          absoluteHorizontalPosition: LANDSCAPE_MARGIN.left - mm(7) - band + mm(1),
          absoluteVerticalPosition: side === 'odd' ? PAGE.width - inset - length : inset,
          overlap: OverlapType.OVERLAP,
        },
        width: { size: band, type: WidthType.DXA },
        columnWidths: [band],
        layout: TableLayoutType.FIXED,
        borders: {
          top: none,
          bottom: none,
          left: none,
          right: none,
          insideHorizontal: none,
          insideVertical: none,
        },
        rows: [
          new TableRow({
            height: { value: length, rule: HeightRule.EXACT },
            children: [
              new TableCell({
                textDirection: TextDirection.TOP_TO_BOTTOM_RIGHT_TO_LEFT,
                verticalAlign: VerticalAlign.CENTER,
                margins: { left: 0, right: 0, top: 0, bottom: 0 },
                children: [
                  para({
                    // along the turned text, "right" is toward the page's foot
                    alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
                    children: pageNumberRuns(),
                  }),
                ],
              }),
            ],
          }),
        ],
      }),
      para({ children: [] }),
    ],
  });
}

function pageNumberFooter(side: 'odd' | 'even'): Footer {
  // "— N —" in 4号宋体, half-width digits: odd pages one character in from the right, even pages one
  // character in from the left (GB/T 9704 §7.5). The dashes are runs of their own in the East-Asian font.
  return new Footer({
    children: [
      para({
        alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'odd' ? { right: SIZE_PT.si * 20 } : { left: SIZE_PT.si * 20 },
        children: pageNumberRuns(),
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
    ...titleParagraphs(attachment.title, available),
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
    ...(landscape
      ? {
          headers: { default: landscapePageNumber('odd'), even: landscapePageNumber('even') },
          footers: {
            default: new Footer({ children: [para({ children: [] })] }),
            even: new Footer({ children: [para({ children: [] })] }),
          },
        }
      : { footers: footers() }),
    children,
  };
}

// ---- 版头 and 版记 (GB/T 9704 §7.2, §7.4, §10.3) ----

/** 红色 of the 发文机关标志 and the separator line. */
export const RED = 'FF0000';
/** Sizes a 发文机关标志 may take, largest first: 小初, 一号, 小一, 二号 (it must fit one line). */
const MARK_SIZES = [36, 26, 24, 22];

/**
 * The 发文机关标志 (or a 纪要's title as its 纪要标志): red 小标宋, centred, its top 35 mm below the top
 * of the type area, as large as fits one line.
 */
function markParagraph(mark: string): Paragraph {
  const width = chars(mark);
  const sizePt = MARK_SIZES.find((pt) => width * pt * 20 <= TYPE_WIDTH) ?? SIZE_PT.er;
  return para({
    children: [run(mark, { font: FONT.title, sizePt, color: RED })],
    alignment: AlignmentType.CENTER,
    // two lines of the grid hold the large type, three lines before it bring its top to about 35 mm
    // (the type sits a quarter line into its two-line slot): whole lines, so the text below keeps to
    // the 22-line grid and a page holds 22 lines of text as the other pages do
    spacing: { line: 2 * LINE_PITCH, lineRule: LineRuleType.EXACT, before: 3 * LINE_PITCH, after: 0 },
    keepNext: true,
  });
}

/** The red separator line (版头中的分隔线), the width of the type area, under `p`'s text. */
const RED_RULE = { bottom: { style: BorderStyle.SINGLE, size: 18, color: RED, space: 6 } };
/** The line under the red rule, shortened by the rule's space and width (6 + 2.25 pt) to keep the grid. */
const underRule = (): Paragraph =>
  para({
    children: [run('', BODY)],
    spacing: { line: LINE_PITCH - (6 * 20 + 45), lineRule: LineRuleType.EXACT, before: 0, after: 0 },
  });

/**
 * 版头 of a bulletin: the red 发文机关标志, the 发文字号 centred a line below it, the red line 4 mm
 * under that, then the title. Minutes: the red 纪要标志 (the title), 第N期, the issuer flush left
 * and the date flush right on one line over the red line (GB/T 9704 §10.3), no title repeated.
 */
function documentHead(doc: BriefingDocument): Paragraph[] {
  const out: Paragraph[] = [];
  const body = { font: FONT.body, sizePt: SIZE_PT.san };
  if (doc.kind === 'minutes') {
    out.push(markParagraph(doc.title));
    if (doc.issueLine) {
      out.push(linePara(doc.issueLine, body, { alignment: AlignmentType.CENTER, keepNext: true }));
    }
    out.push(
      para({
        children: [run(doc.issuer ?? '', body), tabbedRun(doc.dateText, body)],
        tabStops: [{ type: TabStopType.RIGHT, position: TYPE_WIDTH }],
        spacing: exactLine,
        border: RED_RULE,
        keepNext: true,
      }),
    );
    out.push(underRule());
    return out;
  }
  if (doc.letterhead) {
    out.push(markParagraph(doc.letterhead.mark), blankLine({ keepNext: true }));
    out.push(
      linePara(doc.letterhead.number ?? '', body, {
        alignment: AlignmentType.CENTER,
        border: RED_RULE,
        keepNext: true,
      }),
    );
    out.push(underRule());
  }
  out.push(...titleParagraphs(doc.title));
  if (doc.issueLine && !doc.letterhead) {
    out.push(linePara(doc.issueLine, body, { alignment: AlignmentType.CENTER }));
  }
  out.push(blankLine());
  return out;
}

/** 版记 rules: the first and last thick (0.35 mm), the middle ones thin (0.25 mm). */
const THICK_RULE = { style: BorderStyle.SINGLE, size: 8, color: '000000' };
const THIN_RULE = { style: BorderStyle.SINGLE, size: 6, color: '000000' };

/**
 * 版记 (GB/T 9704 §7.4): "抄送：…。" and "印发机关 … 印发日期印发" in 4号仿宋, one character in from
 * each side, between a thick first and last rule and a thin rule between them, the last rule on the
 * bottom edge of the type area. It is a section of its own that starts on an even page (a blank page is
 * put before it when the text ends on an even page), its lines set as that page's footer, which
 * ends where the type area ends: so it is always the foot of the last, even-numbered page, and that
 * page carries no page number (§7.5).
 */
function colophonSection(colophon: NonNullable<BriefingDocument['colophon']>): ISectionOptions {
  const style: RunStyle = { font: FONT.body, sizePt: SIZE_PT.si };
  const line = { line: Math.round(LINE_PITCH * 0.9), lineRule: LineRuleType.EXACT, before: 0, after: 0 };
  const si = SIZE_PT.si * 20;
  const inner = TYPE_WIDTH - 2 * CHAR;
  const cell = (p: Paragraph): TableRow =>
    new TableRow({
      cantSplit: true,
      children: [
        new TableCell({
          children: [p],
          width: { size: TYPE_WIDTH, type: WidthType.DXA },
          margins: { left: CHAR, right: CHAR, top: 40, bottom: 40 },
        }),
      ],
    });
  const table = (): Table => {
    const rows: TableRow[] = [];
    if (colophon.cc?.length) {
      rows.push(
        cell(
          para({
            children: [run('抄送：', style), run(`${colophon.cc.join('、')}。`, style)],
            indent: { left: 3 * si, hanging: 3 * si },
            spacing: line,
          }),
        ),
      );
    }
    rows.push(
      cell(
        para({
          children: [run(colophon.printedBy, style), tabbedRun(`${colophon.printedOn}印发`, style)],
          tabStops: [{ type: TabStopType.RIGHT, position: inner }],
          spacing: line,
        }),
      ),
    );
    const none = { style: BorderStyle.NONE, size: 0, color: 'auto' };
    return new Table({
      rows,
      width: { size: TYPE_WIDTH, type: WidthType.DXA },
      columnWidths: [TYPE_WIDTH],
      layout: TableLayoutType.FIXED,
      borders: {
        top: THICK_RULE,
        bottom: THICK_RULE,
        insideHorizontal: THIN_RULE,
        left: none,
        right: none,
        insideVertical: none,
      },
    });
  };
  // a paragraph after the table: Word needs one; 1 pt high, it puts the last rule on the type area's edge
  const end = (): Paragraph => para({ children: [], spacing: { line: 20, lineRule: LineRuleType.EXACT } });
  return {
    properties: {
      type: SectionType.EVEN_PAGE,
      page: { ...portraitPage, margin: { ...portraitPage.margin, footer: PAGE.margin.bottom - mm(8) } },
      grid: GRID,
    },
    footers: {
      default: new Footer({ children: [table(), end()] }),
      even: new Footer({ children: [table(), end()] }),
    },
    children: [para({ children: [] })],
  };
}

/**
 * `streamRows`: tables of more rows and lists of more items than this are written row by row into the
 * package instead of through the docx library (the same XML; tests set Infinity to compare the two).
 */
export async function renderDocx(
  doc: BriefingDocument,
  options: {
    streamRows?: number;
    /** the CJK font of chart images; default found by findChartFont (chart-image.ts); null: no charts */
    chartFont?: ChartFont | null;
    /** told, in Chinese, when a chart is left out (no CJK font) */
    warn?: (text: string) => void;
    /** where chart images drawn before are kept (chart-image.ts) */
    chartCache?: ChartImageCache;
  } = {},
): Promise<Buffer> {
  const streamed = new StreamedBlocks(options.streamRows ?? STREAM_ROWS, (text) => keepTogether(clean(text)));
  const charts = await drawCharts(
    doc,
    options.chartFont,
    options.warn ?? (() => undefined),
    options.chartCache,
  );
  const main: (Paragraph | Table)[] = documentHead(doc);
  // minutes end with the attendance lines (the issuer and date are in the 版头)
  main.push(...renderBlocks(doc.blocks, TYPE_WIDTH, doc.kind !== 'minutes', streamed, charts));
  if (doc.kind !== 'minutes') main.push(...closing(doc));
  else if (doc.attachments.length > 0)
    main.push(blankLine({ keepNext: true }), ...attachmentNote(doc.attachments));

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
      ...(doc.colophon ? [colophonSection(doc.colophon)] : []),
    ],
  });
  return streamed.expand(
    await Packer.toBuffer(document, false, [{ path: 'word/fontTable.xml', data: fontTableXml() }]),
  );
}
