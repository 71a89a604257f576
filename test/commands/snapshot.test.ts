// Register history (issue 12): `diaodu snapshot` files the register in history/ beside it, and the
// bulletin reads last month's snapshot for 环比. On the fixture register (as_of 2021-08-31) and a July
// snapshot made from it: A1 completed 740 → 640 in July (本月 100 vs 80), A5 still 在建 in July.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runBulletin } from '../../src/commands/bulletin.js';
import type { CommandContext } from '../../src/commands/context.js';
import { dispatch, type DispatchEnv } from '../../src/commands/dispatch.js';
import { runSnapshot } from '../../src/commands/snapshot.js';

const fixtures = path.join(import.meta.dirname, 'fixtures');
let tmp: string;
let ctx: CommandContext;
beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'diaodu-history-'));
  fs.copyFileSync(path.join(fixtures, 'register.yaml'), path.join(tmp, 'register.yaml'));
  ctx = { cwd: tmp, today: () => '2021-09-13' };
});
afterEach(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

/** The fixture register as it stood at the end of July. */
function julyText(): string {
  return fs
    .readFileSync(path.join(fixtures, 'register.yaml'), 'utf8')
    .replace('as_of: 2021-08-31', 'as_of: 2021-07-31')
    .replace('completed_year: 740\n    completed_month: 100', 'completed_year: 640\n    completed_month: 80')
    .replace('stage: 投产', 'stage: 在建');
}

describe('snapshot', () => {
  it('copies the register byte for byte into history/<stem>-YYYY-MM.yaml and leaves it alone', async () => {
    const before = fs.readFileSync(path.join(tmp, 'register.yaml'));
    const r = await runSnapshot({ register: 'register.yaml' }, ctx);
    expect(r.exitCode).toBe(0);
    const target = path.join(tmp, 'history', 'register-2021-08.yaml');
    expect(r.stdout).toBe(`已存为2021年8月台账快照（数据截至2021年8月31日）：${target}\n`);
    expect(fs.readFileSync(target)).toEqual(before);
    expect(fs.readFileSync(path.join(tmp, 'register.yaml'))).toEqual(before);
    expect(fs.readdirSync(path.join(tmp, 'history'))).toEqual(['register-2021-08.yaml']);
  });

  it('refuses to overwrite the month’s snapshot unless --force', async () => {
    fs.mkdirSync(path.join(tmp, 'history'));
    const target = path.join(tmp, 'history', 'register-2021-08.yaml');
    fs.writeFileSync(target, '# 旧快照\n');
    const refused = await runSnapshot({ register: 'register.yaml' }, ctx);
    expect(refused.exitCode).toBe(2);
    expect(refused.stderr).toBe(
      'history/register-2021-08.yaml: 错误：2021年8月的台账快照已存在，未覆盖；如需覆盖请加 --force\n',
    );
    expect(fs.readFileSync(target, 'utf8')).toBe('# 旧快照\n');
    const forced = await runSnapshot({ register: 'register.yaml', force: true }, ctx);
    expect(forced.exitCode).toBe(0);
    expect(fs.readFileSync(target, 'utf8')).toBe(fs.readFileSync(path.join(tmp, 'register.yaml'), 'utf8'));
    expect(fs.readdirSync(path.join(tmp, 'history'))).toEqual(['register-2021-08.yaml']);
  });

  it('does not file a register with errors', async () => {
    fs.writeFileSync(path.join(tmp, 'bad.yaml'), 'register:\n  title: x\n');
    const r = await runSnapshot({ register: 'bad.yaml' }, ctx);
    expect(r.exitCode).toBe(2);
    expect(fs.existsSync(path.join(tmp, 'history'))).toBe(false);
  });

  it('is a command of the CLI, with help', async () => {
    const env: DispatchEnv = { ...ctx, version: '0', packageDir: tmp };
    const r = await dispatch(['snapshot', 'register.yaml'], env);
    expect(r).toMatchObject({ kind: 'result', exitCode: 0 });
    const help = await dispatch(['help', 'snapshot'], env);
    expect(help).toMatchObject({ kind: 'result', exitCode: 0 });
    expect((help as { stdout: string }).stdout).toContain('history');
  });
});

describe('bulletin 环比', () => {
  it('without a snapshot says so in one sentence', async () => {
    const r = await runBulletin({ register: 'register.yaml', format: 'txt' }, ctx);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('　　本期无上月台账数据，不作环比。\n');
    expect(r.stdout).not.toContain('排名变化');
  });

  it('reads last month’s snapshot from history/ and prints the changes', async () => {
    fs.mkdirSync(path.join(tmp, 'history'));
    fs.writeFileSync(path.join(tmp, 'history', 'register-2021-07.yaml'), julyText());
    const r = await runBulletin({ register: 'register.yaml', format: 'txt' }, ctx);
    expect(r.exitCode).toBe(0);
    // 完成率 4140/5500 = 75.3% against 4040/5500 = 73.5%; 开复工 3/5 both months; 新开工 1/2 both.
    expect(r.stdout).toContain(
      '与上月（数据截至2021年7月31日）相比，投资完成率提高1.8个百分点（上月73.5%），开复工率持平（上月60.0%），' +
        '新开工率持平（上月50.0%）；本月完成投资100万元，上月完成投资80万元，比上月增加20万元。' +
        '本月无新开工项目；新竣工（投产）项目1个：',
    );
    // A2 is 30% done: 28.3 points behind 58.3% in July (yellow), 36.7 behind 66.7% in August (red);
    // A5's problem (due 2021-08-15) was not yet late on 7-31.
    expect(r.stdout).toContain('新竣工（投产）项目1个：高岭土项目。');
    expect(r.stdout).toContain(
      '与上月相比，新转为红灯的项目2个：物流园项目、高岭土项目；没有转为绿灯的项目。',
    );
    expect(r.stdout).toContain('排名变化');
  });

  it('--previous names the snapshot; one of another year is not compared', async () => {
    fs.writeFileSync(
      path.join(tmp, 'old.yaml'),
      julyText().replace('year: 2021', 'year: 2020').replace('2021-07-31', '2020-07-31'),
    );
    const r = await runBulletin({ register: 'register.yaml', format: 'txt', previous: 'old.yaml' }, ctx);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('　　上月台账数据不属于本年度，本期不作环比。\n');
    fs.writeFileSync(path.join(tmp, 'july.yaml'), julyText());
    const named = await runBulletin(
      { register: 'register.yaml', format: 'json', previous: 'july.yaml' },
      ctx,
    );
    const data = (JSON.parse(named.stdout) as { data: { monthOnMonth: { previousAsOf: string } } }).data;
    expect(data.monthOnMonth.previousAsOf).toBe('2021-07-31');
  });
});
