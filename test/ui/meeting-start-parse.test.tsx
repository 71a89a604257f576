// Starting a meeting never parses the file it has just written: the title's issue number (期数) is
// counted from the meetings the session read and the meeting being recorded as it stands. With the
// 5,040-item agenda of the 10,000-project bench, parsing that 1.3 MB file whole for its header was
// the TUI's peak memory (+70 MB, docs/bench.md). Counted, not measured: yaml's parser is spied on.
import * as fs from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { yamlLibrary } from '../../src/store/yaml-lib.js';
import { KEYS, meetingFileOf, openMeetingAt } from './helpers.js';
import type { Harness } from './helpers.js';

let h: Harness;
afterEach(() => {
  vi.restoreAllMocks();
  h?.cleanup();
});

describe('starting a meeting', () => {
  it('shows its issue number without parsing the meeting file it wrote', async () => {
    h = await openMeetingAt('set-up');
    const parse = vi.spyOn(yamlLibrary(), 'parseDocument');
    await h.press(KEYS.ctrlS, '已建立会议记录');
    await h.waitFor('第2期');
    const saved = fs.readFileSync(meetingFileOf(h), 'utf8');
    expect(saved).toContain('2021-10-08');
    const parsedSaved = parse.mock.calls.filter(([text]) => text === saved);
    expect(parsedSaved).toHaveLength(0);
  });
});
