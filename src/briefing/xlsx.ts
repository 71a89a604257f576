// Excel export of a briefing's tables (bulletin --format xlsx: the unit ranking and the 附件 progress
// table): one sheet per table, a title row, the unit note, a frozen bold header, numbers as numbers with
// their formats (money #,##0.00, percent 0.0%), 红黄绿 cells filled in their colour with the character,
// and column widths that fit Chinese text (two width units a character).
import ExcelJS from 'exceljs';
import stringWidth from 'string-width';
import type { Block, BriefingDocument, Cell, Column } from './document.js';
import type { Light } from '../domain/types.js';
import { sanitizeText } from '../text/sanitize.js';

type TableBlock = Extract<Block, { type: 'table' }>;

export const NUM_FMT = { money: '#,##0.00', percent: '0.0%', integer: '0' } as const;

/**
 * The format of a money cell: as many decimals as the printed text has, so that a 万元 register's
 * integers show as integers (#,##0) and 亿元 amounts with their two decimals, as in the Word table.
 */
export function moneyFormat(text: string): string {
  const decimals = /\.(\d+)\s*$/.exec(text.replace(/,/g, ''))?.[1]?.length ?? 0;
  return decimals === 0 ? '#,##0' : `#,##0.${'0'.repeat(decimals)}`;
}

/** Options of the workbook: `convert` turns the words the workbook adds itself (sheet names, 数据截至…) into the document's script. */
export interface XlsxOptions {
  convert?: (text: string) => string;
}

/** ARGB fills and font colours of the lights (the same colours as the Word table). */
export const LIGHT_ARGB: Record<Light, { fill: string; font: string }> = {
  红: { fill: 'FFFF0000', font: 'FFFFFFFF' },
  黄: { fill: 'FFFFFF00', font: 'FF000000' },
  绿: { fill: 'FF00B050', font: 'FFFFFFFF' },
};

const HEADER_FILL = 'FFD9D9D9';
const MAX_WIDTH = 48;
const MIN_WIDTH = 6;

interface SheetTable {
  name: string;
  title: string;
  table: TableBlock;
}

/** "二、", "（三）", "1." before a heading's words. */
const SECTION_NUMBER = /^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+[.、．])\s*/;

/** The tables of a document, body first, then each attachment's, with a sheet name and a title each. */
export function documentTables(doc: BriefingDocument, convert = (t: string): string => t): SheetTable[] {
  const out: SheetTable[] = [];
  const used = new Set<string>();
  const titles = new Set<string>();
  const add = (table: TableBlock, fallbackTitle: string): void => {
    // a table without a caption is named after its section; a second one there after its first column
    let title = clean(table.caption ?? fallbackTitle);
    if (!table.caption && titles.has(title) && table.columns[0])
      title = clean(convert(`按${table.columns[0].title}统计`));
    titles.add(title);
    out.push({ name: sheetName(title, out.length + 1, used), title, table });
  };
  let heading = doc.title;
  for (const block of doc.blocks) {
    if (block.type === 'heading') heading = block.text.replace(SECTION_NUMBER, '');
    if (block.type === 'table') add(block, heading);
  }
  for (const a of doc.attachments) {
    for (const block of a.blocks) if (block.type === 'table') add(block, a.title);
  }
  return out;
}

const clean = (text: string): string => sanitizeText(text);

/** Excel sheet names: at most 31 characters, none of []:*?/\, unique (case-insensitive). */
export function sheetName(title: string, index: number, used: Set<string>): string {
  // "表1 各责任单位推进情况" → "各责任单位推进情况"
  let base = title
    .replace(/^表\s*\d+\s*/, '')
    .replace(/[[\]:*?/\\]/g, '')
    .trim();
  if (base === '') base = `表${index}`;
  base = [...base].slice(0, 31).join('');
  let name = base;
  for (let n = 2; used.has(name.toLowerCase()); n++) {
    const suffix = `(${n})`;
    name = [...base].slice(0, 31 - suffix.length).join('') + suffix;
  }
  used.add(name.toLowerCase());
  return name;
}

/**
 * The number a spreadsheet cell holds: `value` when the model gives one. A percent is stored as a
 * fraction (0.942 shows as 94.2%); should a model give 94.2 for "94.2%", it is divided by 100.
 */
export function cellNumber(cell: Cell): number | undefined {
  if (cell.value === undefined || !Number.isFinite(cell.value)) return undefined;
  if (cell.format === 'percent') {
    const shown = Number(cell.text.replace(/[%,\s]/g, ''));
    if (Number.isFinite(shown) && Math.abs(shown - cell.value) < Math.abs(shown - cell.value * 100)) {
      return cell.value / 100;
    }
  }
  return cell.value;
}

