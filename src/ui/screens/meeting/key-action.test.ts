// meetingKeyAction by table: in each view of the meeting room, every key of every command bound there
// (taken from key-bindings.ts, so a key added to the table without a row here fails the last test) and
// the actions the room carries out for it, written out by hand.
import { describe, expect, it } from 'vitest';
import type { Decision, LedgerEntry, Meeting } from '../../../domain/types.js';
import { GENERAL_PROJECT } from '../../../domain/types.js';
import { keysFor } from '../../key-bindings.js';
import type { Command, KeyPress, KeySpec } from '../../key-bindings.js';
import { editDecisionDraft, newDecisionDraft } from './forms.js';
import { meetingKeyAction, scrollClosed, viewContext } from './key-action.js';
import type { MeetingKeyAction, MeetingKeyContext, ViewContext } from './key-action.js';
import { initialMeetingUi } from './state.js';
import type { MeetingUi } from './state.js';

const decision = (id: string, text: string): Decision => ({ id, text, unit: '区发改局', due: '2021-10-15' });
const D1 = decision('2021-09-27-01', '督促施工单位增加作业面');
const G1 = decision('2021-09-27-02', '各单位按月报送进度');
const entry = (id: string, project: string): LedgerEntry => ({
  decision: decision(id, `以往议定事项 ${id}`),
  project,
  meetingDate: '2021-09-20',
  state: 'open',
  daysOverdue: 0,
  doneOnTime: false,
});
const E1 = entry('2021-09-20-01', 'A-1');
const E2 = entry('2021-09-20-02', 'A-2');

/** Two agenda projects (A-1 with a decision and notes, A-2 with none), one general decision, E1 heard. */
const meeting: Meeting = {
  meeting: { date: '2021-09-27', kind: '周调度', present: [], absent: [], attending: [], closed: false },
  items: [
    { project: 'A-1', reasons: [], notes: '已进场', decisions: [D1] },
    { project: 'A-2', reasons: [], decisions: [] },
  ],
  general: [G1],
  followups: [{ decision: E1.decision.id, status: '推进中', note: '正在办理' }],
};

const recording: MeetingKeyContext = {
  meeting,
  followups: [E1, E2],
  earlier: [],
  readOnly: false,
  hasProjectPage: (id) => id === 'A-1' || id === 'A-2',
};

const AGENDA_A1: Partial<MeetingUi> = { view: 'agenda', agendaCursor: 1 };
const AGENDA_A2: Partial<MeetingUi> = { view: 'agenda', agendaCursor: 2 };
const AGENDA_FOLLOWUPS_ROW: Partial<MeetingUi> = { view: 'agenda', agendaCursor: 0 };
const AGENDA_GENERAL_ROW: Partial<MeetingUi> = { view: 'agenda', agendaCursor: 3 };
const ITEM_A1: Partial<MeetingUi> = { view: 'item', itemIndex: 0, rowCursor: 0 };
const ITEM_A1_NOTES_ROW: Partial<MeetingUi> = { view: 'item', itemIndex: 0, rowCursor: 1 };
const ITEM_A2: Partial<MeetingUi> = { view: 'item', itemIndex: 1, rowCursor: 0 };
const EARLIER: Partial<MeetingUi> = { view: 'item', itemIndex: 0, rowCursor: 0, earlier: 0 };
const GENERAL: Partial<MeetingUi> = { view: 'general', rowCursor: 0 };
const GENERAL_NEW_ROW: Partial<MeetingUi> = { view: 'general', rowCursor: 1 };
const FOLLOWUPS: Partial<MeetingUi> = { view: 'followups', followupCursor: 0 };
const FOLLOWUPS_E2: Partial<MeetingUi> = { view: 'followups', followupCursor: 1 };
const CLOSED: Partial<MeetingUi> = { view: 'closed' };
const ASKING: Partial<MeetingUi> = { view: 'agenda', agendaCursor: 1, confirm: { type: 'close' } };

const READ_ONLY: Partial<MeetingKeyContext> = { readOnly: true };
const NO_FOLLOWUPS: Partial<MeetingKeyContext> = { followups: [] };
const ON_PAGE: Partial<MeetingKeyContext> = { earlier: [E1] };

