// Mistakes found by using every command as a new user would, on the sample registers in seeds/ (see
// the QA notes in the commit messages): each test below failed before its fix.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runBulletin } from '../../src/commands/bulletin.js';
import { runCheck } from '../../src/commands/check.js';
import type { CommandContext } from '../../src/commands/context.js';
import { dispatch, type DispatchEnv } from '../../src/commands/dispatch.js';
import { COMMAND_HELP, PROGRAM_HELP } from '../../src/commands/help.js';
import { importProblemLine, runImport } from '../../src/commands/import.js';
import { runLagging } from '../../src/commands/lagging.js';
import { runMinutes } from '../../src/commands/minutes.js';
import { displayWidth } from '../../src/text/width.js';
import { registerToXlsx } from '../support/register-to-xlsx.js';
import { loadRegister } from '../../src/store/register-file.js';

const root = path.resolve(import.meta.dirname, '..', '..');
const fixtures = path.join(import.meta.dirname, 'fixtures');
const ctx: CommandContext = { cwd: fixtures, today: () => '2021-09-13' };
const atRoot: CommandContext = { cwd: root, today: () => '2021-09-30' };

let tmp: string;
beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'diaodu-qa-'));
});
afterEach(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('the command line', () => {
  const env: DispatchEnv = { ...ctx, packageDir: '/pkg', version: '0' };

  it('calls a mistyped command a mistyped command, even with arguments after it', async () => {
    const r = await dispatch(['chek', 'register.yaml'], env);
    expect(r.kind === 'result' && r.exitCode).toBe(2);
    expect(r.kind === 'result' && r.stderr).toContain('没有命令“chek”。是否要用 check？');
  });

  it('lines up the descriptions of the usage lines in the program help', () => {
    const block = PROGRAM_HELP.split('\n\n')[1]!.split('\n').slice(1);
    const columns = block.map((line) => {
      const m = /^(.*?\S)\s{2,}(\S.*)$/.exec(line)!;
      return displayWidth(line.slice(0, line.length - m[2]!.length));
    });
    expect(new Set(columns).size).toBe(1);
  });

  it('suggests --date in the help of items, and shows examples on the bundled sample', () => {
    expect(COMMAND_HELP.items).toContain('不给 --date 时按今天判断');
    expect(COMMAND_HELP.items).toContain('diaodu items --meetings meetings --date 2021-09-30');
    expect(PROGRAM_HELP).toContain('diaodu check seeds/pinglu-2021.yaml --meetings meetings');
    // The examples name files that exist.
    expect(COMMAND_HELP.minutes).toContain('meetings/2021-09-27-周调度.yaml');
    expect(fs.existsSync(path.join(root, 'meetings', '2021-09-27-周调度.yaml'))).toBe(true);
  });
});

describe('messages name files as the user typed them', () => {
  it('gives a relative path for a register error under the working folder', async () => {
    fs.mkdirSync(path.join(tmp, 'data'));
    const text = fs
      .readFileSync(path.join(fixtures, 'register.yaml'), 'utf8')
      .replace('nature: 续建', 'nature: 继建');
    fs.writeFileSync(path.join(tmp, 'data', 'reg.yaml'), text);
    const r = await runCheck({ register: 'data/reg.yaml' }, { ...ctx, cwd: tmp });
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/^data\/reg\.yaml:\d+:\d+: 错误：“nature” 的值“继建”/);
  });

  it('gives the relative path of a warning', async () => {
    const r = await runCheck({ register: 'seeds/qinchuan-2023.yaml' }, atRoot);
    expect(r.stderr).toBe(
      'seeds/qinchuan-2023.yaml:103:21: 警告：年度累计完成投资（3.9亿元）超过年度计划投资（3.6亿元），请核对。\n',
    );
  });

  it('names an existing output file once, and says how to go on', async () => {
    fs.copyFileSync(path.join(fixtures, 'register.yaml'), path.join(tmp, 'register.yaml'));
    const out = path.join(tmp, '通报.md');
    fs.writeFileSync(out, 'keep');
    const r = await runBulletin({ register: 'register.yaml', out: '通报.md' }, { ...ctx, cwd: tmp });
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toBe('通报.md: 错误：输出文件已存在，未覆盖；如需覆盖请加 --force，或换一个文件名\n');
    expect(fs.readFileSync(out, 'utf8')).toBe('keep');
  });
});

