// `diaodu import <台账.xlsx>`: reads a register kept as a spreadsheet and writes the register YAML of
// docs/formats.md#register. It finds the header row (a title row and a unit note may sit above it, a header may span
// two rows under merged cells), maps the Chinese headers real 台账 use to register fields (columns.ts),
// converts 亿元 to the register's unit, skips totals, group and blank rows, and reports every column it
// mapped or ignored and every cell it could not read (sheet, row, column, why). When anything could not be
// read there is no YAML at all: a partial register would silently drop projects from every figure.
// The tests' test/support/register-to-xlsx.ts writes a register back as such a spreadsheet (plus
// 台账信息, 节点计划 and 问题清单 sheets), so that register → xlsx → import gives the same register.
// The parts: xlsx/grid.ts (cells), xlsx/header.ts (header row, title rows), xlsx/rows.ts (project rows),
// xlsx/extra-sheets.ts (台账信息, 节点计划, 问题清单), xlsx/emit.ts (the YAML); this file chooses the
// sheets and puts them together.
import ExcelJS from 'exceljs';
import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import type { MoneyUnit } from '../domain/types.js';
import { InputError } from '../domain/types.js';
import { parseRegisterText } from '../store/register-file.js';
import { readRegularFile } from '../store/regular-file.js';
import { toSimplified } from '../text/traditional.js';
import { MAX_XLSX_FILE_BYTES, columnNumber, refusalOf, scanXlsx } from './xlsx-limits.js';
import { registerYaml, placeOfLine } from './xlsx/emit.js';
import { AUX_SHEETS, readInfoSheet, readMilestoneSheet, readProblemSheet } from './xlsx/extra-sheets.js';
import { Grid } from './xlsx/grid.js';
import { findHeader, headerScore, type HeaderFound } from './xlsx/header.js';
import { Reporter, type Meta, type ProjectOut } from './xlsx/report.js';
import { inferStages, readSheet, type SheetRead } from './xlsx/rows.js';
import type { ImportOptions, ImportProblem, ImportResult } from './xlsx/types.js';

export type { ImportOptions, ImportProblem, ImportResult, MappedColumn } from './xlsx/types.js';

/** Imports from this size or row count on report progress. */
const LARGE_IMPORT_BYTES = 2 * 1024 * 1024;
const LARGE_IMPORT_ROWS = 5000;

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

/** A sheet name that names a 责任单位 (区发改局, 井坪镇, 开发区管委会), for one sheet per unit. */
const UNIT_SHEET_NAME = /(局|委|办|院|镇|乡|街道|管委会|中心|公司|集团|部|处|室|所|站|区|县|旗|市|园)$/;
