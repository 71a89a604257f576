// `diaodu import <台账.xlsx>`: reads a register kept as a spreadsheet and writes the register YAML of
// docs/formats.md#register. It finds the header row (a title row and a unit note may sit above it, a header
// may span two rows under merged cells), maps the Chinese headers real 台账 use to register fields
// (columns.ts), converts 亿元 to the register's unit, skips totals, group and blank rows, and reports every
// column it mapped or ignored and every cell it could not read (sheet, row, column, why). When anything could
// not be read there is no YAML at all: a partial register would silently drop projects from every figure.
// registerToXlsx writes a register back as such a spreadsheet (plus 台账信息, 节点计划 and 问题清单
// sheets), so that register → xlsx → import gives the same register.
import ExcelJS from 'exceljs';
import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import { stringify } from 'yaml';
import type { Diagnostic, IsoDate, LagRules, MoneyUnit, Register } from '../domain/types.js';
import { DEFAULT_RULES, InputError } from '../domain/types.js';
import { parseRegisterText } from '../store/register-file.js';
import { readRegularFile } from '../store/regular-file.js';
import { MAX_XLSX_FILE_BYTES, columnNumber, refusalOf, scanXlsx } from './xlsx-limits.js';
import { sanitizeText } from '../text/sanitize.js';
import { toSimplified } from '../text/traditional.js';
import {
  DATE_KEYS,
  FIELD_LABEL,
  MONEY_FIELDS,
  MONEY_KEYS,
  classifyLabel,
  headerLabel,
  unitIn,
  type FieldKey,
} from './columns.js';
import {
  convertMoney,
  isNothing,
  parseDate,
  parseMoney,
  parseNature,
  parseStage,
  roundAmount,
  splitProblems,
  stageFromProgress,
  type CellContent,
} from './values.js';

export interface ImportOptions {
  /** the worksheet to read; default: the one that looks like a register */
  sheet?: string;
  /** the register's money_unit; default: 亿元 when every amount column is in 亿元, else 万元 */
  moneyUnit?: MoneyUnit;
  /** register header fields; default: from a 台账信息 sheet, else from the title row */
  title?: string;
  region?: string;
  year?: number;
  asOf?: IsoDate;
  issuer?: string;
  /**
   * read every sheet that has a register header, the 责任单位 of each sheet's projects being the
   * sheet's name (done without asking when every sheet has the same header and none a 责任单位 column)
   */
  unitFromSheet?: boolean;
  /** progress lines for large imports (issue 9: the command writes them to stderr) */
  onProgress?: (line: string) => void;
}

/** Imports from this size or row count on report progress. */
const LARGE_IMPORT_BYTES = 2 * 1024 * 1024;
const LARGE_IMPORT_ROWS = 5000;

export interface MappedColumn {
  /** the header as written ("投资（万元）/总投资" for a two-row header) */
  header: string;
  /** the register field (a key of docs/formats.md#project-keys) */
  field: string;
  /** column letter */
  column: string;
  /** the unit of an amount column */
  unit?: MoneyUnit;
}

/** A Diagnostic (file, line = row, column = column number) that also names the sheet and column letter. */
export interface ImportProblem extends Diagnostic {
  sheet: string;
  /** spreadsheet row (1-based); 0 when the problem is about the whole file or sheet */
  row: number;
  /** column letter, '' when not about one column */
  col: string;
  /** the column's header as written, when the problem is about one column */
  header?: string;
  /** the message without the place (`message` begins with 工作表“…”C5单元格（header）：) */
  detail: string;
}

export interface ImportResult {
  file: string;
  /** the sheet read (the first, when one sheet per 责任单位 was read) */
  sheet: string;
  /** every register sheet read: one, or one per 责任单位 (--unit-from-sheet) */
  read: string[];
  /** every sheet in the file */
  sheets: string[];
  /** the header row (the lower one of a two-row header); 0 when none was found */
  headerRow: number;
  mapped: MappedColumn[];
  /** headers not imported, as "备注（K列）" */
  ignored: string[];
  /** rows passed over on purpose: totals, group headings, notes under the table */
  skipped: { row: number; reason: string; sheet?: string }[];
  /** errors and warnings; any error means no YAML */
  problems: ImportProblem[];
  /** the register YAML; undefined when there is an error */
  yaml?: string;
  /** the register as `diaodu check` loads it from `yaml` */
  register?: Register;
  projectCount: number;
}

const AUX_SHEETS = { info: '台账信息', milestones: '节点计划', problems: '问题清单' } as const;
const HEADER_SCAN_ROWS = 15;

export function columnLetter(col: number): string {
  let letters = '';
  for (let c = col; c > 0; c = Math.floor((c - 1) / 26))
    letters = String.fromCharCode(65 + ((c - 1) % 26)) + letters;
  return letters;
}

/** What a cell holds, looking through formulas, rich text, hyperlinks and merged cells. */
export function cellContent(value: ExcelJS.CellValue): CellContent {
  if (value === null || value === undefined) return { kind: 'empty' };
  if (typeof value === 'number') return { kind: 'number', n: value };
  if (typeof value === 'boolean') return { kind: 'text', s: value ? 'TRUE' : 'FALSE' };
  if (typeof value === 'string') {
    const s = sanitizeText(value, { multiline: true }).trim();
    return s === '' ? { kind: 'empty' } : { kind: 'text', s };
  }
  if (value instanceof Date) return { kind: 'date', d: value };
  if (typeof value === 'object') {
    if ('richText' in value) return cellContent(value.richText.map((r) => r.text).join(''));
    if ('error' in value) return { kind: 'error', s: String(value.error) };
    if ('result' in value) return cellContent((value.result ?? null) as ExcelJS.CellValue);
    if ('formula' in value || 'sharedFormula' in value) return { kind: 'empty' };
    if ('text' in value) return cellContent(value.text as ExcelJS.CellValue);
  }
  return { kind: 'text', s: String(value as unknown) };
}

export function contentText(c: CellContent): string {
  switch (c.kind) {
    case 'empty':
      return '';
    case 'number':
      return String(c.n);
    case 'text':
      return c.s;
    case 'date':
      return Number.isNaN(c.d.getTime()) ? '' : c.d.toISOString().slice(0, 10);
    case 'error':
      return c.s;
  }
}

/** A sheet read into memory: grid[r][c], 1-based (index 0 unused). */
class Grid {
  readonly rows: number;
  readonly cols: number;
  private readonly cells: CellContent[][];
  /**
   * Only cells that hold something are visited: a sheet formatted down to row 1048576 or across to
   * column XFD costs no more than its contents. rows/cols are the last row and column with a value.
   */
  constructor(ws: ExcelJS.Worksheet) {
    let rows = 0;
    let cols = 0;
    this.cells = [];
    ws.eachRow({ includeEmpty: false }, (wr, r) => {
      const row: CellContent[] = [];
      wr.eachCell({ includeEmpty: false }, (cell, c) => {
        const content = cellContent(cell.value);
        if (content.kind === 'empty') return;
        row[c] = content;
        rows = Math.max(rows, r);
        cols = Math.max(cols, c);
      });
      this.cells[r] = row;
    });
    this.rows = rows;
    this.cols = cols;
  }
  at(r: number, c: number): CellContent {
    return this.cells[r]?.[c] ?? { kind: 'empty' };
  }
  text(r: number, c: number): string {
    return contentText(this.at(r, c)).replace(/\s+/g, ' ').trim();
  }
  rowEmpty(r: number): boolean {
    for (let c = 1; c <= this.cols; c++) if (this.at(r, c).kind !== 'empty') return false;
    return true;
  }
  distinctTexts(r: number): string[] {
    const seen: string[] = [];
    for (let c = 1; c <= this.cols; c++) {
      const t = this.text(r, c);
      if (t !== '' && !seen.includes(t)) seen.push(t);
    }
    return seen;
  }
  get empty(): boolean {
    for (let r = 1; r <= this.rows; r++) if (!this.rowEmpty(r)) return false;
    return true;
  }
}

interface ColumnMap {
  col: number;
  header: string;
  field: FieldKey;
  unit?: MoneyUnit;
}

