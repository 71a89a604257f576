// Workbooks for the import tests, written cell by cell with exceljs: each sheet a name, its rows of
// cell values (null leaves the cell empty) and its merged ranges; and what to read from an import.
import ExcelJS from 'exceljs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  importRegisterFromXlsx,
  type ImportOptions,
  type ImportResult,
} from '../../src/import/xlsx-register.js';

export interface SheetSpec {
  name: string;
  rows: ExcelJS.CellValue[][];
  merges?: string[];
}

/** The sheets written as an .xlsx workbook at `file`; returns `file`. */
export async function writeWorkbook(file: string, ...sheets: SheetSpec[]): Promise<string> {
  const book = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = book.addWorksheet(s.name);
    s.rows.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v !== null) ws.getCell(r + 1, c + 1).value = v;
      }),
    );
    for (const m of s.merges ?? []) ws.mergeCells(m);
  }
  await book.xlsx.writeFile(file);
  return file;
}

let dir: string | undefined;
/** A temporary folder for the workbooks of this test file, made the first time it is asked for. */
export const scratchDir = (): string => (dir ??= mkdtempSync(join(tmpdir(), 'diaodu-import-')));

let counter = 0;
/** The sheets written as a new workbook in scratchDir(); returns its path. */
export function newWorkbook(...sheets: SheetSpec[]): Promise<string> {
  return writeWorkbook(join(scratchDir(), `book-${++counter}.xlsx`), ...sheets);
}

/** `diaodu import` of the sheets written as a new workbook. */
export async function importSheets(sheets: SheetSpec[], opts: ImportOptions = {}): Promise<ImportResult> {
  return importRegisterFromXlsx(await newWorkbook(...sheets), opts);
}

export const errors = (r: ImportResult) => r.problems.filter((p) => p.severity === 'error');
export const warnings = (r: ImportResult) => r.problems.filter((p) => p.severity === 'warning');
/** The messages of a list of problems, one a line. */
export const messages = (list: { message: string }[]) => list.map((p) => p.message).join('\n');

/** The register header the import tests give by flags, but for the data date. */
export const TEST_REGISTER = {
  title: '测试区2021年重点项目台账',
  region: '测试区',
  year: 2021,
} as const satisfies ImportOptions;

/** The columns every register sheet has, amounts in 万元, in the order these tests write them. */
export const PROJECT_COLUMNS = [
  '项目名称',
  '建设性质',
  '建设阶段',
  '总投资（万元）',
  '年度计划投资',
  '年度累计完成投资',
] as const;
