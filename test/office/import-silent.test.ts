// `diaodu import`, issue 10 "silently wrong today": sheets that imported without a word and gave wrong
// figures. Each case builds its workbook here with exceljs and fails on the importer before the fix.
import type ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { registerFigures } from '../../src/domain/figures.js';
import { assessRegister } from '../../src/domain/lag-rules.js';
import type { ImportOptions } from '../../src/import/xlsx-register.js';
import {
  errors,
  importSheets as run,
  messages,
  PROJECT_COLUMNS,
  TEST_REGISTER,
  warnings,
  type SheetSpec,
} from '../support/workbooks.js';

type Value = ExcelJS.CellValue;
const META: ImportOptions = { ...TEST_REGISTER, asOf: '2021-09-30' };

describe('(a) no 建设阶段 column', () => {
  it('takes the stage of a 新建 project from its 形象进度, so 新开工率 is not 0%', async () => {
    const r = await run(
      [
        {
          name: 'S',
          rows: [
            ['项目名称', '建设性质', '总投资', '年度计划投资', '年度累计完成投资', '责任单位', '形象进度'],
            ['甲', '新建', 100, 50, 30, '区发改局', '主体结构施工，已完成60%'],
            ['乙', '新建', 100, 50, 45, '区发改局', '已竣工投产'],
            ['丙', '新建', 100, 50, 0, '区发改局', '前期手续办理中，尚未开工'],
            ['丁', '续建', 100, 50, 40, '区发改局', '设备安装'],
          ],
        },
      ],
      META,
    );
    expect(messages(errors(r))).toBe('');
    expect(r.register?.projects.map((p) => [p.name, p.stage])).toEqual([
      ['甲', '在建'],
      ['乙', '投产'],
      ['丙', '前期'],
      ['丁', '在建'],
    ]);
    const register = r.register!;
    const f = registerFigures(register, assessRegister(register).statuses);
    expect(f.newStarted).toBe(2);
    expect(messages(warnings(r))).toMatch(/没有“建设阶段”列.*形象进度/);
  });

  it('takes it from a 开工时间 on or before the data date, and a start still to come is 前期', async () => {
    const r = await run(
      [
        {
          name: 'S',
          rows: [
            ['项目名称', '建设性质', '总投资', '年度计划投资', '年度累计完成投资', '责任单位', '开工时间'],
            ['甲', '新建', 100, 50, 30, '区发改局', new Date('2021-04-01T00:00:00Z')],
            ['乙', '新建', 100, 50, 0, '区发改局', new Date('2021-11-01T00:00:00Z')],
          ],
        },
      ],
      META,
    );
    expect(messages(errors(r))).toBe('');
    expect(r.register?.projects.map((p) => [p.name, p.stage])).toEqual([
      ['甲', '在建'],
      ['乙', '前期'],
    ]);
  });

  it('asks rather than guessing 前期 when nothing in the row says whether a 新建 project has started', async () => {
    const r = await run(
      [
        {
          name: 'S',
          rows: [
            ['项目名称', '建设性质', '总投资', '年度计划投资', '年度累计完成投资', '责任单位'],
            ['甲', '新建', 100, 50, 30, '区发改局'],
            ['乙', '新建', 100, 50, 10, '区发改局'],
            ['丙', '续建', 100, 50, 40, '区发改局'],
          ],
        },
      ],
      META,
    );
    expect(r.yaml).toBeUndefined();
    expect(messages(errors(r))).toMatch(/没有“建设阶段”列.*2个新建项目.*（第2、3行）.*是否已开工.*建设阶段/);
  });
});

