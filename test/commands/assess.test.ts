// 季考核 (diaodu assess) and 督办通知单 (diaodu notices) on small registers made for each rule, with
// the figures worked out by hand in the comments (docs/assessment.md gives the rules).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runAssess } from '../../src/commands/assess.js';
import type { CommandContext } from '../../src/commands/context.js';
import { dispatch, type DispatchEnv } from '../../src/commands/dispatch.js';
import { runNotices } from '../../src/commands/notices.js';

let tmp: string;
let ctx: CommandContext;
beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'diaodu-assess-'));
  ctx = { cwd: tmp, today: () => '2021-10-08' };
});
afterEach(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

const HEAD = `register:
  title: 测试区2021年重点项目台账
  region: 测试区
  year: 2021
  as_of: 2021-09-30
  issuer: 测试区项目推进中心
projects:
`;

interface P {
  id: string;
  unit: string;
  nature?: string;
  stage?: string;
  plan?: number;
  done?: number;
  extra?: string;
}

function project(p: P): string {
  const started = (p.stage ?? '在建') !== '前期' && (p.stage ?? '在建') !== '停工';
  return (
    `  - id: ${p.id}\n    name: ${p.id}项目\n    nature: ${p.nature ?? '续建'}\n    stage: ${p.stage ?? '在建'}\n` +
    `    unit: ${p.unit}\n    total_investment: 1000\n    annual_plan: ${p.plan ?? 100}\n    completed_year: ${p.done ?? 100}\n` +
    (started ? '    actual_start: 2021-03-01\n' : '') +
    (p.extra ?? '')
  );
}

function writeRegister(projects: P[], asOf = '2021-09-30'): string {
  const file = path.join(tmp, 'register.yaml');
  fs.writeFileSync(file, HEAD.replace('2021-09-30', asOf) + projects.map(project).join(''));
  return file;
}

function writeMeeting(date: string, body: string): void {
  fs.mkdirSync(path.join(tmp, 'meetings'), { recursive: true });
  fs.writeFileSync(
    path.join(tmp, 'meetings', `${date}-周调度.yaml`),
    `meeting:\n  date: ${date}\n  kind: 周调度\n  register: ../register.yaml\n  closed: true\n${body}`,
  );
}

interface UnitJson {
  unit: string;
  total: number;
  rank: number;
  scaled: number;
  deducted: number;
  capped: boolean;
  items: {
    key: string;
    applicable: boolean;
    ratePoints: number | null;
    score: number;
    part?: number;
    whole?: number;
  }[];
  deductions: { key: string; count: number; points: number }[];
  text: string;
}

async function assessJson(extra: Partial<Parameters<typeof runAssess>[0]> = {}) {
  const r = await runAssess({ register: 'register.yaml', format: 'json', ...extra }, ctx);
  expect(r.exitCode, r.stderr).toBe(0);
  const data = (JSON.parse(r.stdout) as { data: { units: UnitJson[]; fullScore: number } }).data;
  const unit = (name: string): UnitJson => {
    const u = data.units.find((x) => x.unit === name);
    if (!u) throw new Error(`no unit ${name}`);
    return u;
  };
  const item = (name: string, key: string) => unit(name).items.find((i) => i.key === key)!;
  return { data, unit, item, stderr: r.stderr };
}

describe('assess: 投资完成 against 序时进度', () => {
  it('scores 40 × 完成率 ÷ 序时进度, full marks at or above time progress', async () => {
    // 序时进度 on 9-30: 9/12 = 75.0%. 甲局 60/100 = 60.0% → 40 × 60.0 ÷ 75.0 = 32.00;
    // 乙局 80.0% ≥ 75.0% → 40.00; 丙局 74.9% → 40 × 74.9 ÷ 75.0 = 39.946… → 39.95.
    writeRegister([
      { id: 'A1', unit: '甲局', done: 60 },
      { id: 'B1', unit: '乙局', done: 80 },
      { id: 'C1', unit: '丙局', plan: 1000, done: 749 },
    ]);
    const { item, unit } = await assessJson();
    expect(item('甲局', 'investment')).toMatchObject({ ratePoints: 60, score: 32 });
    expect(item('乙局', 'investment')).toMatchObject({ ratePoints: 80, score: 40 });
    expect(item('丙局', 'investment')).toMatchObject({ ratePoints: 74.9, score: 39.95 });
    expect(unit('甲局').text).toContain('投资完成：完成率60.0%，序时进度75.0% → 得分32.00（满分40分）');
  });
});

describe('assess: 开复工率 and 新开工率', () => {
  it('scores weight × the printed rate, with the counts shown', async () => {
    // 丙局: 3 projects, 2 started → 开复工率 66.7% → 20 × 0.667 = 13.34; 新建 2, started 1 → 50.0% → 10.00.
    // Each project completes its plan (investment 40). No meetings: 按时落实 not scored, so the
    // score is scaled: (40 + 13.34 + 10) ÷ 80 × 100 = 79.175 → 79.18.
    writeRegister([
      { id: 'C1', unit: '丙局', nature: '新建', stage: '在建' },
      { id: 'C2', unit: '丙局', nature: '新建', stage: '前期', plan: 0, done: 0 },
      { id: 'C3', unit: '丙局', nature: '续建', stage: '投产' },
    ]);
    const { item, unit, stderr } = await assessJson();
    expect(item('丙局', 'startRate')).toMatchObject({ ratePoints: 66.7, score: 13.34, part: 2, whole: 3 });
    expect(item('丙局', 'newStartRate')).toMatchObject({ ratePoints: 50, score: 10, part: 1, whole: 2 });
    expect(item('丙局', 'onTime').applicable).toBe(false);
    expect(unit('丙局').scaled).toBe(79.18);
    expect(unit('丙局').text).toContain(
      '各项得分合计63.34（参评项满分80分，折算为100分制：63.34÷80×100=79.18）',
    );
    expect(stderr).toContain('没有加 --meetings');
  });
});

describe('assess: 议定事项按时落实 and deductions', () => {
  beforeEach(() => {
    writeRegister([
      { id: 'D1', unit: '丁局' },
      // 停工: a red project of 戊局, and an overdue problem
      {
        id: 'E1',
        unit: '戊局',
        stage: '停工',
        extra:
          '    problems:\n      - {text: 用地未落实, due: 2021-09-01}\n      - {text: 电力接入, due: 2021-08-01, resolved: 2021-07-30}\n',
      },
    ]);
    // 丁局 has four decisions due in Q3: done on time (done_on ≤ due), done late, overdue, and one
    // due 10-15 (not yet due); and one due in Q2, still overdue (not in the rate, but deducted).
    writeMeeting(
      '2021-06-20',
      `items:\n  - project: D1\n    decisions:\n      - {id: 2021-06-20-01, text: 上季度事项, unit: 丁局, due: 2021-06-30}\nfollowups: []\n`,
    );
    writeMeeting(
      '2021-08-02',
      `items:\n  - project: D1\n    decisions:\n` +
        `      - {id: 2021-08-02-01, text: 按时事项, unit: 丁局, due: 2021-08-20}\n` +
        `      - {id: 2021-08-02-02, text: 超期事项, unit: 丁局, due: 2021-08-20}\n` +
        `      - {id: 2021-08-02-03, text: 逾期事项, unit: 丁局, due: 2021-09-10}\n` +
        `      - {id: 2021-08-02-04, text: 未到期事项, unit: 丁局, due: 2021-10-15}\nfollowups: []\n`,
    );
    writeMeeting(
      '2021-09-06',
      `items: []\nfollowups:\n` +
        `  - {decision: 2021-08-02-01, status: 已落实, done_on: 2021-08-19}\n` +
        `  - {decision: 2021-08-02-02, status: 已落实, done_on: 2021-08-25}\n`,
    );
  });

  it('scores 按时落实 ÷ 到期 over the quarter and takes off a point per overdue decision', async () => {
    // 到期 in Q3 on 9-30: 08-02-01, -02, -03 → 3; on time 1 → 33.3% → 20 × 0.333 = 6.66.
    // Overdue on 9-30: 08-02-03 and 06-20-01 → 2 × 1 = 2 points off.
    // 丁局: 40 + 20 + (新开工率: no 新建, not scored) + 6.66 = 66.66 of 80 → 83.325 → 83.33; − 2 = 81.33.
    const { item, unit } = await assessJson({ meetings: 'meetings' });
    expect(item('丁局', 'onTime')).toMatchObject({ ratePoints: 33.3, score: 6.66, part: 1, whole: 3 });
    expect(unit('丁局').deductions).toEqual([{ key: 'overdueDecision', count: 2, perCase: 1, points: 2 }]);
    expect(unit('丁局').scaled).toBe(83.33);
    expect(unit('丁局').total).toBe(81.33);
    expect(unit('丁局').text).toContain(
      '议定事项按时落实：按时落实率33.3%（按时落实1项/到期3项） → 得分6.66（满分20分）',
    );
    expect(unit('丁局').text).toContain('扣分：逾期未落实的议定事项2项×1分，扣2分；总分81.33，第1名');
  });

  it('takes off a point per red project and per overdue problem, and ranks', async () => {
    // 戊局: 完成率 100% → 40; 开复工率 0/1 → 0; no 新建, no decisions → 40 of 60 → 66.67;
    // red (停工) 1 + overdue problem 1 (the resolved one does not count) → 2 off → 64.67.
    const { unit, data } = await assessJson({ meetings: 'meetings' });
    expect(unit('戊局').deductions).toEqual([
      { key: 'overdueProblem', count: 1, perCase: 1, points: 1 },
      { key: 'redProject', count: 1, perCase: 1, points: 1 },
    ]);
    expect(unit('戊局').total).toBe(64.67);
    expect(data.units.map((u) => [u.unit, u.rank])).toEqual([
      ['丁局', 1],
      ['戊局', 2],
    ]);
  });

  it('reads weights and deductions from a rules file, with the cap', async () => {
    fs.writeFileSync(
      path.join(tmp, 'rules.yaml'),
      'weights:\n  investment: 50\n  start_rate: 50\n  new_start_rate: 0\n  on_time: 0\n' +
        'deductions:\n  overdue_decision: 5\n  max: 6\n',
    );
    // 丁局: 50 + 50 (full 100, all applicable items scored in full) − min(2 × 5, 6) = 94.
    const { unit } = await assessJson({ meetings: 'meetings', rules: 'rules.yaml' });
    expect(unit('丁局').total).toBe(94);
    expect(unit('丁局').capped).toBe(true);
    expect(unit('丁局').text).toContain('扣分：逾期未落实的议定事项2项×5分，计10分，按上限扣6分');
    fs.writeFileSync(path.join(tmp, 'rules.yaml'), 'deductions:\n  overdue_decision: 5\n  max: 不限\n');
    // no cap: 丁局 83.33 − 2 × 5 = 73.33
    const uncapped = await assessJson({ meetings: 'meetings', rules: 'rules.yaml' });
    expect(uncapped.unit('丁局')).toMatchObject({ total: 73.33, capped: false, deducted: 10 });
  });
});

describe('assess: the rules file and the quarter', () => {
  beforeEach(() => {
    writeRegister([{ id: 'A1', unit: '甲局' }]);
  });

  it('names file, line and column of a wrong key or value in Chinese (exit 2)', async () => {
    fs.writeFileSync(
      path.join(tmp, 'rules.yaml'),
      'weights:\n  investment: 40\n  start_rat: 20\ndeductions:\n  red_project: -1\n',
    );
    const r = await runAssess({ register: 'register.yaml', rules: 'rules.yaml' }, ctx);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain(
      'rules.yaml:3:3: 错误：“weights”中有未知的键“start_rat”；是否指“start_rate”（开复工率）？',
    );
    expect(r.stderr).toContain('rules.yaml:5:16: 错误：“red_project” 的值 -1 不能为负数。');
  });

  it('refuses a quarter the register is not in, and says which it can do', async () => {
    const r = await runAssess({ register: 'register.yaml', quarter: '2021Q2' }, ctx);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain(
      '台账数据截至2021年9月30日，不在2021年第二季度（2021年4月1日至2021年6月30日）内',
    );
    const bad = await runAssess({ register: 'register.yaml', quarter: '2021-3' }, ctx);
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr).toContain('--quarter 应为年份加季度');
  });

  it('writes Word and Excel through the document model, and dispatch knows the command', async () => {
    const env: DispatchEnv = { ...ctx, packageDir: tmp, version: '0' };
    const r = await dispatch(['assess', 'register.yaml', '--quarter', '2021Q3', '--out', '考核.docx'], env);
    expect(r.kind === 'result' && r.exitCode).toBe(0);
    expect(fs.readFileSync(path.join(tmp, '考核.docx')).subarray(0, 2).toString()).toBe('PK');
    const x = await dispatch(['assess', 'register.yaml', '--out', '考核.xlsx'], env);
    expect(x.kind === 'result' && x.exitCode).toBe(0);
    const again = await dispatch(['assess', 'register.yaml', '--out', '考核.xlsx'], env);
    expect(again.kind === 'result' && again.stderr).toContain('输出文件已存在，未覆盖');
  });
});

