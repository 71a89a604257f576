// Issue 9, item 4: a read-only meeting can be taken over on purpose — T, a y/n question naming the
// window that records it (进程号, 主机, since when) — and the window that lost it refuses every later
// save and draft (it checks its lock first), so the new holder's saves are never overwritten; what it
// was typing stays in its form. Two recorders in one process share a file as two windows would; a
// child process (test/store-write/lock-holder.mjs) is the other window in the two-process checks.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readLock } from '../../src/store/lock.js';
import type { Session } from '../../src/app/session.js';
import type { LoadedData } from '../../src/app/session.js';
import { MeetingRecorder } from '../../src/app/meeting/recorder.js';
import { MeetingDocument } from '../../src/store/meeting-document.js';
import { ROOT, ensureDist } from '../store-write/dist.js';
import { holdLock as holdLockInChild, killIfRunning } from '../store-write/hold-lock.js';
import { AT_MEETING, KEYS, meetingFileOf, openMeetingAt, startApp } from './helpers.js';
import type { Harness } from './helpers.js';
import { FIXTURE_DAY_SETUP, copyFixtures, loadReady, sessionIn } from './sessions.js';

const CHILD = path.join(import.meta.dirname, 'recorder-child.mjs');
const SINCE = '(\\d{4}-\\d\\d-\\d\\d )?\\d\\d:\\d\\d';

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length > 0) cleanups.pop()!();
});

/** A session on the register in `dir` (its meetings in dir/meetings, settings in dir/config), loaded. */
function load(dir: string): { session: Session; data: LoadedData } {
  const session = sessionIn(dir);
  return { session, data: loadReady(session) };
}

describe('two recorders of one meeting (MeetingRecorder)', () => {
  const setup = FIXTURE_DAY_SETUP;

  it('the one that lost the lock saves nothing more; the new holder records', () => {
    const dir = copyFixtures('diaodu-takeover-', []);
    const first = load(dir);
    const second = load(dir);
    const a = MeetingRecorder.start(first.session, first.data, setup);
    cleanups.push(() => {
      a.release();
      fs.rmSync(dir, { recursive: true, force: true });
    });
    expect(a.edit((doc) => doc.setItemNotes('CS-001', 'A 记的备注'))).toBeNull();

    // the second window opens it read-only and takes it over from the first, named
    const b = MeetingRecorder.start(second.session, second.data, setup);
    cleanups.push(() => b.release());
    expect(b.readOnly).toBe(true);
    expect(b.lockedBy?.pid).toBe(process.pid);
    const named = b.lockedBy!;
    expect(b.takeOver()).toMatchObject({ taken: false, holder: named }); // no question asked: refused
    expect(b.readOnly).toBe(true);
    expect(b.takeOver(named)).toEqual({ taken: true });
    expect(b.readOnly).toBe(false);
    expect(b.meeting.items.find((i) => i.project === 'CS-001')?.notes).toBe('A 记的备注');
    expect(b.edit((doc) => doc.setItemNotes('CS-001', 'B 改的备注'))).toBeNull();
    const afterB = fs.readFileSync(a.file, 'utf8');
    const lockAfterB = fs.readFileSync(`${a.file}.lock`, 'utf8');

    // the first window's next save is refused, naming the new holder; the file stays B's
    const draftFile = path.join(dir, 'meetings', '.2021-10-08-周调度.yaml.draft.json');
    fs.rmSync(draftFile, { force: true });
    const refused = a.edit((doc) =>
      doc.addDecision('CS-001', { text: 'A 的议定', unit: '区发改局', due: '2021-10-15' }),
    );
    expect(refused).toMatch(
      new RegExp(`^本会议记录已由另一窗口接管（进程号 ${process.pid}，自 ${SINCE} 起），本窗口改为只读$`),
    );
    expect(a.readOnly).toBe(true);
    expect(a.takenOverBy?.started).toBe(JSON.parse(lockAfterB).started);
    expect(fs.readFileSync(a.file, 'utf8')).toBe(afterB);
    // it shows the file as the new holder left it, writes no draft, and leaves the lock alone
    expect(a.meeting.items.find((i) => i.project === 'CS-001')?.notes).toBe('B 改的备注');
    a.writeDraft({ view: 'agenda' });
    expect(fs.existsSync(draftFile)).toBe(false);
    a.release();
    expect(fs.readFileSync(`${a.file}.lock`, 'utf8')).toBe(lockAfterB);
    expect(b.edit((doc) => doc.setItemNotes('CS-001', 'B 再改'))).toBeNull();

    // a take-over answered for a holder that has since changed is refused
    const third = load(dir);
    const c = MeetingRecorder.start(third.session, third.data, setup);
    cleanups.push(() => c.release());
    expect(c.takeOver({ ...named, started: '2021-10-08T01:00:00.000Z' })).toMatchObject({ taken: false });
    expect(c.readOnly).toBe(true);
    expect(fs.readFileSync(`${a.file}.lock`, 'utf8')).toBe(lockAfterB);
  });

  it('a folder out of reach is a failed save, not a take-over', () => {
    const dir = copyFixtures('diaodu-takeover-', []);
    const meetings = path.join(dir, 'meetings');
    const { session, data } = load(dir);
    const a = MeetingRecorder.start(session, data, setup);
    cleanups.push(() => {
      a.release();
      fs.rmSync(dir, { recursive: true, force: true });
    });
    // the shared drive goes away: the lock cannot be read, the save fails, the window keeps recording
    fs.renameSync(meetings, `${meetings}-away`);
    expect(a.edit((doc) => doc.setItemNotes('CS-001', '断开时记的'))).toMatch(/^保存失败：/);
    expect(a.readOnly).toBe(false);
    expect(a.takenOverBy).toBeNull();
    fs.renameSync(`${meetings}-away`, meetings);
    expect(a.edit((doc) => doc.setItemNotes('CS-001', '恢复后记的'))).toBeNull();
    expect(fs.readFileSync(a.file, 'utf8')).toContain('恢复后记的');
    expect(readLock(a.file)?.pid).toBe(process.pid);
  });
});

