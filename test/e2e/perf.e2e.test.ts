// Speed with 10,000 projects, measured on the built CLI in a real pseudo-terminal (the production
// React build the app runs with): the first full frame, and keypress-to-frame in the project list
// (moving, sorting, filtering, searching). Budgets are generous for slow CI machines; the median
// for moving the cursor is the figure issue 3 asks for (≤ 10 ms); it is printed for the record.
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

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
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

  it('draws at once and answers keys within a frame', async () => {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DIAODU_CONFIG_DIR: path.join(dir, 'config'),
      TERM: 'xterm-256color',
    };
    delete env.CI;
    delete env.NODE_ENV;
    let out = '';
    let lastData = 0;
    const started = Date.now();
    const p = pty.spawn(process.execPath, [CLI, 'register.yaml'], { cols: 80, rows: 24, cwd: dir, env });
    p.onData((d) => {
      out += d;
      lastData = performance.now();
    });
    const waitFor = async (text: string, timeoutMs = 60000) => {
      const t0 = Date.now();
      while (!plain(out).includes(text)) {
        if (Date.now() - t0 > timeoutMs) throw new Error(`等待“${text}”超时：\n${plain(out).slice(-2000)}`);
        await sleep(5);
      }
    };
    try {
      await waitFor('diaodu');
      const firstFrame = Date.now() - started;
      await waitFor('上次调度会');
      const loaded = Date.now() - started;
      out = '';
      p.write('1');
      await waitFor('显示10000个');
      await sleep(300);

      /** ms from writing a key to the first output after it */
      const press = async (key: string): Promise<number> => {
        const before = lastData;
        const t0 = performance.now();
        p.write(key);
        while (lastData === before) {
          if (performance.now() - t0 > 5000) throw new Error(`按键 ${JSON.stringify(key)} 无响应`);
          await sleep(0);
        }
        const ms = lastData - t0;
        await sleep(40); // let the frame finish before the next key
        return ms;
      };
      const moves: number[] = [];
      for (let i = 0; i < 40; i++) moves.push(await press(i % 10 === 9 ? '\u001b[6~' : 'j'));
      const sorts: number[] = [];
      for (let i = 0; i < 9; i++) sorts.push(await press('s'));
      const filters = [await press('l'), await press('u'), await press('c')];
      const typed = [await press('/'), await press('光伏'), await press('园区')];
      console.log(
        `first frame ${firstFrame} ms, figures ${loaded} ms; move median ${median(moves).toFixed(1)} ms (max ${Math.max(...moves).toFixed(1)}); ` +
          `sort median ${median(sorts).toFixed(1)} ms (max ${Math.max(...sorts).toFixed(1)}); filter ${filters.map((x) => x.toFixed(1)).join('/')} ms; ` +
          `search ${typed.map((x) => x.toFixed(1)).join('/')} ms`,
      );
      expect(median(moves)).toBeLessThan(50);
      expect(Math.max(...sorts)).toBeLessThan(2000);
    } finally {
      p.kill();
    }
  }, 180000);
});