interface HeaderFound {
  row: number;
  /** rows the header takes (1 or 2) */
  span: 1 | 2;
  columns: ColumnMap[];
  ignored: { col: number; header: string; why?: string }[];
}

function scoreHeader(grid: Grid, row: number, span: 1 | 2): HeaderFound {
  const columns: ColumnMap[] = [];
  const ignored: { col: number; header: string }[] = [];
  for (let c = 1; c <= grid.cols; c++) {
    const top = grid.text(row, c);
    const bottom = span === 2 ? grid.text(row + 1, c) : undefined;
    if (top === '' && (bottom ?? '') === '') continue;
    const label = headerLabel(top, bottom);
    const field = classifyLabel(top, bottom);
    if (field === undefined || field === 'ignored') ignored.push({ col: c, header: label.raw });
    else columns.push({ col: c, header: label.raw, field, ...(label.unit ? { unit: label.unit } : {}) });
  }
  return { row: span === 2 ? row + 1 : row, span, columns, ignored };
}

const headerScore = (h: HeaderFound): number =>
  new Set(h.columns.map((c) => c.field)).size + (h.columns.some((c) => c.field === 'name') ? 5 : 0);

/**
 * A row above a header that is the sheet's title and notes, not a parent header: one text, or only a
 * title ("平鲁区2021年重点项目台账", "…建设进度表") and notes ("单位：万元", "截至2021年9月30日").
 */
function titleRow(texts: string[]): boolean {
  if (texts.length < 2) return true;
  return texts.every((t) => {
    const s = toSimplified(t);
    return (
      (s.length >= 8 && /台账|表$|统计|一览|汇总|情况/.test(s)) ||
      /单位[:：]|截至|截止|填报|日期[:：]/.test(s)
    );
  });
}

/** The row (or pair of rows) among the first rows with the most known headers; it must name the project. */
function findHeader(grid: Grid): HeaderFound | undefined {
  let best: HeaderFound | undefined;
  for (let r = 1; r <= Math.min(grid.rows, HEADER_SCAN_ROWS); r++) {
    if (grid.rowEmpty(r)) continue;
    for (const span of [1, 2] as const) {
      if (span === 2 && (r + 1 > grid.rows || grid.rowEmpty(r + 1))) continue;
      // a title in A1 (merged across or not) directly above the header is a title, not a parent header
      if (span === 2 && titleRow(grid.distinctTexts(r))) continue;
      const h = scoreHeader(grid, r, span);
      if (!h.columns.some((c) => c.field === 'name')) continue;
      if (!best || headerScore(h) > headerScore(best)) best = h;
    }
  }
  return best && new Set(best.columns.map((c) => c.field)).size >= 3 ? best : undefined;
}

/** The fields a row cannot do without (docs/formats.md#project-keys); nature may come from group rows. */
const REQUIRED: FieldKey[] = ['name', 'unit', 'total_investment', 'annual_plan', 'completed_year'];

interface Meta {
  title?: string;
  region?: string;
  year?: number;
  asOf?: IsoDate;
  issuer?: string;
  moneyUnit?: MoneyUnit;
  rules?: LagRules;
  /** the Word 版头/版记 keys (issuer_mark, doc_number, cc, printed_by), as the YAML writes them */
  office?: Record<string, string | string[]>;
}

/** 台账信息 rows of the 版头/版记 keys: label, YAML key. */
const OFFICE_INFO: [string, string][] = [
  ['发文机关标志', 'issuer_mark'],
  ['发文字号', 'doc_number'],
  ['抄送机关', 'cc'],
  ['印发机关', 'printed_by'],
];

interface ProjectOut {
  /** the sheet and row it was read from */
  sheet: string;
  row: number;
  /** the 项目编号 (or 序号) column, for messages */
  idCol?: { col: number; header: string };
  fields: Record<string, unknown>;
  problems: Record<string, unknown>[];
  milestones: Record<string, unknown>[];
}

class Reporter {
  readonly problems: ImportProblem[] = [];
  constructor(
    private readonly file: string,
    private readonly sheetName: () => string,
  ) {}
  add(
    severity: 'error' | 'warning',
    where: { row: number; col?: number; header?: string; sheet?: string },
    message: string,
  ): void {
    const sheet = where.sheet ?? this.sheetName();
    const letter = where.col ? columnLetter(where.col) : '';
    const place =
      where.row === 0
        ? `工作表“${sheet}”`
        : letter
          ? `工作表“${sheet}”${letter}${where.row}单元格${where.header ? `（${where.header}）` : ''}`
          : `工作表“${sheet}”第${where.row}行`;
    this.problems.push({
      severity,
      file: this.file,
      line: Math.max(1, where.row),
      column: Math.max(1, where.col ?? 1),
      message: `${place}：${message}`,
      sheet,
      row: where.row,
      col: letter,
      ...(where.header ? { header: where.header } : {}),
      detail: message,
    });
  }
  fileError(message: string): void {
    this.problems.push({
      severity: 'error',
      file: this.file,
      line: 1,
      column: 1,
      message,
      sheet: '',
      row: 0,
      col: '',
      detail: message,
    });
  }
  get hasErrors(): boolean {
    return this.problems.some((p) => p.severity === 'error');
  }
}

const TOTALS = /^(合计|总计|小计|共计|汇总|累计)|(合计|总计|小计)$/;
const NOTE_ROW =
  /^(注|备注|说明|填报人?|填报单位|制表人?|审核人?|报送单位|联系人|单位负责人|数据来源)\s*[:：]/;
const GROUP_NATURE = /(新建|续建|前期|预备)/;

export async function importRegisterFromXlsx(file: string, opts: ImportOptions = {}): Promise<ImportResult> {
  const display = file;
  const empty = (problems: ImportProblem[], sheets: string[] = [], sheet = ''): ImportResult => ({
    file: display,
    sheet,
    read: [],
    sheets,
    headerRow: 0,
    mapped: [],
    ignored: [],
    skipped: [],
    problems,
    projectCount: 0,
  });
  const book = new ExcelJS.Workbook();
  const lower = file.toLowerCase();
  const rep = new Reporter(display, () => '');
  if (/\.(xls|et|wps|csv|ods)$/.test(lower)) {
    rep.fileError(
      `只能导入 .xlsx 文件；“${basename(file)}”是${lower.slice(lower.lastIndexOf('.'))}格式，请用 Excel 或 WPS 打开后“另存为” .xlsx 再导入。`,
    );
    return empty(rep.problems);
  }
  // issue 9: only a regular file, and the caps on size, rows, columns and cell length checked on the
  // zip (xlsx-limits.ts) before exceljs materialises the workbook
  let bytes: Buffer;
  try {
    bytes = readRegularFile(file, {
      what: '.xlsx 表格',
      maxBytes: MAX_XLSX_FILE_BYTES,
      tooLargeHint: '台账表格通常不到 10 MB；请确认选的是台账，或删去多余的工作表、图片后重新保存。',
    }).bytes;
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    rep.fileError(
      existsSync(file) ? (e.diagnostics[0]?.message ?? `无法读取“${file}”。`) : `找不到文件“${file}”。`,
    );
    return empty(rep.problems);
  }
  const progress = opts.onProgress;
  const large = bytes.length >= LARGE_IMPORT_BYTES;
  if (large) progress?.(`正在检查 ${basename(file)}（${(bytes.length / 1024 / 1024).toFixed(1)} MB）…`);
  let rowCount = 0;
  try {
    const scan = await scanXlsx(bytes, basename(file));
    rowCount = scan.sheets.reduce((n, s) => n + s.rows, 0);
  } catch (e) {
    const refusal = refusalOf(e);
    if (!refusal) throw e;
    if (refusal.sheet !== undefined) {
      const at: { row: number; col?: number; sheet: string } = {
        row: refusal.row ?? 0,
        sheet: refusal.sheet,
      };
      if (refusal.col) at.col = columnNumber(refusal.col);
      rep.add('error', at, refusal.message);
    } else rep.fileError(refusal.message);
    return empty(rep.problems);
  }
  if (large || rowCount >= LARGE_IMPORT_ROWS) {
    progress?.(`共 ${rowCount} 行，正在读取工作簿…`);
  }
  try {
    await book.xlsx.load(bytes as unknown as Parameters<typeof book.xlsx.load>[0]);
  } catch {
    rep.fileError(
      `“${basename(file)}”无法作为 .xlsx 工作簿读取，文件可能已损坏；请用 Excel 或 WPS 打开后“另存为” .xlsx 再导入。`,
    );
    return empty(rep.problems);
  }
  if (large || rowCount >= LARGE_IMPORT_ROWS) progress?.('正在转换…');
  return importWorkbook(book, display, opts);
}

