import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_RULES } from '../../src/domain/types.js';
import { loadRegister, parseRegisterText } from '../../src/store/register-file.js';
import { expectAt, fixture, fixtureAbs, inputErrors, registerText } from './helpers.js';

const tmp = mkdtempSync(join(tmpdir(), 'diaodu-register-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('loadRegister: a valid file', () => {
  const { register, warnings } = loadRegister(fixture('registers', 'basic.yaml'));

  it('reads the header and rules', () => {
    expect(register.meta).toEqual({
      title: '平鲁区2021年重点工程项目台账',
      region: '平鲁区',
      year: 2021,
      asOf: '2021-10-31',
      moneyUnit: '万元',
      issuer: '平鲁区项目推进中心',
      rules: { timeProgress: 'month', yellowGap: 10, redGap: 30, startRedDays: 60, milestoneRedDays: 30 },
    });
    expect(register.files).toEqual([fixtureAbs('registers', 'basic.yaml')]);
    expect(warnings).toEqual([]);
  });

  it('reads every field of a project', () => {
    const p = register.projects[0]!;
    expect(p).toMatchObject({
      id: 'PL-001',
      name: '海泰新能光伏高效组件项目',
      nature: '新建',
      stage: '投产',
      unit: '区发改局',
      leader: '马占文',
      owner: '海泰新能朔州有限公司',
      area: '北坪循环经济园区',
      industry: '新能源',
      content: '光伏高效组件生产线',
      totalInvestment: 50000,
      annualPlan: 30000,
      completedYear: 28000,
      completedMonth: 3000,
      completedTotal: 28000,
      plannedStart: '2021-03-01',
      actualStart: '2021-03-15',
      plannedFinish: '2021-11-30',
      actualFinish: '2021-11-12',
      progress: '11月12日投入试运行',
      contact: '刘建海',
      milestones: [{ name: '设备调试', planned: '2021-11-05', done: '2021-11-05' }],
      problems: [
        {
          id: 'PL-001-1',
          text: '铁路专用线接轨手续尚未批复',
          unit: '区交通局',
          raised: '2021-09-01',
          due: '2021-10-31',
          resolved: '2021-10-20',
          resolution: '已批复',
        },
      ],
    });
    expect(p.source).toEqual({ file: fixture('registers', 'basic.yaml'), line: 15, column: 5 });
  });

  it('numbers problems <project id>-<n> when they have no id, and keeps a quoted id as text', () => {
    expect(register.projects[1]!.problems.map((q) => q.id)).toEqual(['PL-002-1', 'PL-002-2']);
    expect(register.projects[1]!.totalInvestment).toBe(12000.5);
    expect(register.projects[2]!.id).toBe('003');
    expect(register.projects[2]!.milestones).toEqual([]);
  });

  it('applies the default rules when the register has none', () => {
    const { register: r } = parseRegisterText(registerText(), 'a.yaml');
    expect(r.meta.rules).toEqual(DEFAULT_RULES);
    expect(r.meta.moneyUnit).toBe('万元');
  });

  it('reads the bulletin’s 主送机关 (recipients) when given, and has none otherwise', () => {
    const text = registerText(['  recipients: 各镇人民政府，区直各有关单位']);
    expect(parseRegisterText(text, 'a.yaml').register.meta.recipients).toBe('各镇人民政府，区直各有关单位');
    expect(parseRegisterText(registerText(), 'a.yaml').register.meta.recipients).toBeUndefined();
  });

  it('reads an unquoted number-like id as written (id: 001 → "001")', () => {
    const text = registerText().replace('id: PL-001', 'id: 001');
    expect(parseRegisterText(text, 'a.yaml').register.projects[0]!.id).toBe('001');
  });
});

