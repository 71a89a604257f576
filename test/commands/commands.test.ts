// The scripted commands called as functions, on the fixture register and meetings (the same data as
// test/briefing/sample.ts, where the figures are worked out).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runBulletin } from '../../src/commands/bulletin.js';
import { runCheck } from '../../src/commands/check.js';
import type { CommandContext } from '../../src/commands/context.js';
import { dispatch, type DispatchEnv } from '../../src/commands/dispatch.js';
import { runItems } from '../../src/commands/items.js';
import { runLagging } from '../../src/commands/lagging.js';
import { runMinutes } from '../../src/commands/minutes.js';

const fixtures = path.join(import.meta.dirname, 'fixtures');
const ctx: CommandContext = { cwd: fixtures, today: () => '2021-09-13' };

let tmp: string;
beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'diaodu-cmd-'));
});
afterEach(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('check', () => {
  it('summarises the register on one screen', async () => {
    const r = await runCheck({ register: 'register.yaml', meetings: 'meetings' }, ctx);
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toBe('');
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('测试区2021年重点项目台账（数据截至2021年8月31日）');
    expect(lines).toContain('项目数      5个（新建2、续建3）');
    expect(lines).toContain('开复工率    60.0%（已开复工3个）');
    expect(lines).toContain('新开工率    50.0%（新建2个，已开工1个）');
    expect(lines).toContain('投资完成率  75.3%，序时进度66.7%，超序时进度8.6个百分点');
    expect(lines).toContain('红黄绿灯    红 4   黄 0   绿 1');
    expect(lines).toContain('议定事项    共3项：未办结2项（其中逾期1项），已落实1项，撤销0项');
    expect(lines.length).toBeLessThan(24);
  });

  it('without meetings does not count overdue decisions, and says so', async () => {
    const r = await runCheck({ register: 'register.yaml' }, ctx);
    expect(r.stdout).toContain('红黄绿灯    红 3   黄 1   绿 1');
    expect(r.stdout).toContain('未加载会议记录');
    // the fixtures keep their meetings beside the register: the note names the folder
    expect(r.stderr).toBe(
      '提示：没有加 --meetings，议定事项未计入。会议记录若在 meetings，请加 --meetings meetings\n',
    );
  });

  it('names no meetings folder when there is none beside the register', async () => {
    fs.copyFileSync(path.join(fixtures, 'register.yaml'), path.join(tmp, 'register.yaml'));
    const r = await runBulletin({ register: 'register.yaml', format: 'txt' }, { ...ctx, cwd: tmp });
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toBe('');
    fs.mkdirSync(path.join(tmp, 'meetings'));
    const hinted = await runBulletin({ register: path.join(tmp, 'register.yaml'), format: 'txt' }, ctx);
    expect(hinted.stderr).toContain(`会议记录若在 ${path.join(tmp, 'meetings')}，请加 --meetings`);
  });

  it('gives JSON with rates as fractions and as printed', async () => {
    const r = await runCheck({ register: 'register.yaml', meetings: 'meetings', json: true }, ctx);
    const data = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(data).toMatchObject({
      projects: 5,
      started: 3,
      startRate: 0.6,
      startRateText: '60.0%',
      completionRateText: '75.3%',
      lights: { 红: 4, 黄: 0, 绿: 1 },
      decisions: { total: 3, overdue: 1, open: 1, done: 1, dropped: 0 },
    });
  });

  it('exits 2 naming the file when the register is missing', async () => {
    const r = await runCheck({ register: 'nope.yaml' }, ctx);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/nope\.yaml:1:1: 错误：/);
    expect(r.stdout).toBe('');
  });

  it('converts to traditional characters', async () => {
    const r = await runCheck({ register: 'register.yaml', script: 'traditional' }, ctx);
    expect(r.stdout).toContain('開復工率');
    expect(r.stdout).toContain('項目數');
  });
});