describe('(b) the unit note below the table', () => {
  const rows = (note: string | null): Value[][] => [
    ['测试区2021年重点项目台账'],
    ['项目名称', '建设性质', '建设阶段', '总投资', '年度计划投资', '年度累计完成投资', '责任单位'],
    ['甲', '新建', '在建', 3.5, 2, 1.5, '区发改局'],
    ['乙', '续建', '在建', 12, 4, 3, '区住建局'],
    ['丙', '续建', '在建', 0.8, 0.5, 0.4, '区住建局'],
    ...(note === null ? [] : [[note]]),
  ];

  it('reads "备注：本表金额单位为亿元" and converts the amounts', async () => {
    const r = await run([{ name: 'S', rows: rows('备注：本表金额单位为亿元') }], META);
    expect(messages(errors(r))).toBe('');
    expect(r.register?.meta.moneyUnit).toBe('亿元');
    expect(r.register?.projects.map((p) => p.totalInvestment)).toEqual([35000, 120000, 8000]);
    expect(r.mapped.find((m) => m.field === 'total_investment')?.unit).toBe('亿元');
  });

  it('refuses amounts that look like 亿元 when the sheet names no unit', async () => {
    const r = await run([{ name: 'S', rows: rows(null) }], META);
    expect(r.yaml).toBeUndefined();
    expect(messages(errors(r))).toMatch(/没有写明金额单位.*像是以亿元填写.*--money-unit/);
  });

  it('takes --money-unit as the unit of a sheet that names none', async () => {
    const r = await run([{ name: 'S', rows: rows(null) }], { ...META, moneyUnit: '亿元' });
    expect(messages(errors(r))).toBe('');
    expect(r.register?.projects.map((p) => p.totalInvestment)).toEqual([35000, 120000, 8000]);
  });

  it('refuses a note that contradicts the headers', async () => {
    const r = await run(
      [
        {
          name: 'S',
          rows: [
            [...PROJECT_COLUMNS, '责任单位'],
            ['甲', '新建', '在建', 35000, 20000, 15000, '区发改局'],
            ['注：金额单位：亿元'],
          ],
        },
      ],
      META,
    );
    expect(messages(errors(r))).toMatch(/表下说明.*亿元.*表头.*万元/);
  });
});

describe('(c) a title in A1 directly above the header', () => {
  it('is the title, not a parent header over every column', async () => {
    const r = await run(
      [
        {
          name: 'S',
          rows: [
            ['平鲁区2021年重点工程项目台账（截至9月底）', null, null, null, null, null, null],
            ['项目名称', '建设性质', '建设阶段', '总投资', '年度计划投资', '累计完成', '责任单位'],
            ['甲', '新建', '在建', 35000, 20000, 15000, '区发改局'],
          ],
          merges: ['A1:G1'],
        },
      ],
      { asOf: '2021-09-30' },
    );
    expect(messages(errors(r))).toBe('');
    expect(r.headerRow).toBe(2);
    expect(r.mapped.map((m) => m.header)).toEqual([
      '项目名称',
      '建设性质',
      '建设阶段',
      '总投资',
      '年度计划投资',
      '累计完成',
      '责任单位',
    ]);
    expect(r.register?.meta.title).toBe('平鲁区2021年重点工程项目台账');
    expect(r.register?.meta.region).toBe('平鲁区');
  });
});

describe('(c) a title and a unit note on the row directly above the header', () => {
  it('are the title and the unit, not parent headers', async () => {
    const r = await run(
      [
        {
          name: 'S',
          rows: [
            ['平鲁区2021年重点工程项目台账', null, null, null, null, null, '单位：亿元'],
            ['项目名称', '建设性质', '建设阶段', '总投资', '年度计划投资', '累计完成', '责任单位'],
            ['甲', '新建', '在建', 3.5, 2, 1.5, '区发改局'],
          ],
        },
      ],
      { asOf: '2021-09-30' },
    );
    expect(messages(errors(r))).toBe('');
    expect(r.headerRow).toBe(2);
    expect(r.mapped[0]?.header).toBe('项目名称');
    expect(r.register?.meta.title).toBe('平鲁区2021年重点工程项目台账');
    expect(r.register?.projects[0]?.totalInvestment).toBe(35000);
  });
});

