// End to end, in a real pseudo-terminal: the built CLI (dist/cli.js) opens a register, holds a
// meeting, follows up an earlier decision (its label then says 本次：已落实), records two decisions
// typed in Chinese — while a second diaodu opens the same meeting read-only, naming the first one's
// pid, and refuses to edit — is killed with SIGKILL in the middle of the second decision, is started
// again, resumes where it was (the half-typed text included), finishes, closes the meeting — and the
// meeting file holds exactly what was typed. Keys wait for the app's answer, never a fixed time.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as pty from 'node-pty';
import { parseDue } from '../../src/ui/screens/meeting/forms.js';
import { loadMeeting } from '../../src/store/meeting-read.js';
import { localToday } from '../../src/store/clock.js';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** The 完成时限 the form gives for a quick pick today (moved off weekends and holidays). */
function dueOn(pick: string, today: string): string {
  const due = parseDue(pick, today);
  if (!due.ok) throw new Error(due.message);
  return due.date;
}
const CLI = path.join(ROOT, 'dist', 'cli.js');
const FIXTURES = path.join(ROOT, 'test', 'ui', 'fixtures');

const KEY = {
  enter: '\r',
  esc: '\u001b',
  tab: '\t',
  down: '\u001b[B',
  right: '\u001b[C',
  ctrlS: '\u0013',
  ctrlU: '\u0015',
  ctrlC: '\u0003',
};

// CSI / OSC / two-character escapes, then the remaining control characters.
const ANSI = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)|\u001b[@-Z\\-_]/g;
const plain = (s: string) => s.replace(ANSI, '').replace(/[\u0000-\u0008\u000b-\u001f]/g, '');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The app in a pseudo-terminal: what it printed (escapes removed) and keys to send. */
class Terminal {
  private output = '';
  private mark = 0;
  readonly exited: Promise<{ exitCode: number; signal?: number }>;
  readonly proc: pty.IPty;

  constructor(args: string[], cwd: string, env: NodeJS.ProcessEnv) {
    this.proc = pty.spawn(process.execPath, [CLI, ...args], {
      name: 'xterm-256color',
      cols: 80,
      rows: 24,
      cwd,
      env,
    });
    this.proc.onData((d) => {
      this.output += d;
    });
    this.exited = new Promise((resolve) => this.proc.onExit(resolve));
  }

  /** Wait until `text` appears in what was printed since the last wait. */
  async waitFor(text: string, timeoutMs = 30000): Promise<void> {
    const start = Date.now();
    for (;;) {
      const seen = plain(this.output.slice(this.mark));
      if (seen.includes(text)) {
        this.mark = this.output.length;
        // the screen that printed it subscribes to keys just after drawing
        await sleep(250);
        return;
      }
      if (Date.now() - start > timeoutMs) {
        throw new Error(`等待“${text}”超时；最近输出：\n${plain(this.output.slice(-3000))}`);
      }
      await sleep(20);
    }
  }

  /** Everything printed so far, escapes removed. */
  printed(): string {
    return plain(this.output);
  }

  /** Everything printed so far, as the terminal received it. */
  raw(): string {
    return this.output;
  }

  /**
   * Send keys, or text typed as an IME commits it (one phrase at a time), then wait until the app
   * has drawn something in answer and gone quiet for a moment — no fixed sleep, so a loaded machine
   * only makes it slower, never flaky. A key that draws nothing waits `timeoutMs`.
   */
  async send(keys: string, timeoutMs = 3000): Promise<void> {
    const before = this.output.length;
    this.proc.write(keys);
    const start = Date.now();
    while (this.output.length === before && Date.now() - start < timeoutMs) await sleep(10);
    // quiet: nothing more for 100 ms (a frame can arrive in several writes)
    for (let seen = -1; seen !== this.output.length; ) {
      seen = this.output.length;
      await sleep(100);
    }
  }
}

