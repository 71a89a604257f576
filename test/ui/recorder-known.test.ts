// Starting a meeting takes what the session already read (its meetings) instead of parsing every
// meeting file again; files the session could not read (syntax errors) are still scanned, so an id
// written in a damaged file is never handed out again.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Session } from '../../src/app/session.js';
import type { LoadedData } from '../../src/app/session.js';
import { MeetingRecorder, issueNumberFor, unfinishedMeeting } from '../../src/app/meeting/recorder.js';
import { FIXTURE_DAY_SETUP, copyFixtures, loadReady, sessionIn } from './sessions.js';

// readFileSync passes through to the real one; the test counts which meeting files it read.
vi.mock('node:fs', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs')>();
  const readFileSync = vi.fn(actual.readFileSync);
  return { ...actual, default: { ...actual, readFileSync }, readFileSync };
});

const setup = FIXTURE_DAY_SETUP;

let dir: string;
let meetingsDir: string;
let recorder: MeetingRecorder | undefined;

beforeEach(() => {
  dir = copyFixtures('diaodu-known-', ['2021-09-20-周调度.yaml']);
  meetingsDir = path.join(dir, 'meetings');
});

afterEach(() => {
  recorder?.release();
  recorder = undefined;
  fs.rmSync(dir, { recursive: true, force: true });
});

function loadSession(): { session: Session; data: LoadedData } {
  const session = sessionIn(dir, { meetingsDir });
  return { session, data: loadReady(session) };
}

/** The files in the meetings folder that readFileSync read since `since` calls. */
function meetingFilesRead(since: number): string[] {
  const calls = vi.mocked(fs.readFileSync).mock.calls.slice(since);
  return calls
    .map((c) => String(c[0]))
    .filter((f) => path.dirname(path.resolve(f)) === meetingsDir && /\.ya?ml$/.test(f))
    .map((f) => path.basename(f));
}

describe('starting a meeting with the session’s meetings', () => {
  it('does not read the valid meeting files again', () => {
    const { session, data } = loadSession();
    expect(data.meetings).toHaveLength(1);
    const before = vi.mocked(fs.readFileSync).mock.calls.length;
    expect(unfinishedMeeting(meetingsDir, data)).toBeUndefined();
    expect(issueNumberFor(meetingsDir, '周调度', '2021-10-08', data)).toBe(2);
    recorder = MeetingRecorder.start(session, data, setup);
    expect(recorder.resumed).toBe(false);
    // only the meeting being recorded is touched (saved, then checked on disk), never the earlier one
    expect(meetingFilesRead(before).filter((f) => f !== '2021-10-08-周调度.yaml')).toEqual([]);
    // ids of the earlier meeting are still taken: the new one counts from its own date
    recorder.edit((doc) => {
      doc.addDecision(doc.toMeeting().items[0]!.project, {
        text: '加快进度',
        unit: '区发改局',
        due: '2021-10-15',
      });
    });
    expect(recorder.meeting.items[0]!.decisions[0]!.id).toBe('2021-10-08-01');
  });

  it('numbers the meeting being recorded without reading its file (the 1.3 MB agenda at 10,000 projects)', () => {
    const { session, data } = loadSession();
    recorder = MeetingRecorder.start(session, data, setup);
    const before = vi.mocked(fs.readFileSync).mock.calls.length;
    expect(issueNumberFor(meetingsDir, '周调度', '2021-10-08', data, recorder.meeting)).toBe(2);
    // the session read the earlier meeting; the new one is taken as recorded, not parsed again
    expect(meetingFilesRead(before)).toEqual([]);
  });

  it('without the session’s data reads them as before', () => {
    loadSession();
    const before = vi.mocked(fs.readFileSync).mock.calls.length;
    expect(issueNumberFor(meetingsDir, '周调度', '2021-10-08')).toBe(2);
    expect(meetingFilesRead(before)).toEqual(['2021-09-20-周调度.yaml']);
  });

  it('still scans a file with a syntax error, so its ids are never handed out again', () => {
    // a damaged file of the same day holding 2021-10-08-01 (a second 周调度 under another name)
    fs.writeFileSync(
      path.join(meetingsDir, 'damaged.yaml'),
      'meeting:\n  date: 2021-10-07\n  kind: 专题\nitems:\n  - project: CS-001\n    decisions: [ {id: 2021-10-08-01\n',
    );
    const { session, data } = loadSession();
    expect(data.meetingProblems.length).toBeGreaterThan(0);
    const before = vi.mocked(fs.readFileSync).mock.calls.length;
    recorder = MeetingRecorder.start(session, data, setup);
    expect(meetingFilesRead(before)).toContain('damaged.yaml');
    recorder.edit((doc) => {
      doc.addDecision(doc.toMeeting().items[0]!.project, {
        text: '加快进度',
        unit: '区发改局',
        due: '2021-10-15',
      });
    });
    expect(recorder.meeting.items[0]!.decisions[0]!.id).toBe('2021-10-08-02');
  });
});
