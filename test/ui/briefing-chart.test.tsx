// The 简报 preview of the bulletin draws 图1 (each unit's completion rate against the time progress) as
// Unicode bars within the 80 columns of the screen; the figures are the unit table's.
import { afterEach, describe, expect, it } from 'vitest';
import { displayWidth } from '../../src/text/width.js';
import { KEYS, startApp } from './helpers.js';
import type { Harness } from './helpers.js';

let h: Harness;
afterEach(() => h?.cleanup());

describe('简报 · 月通报 preview', () => {
  it('shows 图1 as Unicode bars with the time-progress marker, one line per unit, within 80 columns', async () => {
    h = await startApp({ routes: [{ screen: 'home' }, { screen: 'briefings' }] });
    await h.waitFor('选择要生成');
    let frame = await h.press(KEYS.enter, '简报 · 月通报');
    for (let i = 0; i < 12 && !frame.includes('│序时进度'); i++) frame = await h.press(KEYS.pageDown);
    const lines = frame.split('\n');
    const caption = lines.findIndex((l) => l.startsWith('图1 各责任单位投资完成率与序时进度'));
    expect(caption).toBeGreaterThan(-1);
    const key = lines.findIndex((l) => l.includes('│序时进度75.0%'));
    const bars = lines.slice(caption + 1, key);
    expect(bars.length).toBeGreaterThan(0);
    // each line: a unit, its bar with the marker in one column for all, its rate as the table prints it
    const markers = new Set<number>();
    for (const line of bars) {
      expect(line).toMatch(/^\S+ +[█▏▎▍▌▋▊▉ ]*│[█▏▎▍▌▋▊▉ ]* +\d+\.\d%$/u);
      expect(displayWidth(line)).toBeLessThanOrEqual(80);
      markers.add(displayWidth(line.slice(0, line.indexOf('│'))));
    }
    markers.add(displayWidth(lines[key]!.slice(0, lines[key]!.indexOf('│'))));
    expect(markers.size).toBe(1);
  });
});