describe('lagging', () => {
  it('lists the worst first with reasons', async () => {
    const r = await runLagging({ register: 'register.yaml', meetings: 'meetings' }, ctx);
    expect(r.exitCode).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('滞后项目4个（红灯4个、黄灯0个），数据截至2021年8月31日，序时进度66.7%');
    const heads = lines.filter((l) => /^\d+\. /.test(l));
    expect(heads).toEqual([
      '1. 【红】A2 物流园项目（甲局，包联领导：张一）  完成率30.0%',
      '2. 【红】A4 煤矸石综合利用项目（丙局）  完成率80.0%',
      '3. 【红】A5 高岭土项目（乙局，包联领导：李二）  完成率100.0%',
      '4. 【红】A3 污水处理厂项目（乙局，包联领导：李二）',
    ]);
    expect(lines).toContain('   - 黄：计划2021年8月1日开工，已逾期30天仍未开工');
  });

  it('gives JSON', async () => {
    const r = await runLagging({ register: 'register.yaml', json: true }, ctx);
    const data = JSON.parse(r.stdout) as { lagging: Array<{ id: string; light: string; reasons: string[] }> };
    expect(data.lagging.map((l) => [l.id, l.light])).toEqual([
      ['A2', '红'],
      ['A4', '红'],
      ['A5', '红'],
      ['A3', '黄'],
    ]);
  });
});

describe('items', () => {
  it('lists the ledger on the given day, grouped by state, overdue first', async () => {
    const r = await runItems({ meetings: 'meetings', date: '2021-09-13', register: 'register.yaml' }, ctx);
    expect(r.exitCode).toBe(0);
    expect(r.stdout.split('\n')).toEqual([
      '督办台账（截至2021年9月13日）：议定事项共3项，逾期2项，推进中0项，已落实1项，撤销0项',
      '',
      '逾期（2项）',
      '1. 污水处理厂项目（A3）：加快办理施工许可',
      '   责任单位：乙局；完成时限：2021年8月30日，已逾期14天；编号：2021-08-27-01',
      '   最新进展：尚未报告落实情况（2021年8月27日会议议定）',
      expect.stringMatching(/^2\. 煤矸石综合利用项目（A4）：/),
      expect.stringMatching(/^ {3}责任单位：丙局；.*，已逾期\d+天；编号：2021-08-20-02$/),
      expect.stringMatching(/^ {3}最新进展/),
      '',
      '已落实（1项）',
      expect.stringMatching(/^1\. 物流园项目（A2）：/),
      expect.stringMatching(/^ {3}责任单位：甲局；.*落实；编号：2021-08-20-01$/),
      '   最新进展（2021年8月27日会议）：资金已到位',
      '',
    ]);
  });

  it('takes project names from the register the meetings name when --register is not given', async () => {
    const r = await runItems({ meetings: 'meetings', date: '2021-09-13' }, ctx);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stdout).toContain('1. 污水处理厂项目（A3）：加快办理施工许可');
    const json = await runItems({ meetings: 'meetings', date: '2021-09-13', json: true }, ctx);
    const data = JSON.parse(json.stdout) as { items: Array<{ projectName: string | null }> };
    expect(data.items.map((i) => i.projectName)).toEqual([
      '污水处理厂项目',
      '煤矸石综合利用项目',
      '物流园项目',
    ]);
  });

  it('says the day is today when no --date is given, and suggests --date when the meetings are long past', async () => {
    const late = { ...ctx, today: () => '2026-11-25' };
    const r = await runItems({ meetings: 'meetings' }, late);
    expect(r.exitCode).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe(
      '督办台账（截至今天，2026年11月25日）：议定事项共3项，逾期2项，推进中0项，已落实1项，撤销0项',
    );
    expect(r.stderr).toContain(
      '注意：未给出 --date，按今天（2026年11月25日）判断是否逾期；最近一次会议是2021年8月27日。',
    );
    expect(r.stderr).toContain('请加 --date，如 --date 2021-08-27');
    const json = JSON.parse((await runItems({ meetings: 'meetings', json: true }, late)).stdout) as {
      day: string;
      dayIsToday: boolean;
    };
    expect(json).toMatchObject({ day: '2026-11-25', dayIsToday: true });
    // A week after the last meeting, today is what the secretary means: no note.
    const soon = await runItems({ meetings: 'meetings' }, { ...ctx, today: () => '2021-09-03' });
    expect(soon.stderr).toBe('');
    // With --date the header names the day without "今天".
    const given = await runItems({ meetings: 'meetings', date: '2021-09-13' }, late);
    expect(given.stdout.startsWith('督办台账（截至2021年9月13日）')).toBe(true);
    expect(given.stderr).toBe('');
  });

  it('names the units (or projects) that do have decisions when a filter matches nothing', async () => {
    const r = await runItems({ meetings: 'meetings', date: '2021-09-13', unit: '丁局' }, ctx);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('没有责任单位为“丁局”的议定事项。议定事项的责任单位有：甲局、丙局、乙局。');
    const p = await runItems({ meetings: 'meetings', date: '2021-09-13', project: 'A9' }, ctx);
    expect(p.stdout).toContain('没有项目编号为“A9”的议定事项。有议定事项的项目：A2、A4、A3。');
  });

  it('uses today when no date is given', async () => {
    const r = await runItems({ meetings: 'meetings', json: true }, { ...ctx, today: () => '2021-08-28' });
    const data = JSON.parse(r.stdout) as {
      day: string;
      summary: { overdue: number; open: number; done: number };
    };
    expect(data.day).toBe('2021-08-28');
    expect(data.summary).toMatchObject({ overdue: 0, open: 2, done: 1 });
  });

  it('filters by unit, project and state', async () => {
    const run = async (o: Parameters<typeof runItems>[0]) =>
      (
        JSON.parse(
          (await runItems({ meetings: 'meetings', date: '2021-09-13', json: true, ...o }, ctx)).stdout,
        ) as {
          items: Array<{ id: string }>;
        }
      ).items.map((i) => i.id);
    expect(await run({ unit: '丙局' })).toEqual(['2021-08-20-02']);
    expect(await run({ project: 'A2' })).toEqual(['2021-08-20-01']);
    expect(await run({ overdue: true })).toEqual(['2021-08-27-01', '2021-08-20-02']);
    expect(await run({ state: ['已落实'] })).toEqual(['2021-08-20-01']);
    expect(await run({ state: ['未办结'] })).toEqual(['2021-08-27-01', '2021-08-20-02']);
  });

  it('leaves out decisions taken after the day', async () => {
    const r = await runItems({ meetings: 'meetings', date: '2021-08-21', json: true }, ctx);
    expect((JSON.parse(r.stdout) as { items: unknown[] }).items).toHaveLength(2);
  });

  it('rejects a bad state or date with exit 2', async () => {
    const a = await runItems({ meetings: 'meetings', state: ['完成'] }, ctx);
    expect(a.exitCode).toBe(2);
    expect(a.stderr).toContain('--state 只能是');
    const b = await runItems({ meetings: 'meetings', date: '2021-02-30' }, ctx);
    expect(b.exitCode).toBe(2);
    expect(b.stderr).toContain('--date 应为存在的日期');
  });

  it('refuses a meetings folder that does not exist (exit 2), by --meetings or by default', async () => {
    const r = await runItems({ meetings: 'no-such-dir' }, ctx);
    expect(r.exitCode).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      'diaodu: 找不到会议记录文件夹 no-such-dir（--meetings）：路径不存在\n用法见：diaodu help items\n',
    );
    const none = await runItems({}, { ...ctx, cwd: tmp });
    expect(none.exitCode).toBe(2);
    expect(none.stderr).toContain('当前文件夹中没有 meetings 文件夹；请用 --meetings 给出会议记录文件夹');
  });
});

