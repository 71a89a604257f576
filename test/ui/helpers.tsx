// Helpers for the screen tests: a session on a copy of the fixtures, the app rendered at a fixed size,
// and waiting for a frame (keys are handled asynchronously by Ink).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { render } from 'ink-testing-library';
import { App } from '../../src/ui/app.js';
import type { Session } from '../../src/app/session.js';
import type { Route } from '../../src/ui/screens/navigation.js';
import { openSettings } from '../../src/store/settings.js';
import { FIXTURES, copyFixtures, sessionIn } from './sessions.js';

export { FIXTURES };

/** What a frame must show: a text, a pattern, or any test of the whole frame. */
export type Until = string | RegExp | ((frame: string) => boolean);

function shows(frame: string, until: Until): boolean {
  if (typeof until === 'string') return frame.includes(until);
  if (until instanceof RegExp) return until.test(frame);
  return until(frame);
}

export interface Harness {
  dir: string;
  meetingsDir: string;
  session: Session;
  app: ReturnType<typeof render>;
  frame(): string;
  /** the frame with the temporary folder written as <tmp> (paths in frames) */
  shown(): string;
  /**
   * Write keys, then wait until the frame contains `until` — or, without `until`, until the frame
   * has changed (a key that changes nothing on screen waits a second). Returns shown().
   */
  press(keys: string, until?: Until): Promise<string>;
  waitFor(until: Until, timeoutMs?: number): Promise<string>;
  cleanup(): void;
}

export const KEYS = {
  up: '\u001b[A',
  down: '\u001b[B',
  right: '\u001b[C',
  left: '\u001b[D',
  enter: '\r',
  esc: '\u001b',
  tab: '\t',
  shiftTab: '\u001b[Z',
  backspace: '\u007f',
  ctrlS: '\u0013',
  ctrlC: '\u0003',
  pageDown: '\u001b[6~',
  home: '\u001b[H',
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const SETTLE_MS = Number(process.env.SETTLE_MS ?? 100);
/** how long `press` waits for a key to change the frame before it takes it that nothing changes */
const CHANGE_TIMEOUT_MS = 1000;

export interface StartOptions {
  today?: string;
  routes?: Route[];
  size?: { columns: number; rows: number };
  withMeetings?: boolean;
  register?: string;
  /** start again on the folder of an earlier harness (its files as they were left) */
  reuseDir?: string;
  /** called when the app quits (Ctrl+C) */
  onQuit?: () => void;
  /** the session's clock (ms); default always 0 */
  now?: () => number;
}

export async function startApp(options: StartOptions = {}): Promise<Harness> {
  const dir = options.reuseDir ?? copyFixtures('diaodu-ui-', options.withMeetings === false ? [] : 'all');
  const meetingsDir = path.join(dir, 'meetings');
  // a folder used before gets the fixture register again; its meetings are as they were left
  fs.copyFileSync(path.join(FIXTURES, 'register.yaml'), path.join(dir, 'register.yaml'));
  const settings = openSettings({ cwd: path.join(dir, 'config') });
  settings.set('outputDir', path.join(dir, 'out'));
  const session = sessionIn(dir, {
    registerPath: options.register,
    today: options.today,
    settings,
    now: options.now,
  });
  session.load();
  const app = render(
    <App
      session={session}
      size={options.size ?? { columns: 80, rows: 24 }}
      initialRoutes={options.routes}
      {...(options.onQuit ? { onQuit: options.onQuit } : {})}
    />,
  );
  const frame = () => app.lastFrame() ?? '';
  const shown = () => frame().split(dir).join('<tmp>');
  const waitFor = async (until: Until, timeoutMs = 10000) => {
    const start = Date.now();
    for (;;) {
      const f = frame();
      if (shows(f, until)) {
        // the screen that drew this frame subscribes to keys in an effect just after
        await sleep(SETTLE_MS);
        return shown();
      }
      if (Date.now() - start > timeoutMs)
        throw new Error(`timed out waiting for ${String(until)}; frame:\n${f}`);
      await sleep(5);
    }
  };
  const press = async (keys: string, until?: Until) => {
    const before = frame();
    app.stdin.write(keys);
    if (until !== undefined) return waitFor(until);
    // No fixed sleep: on a loaded machine Ink may take longer to parse (an Esc waits a tick for a
    // sequence) and React to commit. Wait for the frame to change, then as long as waitFor does.
    const start = Date.now();
    while (frame() === before && Date.now() - start < CHANGE_TIMEOUT_MS) await sleep(5);
    await sleep(SETTLE_MS);
    return shown();
  };
  await sleep(30);
  let cleanedUp = false;
  return {
    dir,
    meetingsDir,
    session,
    app,
    frame,
    shown,
    press,
    waitFor,
    cleanup: () => {
      if (cleanedUp) return;
      cleanedUp = true;
      app.unmount();
      session.shutdown();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The routes that open the app on the meeting screen, over the home screen (where Esc goes back). */
export const AT_MEETING: Route[] = [{ screen: 'home' }, { screen: 'meeting' }];

/** The meeting file of the fixture day (2021-10-08, 周调度) in a harness's meetings folder. */
export const meetingFileOf = (h: Harness): string => path.join(h.meetingsDir, '2021-10-08-周调度.yaml');

/**
 * The app opened on the meeting screen and taken, with the fixtures as they are, up to a stage:
 * `set-up` the set-up form; `agenda` the meeting started (Ctrl+S); `project` its first agenda
 * project (CS-001) open; `form` the decision form open on it. Options as for startApp.
 */
export async function openMeetingAt(
  stage: 'set-up' | 'agenda' | 'project' | 'form',
  options: StartOptions = {},
): Promise<Harness> {
  const h = await startApp({ routes: AT_MEETING, ...options });
  try {
    await h.waitFor('会议日期');
    if (stage === 'set-up') return h;
    await h.press(KEYS.ctrlS, '已建立会议记录');
    if (stage === 'agenda') return h;
    await h.press(KEYS.down);
    await h.press(KEYS.enter, '第1/3项');
    if (stage === 'project') return h;
    await h.press('a', '新增议定事项');
    return h;
  } catch (e) {
    h.cleanup();
    throw e;
  }
}

/** Tab from field to field of a form, waiting at each for the field named (e.g. '▶责任人'). */
export async function tabThrough(h: Harness, ...fields: string[]): Promise<string> {
  let shown = h.shown();
  for (const field of fields) shown = await h.press(KEYS.tab, field);
  return shown;
}
