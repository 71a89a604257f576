// Bytes from the terminal reach the screens through the app's own stdin (src/ui/keystrokes.ts) and
// Ink's real input hook, as in `diaodu`: terminal replies (ESC[0n, ESC[12;40R), colour sequences in
// typed or pasted text and OSC strings must not crash the app nor leave residue in a field; pasted
// text must act as text only; every key must act, in order — Enter in the same read as other keys,
// and keys typed while a screen is still opening (issue 9, items 12 and 13).
import { EventEmitter } from 'node:events';
import * as fs from 'node:fs';
import { PassThrough } from 'node:stream';
import { render, Text, useInput, type Key } from 'ink';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../src/ui/app.js';
import { keystrokeStdin } from '../../src/ui/keystrokes.js';
import { copyFixtures, sessionIn } from '../ui/sessions.js';
import { HARMFUL } from './hostile-fixture.js';

const PASTE_START = '\u001b[200~';
const PASTE_END = '\u001b[201~';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A terminal's input side: raw mode is accepted, bytes are written into it. */
class TerminalInput extends PassThrough {
  readonly isTTY = true;
  setRawMode(): this {
    return this;
  }
  ref(): this {
    return this;
  }
  unref(): this {
    return this;
  }
}

/** A terminal's output side at 80×24: Ink in debug mode writes each whole frame. */
class TerminalOutput extends EventEmitter {
  readonly columns = 80;
  readonly rows = 24;
  readonly isTTY = true;
  last = '';
  write(frame: string): boolean {
    this.last = frame;
    return true;
  }
}

/** Errors thrown while Ink handles input (they would end the app) are collected here. */
const crashes: unknown[] = [];
const onCrash = (error: unknown) => crashes.push(error);

function mount(tree: React.ReactElement) {
  const input = new TerminalInput();
  input.setEncoding('utf8');
  const output = new TerminalOutput();
  process.on('uncaughtException', onCrash);
  const instance = render(tree, {
    stdin: keystrokeStdin(input as unknown as NodeJS.ReadStream),
    stdout: output as unknown as NodeJS.WriteStream,
    stderr: new TerminalOutput() as unknown as NodeJS.WriteStream,
    debug: true,
    exitOnCtrlC: false,
    patchConsole: false,
  });
  const frame = () => output.last;
  const waitFor = async (text: string | RegExp, timeoutMs = 5000) => {
    const start = Date.now();
    const shows = () => (typeof text === 'string' ? frame().includes(text) : text.test(frame()));
    while (!shows() && Date.now() - start < timeoutMs) await sleep(5);
    if (!shows()) throw new Error(`timed out waiting for ${String(text)}; frame:\n${frame()}`);
  };
  /** Waits until the frame has not changed for a moment (keys handled one per turn of the loop). */
  const settle = async () => {
    for (let seen = ''; seen !== frame(); ) {
      seen = frame();
      await sleep(80);
    }
  };
  return {
    type: (bytes: string) => input.write(bytes),
    frame,
    waitFor,
    settle,
    unmount: () => {
      instance.unmount();
      process.off('uncaughtException', onCrash);
    },
  };
}

afterEach(() => {
  process.off('uncaughtException', onCrash);
  crashes.length = 0;
});

interface Seen {
  input: string;
  key: string;
}

/** Records what a screen's input handler gets: the text, and the named key it is. */
function Probe(props: { seen: Seen[] }) {
  useInput((input: string, key: Key) => {
    const names = (Object.keys(key) as (keyof Key)[]).filter(
      (k) => key[k] === true && k !== 'meta' && k !== 'shift',
    );
    props.seen.push({ input, key: names.join('+') });
  });
  return <Text>probe</Text>;
}

/**
 * What the Probe gets for these writes, each a read of its own (as keys typed a moment apart), once
 * no more come (keys are handed over one per turn of the event loop); unmounted after.
 */
async function probe(writes: string[]): Promise<Seen[]> {
  const seen: Seen[] = [];
  const app = mount(<Probe seen={seen} />);
  await app.waitFor('probe');
  await sleep(100);
  for (const bytes of writes) {
    app.type(bytes);
    await sleep(30);
  }
  for (let count = -1; count !== seen.length; ) {
    count = seen.length;
    await sleep(100);
  }
  app.unmount();
  return seen;
}