const ui = (action: Extract<MeetingKeyAction, { type: 'ui' }>['action']): MeetingKeyAction => ({
  type: 'ui',
  action,
});
const info = (text: string): MeetingKeyAction => ({ type: 'status', status: { kind: 'info', text } });
const error = (text: string): MeetingKeyAction => ({ type: 'status', status: { kind: 'error', text } });
const refuse = (doing: string): MeetingKeyAction => ({ type: 'refuse', doing });
const decisionForm = (draft: ReturnType<typeof newDecisionDraft>) =>
  ui({ type: 'openForm', form: { type: 'decision', draft } });
const A1_NOTES = ui({ type: 'openForm', form: { type: 'notes', project: 'A-1', text: '已进场' } });
const E1_NOTE = ui({
  type: 'openForm',
  form: { type: 'followupNote', decision: E1.decision.id, text: '正在办理' },
});
const E2_NOTE = ui({ type: 'openForm', form: { type: 'followupNote', decision: E2.decision.id, text: '' } });

type Row = [
  name: string,
  ui: Partial<MeetingUi>,
  command: Command,
  expected: MeetingKeyAction[] | ((input: string) => MeetingKeyAction[]),
  context?: Partial<MeetingKeyContext>,
];

const CURSOR_ROWS = (state: Partial<MeetingUi>, view: string): Row[] => [
  [`${view}: up`, state, 'nav.up', [ui({ type: 'moveCursor', delta: -1 })]],
  [`${view}: down`, state, 'nav.down', [ui({ type: 'moveCursor', delta: 1 })]],
  [`${view}: page up`, state, 'nav.pageUp', [ui({ type: 'moveCursor', delta: -10 })]],
  [`${view}: page down`, state, 'nav.pageDown', [ui({ type: 'moveCursor', delta: 10 })]],
  [`${view}: first row`, state, 'nav.home', [ui({ type: 'cursorTo', at: 'first' })]],
  [`${view}: last row`, state, 'nav.end', [ui({ type: 'cursorTo', at: 'last' })]],
];

/** Rows every view but the closed one shares: help, quit (the app's), take over, undo. */
const COMMON_ROWS = (state: Partial<MeetingUi>, view: string, context: ViewContext): Row[] => [
  [`${view}: help`, state, 'app.help', [{ type: 'help', context }]],
  [`${view}: Ctrl+C is the app's`, state, 'app.quit', []],
  [
    `${view}: take over while recording`,
    state,
    'meeting.takeOver',
    [info('本窗口正在记录这次会议，不必接管')],
  ],
  [`${view}: take over a read-only meeting`, state, 'meeting.takeOver', [{ type: 'takeOver' }], READ_ONLY],
  [`${view}: undo`, state, 'meeting.undo', [{ type: 'undo' }]],
  [`${view}: undo, read-only`, state, 'meeting.undo', [refuse('撤销')], READ_ONLY],
  ...CURSOR_ROWS(state, view),
];