describe('a file of the wrong kind', () => {
  it('says a meeting record is not a register', async () => {
    const r = await runCheck({ register: 'meetings/2021-08-27-周调度.yaml' }, ctx);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toBe(
      'meetings/2021-08-27-周调度.yaml: 错误：这是会议记录文件，不是台账。check、lagging、bulletin 要给出台账文件（如 seeds/pinglu-2021.yaml），会议记录所在的文件夹用 --meetings 给出；生成某次会议的纪要请用 diaodu minutes <会议记录>。\n',
    );
  });

  it('says a meetings folder is not a register', async () => {
    const r = await runBulletin({ register: 'meetings' }, ctx);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toBe(
      'meetings: 错误：这是会议记录文件夹，不是台账。请给出台账文件，并用 --meetings meetings 给出会议记录。\n',
    );
  });

  it('says a register is not a meeting record', async () => {
    const r = await runMinutes({ meeting: 'register.yaml' }, ctx);
    expect(r.exitCode).toBe(2);
    expect(r.stderr.split('\n')).toHaveLength(2);
    expect(r.stderr).toMatch(
      /^register\.yaml: 错误：这是台账文件，不是会议记录。minutes 要给出一次会议的记录文件/,
    );
  });

  it('keeps the loader’s own messages for a broken file of the right kind', async () => {
    fs.writeFileSync(path.join(tmp, 'm.yaml'), 'meeting:\n  date: 2021-02-30\n');
    const r = await runMinutes({ meeting: 'm.yaml' }, { ...ctx, cwd: tmp });
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/^m\.yaml:2:\d+: 错误：/);
    expect(r.stderr).not.toContain('这是台账文件');
  });
});

describe('a meetings folder that does not exist', () => {
  it('is bad input for check, lagging and bulletin (not a bulletin without its decisions)', async () => {
    for (const run of [
      () => runCheck({ register: 'register.yaml', meetings: 'meeting' }, ctx),
      () => runLagging({ register: 'register.yaml', meetings: 'meeting' }, ctx),
      () => runBulletin({ register: 'register.yaml', meetings: 'meeting' }, ctx),
    ]) {
      const r = await run();
      expect(r.exitCode).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain('找不到会议记录文件夹 meeting（--meetings）：路径不存在');
    }
  });
});

describe('lagging', () => {
  it('lines the reasons up under projects numbered 10 and above', async () => {
    const r = await runLagging({ register: 'seeds/pinglu-2021.yaml', meetings: 'meetings' }, atRoot);
    const lines = r.stdout.split('\n');
    const i = lines.findIndex((l) => l.startsWith('10. 【红】PL-088 '));
    expect(lines[i + 1]).toBe('    - 黄：年度投资完成率59.0%，低于序时进度（75.0%）16.0个百分点');
    const j = lines.findIndex((l) => l.startsWith('9. 【红】PL-125 '));
    expect(lines[j + 1]).toBe('   - 红：年度投资完成率38.0%，低于序时进度（75.0%）37.0个百分点');
  });
});

describe('check --json', () => {
  it('says the unit of its amounts (万元, also for a register kept in 亿元)', async () => {
    const r = await runCheck({ register: 'seeds/qinchuan-2023.yaml', json: true }, atRoot);
    const data = JSON.parse(r.stdout) as Record<string, unknown>;
    // 秦川: 年度计划 97.65亿元 = 976500万元 (seeds/README.md).
    expect(data).toMatchObject({ moneyUnit: '万元', registerMoneyUnit: '亿元', annualPlan: 976500 });
  });
});

describe('import', () => {
  it('names a whole row in words, not as a cell without a column', () => {
    const base = { severity: 'warning' as const, file: 'x.xlsx', line: 7, column: 0, message: '' };
    expect(importProblemLine({ ...base, sheet: '台账', row: 7, col: '', detail: '超过计划' }, 'x.xlsx')).toBe(
      'x.xlsx 台账 第7行: 警告：超过计划',
    );
    expect(
      importProblemLine({ ...base, sheet: '台账', row: 7, col: 'C', detail: '日期有误' }, 'x.xlsx'),
    ).toBe('x.xlsx 台账!C7: 警告：日期有误');
    expect(
      importProblemLine({ ...base, sheet: '台账', row: 0, col: 'K', detail: '单位不明' }, 'x.xlsx'),
    ).toBe('x.xlsx 台账 K列: 警告：单位不明');
  });

  it('says the 节点计划, 问题清单 and 台账信息 sheets are read, not left for --sheet', async () => {
    const file = path.join(tmp, '台账.xlsx');
    fs.writeFileSync(file, await registerToXlsx(loadRegister(path.join(fixtures, 'register.yaml')).register));
    const r = await runImport({ file: '台账.xlsx' }, { ...ctx, cwd: tmp });
    expect(r.exitCode, r.stderr).toBe(0);
    const first = r.stderr.split('\n')[0]!;
    expect(first).toMatch(/^工作表：重点项目台账（表头在第\d+行）；同时读取：/);
    expect(first).toContain('节点计划');
    expect(first).toContain('问题清单');
    expect(first).not.toContain('可用 --sheet 指定');
  });
});