/** Display width in Excel's units (a CJK character is two). */
const displayWidth = (text: string): number =>
  Math.max(0, ...text.split('\n').map((line) => stringWidth(line)));

export function columnWidths(columns: Column[], rows: Cell[][]): number[] {
  return columns.map((col, i) => {
    const widest = Math.max(displayWidth(col.title), ...rows.map((r) => displayWidth(r[i]?.text ?? '')));
    return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, widest + 2));
  });
}

const thin = { style: 'thin' as const, color: { argb: 'FF000000' } };
const border = { top: thin, left: thin, bottom: thin, right: thin };

function addTableSheet(
  book: ExcelJS.Workbook,
  sheet: SheetTable,
  doc: BriefingDocument,
  convert: (text: string) => string,
): void {
  const { table } = sheet;
  const n = Math.max(1, table.columns.length);
  const ws = book.addWorksheet(sheet.name, {
    pageSetup: {
      paperSize: 9, // A4
      orientation: n > 8 ? 'landscape' : 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
    },
  });
  // Row 1: the title, across the table.
  ws.getCell(1, 1).value = sheet.title;
  ws.mergeCells(1, 1, 1, n);
  const titleCell = ws.getCell(1, 1);
  titleCell.font = { name: '宋体', size: 16, bold: true };
  titleCell.alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(1).height = 28;
  // Row 2: data date and unit.
  const dated = /截至|截止/.test(table.unitNote ?? '');
  const note = [
    dated
      ? undefined
      : doc.kind === 'bulletin'
        ? convert(`数据截至${formatIsoDate(doc.asOf ?? doc.date)}`)
        : doc.dateText,
    table.unitNote,
  ]
    .filter((s): s is string => Boolean(s))
    .map(clean)
    .join('　');
  ws.getCell(2, 1).value = note;
  ws.mergeCells(2, 1, 2, n);
  ws.getCell(2, 1).alignment = { horizontal: 'right' };
  ws.getCell(2, 1).font = { name: '宋体', size: 10 };
  // Row 3: the header.
  const headerRow = 3;
  table.columns.forEach((col, i) => {
    const c = ws.getCell(headerRow, i + 1);
    c.value = clean(col.title);
    c.font = { name: '宋体', size: 11, bold: true };
    c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: HEADER_FILL } };
    c.border = border;
  });
  ws.getRow(headerRow).height = 30;
  const widths = columnWidths(table.columns, table.rows);
  table.rows.forEach((cells, r) => {
    table.columns.forEach((col, i) => {
      const cell = cells[i] ?? { text: '' };
      const c = ws.getCell(headerRow + 1 + r, i + 1);
      const num = cellNumber(cell);
      if (num !== undefined) {
        c.value = num;
        c.numFmt =
          cell.format === 'money'
            ? moneyFormat(cell.text)
            : cell.format === 'percent' || cell.format === 'integer'
              ? NUM_FMT[cell.format]
              : 'General';
      } else {
        c.value = clean(cell.text);
      }
      c.font = { name: '宋体', size: 11 };
      c.alignment = {
        horizontal: cell.light ? 'center' : col.align,
        vertical: 'middle',
        wrapText: displayWidth(cell.text) + 2 > (widths[i] ?? MAX_WIDTH),
      };
      c.border = border;
      if (cell.light) {
        const argb = LIGHT_ARGB[cell.light];
        c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb.fill } };
        c.font = { name: '宋体', size: 11, bold: true, color: { argb: argb.font } };
      }
    });
  });
  if (table.total && table.rows.length > 0) addTotalRow(ws, table, headerRow);
  widths.forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
  // Freeze the title, note and header rows, and the name column when the table starts with 序号/编号 + a name.
  const first = table.columns[0];
  const second = table.columns[1];
  const xSplit =
    /^(序号|编号|项目编号)$/.test(first?.title ?? '') && second?.align === 'left'
      ? 2
      : first?.align === 'left'
        ? 1
        : 0;
  ws.views = [
    { state: 'frozen', xSplit, ySplit: headerRow, topLeftCell: cellAddress(headerRow + 1, xSplit + 1) },
  ];
  ws.pageSetup.printTitlesRow = `${headerRow}:${headerRow}`;
}

/**
 * The 合计 row under a ranking: SUM formulas over the summed columns and the rate as a ratio of two
 * totals (IF against a zero plan), each with its value computed here, so that a reader that does not
 * recalculate shows the same figures; formats follow the column (money with its decimals).
 */
