import { describe, expect, it } from 'vitest';
import {
  COMMANDS,
  CONTEXTS,
  KEY_BINDINGS,
  commandFor,
  contextChain,
  formatKey,
  hintLine,
  hintsFor,
  keyHint,
  keySignature,
  keysFor,
  matches,
  type Context,
  type KeyPress,
} from './key-bindings.js';

const CONTEXT_NAMES = Object.keys(CONTEXTS) as Context[];

// Key presses as Ink 6.8 reports them (see ink/build/hooks/use-input.js).
const press = {
  up: [{ upArrow: true }, ''],
  shiftUp: [{ upArrow: true, shift: true }, ''],
  enter: [{ return: true }, ''],
  esc: [{ escape: true, meta: true }, ''],
  ctrlC: [{ ctrl: true }, 'c'],
  ctrlW: [{ ctrl: true }, 'w'],
  altB: [{ meta: true }, 'b'],
  altLeft: [{ leftArrow: true, meta: true }, ''],
  bigG: [{ shift: true }, 'G'],
  j: [{}, 'j'],
  slash: [{}, '/'],
  del7f: [{ delete: true }, ''],
  forwardDelete: [{ forwardDelete: true }, ''],
  shiftTab: [{ tab: true, shift: true }, ''],
} satisfies Record<string, [KeyPress, string]>;

describe('key binding table', () => {
  it('gives every command a Chinese description, keys and a known context', () => {
    for (const command of COMMANDS) {
      const b = KEY_BINDINGS[command];
      expect(b.description, command).toMatch(/[\u4e00-\u9fff]/);
      expect(b.keys.length, command).toBeGreaterThan(0);
      for (const c of b.contexts) expect(CONTEXT_NAMES, command).toContain(c);
    }
  });

  it.each(CONTEXT_NAMES)('has no key bound to two commands in context %s', (context) => {
    const seen = new Map<string, string>();
    for (const b of keysFor(context)) {
      for (const spec of b.keys) {
        const sig = keySignature(spec);
        const other = seen.get(sig);
        expect(other === undefined || other === b.command, `${sig}: ${other} and ${b.command}`).toBe(true);
        seen.set(sig, b.command);
      }
    }
  });

  it('never lets a printable key act as a command while text is typed', () => {
    for (const context of CONTEXT_NAMES.filter((c) => CONTEXTS[c].textEntry)) {
      for (const b of keysFor(context)) {
        for (const spec of b.keys) {
          // a printable key may act only on an empty field, and only when the field says so (`?` help)
          expect(
            spec.input === undefined || spec.ctrl || spec.meta || spec.emptyField,
            `${context} ${b.command}`,
          ).toBeTruthy();
        }
      }
      expect(commandFor(context, 'j', {})).toBeUndefined();
      expect(commandFor(context, '?', {})).toBeUndefined();
    }
  });

  it('keeps quitting and going back reachable everywhere', () => {
    for (const context of CONTEXT_NAMES) {
      expect(commandFor(context, ...swap(press.ctrlC))).toBe('app.quit');
      const esc = commandFor(context, ...swap(press.esc));
      if (context !== 'global') expect(['app.back', 'input.cancel', 'confirm.no']).toContain(esc);
    }
  });

  it('inherits along the context chain', () => {
    expect(contextChain('decisionForm')).toEqual(['decisionForm', 'form', 'input', 'global']);
    expect(contextChain('meeting')).toEqual(['meeting', 'list', 'screen', 'global']);
  });
});

function swap([key, input]: [KeyPress, string]): [string, KeyPress] {
  return [input, key];
}

