// The built program (dist/cli.js) run as a process: exit codes, help, stdout against --out, the
// non-terminal message, and that scripted commands never load ink or react.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..', '..');
const cli = path.join(root, 'dist', 'cli.js');
const fixtures = path.join(import.meta.dirname, 'fixtures');
const recorder = path.join(import.meta.dirname, 'load-recorder', 'register.mjs');

let tmp: string;

beforeAll(() => {
  // `npm test` builds first; when vitest runs alone, build if the program is missing.
  if (!fs.existsSync(cli)) {
    spawnSync(
      process.execPath,
      [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'],
      {
        cwd: root,
      },
    );
  }
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'diaodu-cli-'));
});

afterAll(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

function run(args: string[], opts: { env?: Record<string, string>; nodeArgs?: string[]; cwd?: string } = {}) {
  const r = spawnSync(process.execPath, [...(opts.nodeArgs ?? []), cli, ...args], {
    cwd: opts.cwd ?? fixtures,
    env: { ...process.env, DIAODU_DEBUG: '', ...opts.env },
    encoding: 'utf8',
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('diaodu (built program)', () => {
  it('starts with the shebang line', () => {
    expect(fs.readFileSync(cli, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
  });

  it('exits 0 and prints to stdout', () => {
    const r = run(['check', 'register.yaml', '--meetings', 'meetings']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('开复工率    60.0%（已开复工3个）');
    expect(r.stderr).toBe('');
  });

  it('exits 2 with a Chinese message for bad input and bad usage, without a stack trace', () => {
    const missing = run(['check', 'nope.yaml']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('nope.yaml:1:1: 错误：');
    const usage = run(['bulletin', 'register.yaml', '--fromat', 'md']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toBe(
      'diaodu: 未知选项 --fromat，是否要用 --format？\n用法见：diaodu help bulletin\n',
    );
    for (const r of [missing, usage]) expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('exits 1 on an internal error, with a stack trace only under DIAODU_DEBUG=1', () => {
    // Break JSON.stringify inside the process: an error no input can cause.
    const breakJson = ['--import', 'data:text/javascript,JSON.stringify=()=>{throw new Error("boom")}'];
    const quiet = run(['check', 'register.yaml', '--json'], { nodeArgs: breakJson });
    expect(quiet.code).toBe(1);
    expect(quiet.stderr).toContain('diaodu: 内部错误：boom');
    expect(quiet.stderr).toContain('DIAODU_DEBUG=1');
    expect(quiet.stderr).not.toMatch(/\n\s+at /);
    const loud = run(['check', 'register.yaml', '--json'], {
      nodeArgs: breakJson,
      env: { DIAODU_DEBUG: '1' },
    });
    expect(loud.code).toBe(1);
    expect(loud.stderr).toMatch(/Error: boom\n\s+at /);
  });

  it('prints Chinese help for the program and for a command', () => {
    const top = run(['--help']);
    expect(top.code).toBe(0);
    expect(top.stdout).toContain('diaodu（调度）——重点项目周调度会的终端工具');
    for (const cmd of ['check', 'lagging', 'items', 'minutes', 'bulletin', 'import']) {
      expect(top.stdout).toContain(`  ${cmd} `);
    }
    const one = run(['help', 'bulletin']);
    expect(one.code).toBe(0);
    expect(one.stdout).toContain('--month <YYYY-MM>');
    expect(run(['bulletin', '--help']).stdout).toBe(one.stdout);
  });

  it('writes --out files, and leaves an existing one alone without --force', () => {
    const out = path.join(tmp, 'bulletin.md');
    const first = run(['bulletin', 'register.yaml', '--out', out]);
    expect(first.code).toBe(0);
    expect(first.stdout).toBe('');
    expect(fs.readFileSync(out, 'utf8').startsWith('# 关于2021年8月份测试区重点项目建设情况的通报')).toBe(
      true,
    );
    fs.writeFileSync(out, 'keep');
    const again = run(['bulletin', 'register.yaml', '--out', out]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('输出文件已存在，未覆盖；如需覆盖请加 --force');
    expect(fs.readFileSync(out, 'utf8')).toBe('keep');
    expect(run(['bulletin', 'register.yaml', '--out', out, '--force']).code).toBe(0);
    expect(fs.readFileSync(out, 'utf8')).not.toBe('keep');
  });

  it('writes the JSON bulletin in pieces: stdout and --out hold the same text as the model', async () => {
    const args = [
      'bulletin',
      'register.yaml',
      '--meetings',
      'meetings',
      '--format',
      'json',
      '--date',
      '2021-09-01',
    ];
    const printed = run(args);
    expect(printed.code).toBe(0);
    const out = path.join(tmp, 'bulletin.json');
    expect(run([...args, '--out', out, '--force']).code).toBe(0);
    expect(fs.readFileSync(out, 'utf8')).toBe(printed.stdout);
    // the same text the command gives in-process (its stdout joined from the same pieces) and renderJson
    const { dispatch } = await import('../../src/commands/dispatch.js');
    const inProcess = await dispatch(args, {
      today: () => '2021-09-01',
      cwd: fixtures,
      packageDir: root,
      version: '0',
    });
    expect(inProcess.kind === 'result' && inProcess.stdout).toBe(printed.stdout);
    const parsed = JSON.parse(printed.stdout) as { attachments: { blocks: { rows: unknown[] }[] }[] };
    expect(parsed.attachments[0]!.blocks[0]!.rows.length).toBeGreaterThan(0);
    const { renderJson } = await import('../../src/briefing/json.js');
    expect(renderJson(JSON.parse(printed.stdout) as never)).toBe(printed.stdout);
  });

  it('refuses to write Word to stdout', () => {
    const r = run(['bulletin', 'register.yaml', '--format', 'docx']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('须用 --out 指定输出文件');
  });

  it('says in Chinese that the app needs a terminal when stdin is not one', () => {
    const r = run([]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('交互界面需要在终端中运行');
    expect(r.stderr).toContain('diaodu check');
  });

  /** Runs each command with the module recorder: none may load ink, react or the UI bundle. */
  function expectNoUi(commands: string[][]): void {
    for (const args of commands) {
      const log = path.join(tmp, `loads-${Math.random().toString(16).slice(2)}.txt`);
      const r = run(args, { nodeArgs: ['--import', recorder], env: { DIAODU_LOAD_LOG: log } });
      expect(r.code, `diaodu ${args.join(' ')}: ${r.stderr}`).toBe(args.length === 0 ? 2 : 0);
      const urls = fs.readFileSync(log, 'utf8').split('\n').filter(Boolean);
      expect(urls.some((u) => u.endsWith('/dist/cli.js'))).toBe(true); // the recorder saw the program
      const ui = urls.filter((u) => /\/node_modules\/(ink|react|react-reconciler)\/|\/dist\/t?ui\//.test(u));
      expect(ui, `diaodu ${args.join(' ')}`).toEqual([]);
    }
  }

  it('loads neither ink nor react for scripted commands', () => {
    expectNoUi([
      ['check', 'register.yaml', '--meetings', 'meetings'],
      ['lagging', 'register.yaml', '--json'],
      ['items', '--meetings', 'meetings', '--date', '2021-09-01'],
      ['minutes', 'meetings/2021-08-27-周调度.yaml', '--format', 'txt'],
      ['bulletin', 'register.yaml', '--meetings', 'meetings', '--script', 'traditional'],
      ['bulletin', 'register.yaml', '--out', path.join(tmp, 'no-ink.docx')],
      [],
    ]);
  });

  /** The node_modules packages a command loads (run with the module recorder). */
  function loadedPackages(args: string[], env: Record<string, string> = {}): string[] {
    const log = path.join(tmp, `loads-${Math.random().toString(16).slice(2)}.txt`);
    const r = run(args, { nodeArgs: ['--import', recorder], env: { ...env, DIAODU_LOAD_LOG: log } });
    expect(r.code, `diaodu ${args.join(' ')}: ${r.stderr}`).toBe(0);
    const urls = fs.readFileSync(log, 'utf8').split('\n').filter(Boolean);
    return [...new Set(urls.flatMap((u) => /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(u)?.[1] ?? []))];
  }

  it('loads the chart libraries (echarts, resvg) only for a Word bulletin, and not without a font', () => {
    const charts = (pkgs: string[]): string[] => pkgs.filter((p) => /^(echarts|zrender|@resvg\/)/.test(p));
    expect(charts(loadedPackages(['check', 'register.yaml', '--meetings', 'meetings']))).toEqual([]);
    expect(charts(loadedPackages(['bulletin', 'register.yaml', '--format', 'md']))).toEqual([]);
    expect(
      charts(loadedPackages(['bulletin', 'register.yaml', '--out', path.join(tmp, 'charts.xlsx')])),
    ).toEqual([]);
    const noFont = loadedPackages(['bulletin', 'register.yaml', '--out', path.join(tmp, 'no-font.docx')], {
      DIAODU_CHART_FONT: path.join(tmp, 'no-such-font.ttc'),
    });
    expect(charts(noFont)).toEqual([]);
    const font = process.env.DIAODU_CHART_FONT ?? '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';
    if (fs.existsSync(font)) {
      const docx = loadedPackages(['bulletin', 'register.yaml', '--out', path.join(tmp, 'chart.docx')], {
        DIAODU_CHART_FONT: font,
      });
      expect(charts(docx)).toEqual(expect.arrayContaining(['echarts', '@resvg/resvg-js']));
    }
  });

  it('says on stderr that the chart was left out when there is no CJK font, and writes the bulletin', () => {
    const out = path.join(tmp, 'no-font-2.docx');
    const r = run(['bulletin', 'register.yaml', '--out', out], {
      env: { DIAODU_CHART_FONT: path.join(tmp, 'missing.ttc') },
    });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('Word 通报中未插入图表');
    expect(r.stderr).toContain('已写入');
    expect(fs.existsSync(out)).toBe(true);
  });

  it('loads neither ink nor react for assess and notices', () => {
    expectNoUi([
      [
        'assess',
        'register.yaml',
        '--meetings',
        'meetings',
        '--date',
        '2021-09-01',
        '--out',
        path.join(tmp, 'no-ink.xlsx'),
      ],
      [
        'notices',
        '--meetings',
        'meetings',
        '--date',
        '2021-09-01',
        '--out',
        path.join(tmp, 'no-ink-notices'),
      ],
    ]);
  });
});