describe('(d) a 合计 row', () => {
  const sheet = (total: number): SheetSpec => ({
    name: 'S',
    rows: [
      ['项目名称', '建设性质', '建设阶段', '总投资（万元）', '年度计划投资', '年度累计完成投资', '责任单位'],
      ['甲', '新建', '在建', 35000, 20000, 15000, '区发改局'],
      ['乙', '续建', '在建', 12000, 4000, 3000, '区住建局'],
      ['合计', null, null, total, 24000, 18000, null],
    ],
  });

  it('that does not match the sum of the projects gets a warning naming the cell', async () => {
    const r = await run([sheet(57000)], META);
    expect(messages(errors(r))).toBe('');
    expect(
      warnings(r)
        .filter((w) => /合计/.test(w.message))
        .map((w) => w.message),
    ).toEqual([
      '工作表“S”D4单元格（总投资（万元））：合计行为57000，各项目之和为47000（相差10000）；请核对是否漏行、多行或合计有误。',
    ]);
  });

  it('that matches gets none', async () => {
    const r = await run([sheet(47000)], META);
    expect(warnings(r).filter((w) => /合计/.test(w.message))).toEqual([]);
  });
});

describe('(e) one sheet per unit, no 责任单位 column', () => {
  const header = ['序号', ...PROJECT_COLUMNS];
  const sheets: SheetSpec[] = [
    {
      name: '区发改局',
      rows: [header, [1, '甲', '新建', '在建', 100, 50, 30], [2, '乙', '续建', '在建', 80, 40, 20]],
    },
    { name: '区住建局', rows: [header, [1, '丙', '新建', '在建', 60, 30, 10]] },
  ];

  it('imports every sheet with the unit taken from its name when every sheet has the same header', async () => {
    const r = await run(sheets, META);
    expect(messages(errors(r))).toBe('');
    expect(r.register?.projects.map((p) => [p.id, p.name, p.unit])).toEqual([
      ['XM-001', '甲', '区发改局'],
      ['XM-002', '乙', '区发改局'],
      ['XM-003', '丙', '区住建局'],
    ]);
    expect(messages(warnings(r))).toMatch(/责任单位取工作表名称/);
  });

  it('does not take sheets named by month for units', async () => {
    const months = sheets.map((s, i) => ({ ...s, name: `${8 + i}月` }));
    const r = await run(months, META);
    expect(r.yaml).toBeUndefined();
    expect(messages(errors(r))).toMatch(/找不到“责任单位”列.*--unit-from-sheet/);
  });

  it('does so with --unit-from-sheet when the headers differ', async () => {
    const other: SheetSpec = {
      name: '区交通局',
      rows: [
        [...PROJECT_COLUMNS, '形象进度'],
        ['丁', '新建', '在建', 60, 30, 10, '路基施工'],
      ],
    };
    const without = await run([...sheets, other], META);
    expect(messages(errors(without))).toMatch(/责任单位/);
    const r = await run([...sheets, other], { ...META, unitFromSheet: true });
    expect(messages(errors(r))).toBe('');
    expect(r.register?.projects.map((p) => [p.name, p.unit])).toEqual([
      ['甲', '区发改局'],
      ['乙', '区发改局'],
      ['丙', '区住建局'],
      ['丁', '区交通局'],
    ]);
  });
});

describe('(f) Excel error values in text columns', () => {
  it('are errors naming the cell, not names or units', async () => {
    const r = await run(
      [
        {
          name: 'S',
          rows: [
            [...PROJECT_COLUMNS, '责任单位', '形象进度'],
            ['甲', '新建', '在建', 100, 50, 30, { error: '#REF!' }, '进展顺利'],
            [{ error: '#N/A' }, '新建', '在建', 100, 50, 30, '区发改局', '进展顺利'],
            [
              '丙',
              '新建',
              '在建',
              100,
              50,
              30,
              '区发改局',
              { formula: 'A1/0', result: { error: '#DIV/0!' } },
            ],
          ],
        },
      ],
      META,
    );
    expect(r.yaml).toBeUndefined();
    expect(errors(r).map((e) => `${e.col}${e.row} ${e.detail}`)).toEqual([
      'G2 单元格是公式错误（#REF!）；请修正公式或填写内容',
      'A3 单元格是公式错误（#N/A）；请修正公式或填写内容',
      'H4 单元格是公式错误（#DIV/0!）；请修正公式或填写内容',
    ]);
  });
});
