import { spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { InputError } from '../../src/domain/types.js';
import {
  acquireMeetingLock,
  lockPathFor,
  MeetingLockedError,
  processStartTicks,
  readLock,
  releaseLockOnExit,
} from '../../src/store/lock.js';
import type { LockInfo } from '../../src/store/lock.js';
import { ensureDist } from './dist.js';
import { holdLock, killIfRunning } from './hold-lock.js';

let dir: string;
let file: string;
const children: ChildProcess[] = [];
beforeAll(() => ensureDist(), 180_000);
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'diaodu-lock-'));
  file = path.join(dir, '2021-11-15-周调度.yaml');
});
afterEach(() => {
  for (const c of children.splice(0)) killIfRunning(c);
  fs.rmSync(dir, { recursive: true, force: true });
});

function refusal(fn: () => unknown): MeetingLockedError {
  try {
    fn();
  } catch (error) {
    if (error instanceof MeetingLockedError) return error;
    throw error;
  }
  throw new Error('expected the lock to be refused');
}

function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
  return Number(child.stdout.toString());
}

function writeLock(info: LockInfo): void {
  fs.writeFileSync(lockPathFor(file), JSON.stringify(info));
}

/** Start a child that holds the lock; resolves once it says so. */
const startHolder = () => holdLock(file, (child) => children.push(child));

function exited(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
  }
  return new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
}

