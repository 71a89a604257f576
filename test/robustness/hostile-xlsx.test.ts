// Issue 9, items 8 and 14: hostile spreadsheets are refused on their zip, before exceljs materialises
// them (before the fix a cell at XFD1048576 ran past 90 s, a 300 MB text cell past 90 s at 2.5 GB),
// with the sheet and cell named; files that are not .xlsx get a Chinese sentence, not the zip
// library's English. The files are built here (xlsx-zip.ts), a few hundred KB each.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runImport } from '../../src/commands/import.js';
import { importRegisterFromXlsx } from '../../src/import/xlsx-register.js';
import { MAX_CELL_CHARS, MAX_COLUMNS, MAX_ROWS } from '../../src/import/xlsx-limits.js';
import { HEADER_ROW, workbook } from './xlsx-zip.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'diaodu-hostile-xlsx-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function write(name: string, bytes: Buffer): string {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, bytes);
  return file;
}

const PROJECT_ROW =
  '<row r="2">' +
  ['项目一', '新建', '在建', '区发改局', '100', '50', '20']
    .map((v, i) => `<c r="${String.fromCharCode(65 + i)}2" t="inlineStr"><is><t>${v}</t></is></c>`)
    .join('') +
  '</row>';

async function problems(file: string): Promise<string[]> {
  const result = await importRegisterFromXlsx(file, {
    title: 't',
    region: 'r',
    year: 2021,
    asOf: '2021-09-30',
  });
  expect(result.yaml).toBeUndefined();
  return result.problems.filter((p) => p.severity === 'error').map((p) => p.message);
}

