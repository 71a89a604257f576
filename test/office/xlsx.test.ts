// Reads the produced .xlsx back with exceljs: one sheet per table, numbers as numbers with their formats,
// lights filled, frozen header, widths that fit Chinese text.
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { cellNumber, renderXlsx, sheetName } from '../../src/briefing/xlsx.js';
import { sampleBulletin, sampleMinutes } from './sample-documents.js';

async function read(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(buffer as unknown as ArrayBuffer);
  return book;
}

describe('renderXlsx: bulletin', () => {
  let book: ExcelJS.Workbook;
  beforeAll(async () => {
    book = await read(await renderXlsx(sampleBulletin(12)));
  });
  const sheet = (i: number): ExcelJS.Worksheet => {
    const ws = book.worksheets[i];
    if (!ws) throw new Error(`no sheet ${i}`);
    return ws;
  };

  it('has one sheet per table: the ranking and the 附件 progress table', () => {
    expect(book.worksheets.map((w) => w.name)).toEqual([
      '各责任单位重点项目推进情况',
      '2021年10月份全区重点项目进度表',
    ]);
  });

  it('puts a title row, the data date and unit, then the header', () => {
    const ws = sheet(0);
    expect(ws.getCell('A1').value).toBe('表1 各责任单位重点项目推进情况');
    expect(ws.getCell('A1').isMerged).toBe(true);
    expect(ws.getCell('H1').isMerged).toBe(true);
    expect(ws.getCell('A2').value).toBe('数据截至2021年10月31日　单位：万元');
    expect(ws.getRow(3).values).toEqual([
      undefined,
      '责任单位',
      '项目数',
      '年度计划投资',
      '占比',
      '累计完成投资',
      '完成额排名',
      '投资完成率',
      '完成率排名',
    ]);
    expect(ws.getCell('A3').font?.bold).toBe(true);
  });

  it('stores numbers as numbers with money, percent and integer formats', () => {
    const ws = sheet(0);
    expect(ws.getCell('A4').value).toBe('区发改局');
    expect(ws.getCell('B4').value).toBe(12);
    expect(ws.getCell('B4').numFmt).toBe('0');
    expect(ws.getCell('C4').value).toBe(32000);
    expect(ws.getCell('C4').numFmt).toBe('#,##0.00');
    expect(ws.getCell('D4').value).toBeCloseTo(0.2667, 6);
    expect(ws.getCell('D4').numFmt).toBe('0.0%');
    expect(ws.getCell('G4').value).toBeCloseTo(0.845, 6);
    // the totals row: empty rank cells stay empty strings, not zeros
    expect(ws.getCell('A9').value).toBe('合计');
    expect(ws.getCell('C9').value).toBe(120000);
    expect(ws.getCell('F9').value).toBe('');
  });

  it('fills light cells in their colour and keeps the character', () => {
    const ws = sheet(1);
    expect(ws.getCell('J3').value).toBe('灯');
    const red = ws.getCell('J4');
    expect(red.value).toBe('红');
    expect(red.fill).toMatchObject({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFF0000' } });
    expect(ws.getCell('J5').value).toBe('黄');
    expect(ws.getCell('J5').fill).toMatchObject({ fgColor: { argb: 'FFFFFF00' } });
    expect(ws.getCell('J6').fill).toMatchObject({ fgColor: { argb: 'FF00B050' } });
    expect(ws.getCell('I4').value).toBeCloseTo(0.3, 6);
    expect(ws.getCell('I4').numFmt).toBe('0.0%');
  });

  it('freezes the title and header rows (and the 序号 and name columns of the progress table)', () => {
    expect(sheet(0).views[0]).toMatchObject({ state: 'frozen', ySplit: 3, xSplit: 1 });
    expect(sheet(1).views[0]).toMatchObject({ state: 'frozen', ySplit: 3, xSplit: 2 });
  });

  it('sizes columns to Chinese text: two units a character', () => {
    const ws = sheet(0);
    // 北坪循环经济园区管委会: 11 characters = 22 units, plus 2
    expect(ws.getColumn(1).width).toBe(24);
    // 年度计划投资 (12 units) is wider than 120000.00
    expect(ws.getColumn(3).width).toBe(14);
    expect(sheet(1).getColumn(2).width).toBeGreaterThanOrEqual(26); // 海泰新能光伏高效组件项目（3期）
  });
});

describe('renderXlsx: minutes without tables', () => {
  it('writes the text on one sheet', async () => {
    const book = await read(await renderXlsx(sampleMinutes()));
    const ws = book.worksheets[0];
    expect(ws?.name).toBe('纪要');
    expect(ws?.getCell('A1').value).toBe('平鲁区重点项目周调度会议纪要');
    const texts = (ws?.getColumn(1).values ?? []).filter((v): v is string => typeof v === 'string');
    expect(texts).toContain(
      '出席：马占文、区发改局、区自然资源局、区住建局、区交通局、区生态环境局、北坪循环经济园区管委会',
    );
  });
});

describe('renderXlsx: tables without captions', () => {
  it('names sheets after their section, a second table there after its first column', async () => {
    const doc = sampleBulletin(3);
    const ranking = doc.blocks.find((b) => b.type === 'table');
    if (ranking?.type !== 'table') throw new Error('no table');
    delete ranking.caption;
    const at = doc.blocks.indexOf(ranking);
    doc.blocks.splice(at + 1, 0, {
      type: 'table',
      unitNote: '单位：万元',
      columns: [{ title: '片区（园区）', align: 'left' }, ...ranking.columns.slice(1)],
      rows: ranking.rows,
    });
    const attachment = doc.attachments[0]?.blocks[0];
    if (attachment?.type === 'table') attachment.unitNote = '数据截至2021年10月31日；单位：万元';
    const book = await read(await renderXlsx(doc));
    expect(book.worksheets.map((w) => w.name)).toEqual([
      '各责任单位推进情况',
      '按片区（园区）统计',
      '2021年10月份全区重点项目进度表',
    ]);
    expect(book.worksheets[0]?.getCell('A1').value).toBe('各责任单位推进情况');
    // the data date is not said twice
    expect(book.worksheets[2]?.getCell('A2').value).toBe('数据截至2021年10月31日；单位：万元');
  });
});

describe('xlsx helpers', () => {
  it('makes valid, unique sheet names', () => {
    const used = new Set<string>();
    expect(sheetName('表1 各单位/排名[汇总]', 1, used)).toBe('各单位排名汇总');
    expect(sheetName('表2 各单位/排名[汇总]', 2, used)).toBe('各单位排名汇总(2)');
    expect(sheetName('', 3, used)).toBe('表3');
    expect([...sheetName('一'.repeat(40), 4, used)]).toHaveLength(31);
  });

  it('stores a percent as a fraction whichever way the model gives it', () => {
    expect(cellNumber({ text: '94.2%', value: 0.942, format: 'percent' })).toBeCloseTo(0.942);
    expect(cellNumber({ text: '94.2%', value: 94.2, format: 'percent' })).toBeCloseTo(0.942);
    expect(cellNumber({ text: '—', format: 'percent' })).toBeUndefined();
    expect(cellNumber({ text: '2.77', value: 2.77, format: 'money' })).toBe(2.77);
  });
});