const ROWS: Row[] = [
  // ---- the agenda (row 0: the follow-ups, 1…2: the projects, 3: 综合事项)
  ...COMMON_ROWS(AGENDA_A1, 'agenda', 'agenda'),
  ['agenda: open a project', AGENDA_A1, 'nav.open', [ui({ type: 'openItem', index: 0 })]],
  [
    'agenda: open the follow-ups row',
    AGENDA_FOLLOWUPS_ROW,
    'nav.open',
    [ui({ type: 'show', view: 'followups' })],
  ],
  ['agenda: open the 综合事项 row', AGENDA_GENERAL_ROW, 'nav.open', [ui({ type: 'openGeneral' })]],
  [
    'agenda: open, read-only (looking is allowed)',
    AGENDA_A2,
    'nav.open',
    [ui({ type: 'openItem', index: 1 })],
    READ_ONLY,
  ],
  ['agenda: leave the screen', AGENDA_A1, 'app.back', [{ type: 'leave' }]],
  ['agenda: 综合事项', AGENDA_A1, 'meeting.general', [ui({ type: 'openGeneral' })]],
  [
    'agenda: move to a position',
    AGENDA_A1,
    'meeting.moveItemTo',
    [ui({ type: 'openForm', form: { type: 'position', purpose: 'move', project: 'A-1', text: '' } })],
  ],
  [
    'agenda: move, no project selected',
    AGENDA_FOLLOWUPS_ROW,
    'meeting.moveItemTo',
    [info('先用 ↑↓ 选中要移动的议程项目')],
  ],
  ['agenda: move, read-only', AGENDA_A1, 'meeting.moveItemTo', [refuse('调整议程顺序')], READ_ONLY],
  [
    'agenda: new decision on a project',
    AGENDA_A1,
    'meeting.addDecision',
    [ui({ type: 'openItem', index: 0 }), decisionForm(newDecisionDraft('A-1'))],
  ],
  [
    'agenda: new decision on the 综合事项 row',
    AGENDA_GENERAL_ROW,
    'meeting.addDecision',
    [ui({ type: 'openGeneral' }), decisionForm(newDecisionDraft(GENERAL_PROJECT))],
  ],
  ['agenda: new decision on the follow-ups row', AGENDA_FOLLOWUPS_ROW, 'meeting.addDecision', []],
  ['agenda: new decision, read-only', AGENDA_A1, 'meeting.addDecision', [refuse('新增议定事项')], READ_ONLY],
  ['agenda: move the first project up', AGENDA_A1, 'meeting.moveItemUp', []],
  [
    'agenda: move a project up',
    AGENDA_A2,
    'meeting.moveItemUp',
    [{ type: 'moveItem', project: 'A-2', to: 0 }],
  ],
  [
    'agenda: move a project down',
    AGENDA_A1,
    'meeting.moveItemDown',
    [{ type: 'moveItem', project: 'A-1', to: 1 }],
  ],
  ['agenda: move the last project down', AGENDA_A2, 'meeting.moveItemDown', []],
  ['agenda: move down, read-only', AGENDA_A1, 'meeting.moveItemDown', [refuse('调整议程顺序')], READ_ONLY],
  [
    'agenda: drop a project with decisions',
    AGENDA_A1,
    'meeting.dropItem',
    [error('A-1 已有1项议定事项，不能移出议程（先删除其议定事项）')],
  ],
  [
    'agenda: drop a project',
    AGENDA_A2,
    'meeting.dropItem',
    [ui({ type: 'ask', confirm: { type: 'dropItem', project: 'A-2' } })],
  ],
  ['agenda: drop on the follow-ups row', AGENDA_FOLLOWUPS_ROW, 'meeting.dropItem', []],
  ['agenda: drop, read-only', AGENDA_A2, 'meeting.dropItem', [refuse('移出议程')], READ_ONLY],
  [
    'agenda: add a project',
    AGENDA_A1,
    'meeting.addItem',
    [ui({ type: 'openForm', form: { type: 'addItem', query: '' } })],
  ],
  ['agenda: add a project, read-only', AGENDA_A1, 'meeting.addItem', [refuse('加入项目')], READ_ONLY],
  [
    'agenda: a digit jumps to that item',
    AGENDA_A1,
    'meeting.jumpTo',
    (input) => [
      ui({ type: 'openForm', form: { type: 'position', purpose: 'jump', project: '', text: input } }),
    ],
  ],
  [
    'agenda: mark 已讨论',
    AGENDA_A1,
    'meeting.markDiscussed',
    [{ type: 'markItem', project: 'A-1', status: '已讨论' }],
  ],
  [
    'agenda: mark 跳过',
    AGENDA_A2,
    'meeting.markSkipped',
    [{ type: 'markItem', project: 'A-2', status: '跳过' }],
  ],
  ['agenda: mark on the follow-ups row', AGENDA_FOLLOWUPS_ROW, 'meeting.markDiscussed', []],
  ['agenda: mark, read-only', AGENDA_A1, 'meeting.markSkipped', [refuse('标记跳过')], READ_ONLY],
  // E1 is heard already: the list opens at E2
  [
    'agenda: the follow-ups, at the first not heard',
    AGENDA_A1,
    'meeting.followups',
    [ui({ type: 'showFollowups', at: 1 })],
  ],
  [
    'agenda: close the meeting',
    AGENDA_A1,
    'meeting.close',
    [ui({ type: 'ask', confirm: { type: 'close' } })],
  ],
  ['agenda: close, read-only', AGENDA_A1, 'meeting.close', [refuse('结束会议')], READ_ONLY],

  // ---- one project (row 0: its decision D1, row 1: notes)
  ...COMMON_ROWS(ITEM_A1, 'item', 'meetingItem'),
  ['item: next project', ITEM_A1, 'meeting.nextItem', [ui({ type: 'stepItem', delta: 1 })]],
  ['item: previous project', ITEM_A1, 'meeting.prevItem', [ui({ type: 'stepItem', delta: -1 })]],
  [
    'item: next project, read-only',
    ITEM_A1,
    'meeting.nextItem',
    [ui({ type: 'stepItem', delta: 1 })],
    READ_ONLY,
  ],
  ['item: new decision', ITEM_A1, 'meeting.addDecision', [decisionForm(newDecisionDraft('A-1'))]],
  [
    'item: edit the selected decision',
    ITEM_A1,
    'meeting.editDecision',
    [decisionForm(editDecisionDraft('A-1', D1))],
  ],
  ['item: edit on the notes row', ITEM_A1_NOTES_ROW, 'meeting.editDecision', [A1_NOTES]],
  [
    'item: Enter edits the selected decision',
    ITEM_A1,
    'nav.open',
    [decisionForm(editDecisionDraft('A-1', D1))],
  ],
  ['item: Enter, read-only', ITEM_A1, 'nav.open', [refuse('修改')], READ_ONLY],
  ['item: edit, read-only', ITEM_A1, 'meeting.editDecision', [refuse('修改议定事项')], READ_ONLY],
  [
    'item: delete the selected decision',
    ITEM_A1,
    'meeting.deleteDecision',
    [ui({ type: 'ask', confirm: { type: 'deleteDecision', id: D1.id } })],
  ],
  [
    'item: delete on the notes row',
    ITEM_A1_NOTES_ROW,
    'meeting.deleteDecision',
    [info('先用 ↑↓ 选中要删除的议定事项')],
  ],
  ['item: delete, read-only', ITEM_A1, 'meeting.deleteDecision', [refuse('删除议定事项')], READ_ONLY],
  ['item: notes', ITEM_A1, 'meeting.notes', [A1_NOTES]],
  ['item: notes, read-only', ITEM_A1, 'meeting.notes', [refuse('填写备注')], READ_ONLY],
  ['item: the project page', ITEM_A1, 'meeting.projectDetail', [{ type: 'projectPage', projectId: 'A-1' }]],
  [
    'item: no page for a project not in the register',
    ITEM_A1,
    'meeting.projectDetail',
    [],
    { hasProjectPage: () => false },
  ],
  [
    'item: drop with decisions',
    ITEM_A1,
    'meeting.dropItem',
    [error('A-1 已有1项议定事项，不能移出议程（先删除其议定事项）')],
  ],
  [
    'item: drop',
    ITEM_A2,
    'meeting.dropItem',
    [ui({ type: 'ask', confirm: { type: 'dropItem', project: 'A-2' } })],
  ],
  ['item: back to the agenda', ITEM_A1, 'app.back', [ui({ type: 'show', view: 'agenda' })]],
  [
    'item: a digit jumps to that item',
    ITEM_A1,
    'meeting.jumpTo',
    (input) => [
      ui({ type: 'openForm', form: { type: 'position', purpose: 'jump', project: '', text: input } }),
    ],
  ],
  [
    'item: mark 已讨论',
    ITEM_A2,
    'meeting.markDiscussed',
    [{ type: 'markItem', project: 'A-2', status: '已讨论' }],
  ],
  ['item: mark 跳过', ITEM_A1, 'meeting.markSkipped', [{ type: 'markItem', project: 'A-1', status: '跳过' }]],
  ['item: the follow-ups', ITEM_A1, 'meeting.followups', [ui({ type: 'showFollowups', at: 1 })]],
  ['item: close the meeting', ITEM_A1, 'meeting.close', [ui({ type: 'ask', confirm: { type: 'close' } })]],

  // ---- one project, an earlier decision of it selected (E1, heard 推进中 with a note)
  ...COMMON_ROWS(EARLIER, 'earlier', 'meetingEarlier').map(
    (r): Row => [r[0], r[1], r[2], r[3], { ...ON_PAGE, ...r[4] }],
  ),
  [
    'earlier: 已落实',
    EARLIER,
    'followup.done',
    [{ type: 'markFollowup', decision: E1.decision.id, status: '已落实' }],
    ON_PAGE,
  ],
  [
    'earlier: 推进中',
    EARLIER,
    'followup.inProgress',
    [{ type: 'markFollowup', decision: E1.decision.id, status: '推进中' }],
    ON_PAGE,
  ],
  [
    'earlier: 撤销',
    EARLIER,
    'followup.drop',
    [{ type: 'markFollowup', decision: E1.decision.id, status: '撤销' }],
    ON_PAGE,
  ],
  [
    'earlier: back to not heard',
    EARLIER,
    'followup.reset',
    [{ type: 'markFollowup', decision: E1.decision.id, status: null }],
    ON_PAGE,
  ],
  ['earlier: the note', EARLIER, 'followup.note', [E1_NOTE], ON_PAGE],
  ['earlier: Enter opens the note', EARLIER, 'nav.open', [E1_NOTE], ON_PAGE],
  [
    'earlier: 已落实, read-only',
    EARLIER,
    'followup.done',
    [refuse('记为已落实')],
    { ...ON_PAGE, ...READ_ONLY },
  ],
  [
    'earlier: the note, read-only',
    EARLIER,
    'followup.note',
    [refuse('填写落实情况说明')],
    { ...ON_PAGE, ...READ_ONLY },
  ],
  ['earlier: no longer on the page', EARLIER, 'followup.done', []],
  [
    'earlier: no longer on the page, Enter edits the decision',
    EARLIER,
    'nav.open',
    [decisionForm(editDecisionDraft('A-1', D1))],
  ],
  ['earlier: notes of the project', EARLIER, 'meeting.notes', [A1_NOTES], ON_PAGE],
  [
    'earlier: the project page',
    EARLIER,
    'meeting.projectDetail',
    [{ type: 'projectPage', projectId: 'A-1' }],
    ON_PAGE,
  ],
  ['earlier: next project', EARLIER, 'meeting.nextItem', [ui({ type: 'stepItem', delta: 1 })], ON_PAGE],
  ['earlier: previous project', EARLIER, 'meeting.prevItem', [ui({ type: 'stepItem', delta: -1 })], ON_PAGE],
  ['earlier: new decision', EARLIER, 'meeting.addDecision', [decisionForm(newDecisionDraft('A-1'))], ON_PAGE],
  ['earlier: the follow-ups', EARLIER, 'meeting.followups', [ui({ type: 'showFollowups', at: 1 })], ON_PAGE],
  [
    'earlier: close the meeting',
    EARLIER,
    'meeting.close',
    [ui({ type: 'ask', confirm: { type: 'close' } })],
    ON_PAGE,
  ],
  ['earlier: back to the agenda', EARLIER, 'app.back', [ui({ type: 'show', view: 'agenda' })], ON_PAGE],

  // ---- 综合事项 (row 0: G1, row 1: 新增)
  ...COMMON_ROWS(GENERAL, 'general', 'meetingGeneral'),
  ['general: back to the agenda', GENERAL, 'app.back', [ui({ type: 'show', view: 'agenda' })]],
  [
    'general: new decision',
    GENERAL,
    'meeting.addDecision',
    [decisionForm(newDecisionDraft(GENERAL_PROJECT))],
  ],
  [
    'general: edit the selected one',
    GENERAL,
    'meeting.editDecision',
    [decisionForm(editDecisionDraft(GENERAL_PROJECT, G1))],
  ],
  [
    'general: Enter on the 新增 row',
    GENERAL_NEW_ROW,
    'nav.open',
    [decisionForm(newDecisionDraft(GENERAL_PROJECT))],
  ],
  ['general: Enter, read-only', GENERAL, 'nav.open', [refuse('修改')], READ_ONLY],
  [
    'general: delete the selected one',
    GENERAL,
    'meeting.deleteDecision',
    [ui({ type: 'ask', confirm: { type: 'deleteDecision', id: G1.id } })],
  ],
  [
    'general: delete on the 新增 row',
    GENERAL_NEW_ROW,
    'meeting.deleteDecision',
    [info('先用 ↑↓ 选中要删除的综合事项')],
  ],
  ['general: the follow-ups', GENERAL, 'meeting.followups', [ui({ type: 'show', view: 'followups' })]],
  ['general: close the meeting', GENERAL, 'meeting.close', [ui({ type: 'ask', confirm: { type: 'close' } })]],

  // ---- the follow-up list (E1 heard 推进中 with a note, E2 not heard)
  ...COMMON_ROWS(FOLLOWUPS, 'followups', 'followups'),
  [
    'followups: 已落实, then the next',
    FOLLOWUPS,
    'followup.done',
    [{ type: 'markFollowup', decision: E1.decision.id, status: '已落实', advance: true }],
  ],
  [
    'followups: 推进中, then the next',
    FOLLOWUPS_E2,
    'followup.inProgress',
    [{ type: 'markFollowup', decision: E2.decision.id, status: '推进中', advance: true }],
  ],
  [
    'followups: 撤销, then the next',
    FOLLOWUPS,
    'followup.drop',
    [{ type: 'markFollowup', decision: E1.decision.id, status: '撤销', advance: true }],
  ],
  [
    'followups: back to not heard',
    FOLLOWUPS,
    'followup.reset',
    [{ type: 'markFollowup', decision: E1.decision.id, status: null }],
  ],
  ['followups: the note', FOLLOWUPS, 'followup.note', [E1_NOTE]],
  ['followups: Enter opens the note (empty when none)', FOLLOWUPS_E2, 'nav.open', [E2_NOTE]],
  ['followups: Enter, read-only', FOLLOWUPS, 'nav.open', [], READ_ONLY],
  ['followups: 已落实, read-only', FOLLOWUPS, 'followup.done', [refuse('记为已落实')], READ_ONLY],
  ['followups: back to not heard, read-only', FOLLOWUPS, 'followup.reset', [refuse('改回未听取')], READ_ONLY],
  ['followups: the cursor past the list', { view: 'followups', followupCursor: 5 }, 'followup.done', []],
  [
    'followups: nothing to hear',
    FOLLOWUPS,
    'followup.done',
    [info('没有需要听取的以往议定事项：按 Esc 回到议程')],
    NO_FOLLOWUPS,
  ],
  [
    'followups: nothing to hear, note',
    FOLLOWUPS,
    'followup.note',
    [info('没有需要听取的以往议定事项：按 Esc 回到议程')],
    NO_FOLLOWUPS,
  ],
  ['followups: back to the agenda', FOLLOWUPS, 'app.back', [ui({ type: 'show', view: 'agenda' })]],

  // ---- after the meeting closed: the summary scrolls
  ['closed: help', CLOSED, 'app.help', [{ type: 'help', context: 'meetingClosed' }]],
  ["closed: Ctrl+C is the app's", CLOSED, 'app.quit', []],
  ['closed: the minutes', CLOSED, 'meeting.minutes', [{ type: 'minutes' }]],
  ['closed: leave the screen', CLOSED, 'app.back', [{ type: 'leave' }]],
  ['closed: up', CLOSED, 'nav.up', [{ type: 'scrollClosed', by: -1 }]],
  ['closed: down', CLOSED, 'nav.down', [{ type: 'scrollClosed', by: 1 }]],
  ['closed: page up', CLOSED, 'nav.pageUp', [{ type: 'scrollClosed', by: -10 }]],
  ['closed: page down', CLOSED, 'nav.pageDown', [{ type: 'scrollClosed', by: 10 }]],
  ['closed: top', CLOSED, 'nav.home', [{ type: 'scrollClosed', to: 'first' }]],
  ['closed: bottom', CLOSED, 'nav.end', [{ type: 'scrollClosed', to: 'last' }]],
  ['closed: down, read-only', CLOSED, 'nav.down', [{ type: 'scrollClosed', by: 1 }], READ_ONLY],

  // ---- a question on the status line
  ['question: yes', ASKING, 'confirm.yes', [{ type: 'answer', yes: true }]],
  ['question: no', ASKING, 'confirm.no', [{ type: 'answer', yes: false }]],
  ["question: Ctrl+C is the app's", ASKING, 'app.quit', []],
];