describe('minutes', () => {
  it('writes Markdown to stdout, the register taken from the meeting file', async () => {
    const r = await runMinutes({ meeting: 'meetings/2021-08-27-周调度.yaml' }, ctx);
    expect(r.exitCode).toBe(0);
    expect(r.stdout.startsWith('# 测试区重点项目周调度会议纪要\n\n第2期\n')).toBe(true);
    expect(r.stdout).toContain('1.加快办理施工许可（责任单位：乙局，完成时限：2021年8月30日）。');
  });

  it('notes when the register has moved on since the meeting', async () => {
    const r = await runMinutes({ meeting: 'meetings/2021-08-20-周调度.yaml', format: 'txt' }, ctx);
    // an old meeting file without the snapshot: the fallback on the register is said
    expect(r.stderr).toContain('注意：会议记录未保存开会时的台账数字');
    expect(r.stderr).toContain('会议时数据截至2021年8月15日，台账当前数据截至2021年8月31日');
    expect(r.stdout).toContain('据项目台账最新数据（截至2021年8月31日）');
  });

  it('writes to --out and refuses to overwrite without --force', async () => {
    const out = path.join(tmp, '纪要.md');
    const first = await runMinutes({ meeting: 'meetings/2021-08-27-周调度.yaml', out }, ctx);
    expect(first.exitCode).toBe(0);
    expect(first.stdout).toBe('');
    expect(first.stderr).toContain(`已写入 ${out}`);
    const written = fs.readFileSync(out, 'utf8');
    fs.writeFileSync(out, '手写的内容');
    const second = await runMinutes({ meeting: 'meetings/2021-08-27-周调度.yaml', out }, ctx);
    expect(second.exitCode).toBe(2);
    expect(second.stderr).toContain('输出文件已存在，未覆盖；如需覆盖请加 --force');
    expect(fs.readFileSync(out, 'utf8')).toBe('手写的内容');
    const third = await runMinutes({ meeting: 'meetings/2021-08-27-周调度.yaml', out, force: true }, ctx);
    expect(third.exitCode).toBe(0);
    expect(fs.readFileSync(out, 'utf8')).toBe(written);
  });

  it('takes the format from the --out extension', async () => {
    const out = path.join(tmp, 'm.json');
    await runMinutes({ meeting: 'meetings/2021-08-27-周调度.yaml', out }, ctx);
    const doc = JSON.parse(fs.readFileSync(out, 'utf8')) as { kind: string; data: { decisionCount: number } };
    expect(doc.kind).toBe('minutes');
    expect(doc.data.decisionCount).toBe(1);
  });

  it('refuses Word without --out and rejects an unknown format', async () => {
    const a = await runMinutes({ meeting: 'meetings/2021-08-27-周调度.yaml', format: 'docx' }, ctx);
    expect(a.exitCode).toBe(2);
    expect(a.stdout).toBe('');
    expect(a.stderr).toContain('须用 --out 指定输出文件');
    const b = await runMinutes({ meeting: 'meetings/2021-08-27-周调度.yaml', format: 'xlsx' }, ctx);
    expect(b.exitCode).toBe(2);
    expect(b.stderr).toContain('--format 只能是 md|txt|json|docx');
  });

  it('needs a register named by the meeting', async () => {
    const file = path.join(tmp, 'm.yaml');
    const text = fs
      .readFileSync(path.join(fixtures, 'meetings', '2021-08-20-周调度.yaml'), 'utf8')
      .replace(/^ {2}register:.*\n/m, '');
    fs.writeFileSync(file, text);
    const r = await runMinutes({ meeting: file }, ctx);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('会议记录没有写明台账');
  });
});