describe('matches', () => {
  it('matches arrows and vi letters for movement', () => {
    expect(matches('nav.up', ...swap(press.up))).toBe(true);
    expect(matches('nav.down', ...swap(press.j))).toBe(true);
    expect(matches('nav.end', ...swap(press.bigG))).toBe(true);
    expect(matches('nav.home', ...swap(press.bigG))).toBe(false);
  });
  it('requires modifiers to match exactly', () => {
    expect(matches('nav.up', ...swap(press.shiftUp))).toBe(false);
    expect(matches('meeting.moveItemUp', ...swap(press.shiftUp))).toBe(true);
    expect(matches('form.prevField', ...swap(press.shiftTab))).toBe(true);
    expect(matches('form.nextField', ...swap(press.shiftTab))).toBe(false);
    expect(matches('input.wordLeft', ...swap(press.altB))).toBe(true);
    expect(matches('input.wordLeft', ...swap(press.altLeft))).toBe(true);
    expect(matches('input.left', ...swap(press.altLeft))).toBe(false);
    expect(matches('input.deleteWordBackward', ...swap(press.ctrlW))).toBe(true);
  });
  it('treats Esc as Esc although Ink flags it as meta', () => {
    expect(matches('app.back', ...swap(press.esc))).toBe(true);
    expect(matches('input.cancel', ...swap(press.esc))).toBe(true);
  });
  it('tells the Backspace key (DEL) from the Delete key', () => {
    expect(matches('input.backspace', ...swap(press.del7f))).toBe(true);
    expect(matches('input.delete', ...swap(press.del7f))).toBe(false);
    expect(matches('input.delete', ...swap(press.forwardDelete))).toBe(true);
  });
  it('applies a command only in its contexts when one is given', () => {
    expect(matches('nav.home', '', { home: true }, 'search')).toBe(false);
    expect(matches('nav.home', '', { home: true }, 'list')).toBe(true);
    expect(matches('list.sortNext', 's', {}, 'list')).toBe(false);
    expect(matches('list.sortNext', 's', {}, 'projects')).toBe(true);
    expect(matches('app.quit', 'c', { ctrl: true }, 'decisionForm')).toBe(true);
  });
  it('drops printable keys when the context types text', () => {
    expect(matches('nav.down', 'j', {}, 'search')).toBe(false);
    expect(matches('nav.down', '', { downArrow: true }, 'search')).toBe(true);
  });
  it('ignores key releases reported by the kitty protocol', () => {
    expect(matches('nav.up', '', { upArrow: true, eventType: 'release' })).toBe(false);
  });
});

describe('commandFor', () => {
  it('resolves the same key to what it means in each context', () => {
    expect(commandFor('followups', 'y', {})).toBe('followup.done');
    expect(commandFor('ledger', 'y', {})).toBe('ledger.markDone');
    expect(commandFor('confirm', 'y', {})).toBe('confirm.yes');
    expect(commandFor('projects', 'y', {})).toBeUndefined();
    expect(commandFor('meetingItem', '', { rightArrow: true })).toBe('meeting.nextItem');
    expect(commandFor('agenda', '', { rightArrow: true })).toBeUndefined();
    expect(commandFor('agenda', '', { return: true })).toBe('nav.open');
    expect(commandFor('meetingItem', 'b', {})).toBe('meeting.notes');
    expect(commandFor('meetingClosed', '', { return: true })).toBe('meeting.minutes');
    expect(commandFor('decisionForm', '', { return: true })).toBe('input.submit');
    expect(commandFor('decisionForm', '', { tab: true })).toBe('form.nextField');
    expect(commandFor('projects', ...swap(press.slash))).toBe('list.search');
  });
});