describe('loadRegister: errors are all collected, sorted, with file:line:column', () => {
  const file = fixture('registers', 'errors.yaml');
  const ds = inputErrors(() => loadRegister(file));

  it('names the file as the caller gave it', () => {
    expect(ds.every((d) => d.file === file && d.severity === 'error')).toBe(true);
  });

  it('reports every error at its exact position', () => {
    expectAt(ds, 5, 10, '“as_of”', '2021-02-30', '2021年2月只有28天');
    expectAt(ds, 6, 15, '“money_unit”', '美元', '应为 万元、亿元 之一');
    expectAt(ds, 7, 3, '未知的键“isuer”', '是否指“issuer”', '允许的键：title、region');
    expectAt(
      ds,
      12,
      12,
      '“stage” 的值“在建中”不是允许的建设阶段',
      '是否指“在建”',
      '应为 前期、在建、竣工、投产、停工 之一',
    );
    expectAt(ds, 14, 23, '“total_investment”', '不能为负数');
    expectAt(ds, 15, 18, '“annual_plan”', '1,20', '千分位逗号的位置不对');
    expectAt(ds, 16, 21, '“completed_year”', '约1000', '不是金额');
    expectAt(ds, 17, 5, '未知的键“totl_investment”', '是否指“total_investment”');
    expectAt(ds, 18, 20, '“planned_start”', '月份 13 不存在');
    expectAt(ds, 19, 9, '项目编号“PL-001”重复', '第 9 行已有');
    expectAt(ds, 20, 11, '“name” 的值应为文字，实际是列表');
    expectAt(ds, 27, 5, '键“unit”重复（第 26 行已有）');
    expectAt(ds, 28, 5, '应为映射', '全角冒号');
    expect(ds).toHaveLength(13);
  });

  it('sorts them by position', () => {
    const keys = ds.map((d) => d.line * 1000 + d.column);
    expect(keys).toEqual([...keys].sort((a, b) => a - b));
  });

  it('puts file:line:column first in the message text', () => {
    expect(() => loadRegister(file)).toThrow(
      `${file}:12:12: 错误：“stage” 的值“在建中”不是允许的建设阶段；是否指“在建”？应为 前期、在建、竣工、投产、停工 之一。`,
    );
  });
});

describe('loadRegister: traditional characters, BOM and CRLF', () => {
  it('loads a register written in traditional characters (續建, 投產, 萬元, 億元)', () => {
    const { register, warnings } = loadRegister(fixture('registers', 'traditional.yaml'));
    expect(register.meta.moneyUnit).toBe('万元');
    expect(register.meta.title).toBe('平魯區2021年重點工程項目台賬'); // text is kept as written
    expect(register.projects.map((p) => [p.nature, p.stage])).toEqual([
      ['续建', '投产'],
      ['新建', '在建'],
    ]);
    expect(register.projects[1]!.totalInvestment).toBe(12000);
    expect(warnings).toHaveLength(1);
    expectAt(warnings, 22, 23, '1.2億元', '按 12000万元 读取');
  });

  it('accepts a UTF-8 BOM and CRLF line ends, with the same positions', () => {
    const text = readFileSync(fixtureAbs('registers', 'basic.yaml'), 'utf8');
    const file = join(tmp, 'bom-crlf.yaml');
    writeFileSync(
      file,
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text.replace(/\n/g, '\r\n'))]),
    );
    const a = loadRegister(file).register;
    const b = loadRegister(fixtureAbs('registers', 'basic.yaml')).register;
    expect(a.projects.map((p) => ({ ...p, source: undefined }))).toEqual(
      b.projects.map((p) => ({ ...p, source: undefined })),
    );
    expect(a.projects[0]!.source).toMatchObject({ line: 15, column: 5 });
    expect(a.projects[0]!.name).not.toMatch(/\r/);

    const bad = '\ufeff' + registerText().replace('stage: 前期', 'stage: 在建中').replace(/\n/g, '\r\n');
    expectAt(
      inputErrors(() => parseRegisterText(bad, 'x.yaml')),
      10,
      12,
      '在建中',
    );
  });
});

