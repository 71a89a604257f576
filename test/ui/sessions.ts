// The app's session for the screen and recorder tests, without rendering: a temporary copy of the
// fixtures of test/ui/fixtures, and a Session on a folder (its clock at 0), loaded.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Session } from '../../src/app/session.js';
import type { LoadedData } from '../../src/app/session.js';
import type { MeetingSetup } from '../../src/app/meeting/recorder.js';
import { openSettings } from '../../src/store/settings.js';
import { homeKey } from '../../src/app/home-overview.js';
import type { CacheInput, LoadCache } from '../../src/store/load-cache.js';
import { loadMeetings } from '../../src/store/meeting-read.js';
import { loadRegister } from '../../src/store/register-file.js';

export const FIXTURES = path.join(import.meta.dirname, 'fixtures');

/**
 * A new temporary folder (its name starting with `prefix`) holding the fixture register and a
 * `meetings` folder with the fixture meetings named, or all of them.
 */
export function copyFixtures(prefix: string, meetings: 'all' | string[] = 'all'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  fs.mkdirSync(path.join(dir, 'meetings'));
  const names = meetings === 'all' ? fs.readdirSync(path.join(FIXTURES, 'meetings')) : meetings;
  for (const f of names) fs.copyFileSync(path.join(FIXTURES, 'meetings', f), path.join(dir, 'meetings', f));
  fs.copyFileSync(path.join(FIXTURES, 'register.yaml'), path.join(dir, 'register.yaml'));
  return dir;
}

/**
 * A session on the register and meetings in `dir`, its settings in dir/config, on 2021-10-08 with
 * its clock at 0 — unless the options say otherwise. Not loaded yet.
 */
export function sessionIn(
  dir: string,
  options: {
    registerPath?: string | undefined;
    meetingsDir?: string | undefined;
    today?: string | undefined;
    settings?: ReturnType<typeof openSettings> | undefined;
    now?: (() => number) | undefined;
  } = {},
): Session {
  return new Session({
    registerPath: options.registerPath ?? path.join(dir, 'register.yaml'),
    meetingsDir: options.meetingsDir ?? path.join(dir, 'meetings'),
    today: options.today ?? '2021-10-08',
    settings: options.settings ?? openSettings({ cwd: path.join(dir, 'config') }),
    now: options.now ?? (() => 0),
  });
}

/** The set-up of a meeting on the fixture day as the recorder tests start it: 马占文 chairs, 区发改局 出席. */
export const FIXTURE_DAY_SETUP: MeetingSetup = {
  date: '2021-10-08',
  kind: '周调度',
  chair: '马占文',
  place: '',
  attendees: [{ name: '区发改局', mark: '出席' }],
};

/** Loads the session and returns its data; throws when it did not load. */
export function loadReady(session: Session): LoadedData {
  session.load();
  const state = session.getSnapshot();
  if (state.phase !== 'ready') throw new Error(`not loaded: ${JSON.stringify(state)}`);
  return state.data;
}

/**
 * The key of the home cache entry (app/home-overview.ts) for dir/register.yaml and dir/meetings as
 * they are now, as the loaders report their inputs.
 */
export function currentHomeKey(dir: string, cache: LoadCache): CacheInput[] {
  let reg: CacheInput[] | undefined;
  let met: CacheInput[] | undefined;
  loadRegister(path.join(dir, 'register.yaml'), { cache, onInputs: (i) => (reg = i) });
  loadMeetings(path.join(dir, 'meetings'), { cache, onInputs: (i) => (met = i) });
  if (!reg || !met) throw new Error('the loaders reported no inputs');
  return homeKey(reg, met);
}
