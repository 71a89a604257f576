// The interactive screens show text from files as harmless text: with the hostile register and
// meetings (hostile-fixture.ts) every frame of the home screen, the project list, a project's page,
// the ledger and the meeting (set-up, follow-ups, agenda, one project) holds no escape sequence but
// Ink's own styling — the same styling the clean twin's frames use — and no control character.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSettings } from '../../src/store/settings.js';
import { HARMFUL, VISIBLE, clean, expectHarmless, hostile, writeFixture } from './hostile-fixture.js';

// Ink styles only when colour is on (chalk decides when it is first imported): turn it on before
// Ink is loaded, so that the frames carry Ink's real styling and the comparison below means something.
process.env.FORCE_COLOR = '1';
const { render } = await import('ink-testing-library');
const { App } = await import('../../src/ui/app.js');
const { Session } = await import('../../src/app/session.js');

const KEYS = { down: '\u001b[B', enter: '\r', esc: '\u001b', ctrlS: '\u0013', pageDown: '\u001b[6~' };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Ink's styling: SGR sequences only (colour, bold, dim, inverse and their resets). */
const SGR = /\u001b\[[0-9;]*m/g;

interface Frames {
  /** step name → the frame drawn there */
  frames: Map<string, string>;
  /** the steps whose screen showed its marker */
  reached: Set<string>;
}

/**
 * Walks the app through its screens at 100×32 and keeps each frame. A step whose screen does not
 * show its marker in time keeps the frame as it is (a screen under construction still must not
 * pass hostile text through).
 */
async function walk(dir: string): Promise<Frames> {
  const session = new Session({
    registerPath: path.join(dir, 'register.yaml'),
    meetingsDir: path.join(dir, 'meetings'),
    today: '2021-10-15',
    settings: openSettings({ cwd: path.join(dir, 'config') }),
    now: () => 0,
  });
  session.load();
  const app = render(<App session={session} size={{ columns: 100, rows: 32 }} />);
  const frames = new Map<string, string>();
  const reached = new Set<string>();
  const frame = () => app.lastFrame() ?? '';
  /** Waits for a new frame (after keys) that shows the marker. */
  const waitFor = async (marker: RegExp, before: string | null, timeoutMs = 3000) => {
    const start = Date.now();
    const ready = () => (before === null || frame() !== before) && marker.test(frame());
    while (!ready() && Date.now() - start < timeoutMs) await sleep(5);
    await sleep(60); // the screen subscribes to keys in an effect after drawing
  };
  const step = async (name: string, keys: string, marker: RegExp, changes = true) => {
    const before = keys && changes ? frame() : null;
    if (keys) app.stdin.write(keys);
    const start = Date.now();
    await waitFor(marker, before);
    if (process.env.DUMP_FRAMES) console.log(`${name} (${Date.now() - start} ms)\n${frame()}`);
    frames.set(name, frame());
    if (marker.test(frame())) reached.add(name);
  };
  try {
    await step('home', '', /开复工率/);
    await step('projects', '1', /显示\d+个/);
    await step('project', KEYS.enter, /滞后原因/);
    await step('project, next page', KEYS.pageDown, /议定事项|存在问题/, false);
    await step('back to the list', KEYS.esc, /显示\d+个/);
    await step('home again', KEYS.esc, /开复工率/);
    await step('ledger', '3', /督办/);
    await step('home from the ledger', KEYS.esc, /开复工率/);
    await step('meeting set-up', '2', /开会/);
    await step('agenda', KEYS.ctrlS, /议程/);
    await step('follow-ups', KEYS.enter, /落实/);
    await step('agenda again', KEYS.esc, /议程/);
    await step('agenda, second row', KEYS.down, /议程/, false);
    await step('agenda project', KEYS.enter, /本次议定事项/);
  } finally {
    app.unmount();
    session.shutdown();
  }
  return { frames, reached };
}

let root: string;
let bad: Frames;
let good: Frames;

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'diaodu-hostile-ui-'));
  const badDir = writeFixture(root, 'hostile', hostile).dir;
  const goodDir = writeFixture(root, 'clean', clean).dir;
  bad = await walk(badDir);
  good = await walk(goodDir);
}, 60_000);

afterAll(() => {
  fs.rmSync(root, { recursive: true, force: true });
});

