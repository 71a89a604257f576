// 10,000 projects on the built CLI in a real pseudo-terminal (the production React build the app
// runs with): the home screen with its figures, then the project list answering every key — moving,
// sorting, filtering, searching — with the frame that key must show. No clock is read: how fast is
// the bench's business (npm run bench, docs/bench.md); the timeouts here only stop a hung program.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as pty from 'node-pty';

const ROOT = path.resolve(import.meta.dirname, '../..');
const CLI = path.join(ROOT, 'dist', 'cli.js');
const ANSI = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)|\u001b[@-Z\\-_]/g;
const plain = (s: string) => s.replace(ANSI, '');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const UNITS = [
  '区发改局',
  '区住建局',
  '区交通局',
  '区水利局',
  '开发区管委会',
  '区能源局',
  '区农业农村局',
  '区文旅局',
];
const WORDS = ['光伏', '供热', '道路', '园区', '物流', '水厂', '学校', '医院', '新材料', '煤化工'];

function bigRegister(n: number): string {
  const lines = [
    'register:',
    '  title: 压力测试区2021年重点项目台账',
    '  region: 压力测试区',
    '  year: 2021',
    '  as_of: 2021-09-30',
    'projects:',
  ];
  for (let i = 1; i <= n; i++) {
    const plan = 1000 + ((i * 7919) % 9000);
    const done = Math.floor((plan * ((i * 37) % 100)) / 100);
    lines.push(
      `  - id: P-${String(i).padStart(5, '0')}`,
      `    name: ${WORDS[i % WORDS.length]}${WORDS[(i * 3) % WORDS.length]}项目${i}号`,
      `    nature: 续建`,
      `    stage: 在建`,
      `    unit: ${UNITS[i % UNITS.length]}`,
      `    leader: 领导${i % 40}`,
      `    total_investment: ${plan * 3}`,
      `    annual_plan: ${plan}`,
      `    completed_year: ${done}`,
      `    actual_start: 2020-03-01`,
    );
  }
  return `${lines.join('\n')}\n`;
}

describe('10,000 projects in a real terminal', () => {
  let dir: string;
  beforeAll(() => {
    if (!fs.existsSync(CLI))
      execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'ignore' });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'diaodu-perf-'));
    fs.writeFileSync(path.join(dir, 'register.yaml'), bigRegister(10000));
  }, 120000);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('draws the figures and answers every list key with its frame', async () => {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DIAODU_CONFIG_DIR: path.join(dir, 'config'),
      TERM: 'xterm-256color',
    };
    delete env.CI;
    delete env.NODE_ENV;
    let out = '';
    let chunks = 0;
    const p = pty.spawn(process.execPath, [CLI, 'register.yaml'], { cols: 80, rows: 24, cwd: dir, env });
    p.onData((d) => {
      out += d;
      chunks++;
    });
    /** waits for the text after the last key (a hang fails after a minute) */
    const waitFor = async (text: string | RegExp, timeoutMs = 60000) => {
      const t0 = Date.now();
      const seen = () => (typeof text === 'string' ? plain(out).includes(text) : text.test(plain(out)));
      while (!seen()) {
        if (Date.now() - t0 > timeoutMs)
          throw new Error(`等待“${String(text)}”超时：\n${plain(out).slice(-2000)}`);
        await sleep(5);
      }
    };
    /** writes a key and waits for output after it; returns the text drawn for it */
    const press = async (key: string, shows?: string | RegExp): Promise<string> => {
      out = '';
      const before = chunks;
      p.write(key);
      await waitFor(shows ?? /[^]/);
      while (chunks === before) await sleep(5);
      await sleep(40); // let the frame finish before the next key
      return plain(out);
    };
    try {
      await waitFor('上次调度会');
      expect(plain(out)).toContain('共10000个项目');
      await press('1', '显示10000个');
      await sleep(300);

      // moving: every key draws; 36 rows and 4 pages down, the first rows have scrolled away
      let frame = '';
      for (let i = 0; i < 40; i++) frame = await press(i % 10 === 9 ? '\u001b[6~' : 'j');
      // the window now runs from P-00095 to P-00113 (the list's own windowing at 80×24)
      expect(frame).toContain('P-00095');
      expect(frame).toContain('P-00113');
      expect(frame).not.toContain('P-00094');
      expect(frame).not.toContain('P-00001 ');
      // sorting: each s names the next order in the header, and the cycle comes round
      const orders: string[] = [];
      for (let i = 0; i < 9; i++) {
        const frame = await press('s', /排序：\S+/);
        orders.push(/排序：(\S+)/.exec(frame)![1]!);
      }
      expect(new Set(orders).size).toBeGreaterThan(2);
      expect(orders.some((o, i) => i > 0 && o !== orders[i - 1])).toBe(true);
      // filtering: by light, by unit, and cleared
      expect(await press('l', /灯：[红黄绿]/)).toMatch(/显示\d+个 · 排序：\S+ · 灯：[红黄绿]/);
      expect(await press('u', '责任单位：')).toMatch(/责任单位：区\S+|责任单位：开发区管委会/);
      expect(await press('c', '显示10000个')).not.toContain('责任单位：');
      // searching: 光伏 is in the names of every tenth project
      expect(await press('/', '搜索：')).toContain('搜索：');
      expect(await press('光伏', '显示1000个')).toContain('光伏');
    } finally {
      p.kill();
    }
  }, 180000);
});
