// What a key does in the meeting room when no text field has focus: a pure function from the screen's
// state, the key press and what the meeting holds to the actions the room then carries out (MeetingRoom
// dispatches them in order). Which key is which command comes from key-bindings.ts; nothing here saves,
// reads a file or draws: saving goes through the recorder in room.tsx, so this can be tested by table
// (key-action.test.ts).
import { GENERAL_PROJECT } from '../../../domain/types.js';
import type { FollowupStatus, ItemStatus, LedgerEntry, Meeting } from '../../../domain/types.js';
import { commandFor } from '../../key-bindings.js';
import type { Command, KeyPress } from '../../key-bindings.js';
import type { StatusMessage } from '../chrome.js';
import { firstUnheard } from './earlier.js';
import { editDecisionDraft, newDecisionDraft } from './forms.js';
import type { DecisionDraft } from './forms.js';
import type { MeetingConfirm, MeetingUi, MeetingUiAction } from './state.js';

/** The footer of each view: what the secretary needs there (the key table's context). */
export type HintView =
  | 'agenda'
  | 'meetingItem'
  | 'meetingEarlier'
  | 'meetingGeneral'
  | 'followups'
  | 'meetingClosed';

export type ViewContext = 'confirm' | HintView;

/** The key table's context for what is on screen (a question, else the view). */
export function viewContext(u: MeetingUi): ViewContext {
  if (u.confirm) return 'confirm';
  switch (u.view) {
    case 'followups':
      return 'followups';
    case 'closed':
      return 'meetingClosed';
    case 'agenda':
      return 'agenda';
    case 'item':
      return u.earlier !== undefined ? 'meetingEarlier' : 'meetingItem';
    case 'general':
      return 'meetingGeneral';
  }
}

/** The follow-up marks and the status each records. */
export const FOLLOWUP_COMMANDS: Partial<Record<Command, FollowupStatus>> = {
  'followup.done': '已落实',
  'followup.inProgress': '推进中',
  'followup.drop': '撤销',
};

/** Commands that change the meeting, and what they would have done: refused when it is read-only. */
export const EDITING: Partial<Record<Command, string>> = {
  'meeting.addDecision': '新增议定事项',
  'meeting.editDecision': '修改议定事项',
  'meeting.deleteDecision': '删除议定事项',
  'meeting.notes': '填写备注',
  'meeting.moveItemUp': '调整议程顺序',
  'meeting.moveItemDown': '调整议程顺序',
  'meeting.dropItem': '移出议程',
  'meeting.addItem': '加入项目',
  'meeting.close': '结束会议',
  'followup.done': '记为已落实',
  'followup.inProgress': '记为推进中',
  'followup.drop': '记为撤销',
  'followup.note': '填写落实情况说明',
  'meeting.moveItemTo': '调整议程顺序',
  'meeting.markDiscussed': '标记已讨论',
  'meeting.markSkipped': '标记跳过',
  'meeting.undo': '撤销',
  'followup.reset': '改回未听取',
};

/** What the meeting holds, as far as keys need it. */
export interface MeetingKeyContext {
  /** the meeting as it stands (recorder.meeting) */
  meeting: Meeting;
  /** earlier decisions this meeting hears (recorder.followups) */
  followups: readonly LedgerEntry[];
  /** the shown project's earlier decisions that can be heard from its page (item view) */
  earlier: readonly LedgerEntry[];
  /** another diaodu records the meeting: only the keys that look work */
  readOnly: boolean;
  /** whether a project has a page (it is in the register) */
  hasProjectPage: (projectId: string) => boolean;
}

/** One thing the room does for a key, in order. */
export type MeetingKeyAction =
  /** change what is on screen (reduceMeetingUi) */
  | { type: 'ui'; action: MeetingUiAction }
  | { type: 'status'; status: StatusMessage }
  /** a change refused because the meeting is read-only; `doing` names it ("新增议定事项") */
  | { type: 'refuse'; doing: string }
  /** the answer to the question on the status line */
  | { type: 'answer'; yes: boolean }
  | { type: 'help'; context: ViewContext }
  | { type: 'takeOver' }
  /** leave the meeting screen (the meeting stays open) */
  | { type: 'leave' }
  /** the closed meeting's minutes (简报) */
  | { type: 'minutes' }
  | { type: 'projectPage'; projectId: string }
  /** scroll the closed meeting's summary by `by` lines, or to its first or last line */
  | { type: 'scrollClosed'; by: number }
  | { type: 'scrollClosed'; to: 'first' | 'last' }
  | { type: 'undo' }
  /** hear an earlier decision (null: back to not heard); `advance`: then the next one in the list */
  | { type: 'markFollowup'; decision: string; status: FollowupStatus | null; advance?: true }
  /** 已讨论 / 跳过 on an agenda project (the same mark again takes it off) */
  | { type: 'markItem'; project: string; status: ItemStatus }
  /** move an agenda project to position `to` (0-based) */
  | { type: 'moveItem'; project: string; to: number };