describe('labels for help and footer', () => {
  it('formats keys the way they are printed on the keyboard', () => {
    expect(formatKey({ input: 'w', ctrl: true })).toBe('Ctrl+W');
    expect(formatKey({ key: 'tab', shift: true })).toBe('Shift+Tab');
    expect(formatKey({ key: 'leftArrow', meta: true })).toBe('Alt+←');
    expect(formatKey({ input: ' ' })).toBe('空格');
    expect(formatKey({ input: 'G' })).toBe('G');
  });
  it('lists a context own commands before inherited ones', () => {
    const commands = keysFor('projects').map((b) => b.command);
    expect(commands.indexOf('list.search')).toBeLessThan(commands.indexOf('nav.up'));
    expect(commands.indexOf('nav.up')).toBeLessThan(commands.indexOf('app.back'));
    expect(commands.at(-1)).toBe('app.quit');
    expect(keysFor('search').find((b) => b.command === 'nav.pageDown')?.labels).toEqual(['PgDn']);
  });
  it('builds footer hints from the short labels', () => {
    expect(hintsFor('projects').map(({ keys, label }) => ({ keys, label }))).toEqual([
      { keys: '/', label: '搜索' },
      { keys: 's', label: '排序' },
      { keys: 'u', label: '单位' },
      { keys: 'l', label: '灯' },
      { keys: '↑↓', label: '移动' },
      { keys: 'PgDn', label: '翻页' },
      { keys: 'Enter', label: '打开' },
      { keys: 'Esc', label: '返回' },
      { keys: '?', label: '帮助' },
      { keys: 'Ctrl+C', label: '退出' },
    ]);
    expect(hintsFor('meeting', ['meeting.addDecision', 'app.back'])).toEqual([
      { keys: 'a', label: '议定', command: 'meeting.addDecision' },
      { keys: 'Esc', label: '返回', command: 'app.back' },
    ]);
  });
});

describe('keys that used to be tested by hand in the screens', () => {
  it('picks the meeting kind with ←→ and space on the set-up form, where nothing is typed', () => {
    expect(commandFor('setupKind', '', { leftArrow: true })).toBe('setup.kindPrev');
    expect(commandFor('setupKind', '', { rightArrow: true })).toBe('setup.kindNext');
    expect(commandFor('setupKind', ' ', {})).toBe('setup.kindNext');
    expect(commandFor('setupKind', '', { return: true })).toBe('setup.enterNext');
    expect(commandFor('setupKind', ...swap(press.esc))).toBe('app.back');
    // on the typed fields a space is text, ← moves the caret, Ctrl+S starts the meeting
    expect(commandFor('setup', ' ', {})).toBeUndefined();
    expect(commandFor('setup', '', { leftArrow: true })).toBe('input.left');
    expect(commandFor('setup', 's', { ctrl: true })).toBe('setup.start');
    expect(commandFor('setup', '', { downArrow: true })).toBe('form.down');
  });

  it('picks a unit or a due date with ↑↓ on those fields, and moves between fields elsewhere', () => {
    expect(commandFor('decisionPick', '', { downArrow: true })).toBe('form.pickNext');
    expect(commandFor('decisionPick', '', { upArrow: true })).toBe('form.pickPrev');
    expect(commandFor('decisionPick', '', { tab: true })).toBe('form.nextField');
    expect(commandFor('decisionForm', '', { downArrow: true })).toBe('form.down');
    expect(commandFor('decisionForm', '', { upArrow: true })).toBe('form.up');
    expect(commandFor('decisionForm', 's', { ctrl: true })).toBe('form.save');
  });

  it('says what o does in 督办, and offers no key there that only works in the project list', () => {
    expect(KEY_BINDINGS['ledger.cycleState'].description).toMatch(/^按状态筛选/);
    expect(commandFor('ledger', 'o', {})).toBe('ledger.cycleState');
    expect(commandFor('ledger', 'S', { shift: true })).toBeUndefined();
  });

  it('builds hint lines only from keys that work in the context', () => {
    expect(
      keyHint('agenda', ['meeting.moveItemUp', 'meeting.moveItemDown'], { first: true, label: '调整顺序' }),
    ).toEqual({
      keys: 'K/J',
      label: '调整顺序',
      command: 'meeting.moveItemUp',
    });
    expect(keyHint('followups', 'followup.done')).toEqual({
      keys: 'y/1',
      label: '已落实',
      command: 'followup.done',
    });
    expect(keyHint('agenda', 'meeting.nextItem')).toBeUndefined();
    expect(
      hintLine([keyHint('agenda', 'meeting.dropItem'), undefined, keyHint('agenda', 'meeting.addItem')]),
    ).toBe('x 把项目移出议程 · i 把其他项目加入议程');
  });
});
