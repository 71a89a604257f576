// The home screen's light counts come from the load cache (src/app/home-overview.ts) when the register
// and every meeting file are exactly as they were, so the first frame does not wait for the
// assessment of every project (issue 13 item 10); the assessment is then computed on first use. A
// changed, added or removed file must never show the lights of before.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { assessOnDay } from '../../src/domain/assess-on-day.js';
import { countLights } from '../../src/domain/figures.js';
import type { LightCounts } from '../../src/domain/figures.js';
import { keepHomeLights } from '../../src/app/home-overview.js';
import { Session } from '../../src/app/session.js';
import type { LoadedData } from '../../src/app/session.js';
import { LoadCache } from '../../src/store/load-cache.js';
import { loadMeetings } from '../../src/store/meeting-read.js';
import { loadRegister } from '../../src/store/register-file.js';
import { openSettings } from '../../src/store/settings.js';
import { currentHomeKey } from './sessions.js';

const FIXTURES = path.join(import.meta.dirname, 'fixtures');

/** A meeting before the register's as_of (2021-09-30) whose decision is overdue then, or not. */
function meeting(date: string, due: string, project = 'CS-002'): string {
  return [
    'meeting:',
    `  date: ${date}`,
    '  kind: 周调度',
    '  present: [区住建局]',
    '  absent: []',
    '  attending: []',
    '  register: ../register.yaml',
    '  as_of: 2021-08-31',
    '  closed: true',
    'items:',
    `  - project: ${project}`,
    '    decisions:',
    `      - id: ${date}-01`,
    '        text: 补报供热管网验收资料',
    '        unit: 区住建局',
    `        due: ${due}`,
    'followups: []',
    '',
  ].join('\n');
}

let dir: string;
let cache: LoadCache;
const registerPath = () => path.join(dir, 'register.yaml');
const meetingsDir = () => path.join(dir, 'meetings');

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'diaodu-home-lights-'));
  fs.copyFileSync(path.join(FIXTURES, 'register.yaml'), registerPath());
  fs.mkdirSync(meetingsDir());
  fs.writeFileSync(path.join(meetingsDir(), '2021-09-06-周调度.yaml'), meeting('2021-09-06', '2021-09-20'));
  cache = new LoadCache(path.join(dir, 'cache'));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

function open(): { session: Session; data: LoadedData } {
  const session = new Session({
    registerPath: registerPath(),
    meetingsDir: meetingsDir(),
    today: '2021-10-10',
    settings: openSettings({ cwd: path.join(dir, 'config') }),
    now: () => 0,
    cache,
  });
  session.load();
  const state = session.getSnapshot();
  if (state.phase !== 'ready') throw new Error(`not loaded: ${JSON.stringify(state)}`);
  return { session, data: state.data };
}

/** The lights as a full assessment of the files as they are now gives them (no cache). */
function freshLights(): LightCounts {
  const { register } = loadRegister(registerPath(), { cache: false });
  const meetings = loadMeetings(meetingsDir(), { cache: false });
  return countLights(assessOnDay(register, register.meta.asOf, meetings).assessment.statuses);
}

/** Lights no assessment of these files gives (same total, so they pass the entry's checks). */
function planted(real: LightCounts): LightCounts {
  const total = real.红 + real.黄 + real.绿;
  const fake = { 红: total, 黄: 0, 绿: 0 };
  expect(fake).not.toEqual(real);
  return fake;
}

const homeEntries = () => fs.readdirSync(cache.dir).filter((f) => f.startsWith('home-overview-'));