/** The import itself, on a workbook already read (tests build workbooks in memory). */
export function importWorkbook(book: ExcelJS.Workbook, file: string, opts: ImportOptions = {}): ImportResult {
  const sheets = book.worksheets.map((w) => w.name);
  let sheetName = '';
  const rep = new Reporter(file, () => sheetName);
  const result = (extra: Partial<ImportResult> = {}): ImportResult => ({
    file,
    sheet: sheetName,
    sheets,
    read: sheetName === '' ? [] : [sheetName],
    headerRow: 0,
    mapped: [],
    ignored: [],
    skipped: [],
    problems: rep.problems,
    projectCount: 0,
    ...extra,
  });

  // ---- which sheet (or sheets, one per 责任单位) ----
  let chosen: ExcelJS.Worksheet[] = [];
  // true: the 责任单位 of each sheet's projects is the sheet's name
  let unitFromSheet = opts.unitFromSheet ?? false;
  if (opts.sheet !== undefined) {
    const wanted = opts.sheet.trim();
    const ws =
      book.worksheets.find((w) => w.name === wanted) ??
      book.worksheets.find((w) => toSimplified(w.name.trim()) === toSimplified(wanted));
    if (!ws) {
      rep.fileError(
        `没有名为“${opts.sheet}”的工作表；本文件的工作表有：${sheets.map((s) => `“${s}”`).join('、') || '（无）'}。`,
      );
      return result();
    }
    chosen = [ws];
  } else {
    const candidates = book.worksheets.filter(
      (w) => !(Object.values(AUX_SHEETS) as string[]).includes(w.name) && w.actualRowCount > 0,
    );
    if (candidates.length === 0) {
      sheetName = book.worksheets[0]?.name ?? '';
      rep.fileError(
        sheets.length === 0
          ? '工作簿中没有工作表。'
          : `工作簿中的工作表都是空的（${sheets.map((s) => `“${s}”`).join('、')}）。`,
      );
      return result();
    }
    const scored = candidates.map((w) => ({ w, h: findHeader(new Grid(w)) }));
    const withHeader = scored.filter((s) => s.h !== undefined);
    // One sheet per 责任单位: every sheet with the same header, none with a 责任单位 column, and every
    // sheet named as a unit is (sheets named 8月, 9月 or Sheet1 are something else: asked, not merged).
    const signature = (h: HeaderFound): string => h.columns.map((c) => `${c.col}:${c.field}`).join(',');
    const sameHeader =
      withHeader.length > 1 &&
      withHeader.every((s) => signature(s.h!) === signature(withHeader[0]!.h!)) &&
      !withHeader.some((s) => s.h!.columns.some((c) => c.field === 'unit')) &&
      withHeader.every((s) => UNIT_SHEET_NAME.test(toSimplified(s.w.name.trim())));
    if (unitFromSheet || sameHeader) {
      unitFromSheet = true;
      chosen = withHeader.length > 0 ? withHeader.map((s) => s.w) : scored.slice(0, 1).map((s) => s.w);
    } else {
      const ws = (withHeader.sort((a, b) => headerScore(b.h!) - headerScore(a.h!))[0] ?? scored[0])?.w;
      if (ws) chosen = [ws];
      if (withHeader.length > 1 && ws) {
        sheetName = ws.name;
        rep.add(
          'warning',
          { row: 0 },
          `文件中有${withHeader.length}个像台账的工作表（${withHeader.map((s) => `“${s.w.name}”`).join('、')}），已读取“${ws.name}”；要读取其他工作表请用 --sheet 指定` +
            `（每个工作表是一个责任单位时，加 --unit-from-sheet 读取全部工作表，责任单位取工作表名称）。`,
        );
      }
    }
  }
  const first = chosen[0];
  if (!first) return result();
  sheetName = first.name;

  const info = readInfoSheet(book, rep);
  const projects: ProjectOut[] = [];
  const skipped: { row: number; reason: string }[] = [];
  const read: SheetRead[] = [];
  let registerUnit: MoneyUnit | undefined = opts.moneyUnit ?? info.moneyUnit;
  for (const ws of chosen) {
    sheetName = ws.name;
    const sheet = readSheet(ws, {
      rep,
      opts,
      info,
      unitFromSheet,
      multi: chosen.length > 1,
      registerUnit,
      first: projects.length + 1,
    });
    if (!sheet) continue;
    registerUnit ??= sheet.registerUnit;
    read.push(sheet);
    projects.push(...sheet.projects);
    skipped.push(...sheet.skipped.map((s) => (chosen.length > 1 ? { ...s, sheet: ws.name } : s)));
  }
  sheetName = first.name;
  const main = read[0];
  if (!main) return result();
  if (unitFromSheet && chosen.length > 1 && !main.columns.some((c) => c.field === 'unit')) {
    rep.add(
      'warning',
      { row: 0 },
      `没有“责任单位”列：读取了${chosen.length}个工作表，每个工作表的项目责任单位取工作表名称（${chosen.map((w) => w.name).join('、')}）；请导入后核对。`,
    );
  }
  if (projects.length === 0 && !rep.hasErrors) {
    rep.add('error', { row: main.headerRow }, '表头下面没有项目行。');
  }

  // duplicate ids, with both rows
  const seen = new Map<string, ProjectOut>();
  for (const p of projects) {
    const id = String(p.fields.id);
    const firstSeen = seen.get(id);
    if (firstSeen !== undefined) {
      const where = firstSeen.sheet === p.sheet ? '' : `工作表“${firstSeen.sheet}”`;
      rep.add(
        'error',
        { row: p.row, col: p.idCol?.col, header: p.idCol?.header, sheet: p.sheet },
        `项目编号“${id}”与${where}第${firstSeen.row}行重复；每个项目的编号须唯一。`,
      );
    } else seen.set(id, p);
  }

  readMilestoneSheet(book, projects, rep);
  const problemsSheet = book.getWorksheet(AUX_SHEETS.problems);
  if (problemsSheet) {
    for (const p of projects) p.problems = [];
    readProblemSheet(book, projects, rep);
  }

  // ---- register header ----
  const guessed = main.guessed;
  const meta: Meta = {
    title: opts.title ?? info.title ?? guessed.title,
    region: opts.region ?? info.region ?? guessed.region,
    asOf: opts.asOf ?? info.asOf ?? guessed.asOf,
    issuer: opts.issuer ?? info.issuer ?? guessed.issuer,
    moneyUnit: registerUnit ?? '万元',
    ...(info.rules ? { rules: info.rules } : {}),
    ...(info.office ? { office: info.office } : {}),
  };
  meta.year =
    opts.year ?? info.year ?? guessed.year ?? (meta.asOf ? Number(meta.asOf.slice(0, 4)) : undefined);
  if (!opts.asOf && !info.asOf && guessed.asOfNote && meta.asOf)
    rep.add('warning', { row: 0 }, guessed.asOfNote);
  const missing: [keyof Meta, string, string][] = [
    ['title', '台账标题', '--title "平鲁区2021年重点工程项目台账"'],
    ['region', '地区', '--region 平鲁区'],
    ['year', '年度', '--year 2021'],
    ['asOf', '数据截至日期', '--as-of 2021-10-31'],
  ];
  for (const [key, label, flag] of missing) {
    if (meta[key] === undefined || meta[key] === '') {
      rep.add('error', { row: 0 }, `无法从表格中确定${label}；请用 ${flag} 指定。`);
    }
  }
  if (meta.asOf) inferStages(projects, read, meta.asOf, rep);

  const base = {
    sheet: first.name,
    read: read.map((s) => s.name),
    headerRow: main.headerRow,
    mapped: main.mapped,
    ignored: main.ignored,
    skipped,
    projectCount: projects.length,
  };
  if (rep.hasErrors) return result(base);

  const yaml = registerYaml(meta, projects, file, read.map((s) => s.name).join('、'));
  // The register must load exactly as `diaodu check` loads it; anything the loader says is reported.
  try {
    const loaded = parseRegisterText(yaml, 'register.yaml');
    for (const w of loaded.warnings) rep.add('warning', placeOfLine(yaml, w.line, projects), w.message);
    return result({ ...base, yaml, register: loaded.register });
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    for (const d of e.diagnostics) rep.add(d.severity, placeOfLine(yaml, d.line, projects), d.message);
    return result(base);
  }
}