const ui = (action: MeetingUiAction): MeetingKeyAction => ({ type: 'ui', action });
const info = (text: string): MeetingKeyAction => ({ type: 'status', status: { kind: 'info', text } });
const openDecisionForm = (draft: DecisionDraft): MeetingKeyAction =>
  ui({ type: 'openForm', form: { type: 'decision', draft } });
const openFollowupNote = (meeting: Meeting, decision: string): MeetingKeyAction =>
  ui({
    type: 'openForm',
    form: {
      type: 'followupNote',
      decision,
      text: meeting.followups.find((f) => f.decision === decision)?.note ?? '',
    },
  });
const ask = (confirm: MeetingConfirm): MeetingKeyAction => ui({ type: 'ask', confirm });

const SCROLL: Partial<Record<Command, MeetingKeyAction>> = {
  'nav.up': { type: 'scrollClosed', by: -1 },
  'nav.down': { type: 'scrollClosed', by: 1 },
  'nav.pageUp': { type: 'scrollClosed', by: -10 },
  'nav.pageDown': { type: 'scrollClosed', by: 10 },
  'nav.home': { type: 'scrollClosed', to: 'first' },
  'nav.end': { type: 'scrollClosed', to: 'last' },
};

const CURSOR: Partial<Record<Command, MeetingUiAction>> = {
  'nav.up': { type: 'moveCursor', delta: -1 },
  'nav.down': { type: 'moveCursor', delta: 1 },
  'nav.pageUp': { type: 'moveCursor', delta: -10 },
  'nav.pageDown': { type: 'moveCursor', delta: 10 },
  'nav.home': { type: 'cursorTo', at: 'first' },
  'nav.end': { type: 'cursorTo', at: 'last' },
};

/** The closed summary's offset after a scroll action, within 0…max. */
export function scrollClosed(
  offset: number,
  action: Extract<MeetingKeyAction, { type: 'scrollClosed' }>,
  max: number,
): number {
  const from = Math.min(offset, max);
  const to = 'by' in action ? from + action.by : action.to === 'first' ? 0 : max;
  return Math.max(0, Math.min(max, to));
}

