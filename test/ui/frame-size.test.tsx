// No frame taller or wider than the terminal: every screen, and the meeting with a form open, drawn at
// 80×24 (the smallest size the layout is designed for) and at 160×45 (a projector), is exactly as
// many lines as the terminal has rows and no line is wider than its columns (Chinese counted as two).
import { afterEach, describe, expect, it } from 'vitest';
import { displayWidth } from '../../src/text/width.js';
import { App } from '../../src/ui/app.js';
import type { Route } from '../../src/ui/screens/navigation.js';
import { AT_MEETING, KEYS, openMeetingAt, startApp } from './helpers.js';
import type { Harness } from './helpers.js';

let h: Harness | undefined;
afterEach(() => {
  h?.cleanup();
  h = undefined;
});

const SIZES = [
  { columns: 80, rows: 24 },
  { columns: 160, rows: 45 },
];

function expectFits(frame: string, size: { columns: number; rows: number }, where: string): void {
  const lines = frame.split('\n');
  expect(lines.length, `${where}: lines`).toBe(size.rows);
  const wide = lines.filter((l) => displayWidth(l) > size.columns);
  expect(wide, `${where}: lines wider than ${size.columns}`).toEqual([]);
}

const SCREENS: Array<{ route: Route; shows: string }> = [
  { route: { screen: 'home' }, shows: '上次调度会' },
  { route: { screen: 'projects' }, shows: '共5个项目' },
  { route: { screen: 'project', projectId: 'CS-001' }, shows: '滞后原因' },
  { route: { screen: 'ledger' }, shows: '共2项' },
  { route: { screen: 'briefings' }, shows: '选择要生成的文稿' },
  { route: { screen: 'settings' }, shows: '我的设置' },
  { route: { screen: 'help', context: 'meetingItem' }, shows: '可用的按键' },
];

describe.each(SIZES)('at $columns×$rows', (size) => {
  it.each(SCREENS.map((s) => [s.route.screen, s]))('%s fits the terminal', async (_name, s) => {
    h = await startApp({ routes: [{ screen: 'home' }, s.route], size });
    expectFits(await h.waitFor(s.shows), size, s.route.screen);
  });

  it('the meeting fits: set-up, agenda, follow-ups, a project with the decision form, adding a project', async () => {
    h = await startApp({ routes: [{ screen: 'home' }, { screen: 'meeting' }], size });
    expectFits(await h.waitFor('会议日期'), size, 'set-up');
    expectFits(await h.press(KEYS.ctrlS, '已建立会议记录'), size, 'agenda');
    expectFits(await h.press(KEYS.enter, '本次尚未听取'), size, 'follow-ups');
    expectFits(await h.press('e', '落实情况说明'), size, 'follow-up note');
    await h.press(KEYS.esc, '本次尚未听取');
    await h.press(KEYS.esc, '议程 共3项');
    await h.press(KEYS.down);
    expectFits(await h.press(KEYS.enter, '第1/3项'), size, 'project');
    expectFits(await h.press('a', '新增议定事项'), size, 'decision form');
    expectFits(await h.press(KEYS.tab, '候选'), size, 'decision form, unit');
    await h.press(KEYS.esc, '本次议定事项');
    expectFits(await h.press('b', '备注：'), size, 'notes');
    await h.press(KEYS.esc, '本次议定事项');
    await h.press(KEYS.esc, '议程 共3项');
    expectFits(await h.press('i', '加入：'), size, 'adding a project');
  });
});

describe('resizing', () => {
  it('in the middle of the decision form keeps what was typed and fits each new size', async () => {
    const routes = AT_MEETING;
    h = await openMeetingAt('form');
    await h.press('协调落实项目用地指标');
    const harness = h;
    const resize = async (size: { columns: number; rows: number }) => {
      harness.app.rerender(<App session={harness.session} size={size} initialRoutes={routes} />);
      return harness.waitFor((f: string) => f.split('\n').length === size.rows);
    };
    for (const size of [
      { columns: 160, rows: 45 },
      { columns: 80, rows: 24 },
      { columns: 120, rows: 30 },
    ]) {
      const frame = await resize(size);
      expectFits(frame, size, `${size.columns}×${size.rows}`);
      expect(frame).toContain('▶议定事项  协调落实项目用地指标');
    }
    // still typing into the same field
    expect(await h.press('，尽快报批')).toContain('▶议定事项  协调落实项目用地指标，尽快报批');
  });
});

describe('a window shorter than 24 rows', () => {
  it('home keeps its whole menu and says how many overview lines it left out', async () => {
    const size = { columns: 80, rows: 14 };
    h = await startApp({ routes: [{ screen: 'home' }], size });
    const frame = await h.waitFor('5 设置');
    expectFits(frame, size, 'home at 80×14');
    for (const entry of ['1 项目', '2 调度会', '3 督办', '4 简报', '5 设置', '6 包联领导'])
      expect(frame).toContain(entry);
    // body 11 rows = 6 menu + 1 blank + 4 overview: title, date line, lights, and the note
    expect(frame).toContain('红黄绿灯');
    expect(frame).not.toContain('年度投资完成率');
    expect(frame).not.toContain('上次调度会');
    expect(frame).toContain('…（窗口较小，另有6行概况未显示）');
  });

  it('home at 80×24 shows the whole overview without the note', async () => {
    h = await startApp({ routes: [{ screen: 'home' }], size: { columns: 80, rows: 24 } });
    const frame = await h.waitFor('5 设置');
    expect(frame).toContain('上次调度会');
    expect(frame).not.toContain('窗口较小');
  });
});