describe('bulletin', () => {
  it('refuses an --out whose extension it cannot write, and writes nothing', async () => {
    const out = path.join(tmp, '通报.pdf');
    const r = await runBulletin({ register: 'register.yaml', meetings: 'meetings', out }, ctx);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain(
      '不能按扩展名“.pdf”写出 通报.pdf：--out 的扩展名应为 .md .txt .json .docx .xlsx 之一，或用 --format 指定格式；PDF 可先写出 .docx',
    );
    expect(fs.existsSync(out)).toBe(false);
    const doc = await runMinutes(
      { meeting: 'meetings/2021-08-27-周调度.yaml', out: path.join(tmp, '纪要.doc') },
      ctx,
    );
    expect(doc.exitCode).toBe(2);
    expect(doc.stderr).toContain('.md .txt .json .docx 之一，或用 --format 指定格式；Word 文件请用 .docx');
    // no extension at all: Markdown, as without --out
    const plain = await runBulletin({ register: 'register.yaml', out: path.join(tmp, '通报') }, ctx);
    expect(plain.exitCode).toBe(0);
    expect(fs.readFileSync(path.join(tmp, '通报'), 'utf8')).toMatch(/^# 关于/);
  });

  it('writes the bulletin of the data month', async () => {
    const r = await runBulletin({ register: 'register.yaml', meetings: 'meetings', month: '2021-08' }, ctx);
    expect(r.exitCode).toBe(0);
    expect(r.stdout.startsWith('# 关于2021年8月份测试区重点项目建设情况的通报\n')).toBe(true);
    expect(r.stdout).toContain('| 乙局 | 2 | 1500 | 27.3% | 1500 | 2 | 100.0% | 1 |');
  });

  it('refuses another month with exit 2 and says why', async () => {
    const r = await runBulletin({ register: 'register.yaml', month: '2021-09' }, ctx);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('台账数据截至2021年8月31日，只能生成2021年8月份的通报');
    const bad = await runBulletin({ register: 'register.yaml', month: '2021-13' }, ctx);
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr).toContain('--month 应为年月');
  });

  it('writes Word and Excel files with --out', async () => {
    for (const ext of ['docx', 'xlsx']) {
      const out = path.join(tmp, `通报.${ext}`);
      const r = await runBulletin({ register: 'register.yaml', out }, ctx);
      expect(r.exitCode).toBe(0);
      const bytes = fs.readFileSync(out);
      expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK'); // a zip container
    }
  });

  it('renders plain text in traditional characters', async () => {
    const r = await runBulletin({ register: 'register.yaml', format: 'txt', script: 'traditional' }, ctx);
    expect(r.stdout).toContain('關於2021年8月份測試區重點項目建設情況的通報');
  });
});

