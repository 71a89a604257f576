// The short lists of fixed choices on ink-select-input (components/choice-list.tsx): 设置's 字形 and
// 简报's 格式. Enter opens the list on the current value; ↑↓ and Enter, or the row's digit, pick;
// Esc leaves everything as it was.
import { afterEach, describe, expect, it } from 'vitest';
import { KEYS, startApp } from './helpers.js';
import type { Harness } from './helpers.js';

let h: Harness | undefined;
afterEach(() => {
  h?.cleanup();
  h = undefined;
});

async function settingsOnScript(): Promise<Harness> {
  const harness = await startApp({ routes: [{ screen: 'home' }, { screen: 'settings' }] });
  await harness.waitFor('我的设置');
  await harness.press('G', '▶ 字形（简体/繁体） 简体');
  return harness;
}

describe('设置 · 字形 from a list', () => {
  it('Enter lists 简体 (current) and 繁体; the digit 2 saves 繁体', async () => {
    h = await settingsOnScript();
    const list = await h.press(KEYS.enter, '（当前）');
    expect(list).toContain(' 字形（简体/繁体）：');
    expect(list).toContain(' ▶ 1 简体      （当前）');
    expect(list).toContain('   2 繁体');
    expect(list).toContain('↑↓ 移动  Enter 选定  Esc 返回  ? 帮助');
    const saved = await h.press('2', '已保存：字形');
    expect(saved).toContain('▶ 字形（简体/繁体） 繁体');
    expect(saved).not.toContain('（当前）');
    expect(h.session.settings.get('script')).toBe('traditional');
  });

  it('↓ Enter picks the second row; opened again, the list stands on the current value', async () => {
    h = await settingsOnScript();
    await h.press(KEYS.enter, '（当前）');
    expect(await h.press(KEYS.down, ' ▶ 2 繁体')).toContain('   1 简体      （当前）');
    expect(await h.press(KEYS.enter, '已保存：字形')).toContain('▶ 字形（简体/繁体） 繁体');
    expect(h.session.settings.get('script')).toBe('traditional');
    const again = await h.press(KEYS.enter, '（当前）');
    expect(again).toContain(' ▶ 2 繁体      （当前）');
  });

  it('Esc closes the list and saves nothing; keys arriving together pick in order', async () => {
    h = await settingsOnScript();
    await h.press(KEYS.enter, '（当前）');
    const closed = await h.press(KEYS.esc, (f) => !f.includes('（当前）'));
    expect(closed).toContain('diaodu › 设置'); // Esc closed the list, not the screen
    expect(closed).toContain('▶ 字形（简体/繁体） 简体');
    expect(h.session.settings.get('script')).toBe('simplified');
    await h.press(KEYS.enter, '（当前）');
    // ↓ ↓ Enter in one read: round to 简体 again (wrap-around), as one key at a time would
    await h.press(`${KEYS.down}${KEYS.down}${KEYS.enter}`, '已保存：字形');
    expect(h.session.settings.get('script')).toBe('simplified');
  });

  it('? in the list opens the help of the list', async () => {
    h = await settingsOnScript();
    await h.press(KEYS.enter, '（当前）');
    const help = await h.press('?', '可用的按键');
    expect(help).toContain('在“选择（字形、格式）”中可用的按键');
    expect(help).toMatch(/1-9\s+直接选第N项（各行前的数字）/);
    expect(help).toMatch(/Enter\s+选定/);
  });
});

describe('简报 · 格式 from a list', () => {
  it('f lists the formats on the current one; a digit or ↓↓ Enter picks; Esc keeps it', async () => {
    h = await startApp({ routes: [{ screen: 'home' }, { screen: 'briefings' }] });
    await h.waitFor('选择要生成的文稿');
    await h.press(KEYS.down);
    await h.press(KEYS.enter, '格式：Word（f 选择）');
    const list = await h.press('f', '选择格式（写出时用）');
    expect(list).toContain(' ▶ 1 Word      （当前）');
    expect(list).toContain('   2 Markdown');
    expect(list).toContain('   3 纯文本');
    expect(list).toContain('   4 JSON');
    expect(list).not.toContain('Excel'); // minutes have no Excel form
    expect(await h.press('3', '格式：纯文本')).not.toContain('选择格式');
    await h.press('f', '选择格式');
    expect(h.frame()).toContain(' ▶ 3 纯文本    （当前）');
    await h.press(KEYS.down, ' ▶ 4 JSON');
    expect(await h.press(KEYS.enter, '格式：JSON')).not.toContain('选择格式');
    await h.press('f', '选择格式');
    const kept = await h.press(KEYS.esc, (f) => !f.includes('选择格式'));
    expect(kept).toContain('格式：JSON（f 选择）');
    expect(kept).toContain('diaodu › 简报 · 会议纪要');
  });
});
