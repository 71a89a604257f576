// Helpers for the screen tests: a session on a copy of the fixtures, the app rendered at a fixed size,
// and waiting for a frame (keys are handled asynchronously by Ink).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { render } from 'ink-testing-library';
import { App } from '../../src/ui/app.js';
import { Session } from '../../src/ui/hooks/session.js';
import type { Route } from '../../src/ui/screens/navigation.js';
import { openSettings } from '../../src/store/settings.js';

export const FIXTURES = path.join(import.meta.dirname, 'fixtures');

export interface Harness {
  dir: string;
  meetingsDir: string;
  session: Session;
  app: ReturnType<typeof render>;
  frame(): string;
  /** the frame with the temporary folder written as <tmp> (paths in frames) */
  shown(): string;
  /** write keys, then wait until the frame contains `until` (or settles); returns shown() */
  press(keys: string, until?: string | RegExp): Promise<string>;
  waitFor(until: string | RegExp, timeoutMs?: number): Promise<string>;
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
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const SETTLE_MS = Number(process.env.SETTLE_MS ?? 100);

export async function startApp(
  options: {
    today?: string;
    routes?: Route[];
    size?: { columns: number; rows: number };
    withMeetings?: boolean;
    register?: string;
    /** start again on the folder of an earlier harness (its files as they were left) */
    reuseDir?: string;
  } = {},
): Promise<Harness> {
  const dir = options.reuseDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'diaodu-ui-'));
  const meetingsDir = path.join(dir, 'meetings');
  if (!options.reuseDir) fs.mkdirSync(meetingsDir);
  if (!options.reuseDir && options.withMeetings !== false) {
    for (const f of fs.readdirSync(path.join(FIXTURES, 'meetings'))) {
      fs.copyFileSync(path.join(FIXTURES, 'meetings', f), path.join(meetingsDir, f));
    }
  }
  fs.copyFileSync(path.join(FIXTURES, 'register.yaml'), path.join(dir, 'register.yaml'));
  const settings = openSettings({ cwd: path.join(dir, 'config') });
  settings.set('outputDir', path.join(dir, 'out'));
  const session = new Session({
    registerPath: options.register ?? path.join(dir, 'register.yaml'),
    meetingsDir,
    today: options.today ?? '2021-10-08',
    settings,
    now: () => 0,
  });
  session.load();
  const app = render(
    <App session={session} size={options.size ?? { columns: 80, rows: 24 }} initialRoutes={options.routes} />,
  );
  const frame = () => app.lastFrame() ?? '';
  const shown = () => frame().split(dir).join('<tmp>');
  const waitFor = async (until: string | RegExp, timeoutMs = 3000) => {
    const start = Date.now();
    for (;;) {
      const f = frame();
      if (typeof until === 'string' ? f.includes(until) : until.test(f)) {
        // the screen that drew this frame subscribes to keys in an effect just after
        await sleep(SETTLE_MS);
        return shown();
      }
      if (Date.now() - start > timeoutMs)
        throw new Error(`timed out waiting for ${String(until)}; frame:\n${f}`);
      await sleep(5);
    }
  };
  const press = async (keys: string, until?: string | RegExp) => {
    app.stdin.write(keys);
    if (until !== undefined) return waitFor(until);
    // let Ink parse (an Esc waits one tick for a sequence) and React commit
    await sleep(40);
    return shown();
  };
  await sleep(30);
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
      app.unmount();
      session.shutdown();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