describe('loadRegister: a folder of files', () => {
  it('merges unit files, converting each from its own money_unit to 万元', () => {
    const dir = fixture('registers', 'merged');
    const { register, warnings } = loadRegister(dir);
    expect(register.files).toEqual([
      fixtureAbs('registers', 'merged', 'a-发改局.yaml'),
      fixtureAbs('registers', 'merged', 'b-住建局.yml'),
    ]);
    expect(register.projects.map((p) => p.id)).toEqual(['PL-001', 'PL-201']);
    const p = register.projects[1]!;
    // 2.77亿元 = 27700万元, 0.6亿元 = 6000万元, 0.21亿元 = 2100万元 (exactly, no float residue)
    expect([p.totalInvestment, p.annualPlan, p.completedYear, p.completedMonth]).toEqual([
      27700, 6000, 2100, 1200,
    ]);
    expect(register.meta.moneyUnit).toBe('万元'); // the files differ: shown in 万元
    expect(register.meta.issuer).toBe('平鲁区项目推进中心');
    expect(register.meta.rules).toEqual({ ...DEFAULT_RULES, yellowGap: 15, redGap: 40 });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ file: join(dir, 'b-住建局.yml'), line: 19, column: 22 });
    expect(warnings[0]!.message).toContain('按 0.12亿元 读取');
    expect(p.source?.file).toBe(join(dir, 'b-住建局.yml'));
  });

  it('names both files for an id used twice', () => {
    const dir = fixture('registers', 'dup-ids');
    const ds = inputErrors(() => loadRegister(dir));
    expect(ds).toHaveLength(1);
    expect(ds[0]).toMatchObject({ file: join(dir, 'b.yaml'), line: 15, column: 9 });
    expect(ds[0]!.message).toContain(`项目编号“PL-001”重复：${join(dir, 'a.yaml')}:7:9`);
  });

  it('requires the headers to agree and the rules not to conflict', () => {
    const dir = fixture('registers', 'header-conflict');
    const ds = inputErrors(() => loadRegister(dir));
    expect(ds.every((d) => d.file === join(dir, 'b.yaml'))).toBe(true);
    expectAt(ds, 5, 10, '“as_of”与', `${join(dir, 'a.yaml')}:5:10`, '2021-10-31', '2021-10-30');
    expectAt(ds, 7, 14, '规则“red_gap”', `${join(dir, 'a.yaml')}:7:14`);
    expect(ds).toHaveLength(2);
  });

  it('collects errors from every file, in file order', () => {
    const dir = join(tmp, 'two-bad');
    mkdirSync(dir);
    writeFileSync(join(dir, 'a.yaml'), registerText().replace('nature: 新建', 'nature: 新'));
    writeFileSync(
      join(dir, 'b.yaml'),
      registerText().replace('id: PL-001', 'id: PL-002').replace('year: 2021', 'year: x'),
    );
    const ds = inputErrors(() => loadRegister(dir));
    expect(ds.map((d) => [d.file, d.line, d.column])).toEqual([
      [join(dir, 'a.yaml'), 9, 13],
      [join(dir, 'b.yaml'), 4, 9],
    ]);
  });

  it('refuses an empty folder and a missing path', () => {
    const empty = join(tmp, 'empty');
    mkdirSync(empty);
    expectAt(
      inputErrors(() => loadRegister(empty)),
      1,
      1,
      '没有 .yaml',
    );
    const missing = join(tmp, 'nope.yaml');
    const ds = inputErrors(() => loadRegister(missing));
    expect(ds[0]).toMatchObject({ file: missing, line: 1, column: 1 });
    expect(ds[0]!.message).toContain('路径不存在');
  });
});

describe('parseRegisterText: amounts written as text', () => {
  it('reads unambiguous text with a warning saying how', () => {
    const { register, warnings } = loadRegister(fixture('registers', 'amounts-text.yaml'));
    const p = register.projects[0]!;
    expect(p.totalInvestment).toBe(27700);
    expect(p.annualPlan).toBe(1200);
    expect(p.completedYear).toBe(1200);
    expect(p.completedMonth).toBe(500);
    expect(p.completedTotal).toBe(300);
    expectAt(warnings, 12, 23, '“total_investment”', '2.77亿元', '按 27700万元 读取');
    expectAt(warnings, 13, 18, '“annual_plan”', '1,200', '按 1200万元 读取');
    expectAt(warnings, 14, 21, '1200万元', '按 1200万元 读取');
    expectAt(warnings, 15, 22, '５００', '按 500万元 读取');
    expectAt(warnings, 16, 22, '3,000,000元', '按 300万元 读取');
    expectAt(warnings, 16, 22, '开工以来累计完成投资（300万元）少于年度累计完成投资（1200万元）');
    expect(warnings).toHaveLength(6);
  });

  it('rejects ambiguous or foreign amounts', () => {
    const ds = inputErrors(() => loadRegister(fixture('registers', 'amounts-bad.yaml')));
    expectAt(ds, 12, 23, '12,00', '无法确定是多少');
    expectAt(ds, 13, 18, '1200美元', '无法识别的单位“美元”', '万元、亿元 或 元');
    expectAt(ds, 14, 21, '-3万元', '不能为负数');
    expect(ds).toHaveLength(3);
  });

  it('converts a bare number in an 亿元 file and explicit 万元 text in it', () => {
    const text = registerText(['  money_unit: 亿元'], []).replace(
      'total_investment: 50000',
      'total_investment: 1.23456',
    );
    const p = parseRegisterText(text, 'a.yaml').register.projects[0]!;
    expect(p.totalInvestment).toBe(12345.6);
    expect(p.annualPlan).toBe(300000000);
  });
});