/** One register sheet read: its header, its projects and what was passed over. */
interface SheetRead {
  name: string;
  headerRow: number;
  columns: ColumnMap[];
  mapped: MappedColumn[];
  ignored: string[];
  skipped: { row: number; reason: string }[];
  projects: ProjectOut[];
  registerUnit: MoneyUnit;
  guessed: Meta & { asOfNote?: string };
}

interface SheetContext {
  rep: Reporter;
  opts: ImportOptions;
  info: Meta;
  /** the 责任单位 is the sheet's name where the sheet has no 责任单位 column (or the cell is blank) */
  unitFromSheet: boolean;
  /** more than one sheet is read: 序号 restarts in each, so projects are numbered across sheets */
  multi: boolean;
  /** the register's unit when an earlier sheet or an option settled it */
  registerUnit: MoneyUnit | undefined;
  /** the ordinal of the sheet's first project (XM-001 …) */
  first: number;
}

/** A sheet name that names a 责任单位 (区发改局, 井坪镇, 开发区管委会), for one sheet per unit. */
const UNIT_SHEET_NAME = /(局|委|办|院|镇|乡|街道|管委会|中心|公司|集团|部|处|室|所|站|区|县|旗|市|园)$/;

/** "备注：本表金额单位为亿元", "（金额单位：亿元）", "单位：万元" in a note under the table. */
const UNIT_NOTE = /(?:金额|投资|资金)?(?:计量)?单位(?:为|是|均为|统一为)?[:：]?\s*(万元|亿元)/;

function readSheet(ws: ExcelJS.Worksheet, ctx: SheetContext): SheetRead | undefined {
  const { rep, opts, info } = ctx;
  const grid = new Grid(ws);
  if (grid.empty) {
    rep.add('error', { row: 0 }, '工作表是空的，没有可导入的内容。');
    return undefined;
  }

  // ---- header ----
  const header = findHeader(grid);
  if (!header) {
    rep.add(
      'error',
      { row: 0 },
      `前${Math.min(grid.rows, HEADER_SCAN_ROWS)}行中找不到表头行：表头至少要有“项目名称”列和另外两个可识别的列（如 建设性质、责任单位、总投资、年度计划投资、年度累计完成投资）。`,
    );
    return undefined;
  }
  const headerTop = header.span === 2 ? header.row - 1 : header.row;
  const byField = new Map<FieldKey, ColumnMap[]>();
  for (const c of header.columns) byField.set(c.field, [...(byField.get(c.field) ?? []), c]);
  for (const [field, cols] of byField) {
    if (cols.length > 1) {
      rep.add(
        'error',
        { row: header.row, col: cols[1]?.col },
        `${cols.map((c) => `${columnLetter(c.col)}列“${c.header}”`).join('和')}都对应“${FIELD_LABEL[field]}”，无法确定用哪一列；请删去或改名其中一列。`,
      );
    }
  }
  const col = (field: FieldKey): ColumnMap | undefined => byField.get(field)?.[0];

  // ---- the money unit: headers, a note above the header, a note under the table ----
  const above: string[] = [];
  for (let r = 1; r < headerTop; r++) above.push(...grid.distinctTexts(r));
  const sheetUnit = above.map(unitIn).find((u) => u !== undefined);
  const moneyCols = header.columns.filter((c) => MONEY_FIELDS.has(c.field));
  let belowUnit: { unit: MoneyUnit; row: number; text: string } | undefined;
  for (let r = header.row + 1; r <= grid.rows; r++) {
    if (moneyCols.some((c) => grid.at(r, c.col).kind === 'number')) continue;
    const text = grid.distinctTexts(r).join(' ');
    const m = UNIT_NOTE.exec(toSimplified(text));
    if (m?.[1]) {
      belowUnit = { unit: m[1] === '亿元' ? '亿元' : '万元', row: r, text };
      break;
    }
  }
  if (belowUnit) {
    const note = belowUnit;
    const clash = [
      ...moneyCols
        .filter((c) => c.unit !== undefined && c.unit !== note.unit)
        .map((c) => `表头“${c.header}”`),
      ...(sheetUnit !== undefined && sheetUnit !== note.unit ? [`表头上方的说明`] : []),
    ];
    if (clash.length > 0) {
      const other = note.unit === '亿元' ? '万元' : '亿元';
      rep.add(
        'error',
        { row: note.row },
        `表下说明“${note.text.slice(0, 30)}”写金额单位为${note.unit}，而${clash.join('、')}写的是${other}；请改正其中一处后重新导入。`,
      );
    }
  }
  const stated = sheetUnit ?? belowUnit?.unit;
  // A sheet that names no unit anywhere: --money-unit (or 台账信息's 金额单位) says what its amounts are in.
  const unnamed = stated === undefined && moneyCols.every((c) => c.unit === undefined);
  const unitOfCol = (c: ColumnMap): MoneyUnit =>
    c.unit ?? stated ?? (unnamed ? (opts.moneyUnit ?? info.moneyUnit) : undefined) ?? '万元';

  const guessed = metaFromText(
    above,
    header.columns.map((c) => c.header),
  );
  const registerUnit: MoneyUnit =
    ctx.registerUnit ??
    (moneyCols.length > 0 && moneyCols.every((c) => unitOfCol(c) === '亿元') ? '亿元' : '万元');

  const mapped: MappedColumn[] = header.columns.map((c) => ({
    header: c.header,
    field: c.field,
    column: columnLetter(c.col),
    ...(MONEY_FIELDS.has(c.field) ? { unit: unitOfCol(c) } : {}),
  }));
  const ignored = header.ignored.map((c) => `${c.header}（${columnLetter(c.col)}列）`);
  if (col('id') && col('seq')) {
    const seq = col('seq')!;
    ignored.push(`${seq.header}（${columnLetter(seq.col)}列，已有项目编号列）`);
  }
  const problemsSheet = ws.workbook.getWorksheet(AUX_SHEETS.problems);
  if (problemsSheet && col('problem_text')) {
    const p = col('problem_text')!;
    ignored.push(`${p.header}（${columnLetter(p.col)}列，问题以“${AUX_SHEETS.problems}”工作表为准）`);
  }

  for (const field of REQUIRED) {
    if (field === 'unit' && ctx.unitFromSheet) continue;
    if (!col(field)) {
      rep.add(
        'error',
        { row: header.row },
        `找不到“${FIELD_LABEL[field]}”列（表头第${header.row}行）；请在表头中加上这一列，或把相应的列名改为“${FIELD_LABEL[field]}”` +
          (field === 'unit'
            ? '（每个工作表是一个责任单位时，可加 --unit-from-sheet，责任单位取工作表名称）。'
            : '。'),
      );
    }
  }
  if (!col('stage')) {
    rep.add(
      'warning',
      { row: header.row },
      '没有“建设阶段”列：已按实际开工、竣工时间，形象进度的说法（如“主体施工”“前期手续办理中”“已竣工投产”），' +
        '和开工时间是否已到数据截至日期推定（续建项目为在建）；请导入后核对。',
    );
  }
  if (!col('id') && !col('seq')) {
    rep.add('warning', { row: header.row }, '没有“项目编号”或“序号”列：已按行序编号 XM-001、XM-002……');
  }

  // ---- rows ----
  const projects: ProjectOut[] = [];
  const skipped: { row: number; reason: string }[] = [];
  const blanks = new Map<FieldKey, number[]>();
  // 合计 rows, checked against the projects once all are read: where they stand among the projects
  const totals: { row: number; at: number; mark: number }[] = [];
  const marks: number[] = [0];
  let groupNature: string | undefined;
  const nameCol = col('name');
  const idCol = col('id') ?? col('seq');
  for (let r = header.row + 1; r <= grid.rows; r++) {
    if (grid.rowEmpty(r)) continue;
    const nameText = nameCol ? grid.text(r, nameCol.col) : '';
    const lead = [1, 2, 3].map((c) => grid.text(r, c).replace(/\s/g, ''));
    const idText = idCol ? grid.text(r, idCol.col).replace(/\s/g, '') : '';
    if ([nameText.replace(/\s/g, ''), idText, ...lead].some((t) => TOTALS.test(t))) {
      skipped.push({ row: r, reason: '合计行' });
      totals.push({ row: r, at: projects.length, mark: marks[marks.length - 1] ?? 0 });
      marks.push(projects.length);
      continue;
    }
    const texts = grid.distinctTexts(r);
    const hasAmounts = moneyCols.some((c) => grid.at(r, c.col).kind === 'number');
    if (
      (texts[0] !== undefined && NOTE_ROW.test(texts[0]) && !hasAmounts) ||
      (nameText === '' && !hasAmounts)
    ) {
      const text = texts.join(' ');
      if (NOTE_ROW.test(texts[0] ?? '')) {
        skipped.push({ row: r, reason: `表下说明“${text.slice(0, 20)}”` });
      } else {
        skipped.push({ row: r, reason: `分组行“${text.slice(0, 20)}”` });
        marks.push(projects.length);
        const m = GROUP_NATURE.exec(toSimplified(text));
        groupNature = m ? (m[1] === '预备' ? '前期' : m[1]) : groupNature;
      }
      continue;
    }
    if (texts.length === 1 && !hasAmounts && nameText !== '' && header.columns.length > 2) {
      // a heading merged across the whole row ("一、新建项目（45个）")
      skipped.push({ row: r, reason: `分组行“${nameText.slice(0, 20)}”` });
      marks.push(projects.length);
      const m = GROUP_NATURE.exec(toSimplified(nameText));
      groupNature = m ? (m[1] === '预备' ? '前期' : m[1]) : groupNature;
      continue;
    }
    if (nameText === '') {
      rep.add('error', { row: r, col: nameCol?.col, header: nameCol?.header }, '有数据但没有项目名称。');
      continue;
    }
    const p = readRow(grid, r, byField, unitOfCol, registerUnit, rep, blanks, groupNature, {
      ordinal: ctx.first + projects.length,
      numberRows: ctx.multi && !col('id'),
      sheetUnit: ctx.unitFromSheet ? sanitizeText(ws.name).trim() : undefined,
    });
    p.sheet = ws.name;
    if (idCol) p.idCol = { col: idCol.col, header: idCol.header };
    projects.push(p);
  }
  marks.push(projects.length);
  for (const [field, rows] of blanks) {
    const c = col(field)!;
    rep.add(
      'warning',
      { row: rows[0] ?? header.row, col: c.col, header: c.header },
      `${rows.length}行的“${FIELD_LABEL[field]}”为空，按0计（第${summarizeRows(rows)}行）。`,
    );
  }
  checkTotals(grid, totals, marks, projects, moneyCols, unitOfCol, registerUnit, rep);

  // amounts that look like 亿元 in a sheet that names no unit and is read as 万元
  const totalCol = col('total_investment');
  if (unnamed && totalCol && unitOfCol(totalCol) === '万元') {
    const amounts = projects
      .map((p) => p.fields.total_investment)
      .filter((n): n is number => typeof n === 'number' && n > 0)
      .sort((a, b) => a - b);
    const median = amounts[Math.floor(amounts.length / 2)];
    if (median !== undefined && median < SMALLEST_LIKELY_WAN) {
      rep.add(
        'error',
        { row: header.row, col: totalCol.col, header: totalCol.header },
        `表中没有写明金额单位；按万元计，总投资的中位数只有${median}万元，像是以亿元填写。请在表头注明单位（如“总投资（亿元）”），` +
          `或用 --money-unit 说明表中金额的单位（--money-unit 亿元；确是万元时 --money-unit 万元）。`,
      );
    }
  }

  return {
    name: ws.name,
    headerRow: header.row,
    columns: header.columns,
    mapped,
    ignored,
    skipped,
    projects,
    registerUnit,
    guessed,
  };
}

