// A register written as a 台账 workbook, the shape `diaodu import` reads back (register → xlsx → import
// gives the same register). Used by tests only.
import ExcelJS from 'exceljs';
import type { IsoDate, Register } from '../../src/domain/types.js';
import { convertMoney } from '../../src/import/values.js';
import { AUX_SHEETS } from '../../src/import/xlsx/extra-sheets.js';
import { OFFICE_INFO } from '../../src/import/xlsx/report.js';

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