describe('a meeting in a real terminal', () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;

  beforeAll(() => {
    if (!fs.existsSync(CLI))
      execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'ignore' });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'diaodu-e2e-'));
    fs.copyFileSync(path.join(FIXTURES, 'register.yaml'), path.join(dir, 'register.yaml'));
    fs.mkdirSync(path.join(dir, 'meetings'));
    fs.copyFileSync(
      path.join(FIXTURES, 'meetings', '2021-09-20-周调度.yaml'),
      path.join(dir, 'meetings', '2021-09-20-周调度.yaml'),
    );
    env = {
      ...process.env,
      DIAODU_CONFIG_DIR: path.join(dir, 'config'),
      TERM: 'xterm-256color',
      LANG: 'zh_CN.UTF-8',
    };
    delete env.CI; // Ink draws differently on CI
    delete env.NODE_ENV;
  }, 120000);

  afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('resumes after SIGKILL and saves exactly what was typed', async () => {
    const today = localToday();
    const file = path.join(dir, 'meetings', `${today}-周调度.yaml`);

    // ---- first run: open the register, start the meeting
    const first = new Terminal(['register.yaml'], dir, env);
    await first.waitFor('上次调度会');
    // j and Enter in one read (typed fast): down to 调度会, and open it (issue 9, item 13)
    await first.send(`j${KEY.enter}`);
    await first.waitFor('会议日期');
    await first.send(KEY.ctrlS);
    await first.waitFor('上次会议议定事项落实情况');
    expect(fs.existsSync(file)).toBe(true);

    // ---- follow up the earlier decision that is overdue: 已落实, with a note
    await first.send(KEY.enter);
    await first.waitFor('本次尚未听取');
    await first.send('y');
    await first.waitFor('2021-09-20-01：已落实');
    expect(first.printed()).toContain('【本次：已落实】 2021-09-20-01');
    await first.send('k'); // the cursor moved on to the next decision: back up to add the note
    await first.send('e');
    await first.waitFor('落实情况说明');
    // the phrase and Enter in one read, as an IME commits it and Enter follows at once
    await first.send(`用地指标已下达${KEY.enter}`);
    await first.waitFor('已记录落实情况');
    await first.send(KEY.esc);
    await first.waitFor('议程');

    // ---- first project (CS-001): a decision typed in Chinese
    await first.send(KEY.down);
    await first.send(KEY.enter);
    await first.waitFor('本次议定事项');
    await first.send('a');
    await first.waitFor('新增议定事项');
    await first.send('协调落实');
    await first.send('项目用地指标');
    await first.send(KEY.tab);
    await first.send('自然'); // narrows the 责任单位 picks to 区自然资源局
    await first.waitFor('【区自然资源局】');
    await first.send(KEY.tab);
    await first.waitFor('▶配合单位');
    await first.send(KEY.tab); // no 配合单位
    await first.waitFor('【王强】'); // the person 区自然资源局 sent last time
    await first.send('王强');
    await first.send(KEY.tab);
    await first.send(KEY.down); // quick pick after 下周五: 月底
    await first.waitFor('月底');
    await first.send(KEY.enter);
    await first.waitFor('已保存议定事项');

    // ---- meanwhile a second diaodu opens the same meeting: read-only, naming the first
    const peek = new Terminal(['meet', 'register.yaml'], dir, env);
    await peek.waitFor(`进程号 ${first.proc.pid}`);
    expect(peek.printed()).toContain('（只读）');
    expect(peek.printed()).toMatch(/CS-001 光伏组件项目 +区发改局 议定1项/);
    await peek.send(KEY.down);
    await peek.send('a');
    await peek.waitFor('只读，不能新增议定事项');
    await peek.send(KEY.ctrlC);
    expect((await peek.exited).exitCode).toBe(0);
    expect(fs.existsSync(`${file}.lock`)).toBe(true); // still the first one's

    // ---- second project (CS-004): killed in the middle of typing
    await first.send(KEY.right);
    await first.waitFor('CS-004');
    await first.send('a');
    await first.waitFor('新增议定事项');
    await first.send('尽快复工，');
    await sleep(300);
    first.proc.kill('SIGKILL');
    const killed = await first.exited;
    expect(killed.signal).toBe(9);

    // ---- second run: `diaodu meet` resumes the meeting, the half-typed text is back
    const second = new Terminal(['meet', 'register.yaml'], dir, env);
    await second.waitFor('已恢复未结束的调度会');
    expect(second.printed()).toContain('▶议定事项  尽快复工，');
    // typed fast: the phrase and Tab reach the app in one read (src/ui/keystrokes.ts)
    await second.send(`制定复工方案${KEY.tab}`);
    await second.waitFor('【区交通局】'); // 责任单位: the project's own unit is highlighted first
    await second.send(KEY.tab);
    await second.send(KEY.tab); // no 配合单位
    await second.send(KEY.tab); // no 责任人
    await second.send('+10'); // replaces the quick pick
    await second.send(KEY.enter);
    await second.waitFor('仍要保存'); // no 责任人: asked, and confirmed
    await second.send('y');
    await second.waitFor('已保存议定事项');

    // ---- close the meeting
    await second.send(KEY.esc);
    await second.waitFor('议程');
    await second.send('C');
    await second.waitFor('结束会议？');
    await second.send('y');
    await second.waitFor('会议已结束');
    await second.send(KEY.ctrlC);
    const done = await second.exited;
    expect(done.exitCode).toBe(0);

    // ---- the file holds exactly what was typed
    const meeting = loadMeeting(file);
    expect(meeting.meeting.closed).toBe(true);
    expect(meeting.meeting.date).toBe(today);
    const decisions = meeting.items.flatMap((i) => i.decisions.map((d) => ({ project: i.project, ...d })));
    expect(decisions).toEqual([
      {
        project: 'CS-001',
        id: `${today}-01`,
        text: '协调落实项目用地指标',
        unit: '区自然资源局',
        owner: '王强',
        due: dueOn('月底', today),
      },
      {
        project: 'CS-004',
        id: `${today}-02`,
        text: '尽快复工，制定复工方案',
        unit: '区交通局',
        due: dueOn('+10', today),
      },
    ]);
    expect(meeting.followups).toEqual([
      { decision: '2021-09-20-01', status: '已落实', note: '用地指标已下达' },
    ]);
    // nothing left behind: no lock, no draft
    expect(fs.readdirSync(path.join(dir, 'meetings')).sort()).toEqual([
      '2021-09-20-周调度.yaml',
      `${today}-周调度.yaml`,
    ]);
  }, 240000);
});

