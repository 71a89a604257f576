// `diaodu import`: spreadsheets as departments keep them (title row, unit note, two-row merged headers,
// totals and group rows, dates typed every which way, traditional characters) and hostile ones, each
// with a clear Chinese message naming sheet, row and column. And the round trip register → xlsx →
// import → register.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_RULES, type Register } from '../../src/domain/types.js';
import {
  importRegisterFromXlsx,
  type ImportOptions,
  type ImportResult,
} from '../../src/import/xlsx-register.js';
import { registerToXlsx } from '../support/register-to-xlsx.js';
import { loadRegister } from '../../src/store/register-file.js';
import {
  errors,
  importSheets as run,
  PROJECT_COLUMNS,
  scratchDir,
  TEST_REGISTER,
  warnings,
} from '../support/workbooks.js';

const dir = scratchDir();
let counter = 0;
const d = (iso: string): Date => new Date(`${iso}T00:00:00Z`);

const HEADER = ['序号', ...PROJECT_COLUMNS, '包联领导', '责任单位'];
const META: ImportOptions = { ...TEST_REGISTER, asOf: '2021-10-31' };

describe('import: a register as departments keep it', () => {
  let result: ImportResult;
  beforeAll(async () => {
    result = await run([
      {
        name: '重点项目',
        rows: [
          [
            '测试区2021年重点工程项目建设进度台账',
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
          ],
          ['（截至2021年10月31日）', null, null, null, null, null, null, null, null, '单位：万元', null],
          [
            '序号',
            '项目名称',
            '建设性质',
            '建设阶段',
            '投资（亿元）',
            null,
            null,
            '计划开工时间',
            '包联县级领导',
            '牵头单位',
            '备注',
          ],
          [null, null, null, null, '总投资', '2021年计划投资', '1-10月累计完成', null, null, null, null],
          ['一、新建项目', null, null, null, null, null, null, null, null, null, null],
          [1, '光伏组件项目', null, '已开工', 3.5, 2, 1.2345, d('2021-03-01'), '马占文', '区发改局', null],
          [2, '污水处理厂', null, '前期', 1, 0.5, null, '2021.3', '张三', '区住建局', '用地待批'],
          ['二、续建项目', null, null, null, null, null, null, null, null, null, null],
          [3, '人民医院综合楼', null, '在建', '2,000万', 0.8, 0.6, '2020年5月', '李四', '区卫体局', null],
          ['合计', null, null, null, 6.7, 3.3, 1.8345, null, null, null, null],
          ['填报人：王五', null, null, null, null, null, null, null, null, null, null],
        ],
        merges: [
          'A1:K1',
          'A3:A4',
          'B3:B4',
          'C3:C4',
          'D3:D4',
          'E3:G3',
          'H3:H4',
          'I3:I4',
          'J3:J4',
          'K3:K4',
          'A5:K5',
          'A8:K8',
        ],
      },
    ]);
  });

  it('finds the two-row header under merged cells and maps each column', () => {
    expect(errors(result)).toEqual([]);
    expect(result.headerRow).toBe(4);
    expect(result.mapped.map((m) => [m.column, m.field, m.unit])).toEqual([
      ['A', 'seq', undefined],
      ['B', 'name', undefined],
      ['C', 'nature', undefined],
      ['D', 'stage', undefined],
      ['E', 'total_investment', '亿元'],
      ['F', 'annual_plan', '亿元'],
      ['G', 'completed_year', '亿元'],
      ['H', 'planned_start', undefined],
      ['I', 'leader', undefined],
      ['J', 'unit', undefined],
    ]);
    expect(result.mapped[4]?.header).toBe('投资（亿元）/总投资');
    expect(result.ignored).toEqual(['备注（K列）']);
  });

  it('skips the group, totals and note rows, taking 建设性质 from the group rows', () => {
    expect(result.skipped).toEqual([
      { row: 5, reason: '分组行“一、新建项目”' },
      { row: 8, reason: '分组行“二、续建项目”' },
      { row: 10, reason: '合计行' },
      { row: 11, reason: '表下说明“填报人：王五”' },
    ]);
    expect(result.projectCount).toBe(3);
    expect(result.register?.projects.map((p) => [p.name, p.nature, p.stage])).toEqual([
      ['光伏组件项目', '新建', '在建'],
      ['污水处理厂', '新建', '前期'],
      ['人民医院综合楼', '续建', '在建'],
    ]);
  });

  it('converts amounts to 万元 as held, keeping 亿元 as the register unit since every amount column is in 亿元', () => {
    const [a, b, c] = result.register?.projects ?? [];
    expect(a?.totalInvestment).toBe(35000);
    expect(a?.annualPlan).toBe(20000);
    expect(a?.completedYear).toBe(12345);
    // "2,000万" in a 亿元 column: its own unit wins
    expect(c?.totalInvestment).toBe(2000);
    // a blank 年度累计完成 counts as 0, with a warning naming the rows
    expect(b?.completedYear).toBe(0);
    expect(warnings(result).map((w) => w.message)).toContain(
      '工作表“重点项目”G7单元格（投资（亿元）/1-10月累计完成）：1行的“年度累计完成投资”为空，按0计（第7行）。',
    );
  });

  it('reads the register header from the title rows and the year-to-date header', () => {
    expect(result.register?.meta).toMatchObject({
      title: '测试区2021年重点工程项目建设进度台账',
      region: '测试区',
      year: 2021,
      asOf: '2021-10-31',
    });
    expect(result.yaml).toContain('as_of: 2021-10-31');
  });

  it('reads dates from date cells and text, month-only dates as the first day with a warning', () => {
    const [a, b, c] = result.register?.projects ?? [];
    expect(a?.plannedStart).toBe('2021-03-01');
    expect(b?.plannedStart).toBe('2021-03-01');
    expect(c?.plannedStart).toBe('2020-05-01');
    const notes = warnings(result).filter((w) => w.col === 'H');
    expect(notes.map((w) => w.row)).toEqual([7, 9]);
    expect(notes[0]?.message).toBe(
      '工作表“重点项目”H7单元格（计划开工时间）：“2021.3”只写到月份，按2021年3月1日计',
    );
  });

  it('writes YAML that loads as `diaodu check` loads it', () => {
    const file = join(dir, 'imported.yaml');
    writeFileSync(file, result.yaml ?? '');
    const loaded = loadRegister(file);
    expect(loaded.register.projects.map((p) => p.id)).toEqual(['1', '2', '3']);
    expect(loaded.register.meta.moneyUnit).toBe('亿元');
    expect(result.yaml).toContain('total_investment: 0.2\n');
  });
});

