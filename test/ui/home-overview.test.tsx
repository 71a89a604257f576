// The first frame of the app is drawn from the cached home overview (src/app/home-overview.ts) when
// the register and every meeting file are exactly as they were, on the same day: after reading and
// hashing the files, before the register is parsed (issue 13 item 10). The register is loaded right
// after. A changed, added or removed file, or another day, must never show the overview of before.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { render } from 'ink-testing-library';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../src/ui/app.js';
import { Session } from '../../src/app/session.js';
import { keepHomeOverview } from '../../src/app/home-overview.js';
import type { HomeOverview } from '../../src/app/home-overview.js';
import { homeOverviewOf } from '../../src/ui/screens/home-overview.js';
import { LoadCache } from '../../src/store/load-cache.js';
import { openSettings } from '../../src/store/settings.js';
import { copyFixtures, currentHomeKey } from './sessions.js';

const MEETING = '2021-09-20-周调度.yaml';
const TODAY = '2021-10-08';

let dir: string;
let cache: LoadCache;
const registerPath = () => path.join(dir, 'register.yaml');
const meetingsDir = () => path.join(dir, 'meetings');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeEach(() => {
  dir = copyFixtures('diaodu-home-overview-', [MEETING]);
  cache = new LoadCache(path.join(dir, 'cache'));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

function newSession(today = TODAY): Session {
  return new Session({
    registerPath: registerPath(),
    meetingsDir: meetingsDir(),
    today,
    settings: openSettings({ cwd: path.join(dir, 'config') }),
    now: () => 0,
    cache,
  });
}

function renderApp(session: Session) {
  return render(<App session={session} size={{ columns: 80, rows: 24 }} />);
}

async function waitFor(app: ReturnType<typeof renderApp>, text: string): Promise<string> {
  const start = Date.now();
  for (;;) {
    const f = app.lastFrame() ?? '';
    if (f.includes(text)) return f;
    if (Date.now() - start > 10000) throw new Error(`timed out waiting for ${text}; frame:\n${f}`);
    await sleep(5);
  }
}

const overviewEntries = () => fs.readdirSync(cache.dir).filter((f) => f.startsWith('home-overview-'));

/** A first start, as the app does it on a miss: load, then draw home (which keeps the overview). */
async function firstStart(): Promise<{ frame: string; overview: HomeOverview }> {
  const session = newSession();
  expect(session.peek()).toBe(false);
  session.load();
  const state = session.getSnapshot();
  if (state.phase !== 'ready') throw new Error('not loaded');
  const app = renderApp(session);
  const frame = await waitFor(app, '上次调度会');
  await sleep(30); // the overview is kept in an effect
  app.unmount();
  return { frame, overview: homeOverviewOf(state.data) };
}

function planted(real: HomeOverview): HomeOverview {
  return { ...real, title: '另一个台账的标题', lights: { 红: 7, 黄: 8, 绿: 9 } };
}

describe('the home overview in the load cache', () => {
  it('a hit draws the first frame, identical to the loaded home, before the register is loaded', async () => {
    const first = await firstStart();
    expect(overviewEntries()).toHaveLength(1);

    const session = newSession();
    expect(session.peek()).toBe(true);
    expect(session.cachedOverview).toEqual(first.overview);
    const app = renderApp(session);
    // the very first frame: the session is not loaded yet, the home screen is all there
    expect(session.getSnapshot().phase).toBe('loading');
    expect(app.lastFrame()).toBe(first.frame);
    // the app loads right after; the home screen stays the same, and nothing new is written
    await waitFor(app, '上次调度会');
    await sleep(50);
    expect(session.getSnapshot().phase).toBe('ready');
    expect(app.lastFrame()).toBe(first.frame);
    expect(session.cachedOverview).toBeUndefined();
    expect(overviewEntries()).toHaveLength(1);
    app.unmount();
  });

  it('shows what the entry says (a planted entry is shown: a hit), then the loaded data', async () => {
    const first = await firstStart();
    keepHomeOverview(cache, currentHomeKey(dir, cache), planted(first.overview));
    const session = newSession();
    expect(session.peek()).toBe(true);
    const app = renderApp(session);
    const early = app.lastFrame() ?? '';
    expect(early).toContain('另一个台账的标题');
    expect(early).toMatch(/红\S* 7个/);
    expect(early).not.toContain('测试区2021年重点项目台账');
    // once loaded, the true figures
    const loaded = await waitFor(app, '测试区2021年重点项目台账');
    expect(loaded).toBe(first.frame);
    app.unmount();
  });

  const changes: [string, () => void][] = [
    ['the register edited', () => fs.appendFileSync(registerPath(), '\n# 注释\n')],
    [
      'the register touched (same bytes, other mtime)',
      () => fs.utimesSync(registerPath(), new Date(2001, 0, 1), new Date(2001, 0, 1)),
    ],
    ['a meeting file edited', () => fs.appendFileSync(path.join(meetingsDir(), MEETING), '\n# 注释\n')],
    [
      'a meeting file added',
      () =>
        fs.copyFileSync(
          path.join(meetingsDir(), MEETING),
          path.join(meetingsDir(), '2021-09-27-周调度.yaml'),
        ),
    ],
    ['a meeting file removed', () => fs.rmSync(path.join(meetingsDir(), MEETING))],
    ['the meetings folder removed', () => fs.rmSync(meetingsDir(), { recursive: true })],
  ];
  for (const [what, change] of changes) {
    it(`is a miss when ${what}: the loaded home is shown, never the entry`, async () => {
      const first = await firstStart();
      keepHomeOverview(cache, currentHomeKey(dir, cache), planted(first.overview));
      change();
      const session = newSession();
      expect(session.peek()).toBe(false);
      expect(session.cachedOverview).toBeUndefined();
      session.load();
      const app = renderApp(session);
      const frame = await waitFor(app, '上次调度会');
      expect(frame).not.toContain('另一个台账的标题');
      expect(frame).toContain('测试区2021年重点项目台账');
      app.unmount();
    });
  }

  it('is a miss on another day (the decisions are counted on the day)', async () => {
    const first = await firstStart();
    keepHomeOverview(cache, currentHomeKey(dir, cache), planted(first.overview));
    expect(newSession().peek()).toBe(true);
    expect(newSession('2021-10-09').peek()).toBe(false);
  });

  it('is a miss for an entry of another shape, and without a cache', async () => {
    await firstStart();
    cache.put('home-overview', currentHomeKey(dir, cache), { title: 1 });
    expect(newSession().peek()).toBe(false);
    const none = new Session({
      registerPath: registerPath(),
      meetingsDir: meetingsDir(),
      today: TODAY,
      settings: openSettings({ cwd: path.join(dir, 'config') }),
      cache: false,
    });
    expect(none.peek()).toBe(false);
  });

  it('a key pressed right at start is not lost and acts on the loaded data', async () => {
    await firstStart();
    const session = newSession();
    expect(session.peek()).toBe(true);
    const app = renderApp(session);
    // as run.ts: the key arrives while the register is loaded right after the first frame
    app.stdin.write('1');
    session.load();
    const frame = await waitFor(app, 'CS-002');
    expect(frame).not.toContain('总览');
    app.unmount();
  });
});
