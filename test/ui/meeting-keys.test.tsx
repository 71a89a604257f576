// No key that does nothing: every command the binding table declares for the meeting's views
// (议程, one project, 上次议定事项) is pressed, from a state where it applies, and must change what is
// on screen — a view, a form, a question, a message. The help screen and the footers are generated
// from the same table, so what they list is what works. (The other direction — no key handled that
// the table does not declare — is src/ui/keys-declared.test.ts.)
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { keysFor } from '../../src/ui/key-bindings.js';
import type { Command, Context, KeySpec } from '../../src/ui/key-bindings.js';
import type { MeetingUi } from '../../src/ui/screens/meeting/state.js';
import { KEYS, startApp } from './helpers.js';
import type { Harness } from './helpers.js';

/** The bytes a terminal sends for a key. */
function sequence(spec: KeySpec): string {
  if (spec.input !== undefined) {
    if (spec.ctrl) return String.fromCharCode(spec.input.toLowerCase().charCodeAt(0) - 96);
    return (spec.meta ? '\u001b' : '') + spec.input;
  }
  const shift = spec.shift ? ';2' : '';
  switch (spec.key) {
    case 'upArrow':
      return shift ? `\u001b[1${shift}A` : KEYS.up;
    case 'downArrow':
      return shift ? `\u001b[1${shift}B` : KEYS.down;
    case 'rightArrow':
      return KEYS.right;
    case 'leftArrow':
      return KEYS.left;
    case 'return':
      return KEYS.enter;
    case 'escape':
      return KEYS.esc;
    case 'tab':
      return spec.shift ? KEYS.shiftTab : KEYS.tab;
    case 'pageDown':
      return KEYS.pageDown;
    case 'pageUp':
      return '\u001b[5~';
    default:
      throw new Error(`no sequence for ${JSON.stringify(spec)}`);
  }
}

/** The meeting's own commands in a view (moving in lists, help and quitting are tested elsewhere). */
function ownCommands(context: Context): Array<{ command: Command; spec: KeySpec }> {
  return keysFor(context)
    .filter((b) => b.from === context || b.from === 'meeting' || b.command === 'nav.open')
    .map((b) => ({ command: b.command, spec: b.keys[0]! }));
}

const VIEWS: Array<{ context: Context; ui: Partial<MeetingUi>; shows: string }> = [
  // the second project (CS-004, no decision yet): it can move up and down, be dropped
  { context: 'agenda', ui: { view: 'agenda', agendaCursor: 2 }, shows: '议程 共3项' },
  // the second project, its decision selected: next and previous both exist
  {
    context: 'meetingItem',
    ui: { view: 'item', itemIndex: 1, agendaCursor: 2, rowCursor: 0 },
    shows: '第2/3项',
  },
  { context: 'followups', ui: { view: 'followups', followupCursor: 0 }, shows: '上次议定事项 1/2' },
];

let base: string;
let h: Harness | undefined;

beforeAll(async () => {
  // a meeting in progress with a decision on CS-004, left as after Ctrl+C
  const first = await startApp({ routes: [{ screen: 'home' }, { screen: 'meeting' }] });
  await first.waitFor('会议日期');
  await first.press(KEYS.ctrlS, '已建立会议记录');
  await first.press(KEYS.down);
  await first.press(KEYS.down);
  await first.press(KEYS.enter, '第2/3项');
  await first.press('a', '新增议定事项');
  await first.press('尽快制定复工方案');
  await first.press(KEYS.ctrlS, '仍要保存'); // no 责任人: the form asks
  await first.press('y', '已保存议定事项');
  first.app.unmount();
  first.session.shutdown();
  base = fs.mkdtempSync(path.join(os.tmpdir(), 'diaodu-keys-'));
  fs.cpSync(first.dir, base, { recursive: true });
  fs.rmSync(first.dir, { recursive: true, force: true });
}, 60_000);

afterEach(() => {
  h?.cleanup();
  h = undefined;
});
afterAll(() => fs.rmSync(base, { recursive: true, force: true }));

describe.each(VIEWS)('in the meeting view $context', ({ context, ui, shows }) => {
  it.each(ownCommands(context).map((c) => [c.command, c]))('%s changes the screen', async (_name, c) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'diaodu-key-'));
    fs.cpSync(base, dir, { recursive: true });
    const draft = path.join(dir, 'meetings', '.2021-10-08-周调度.yaml.draft.json');
    const state: MeetingUi = {
      view: 'agenda',
      agendaCursor: 0,
      itemIndex: 0,
      rowCursor: 0,
      followupCursor: 0,
      form: null,
      confirm: null,
      ...ui,
    };
    fs.writeFileSync(draft, JSON.stringify(state));
    h = await startApp({ routes: [{ screen: 'home' }, { screen: 'meeting' }], reuseDir: dir });
    const before = await h.waitFor(shows);
    const after = await h.press(sequence(c.spec));
    expect(after, `${c.command} (${JSON.stringify(c.spec)}) did nothing`).not.toBe(before);
  });
});