describe('import: other layouts', () => {
  it('keeps a register in 亿元 when every amount column is in 亿元, and reads traditional characters', async () => {
    const r = await run(
      [
        {
          name: '台賬',
          rows: [
            [
              '項目編號',
              '項目名稱',
              '建設性質',
              '建設階段',
              '總投資（億元）',
              '年度計劃投資(億元)',
              '年度累計完成投資（億元）',
              '責任單位',
            ],
            ['A-1', '城區供熱管網', '續建', '投產', 2.77, 1.5, 1.25, '區住建局'],
          ],
        },
      ],
      META,
    );
    expect(errors(r)).toEqual([]);
    expect(r.yaml).toContain('money_unit: 亿元');
    expect(r.yaml).toContain('total_investment: 2.77');
    const p = r.register?.projects[0];
    expect([p?.nature, p?.stage, p?.totalInvestment, p?.completedYear]).toEqual([
      '续建',
      '投产',
      27700,
      12500,
    ]);
  });

  it('splits numbered problems in a 存在问题 cell and takes their unit and time limit', async () => {
    const r = await run(
      [
        {
          name: 'S',
          rows: [
            [...HEADER, '存在问题', '问题责任单位', '解决时限'],
            [
              1,
              '甲项目',
              '新建',
              '在建',
              100,
              50,
              20,
              '张三',
              '区发改局',
              '1.用地未摘牌；2.环评未批复',
              '区自然资源局',
              '2021-11-30',
            ],
            [2, '乙项目', '续建', '在建', 100, 50, 20, '张三', '区发改局', '无', null, null],
          ],
        },
      ],
      META,
    );
    expect(errors(r)).toEqual([]);
    expect(r.register?.projects[0]?.problems).toEqual([
      { id: '1-1', text: '用地未摘牌', unit: '区自然资源局', due: '2021-11-30' },
      { id: '1-2', text: '环评未批复', unit: '区自然资源局', due: '2021-11-30' },
    ]);
    expect(r.register?.projects[1]?.problems).toEqual([]);
  });

  it('infers the stage when there is no 建设阶段 column, and says so', async () => {
    const r = await run(
      [
        {
          name: 'S',
          rows: [
            [
              '项目名称',
              '建设性质',
              '总投资（万元）',
              '年度计划投资',
              '年度累计完成投资',
              '责任单位',
              '实际开工时间',
            ],
            ['甲', '新建', 10, 5, 1, '区发改局', '2021-04-01'],
            ['乙', '新建', 10, 5, 0, '区发改局', null],
            ['丙', '续建', 10, 5, 3, '区发改局', null],
          ],
        },
      ],
      META,
    );
    expect(errors(r)).toEqual([]);
    expect(r.register?.projects.map((p) => [p.id, p.stage])).toEqual([
      ['XM-001', '在建'],
      ['XM-002', '前期'],
      ['XM-003', '在建'],
    ]);
    expect(
      warnings(r)
        .map((w) => w.message)
        .join('\n'),
    ).toMatch(/没有“建设阶段”列：已按实际开工、竣工时间，形象进度的说法/);
    expect(
      warnings(r)
        .map((w) => w.message)
        .join('\n'),
    ).toMatch(/已按行序编号 XM-001/);
  });

  it('asks for the flags it needs when the sheet does not say the region or data date', async () => {
    const r = await run([
      { name: 'S', rows: [HEADER, [1, '甲', '新建', '在建', 10, 5, 1, '张三', '区发改局']] },
    ]);
    expect(r.yaml).toBeUndefined();
    const messages = errors(r).map((e) => e.message);
    expect(messages).toContain(
      '工作表“S”：无法从表格中确定台账标题；请用 --title "平鲁区2021年重点工程项目台账" 指定。',
    );
    expect(messages).toContain('工作表“S”：无法从表格中确定数据截至日期；请用 --as-of 2021-10-31 指定。');
    expect(messages.join('\n')).toContain('--region');
    expect(messages.join('\n')).toContain('--year');
  });

  it('picks the register sheet among several and says which', async () => {
    const r = await run(
      [
        { name: '说明', rows: [['本表由区项目推进中心汇总']] },
        { name: '台账', rows: [HEADER, [1, '甲', '新建', '在建', 10, 5, 1, '张三', '区发改局']] },
      ],
      META,
    );
    expect(r.sheet).toBe('台账');
    expect(r.sheets).toEqual(['说明', '台账']);
    expect(errors(r)).toEqual([]);
  });
});