describe('many errors', () => {
  it('end with their count', async () => {
    const text = fs
      .readFileSync(path.join(fixtures, 'register.yaml'), 'utf8')
      .replace('as_of: 2021-08-31', 'as_of: 2021-08-32')
      .replace('nature: 续建', 'nature: 继建');
    fs.writeFileSync(path.join(tmp, 'reg.yaml'), text);
    const r = await runCheck({ register: 'reg.yaml' }, { ...ctx, cwd: tmp });
    expect(r.exitCode).toBe(2);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe('共2处错误，请修改后重新运行。');
    // One error needs no count.
    const one = await runCheck({ register: 'nope.yaml' }, ctx);
    expect(one.stderr.trimEnd().split('\n')).toHaveLength(1);
  });
});

describe('lagging with nothing lagging', () => {
  it('says so in words, not as 滞后项目0个（红灯0个、黄灯0个）', async () => {
    const text = fs.readFileSync(path.join(fixtures, 'register.yaml'), 'utf8').split('\n  - id: A2')[0]!;
    fs.writeFileSync(path.join(tmp, 'one.yaml'), `${text}\n`);
    const r = await runLagging({ register: 'one.yaml' }, { ...ctx, cwd: tmp });
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stdout).toBe(
      '没有滞后项目，数据截至2021年8月31日，序时进度66.7%（未加载会议记录，逾期未落实的议定事项未计入）\n\n全部1个项目均为绿灯。\n',
    );
  });
});

describe('the same flags for the same things', () => {
  const env: DispatchEnv = { ...ctx, packageDir: '/pkg', version: '0' };
  const out = async (argv: string[]) => {
    const r = await dispatch(argv, env);
    if (r.kind !== 'result') throw new Error('expected a result');
    return r;
  };

  it('takes --json on minutes and bulletin as --format json', async () => {
    const b = await out(['bulletin', 'register.yaml', '--json']);
    expect(b.exitCode, b.stderr).toBe(0);
    expect((JSON.parse(b.stdout) as { kind: string }).kind).toBe('bulletin');
    const m = await out(['minutes', 'meetings/2021-08-27-周调度.yaml', '--json']);
    expect((JSON.parse(m.stdout) as { kind: string }).kind).toBe('minutes');
    const both = await out(['minutes', 'meetings/2021-08-27-周调度.yaml', '--json', '--format', 'txt']);
    expect(both.exitCode).toBe(2);
    expect(both.stderr).toContain('--json 与 --format txt 不能同时使用');
  });

  it('takes --format json and txt on check, lagging and items, and refuses the others', async () => {
    const c = await out(['check', 'register.yaml', '--format', 'json']);
    expect((JSON.parse(c.stdout) as { projects: number }).projects).toBe(5);
    const l = await out(['lagging', 'register.yaml', '--format', 'txt']);
    expect(l.stdout.startsWith('滞后项目')).toBe(true);
    const i = await out(['items', '--meetings', 'meetings', '--date', '2021-09-13', '--format', 'json']);
    expect((JSON.parse(i.stdout) as { day: string }).day).toBe('2021-09-13');
    const md = await out(['check', 'register.yaml', '--format', 'md']);
    expect(md.exitCode).toBe(2);
    expect(md.stderr).toContain('check 的 --format 只能是 txt（默认）或 json');
  });

  it('says how to save the output of a command that has no --out', async () => {
    const r = await out(['lagging', 'register.yaml', '--out', 'x.txt']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('lagging 没有 --out 选项：结果直接打印在屏幕上；要保存成文件请用重定向');
  });
});

describe('a register in traditional characters', () => {
  it('gets a hint to print in traditional characters, unless --script was given', async () => {
    const r = await runCheck({ register: 'seeds/dalate-2021.yaml' }, atRoot);
    expect(r.stderr).toBe('提示：台账用繁体字书写，可加 --script traditional 输出繁体字。\n');
    const asked = await runCheck({ register: 'seeds/dalate-2021.yaml', script: 'traditional' }, atRoot);
    expect(asked.stderr).toBe('');
    for (const seed of ['pinglu-2021', 'jingkai-toutunhe-2020', 'haimen-kaifaqu-2022']) {
      const plain = await runCheck({ register: `seeds/${seed}.yaml` }, atRoot);
      expect(plain.stderr, seed).toBe('');
    }
  });
});

describe('JSON in traditional characters', () => {
  it('converts the text but keeps the keys and the lights scripts read', async () => {
    const r = await runCheck({ register: 'register.yaml', json: true, script: 'traditional' }, ctx);
    const data = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(data.title).toBe('測試區2021年重點項目臺賬');
    expect(data.lights).toEqual({ 红: 3, 黄: 1, 绿: 1 });
    expect(Object.keys(data.byNature as object)).toEqual(['新建', '续建', '前期']);
    const b = await runBulletin({ register: 'register.yaml', format: 'json', script: 'traditional' }, ctx);
    const doc = JSON.parse(b.stdout) as { title: string; data: { projects: Array<{ light: string }> } };
    expect(doc.title).toBe('關於2021年8月份測試區重點項目建設情況的通報');
    expect(doc.data.projects.map((p) => p.light).sort()).toEqual(['红', '红', '红', '绿', '黄']);
  });
});
