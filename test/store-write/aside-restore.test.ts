// A save's compare-and-swap (atomic-write.ts writeFileIfUnchanged) moves the meeting file aside for a
// moment. CI found two ways an older version came back (stop 15): a dead writer's stale copy put back
// while a live window was mid-swap, and the first of several dead copies put back rather than the last.
// And a take-over read the file at the moment it was aside and reported it missing.
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { restoreAsideFiles, swapInProgress, writeFileIfUnchanged } from '../../src/store/atomic-write.js';
import { MeetingDocument } from '../../src/store/meeting-document.js';

let dir: string;
let target: string;
const children: ChildProcess[] = [];
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'diaodu-aside-'));
  target = path.join(dir, '2021-11-15-周调度.yaml');
});
afterEach(() => {
  for (const c of children.splice(0)) c.kill('SIGKILL');
  fs.rmSync(dir, { recursive: true, force: true });
});

const meetingText = (chair: string): string =>
  `meeting:\n  date: 2021-11-15\n  kind: 周调度\n  chair: ${chair}\nitems: []\nfollowups: []\n`;
const OLDER = meetingText('旧版本');
const LATEST = meetingText('最新版本');

function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
  return Number(child.stdout.toString());
}

async function livePid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
  children.push(child);
  await new Promise((resolve) => child.on('spawn', resolve));
  return child.pid!;
}

const asideName = (pid: number, hex: string): string => `.${path.basename(target)}.${pid}.${hex}.aside`;

/** Move `target` (holding `text`) aside under `name`, as a save does: rename sets the copy's ctime. */
function moveAside(text: string, name: string): string {
  fs.writeFileSync(target, text);
  const aside = path.join(dir, name);
  fs.renameSync(target, aside);
  return aside;
}

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('restoreAsideFiles', () => {
  it('leaves a file a live window has moved aside alone, even with an older dead copy beside it', async () => {
    moveAside(OLDER, asideName(deadPid(), 'aaaaaaaa'));
    await pause(30); // file times are coarse: the live window's copy is moved aside clearly later
    const live = await livePid();
    moveAside(LATEST, asideName(live, 'bbbbbbbb'));
    expect(swapInProgress(target)).toBe(true);
    expect(restoreAsideFiles(dir)).toEqual([]);
    expect(fs.existsSync(target)).toBe(false);

    // the window dies mid-swap: its copy, moved aside last, is the meeting's latest content
    children.pop()!.kill('SIGKILL');
    await pause(100);
    expect(swapInProgress(target)).toBe(false);
    expect(restoreAsideFiles(dir)).toEqual([target]);
    expect(fs.readFileSync(target, 'utf8')).toBe(LATEST);
  });

  it('puts back a copy aside for over a minute even when its pid is alive again (pids are reused)', async () => {
    const live = await livePid();
    moveAside(LATEST, asideName(live, 'dddddddd'));
    expect(restoreAsideFiles(dir)).toEqual([]);
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(Date.now() + 61_000);
      expect(swapInProgress(target)).toBe(false);
      expect(restoreAsideFiles(dir)).toEqual([target]);
    } finally {
      vi.useRealTimers();
    }
    expect(fs.readFileSync(target, 'utf8')).toBe(LATEST);
  });

  it.each([
    ['aaaaaaaa', 'ffffffff'],
    ['ffffffff', 'aaaaaaaa'],
  ])('of two dead copies puts back the one moved aside last (names %s then %s)', async (first, second) => {
    const pid = deadPid();
    moveAside(OLDER, asideName(pid, first));
    await pause(30);
    moveAside(LATEST, asideName(pid, second));
    expect(restoreAsideFiles(dir)).toEqual([target]);
    expect(fs.readFileSync(target, 'utf8')).toBe(LATEST);
    // the older copy stays beside the file until the next open removes it (removeStaleTempFiles)
    expect(fs.readdirSync(dir).sort()).toEqual([asideName(pid, first), path.basename(target)].sort());
  });
});

describe('MeetingDocument.open while another window saves', () => {
  it('waits for the swap to end instead of reporting the file missing', async () => {
    moveAside(OLDER, asideName(deadPid(), 'aaaaaaaa')); // a stale copy from an old crash
    fs.writeFileSync(target, LATEST);
    const child = spawn(
      process.execPath,
      [
        '-e',
        // the other window's save: the file is aside for 150 ms, then in place again
        `const fs = require('fs');
         const [target, aside] = process.argv.slice(1);
         fs.renameSync(target, aside.replace('PID', process.pid));
         process.stdout.write('aside\\n');
         process.stdin.once('data', () => setTimeout(() => {
           fs.linkSync(aside.replace('PID', process.pid), target);
           fs.unlinkSync(aside.replace('PID', process.pid));
           process.exit(0);
         }, 150));`,
        target,
        path.join(dir, asideName(0, 'cccccccc').replace('.0.', '.PID.')),
      ],
      { stdio: ['pipe', 'pipe', 'inherit'] },
    );
    children.push(child);
    await new Promise<void>((resolve) => child.stdout!.once('data', () => resolve()));
    expect(fs.existsSync(target)).toBe(false);
    child.stdin!.write('go\n'); // the file comes back 150 ms from now
    // blocks this thread: only the other process can put the file back meanwhile
    const doc = MeetingDocument.open(target);
    expect(doc.toMeeting().meeting.chair).toBe('最新版本');
  });

  it('still says the file is missing, in Chinese, when no save is under way', () => {
    expect(() => MeetingDocument.open(target)).toThrow(`找不到会议记录 ${target}`);
  });
});

describe('writeFileIfUnchanged compares what is on disk, whatever its size', () => {
  // the compare reads into one reused buffer (atomic-write.ts compareBytesOrNull); files larger than it
  // and files smaller after larger ones must compare exactly, to the last byte
  it.each([10, 200_000, 3_000_000, 17_000_000, 100])('%d bytes', (size) => {
    const text = 'x'.repeat(size - 1) + '\n';
    fs.writeFileSync(target, text);
    const almost = 'x'.repeat(size - 1) + '\r';
    const refused = writeFileIfUnchanged(target, LATEST, almost);
    expect(refused.written).toBe(false);
    expect(refused.written === false && refused.current === text).toBe(true);
    expect(writeFileIfUnchanged(target, LATEST, text)).toEqual({ written: true });
    expect(fs.readFileSync(target, 'utf8')).toBe(LATEST);
    expect(writeFileIfUnchanged(target, text, LATEST)).toEqual({ written: true });
    expect(fs.readFileSync(target, 'utf8')).toBe(text);
  });
});
