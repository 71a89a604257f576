// No key that does nothing, outside the meeting too: every command the binding table declares for a
// screen's own context is pressed there and must show what it is for — a screen, a sorted list, a
// field, a message — that was not on screen before (the meeting's views are
// test/ui/meeting-keys.test.tsx).
import { afterEach, describe, expect, it } from 'vitest';
import { keysFor } from '../../src/ui/key-bindings.js';
import type { Command, Context, KeySpec } from '../../src/ui/key-bindings.js';
import type { Route } from '../../src/ui/screens/navigation.js';
import { KEYS, startApp } from './helpers.js';
import type { Harness } from './helpers.js';

let h: Harness | undefined;
afterEach(() => {
  h?.cleanup();
  h = undefined;
});

function sequence(spec: KeySpec): string {
  if (spec.key === 'return') return KEYS.enter;
  if (spec.input === undefined || spec.ctrl || spec.meta)
    throw new Error(`no sequence for ${JSON.stringify(spec)}`);
  return spec.input;
}

const SCREENS: Array<{ context: Context; routes: Route[]; before?: string[]; shows: string }> = [
  { context: 'home', routes: [{ screen: 'home' }], shows: '上次调度会' },
  { context: 'projects', routes: [{ screen: 'home' }, { screen: 'projects' }], shows: '共5个项目' },
  {
    context: 'project',
    routes: [
      { screen: 'home' },
      { screen: 'project', projectId: 'CS-002', siblings: ['CS-001', 'CS-002', 'CS-003'] },
    ],
    shows: '2/3',
  },
  { context: 'ledger', routes: [{ screen: 'home' }, { screen: 'ledger' }], shows: '共2项' },
  { context: 'settings', routes: [{ screen: 'home' }, { screen: 'settings' }], shows: '我的设置' },
  {
    context: 'briefings',
    routes: [{ screen: 'home' }, { screen: 'briefings' }],
    before: [KEYS.down, KEYS.enter],
    shows: '第1/',
  },
];

/** Keys that put the screen where the command has something to do (a filter to clear). */
const FIRST: Partial<Record<Command, string>> = { 'list.clearFilters': 'u' };

/** What each key must bring on screen (a text, or a pattern over the whole frame). */
const SHOWS: Record<string, string | RegExp> = {
  'home goto.projects': 'diaodu › 项目',
  'home goto.meeting': 'diaodu › 调度会 · 开会',
  'home goto.ledger': 'diaodu › 督办',
  'home goto.briefings': 'diaodu › 简报',
  'home goto.settings': 'diaodu › 设置',
  'home goto.leaders': 'diaodu › 包联领导',
  'home home.reload': '已重新读取台账和会议记录（5个项目）',
  'projects list.search': ' 搜索：',
  'projects list.sortNext': '排序：灯↓',
  // 台账顺序 reversed: CS-005 above CS-001
  'projects list.sortReverse': /CS-005[\s\S]*CS-001/,
  'projects list.filterUnit': '显示1个 · 排序：台账顺序 · 责任单位：区发改局',
  'projects list.filterLight': '显示2个 · 排序：台账顺序 · 灯：红',
  'projects list.filterArea': '显示2个 · 排序：台账顺序 · 片区：北坪园区',
  'projects list.clearFilters': ' 共5个项目，显示5个 · 排序：台账顺序 · 金额：万元',
  'project project.next': 'diaodu › 项目详情 CS-003',
  'project project.prev': 'diaodu › 项目详情 CS-001',
  'ledger list.search': ' 搜索：项目名称或编号、事项内容',
  'ledger list.sortNext': '排序：完成时限',
  'ledger list.filterUnit': '显示1项 · 状态：全部 · 责任单位：区自然资源局',
  'ledger list.clearFilters': ' 共2项，显示2项 · 状态：全部 · 排序：逾期在前',
  'ledger ledger.markDone': ' 已落实，说明（可空，Enter 保存）：',
  'ledger ledger.markInProgress': ' 推进中，说明（可空，Enter 保存）：',
  'ledger ledger.cycleState': '显示1项 · 状态：逾期',
  'ledger ledger.writeNotice': /正在写出督办通知单|已写入/,
  'settings settings.edit': ' 发文机关：',
  'briefings briefing.write': /正在写出 …|已写入/,
  'briefings briefing.switchKind': 'diaodu › 简报 · 月通报',
  'briefings briefing.nextFormat': '选择格式（写出时用）',
  'briefings briefing.toggleTimes': '纪要在各项目标题后注明会上研究用时',
};

function own(context: Context): Array<[Command, KeySpec]> {
  return keysFor(context)
    .filter((b) => b.from === context && !b.command.startsWith('nav.')) // moving: tested per list
    .map((b) => [b.command, b.keys[0]!]);
}

describe.each(SCREENS)('on the screen of $context', ({ context, routes, before, shows }) => {
  it.each(own(context))('%s shows what it does', async (command, spec) => {
    const expected = SHOWS[`${context} ${command}`];
    if (expected === undefined) throw new Error(`say what ${command} must show on ${context}`);
    h = await startApp({ routes });
    await h.waitFor(before ? '' : shows);
    for (const key of before ?? []) await h.press(key);
    await h.waitFor(shows);
    const first = FIRST[command];
    const frame = first ? await h.press(first) : h.shown();
    if (typeof expected === 'string') expect(frame).not.toContain(expected);
    else expect(frame).not.toMatch(expected);
    const after = await h.press(sequence(spec), expected);
    if (typeof expected === 'string') expect(after, command).toContain(expected);
    else expect(after, command).toMatch(expected);
    // a file being written is finished before the folder is removed
    if (command === 'briefing.write' || command === 'ledger.writeNotice') await h.waitFor('已写入');
  });
});