describe('hostile bytes in a real terminal (issue 9, items 11–13)', () => {
  it('shows a hostile file name as text, takes keys typed while it opens, replies and pastes', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'diaodu-e2e-hostile-'));
    const evil = '\u001b]52;c;aGk=\u0007\u001b[2J';
    const name = `台账${evil}.yaml`;
    fs.copyFileSync(path.join(FIXTURES, 'register.yaml'), path.join(dir, name));
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DIAODU_CONFIG_DIR: path.join(dir, 'config'),
      TERM: 'xterm-256color',
      LANG: 'zh_CN.UTF-8',
    };
    delete env.CI;
    delete env.NODE_ENV;
    const t = new Terminal([name], dir, env);
    try {
      // keys typed while the app is still opening: 1 (项目), Enter (the first project)
      for (let i = 0; i < 1500 && !t.printed().includes('正在打开'); i++) await sleep(10);
      t.proc.write(`1${KEY.enter}`);
      await t.waitFor('项目详情 CS-001');
      // the name was shown, as text: no OSC 52 clipboard write, no clear screen from it
      expect(t.printed()).toContain('正在打开 台账\\x1b]52;c;aGk=\\x07\\x1b[2J.yaml');
      expect(t.raw()).not.toContain('\u001b]52;');
      // terminal replies (status, cursor position) neither crash the app nor act as keys
      await t.send('\u001b[0n\u001b[12;40R');
      await t.send(KEY.esc);
      await t.waitFor('显示5个');
      // a paste with colour, DEL, ↑ and a window title inside: its text only, into the search line
      await t.send('/');
      await t.send('\u001b[200~光伏\u001b[31m\u007f\u001b[A\u001b]0;T\u0007组件\u001b[201~');
      await t.waitFor('搜索：光伏组件');
      expect(t.printed()).not.toContain(']0;T');
      await t.send(KEY.enter);
      await t.waitFor('显示1个');
      await t.send(KEY.ctrlC);
      expect((await t.exited).exitCode).toBe(0);
    } finally {
      t.proc.kill();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 120000);
});

describe('without a terminal', () => {
  it('says so in Chinese, points to the scripted commands and exits 2', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'diaodu-notty-'));
    try {
      fs.copyFileSync(path.join(FIXTURES, 'register.yaml'), path.join(dir, 'register.yaml'));
      let status = 0;
      let stderr = '';
      try {
        execFileSync(process.execPath, [CLI, 'register.yaml'], {
          cwd: dir,
          stdio: ['pipe', 'pipe', 'pipe'],
          input: '',
        });
      } catch (error) {
        const e = error as { status: number; stderr: Buffer };
        status = e.status;
        stderr = e.stderr.toString('utf8');
      }
      expect(status).toBe(2);
      expect(stderr).toContain('不是终端');
      expect(stderr).toContain('diaodu check');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
