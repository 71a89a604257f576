// `diaodu import` as a command: the report of columns and problems, YAML to stdout or --out, and no
// register at all (not a partial one) when the spreadsheet has errors.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommandContext } from '../../src/commands/context.js';
import { dispatch } from '../../src/commands/dispatch.js';
import { runImport } from '../../src/commands/import.js';
import { registerToXlsx } from '../support/register-to-xlsx.js';
import { PROJECT_COLUMNS, writeWorkbook } from '../support/workbooks.js';
import { loadRegister } from '../../src/store/register-file.js';

const fixtures = path.join(import.meta.dirname, 'fixtures');
let tmp: string;
let ctx: CommandContext;
let good: string;

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'diaodu-import-cmd-'));
  ctx = { cwd: tmp, today: () => '2021-09-13' };
  good = path.join(tmp, '台账.xlsx');
  fs.writeFileSync(good, await registerToXlsx(loadRegister(path.join(fixtures, 'register.yaml')).register));
});

afterAll(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

function badWorkbook(): Promise<string> {
  const rows = [
    [
      '项目编号',
      '项目名称',
      '建设性质',
      '建设阶段',
      '责任单位',
      '总投资',
      '年度计划投资',
      '年度累计完成投资',
      '备注',
    ],
    ['B1', '好项目', '新建', '在建', '甲局', 100, 50, 10, ''],
    ['B2', '坏项目', '改建', '在建', '乙局', 100, 50, 10, ''],
  ];
  return writeWorkbook(path.join(tmp, '有错误.xlsx'), { name: '台账', rows });
}

describe('import', () => {
  it('prints the register YAML with a report of the columns', async () => {
    const r = await runImport({ file: '台账.xlsx' }, ctx);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/已识别的列（\d+）：\n {2}A {2}项目编号 → id\n/);
    expect(r.stderr).toContain('已转换5个项目。');
    expect(r.stdout).toContain('name: 光伏组件项目');
  });

  it('writes --out that loads as the same register, and keeps an existing file without --force', async () => {
    const r = await runImport({ file: '台账.xlsx', out: 'register.yaml' }, ctx);
    expect(r.exitCode, r.stderr).toBe(0);
    const loaded = loadRegister(path.join(tmp, 'register.yaml')).register;
    expect(loaded.projects.map((p) => [p.id, p.annualPlan, p.completedYear])).toEqual([
      ['A1', 1000, 740],
      ['A2', 1000, 300],
      ['A3', 0, 0],
      ['A4', 2000, 1600],
      ['A5', 1500, 1500],
    ]);
    const again = await runImport({ file: '台账.xlsx', out: 'register.yaml' }, ctx);
    expect(again.exitCode).toBe(2);
    expect(again.stderr).toContain('输出文件已存在，未覆盖；如需覆盖请加 --force');
  });

  it('writes nothing when a row has an error, naming sheet and cell', async () => {
    const file = await badWorkbook();
    const r = await runImport({ file, out: 'partial.yaml' }, ctx);
    expect(r.exitCode).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/有错误\.xlsx 台账!C3: 错误：/);
    expect(r.stderr).toContain('台账未写入（有错误时不生成部分台账）');
    expect(fs.existsSync(path.join(tmp, 'partial.yaml'))).toBe(false);
    const toStdout = await runImport({ file }, ctx);
    expect(toStdout.exitCode).toBe(2);
    expect(toStdout.stdout).toBe('');
  });

  it('exits 2 for a missing file', async () => {
    const r = await runImport({ file: 'nope.xlsx' }, ctx);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('找不到文件');
  });
});