/**
 * Below this median 总投资, in 万元, a sheet that names no unit is taken to be in 亿元: a key project of
 * less than 1,000,000 yuan is rare; a sheet in 亿元 read as 万元 is 10,000 times too small.
 */
const SMALLEST_LIKELY_WAN = 100;

/**
 * Each 合计 row against its projects: all of the sheet's, those since the last group or total row
 * (a 小计), or those up to the next (a total written above its projects). A warning when none match.
 */
function checkTotals(
  grid: Grid,
  totals: { row: number; at: number; mark: number }[],
  marks: number[],
  projects: ProjectOut[],
  moneyCols: ColumnMap[],
  unitOfCol: (c: ColumnMap) => MoneyUnit,
  registerUnit: MoneyUnit,
  rep: Reporter,
): void {
  for (const t of totals) {
    const next = marks.find((m) => m > t.at) ?? projects.length;
    const spans: [number, number][] = [
      [0, projects.length],
      [t.mark, t.at],
      [t.at, next],
    ];
    for (const c of moneyCols) {
      const cell = grid.at(t.row, c.col);
      const written = parseMoney(cell, unitOfCol(c));
      if (!written.ok || written.value === undefined) continue;
      const unit = unitOfCol(c);
      const sums = spans
        .filter(([a, b]) => b > a)
        .map(([a, b]) => {
          let sum = 0;
          for (const p of projects.slice(a, b)) {
            const v = p.fields[c.field];
            if (typeof v === 'number') sum += v;
          }
          return roundAmount(convertMoney(sum, registerUnit, unit));
        });
      if (sums.length === 0) continue;
      const total = written.value;
      if (sums.some((s) => Math.abs(s - total) <= 0.01)) continue;
      const sum = sums[0]!;
      rep.add(
        'warning',
        { row: t.row, col: c.col, header: c.header },
        `合计行为${total}，各项目之和为${sum}（相差${roundAmount(Math.abs(total - sum))}）；请核对是否漏行、多行或合计有误。`,
      );
    }
  }
}

/**
 * The stage of the projects a sheet without 建设阶段 did not settle (新建, nothing in the row says):
 * a 开工时间 after the data date is 前期; one on or before it is 在建 when the column does not say
 * 计划; a blank 实际开工时间 is 前期. Any left are one error asking for the column.
 */
function inferStages(projects: ProjectOut[], read: SheetRead[], asOf: IsoDate, rep: Reporter): void {
  const open = new Map<string, number[]>();
  for (const p of projects) {
    if (p.fields.stage !== undefined) continue;
    const sheet = read.find((s) => s.name === p.sheet);
    // with a 建设阶段 column a missing stage is the cell's error, already reported
    if (sheet?.columns.some((c) => c.field === 'stage')) continue;
    const start = sheet?.columns.find((c) => c.field === 'planned_start');
    const plannedStart = p.fields.planned_start as string | undefined;
    if (plannedStart !== undefined && plannedStart > asOf) p.fields.stage = '前期';
    else if (plannedStart !== undefined && start && !/计划|拟/.test(toSimplified(start.header)))
      p.fields.stage = '在建';
    else if (sheet?.columns.some((c) => c.field === 'actual_start')) p.fields.stage = '前期';
    else open.set(p.sheet, [...(open.get(p.sheet) ?? []), p.row]);
  }
  for (const [sheet, rows] of open) {
    rep.add(
      'error',
      { row: 0, sheet },
      `没有“建设阶段”列，${rows.length}个新建项目（第${summarizeRows(rows)}行）无法判断是否已开工：没有实际开工时间，` +
        `形象进度也没有说明。这些项目是否已开工？请在表中加“建设阶段”列（前期、在建、竣工、投产、停工），或填写“实际开工时间”列后重新导入；` +
        `不会一律按前期计（那样会把已开工的项目算作未开工，红灯和新开工率都会错）。`,
    );
  }
}

function summarizeRows(rows: number[]): string {
  return rows.length <= 8 ? rows.join('、') : `${rows.slice(0, 8).join('、')}等`;
}

