// A lock file is whole from the moment it exists (store/lock.ts createLockFile): its content is written
// to a file of its own and linked to the lock's name. Made by open and write, it was empty for a moment,
// and a window that lost the meeting just then named its new holder "进程号未知" (seen in CI:
// test/ui/take-over.test.tsx). Here every write the lock module makes is watched: while any content is
// being written, the lock's name must not exist yet.
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';

const watch = vi.hoisted(() => ({ lockFile: '', seen: [] as (string | null)[], noLinks: false }));

vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs')>();
  const writeSync = ((...args: Parameters<typeof real.writeSync>) => {
    if (watch.lockFile) {
      watch.seen.push(real.existsSync(watch.lockFile) ? real.readFileSync(watch.lockFile, 'utf8') : null);
    }
    return (real.writeSync as (...a: unknown[]) => number)(...args);
  }) as typeof real.writeSync;
  // a file system without hard links (some network and FAT mounts)
  const linkSync = ((...args: Parameters<typeof real.linkSync>) => {
    if (watch.noLinks)
      throw Object.assign(new Error('EPERM: operation not permitted, link'), { code: 'EPERM' });
    return real.linkSync(...args);
  }) as typeof real.linkSync;
  return { ...real, default: { ...real, writeSync, linkSync }, writeSync, linkSync };
});

const fs = await import('node:fs');
const { acquireMeetingLock, lockPathFor, readLock } = await import('../../src/store/lock.js');

let dir: string;
let file: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'diaodu-lock-whole-'));
  file = path.join(dir, '2021-11-15-周调度.yaml');
  watch.lockFile = lockPathFor(file);
  watch.seen = [];
});
afterEach(() => {
  watch.lockFile = '';
  watch.noLinks = false;
  fs.rmSync(dir, { recursive: true, force: true });
});

it('never shows an empty lock: the name appears with its content', () => {
  const lock = acquireMeetingLock(file);
  expect(watch.seen.length).toBeGreaterThan(0);
  expect(watch.seen).toEqual(watch.seen.map(() => null));
  expect(readLock(file)?.pid).toBe(process.pid);
  // only the lock is left beside the meeting: the file it was written to is gone
  expect(fs.readdirSync(dir)).toEqual([path.basename(lockPathFor(file))]);
  lock.release();
  expect(fs.readdirSync(dir)).toEqual([]);
});

it('never shows an empty lock when taking one over either', () => {
  const first = acquireMeetingLock(file);
  const holder = readLock(file)!;
  watch.seen = [];
  // the person confirmed the take-over of this very holder (the T key)
  const second = acquireMeetingLock(file, { takeOver: holder, now: () => new Date(Date.now() + 1000) });
  expect(watch.seen.length).toBeGreaterThan(0);
  // while the new content was written, the name held the old holder's lock or nothing: never an empty file
  expect(watch.seen.every((s) => s === null || readable(s))).toBe(true);
  expect(first.held()).toBe(false);
  expect(second.held()).toBe(true);
  second.release();
});

it('makes the lock in place where the file system has no hard links', () => {
  watch.noLinks = true;
  const lock = acquireMeetingLock(file);
  expect(readLock(file)?.pid).toBe(process.pid);
  expect(fs.readdirSync(dir)).toEqual([path.basename(lockPathFor(file))]);
  expect(() => acquireMeetingLock(file)).toThrow(/进程号/);
  lock.release();
  expect(fs.readdirSync(dir)).toEqual([]);
});

function readable(content: string): boolean {
  try {
    return typeof (JSON.parse(content) as { pid?: unknown }).pid === 'number';
  } catch {
    return false;
  }
}