describe('screens show hostile text harmlessly', () => {
  it('walks the same screens with the hostile and the clean data', () => {
    expect([...bad.frames.keys()]).toEqual([...good.frames.keys()]);
    expect(bad.frames.size).toBeGreaterThanOrEqual(10);
    // The walk really got to the screens that show file text (else the checks below see little).
    for (const step of ['home', 'projects', 'project', 'ledger', 'agenda', 'follow-ups', 'agenda project']) {
      expect(good.reached.has(step), `clean: ${step}`).toBe(true);
      expect(bad.reached.has(step), `hostile: ${step}`).toBe(true);
    }
  });

  it('draws no escape sequence but the styling the clean frames use', () => {
    const allowed = new Set<string>();
    for (const f of good.frames.values()) for (const m of f.match(SGR) ?? []) allowed.add(m);
    // Colour is on: the clean frames do carry styling (the selected row in inverse video at least).
    expect(allowed.has('\u001b[7m')).toBe(true);
    for (const [name, f] of bad.frames) {
      for (const m of f.match(SGR) ?? []) {
        expect(allowed.has(m), `${name}: styling ${JSON.stringify(m)} the clean frames never use`).toBe(true);
      }
      // With Ink's styling taken out, nothing a terminal acts on is left: no stray ESC, no OSC
      // title or hyperlink, no BEL, NUL, C1 code or bidi override.
      expectHarmless(f.replace(SGR, ''), name);
    }
  });

  it('still shows the names, as text, where the clean data shows them', () => {
    const seen = (words: string, frames: Frames) =>
      [...frames.frames.values()].filter((f) => f.replace(SGR, '').includes(words)).length;
    // The project list and the project page name the hostile project; its visible words are there.
    expect(seen('光伏组件项目', good)).toBeGreaterThan(0);
    expect(seen('光伏组件项目', bad)).toBeGreaterThan(0);
    const plain = [...bad.frames.values()].map((f) => f.replace(SGR, '')).join('\n');
    expect(plain).toContain(VISIBLE[0]!);
    // and the clean frames are themselves harmless (the comparison above is against a sane base)
    for (const [name, f] of good.frames) expect(HARMFUL.test(f.replace(SGR, '')), name).toBe(false);
  });

  it('keeps every frame inside the screen width (hostile text does not push lines out)', () => {
    const width = (line: string) => {
      let w = 0;
      for (const ch of line.replace(SGR, ''))
        w +=
          /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(
            ch,
          )
            ? 2
            : 1;
      return w;
    };
    for (const [name, f] of bad.frames) {
      for (const line of f.split('\n')) {
        expect(width(line), `${name}: ${JSON.stringify(line)}`).toBeLessThanOrEqual(100);
      }
    }
  });
});

// ---- file and folder names on screen (issue 9, item 11) ----------------------------------------

/** An OSC 52 clipboard write, clear screen, BEL, C1 CSI and a bidi override in a name. */
const EVIL = '\u001b]52;c;aGk=\u0007\u001b[2J\u009b31m\u202e';
/** How it must show: every control character as a visible escape. */
const EVIL_SHOWN = '\\x1b]52;c;aGk=\\x07\\x1b[2J\\x9b31m\\u202e';

describe('file and folder names with escape sequences show as visible text', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dh-'));
    writeFixture(dir, 'clean', clean);
  });
  afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const expectShownSafely = (frame: string, where: string) => {
    expectHarmless(frame.replace(SGR, ''), where);
    expect(frame, where).toContain(EVIL_SHOWN);
  };

  async function open(registerPath: string, meetingsDir: string) {
    const session = new Session({
      registerPath,
      meetingsDir,
      today: '2021-10-15',
      settings: openSettings({ cwd: path.join(dir, 'config') }),
      now: () => 0,
    });
    session.load();
    // wide enough for the whole path on one line
    const app = render(<App session={session} size={{ columns: 140, rows: 32 }} />);
    const waitFor = async (marker: string) => {
      const start = Date.now();
      while (!(app.lastFrame() ?? '').includes(marker) && Date.now() - start < 3000) await sleep(5);
      await sleep(60);
      return app.lastFrame() ?? '';
    };
    return { app, session, waitFor };
  }

  it('the meetings folder in 设置 and in the status line when a meeting is opened', async () => {
    const meetingsDir = path.join(dir, `会议${EVIL}`);
    fs.mkdirSync(meetingsDir);
    const { app, session, waitFor } = await open(path.join(dir, 'clean', 'register.yaml'), meetingsDir);
    try {
      await waitFor('开复工率');
      app.stdin.write('5');
      expectShownSafely(await waitFor('本次用'), 'settings');
      app.stdin.write(KEYS.esc);
      await waitFor('开复工率');
      app.stdin.write('2');
      await waitFor('会议日期');
      app.stdin.write(KEYS.ctrlS);
      expectShownSafely(await waitFor('已建立会议记录'), 'meeting opened');
    } finally {
      app.unmount();
      session.shutdown();
    }
  });

  it('the name of a register that cannot be opened', async () => {
    const file = path.join(dir, `台账${EVIL}.yaml`);
    fs.writeFileSync(file, 'register:\n  title: 测试\nprojects: 7\n');
    const { app, session, waitFor } = await open(file, path.join(dir, 'meetings'));
    try {
      expectShownSafely(await waitFor('台账无法打开'), 'register problems');
    } finally {
      app.unmount();
      session.shutdown();
    }
  });
});