describe('caps checked on the zip before the sheet is read', () => {
  it('the minimal workbook imports (the caps do not refuse ordinary files)', async () => {
    const file = write('ok.xlsx', workbook([HEADER_ROW, PROJECT_ROW]));
    const result = await importRegisterFromXlsx(file, {
      title: '台账',
      region: '平鲁区',
      year: 2021,
      asOf: '2021-09-30',
    });
    expect(result.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(result.projectCount).toBe(1);
  });

  it('one cell at XFD1048576: refused at that cell', async () => {
    const file = write(
      'xfd.xlsx',
      workbook([HEADER_ROW, PROJECT_ROW, '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>']),
    );
    const [message, ...rest] = await problems(file);
    expect(rest).toEqual([]);
    expect(message).toContain('工作表“台账”XFD1048576单元格');
    expect(message).toContain(`超过可导入的 ${MAX_ROWS.toLocaleString('en-US')} 行上限`);
  });

  it('a cell past the last column allowed, in an allowed row', async () => {
    const file = write('wide.xlsx', workbook([HEADER_ROW, '<row r="2"><c r="ZZ2"><v>1</v></c></row>']));
    const [message] = await problems(file);
    expect(message).toContain('ZZ2单元格');
    expect(message).toContain(`超过可导入的 ${MAX_COLUMNS} 列`);
  });

  it('more rows than the cap: refused at the first row past it', async () => {
    const rows = Array.from({ length: MAX_ROWS + 10 }, (_, i) => `<row><c><v>${i}</v></c></row>`);
    const file = write('rows.xlsx', workbook([HEADER_ROW, rows.join('')]));
    const [message] = await problems(file);
    expect(message).toContain(`工作表“台账”A${MAX_ROWS + 1}单元格`);
    expect(message).toContain('行上限');
  });

  it('a 300 MB inline text cell (a 300 KB file) is refused at its cell', async () => {
    const file = write(
      'bigcell.xlsx',
      workbook(
        [
          HEADER_ROW,
          '<row r="2"><c r="B2" t="inlineStr"><is><t>',
          { repeat: 'a'.repeat(1 << 20), times: 300 },
          '</t></is></c></row>',
        ],
        undefined,
        '台账',
        false,
      ),
    );
    expect(fs.statSync(file).size).toBeLessThan(1024 * 1024);
    const [message] = await problems(file);
    expect(message).toContain('B2单元格');
    expect(message).toContain('单元格文字过长');
  });

  it('an over-long shared string is refused at the cell that uses it', async () => {
    const file = write(
      'shared.xlsx',
      workbook(
        [HEADER_ROW, '<row r="2"><c r="A2" t="s"><v>0</v></c><c r="C2" t="s"><v>1</v></c></row>'],
        ['<si><t>项目</t></si><si><t>', { repeat: '文'.repeat(MAX_CELL_CHARS + 1), times: 1 }, '</t></si>'],
      ),
    );
    const [message] = await problems(file);
    expect(message).toContain('C2单元格');
    expect(message).toContain(`超过 ${MAX_CELL_CHARS.toLocaleString('en-US')} 字`);
  });

  it('any other part that inflates past the cap (here 101 MB of styles from a small zip) is refused', async () => {
    const file = write(
      'styles.xlsx',
      workbook([HEADER_ROW, PROJECT_ROW], undefined, '台账', false, [
        { name: 'xl/styles.xml', pieces: [{ repeat: ' '.repeat(1 << 20), times: 101 }] },
      ]),
    );
    const [message] = await problems(file);
    expect(message).toContain('“xl/styles.xml”解压后超过 100.0 MB 的上限');
  });

  it('a worksheet the workbook does not name is still checked', async () => {
    const file = write(
      'hidden.xlsx',
      workbook([HEADER_ROW, PROJECT_ROW], undefined, '台账', true, [
        {
          name: 'xl/worksheets/sheet9.xml',
          pieces: ['<worksheet><sheetData><row r="2000000"><c r="A2000000"/></row></sheetData></worksheet>'],
        },
      ]),
    );
    const [message] = await problems(file);
    expect(message).toContain('A2000000');
  });

  it('a cell of exactly the cap is read', async () => {
    const long = '文'.repeat(MAX_CELL_CHARS);
    const file = write(
      'exact.xlsx',
      workbook([HEADER_ROW, PROJECT_ROW.replace('<t>项目一</t>', `<t>${long}</t>`)]),
    );
    const result = await importRegisterFromXlsx(file, {
      title: 't',
      region: 'r',
      year: 2021,
      asOf: '2021-09-30',
    });
    expect(result.problems.filter((p) => p.message.includes('过长'))).toEqual([]);
  });

  it('large imports report progress', async () => {
    const rows = Array.from(
      { length: 6000 },
      (_, i) => `<row r="${i + 3}"><c r="H${i + 3}" t="inlineStr"><is><t>备注${i}</t></is></c></row>`,
    );
    const file = write('many.xlsx', workbook([HEADER_ROW, PROJECT_ROW, rows.join('')]));
    const lines: string[] = [];
    const result = await importRegisterFromXlsx(file, { onProgress: (l) => lines.push(l) });
    expect(result.problems.filter((p) => p.message.includes('无法作为'))).toEqual([]);
    expect(lines).toEqual(['共 6002 行，正在读取工作簿…', '正在转换…']);
  });
});

describe('files that are not .xlsx: a Chinese sentence naming the file and what to do', () => {
  const ctx = { today: () => '2021-10-01', cwd: tmp };

  it.each([
    [
      'an old .xls renamed .xlsx',
      Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]),
      '旧版 .xls 文件，或设置了打开密码的 Excel 文件',
    ],
    ['a CSV renamed .xlsx', Buffer.from('项目名称,责任单位\n项目一,区发改局\n'), '文本文件（可能是 CSV'],
    ['binary junk', Buffer.from([1, 2, 3, 0, 5, 6, 7, 8]), '文件开头不是 zip 格式'],
    ['an empty file', Buffer.alloc(0), '是空文件'],
    ['a zip that is not a workbook', Buffer.from([]), '不是 Excel 工作簿'],
  ])('%s', async (_name, bytes, expected) => {
    const name = `${_name.replace(/\W+/g, '-')}.xlsx`;
    const data =
      bytes.length === 0 && expected === '不是 Excel 工作簿'
        ? (await import('./xlsx-zip.js')).zip([{ name: 'word/document.xml', pieces: ['<w/>'] }])
        : bytes;
    write(name, data);
    const r = await runImport({ file: name }, ctx);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain(expected);
    expect(r.stderr).toContain(name);
    expect(r.stderr).not.toMatch(/[A-Za-z]{4,} [a-z]{3,} [a-z]{3,}/); // no English sentence
  });
});
