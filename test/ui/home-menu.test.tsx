// 总览's menu is ink-select-input's SelectInput: it answers ↑/k, ↓/j, Enter and 1–9 itself, the
// screen answers the rest (Home/End/PgUp/PgDn, r, ?). Each key must act exactly once, and the row
// must survive a visit to another screen.
import { afterEach, describe, expect, it } from 'vitest';
import { commandFor, keysFor } from '../../src/ui/key-bindings.js';
import type { KeyPress } from '../../src/ui/key-bindings.js';
import { HOME_MENU, MENU_OWNED_BY_SELECT_INPUT } from '../../src/ui/screens/home.js';
import { KEYS, startApp } from './helpers.js';
import type { Harness } from './helpers.js';

let h: Harness | undefined;
afterEach(() => {
  h?.cleanup();
  h = undefined;
});

describe('总览 menu (ink-select-input)', () => {
  it('Enter on the third row opens 督办, and Esc comes back to that row', async () => {
    h = await startApp();
    await h.press(KEYS.down, ' ▶ 2 调度会');
    await h.press(KEYS.down, ' ▶ 3 督办');
    const ledger = await h.press(KEYS.enter, 'diaodu › 督办');
    expect(ledger).toContain('diaodu › 督办');
    const home = await h.press(KEYS.esc, 'diaodu › 总览');
    expect(home).toContain(' ▶ 3 督办');
    expect(home).not.toContain(' ▶ 1 项目');
  });

  it('a digit opens its screen exactly once (one Esc is back on 总览), on that row', async () => {
    h = await startApp();
    expect(await h.press('5', 'diaodu › 设置')).toContain('我的设置');
    const home = await h.press(KEYS.esc, 'diaodu › 总览');
    expect(home).toContain(' ▶ 5 设置');
    // had the screen's handler opened 设置 too, this Esc would have shown the first 设置 again
    expect(home).not.toContain('diaodu › 设置');
  });

  it('k/j move, wrap around as before, and End/Home (g/G) jump to the ends', async () => {
    h = await startApp();
    expect(await h.press('k', ' ▶ 6 包联领导')).toContain(' ▶ 6 包联领导');
    expect(await h.press('j', ' ▶ 1 项目')).toContain(' ▶ 1 项目');
    expect(await h.press('G', ' ▶ 6 包联领导')).toContain(' ▶ 6 包联领导');
    // after a jump SelectInput carries on from the new row
    expect(await h.press(KEYS.up, ' ▶ 5 设置')).toContain(' ▶ 5 设置');
    expect(await h.press(KEYS.home, ' ▶ 1 项目')).toContain(' ▶ 1 项目');
    expect(await h.press(KEYS.down, ' ▶ 2 调度会')).toContain(' ▶ 2 调度会');
  });

  it('keys that arrive together act in order: ↓↓ Enter opens the third row', async () => {
    h = await startApp();
    const frame = await h.press(`${KEYS.down}${KEYS.down}${KEYS.enter}`, 'diaodu › 督办');
    expect(frame).toContain('diaodu › 督办');
    expect(await h.press(KEYS.esc, 'diaodu › 总览')).toContain(' ▶ 3 督办');
  });
});

describe('the binding table declares what SelectInput answers on 总览', () => {
  // SelectInput.js (6.2.0): `input === 'k' || key.upArrow`, `input === 'j' || key.downArrow`,
  // /^[1-9]$/ (an index past the last row does nothing), `key.return`.
  const answered: Array<[string, KeyPress]> = [
    ['k', {}],
    ['', { upArrow: true }],
    ['j', {}],
    ['', { downArrow: true }],
    ['', { return: true }],
    ...HOME_MENU.map((m): [string, KeyPress] => [m.digit, {}]),
  ];

  it.each(answered)('%j %j is a command SelectInput owns', (input, key) => {
    const command = commandFor('home', input, key);
    expect(command).toBeDefined();
    expect(MENU_OWNED_BY_SELECT_INPUT).toContain(command);
  });

  it('every key of an owned command is one SelectInput answers', () => {
    const owned = keysFor('home').filter((b) => MENU_OWNED_BY_SELECT_INPUT.includes(b.command));
    expect(owned.map((b) => b.command).sort()).toEqual([...MENU_OWNED_BY_SELECT_INPUT].sort());
    for (const b of owned) {
      for (const spec of b.keys) {
        const hit = answered.some(
          ([input, key]) =>
            commandFor('home', input, key) === b.command &&
            (spec.input !== undefined ? spec.input === input : key[spec.key!] === true),
        );
        expect(hit, `${b.command} ${JSON.stringify(spec)}`).toBe(true);
      }
    }
  });
});