describe('parseRegisterText: warnings', () => {
  it('warns on completed over plan, a started stage without actual_start, a loose date', () => {
    const { register, warnings } = loadRegister(fixture('registers', 'warnings.yaml'));
    expect(register.projects[0]!.plannedStart).toBe('2021-03-01');
    expectAt(warnings, 10, 12, '建设阶段为“在建”', '“actual_start”');
    expectAt(warnings, 14, 21, '年度累计完成投资（31000万元）超过年度计划投资（30000万元）');
    expectAt(warnings, 15, 20, '2021/3/1', '按 2021-03-01 读取');
    expect(warnings).toHaveLength(3);
  });

  it('warns on as_of outside the year and other inconsistencies', () => {
    const text = registerText(
      [],
      [
        '    completed_month: 10',
        '    completed_total: 5',
        '    planned_start: 2021-05-01',
        '    planned_finish: 2021-04-01',
        '    actual_start: 2021-11-02',
      ],
    )
      .replace('as_of: 2021-10-31', 'as_of: 2022-01-05')
      .replace('completed_year: 0', 'completed_year: 8')
      .replace('annual_plan: 30000', 'annual_plan: 60000');
    const { warnings } = parseRegisterText(text, 'w.yaml');
    expectAt(warnings, 5, 10, '不在台账年度 2021 年内');
    expectAt(warnings, 13, 18, '年度计划投资（60000万元）超过总投资（50000万元）');
    expectAt(warnings, 15, 22, '本月完成投资（10万元）超过年度累计完成投资（8万元）');
    expectAt(warnings, 16, 22, '开工以来累计完成投资（5万元）少于年度累计完成投资（8万元）');
    expectAt(warnings, 18, 21, '计划竣工日期 2021-04-01 早于计划开工日期 2021-05-01');
    expect(warnings).toHaveLength(5);
  });
});

describe('parseRegisterText: each kind of bad value', () => {
  const cases: [string, string[], string[], number, number, string[]][] = [
    // [title, header lines, project lines / replacements, line, column, fragments]
    ['year not a number', [], [], 4, 9, ['“year”', '二〇二一', '不是年份']],
    ['year not an integer', [], [], 4, 9, ['“year”', '应为整数']],
    ['as_of not a date', [], [], 5, 10, ['“as_of”', '20211031', '应写作 YYYY-MM-DD']],
    ['nature a list', [], [], 9, 13, ['“nature” 的值应为建设性质', '实际是列表']],
    ['milestones a text', [], ['    milestones: 设备调试'], 15, 17, ['“milestones” 的值应为列表']],
    ['problem a text', [], ['    problems: [铁路专用线]'], 15, 16, ['“problems”的第 1 项应为映射']],
    ['rules a text', ['  rules: month'], [], 6, 10, ['“rules”（滞后判定规则）应为映射']],
    [
      'time_progress unknown',
      ['  rules: {time_progress: week}'],
      [],
      6,
      26,
      ['“week”', 'month、half_month、day'],
    ],
    [
      'yellow_gap above red_gap',
      ['  rules: {yellow_gap: 40, red_gap: 30}'],
      [],
      6,
      23,
      ['yellow_gap 应不大于 red_gap'],
    ],
    ['start_red_days fractional', ['  rules: {start_red_days: 2.5}'], [], 6, 27, ['应为整数']],
    ['infinite amount', [], [], 12, 23, ['有限']],
    ['empty required name', [], [], 8, 5, ['“name”（项目名称）不能为空']],
    ['missing unit', [], [], 7, 5, ['项目“PL-001”缺少必填的“unit”（责任单位）']],
    [
      'milestone without planned',
      [],
      ['    milestones:', '      - name: 设备调试'],
      16,
      9,
      ['缺少必填的“planned”'],
    ],
    ['Chinese key', [], ['    项目名称: x'], 15, 5, ['未知的键“项目名称”', '是否指“name”']],
    ['key in another case', [], ['    Leader: 马占文'], 15, 5, ['未知的键“Leader”', '是否指“leader”']],
    ['unknown top-level key', [], [], 1, 1, ['未知的键“registr”', '是否指“register”']],
    ['undefined alias', [], ['    leader: *nobody'], 15, 13, ['*nobody', '不存在']],
    [
      'duplicate explicit/default problem id',
      [],
      ['    problems: [{text: a}, {id: PL-001-1, text: b}]'],
      15,
      32,
      ['问题编号“PL-001-1”重复', '第 15 行已有'],
    ],
    ['date that does not exist', [], ['    actual_start: 2021-02-29'], 15, 19, ['2021年2月只有28天']],
  ];
  const edits: Record<string, (t: string) => string> = {
    'year not a number': (t) => t.replace('year: 2021', 'year: 二〇二一'),
    'year not an integer': (t) => t.replace('year: 2021', 'year: 2021.5'),
    'as_of not a date': (t) => t.replace('as_of: 2021-10-31', 'as_of: 20211031'),
    'nature a list': (t) => t.replace('nature: 新建', 'nature: [新建]'),
    'infinite amount': (t) => t.replace('total_investment: 50000', 'total_investment: .inf'),
    'empty required name': (t) => t.replace('name: 海泰新能光伏高效组件项目', 'name:'),
    'missing unit': (t) => t.replace('    unit: 区发改局\n', ''),
    'unknown top-level key': (t) => t.replace('register:', 'registr:'),
  };
  for (const [title, header, project, line, column, fragments] of cases) {
    it(title, () => {
      const text = (edits[title] ?? ((t: string) => t))(registerText(header, project));
      expectAt(
        inputErrors(() => parseRegisterText(text, 'bad.yaml')),
        line,
        column,
        ...fragments,
      );
    });
  }
});

