// No key that does nothing: every command the binding table declares for the meeting's views
// (议程, one project, 上次议定事项) is pressed, from a state where it applies, and must show what it
// is for — a view, a form, a question, a message — that was not on screen before. The help screen and the footers are generated
// from the same table, so what they list is what works. (The other direction — no key handled that
// the table does not declare — is src/ui/keys-declared.test.ts.)
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { keysFor } from '../../src/ui/key-bindings.js';
import type { Command, Context, KeySpec } from '../../src/ui/key-bindings.js';
import type { MeetingUi } from '../../src/ui/screens/meeting/state.js';
import { AT_MEETING, KEYS, openMeetingAt, startApp } from './helpers.js';
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

/** What each key must bring on screen, by view and command. */
const SHOWS: Record<string, string | RegExp> = {
  'agenda meeting.moveItemUp': '▶ 1. ●红 CS-004',
  'agenda meeting.moveItemDown': '▶ 3. ●红 CS-004',
  'agenda meeting.dropItem': 'CS-004 已有1项议定事项，不能移出议程（先删除其议定事项）',
  'agenda meeting.addItem': ' 加入：输入项目名称、编号或责任单位',
  'agenda meeting.moveItemTo': ' 把 CS-004 移到第几项（1-3）：',
  'agenda meeting.jumpTo': ' 转到第几项（1-3）：1',
  'agenda meeting.markDiscussed': 'CS-004 已标记为“已讨论”',
  'agenda meeting.markSkipped': 'CS-004 已标记为“跳过”',
  'agenda meeting.general': '综合事项 0项',
  'agenda meeting.addDecision': '── 新增议定事项（CS-004 乡村道路提质工程）',
  'agenda meeting.followups': '上次议定事项 1/2',
  'agenda meeting.close': '结束会议？还有2项以往议定事项未听取。',
  'agenda meeting.takeOver': '本窗口正在记录这次会议，不必接管',
  'agenda meeting.undo': '没有可撤销的修改',
  'agenda nav.open': '▶1. 尽快制定复工方案（区交通局·2021-10-15）',
  'meetingItem meeting.nextItem': '第3/3项',
  'meetingItem meeting.prevItem': '第1/3项',
  'meetingItem meeting.editDecision': '── 修改议定事项 2021-10-08-01（CS-004 乡村道路提质工程）',
  'meetingItem meeting.deleteDecision': '删除议定事项“尽快制定复工方案”？ y 删除 · n 取消',
  'meetingItem meeting.notes': /\n 备注：\s*\n/,
  'meetingItem meeting.projectDetail': 'diaodu › 项目详情 CS-004',
  'meetingItem meeting.dropItem': 'CS-004 已有1项议定事项，不能移出议程（先删除其议定事项）',
  'meetingItem meeting.jumpTo': ' 转到第几项（1-3）：1',
  'meetingItem meeting.markDiscussed': 'CS-004 已标记为“已讨论”',
  'meetingItem meeting.markSkipped': 'CS-004 已标记为“跳过”',
  'meetingItem meeting.addDecision': '── 新增议定事项（CS-004 乡村道路提质工程）',
  'meetingItem meeting.followups': '上次议定事项 1/2',
  'meetingItem meeting.close': '结束会议？还有2项以往议定事项未听取。',
  'meetingItem meeting.takeOver': '本窗口正在记录这次会议，不必接管',
  'meetingItem meeting.undo': '没有可撤销的修改',
  'meetingItem nav.open': '── 修改议定事项 2021-10-08-01（CS-004 乡村道路提质工程）',
  'followups meeting.takeOver': '本窗口正在记录这次会议，不必接管',
  'followups followup.done': '【本次：已落实】 2021-09-20-01',
  'followups followup.inProgress': '【本次：推进中】 2021-09-20-01',
  'followups followup.drop': '【本次：撤销】   2021-09-20-01',
  'followups followup.reset': '2021-09-20-01 本次尚未听取',
  'followups followup.note': ' 落实情况说明（未选状态，记为推进中）：',
  'followups meeting.undo': '没有可撤销的修改',
  'followups nav.open': ' 落实情况说明（未选状态，记为推进中）：',
};

let base: string;
let h: Harness | undefined;

beforeAll(async () => {
  // a meeting in progress with a decision on CS-004, left as after Ctrl+C
  const first = await openMeetingAt('agenda');
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
  it.each(ownCommands(context).map((c) => [c.command, c]))('%s shows what it does', async (_name, c) => {
    const expected = SHOWS[`${context} ${c.command}`];
    if (expected === undefined) throw new Error(`say what ${c.command} must show in ${context}`);
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
    h = await startApp({ routes: AT_MEETING, reuseDir: dir });
    const before = await h.waitFor(shows);
    if (typeof expected === 'string') expect(before).not.toContain(expected);
    else expect(before).not.toMatch(expected);
    const after = await h.press(sequence(c.spec), expected);
    const what = `${c.command} (${JSON.stringify(c.spec)})`;
    if (typeof expected === 'string') expect(after, what).toContain(expected);
    else expect(after, what).toMatch(expected);
  });
});