describe('import: register header from the command line', () => {
  function bareSheet(): Promise<string> {
    const rows = [
      ['项目名称', '建设性质', '建设阶段', '责任单位', '总投资（万元）', '年度计划投资', '年度累计完成投资'],
      ['光伏项目', '新建', '在建', '区发改局', 1000, 500, 300],
    ];
    return writeWorkbook(path.join(tmp, '无标题.xlsx'), { name: '9月', rows });
  }

  it('takes title, region, year and data date from flags when the sheet has none', async () => {
    const file = await bareSheet();
    const r = await runImport(
      {
        file,
        title: '平鲁区2021年重点项目台账',
        region: '平鲁区',
        year: '2021',
        asOf: '2021-09-30',
        issuer: '平鲁区项目推进中心',
      },
      ctx,
    );
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stdout).toContain('region: 平鲁区');
    expect(r.stdout).toContain('as_of: 2021-09-30');
    expect(r.stdout).toContain('issuer: 平鲁区项目推进中心');
  });

  it('refuses a data date that does not exist, in Chinese', async () => {
    const r = await runImport({ file: '台账.xlsx', asOf: '2021-02-30' }, ctx);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('--as-of 应为存在的日期');
  });

  it('refuses a money unit other than 万元 or 亿元', async () => {
    const r = await runImport({ file: '台账.xlsx', moneyUnit: '元' }, ctx);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('--money-unit 只能是 万元 或 亿元');
  });
});

describe('import: the sample spreadsheet the README imports', () => {
  it('gives the 平鲁 sample register back, every project, milestone and problem', async () => {
    const root = path.resolve(import.meta.dirname, '..', '..');
    const r = await runImport(
      { file: 'test/commands/fixtures/平鲁区重点项目台账.xlsx', out: path.join(tmp, 'pinglu.yaml') },
      { cwd: root, today: () => '2021-09-30' },
    );
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stderr).toContain('已转换171个项目。');
    const imported = loadRegister(path.join(tmp, 'pinglu.yaml')).register;
    const seed = loadRegister(path.join(root, 'seeds', 'pinglu-2021.yaml')).register;
    // Everything but where each project was read from (file and line).
    const content = (r: typeof seed) => r.projects.map(({ source: _source, ...p }) => p);
    // the seed's Word 版头/版记 keys (doc_number, cc, printed_by) are not in the spreadsheet
    const { office: _office, ...seedMeta } = seed.meta;
    expect(imported.meta).toEqual(seedMeta);
    expect(content(imported)).toEqual(content(seed));
  });
});

describe('import --unit-from-sheet (one sheet per 责任单位)', () => {
  it('reads every sheet, the unit being the sheet name, and says which sheets it read', async () => {
    const sheets: [string, string[], (string | number)[][]][] = [
      [
        '区发改局',
        ['项目名称', '建设性质', '建设阶段', '总投资（万元）', '年度计划投资', '年度累计完成投资'],
        [['甲', '新建', '在建', 1000, 500, 300]],
      ],
      ['区住建局', [...PROJECT_COLUMNS, '形象进度'], [['乙', '续建', '在建', 800, 400, 200, '主体施工']]],
    ];
    await writeWorkbook(
      path.join(tmp, '分单位.xlsx'),
      ...sheets.map(([name, header, rows]) => ({ name, rows: [header, ...rows] })),
    );
    const argv = ['import', '分单位.xlsx', '--region', '测试区', '--year', '2021', '--as-of', '2021-09-30'];
    const env = { ...ctx, packageDir: tmp, version: '0' };
    const without = await dispatch([...argv, '--title', '测试区台账'], env);
    expect(without.kind === 'result' && without.exitCode).toBe(2);
    const r = await dispatch([...argv, '--title', '测试区台账', '--unit-from-sheet'], env);
    if (r.kind !== 'result') throw new Error('not a result');
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/^工作表：区发改局、区住建局（表头在第1行）/);
    expect(r.stdout).toMatch(/name: 甲\n(.*\n)*? {4}unit: 区发改局\n/);
    expect(r.stdout).toMatch(/name: 乙\n(.*\n)*? {4}unit: 区住建局\n/);
  });
});
