// The app's start (src/ui/run.ts) peeks into the load cache for the home screen's first frame, then
// loads: each register and meeting file is hashed once in all, and the home screen's derived figures
// (lights, overview) live in one cache entry (src/app/home-overview.ts), read once.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Session } from '../../src/app/session.js';
import { homeOverviewOf } from '../../src/ui/screens/home-overview.js';
import { LoadCache } from '../../src/store/load-cache.js';
import { openSettings } from '../../src/store/settings.js';
import { copyFixtures } from '../ui/sessions.js';

// Every SHA-1 computed, by what it was computed over (the real hash is computed: only counted).
const hashed = vi.hoisted(() => ({ inputs: [] as Buffer[] }));
vi.mock('node:crypto', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:crypto')>();
  const createHash = (algorithm: string, options?: object) => {
    const hash = real.createHash(algorithm, options);
    if (algorithm !== 'sha1') return hash;
    const update = hash.update.bind(hash) as (data: unknown, encoding?: unknown) => unknown;
    (hash as { update: unknown }).update = (data: unknown, encoding?: unknown) => {
      if (typeof data !== 'string') hashed.inputs.push(Buffer.from(data as Uint8Array));
      update(data, encoding);
      return hash;
    };
    return hash;
  };
  return { ...real, default: { ...real, createHash }, createHash };
});

const MEETING = '2021-09-20-周调度.yaml';

let dir: string;
let cache: LoadCache;
const registerPath = () => path.join(dir, 'register.yaml');
const meetingsDir = () => path.join(dir, 'meetings');

beforeEach(() => {
  dir = copyFixtures('diaodu-session-start-', [MEETING]);
  cache = new LoadCache(path.join(dir, 'cache'));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

function newSession(): Session {
  return new Session({
    registerPath: registerPath(),
    meetingsDir: meetingsDir(),
    today: '2021-10-08',
    settings: openSettings({ cwd: path.join(dir, 'config') }),
    now: () => 0,
    cache,
  });
}

/** A start as run.ts does it: peek, then load; the home screen then keeps its overview. */
function start(): boolean {
  const session = newSession();
  const early = session.peek();
  session.load();
  const state = session.getSnapshot();
  if (state.phase !== 'ready') throw new Error(`not loaded: ${JSON.stringify(state)}`);
  session.keepOverview(state.data, homeOverviewOf(state.data));
  return early;
}

/** How many SHA-1s were computed over exactly the bytes of `file`. */
const timesHashed = (file: string) => {
  const bytes = fs.readFileSync(file);
  return hashed.inputs.filter((b) => b.equals(bytes)).length;
};

describe('the start', () => {
  it('hashes each register and meeting file once, on a miss and on a hit', () => {
    for (const expected of [false, true]) {
      hashed.inputs = [];
      expect(start()).toBe(expected);
      expect(timesHashed(registerPath())).toBe(1);
      expect(timesHashed(path.join(meetingsDir(), MEETING))).toBe(1);
    }
  });

  it('a file changed between the peek and the load (same size and mtime) is loaded as it is', () => {
    const when = new Date(2021, 9, 8, 9, 0, 0);
    fs.utimesSync(registerPath(), when, when);
    start();
    const session = newSession();
    expect(session.peek()).toBe(true);
    const text = fs.readFileSync(registerPath(), 'utf8');
    const edited = text.replace('测试区2021年重点项目台账', '测试区2021年重点项目台帐');
    expect(Buffer.byteLength(edited)).toBe(Buffer.byteLength(text));
    fs.writeFileSync(registerPath(), edited);
    fs.utimesSync(registerPath(), when, when);
    hashed.inputs = [];
    session.load();
    expect(timesHashed(registerPath())).toBe(1);
    const state = session.getSnapshot();
    if (state.phase !== 'ready') throw new Error('not loaded');
    expect(state.data.register.meta.title).toBe('测试区2021年重点项目台帐');
  });

  it('keeps the home screen’s lights and overview in one cache entry', () => {
    start();
    const home = () => fs.readdirSync(cache.dir).filter((f) => f.startsWith('home'));
    expect(home()).toHaveLength(1);
    expect(start()).toBe(true);
    expect(home()).toHaveLength(1);
  });
});
