// File names and command-line values are echoed in errors, hints and "已写入 …": a register named
// with an OSC 52 clipboard write or a clear-screen sequence, `items --unit $'\e]52;…'`, must be
// printed as visible text, never as bytes the terminal acts on (issue 9, item 11). Every command is
// run through dispatch, as `diaodu` runs it, on files and folders whose names carry ESC, BEL, C1
// codes and a bidi override, and its stdout and stderr are scanned for them.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch, type DispatchEnv } from '../../src/commands/dispatch.js';
import { safeLinesToEcho, safeToEcho } from '../../src/text/sanitize.js';
import { expectHarmless } from './hostile-fixture.js';

const FIXTURES = path.join(import.meta.dirname, '..', 'ui', 'fixtures');

/** What a terminal would act on: an OSC 52 clipboard write, clear screen, C1 CSI, bidi override. */
const EVIL = '\u001b]52;c;aGk=\u0007\u001b[2J\u009b31m\u202e';
/** The same, as it must be shown: every control character as a visible escape. */
const SHOWN = '\\x1b]52;c;aGk=\\x07\\x1b[2J\\x9b31m\\u202e';

let root: string;
let env: DispatchEnv;
const register = `台账${EVIL}.yaml`;
const meetings = `会议${EVIL}`;
const inFolder = `区${EVIL}`; // a folder: the register in it has a meetings folder beside it

beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'diaodu-hostile-args-'));
  const copyMeetings = (to: string) => {
    fs.mkdirSync(to, { recursive: true });
    for (const f of fs.readdirSync(path.join(FIXTURES, 'meetings'))) {
      // the meeting names its register: ../register.yaml
      fs.copyFileSync(path.join(FIXTURES, 'meetings', f), path.join(to, f));
    }
  };
  fs.copyFileSync(path.join(FIXTURES, 'register.yaml'), path.join(root, register));
  fs.copyFileSync(path.join(FIXTURES, 'register.yaml'), path.join(root, 'register.yaml'));
  copyMeetings(path.join(root, meetings));
  fs.mkdirSync(path.join(root, inFolder));
  fs.copyFileSync(path.join(FIXTURES, 'register.yaml'), path.join(root, inFolder, 'register.yaml'));
  copyMeetings(path.join(root, inFolder, 'meetings'));
  env = { today: () => '2021-10-08', cwd: root, packageDir: root, version: '0.0.0' };
});

afterAll(() => {
  fs.rmSync(root, { recursive: true, force: true });
});

async function run(argv: string[]): Promise<{ stdout: string; stderr: string; exitCode: number }> {
  const r = await dispatch(argv, env);
  if (r.kind !== 'result') throw new Error(`${argv.join(' ')}: opened the app`);
  return r;
}

/** stdout and stderr hold nothing a terminal acts on; the echoed value is there, visibly. */
function expectShown(r: { stdout: string; stderr: string }, where: string, shown = SHOWN): void {
  expectHarmless(r.stdout, `${where} stdout`);
  expectHarmless(r.stderr, `${where} stderr`);
  expect(r.stdout + r.stderr, where).toContain(shown);
}

describe('safeToEcho', () => {
  it('shows every control character as a visible escape and leaves the rest alone', () => {
    expect(safeToEcho(`台账${EVIL}.yaml`)).toBe(`台账${SHOWN}.yaml`);
    expect(safeToEcho('a\tb\nc\u007f\u0085\u2066')).toBe('a\\x09b\\x0ac\\x7f\\x85\\u2066');
    expect(safeToEcho('seeds/平鲁区2021年台账.yaml')).toBe('seeds/平鲁区2021年台账.yaml');
    expect(safeToEcho(safeToEcho(EVIL))).toBe(SHOWN); // twice is once
    expect(safeLinesToEcho(`一${EVIL}\n二\n`)).toBe(`一${SHOWN}\n二\n`);
  });
});

describe('commands echo hostile names and values as visible text', () => {
  it('check: the lagging hint names the register and the meetings folder', async () => {
    const r = await run(['check', register, '--meetings', meetings]);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('详见：diaodu lagging');
    expectShown(r, 'check');
  });

  it('check and lagging: the hint about the meetings folder beside the register', async () => {
    for (const command of ['check', 'lagging']) {
      const r = await run([command, path.join(inFolder, 'register.yaml')]);
      expect(r.exitCode).toBe(0);
      expect(r.stderr).toContain('没有加 --meetings');
      expectShown(r, command);
    }
  });

  it('items: a --unit or --project that matches nothing', async () => {
    for (const option of ['--unit', '--project']) {
      const r = await run(['items', '--meetings', meetings, '--date', '2021-10-08', option, EVIL]);
      expectShown(r, `items ${option}`);
    }
  });

  it('minutes and bulletin: "已写入" names the output file', async () => {
    const meeting = fs.readdirSync(path.join(root, meetings))[0]!;
    const out = [
      ['minutes', path.join(meetings, meeting), '--out', `纪要${EVIL}.md`],
      ['bulletin', register, '--meetings', meetings, '--out', `通报${EVIL}.txt`],
      ['bulletin', register, '--meetings', meetings, '--out', `通报${EVIL}.docx`],
    ];
    for (const argv of out) {
      const r = await run(argv);
      expect(r.exitCode, r.stderr).toBe(0);
      expect(r.stderr).toContain('已写入');
      expectShown(r, argv.join(' '));
    }
    // written again: the file exists, and the error names it
    const again = await run(out[0]!);
    expect(again.exitCode).toBe(2);
    expectShown(again, 'minutes, output exists');
  });

  it('bad input: files and folders that do not exist, wrong values, unknown options and commands', async () => {
    // [argv, whether the message quotes the hostile value]
    const cases: [string[], boolean][] = [
      [['check', `无${EVIL}.yaml`], true],
      [['lagging', register, '--meetings', `无${EVIL}`], true],
      [['items', '--meetings', register], true],
      [['items', '--meetings', meetings, '--date', EVIL], true],
      [['items', '--meetings', meetings, '--state', EVIL], true],
      [['bulletin', register, '--month', EVIL], true],
      [['bulletin', register, '--format', EVIL], true],
      [['bulletin', register, '--out', `通报${EVIL}.pdf`], true],
      [['check', register, '--script', EVIL], true],
      [['check', register, '--format', EVIL], false],
      [['minutes', register], true],
      [['import', `表${EVIL}.xlsx`], true],
      [['check', register, `多余${EVIL}`], true],
      [['check', `--x${EVIL}`], false], // named as far as an option name goes: --x
      [['help', EVIL], true],
      [[`无${EVIL}.yaml`], true],
    ];
    for (const [argv, quotes] of cases) {
      const r = await run(argv);
      const where = JSON.stringify(argv);
      expect(r.exitCode, `${where}: ${r.stderr}`).toBe(2);
      expectHarmless(r.stdout, `${where} stdout`);
      expectHarmless(r.stderr, `${where} stderr`);
      if (quotes) expect(r.stderr, where).toContain(SHOWN);
    }
  });
});