function addTotalRow(ws: ExcelJS.Worksheet, table: TableBlock, headerRow: number): void {
  const total = table.total!;
  const first = headerRow + 1;
  const last = headerRow + table.rows.length;
  const at = last + 1;
  const letter = (col: number): string => cellAddress(1, col + 1).replace(/\d+$/, '');
  const sums = new Map<number, number>();
  const style = (c: ExcelJS.Cell, align: Column['align']): void => {
    c.font = { name: '宋体', size: 11, bold: true };
    c.alignment = { horizontal: align, vertical: 'middle' };
    c.border = border;
  };
  table.columns.forEach((col, i) => style(ws.getCell(at, i + 1), col.align));
  ws.getCell(at, 1).value = clean(total.label);
  ws.getCell(at, 1).alignment = { horizontal: 'center', vertical: 'middle' };
  for (const col of total.sum) {
    const cells = table.rows.map((r) => r[col]).filter((c): c is Cell => c !== undefined);
    // rounded off past the ninth decimal: 2.65 + … + 1.2 gives 97.65, not 97.65000000000002
    const result = Math.round(cells.reduce((a, c) => a + (cellNumber(c) ?? 0), 0) * 1e9) / 1e9;
    sums.set(col, result);
    const c = ws.getCell(at, col + 1);
    c.value = { formula: `SUM(${letter(col)}${first}:${letter(col)}${last})`, result };
    const money = cells.filter((x) => x.format === 'money').map((x) => moneyFormat(x.text));
    c.numFmt = money.length
      ? money.reduce((a, b) => (b.length > a.length ? b : a))
      : cells[0]?.format === 'percent'
        ? NUM_FMT.percent
        : NUM_FMT.integer;
  }
  if (total.ratio) {
    const { column, numerator, denominator } = total.ratio;
    const num = sums.get(numerator) ?? 0;
    const den = sums.get(denominator) ?? 0;
    const d = `${letter(denominator)}${at}`;
    const c = ws.getCell(at, column + 1);
    c.value = { formula: `IF(${d}=0,"",${letter(numerator)}${at}/${d})`, result: den === 0 ? '' : num / den };
    c.numFmt = NUM_FMT.percent;
  }
}

function cellAddress(row: number, col: number): string {
  let letters = '';
  for (let c = col; c > 0; c = Math.floor((c - 1) / 26))
    letters = String.fromCharCode(65 + ((c - 1) % 26)) + letters;
  return `${letters}${row}`;
}

function formatIsoDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日` : iso;
}

/** A document without tables (minutes) gets its text on one sheet, a paragraph a row. */
function addTextSheet(book: ExcelJS.Workbook, doc: BriefingDocument, convert: (t: string) => string): void {
  const ws = book.addWorksheet(convert(doc.kind === 'minutes' ? '纪要' : '通报'));
  const lines: { text: string; bold?: boolean }[] = [{ text: doc.title, bold: true }];
  if (doc.issueLine) lines.push({ text: doc.issueLine });
  for (const block of doc.blocks) {
    if (block.type === 'heading') lines.push({ text: block.text, bold: block.level === 1 });
    else if (block.type === 'paragraph') lines.push({ text: block.text });
    else if (block.type === 'list') for (const item of block.items) lines.push({ text: item });
    else if (block.type === 'attendance') {
      if (block.present.length) lines.push({ text: `出席：${block.present.join('、')}` });
      if (block.absent.length) lines.push({ text: `请假：${block.absent.join('、')}` });
      if (block.attending.length) lines.push({ text: `列席：${block.attending.join('、')}` });
    }
  }
  if (doc.issuer) lines.push({ text: doc.issuer });
  lines.push({ text: doc.dateText });
  ws.getColumn(1).width = 100;
  lines.forEach((line, i) => {
    const c = ws.getCell(i + 1, 1);
    c.value = clean(line.text);
    c.font = { name: '宋体', size: i === 0 ? 16 : 11, bold: line.bold ?? false };
    c.alignment = { wrapText: true, vertical: 'top' };
  });
}

export async function renderXlsx(doc: BriefingDocument, options: XlsxOptions = {}): Promise<Buffer> {
  const convert = options.convert ?? ((t: string): string => t);
  const book = new ExcelJS.Workbook();
  book.creator = doc.issuer ?? 'diaodu';
  book.title = clean(doc.title);
  const tables = documentTables(doc, convert);
  if (tables.length === 0) addTextSheet(book, doc, convert);
  for (const t of tables) addTableSheet(book, t, doc, convert);
  const data = await book.xlsx.writeBuffer();
  return Buffer.from(data as ArrayBuffer);
}