describe('home lights in the load cache', () => {
  it('the meeting file matters: its overdue decision changes the lights', () => {
    const withMeeting = freshLights();
    fs.writeFileSync(path.join(meetingsDir(), '2021-09-06-周调度.yaml'), meeting('2021-09-06', '2021-12-20'));
    expect(freshLights()).not.toEqual(withMeeting);
  });

  it('writes the lights on the first opening and serves them on the next, the rest on first use', () => {
    const first = open().data;
    const real = freshLights();
    expect(first.figures.lights).toEqual(real);
    expect(homeEntries()).toHaveLength(1);

    // an entry with other lights for exactly these files is what the next opening shows: a hit
    const fake = planted(real);
    keepHomeLights(cache, currentHomeKey(dir, cache), fake);
    const second = open().data;
    expect(second.figures.lights).toEqual(fake);

    // everything else is as a full assessment gives it, computed once on first use
    const full = assessOnDay(second.register, second.register.meta.asOf, second.meetings);
    expect(second.assessment).toEqual(full.assessment);
    expect(second.assessment).toBe(second.assessment);
    expect(second.ledgerAsOf).toEqual(full.ledger);
    expect(second.ledgerAsOf).toBe(second.ledgerAsOf);
    expect([...second.statusById.keys()]).toEqual(full.assessment.statuses.map((s) => s.project.id));
    expect(second.statusById).toBe(second.statusById);
    const { figures: _f, ...restFirst } = first;
    const { figures: _s, ...restSecond } = second;
    expect(restSecond).toEqual(restFirst);
  });

  const changes: [string, () => void][] = [
    [
      'the register changes',
      () => {
        const text = fs.readFileSync(registerPath(), 'utf8');
        fs.writeFileSync(registerPath(), text.replace('completed_year: 2000', 'completed_year: 9000'));
      },
    ],
    [
      'a meeting file changes',
      () =>
        fs.writeFileSync(
          path.join(meetingsDir(), '2021-09-06-周调度.yaml'),
          meeting('2021-09-06', '2021-12-20'),
        ),
    ],
    [
      'a meeting file is added',
      () =>
        fs.writeFileSync(
          path.join(meetingsDir(), '2021-09-13-周调度.yaml'),
          meeting('2021-09-13', '2021-09-14', 'CS-001'),
        ),
    ],
    ['a meeting file is removed', () => fs.rmSync(path.join(meetingsDir(), '2021-09-06-周调度.yaml'))],
    ['the meetings folder is removed', () => fs.rmSync(meetingsDir(), { recursive: true })],
  ];
  for (const [what, change] of changes) {
    it(`never shows the lights of before when ${what}`, () => {
      open();
      const fake = planted(freshLights());
      keepHomeLights(cache, currentHomeKey(dir, cache), fake);
      expect(open().data.figures.lights).toEqual(fake);

      change();
      const real = freshLights();
      const { data } = open();
      expect(data.figures.lights).toEqual(real);
      expect(data.figures.lights).toEqual(countLights(data.assessment.statuses));
      // and the next opening serves what was just computed
      expect(open().data.figures.lights).toEqual(real);
    });
  }

  it('re-reads the lights when the meetings are reloaded after a change', () => {
    const { session } = open();
    const fake = planted(freshLights());
    keepHomeLights(cache, currentHomeKey(dir, cache), fake);
    fs.writeFileSync(path.join(meetingsDir(), '2021-09-06-周调度.yaml'), meeting('2021-09-06', '2021-12-20'));
    session.reloadMeetings();
    const state = session.getSnapshot();
    if (state.phase !== 'ready') throw new Error('not ready');
    expect(state.data.figures.lights).toEqual(freshLights());
  });

  it('uses no cached lights when a meeting file has errors, and keeps none for it', () => {
    open();
    const before = homeEntries().length;
    fs.writeFileSync(path.join(meetingsDir(), '2021-09-13-周调度.yaml'), 'meeting: [\n');
    const { data } = open();
    expect(data.meetingProblems.length).toBeGreaterThan(0);
    expect(data.figures.lights).toEqual(countLights(data.assessment.statuses));
    expect(homeEntries()).toHaveLength(before);
  });

  it('ignores an entry whose lights do not add up to the register’s projects', () => {
    open();
    const real = freshLights();
    keepHomeLights(cache, currentHomeKey(dir, cache), { 红: 1, 黄: 0, 绿: 0 });
    expect(open().data.figures.lights).toEqual(real);
  });
});
