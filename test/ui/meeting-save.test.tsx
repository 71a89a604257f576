// A record that cannot be lost or doubled (issue 9, items 1, 2 and 5): a save that fails (disk full)
// leaves the meeting in memory exactly as the file is and the typed text in the form, so a retry saves
// it once, under one id, and 放弃 really forgets it; Ctrl+C after a failed save asks instead of
// quitting; no 0-byte temp file is left; a closed meeting is reopened only when asked to.
// The disk is "full" by a failing write: node:fs is wrapped so that writes to chosen files throw
// ENOSPC the way the kernel does (the file is created, the write fails).
import * as path from 'node:path';
import * as fs from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadMeeting } from '../../src/store/meeting-read.js';
import { draftPathFor } from '../../src/app/meeting/drafts.js';
import { KEYS, meetingFileOf, openMeetingAt, tabThrough } from './helpers.js';
import type { Harness } from './helpers.js';

const disk = vi.hoisted(() => ({
  /** which files cannot be written (the disk is full for them) */
  full: (_file: string): boolean => false,
  files: new Map<number, string>(),
}));

vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs')>();
  const noSpace = (file: string) =>
    Object.assign(new Error(`ENOSPC: no space left on device, write '${file}'`), {
      code: 'ENOSPC',
      errno: -28,
      syscall: 'write',
      path: file,
    });
  const openSync = ((file: fs.PathLike, flags?: fs.OpenMode, mode?: fs.Mode | null) => {
    const fd = real.openSync(file, flags ?? 'r', mode);
    disk.files.set(fd, String(file));
    return fd;
  }) as typeof fs.openSync;
  const writeSync = ((fd: number, ...rest: unknown[]) => {
    const file = disk.files.get(fd);
    if (file !== undefined && disk.full(file)) throw noSpace(file);
    return (real.writeSync as (...args: unknown[]) => number)(fd, ...rest);
  }) as typeof fs.writeSync;
  const writeFileSync = ((file: fs.PathOrFileDescriptor, data: unknown, options?: unknown) => {
    if (typeof file === 'string' && disk.full(file)) {
      real.writeFileSync(file, ''); // created, then nothing fits
      throw noSpace(file);
    }
    (real.writeFileSync as (...args: unknown[]) => void)(file, data, options);
  }) as typeof fs.writeFileSync;
  const mocked = { ...real, openSync, writeSync, writeFileSync };
  return { ...mocked, default: mocked };
});

let h: Harness;
let quits = 0;
afterEach(() => {
  disk.full = () => false;
  h?.cleanup();
});

const meetingFile = () => meetingFileOf(h);
const everything = () => true;
/** the meeting file's temp files only: the draft can still be written */
const meetingOnly = (file: string) => /周调度\.yaml\.\d+\.[0-9a-f]{8}\.tmp$/.test(file);

/** Files in the meetings folder that are temp files or empty. */
function leftovers(): string[] {
  return fs
    .readdirSync(h.meetingsDir)
    .filter((n) => n.endsWith('.tmp') || fs.statSync(path.join(h.meetingsDir, n)).size === 0);
}

async function meetingWithDecisionTyped(text: string): Promise<void> {
  quits = 0;
  h = await openMeetingAt('agenda', { onQuit: () => quits++ });
  await h.press(KEYS.down);
  await h.press('a', '新增议定事项');
  // a 责任人 first, so that saving asks nothing (an empty one is asked about), then back to the text
  await tabThrough(h, '▶牵头单位', '▶配合单位', '▶责任人');
  await h.press('王强', '王强');
  await h.press(KEYS.shiftTab, '▶配合单位');
  await h.press(KEYS.shiftTab, '▶牵头单位');
  await h.press(KEYS.shiftTab, '▶议定事项');
  await h.press(text, text);
}