/** The sheet and row of the project whose YAML entry holds `line`. */
function placeOfLine(yaml: string, line: number, projects: ProjectOut[]): { row: number; sheet?: string } {
  const lines = yaml.split('\n');
  let index = -1;
  for (let i = 0; i < Math.min(line, lines.length); i++) if (/^ {2}- id:/.test(lines[i] ?? '')) index++;
  const p = index >= 0 ? projects[index] : undefined;
  return p ? { row: p.row, sheet: p.sheet } : { row: 0 };
}

function readRow(
  grid: Grid,
  r: number,
  byField: Map<FieldKey, ColumnMap[]>,
  unitOfCol: (c: ColumnMap) => MoneyUnit,
  registerUnit: MoneyUnit,
  rep: Reporter,
  blanks: Map<FieldKey, number[]>,
  groupNature: string | undefined,
  place: {
    /** the project's place in the register, for XM-001 numbers */
    ordinal: number;
    /** number the project XM-… even when the sheet has 序号 (one sheet per unit: 序号 restarts) */
    numberRows: boolean;
    /** the 责任单位 when the row has none: the sheet's name (--unit-from-sheet) */
    sheetUnit: string | undefined;
  },
): ProjectOut {
  const col = (f: FieldKey): ColumnMap | undefined => byField.get(f)?.[0];
  const err = (f: FieldKey, message: string): void => {
    const c = col(f);
    rep.add('error', { row: r, col: c?.col, header: c?.header }, message);
  };
  // an Excel error value (#DIV/0!, #N/A, #REF!) is never text: one error for the cell, none after
  const errored = new Set<FieldKey>();
  const cellText = (f: FieldKey): string => {
    const c = col(f);
    if (!c) return '';
    const content = grid.at(r, c.col);
    if (content.kind === 'error') {
      if (!errored.has(f)) err(f, `单元格是公式错误（${content.s}）；请修正公式或填写内容`);
      errored.add(f);
      return '';
    }
    return contentText(content).trim();
  };
  const text = (f: FieldKey): string | undefined => {
    const t = cellText(f);
    return t === '' || isNothing(t) ? undefined : t;
  };
  const out: Record<string, unknown> = {};
  const idField: FieldKey | undefined = col('id') ? 'id' : col('seq') ? 'seq' : undefined;
  const idText = idField && !(place.numberRows && idField === 'seq') ? cellText(idField) : '';
  out.id = idText !== '' ? idText : `XM-${String(place.ordinal).padStart(3, '0')}`;
  out.name = cellText('name').replace(/\s*\n\s*/g, '');

  const natureText = text('nature');
  if (natureText !== undefined) {
    const n = parseNature(natureText);
    if (n.ok) out.nature = n.value;
    else err('nature', n.message);
  } else if (groupNature) {
    out.nature = groupNature;
  } else {
    err(
      'nature',
      col('nature')
        ? '建设性质为空；应为 新建、续建 或 前期。'
        : '没有“建设性质”列，也不在“新建项目/续建项目”分组下；无法确定建设性质。',
    );
  }

  const dates: Record<string, string | undefined> = {};
  for (const f of DATE_KEYS) {
    const c = col(f);
    if (!c) continue;
    const d = parseDate(grid.at(r, c.col));
    if (!d.ok) err(f, d.message);
    else {
      dates[f] = d.value;
      if (d.note) rep.add('warning', { row: r, col: c.col, header: c.header }, d.note);
    }
  }

  const stageText = text('stage');
  const progress = text('progress');
  if (stageText !== undefined) {
    const s = parseStage(stageText);
    if (s.ok) out.stage = s.value;
    else err('stage', s.message);
  } else if (col('stage')) {
    if (!errored.has('stage')) err('stage', '建设阶段为空；应为 前期、在建、竣工、投产 或 停工。');
  } else {
    // no 建设阶段 column: what the row says; a 新建 project it says nothing of is settled by
    // inferStages once the data date is known (or asked about)
    const said = stageFromProgress(progress);
    if (said === '投产' || said === '竣工' || said === '停工') out.stage = said;
    else if (dates.actual_finish) out.stage = '竣工';
    else if (dates.actual_start || out.nature === '续建') out.stage = '在建';
    else if (said !== undefined) out.stage = said;
    else if (out.nature === '前期') out.stage = '前期';
  }

  const unitText = text('unit');
  if (unitText !== undefined) out.unit = unitText;
  else if (place.sheetUnit) out.unit = place.sheetUnit;
  else if (col('unit') && !errored.has('unit')) err('unit', '责任单位为空。');
  for (const f of ['leader', 'owner', 'area', 'industry', 'content'] as const) {
    const t = text(f);
    if (t !== undefined) out[f] = t;
  }

  for (const f of MONEY_KEYS) {
    const c = col(f);
    if (!c) continue;
    const m = parseMoney(grid.at(r, c.col), unitOfCol(c));
    if (!m.ok) {
      err(f, m.message);
      continue;
    }
    if (m.value === undefined) {
      if (f === 'total_investment') err(f, '总投资为空；请填写金额（没有请填 0）。');
      else if (f === 'annual_plan' || f === 'completed_year') {
        blanks.set(f, [...(blanks.get(f) ?? []), r]);
        out[f] = 0;
      }
      continue;
    }
    out[f] = convertMoney(m.value, unitOfCol(c), registerUnit);
  }
  for (const f of ['planned_start', 'actual_start', 'planned_finish', 'actual_finish'] as const) {
    if (dates[f]) out[f] = dates[f];
  }
  if (progress !== undefined) out.progress = progress.replace(/\s*\n\s*/g, '；');
  const contact = text('contact');
  if (contact !== undefined) out.contact = contact;

  const problems: Record<string, unknown>[] = [];
  const problemText = text('problem_text');
  if (problemText !== undefined) {
    const unit = text('problem_unit');
    for (const p of splitProblems(problemText)) {
      problems.push({
        text: p,
        ...(unit ? { unit } : {}),
        ...(dates.problem_due ? { due: dates.problem_due } : {}),
      });
    }
  }
  return { sheet: '', row: r, fields: out, problems, milestones: [] };
}

/** title / region / year / as_of / issuer from the rows above the header (and year-to-date headers). */
function metaFromText(above: string[], headers: string[]): Meta & { asOfNote?: string } {
  const meta: Meta & { asOfNote?: string } = {};
  const simplified = above.map((t) => toSimplified(t));
  const title = simplified.find(
    (t) =>
      t.length >= 4 &&
      !/^(单位|截至|截止|填报|制表|日期|数据|附件|附表|表\d)/.test(t) &&
      !/^[\d\s.,-]+$/.test(t),
  );
  if (title) {
    meta.title = title.replace(/[（(](截至|截止)[^)）]*[)）]/, '').trim();
    const y = /(\d{4})\s*年/.exec(title);
    if (y) meta.year = Number(y[1]);
    const region = /^(.{2,12}?(?:新区|开发区|高新区|经开区|自治县|自治旗|市|区|县|旗|镇|乡))/.exec(
      meta.title.replace(/^关于/, ''),
    );
    if (region?.[1]) meta.region = region[1];
  }
  const all = simplified.join(' ');
  let m =
    /(?:截至|截止|数据截至|统计截至)[:：]?\s*(\d{4})\s*[年.\-/]\s*(\d{1,2})\s*[月.\-/]\s*(\d{1,2})\s*日?/.exec(
      all,
    );
  if (m) {
    meta.asOf = isoOf(Number(m[1]), Number(m[2]), Number(m[3]));
  } else {
    m = /(?:截至|截止)[:：]?\s*(\d{4})\s*年\s*(\d{1,2})\s*月(?:底|末)?/.exec(all);
    const range = /(\d{1,2})\s*[-—–~～至到]\s*(\d{1,2})\s*月/.exec(
      [all, ...headers.map((h) => toSimplified(h))].join(' '),
    );
    const year = meta.year;
    if (m) {
      meta.asOf = endOfMonth(Number(m[1]), Number(m[2]));
      meta.asOfNote = `数据截至日期按“${m[0].trim()}”取该月最后一天：${meta.asOf}；如不对请用 --as-of 指定。`;
    } else if (range && year) {
      meta.asOf = endOfMonth(year, Number(range[2]));
      meta.asOfNote = `表中写“${range[0]}”，数据截至日期按${year}年${Number(range[2])}月最后一天计：${meta.asOf}；如不对请用 --as-of 指定。`;
    }
  }
  const issuer = /(?:填报单位|报送单位|编制单位|制表单位)[:：]\s*([^\s\u3000]+)/.exec(all);
  if (issuer?.[1] && !/盖章/.test(issuer[1])) meta.issuer = issuer[1];
  if (meta.asOf && meta.year === undefined) meta.year = Number(meta.asOf.slice(0, 4));
  return meta;
}