describe('parseRegisterText: text is sanitized', () => {
  it('strips terminal escape sequences and control characters from strings', () => {
    const text = registerText().replace(
      'name: 海泰新能光伏高效组件项目',
      'name: "\\e[31m海泰\\e]0;title\\a项目\\u0007"',
    );
    expect(parseRegisterText(text, 'a.yaml').register.projects[0]!.name).toBe('海泰项目\ufffd');
  });

  it('keeps line breaks only in prose fields', () => {
    const text = registerText([], ['    progress: |', '      第一行', '      第二行']).replace(
      'name: 海泰新能光伏高效组件项目',
      'name: "海泰\\n项目"',
    );
    const p = parseRegisterText(text, 'a.yaml').register.projects[0]!;
    expect(p.name).toBe('海泰 项目');
    expect(p.progress).toBe('第一行\n第二行');
  });
});

describe('parseRegisterText: YAML problems', () => {
  it('duplicate keys: error at the second, naming the first line', () => {
    const ds = inputErrors(() => loadRegister(fixture('registers', 'duplicate-keys.yaml')));
    expect(ds).toHaveLength(1);
    expectAt(ds, 4, 3, '键“region”重复（第 3 行已有）');
  });

  it('syntax errors in Chinese at the yaml library position', () => {
    expectAt(
      inputErrors(() => loadRegister(fixture('registers', 'syntax-error.yaml'))),
      5,
      1,
      'YAML 语法错误',
      '引号',
    );
    expectAt(
      inputErrors(() => loadRegister(fixture('registers', 'tab-indent.yaml'))),
      2,
      1,
      '制表符（Tab）',
    );
    expectAt(
      inputErrors(() => parseRegisterText('a: @x\n', 'x.yaml')),
      1,
      4,
      '请给整个值加上引号',
    );
    expectAt(
      inputErrors(() => parseRegisterText('a: 1\n---\nb: 2\n', 'x.yaml')),
      2,
      1,
      '多个 YAML 文档',
    );
  });

  it('an empty file or a file that is not a mapping', () => {
    expectAt(
      inputErrors(() => parseRegisterText('', 'x.yaml')),
      1,
      1,
      '文件是空的',
    );
    expectAt(
      inputErrors(() => parseRegisterText('# 注释\n', 'x.yaml')),
      1,
      1,
      '文件是空的',
    );
    expectAt(
      inputErrors(() => parseRegisterText('- a\n- b\n', 'x.yaml')),
      1,
      1,
      '应为映射',
      '实际是列表',
    );
    expectAt(
      inputErrors(() => parseRegisterText('register:\n  title: x\n', 'x.yaml')),
      1,
      1,
      '缺少必填的“projects”',
    );
  });
});