describe('import: hostile spreadsheets', () => {
  it('no header row: says what a header needs', async () => {
    const r = await run(
      [
        {
          name: '数据',
          rows: [
            ['甲', 1, 2],
            ['乙', 3, 4],
          ],
        },
      ],
      META,
    );
    expect(r.yaml).toBeUndefined();
    expect(errors(r)).toHaveLength(1);
    expect(errors(r)[0]?.message).toBe(
      '工作表“数据”：前2行中找不到表头行：表头至少要有“项目名称”列和另外两个可识别的列（如 建设性质、责任单位、总投资、年度计划投资、年度累计完成投资）。',
    );
  });

  it('two 项目名称 columns: names both columns', async () => {
    const r = await run(
      [
        {
          name: 'S',
          rows: [
            [...HEADER, '项目名称'],
            [1, '甲', '新建', '在建', 10, 5, 1, '张三', '区发改局', '甲'],
          ],
        },
      ],
      META,
    );
    expect(r.yaml).toBeUndefined();
    const e = errors(r)[0];
    expect(e?.message).toBe(
      '工作表“S”J1单元格：B列“项目名称”和J列“项目名称”都对应“项目名称”，无法确定用哪一列；请删去或改名其中一列。',
    );
    expect([e?.row, e?.col, e?.line, e?.column]).toEqual([1, 'J', 1, 10]);
    expect(e?.detail).toBe(
      'B列“项目名称”和J列“项目名称”都对应“项目名称”，无法确定用哪一列；请删去或改名其中一列。',
    );
  });

  it('"约3亿" in an amount column: names the cell and asks for a number', async () => {
    const r = await run(
      [
        {
          name: 'S',
          rows: [
            HEADER,
            [1, '甲', '新建', '在建', '约3亿', 5, 1, '张三', '区发改局'],
            [2, '乙', '新建', '在建', 10, 5, 1, '张三', '区发改局'],
          ],
        },
      ],
      META,
    );
    expect(r.yaml).toBeUndefined();
    expect(r.register).toBeUndefined();
    expect(errors(r)[0]?.header).toBe('总投资（万元）');
    expect(errors(r).map((e) => [e.sheet, e.row, e.col, e.message])).toEqual([
      [
        'S',
        2,
        'E',
        '工作表“S”E2单元格（总投资（万元））：“约3亿”是估计的说法，不是确定的金额；请填写数字（单位万元），例如 30000',
      ],
    ]);
  });

  it('an impossible date and an ambiguous 2021.1: one error each', async () => {
    const r = await run(
      [
        {
          name: 'S',
          rows: [
            [...HEADER, '计划开工时间', '计划竣工时间'],
            [1, '甲', '新建', '在建', 10, 5, 1, '张三', '区发改局', '2021-02-30', 2021.1],
          ],
        },
      ],
      META,
    );
    expect(errors(r).map((e) => `${e.col}${e.row} ${e.message}`)).toEqual([
      'J2 工作表“S”J2单元格（计划开工时间）：日期“2021-02-30”不存在',
      'K2 工作表“S”K2单元格（计划竣工时间）：数字 2021.1 无法确定是2021年1月还是10月（Excel 会把 2021.10 存成 2021.1）；请写成文字“2021年10月”或日期格式',
    ]);
  });

  it('an empty sheet chosen with --sheet', async () => {
    const r = await run(
      [
        { name: '台账', rows: [HEADER] },
        { name: '空表', rows: [] },
      ],
      { ...META, sheet: '空表' },
    );
    expect(errors(r).map((e) => e.message)).toEqual(['工作表“空表”：工作表是空的，没有可导入的内容。']);
  });

  it('a workbook whose sheets are all empty', async () => {
    const r = await run([{ name: 'Sheet1', rows: [] }], META);
    expect(errors(r).map((e) => e.message)).toEqual(['工作簿中的工作表都是空的（“Sheet1”）。']);
  });

  it('a --sheet that does not exist: lists the sheets there are', async () => {
    const r = await run(
      [
        { name: '台账', rows: [HEADER] },
        { name: '汇总', rows: [['x']] },
      ],
      { sheet: '2021年' },
    );
    expect(errors(r).map((e) => e.message)).toEqual([
      '没有名为“2021年”的工作表；本文件的工作表有：“台账”、“汇总”。',
    ]);
  });

  it('a missing required column and a row without a name', async () => {
    const r = await run(
      [
        {
          name: 'S',
          rows: [
            ['项目名称', '建设性质', '建设阶段', '总投资（万元）', '年度累计完成投资', '责任单位'],
            ['甲', '新建', '在建', 10, 1, '区发改局'],
            [null, '新建', '在建', 10, 1, '区发改局'],
          ],
        },
      ],
      META,
    );
    expect(errors(r).map((e) => e.message)).toEqual([
      '工作表“S”第1行：找不到“年度计划投资”列（表头第1行）；请在表头中加上这一列，或把相应的列名改为“年度计划投资”。',
      '工作表“S”A3单元格（项目名称）：有数据但没有项目名称。',
    ]);
  });

  it('unknown 建设性质 and 建设阶段 values: what is allowed', async () => {
    const r = await run(
      [{ name: 'S', rows: [HEADER, [1, '甲', '改建', '施工准备', 10, 5, 1, '张三', '区发改局']] }],
      META,
    );
    expect(errors(r).map((e) => `${e.col}: ${e.message}`)).toEqual([
      'C: 工作表“S”C2单元格（建设性质）：建设性质“改建”无法识别；应为 新建、续建 或 前期',
      'D: 工作表“S”D2单元格（建设阶段）：建设阶段“施工准备”无法识别；应为 前期、在建、竣工、投产 或 停工',
    ]);
  });

  it('duplicate project numbers: both rows', async () => {
    const header = ['项目编号', ...HEADER.slice(1)];
    const r = await run(
      [
        {
          name: 'S',
          rows: [
            header,
            ['P1', '甲', '新建', '在建', 10, 5, 1, '张', '区发改局'],
            ['P1', '乙', '新建', '在建', 10, 5, 1, '张', '区发改局'],
          ],
        },
      ],
      META,
    );
    expect(errors(r).map((e) => e.message)).toEqual([
      '工作表“S”A3单元格（项目编号）：项目编号“P1”与第2行重复；每个项目的编号须唯一。',
    ]);
  });

  it('not an .xlsx file, an .xls file, a missing file', async () => {
    const fake = join(dir, 'fake.xlsx');
    writeFileSync(fake, '项目名称,总投资\n甲,10\n');
    const a = await importRegisterFromXlsx(fake);
    // issue 9: what the file is, in Chinese, not the zip library's English
    expect(errors(a)[0]?.message).toBe(
      '“fake.xlsx”是文本文件（可能是 CSV 或网页导出的表格），不是 .xlsx 工作簿；请用 Excel 或 WPS 打开后“另存为” Excel 工作簿（.xlsx）再导入。',
    );
    const b = await importRegisterFromXlsx(join(dir, '台账.xls'));
    expect(errors(b)[0]?.message).toBe(
      '只能导入 .xlsx 文件；“台账.xls”是.xls格式，请用 Excel 或 WPS 打开后“另存为” .xlsx 再导入。',
    );
    const c = await importRegisterFromXlsx(join(dir, 'nothing.xlsx'));
    expect(errors(c)[0]?.message).toBe(`找不到文件“${join(dir, 'nothing.xlsx')}”。`);
  });
});