describe('acquireMeetingLock', () => {
  it('writes who holds the lock next to the meeting file and removes it on release', () => {
    const lock = acquireMeetingLock(file);
    expect(lock.lockFile).toBe(`${file}.lock`);
    const info = readLock(file);
    expect(info).toEqual(lock.info);
    expect(info?.pid).toBe(process.pid);
    expect(info?.hostname).toBe(os.hostname());
    expect(Number.isNaN(new Date(info?.started ?? '').getTime())).toBe(false);
    lock.release();
    expect(fs.existsSync(lock.lockFile)).toBe(false);
    lock.release(); // twice is harmless
  });

  it('refuses a second recorder, naming the process that holds it and since when', () => {
    const started = new Date(2021, 10, 15, 9, 5);
    const lock = acquireMeetingLock(file, { now: () => started });
    const e = refusal(() => acquireMeetingLock(file));
    expect(e).toBeInstanceOf(InputError);
    expect(e.holder.pid).toBe(process.pid);
    expect(e.message).toContain(`进程号 ${process.pid}`);
    expect(e.message).toContain('自 2021-11-15 09:05 起');
    expect(e.message).toContain('只读');
    expect(e.diagnostics[0]?.file).toBe(file);
    lock.release();
    acquireMeetingLock(file).release();
  });

  it('refuses while another live process holds it; that process releases it on SIGTERM', async () => {
    const { child, pid } = await startHolder();
    expect(pid).not.toBe(process.pid);
    const e = refusal(() => acquireMeetingLock(file));
    expect(e.message).toContain(`进程号 ${pid}`);
    child.kill('SIGTERM');
    const { signal } = await exited(child);
    expect(signal).toBe('SIGTERM'); // the signal still ends the process after the lock is released
    expect(fs.existsSync(lockPathFor(file))).toBe(false);
    acquireMeetingLock(file).release();
  });

  it('releases on SIGINT too', async () => {
    const { child } = await startHolder();
    child.kill('SIGINT');
    await exited(child);
    expect(fs.existsSync(lockPathFor(file))).toBe(false);
  });

  it('takes over the lock of a killed process', async () => {
    const { child, pid } = await startHolder();
    child.kill('SIGKILL');
    await exited(child);
    expect(readLock(file)?.pid).toBe(pid); // SIGKILL leaves the lock behind
    const lock = acquireMeetingLock(file);
    expect(readLock(file)?.pid).toBe(process.pid);
    lock.release();
    expect(fs.readdirSync(dir)).toEqual([]); // nothing of the stale lock is left
  });

  it('takes over a lock whose pid is dead', () => {
    const pid = deadPid();
    writeLock({ pid, hostname: os.hostname(), user: 'x', started: new Date().toISOString() });
    const lock = acquireMeetingLock(file);
    expect(readLock(file)?.pid).toBe(process.pid);
    lock.release();
  });

  it('another host: refused while recent, taken over when very old', () => {
    const started = new Date(2021, 10, 15, 9, 0);
    writeLock({ pid: 1, hostname: 'other-laptop', user: '王秘书', started: started.toISOString() });
    const e = refusal(() => acquireMeetingLock(file, { now: () => new Date(2021, 10, 15, 11, 0) }));
    expect(e.message).toContain('主机 other-laptop');
    expect(e.message).toContain('用户 王秘书');
    const lock = acquireMeetingLock(file, { now: () => new Date(2021, 10, 16, 9, 0) });
    expect(readLock(file)?.hostname).toBe(os.hostname());
    lock.release();
  });

  it('an unreadable lock file is respected for a moment, then taken over', () => {
    fs.writeFileSync(lockPathFor(file), '');
    const mtime = fs.statSync(lockPathFor(file)).mtime;
    refusal(() => acquireMeetingLock(file, { now: () => mtime }));
    const lock = acquireMeetingLock(file, { now: () => new Date(mtime.getTime() + 60_000) });
    expect(readLock(file)?.pid).toBe(process.pid);
    lock.release();
  });

  it('release leaves alone a lock that is no longer ours', () => {
    const lock = acquireMeetingLock(file);
    const theirs = { pid: 4242, hostname: 'h', user: 'u', started: new Date().toISOString() };
    writeLock(theirs);
    lock.release();
    expect(readLock(file)).toEqual(theirs);
  });

  it('records the boot and the start time of the process that holds it (Linux)', () => {
    const lock = acquireMeetingLock(file);
    const info = readLock(file);
    if (process.platform === 'linux') {
      expect(info?.bootId).toBe(fs.readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim());
      expect(info?.pidStart).toBe(processStartTicks(process.pid));
      expect(info?.pidStart).toBeGreaterThan(0);
    }
    lock.release();
  });

  // issue 9: after a reboot pid 1 (or any pid) belongs to another process; its lock must not keep the
  // meeting read-only forever
  it('takes over a lock from an earlier boot even though its pid is alive now', () => {
    writeLock({
      pid: 1,
      hostname: os.hostname(),
      user: 'x',
      started: new Date().toISOString(),
      bootId: 'an-earlier-boot',
      pidStart: 1,
    });
    const lock = acquireMeetingLock(file, { bootId: () => 'this-boot', isAlive: () => true });
    expect(readLock(file)?.pid).toBe(process.pid);
    lock.release();
  });

  it('takes over a lock whose pid now belongs to a process that started at another time', () => {
    const live = { pid: process.pid, hostname: os.hostname(), user: 'x', started: new Date().toISOString() };
    writeLock({ ...live, bootId: 'b', pidStart: 12345 });
    const options = { bootId: () => 'b', isAlive: () => true };
    refusal(() => acquireMeetingLock(file, { ...options, processStart: () => 12345 }));
    const lock = acquireMeetingLock(file, { ...options, processStart: () => 99999 });
    expect(readLock(file)?.pidStart).not.toBe(12345);
    lock.release();
  });

  it('an old lock without boot id: stale when taken before this boot, read and honoured otherwise', () => {
    const booted = new Date(2021, 10, 15, 8, 0).getTime();
    const old = { pid: 1, hostname: os.hostname(), user: 'x' };
    fs.writeFileSync(
      lockPathFor(file),
      JSON.stringify({ ...old, started: new Date(2021, 10, 15, 10, 0).toISOString() }),
    );
    expect(readLock(file)).toEqual({ ...old, started: new Date(2021, 10, 15, 10, 0).toISOString() });
    const options = { bootId: () => 'b', isAlive: () => true, bootTimeMs: () => booted };
    refusal(() => acquireMeetingLock(file, options)); // taken after the boot, pid alive: a live holder
    writeLock({ ...old, started: new Date(2021, 10, 14, 17, 0).toISOString() }); // the day before
    const lock = acquireMeetingLock(file, options);
    expect(readLock(file)?.pid).toBe(process.pid);
    lock.release();
  });

  it('takeOver takes the lock from the holder named, only from that one', async () => {
    const { pid } = await startHolder();
    const holder = refusal(() => acquireMeetingLock(file)).holder;
    expect(holder.pid).toBe(pid);
    const someoneElse = { ...holder, started: new Date(0).toISOString() };
    refusal(() => acquireMeetingLock(file, { takeOver: someoneElse }));
    const lock = acquireMeetingLock(file, { takeOver: holder });
    expect(readLock(file)?.pid).toBe(process.pid);
    expect(lock.held()).toBe(true);
    lock.release();
    expect(lock.held()).toBe(false);
  });

  it('a missing folder is an InputError in Chinese', () => {
    expect(() => acquireMeetingLock(path.join(dir, 'nope', 'm.yaml'))).toThrow(/不存在/);
  });

  it('releaseLockOnExit returns a function that removes its handlers', () => {
    const lock = acquireMeetingLock(file);
    const before = process.listenerCount('SIGTERM');
    const remove = releaseLockOnExit(lock);
    expect(process.listenerCount('SIGTERM')).toBe(before + 1);
    remove();
    expect(process.listenerCount('SIGTERM')).toBe(before);
    lock.release();
  });
});