describe('a lock file removed while recording', () => {
  it('is not taken again at once (a take-over may be moving it), but once it stays gone', async () => {
    const dir = copyFixtures('diaodu-takeover-', []);
    const { session, data } = load(dir);
    const a = MeetingRecorder.start(session, data, {
      date: '2021-10-08',
      kind: '周调度',
      chair: '',
      place: '',
      attendees: [],
    });
    cleanups.push(() => {
      a.release();
      fs.rmSync(dir, { recursive: true, force: true });
    });
    fs.rmSync(`${a.file}.lock`);
    expect(a.edit((doc) => doc.setItemNotes('CS-001', '锁不在时记的'))).toBeNull();
    expect(fs.existsSync(`${a.file}.lock`)).toBe(false);
    expect(a.readOnly).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 1200));
    expect(a.edit((doc) => doc.setItemNotes('CS-001', '过一会儿记的'))).toBeNull();
    expect(readLock(a.file)?.pid).toBe(process.pid);
    expect(fs.readFileSync(a.file, 'utf8')).toContain('过一会儿记的');
  });
});

describe('two processes recording one meeting', () => {
  beforeAll(() => ensureDist(), 180_000);

  it('after the take-over none of the old recorder’s saves lands; every one of the new one’s does', async () => {
    const dir = copyFixtures('diaodu-takeover-', []);
    const child = spawn(process.execPath, [CHILD, path.join(ROOT, 'dist'), dir], {
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    cleanups.push(() => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      fs.rmSync(dir, { recursive: true, force: true });
    });
    let out = '';
    let err = '';
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        if (out.includes('ready\n')) resolve();
      });
      void exited.then(() => reject(new Error(`child exited: ${err}`)));
    });

    // this process opens the meeting read-only, then takes it over from the child, named
    const { session, data } = load(dir);
    const b = MeetingRecorder.start(session, data, FIXTURE_DAY_SETUP);
    cleanups.push(() => b.release());
    expect(b.lockedBy?.pid).toBe(child.pid);
    expect(b.takeOver(b.lockedBy!)).toEqual({ taken: true });
    child.stdin.write('taken\n');
    for (let i = 1; i <= 50; i++) {
      expect(
        b.edit((doc) => doc.addDecision('CS-004', { text: `B-${i}`, unit: '区交通局', due: '2021-10-20' })),
      ).toBeNull();
    }
    expect(await exited, err).toBe(0);
    const report = JSON.parse(out.trim().split('\n').pop()!) as {
      savedAfter: number;
      triedAfter: number;
      firstRefusal: string | null;
    };
    expect(report.triedAfter).toBe(50);
    expect(report.savedAfter).toBe(0);
    expect(report.firstRefusal).toMatch(
      new RegExp(`^本会议记录已由另一窗口接管（进程号 ${process.pid}，自 ${SINCE} 起），本窗口改为只读$`),
    );
    const decisions = MeetingDocument.open(b.file)
      .toMeeting()
      .items.find((i) => i.project === 'CS-004')!
      .decisions.map((d) => d.text);
    expect(decisions).toEqual(Array.from({ length: 50 }, (_, i) => `B-${i + 1}`));
    expect(readLock(b.file)?.pid).toBe(process.pid);
  }, 60_000);
});