const isoOf = (y: number, m: number, d: number): IsoDate =>
  `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
const endOfMonth = (y: number, m: number): IsoDate => isoOf(y, m, new Date(Date.UTC(y, m, 0)).getUTCDate());

// ---- the auxiliary sheets registerToXlsx writes (and people may keep too) ----

type InfoKey =
  | 'title'
  | 'region'
  | 'year'
  | 'asOf'
  | 'moneyUnit'
  | 'issuer'
  | 'timeProgress'
  | 'yellowGap'
  | 'redGap'
  | 'startRedDays'
  | 'milestoneRedDays';

const INFO_KEYS: Record<string, InfoKey> = {
  台账标题: 'title',
  地区: 'region',
  年度: 'year',
  数据截至: 'asOf',
  数据截至日期: 'asOf',
  金额单位: 'moneyUnit',
  发文机关: 'issuer',
  序时进度计算方式: 'timeProgress',
  黄灯差距: 'yellowGap',
  红灯差距: 'redGap',
  开工滞后转红天数: 'startRedDays',
  节点滞后转红天数: 'milestoneRedDays',
};

function readInfoSheet(book: ExcelJS.Workbook, rep: Reporter): Meta {
  const ws = book.getWorksheet(AUX_SHEETS.info);
  const meta: Meta = {};
  if (!ws) return meta;
  const grid = new Grid(ws);
  const rules: Partial<LagRules> = {};
  for (let r = 1; r <= grid.rows; r++) {
    const key = toSimplified(grid.text(r, 1))
      .replace(/[（(].*$/, '')
      .replace(/\s/g, '');
    const office = OFFICE_INFO.find(([label]) => label === key)?.[1];
    const content = grid.at(r, 2);
    const value = contentText(content).trim();
    if (office && value !== '') {
      meta.office = { ...meta.office, [office]: office === 'cc' ? value.split(/[、，,]\s*/) : value };
      continue;
    }
    const field = INFO_KEYS[key];
    if (!field) continue;
    if (value === '') continue;
    const bad = (allowed: string): void =>
      rep.add('error', { row: r, col: 2, header: key, sheet: ws.name }, `“${value}”不对；${allowed}`);
    switch (field) {
      case 'title':
      case 'region':
      case 'issuer':
        meta[field] = value;
        break;
      case 'year':
        if (/^\d{4}$/.test(value)) meta.year = Number(value);
        else bad('年度应为四位数字，如 2021');
        break;
      case 'asOf': {
        const d = parseDate(content);
        if (d.ok && d.value) meta.asOf = d.value;
        else bad('应为日期，如 2021-10-31');
        break;
      }
      case 'moneyUnit':
        if (value === '万元' || value === '亿元') meta.moneyUnit = value;
        else bad('金额单位应为 万元 或 亿元');
        break;
      case 'timeProgress':
        if (value === 'month' || value === 'half_month' || value === 'day') rules.timeProgress = value;
        else bad('序时进度计算方式应为 month、half_month 或 day');
        break;
      default: {
        const n = Number(value);
        if (Number.isFinite(n) && n >= 0) rules[field] = n;
        else bad('应为不小于0的数字');
      }
    }
  }
  if (Object.keys(rules).length > 0) meta.rules = { ...DEFAULT_RULES, ...rules };
  return meta;
}

function auxHeader(grid: Grid, wanted: Record<string, RegExp>): Map<string, number> | undefined {
  for (let r = 1; r <= Math.min(grid.rows, 5); r++) {
    const found = new Map<string, number>();
    for (let c = 1; c <= grid.cols; c++) {
      const t = toSimplified(grid.text(r, c)).replace(/\s/g, '');
      // each column is one field: the first (most specific) that matches and is not taken yet
      const key = Object.entries(wanted).find(([k, re]) => !found.has(k) && re.test(t))?.[0];
      if (key !== undefined) found.set(key, c);
    }
    if (found.has('project') && found.size >= 2) {
      found.set('__row', r);
      return found;
    }
  }
  return undefined;
}

function readMilestoneSheet(book: ExcelJS.Workbook, projects: ProjectOut[], rep: Reporter): void {
  const ws = book.getWorksheet(AUX_SHEETS.milestones);
  if (!ws) return;
  const grid = new Grid(ws);
  const cols = auxHeader(grid, {
    project: /^项目编号$/,
    name: /节点名称|^节点$/,
    planned: /计划完成|计划时间|计划日期/,
    done: /实际完成|完成日期|完成时间/,
  });
  if (!cols) {
    rep.add(
      'error',
      { row: 0, sheet: ws.name },
      '找不到表头（项目编号、节点名称、计划完成日期、实际完成日期）。',
    );
    return;
  }
  readAux(grid, ws.name, cols, projects, rep, (p, r, get) => {
    const name = get('name');
    const planned = get('planned', 'date');
    if (!name) return rep.add('error', { row: r, col: cols.get('name'), sheet: ws.name }, '节点名称为空。');
    if (!planned)
      return rep.add('error', { row: r, col: cols.get('planned'), sheet: ws.name }, '计划完成日期为空。');
    const done = get('done', 'date');
    p.milestones.push({ name, planned, ...(done ? { done } : {}) });
  });
}

function readProblemSheet(book: ExcelJS.Workbook, projects: ProjectOut[], rep: Reporter): void {
  const ws = book.getWorksheet(AUX_SHEETS.problems);
  if (!ws) return;
  const grid = new Grid(ws);
  const cols = auxHeader(grid, {
    project: /^项目编号$/,
    id: /^问题编号$/,
    text: /问题描述|存在问题|^问题$/,
    unit: /责任单位/,
    raised: /提出/,
    due: /解决时限|完成时限/,
    resolved: /解决日期|解决时间|办结日期/,
    resolution: /解决情况|办理情况|办结情况/,
  });
  if (!cols) {
    rep.add('error', { row: 0, sheet: ws.name }, '找不到表头（项目编号、问题描述、责任单位、解决时限……）。');
    return;
  }
  readAux(grid, ws.name, cols, projects, rep, (p, r, get) => {
    const text = get('text');
    if (!text) return rep.add('error', { row: r, col: cols.get('text'), sheet: ws.name }, '问题描述为空。');
    const out: Record<string, unknown> = {};
    const id = get('id');
    if (id) out.id = id;
    out.text = text;
    for (const k of ['unit'] as const) {
      const v = get(k);
      if (v) out[k] = v;
    }
    for (const k of ['raised', 'due', 'resolved'] as const) {
      const v = get(k, 'date');
      if (v) out[k] = v;
    }
    const resolution = get('resolution');
    if (resolution) out.resolution = resolution;
    p.problems.push(out);
  });
}

function readAux(
  grid: Grid,
  sheet: string,
  cols: Map<string, number>,
  projects: ProjectOut[],
  rep: Reporter,
  add: (p: ProjectOut, row: number, get: (key: string, kind?: 'date') => string | undefined) => void,
): void {
  const byId = new Map(projects.map((p) => [String(p.fields.id), p]));
  for (let r = (cols.get('__row') ?? 1) + 1; r <= grid.rows; r++) {
    if (grid.rowEmpty(r)) continue;
    const pid = grid.text(r, cols.get('project') ?? 1);
    const project = byId.get(pid);
    if (!project) {
      rep.add(
        'error',
        { row: r, col: cols.get('project'), header: '项目编号', sheet },
        pid === '' ? '项目编号为空。' : `项目编号“${pid}”在台账中没有。`,
      );
      continue;
    }
    const get = (key: string, kind?: 'date'): string | undefined => {
      const c = cols.get(key);
      if (c === undefined) return undefined;
      if (kind === 'date') {
        const d = parseDate(grid.at(r, c));
        if (!d.ok) {
          rep.add('error', { row: r, col: c, sheet }, d.message);
          return undefined;
        }
        return d.value;
      }
      const content = grid.at(r, c);
      if (content.kind === 'error') {
        rep.add('error', { row: r, col: c, sheet }, `单元格是公式错误（${content.s}）；请修正公式或填写内容`);
        return undefined;
      }
      const t = contentText(content).trim();
      return t === '' ? undefined : t;
    };
    add(project, r, get);
  }
}

// ---- YAML ----

const PROJECT_ORDER = [
  'id',
  'name',
  'nature',
  'stage',
  'unit',
  'leader',
  'owner',
  'area',
  'industry',
  'content',
  'total_investment',
  'annual_plan',
  'completed_year',
  'completed_month',
  'completed_total',
  'planned_start',
  'actual_start',
  'planned_finish',
  'actual_finish',
  'progress',
  'contact',
];

function registerYaml(meta: Meta, projects: ProjectOut[], file: string, sheet: string): string {
  const header: Record<string, unknown> = {
    title: meta.title,
    region: meta.region,
    year: meta.year,
    as_of: meta.asOf,
    money_unit: meta.moneyUnit ?? '万元',
  };
  if (meta.issuer) header.issuer = meta.issuer;
  if (meta.rules) {
    header.rules = {
      time_progress: meta.rules.timeProgress,
      yellow_gap: meta.rules.yellowGap,
      red_gap: meta.rules.redGap,
      start_red_days: meta.rules.startRedDays,
      milestone_red_days: meta.rules.milestoneRedDays,
    };
  }
  Object.assign(header, meta.office);
  const list = projects.map((p) => {
    const out: Record<string, unknown> = {};
    for (const key of PROJECT_ORDER) if (p.fields[key] !== undefined) out[key] = p.fields[key];
    if (p.milestones.length > 0) out.milestones = p.milestones;
    if (p.problems.length > 0) out.problems = p.problems;
    return out;
  });
  const comment = `# 由 diaodu import 从 ${basename(file)}（工作表“${sheet}”）导入\n`;
  return comment + stringify({ register: header, projects: list }, { lineWidth: 0 });
}

