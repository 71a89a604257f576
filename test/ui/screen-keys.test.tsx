// No key that does nothing, outside the meeting too: every command the binding table declares for a
// screen's own context is pressed there and must change what is on screen (the meeting's views are
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

function own(context: Context): Array<[Command, KeySpec]> {
  return keysFor(context)
    .filter((b) => b.from === context && !b.command.startsWith('nav.')) // moving: tested per list
    .map((b) => [b.command, b.keys[0]!]);
}

describe.each(SCREENS)('on the screen of $context', ({ context, routes, before, shows }) => {
  it.each(own(context))('%s changes the screen', async (command, spec) => {
    h = await startApp({ routes });
    await h.waitFor(before ? '' : shows);
    for (const key of before ?? []) await h.press(key);
    await h.waitFor(shows);
    const first = FIRST[command];
    const frame = first ? await h.press(first) : h.shown();
    expect(await h.press(sequence(spec)), `${command} did nothing`).not.toBe(frame);
    // a file being written is finished before the folder is removed
    if (command === 'briefing.write' || command === 'ledger.writeNotice') await h.waitFor('已写入');
  });
});
