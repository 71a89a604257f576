// A register written as a 台账 workbook, the shape `diaodu import` reads back (register → xlsx → import
// gives the same register). Used by tests only.
import ExcelJS from 'exceljs';
import type { IsoDate, LagRules, Register } from '../../src/domain/types.js';
import {
  MILESTONE_SCHEMA,
  PROBLEM_SCHEMA,
  PROJECT_SCHEMA,
  RULES_SCHEMA,
  field,
  propOf,
} from '../../src/domain/schema.js';
import { convertMoney } from '../../src/import/values.js';
import { AUX_SHEETS } from '../../src/import/xlsx/extra-sheets.js';
import { OFFICE_INFO } from '../../src/import/xlsx/report.js';

/** Column widths other than the default (10; 14 for amounts and dates). */
const WIDTHS: Readonly<Record<string, number>> = {
  name: 30,
  unit: 16,
  owner: 24,
  area: 16,
  content: 36,
  progress: 36,
};

/** The register sheet's columns: the project schema's fields and labels, in its order. */
const MAIN_COLUMNS: { title: string; key: string; money?: boolean; date?: boolean; width?: number }[] =
  PROJECT_SCHEMA.fields
    .filter((x) => x.type !== 'records')
    .map((x) => ({
      title: x.label,
      key: propOf(x),
      ...(x.type === 'amount' ? { money: true } : {}),
      ...(x.type === 'date' ? { date: true } : {}),
      ...(WIDTHS[x.key] !== undefined ? { width: WIDTHS[x.key] } : {}),
    }));

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
  const id = field(PROJECT_SCHEMA, 'id').label;
  ms.addRow([id, ...MILESTONE_SCHEMA.fields.map((x) => x.label)]);
  const ps = book.addWorksheet(AUX_SHEETS.problems);
  ps.addRow([id, ...PROBLEM_SCHEMA.fields.map((x) => x.label)]);
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
  for (const rule of RULES_SCHEMA.fields) {
    rows.push([rule.label, meta.rules[propOf(rule) as keyof LagRules]]);
  }
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