describe('taking a read-only meeting over (T)', () => {
  let holder: ChildProcess | undefined;
  beforeAll(() => ensureDist(), 180_000);
  afterEach(() => {
    killIfRunning(holder);
    holder = undefined;
  });

  /** A child process that takes the meeting's lock and keeps it until killed; resolves with its pid. */
  const holdLock = async (file: string): Promise<number> =>
    (await holdLockInChild(file, (child) => (holder = child))).pid;

  /** A meeting recorded and left unfinished, then the app again on it while `hold` holds its lock. */
  async function readOnlyMeeting(): Promise<{ h: Harness; file: string; pid: number }> {
    const first = await openMeetingAt('agenda');
    first.app.unmount();
    first.session.shutdown();
    const file = meetingFileOf(first);
    const pid = await holdLock(file);
    const h = await startApp({ routes: AT_MEETING, reuseDir: first.dir });
    cleanups.push(() => h.cleanup());
    await h.waitFor('（只读）');
    return { h, file, pid };
  }

  it('asks, naming the other process; n and Esc leave it read-only', async () => {
    const { h, file, pid } = await readOnlyMeeting();
    const lockBefore = fs.readFileSync(`${file}.lock`, 'utf8');
    const question = new RegExp(
      `^接管？另一窗口（进程号 ${pid}，自 ${SINCE} 起）将不能再保存 y 接管 · n 取消$`,
    );
    for (const no of ['n', KEYS.esc]) {
      const asked = await h.press('T', '接管？');
      expect(asked.split('\n')[22]).toMatch(question);
      const after = await h.press(no, (f) => !f.includes('接管？'));
      expect(after).toContain('（只读）');
      expect(after.split('\n')[22]).toMatch(/^只读：另一个 diaodu 正在记录（进程号 \d+，.*；按 T 接管记录$/);
      expect(fs.readFileSync(`${file}.lock`, 'utf8')).toBe(lockBefore);
    }
    // still read-only: an editing key is refused
    await h.press(KEYS.down);
    expect(await h.press('x', '不能移出议程')).toContain('（只读）');
  }, 60_000);

  it('takes over with y; the other process ending later does not remove the new lock', async () => {
    const { h, file, pid } = await readOnlyMeeting();
    await h.press('T', '接管？');
    const taken = await h.press('y', '已接管记录');
    expect(taken.split('\n')[0]).toMatch(/^ diaodu › 调度会 2021-10-08 +议程 共3项$/);
    expect(taken.split('\n')[22]).toMatch(
      new RegExp(`^已接管记录（原为进程号 ${pid}，自 ${SINCE} 起），另一窗口此后不能保存$`),
    );
    expect(taken.split('\n')[23]).toBe('Enter 打开  f 落实  a 议定  ↑↓ 移动  Esc 返回  ? 帮助  Ctrl+C 退出');
    expect(readLock(file)?.pid).toBe(process.pid);
    // it records: a decision is saved to the file
    await h.press(KEYS.down);
    await h.press('a', '新增议定事项');
    await h.press('接管后议定');
    await h.press(KEYS.ctrlS, '仍要保存'); // no 责任人: asked once
    await h.press('y', '已保存议定事项');
    expect(fs.readFileSync(file, 'utf8')).toContain('接管后议定');
    // the process that lost the lock quits: its release leaves our lock in place
    const exited = new Promise((resolve) => holder!.once('exit', resolve));
    holder!.kill('SIGTERM');
    await exited;
    expect(readLock(file)?.pid).toBe(process.pid);
  }, 60_000);

  it('the window that lost the meeting refuses the save and keeps the typed text', async () => {
    // window A records; window B (same process, same folder) opens it read-only and takes it over
    const a = await openMeetingAt('form');
    cleanups.push(() => a.cleanup());
    await a.press('A 窗口正在输入的议定');
    const file = meetingFileOf(a);

    const b = await startApp({ routes: AT_MEETING, reuseDir: a.dir });
    cleanups.push(() => {
      b.app.unmount();
      b.session.shutdown();
    });
    await b.waitFor('（只读）');
    await b.press('T', '接管？');
    // A's half-typed decision was in its draft: it comes back in B, as after a crash
    const taken = await b.press('y', '已接管记录');
    expect(taken.split('\n')[22]).toMatch(/^已接管记录（原为进程号 \d+，.*），已恢复其正在输入的内容$/);
    expect(taken).toContain('A 窗口正在输入的议定');
    await b.press(KEYS.esc, '放弃正在输入的内容？');
    await b.press('y', (f) => !f.includes('新增议定事项'));
    await b.press('a', '新增议定事项');
    await b.press('B 窗口的议定');
    await b.press(KEYS.ctrlS, '仍要保存'); // no 责任人: asked once
    await b.press('y', '已保存议定事项');
    const afterB = fs.readFileSync(file, 'utf8');
    expect(afterB).toContain('B 窗口的议定');

    // A saves: refused, the form and its text stay, the file is B's
    await a.press(KEYS.ctrlS, '仍要保存'); // no 责任人: asked once
    const refused = await a.press('y', '接管');
    const lines = refused.split('\n');
    expect(lines[0]).toMatch(/^ diaodu › 调度会 2021-10-08（只读）/);
    expect(lines[22]).toMatch(
      new RegExp(`^本会议记录已由另一窗口接管（进程号 ${process.pid}，自 ${SINCE} 起），本窗口改为只读$`),
    );
    expect(refused).toContain('A 窗口正在输入的议定');
    expect(fs.readFileSync(file, 'utf8')).toBe(afterB);
    expect(readLock(file)?.pid).toBe(process.pid);
    // B goes on recording
    await b.press('a', '新增议定事项');
    await b.press('B 第二项');
    await b.press(KEYS.ctrlS, '仍要保存'); // no 责任人: asked once
    await b.press('y', '已保存议定事项');
    expect(fs.readFileSync(file, 'utf8')).toContain('B 第二项');
    expect(fs.readFileSync(file, 'utf8')).not.toContain('A 窗口正在输入的议定');
  }, 60_000);
});