/** The key press a key spec describes, as Ink reports it. */
function pressOf(spec: KeySpec): { input: string; key: KeyPress } {
  const mods: KeyPress = {
    ...(spec.ctrl ? { ctrl: true } : {}),
    ...(spec.meta ? { meta: true } : {}),
    ...(spec.shift ? { shift: true } : {}),
  };
  if (spec.key !== undefined) return { input: '', key: { ...mods, [spec.key]: true } };
  return { input: spec.input ?? '', key: mods };
}

function keysOf(command: Command, context: ViewContext): KeySpec[] {
  const binding = keysFor(context).find((b) => b.command === command);
  if (!binding) throw new Error(`${command} is not bound in ${context}`);
  return binding.keys;
}

describe('meetingKeyAction', () => {
  it.each(ROWS)('%s', (_name, state, command, expected, overrides) => {
    const u: MeetingUi = { ...initialMeetingUi, ...state };
    const context = viewContext(u);
    for (const spec of keysOf(command, context)) {
      const press = pressOf(spec);
      const want = typeof expected === 'function' ? expected(press.input) : expected;
      expect(meetingKeyAction(u, press, { ...recording, ...overrides }), JSON.stringify(spec)).toEqual(want);
    }
  });

  it('does nothing for a key bound to nothing here', () => {
    expect(
      meetingKeyAction({ ...initialMeetingUi, ...AGENDA_A1 }, { input: 'w', key: {} }, recording),
    ).toEqual([]);
    expect(meetingKeyAction({ ...initialMeetingUi, ...ASKING }, { input: 'a', key: {} }, recording)).toEqual(
      [],
    );
  });

  it('has a row for every command bound in every view of the meeting room', () => {
    const states: Record<ViewContext, Partial<MeetingUi>> = {
      agenda: AGENDA_A1,
      meetingItem: ITEM_A1,
      meetingEarlier: EARLIER,
      meetingGeneral: GENERAL,
      followups: FOLLOWUPS,
      meetingClosed: CLOSED,
      confirm: ASKING,
    };
    const missing: string[] = [];
    for (const [context, state] of Object.entries(states) as [ViewContext, Partial<MeetingUi>][]) {
      expect(viewContext({ ...initialMeetingUi, ...state })).toBe(context);
      for (const { command } of keysFor(context)) {
        const covered = ROWS.some(
          ([, s, c]) => c === command && viewContext({ ...initialMeetingUi, ...s }) === context,
        );
        if (!covered) missing.push(`${context}: ${command}`);
      }
    }
    expect(missing).toEqual([]);
  });
});

describe('scrollClosed', () => {
  it('keeps the summary between its first line and `max`', () => {
    expect(scrollClosed(2, { type: 'scrollClosed', by: 1 }, 5)).toBe(3);
    expect(scrollClosed(0, { type: 'scrollClosed', by: -1 }, 5)).toBe(0);
    expect(scrollClosed(2, { type: 'scrollClosed', by: 10 }, 5)).toBe(5);
    expect(scrollClosed(4, { type: 'scrollClosed', to: 'first' }, 5)).toBe(0);
    expect(scrollClosed(0, { type: 'scrollClosed', to: 'last' }, 5)).toBe(5);
    // an offset left beyond a summary that got shorter (a wider window) counts from its end
    expect(scrollClosed(9, { type: 'scrollClosed', by: -1 }, 5)).toBe(4);
  });
});