/** What a key press does in the meeting room (no text field has focus); [] when nothing. */
export function meetingKeyAction(
  u: MeetingUi,
  press: { input: string; key: KeyPress },
  m: MeetingKeyContext,
): MeetingKeyAction[] {
  const context = viewContext(u);
  const command = commandFor(context, press.input, press.key);
  if (!command) return [];
  if (u.confirm) {
    if (command === 'confirm.yes') return [{ type: 'answer', yes: true }];
    if (command === 'confirm.no' || command === 'app.back') return [{ type: 'answer', yes: false }];
    return [];
  }
  if (command === 'app.help') return [{ type: 'help', context }];
  if (command === 'meeting.takeOver') {
    if (!m.readOnly) return [info('本窗口正在记录这次会议，不必接管')];
    return [{ type: 'takeOver' }];
  }
  const refused =
    EDITING[command] ??
    ((u.view === 'item' || u.view === 'general') && command === 'nav.open' ? '修改' : undefined);
  if (m.readOnly && refused) return [{ type: 'refuse', doing: refused }];
  if (u.view === 'closed') {
    if (command === 'meeting.minutes') return [{ type: 'minutes' }];
    if (command === 'app.back') return [{ type: 'leave' }];
    const scroll = SCROLL[command];
    return scroll ? [scroll] : [];
  }
  if (command === 'meeting.undo') return [{ type: 'undo' }];
  const cursor = CURSOR[command];
  if (cursor) return [ui(cursor)];
  const items = m.meeting.items;
  if (u.view === 'followups') return followupsKey(u, command, m);
  if (u.view === 'general') {
    const decision = (m.meeting.general ?? [])[u.rowCursor];
    const open = openDecisionForm(newDecisionDraft(GENERAL_PROJECT));
    switch (command) {
      case 'app.back':
        return [ui({ type: 'show', view: 'agenda' })];
      case 'meeting.addDecision':
        return [open];
      case 'meeting.editDecision':
      case 'nav.open':
        if (decision) return [openDecisionForm(editDecisionDraft(GENERAL_PROJECT, decision))];
        return m.readOnly ? [] : [open];
      case 'meeting.deleteDecision':
        if (decision) return [ask({ type: 'deleteDecision', id: decision.id })];
        return [info('先用 ↑↓ 选中要删除的综合事项')];
      case 'meeting.followups':
        return [ui({ type: 'show', view: 'followups' })];
      case 'meeting.close':
        return [ask({ type: 'close' })];
      default:
        return [];
    }
  }
  // agenda and item views
  const shown = u.view === 'agenda' ? items[u.agendaCursor - 1] : items[u.itemIndex];
  switch (command) {
    case 'meeting.jumpTo':
      return [
        ui({ type: 'openForm', form: { type: 'position', purpose: 'jump', project: '', text: press.input } }),
      ];
    case 'meeting.markDiscussed':
    case 'meeting.markSkipped':
      if (!shown) return [];
      return [
        {
          type: 'markItem',
          project: shown.project,
          status: command === 'meeting.markDiscussed' ? '已讨论' : '跳过',
        },
      ];
    case 'meeting.followups':
      return [ui({ type: 'showFollowups', at: firstUnheard(m.followups, m.meeting) })];
    case 'meeting.close':
      return [ask({ type: 'close' })];
    case 'meeting.addItem':
      return [ui({ type: 'openForm', form: { type: 'addItem', query: '' } })];
    default:
      break;
  }
  const refuseDrop = (project: string, count: number): MeetingKeyAction => ({
    type: 'status',
    status: { kind: 'error', text: `${project} 已有${count}项议定事项，不能移出议程（先删除其议定事项）` },
  });
  if (u.view === 'agenda') {
    const row = u.agendaCursor;
    const it = items[row - 1];
    switch (command) {
      case 'app.back':
        return [{ type: 'leave' }];
      case 'nav.open':
        if (row === 0) return [ui({ type: 'show', view: 'followups' })];
        if (row === items.length + 1) return [ui({ type: 'openGeneral' })];
        return [ui({ type: 'openItem', index: row - 1 })];
      case 'meeting.general':
        return [ui({ type: 'openGeneral' })];
      case 'meeting.moveItemTo':
        if (!it) return [info('先用 ↑↓ 选中要移动的议程项目')];
        return [
          ui({
            type: 'openForm',
            form: { type: 'position', purpose: 'move', project: it.project, text: '' },
          }),
        ];
      case 'meeting.addDecision':
        if (row === items.length + 1)
          return [ui({ type: 'openGeneral' }), openDecisionForm(newDecisionDraft(GENERAL_PROJECT))];
        if (!it) return [];
        return [ui({ type: 'openItem', index: row - 1 }), openDecisionForm(newDecisionDraft(it.project))];
      case 'meeting.moveItemUp':
      case 'meeting.moveItemDown': {
        if (!it) return [];
        const to = row - 1 + (command === 'meeting.moveItemUp' ? -1 : 1);
        if (to < 0 || to >= items.length) return [];
        return [{ type: 'moveItem', project: it.project, to }];
      }
      case 'meeting.dropItem':
        if (!it) return [];
        if (it.decisions.length > 0) return [refuseDrop(it.project, it.decisions.length)];
        return [ask({ type: 'dropItem', project: it.project })];
      default:
        return [];
    }
  }
  // one project
  const it = items[u.itemIndex];
  if (!it) return [];
  if (u.earlier !== undefined) {
    const entry = m.earlier[u.earlier];
    const status = FOLLOWUP_COMMANDS[command];
    if (entry && status) return [{ type: 'markFollowup', decision: entry.decision.id, status }];
    if (entry && command === 'followup.reset')
      return [{ type: 'markFollowup', decision: entry.decision.id, status: null }];
    if (entry && (command === 'followup.note' || command === 'nav.open'))
      return [openFollowupNote(m.meeting, entry.decision.id)];
  }
  const decision = it.decisions[u.rowCursor];
  const openNotes = ui({
    type: 'openForm',
    form: { type: 'notes', project: it.project, text: it.notes ?? '' },
  });
  switch (command) {
    case 'app.back':
      return [ui({ type: 'show', view: 'agenda' })];
    case 'meeting.nextItem':
      return [ui({ type: 'stepItem', delta: 1 })];
    case 'meeting.prevItem':
      return [ui({ type: 'stepItem', delta: -1 })];
    case 'meeting.addDecision':
      return [openDecisionForm(newDecisionDraft(it.project))];
    case 'meeting.notes':
      return [openNotes];
    case 'meeting.projectDetail':
      return m.hasProjectPage(it.project) ? [{ type: 'projectPage', projectId: it.project }] : [];
    case 'meeting.editDecision':
    case 'nav.open':
      if (decision) return [openDecisionForm(editDecisionDraft(it.project, decision))];
      return [openNotes];
    case 'meeting.deleteDecision':
      if (decision) return [ask({ type: 'deleteDecision', id: decision.id })];
      return [info('先用 ↑↓ 选中要删除的议定事项')];
    case 'meeting.dropItem':
      if (it.decisions.length > 0) return [refuseDrop(it.project, it.decisions.length)];
      return [ask({ type: 'dropItem', project: it.project })];
    default:
      return [];
  }
}

/** The follow-up list: mark the selected earlier decision, write its note, or go back. */
function followupsKey(u: MeetingUi, command: Command, m: MeetingKeyContext): MeetingKeyAction[] {
  if (m.followups.length === 0 && command.startsWith('followup.'))
    return [info('没有需要听取的以往议定事项：按 Esc 回到议程')];
  const entry = m.followups[u.followupCursor];
  const status = FOLLOWUP_COMMANDS[command];
  if (status)
    return entry ? [{ type: 'markFollowup', decision: entry.decision.id, status, advance: true }] : [];
  if (command === 'followup.reset')
    return entry ? [{ type: 'markFollowup', decision: entry.decision.id, status: null }] : [];
  if (command === 'followup.note' || command === 'nav.open') {
    if (m.readOnly || !entry) return [];
    return [openFollowupNote(m.meeting, entry.decision.id)];
  }
  if (command === 'app.back') return [ui({ type: 'show', view: 'agenda' })];
  return [];
}