describe('a failed save', () => {
  it('keeps the text in the form and the meeting as on disk; the retry saves it once, under one id', async () => {
    await meetingWithDecisionTyped('尽快制定复工方案');
    const before = fs.readFileSync(meetingFile(), 'utf8');
    disk.full = everything;
    expect(await h.press(KEYS.ctrlS, '保存失败')).toContain('磁盘空间已满');
    await h.press(KEYS.ctrlS);
    const twice = await h.press(KEYS.ctrlS);
    // nothing was saved, and nothing is shown as saved: the page lists no decision yet
    expect(fs.readFileSync(meetingFile(), 'utf8')).toBe(before);
    expect(twice).toContain('本次议定事项（0）');
    expect(twice).toContain('尽快制定复工方案');
    expect(leftovers()).toEqual([]);
    disk.full = () => false;
    await h.press(KEYS.ctrlS, '已保存议定事项 2021-10-08-01');
    const decisions = loadMeeting(meetingFile()).items.flatMap((i) => i.decisions);
    expect(decisions.map((d) => [d.id, d.text])).toEqual([['2021-10-08-01', '尽快制定复工方案']]);
    expect(leftovers()).toEqual([]);
  });

  it('放弃 after a failed save forgets the decision: the next good save does not write it', async () => {
    await meetingWithDecisionTyped('尽快制定复工方案');
    disk.full = everything;
    await h.press(KEYS.ctrlS, '保存失败');
    await h.press(KEYS.esc, '放弃正在输入的内容？');
    await h.press('y', (f) => !f.includes('新增议定事项'));
    disk.full = () => false;
    await h.press(KEYS.esc, '议程 共3项');
    await h.press('f', '本次尚未听取');
    await h.press('y', '2021-09-20-01：已落实');
    const m = loadMeeting(meetingFile());
    expect(m.items.flatMap((i) => i.decisions)).toEqual([]);
    expect(m.followups.map((f) => [f.decision, f.status])).toEqual([['2021-09-20-01', '已落实']]);
  });

  it('Ctrl+C right after it says that unsaved work exists and asks; n goes back to the form', async () => {
    await meetingWithDecisionTyped('尽快制定复工方案');
    disk.full = everything;
    // typed on the full disk: the draft cannot take it
    await h.press('。', '尽快制定复工方案。');
    await h.press(KEYS.ctrlS, '保存失败');
    const asked = await h.press(KEYS.ctrlC, '仍要退出');
    expect(asked).toContain('未保存');
    expect(asked).toContain('尽快制定复工方案');
    expect(quits).toBe(0);
    // the draft could not be written either: the question says so
    expect(asked).toContain('草稿也无法写入');
    const back = await h.press('n', '新增议定事项');
    expect(back).toContain('尽快制定复工方案');
    expect(quits).toBe(0);
    await h.press(KEYS.ctrlC, '仍要退出');
    await h.press('y');
    expect(quits).toBe(1);
    expect(leftovers()).toEqual([]);
  });

  it('when only the meeting file fails, the typed text is in the draft and the question says so', async () => {
    await meetingWithDecisionTyped('尽快制定复工方案');
    disk.full = meetingOnly;
    await h.press(KEYS.ctrlS, '保存失败');
    const draft = JSON.stringify(JSON.parse(fs.readFileSync(draftPathFor(meetingFile()), 'utf8')));
    expect(draft).toContain('尽快制定复工方案');
    const asked = await h.press(KEYS.ctrlC, '仍要退出');
    expect(asked).toContain('已存入草稿');
    await h.press('y');
    expect(quits).toBe(1);
    expect(leftovers()).toEqual([]);
  });

  it('closing the window writes the draft the full disk refused, once there is room again', async () => {
    await meetingWithDecisionTyped('尽快制定复工方案');
    disk.full = everything;
    await h.press(KEYS.ctrlS, '保存失败');
    await h.press('，月底前报区政府', '月底前报区政府');
    expect(fs.readFileSync(draftPathFor(meetingFile()), 'utf8')).not.toContain('月底前报区政府');
    disk.full = () => false;
    // what SIGHUP does (run.ts): the screens go away, the shutdown hooks run
    h.app.unmount();
    h.session.shutdown();
    expect(fs.readFileSync(draftPathFor(meetingFile()), 'utf8')).toContain(
      '尽快制定复工方案，月底前报区政府',
    );
    expect(fs.existsSync(`${meetingFile()}.lock`)).toBe(false);
    expect(leftovers()).toEqual([]);
  });

  it('a quit with nothing unsaved does not ask', async () => {
    await meetingWithDecisionTyped('尽快制定复工方案');
    await h.press(KEYS.ctrlC);
    expect(quits).toBe(1);
  });
});

describe('reopening a closed meeting', () => {
  it('is asked for: typing its date in 开会 does not silently flip closed back to false', async () => {
    quits = 0;
    h = await openMeetingAt('agenda');
    await h.press('C', '结束会议？');
    await h.press('y', '会议已结束');
    expect(loadMeeting(meetingFile()).meeting.closed).toBe(true);
    await h.press(KEYS.esc, '总览');
    await h.press('2', '会议日期');
    const asked = await h.press(KEYS.ctrlS, '已结束');
    expect(asked).toContain('重新打开');
    expect(loadMeeting(meetingFile()).meeting.closed).toBe(true);
    // n: nothing changes, back in the form
    await h.press('n', '▶会议日期');
    expect(loadMeeting(meetingFile()).meeting.closed).toBe(true);
    await h.press(KEYS.ctrlS, '已结束');
    await h.press('y', '已重新打开');
    expect(loadMeeting(meetingFile()).meeting.closed).toBe(false);
  });
});
