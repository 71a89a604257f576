// The Excel bulletin as built from a register: money as the Word tables print it (integers in a 万元
// register), a 合计 row under each ranking, and a 繁體 workbook with nothing left in simplified.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { runBulletin } from '../../src/commands/bulletin.js';
import { buildBulletin } from '../../src/briefing/model.js';
import { renderXlsx } from '../../src/briefing/xlsx.js';
import { mapDocumentText } from '../../src/commands/traditional-output.js';
import { toSimplified, toTraditional } from '../../src/text/traditional.js';
import { sampleMeetings, sampleRegister } from '../briefing/sample.js';

async function read(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(buffer as unknown as ArrayBuffer);
  return book;
}

const sheet = (book: ExcelJS.Workbook, i: number): ExcelJS.Worksheet => {
  const ws = book.worksheets[i];
  if (!ws) throw new Error(`no sheet ${i}`);
  return ws;
};

/** The last row that has a value in column A. */
const lastRow = (ws: ExcelJS.Worksheet): ExcelJS.Row => {
  for (let r = ws.rowCount; r > 0; r--) if (ws.getRow(r).getCell(1).value !== null) return ws.getRow(r);
  throw new Error('empty sheet');
};

describe('renderXlsx: the bulletin of a 万元 register', () => {
  let book: ExcelJS.Workbook;
  beforeAll(async () => {
    book = await read(
      await renderXlsx(buildBulletin({ register: sampleRegister(), meetings: sampleMeetings() })),
    );
  });

  it('shows 万元 amounts as integers, as the Word table prints them', () => {
    const ws = sheet(book, 0);
    expect(ws.getCell('A3').value).toBe('责任单位');
    expect(ws.getCell('C4').value).toBe(1500); // 乙局's plan
    expect(ws.getCell('C4').numFmt).toBe('#,##0');
    const progress = book.worksheets.find((w) => w.getCell('A3').value === '编号');
    expect(progress?.getCell('E4').numFmt).toBe('#,##0');
  });

  it('ends a ranking with a 合计 row: sums, 100% share and the overall completion rate', () => {
    const ws = sheet(book, 0);
    const total = lastRow(ws);
    expect(total.getCell(1).value).toBe('合计');
    expect(total.getCell(1).font?.bold).toBe(true);
    const b = total.getCell(2).value as ExcelJS.CellFormulaValue;
    expect(b.formula).toBe('SUM(B4:B6)');
    expect(b.result).toBe(5);
    expect((total.getCell(3).value as ExcelJS.CellFormulaValue).result).toBe(5500);
    expect(total.getCell(3).numFmt).toBe('#,##0');
    expect((total.getCell(4).value as ExcelJS.CellFormulaValue).result).toBeCloseTo(1, 9);
    expect((total.getCell(5).value as ExcelJS.CellFormulaValue).result).toBe(4140);
    const rate = total.getCell(7).value as ExcelJS.CellFormulaValue;
    expect(rate.formula).toBe('IF(C7=0,"",E7/C7)');
    expect(rate.result).toBeCloseTo(4140 / 5500, 9);
    expect(total.getCell(7).numFmt).toBe('0.0%');
    // ranks have no total
    expect(total.getCell(6).value).toBeNull();
    expect(total.getCell(8).value).toBeNull();
  });

  it('writes the data date of the register, not of the document', async () => {
    const doc = buildBulletin({ register: sampleRegister() });
    const issued = { ...doc, date: '2021-09-03', dateText: '2021年9月3日' };
    const ws = sheet(await read(await renderXlsx(issued)), 0);
    expect(ws.getCell('A2').value).toBe('数据截至2021年8月31日　单位：万元');
  });
});

describe('renderXlsx: the 合计 of an 亿元 register', () => {
  it('keeps two decimals and sums without float residue', async () => {
    const register = sampleRegister();
    register.meta.moneyUnit = '亿元';
    // 0.1 + 0.2 亿元 in the ranking of two units
    register.projects = register.projects
      .slice(0, 2)
      .map((p, i) => ({ ...p, unit: ['甲局', '乙局'][i]!, annualPlan: [1000, 2000][i]! }));
    const ws = sheet(await read(await renderXlsx(buildBulletin({ register }))), 0);
    const total = lastRow(ws);
    expect(total.getCell(1).value).toBe('合计');
    expect((total.getCell(3).value as ExcelJS.CellFormulaValue).result).toBe(0.3);
    expect(total.getCell(3).numFmt).toBe('#,##0.00');
  });
});

describe('renderXlsx: a 繁體 bulletin', () => {
  let book: ExcelJS.Workbook;
  beforeAll(async () => {
    const doc = mapDocumentText(
      buildBulletin({ register: sampleRegister(), meetings: sampleMeetings() }),
      toTraditional,
    );
    book = await read(await renderXlsx(doc, { convert: toTraditional }));
  });

  it('converts every sheet name and every line the workbook writes itself', () => {
    const texts: string[] = [];
    for (const ws of book.worksheets) {
      texts.push(ws.name);
      ws.eachRow((row) =>
        row.eachCell((c) => {
          if (typeof c.value === 'string') texts.push(c.value);
        }),
      );
    }
    const simplified = texts.filter((t) => toTraditional(t) !== t);
    expect(simplified).toEqual([]);
    expect(texts.some((t) => t.startsWith('數據截至'))).toBe(true);
    expect(texts).toContain('合計');
    expect(texts.map(toSimplified)).toContain('合计');
  });
});

describe('bulletin --script traditional --out x.xlsx', () => {
  it('writes a workbook with its sheet names and 數據截至 lines in traditional characters', async () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'diaodu-xlsx-'));
    try {
      const cwd = path.join(import.meta.dirname, '..', 'commands', 'fixtures');
      const out = path.join(tmp, '通報.xlsx');
      const r = await runBulletin(
        { register: 'register.yaml', meetings: 'meetings', out, script: 'traditional' },
        { cwd, today: () => '2021-09-13' },
      );
      expect(r.exitCode).toBe(0);
      const book = await read(fs.readFileSync(out));
      const names = book.worksheets.map((w) => w.name);
      expect(names.filter((n) => toTraditional(n) !== n)).toEqual([]);
      const notes = book.worksheets.map((w) => String(w.getCell('A2').value));
      expect(notes.every((n) => n.startsWith('數據截至'))).toBe(true);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });
});