describe('notices', () => {
  beforeEach(() => {
    writeRegister([
      {
        id: 'D1',
        unit: '丁局',
        extra: '    problems:\n      - {text: 用地未落实, unit: 己局, due: 2021-09-01, raised: 2021-08-01}\n',
      },
    ]);
    writeMeeting(
      '2021-09-06',
      `items:\n  - project: D1\n    decisions:\n` +
        `      - {id: 2021-09-06-01, text: 逾期事项, unit: 丁局, owner: 张三, due: 2021-09-20}\n` +
        `      - {id: 2021-09-06-02, text: 近期事项, unit: 丁局, due: 2021-10-05}\n` +
        `      - {id: 2021-09-06-03, text: 远期事项, unit: 丁局, due: 2021-10-30}\n` +
        `      - {id: 2021-09-06-04, text: 已办事项, unit: 庚局, due: 2021-09-10}\nfollowups:\n` +
        `  - {decision: 2021-09-06-04, status: 已落实}\n`,
    );
  });

  it('writes one notice per unit, overdue and due-soon decisions with their meeting, problems', async () => {
    const r = await runNotices({ meetings: 'meetings', date: '2021-09-30', out: '通知' }, ctx);
    expect(r.exitCode, r.stderr).toBe(0);
    // 丁局: one overdue (due 9-20: 10 days), one due within 7 days (10-05: 5 days); 10-30 is not
    // due soon. 己局: the problem. 庚局: nothing open, no notice.
    expect(fs.readdirSync(path.join(tmp, '通知')).sort()).toEqual([
      '督办通知单-丁局-2021-09-30.docx',
      '督办通知单-丁局-2021-09-30.md',
      '督办通知单-己局-2021-09-30.docx',
      '督办通知单-己局-2021-09-30.md',
    ]);
    const md = fs.readFileSync(path.join(tmp, '通知', '督办通知单-丁局-2021-09-30.md'), 'utf8');
    expect(md).toContain('# 督办通知单');
    expect(md).toContain('\n丁局：\n');
    expect(md).toContain('有逾期未落实的议定事项1项、7日内到期的议定事项1项');
    expect(md).toContain(
      '1.D1项目：逾期事项（完成时限：2021年9月20日，已逾期10天，责任人：张三，2021年9月6日调度会议定）。',
    );
    expect(md).toContain(
      '1.D1项目：近期事项（完成时限：2021年10月5日，还有5天到期，2021年9月6日调度会议定）。',
    );
    expect(md).not.toContain('远期事项');
    expect(md).toMatch(/测试区项目推进中心 {2}\n2021年9月30日\n$/);
    const other = fs.readFileSync(path.join(tmp, '通知', '督办通知单-己局-2021-09-30.md'), 'utf8');
    expect(other).toContain(
      '1.D1项目：用地未落实（解决时限：2021年9月1日，已逾期29天，2021年8月1日提出，见项目台账）。',
    );
  });

  it('refuses to overwrite, writing nothing; --unit writes only that unit', async () => {
    const first = await runNotices(
      { meetings: 'meetings', date: '2021-09-30', out: '通知', unit: '丁局' },
      ctx,
    );
    expect(first.exitCode).toBe(0);
    expect(fs.readdirSync(path.join(tmp, '通知'))).toHaveLength(2);
    const again = await runNotices({ meetings: 'meetings', date: '2021-09-30', out: '通知' }, ctx);
    expect(again.exitCode).toBe(2);
    expect(again.stderr).toContain('督办通知单-丁局-2021-09-30.docx: 错误：输出文件已存在，未覆盖');
    expect(fs.readdirSync(path.join(tmp, '通知'))).toHaveLength(2); // 己局's was not written either
    const none = await runNotices(
      { meetings: 'meetings', date: '2021-09-30', out: '通知', unit: '庚局' },
      ctx,
    );
    expect(none.exitCode).toBe(0);
    expect(none.stderr).toContain('庚局截至2021年9月30日没有逾期、即将到期的议定事项或未解决的问题');
  });
});