describe('dispatch', () => {
  const env: DispatchEnv = { ...ctx, packageDir: '/pkg', version: '9.9.9' };

  it('prints help for the program and each command', async () => {
    for (const argv of [['--help'], ['help'], ['-h']]) {
      const r = await dispatch(argv, env);
      expect(r.kind === 'result' && r.stdout).toContain('用法：');
    }
    const r = await dispatch(['help', 'bulletin'], env);
    expect(r.kind === 'result' && r.stdout.startsWith('用法：diaodu bulletin <台账> [选项]')).toBe(true);
    const r2 = await dispatch(['items', '--help'], env);
    expect(r2.kind === 'result' && r2.stdout).toContain('--overdue');
  });

  it('prints the version', async () => {
    const r = await dispatch(['--version'], env);
    expect(r.kind === 'result' && r.stdout).toBe('9.9.9\n');
  });

  it('turns option mistakes into Chinese usage errors with exit 2', async () => {
    const cases: Array<[string[], string]> = [
      [['check', 'register.yaml', '--jsn'], '未知选项 --jsn，是否要用 --json？'],
      [['bulletin', 'register.yaml', '--out'], '选项 --out 需要一个值'],
      [['check'], '缺少参数：台账文件'],
      [['check', 'a.yaml', 'b.yaml'], '多余的参数：b.yaml'],
      [['chek'], '没有命令“chek”。是否要用 check？'],
      [['help', 'nope'], '没有命令“nope”'],
    ];
    for (const [argv, message] of cases) {
      const r = await dispatch(argv, env);
      expect(r.kind).toBe('result');
      if (r.kind !== 'result') continue;
      expect(r.exitCode).toBe(2);
      expect(r.stderr).toContain(message);
    }
  });

  it('opens the bundled sample, a given register, or a meeting', async () => {
    expect(await dispatch([], env)).toEqual({
      kind: 'tui',
      registerPath: path.join('/pkg', 'seeds', 'pinglu-2021.yaml'),
      meetingsDir: path.join('/pkg', 'meetings'),
      start: 'home',
      sample: true,
    });
    expect(await dispatch(['register.yaml', '--meetings', 'meetings'], env)).toEqual({
      kind: 'tui',
      registerPath: path.join(fixtures, 'register.yaml'),
      meetingsDir: path.join(fixtures, 'meetings'),
      start: 'home',
      sample: false,
    });
    expect(await dispatch(['meet', 'register.yaml'], env)).toMatchObject({ kind: 'tui', start: 'meeting' });
  });
});

describe('dispatch: opening the app on a missing register', () => {
  it('exits 2 before any UI starts', async () => {
    const env: DispatchEnv = { ...ctx, packageDir: '/pkg', version: '0' };
    for (const argv of [['missing.yaml'], ['meet', 'missing.yaml']]) {
      const r = await dispatch(argv, env);
      expect(r.kind).toBe('result');
      if (r.kind === 'result') {
        expect(r.exitCode).toBe(2);
        expect(r.stderr).toBe('missing.yaml:1:1: 错误：找不到台账文件或文件夹：路径不存在。\n');
      }
    }
  });
});

describe('Word minutes and traditional characters in binary formats', () => {
  it('writes minutes as .docx', async () => {
    const out = path.join(tmp, '纪要.docx');
    const r = await runMinutes({ meeting: 'meetings/2021-08-27-周调度.yaml', out }, ctx);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(fs.readFileSync(out).subarray(0, 2).toString('latin1')).toBe('PK');
  });

  it('converts a document for Word without touching the lights renderers colour by', async () => {
    const { mapDocumentText } = await import('../../src/briefing/render.js');
    const { toTraditional } = await import('../../src/text/traditional.js');
    const doc = mapDocumentText(
      {
        kind: 'bulletin',
        title: '关于重点项目建设情况的通报',
        date: '2021-08-31',
        dateText: '2021年8月31日',
        blocks: [
          {
            type: 'table',
            columns: [{ title: '灯', align: 'center' }],
            rows: [[{ text: '红', light: '红' }]],
          },
        ],
        attachments: [],
        data: { light: '红' },
      },
      toTraditional,
    );
    expect(doc.title).toBe('關於重點項目建設情況的通報');
    const table = doc.blocks[0];
    expect(table?.type === 'table' && table.rows[0]![0]).toEqual({ text: '紅', light: '红' });
    expect(doc.data).toEqual({ light: '红' });
  });
});