describe('round trip: register → xlsx → import → register', () => {
  const strip = (r: Register) => ({
    meta: r.meta,
    projects: r.projects.map(({ source: _source, ...rest }) => rest),
  });

  async function roundTrip(register: Register): Promise<ImportResult> {
    const file = join(dir, `rt-${++counter}.xlsx`);
    writeFileSync(file, await registerToXlsx(register));
    return importRegisterFromXlsx(file);
  }

  it('gives the same register for a small register in 亿元 with milestones and problems', async () => {
    const register: Register = {
      meta: {
        title: '测试区2021年重点项目台账',
        region: '测试区',
        year: 2021,
        asOf: '2021-10-31',
        moneyUnit: '亿元',
        issuer: '测试区项目推进中心',
        rules: { ...DEFAULT_RULES, timeProgress: 'half_month', redGap: 25 },
      },
      projects: [
        {
          id: 'T-001',
          name: '光伏组件项目',
          nature: '新建',
          stage: '在建',
          unit: '区发改局',
          leader: '马占文',
          owner: '某某新能源有限公司',
          area: '北坪园区',
          industry: '新能源',
          content: '建设组件生产线',
          totalInvestment: 27700,
          annualPlan: 12345.67,
          completedYear: 8000,
          completedMonth: 1200,
          completedTotal: 9000,
          plannedStart: '2021-03-01',
          actualStart: '2021-03-15',
          plannedFinish: '2022-06-30',
          progress: '主体完工',
          contact: '刘建海',
          milestones: [
            { name: '主体完工', planned: '2021-08-31', done: '2021-08-20' },
            { name: '设备进场', planned: '2021-11-15' },
          ],
          problems: [
            {
              id: 'T-001-1',
              text: '用地指标未落实',
              unit: '区自然资源局',
              raised: '2021-09-01',
              due: '2021-10-15',
              resolved: '2021-10-10',
              resolution: '已调剂',
            },
            { id: 'T-001-2', text: '电力接入', due: '2021-12-31' },
          ],
        },
        {
          id: 'T-002',
          name: '污水处理厂',
          nature: '前期',
          stage: '前期',
          unit: '区住建局',
          totalInvestment: 5000,
          annualPlan: 0,
          completedYear: 0,
          milestones: [],
          problems: [],
        },
      ],
      files: [],
    };
    const r = await roundTrip(register);
    expect(errors(r)).toEqual([]);
    expect(r.register).toBeDefined();
    expect(strip(r.register!)).toEqual(strip(register));
  });

  it('gives the same register for the sample register (seeds/pinglu-2021.yaml)', async () => {
    const { register } = loadRegister(join(import.meta.dirname, '../../seeds/pinglu-2021.yaml'));
    const r = await roundTrip(register);
    expect(errors(r)).toEqual([]);
    expect(r.projectCount).toBe(171);
    expect(strip(r.register!)).toEqual(strip(register));
  });
});