// ---- register → spreadsheet ----

const MAIN_COLUMNS: { title: string; key: string; money?: boolean; date?: boolean; width?: number }[] = [
  { title: '项目编号', key: 'id' },
  { title: '项目名称', key: 'name', width: 30 },
  { title: '建设性质', key: 'nature' },
  { title: '建设阶段', key: 'stage' },
  { title: '责任单位', key: 'unit', width: 16 },
  { title: '包联领导', key: 'leader' },
  { title: '建设单位', key: 'owner', width: 24 },
  { title: '片区/园区', key: 'area', width: 16 },
  { title: '产业类别', key: 'industry' },
  { title: '建设内容', key: 'content', width: 36 },
  { title: '总投资', key: 'totalInvestment', money: true },
  { title: '年度计划投资', key: 'annualPlan', money: true },
  { title: '年度累计完成投资', key: 'completedYear', money: true },
  { title: '本月完成投资', key: 'completedMonth', money: true },
  { title: '开工以来累计完成投资', key: 'completedTotal', money: true },
  { title: '计划开工时间', key: 'plannedStart', date: true },
  { title: '实际开工时间', key: 'actualStart', date: true },
  { title: '计划竣工时间', key: 'plannedFinish', date: true },
  { title: '实际竣工时间', key: 'actualFinish', date: true },
  { title: '形象进度', key: 'progress', width: 36 },
  { title: '项目联系人', key: 'contact' },
];

const excelDate = (iso: IsoDate): Date => new Date(`${iso}T00:00:00Z`);
const chineseDate = (iso: IsoDate): string => {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
};

/** A register as a 台账 workbook: the register sheet, then 节点计划, 问题清单 and 台账信息. */
export async function registerToXlsx(register: Register): Promise<Buffer> {
  const { meta } = register;
  const unit = meta.moneyUnit;
  const book = new ExcelJS.Workbook();
  const ws = book.addWorksheet('重点项目台账');
  const n = MAIN_COLUMNS.length;
  ws.getCell(1, 1).value = meta.title;
  ws.mergeCells(1, 1, 1, n);
  ws.getCell(1, 1).font = { size: 16, bold: true };
  ws.getCell(1, 1).alignment = { horizontal: 'center' };
  ws.getCell(2, 1).value = `（数据截至${chineseDate(meta.asOf)}）\u3000单位：${unit}`;
  ws.mergeCells(2, 1, 2, n);
  ws.getCell(2, 1).alignment = { horizontal: 'right' };
  MAIN_COLUMNS.forEach((c, i) => {
    const cell = ws.getCell(3, i + 1);
    cell.value = c.money ? `${c.title}（${unit}）` : c.title;
    cell.font = { bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    ws.getColumn(i + 1).width = c.width ?? (c.money || c.date ? 14 : 10);
  });
  register.projects.forEach((p, r) => {
    const record = p as unknown as Record<string, unknown>;
    MAIN_COLUMNS.forEach((c, i) => {
      const v = record[c.key];
      if (v === undefined) return;
      const cell = ws.getCell(4 + r, i + 1);
      if (c.money && typeof v === 'number') {
        cell.value = convertMoney(v, '万元', unit);
        cell.numFmt = '#,##0.00';
      } else if (c.date && typeof v === 'string') {
        cell.value = excelDate(v);
        cell.numFmt = 'yyyy-mm-dd';
      } else {
        cell.value = String(v);
      }
    });
  });
  ws.views = [{ state: 'frozen', xSplit: 2, ySplit: 3 }];

  const ms = book.addWorksheet(AUX_SHEETS.milestones);
  ms.addRow(['项目编号', '节点名称', '计划完成日期', '实际完成日期']);
  const ps = book.addWorksheet(AUX_SHEETS.problems);
  ps.addRow(['项目编号', '问题编号', '问题描述', '责任单位', '提出日期', '解决时限', '解决日期', '解决情况']);
  const date = (d: IsoDate | undefined): Date | null => (d ? excelDate(d) : null);
  for (const p of register.projects) {
    for (const m of p.milestones) ms.addRow([p.id, m.name, date(m.planned), date(m.done)]);
    for (const q of p.problems) {
      ps.addRow([
        p.id,
        q.id,
        q.text,
        q.unit ?? null,
        date(q.raised),
        date(q.due),
        date(q.resolved),
        q.resolution ?? null,
      ]);
    }
  }
  for (const sheet of [ms, ps]) {
    sheet.getRow(1).font = { bold: true };
    sheet.columns.forEach((c) => {
      c.width = 16;
    });
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.value instanceof Date) cell.numFmt = 'yyyy-mm-dd';
      }),
    );
  }
  ps.getColumn(3).width = 40;

  const info = book.addWorksheet(AUX_SHEETS.info);
  const rows: [string, string | number | Date][] = [
    ['台账标题', meta.title],
    ['地区', meta.region],
    ['年度', meta.year],
    ['数据截至', excelDate(meta.asOf)],
    ['金额单位', meta.moneyUnit],
  ];
  if (meta.issuer) rows.push(['发文机关', meta.issuer]);
  rows.push(
    ['序时进度计算方式', meta.rules.timeProgress],
    ['黄灯差距（个百分点）', meta.rules.yellowGap],
    ['红灯差距（个百分点）', meta.rules.redGap],
    ['开工滞后转红天数', meta.rules.startRedDays],
    ['节点滞后转红天数', meta.rules.milestoneRedDays],
  );
  const office = meta.office ?? {};
  const officeValues = [office.mark, office.number, office.cc?.join('、'), office.printedBy];
  OFFICE_INFO.forEach(([label], i) => {
    const value = officeValues[i];
    if (value) rows.push([label, value]);
  });
  info.addRow(['项目', '内容']);
  for (const row of rows) info.addRow(row);
  info.getCell('B5').numFmt = 'yyyy-mm-dd';
  info.getColumn(1).width = 24;
  info.getColumn(2).width = 36;
  const data = await book.xlsx.writeBuffer();
  return Buffer.from(data as ArrayBuffer);
}
