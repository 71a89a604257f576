// Moving between agenda items saves the meeting (an item opened is marked `discussed`, the time spent
// on the one left is added to its `seconds`) without writing out or reading the whole agenda again
// for each key: with the 5,000-item agenda of the 10,000-project bench every such save took ~0.5 s
// (docs/bench.md, 2026-12-04). Counted, not timed: the whole-document render and read are spied on.
import * as fs from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadMeeting } from '../../src/store/meeting-read.js';
import { MeetingDocument } from '../../src/store/meeting-document.js';
import { KEYS, meetingFileOf, openMeetingAt } from './helpers.js';
import type { Harness } from './helpers.js';

let h: Harness;
afterEach(() => {
  vi.restoreAllMocks();
  h?.cleanup();
});

const meetingFile = () => meetingFileOf(h);

describe('moving between agenda items', () => {
  it('saves each item opened and the time spent without rendering or reading the whole agenda per key', async () => {
    let clock = 0;
    h = await openMeetingAt('agenda', { now: () => clock });
    // from here on (the meeting open), no key writes out or reads the whole document
    const renderAll = vi.spyOn(MeetingDocument.prototype, 'renderAll');
    const readAll = vi.spyOn(MeetingDocument.prototype, 'readAll');
    await h.press(KEYS.down);
    await h.press(KEYS.enter, '第1/3项');
    expect(loadMeeting(meetingFile()).items[0]!.discussed).toBe(true);

    const saved = (): string => fs.readFileSync(meetingFile(), 'utf8');
    const before = saved();
    clock += 3_000;
    await h.press(KEYS.right, '第2/3项');
    clock += 4_000;
    await h.press(KEYS.right, '第3/3项');
    clock += 2_000;
    await h.press(KEYS.left, '第2/3项');
    expect(saved()).not.toBe(before);
    expect(renderAll).not.toHaveBeenCalled();
    expect(readAll).not.toHaveBeenCalled();

    // every key saved: each item opened is discussed, each item left has its time
    const m = loadMeeting(meetingFile(), { cache: false });
    expect(m.items.map((i) => [i.project, i.discussed ?? null, i.seconds ?? null])).toEqual([
      ['CS-001', true, 3],
      ['CS-004', true, 4],
      ['CS-002', true, 2],
    ]);
    // … and the text saved is exactly what writing out the whole document gives
    const whole = MeetingDocument.open(meetingFile());
    expect(whole.renderAll()).toBe(saved());
    renderAll.mockClear();
    readAll.mockClear();

    // four more keys, four more saves: still no whole render or read
    const moves: [string, string][] = [
      [KEYS.right, '第3/3项'],
      [KEYS.left, '第2/3项'],
      [KEYS.left, '第1/3项'],
      [KEYS.right, '第2/3项'],
    ];
    for (const [key, shown] of moves) {
      clock += 1_000;
      await h.press(key, shown);
    }
    expect(renderAll).not.toHaveBeenCalled();
    expect(readAll).not.toHaveBeenCalled();
    expect(loadMeeting(meetingFile(), { cache: false }).items.map((i) => i.seconds)).toEqual([4, 6, 3]);
  });
});