describe("Ink's input hook behind the app's stdin", () => {
  it('takes terminal replies, colour sequences and OSC strings without crashing or residue', async () => {
    // each write a read of its own, as keys typed a moment apart
    const seen = await probe([
      '\u001b[0n', // device status report: Ink's hook read a key with no name and threw
      'a\u001b[12;40Rb', // cursor position report between two keys
      '甲\u001b[31m乙', // colour in typed text
      '\u001b]0;T\u0007c', // window title: no "]0;T" left
      '\u001b[I\u001b[O', // focus in / out
      `${PASTE_START}丙\u001b[31m丁\u007f\u001b[A\u001b]0;T\u0007戊${PASTE_END}`,
      'j\r', // Enter in the same read as a key
    ]);
    expect(crashes).toEqual([]);
    expect(seen).toEqual([
      { input: 'a', key: '' },
      { input: 'b', key: '' },
      { input: '甲', key: '' },
      { input: '乙', key: '' },
      { input: 'c', key: '' },
      { input: '丙丁戊', key: '' }, // the paste: text only, no Backspace, no ↑
      { input: 'j', key: '' },
      { input: '\r', key: 'return' },
    ]);
    for (const s of seen) expect(HARMFUL.test(s.input.replace('\r', '')), JSON.stringify(s)).toBe(false);
  });
});

describe("keys behind the app's stdin", () => {
  it('reach the handler as keys Ink names, one event each, with no piece of the sequence as text', async () => {
    const keys: [string, string][] = [
      ['\u001b[A', 'upArrow'],
      ['\u001b[1;5C', 'rightArrow+ctrl'],
      ['\u001b[3~', 'delete'],
      ['\u001b[3;5~', 'ctrl+delete'],
      ['\u001b[6~', 'pageDown'],
      ['\u001b[5~', 'pageUp'],
      ['\u001b[Z', 'tab'],
      ['\u001b[H', 'home'],
      ['\u001b[4~', 'end'],
      ['\u001bOB', 'downArrow'],
      ['\u001b[2$', ''], // rxvt Shift+Insert: a key Ink names "insert" (no Key flag), not text
      ['\u001b[[5~', 'pageUp'],
      ['\u001b\u001b[D', 'leftArrow'],
      ['\u001b', 'escape'],
      ['\t', 'tab'],
      ['\u007f', 'delete'],
      ['\u0013', 'ctrl'],
    ];
    const seen = await probe(keys.map(([bytes]) => bytes));
    expect(crashes).toEqual([]);
    expect(seen.map((s) => s.key)).toEqual(keys.map(([, key]) => key));
    for (const s of seen) expect(s.input === '' || s.input === 's', JSON.stringify(s)).toBe(true);
  });
});

describe('the app behind its own stdin', () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });

  function start() {
    dir = copyFixtures('diaodu-keys-');
    const session = sessionIn(dir);
    session.load();
    const app = mount(<App session={session} size={{ columns: 80, rows: 24 }} />);
    return {
      ...app,
      unmount: () => {
        app.unmount();
        session.shutdown();
      },
    };
  }

  /** The app on the home screen, a moment after it shows, for `steps`; unmounted after, whatever happens. */
  async function onHome(steps: (app: ReturnType<typeof start>) => Promise<void>): Promise<void> {
    const app = start();
    try {
      await app.waitFor('开复工率');
      await sleep(100);
      await steps(app);
    } finally {
      app.unmount();
    }
  }

  it('opens the meeting set-up on "j" and Enter in one read, after a terminal reply', async () => {
    await onHome(async (app) => {
      app.type('\u001b[0n\u001b[12;40R');
      app.type('j\r');
      await app.waitFor('会议日期');
      expect(crashes).toEqual([]);
      expect(app.frame()).not.toContain('[12;40R');
    });
  });

  it('acts on every key typed while the meeting screen opens, in order', async () => {
    await onHome(async (app) => {
      // 调度会, then at once: two fields down to 主持, clear it, a name and Enter (on to 地点), a place
      app.type('2\t\t\u0015张三\r四楼');
      await app.waitFor('会议日期');
      await app.settle();
      const lines = app.frame().split('\n');
      expect(lines.find((l) => l.includes('会议日期'))).toMatch(/会议日期 +2021-10-08/);
      expect(lines.find((l) => l.includes('主持'))).toMatch(/主持 +张三$/);
      expect(lines.find((l) => l.includes('地点'))).toMatch(/▶地点 +区政府三楼会议室四楼$/);
    });
  });

  it('inserts pasted text with escape sequences as its text only', async () => {
    await onHome(async (app) => {
      app.type('2');
      await app.waitFor('会议日期');
      await app.settle();
      app.type('\t\t\u0015');
      await app.settle();
      app.type(`${PASTE_START}甲\u001b[31m乙\u007f\u001b[A\u001b]0;T\u0007丙\r\n${PASTE_END}`);
      app.type('\u001b[0n丁');
      await app.settle();
      expect(crashes).toEqual([]);
      const lines = app.frame().split('\n');
      expect(lines.find((l) => l.includes('主持'))).toMatch(/▶主持 +甲乙丙丁$/);
      expect(lines.find((l) => l.includes('会议日期'))).toMatch(/会议日期 +2021-10-08/);
    });
  });
});
