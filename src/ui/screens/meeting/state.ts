// Where the secretary is in the meeting, as pure state: the agenda, the follow-up list, one project,
// and whichever form or question is open. The meeting's content itself is the MeetingDocument's.
// The whole state (with a half-typed form) is written to the draft file after every change, so a
// resumed meeting opens where it was left.
import { DECISION_FIELDS, reduceDecisionForm } from './forms.js';
import type { DecisionDraft, DecisionField, DecisionFormAction } from './forms.js';
import type { LockInfo } from '../../../store/lock.js';

/** `general`: the 综合事项 (decisions tied to no project), opened from the agenda's last row */
export type MeetingView = 'agenda' | 'followups' | 'item' | 'general' | 'closed';

export type MeetingForm =
  | { type: 'decision'; draft: DecisionDraft }
  | { type: 'notes'; project: string; text: string }
  | { type: 'followupNote'; decision: string; text: string }
  | { type: 'addItem'; query: string }
  /** a number typed on the agenda: move `project` to that position, or jump to that item */
  | { type: 'position'; purpose: 'move' | 'jump'; project: string; text: string };

export type MeetingConfirm =
  | { type: 'deleteDecision'; id: string }
  | { type: 'dropItem'; project: string }
  | { type: 'close' }
  /** Esc on a form with text in it */
  | { type: 'discard' }
  /** read-only: take the meeting over from the window that records it (named) */
  | { type: 'takeOver'; holder: LockInfo }

  /** a decision to save although the form has doubts about it (warnings); "no" goes to `field` */
  | { type: 'saveDecision'; warnings: string[]; field: DecisionField };

export interface MeetingUi {
  view: MeetingView;
  /** agenda rows: 0 is 上次议定事项落实情况, 1… the projects, then 综合事项 */
  agendaCursor: number;
  /** the project shown (index into the agenda items) */
  itemIndex: number;
  /** rows of the project page: its decisions, then the notes row (综合事项: its decisions, then 新增) */
  rowCursor: number;
  followupCursor: number;
  /**
   * On a project's page, the selected earlier decision still to be heard (index into the ones shown
   * as 以往议定), marked there without leaving the project; undefined: the cursor is on rowCursor.
   */
  earlier?: number;
  form: MeetingForm | null;
  confirm: MeetingConfirm | null;
}

export const initialMeetingUi: MeetingUi = {
  view: 'agenda',
  agendaCursor: 0,
  itemIndex: 0,
  rowCursor: 0,
  followupCursor: 0,
  form: null,
  confirm: null,
};

/** Sizes the cursors are kept within. */
export interface MeetingCounts {
  items: number;
  followups: number;
  /** decisions of the shown project, or the general ones (the page has one more row: notes / 新增) */
  decisions: number;
  /** earlier decisions of the shown project still to be heard (rows above its decisions) */
  earlier?: number;
}

export type MeetingUiAction =
  | { type: 'show'; view: MeetingView }
  /** the follow-up list, at a given entry (the first one not heard yet) */
  | { type: 'showFollowups'; at: number }
  | { type: 'openItem'; index: number }
  /** the 综合事项 page (agenda row after the projects) */
  | { type: 'openGeneral' }
  | { type: 'stepItem'; delta: 1 | -1 }
  | { type: 'moveCursor'; delta: number }
  | { type: 'cursorTo'; at: 'first' | 'last' }
  | { type: 'setRow'; row: number }
  | { type: 'openForm'; form: MeetingForm }
  | { type: 'updateForm'; form: MeetingForm }
  | { type: 'closeForm' }
  | { type: 'ask'; confirm: MeetingConfirm }
  | { type: 'answered' }
  /** after an agenda change: keep the cursor on the moved project */
  | { type: 'agendaCursor'; row: number }
  /** an edit inside the open decision form */
  | { type: 'decisionForm'; action: DecisionFormAction }
  /** the text of the open one-line form (notes, follow-up note, project search) */
  | { type: 'formText'; text: string };

function clamp(n: number, min: number, max: number): number {
  return Math.max(min, Math.min(max, n));
}

/** Keeps every cursor inside the current sizes (after a deletion, a drop, or a resumed draft). */
export function clampMeetingUi(ui: MeetingUi, counts: MeetingCounts): MeetingUi {
  const agendaCursor = clamp(ui.agendaCursor, 0, counts.items + 1);
  const itemIndex = clamp(ui.itemIndex, 0, Math.max(0, counts.items - 1));
  const rowCursor = clamp(ui.rowCursor, 0, counts.decisions);
  const followupCursor = clamp(ui.followupCursor, 0, Math.max(0, counts.followups - 1));
  const view = ui.view === 'item' && counts.items === 0 ? 'agenda' : ui.view;
  if (ui.earlier !== undefined && (view !== 'item' || ui.earlier >= (counts.earlier ?? 0))) {
    return clampMeetingUi(onRows({ ...ui, view }), counts);
  }
  if (
    agendaCursor === ui.agendaCursor &&
    itemIndex === ui.itemIndex &&
    rowCursor === ui.rowCursor &&
    followupCursor === ui.followupCursor &&
    view === ui.view
  ) {
    return ui;
  }
  return { ...ui, view, agendaCursor, itemIndex, rowCursor, followupCursor };
}

/** The same state with the project page's cursor back on its decisions and notes. */
function onRows(ui: MeetingUi): MeetingUi {
  if (ui.earlier === undefined) return ui;
  const { earlier: _earlier, ...rest } = ui;
  return rest;
}

/** ↑↓ on a project's page: its earlier decisions to hear, then its decisions, then the notes row. */
function moveOnPage(
  ui: MeetingUi,
  action: { type: 'moveCursor'; delta: number } | { type: 'cursorTo'; at: 'first' | 'last' },
  counts: MeetingCounts,
): MeetingUi {
  const earlier = counts.earlier ?? 0;
  const size = earlier + counts.decisions + 1;
  const current = ui.earlier ?? earlier + ui.rowCursor;
  const next =
    action.type === 'cursorTo'
      ? action.at === 'first'
        ? 0
        : size - 1
      : clamp(current + action.delta, 0, size - 1);
  if (next === current) return ui;
  if (next < earlier) return { ...ui, earlier: next };
  return { ...onRows(ui), rowCursor: next - earlier };
}

export function reduceMeetingUi(ui: MeetingUi, action: MeetingUiAction, counts: MeetingCounts): MeetingUi {
  if (
    ui.earlier !== undefined &&
    (action.type === 'openItem' ||
      action.type === 'stepItem' ||
      action.type === 'show' ||
      action.type === 'setRow')
  ) {
    ui = onRows(ui);
  }
  switch (action.type) {
    case 'show':
      return { ...ui, view: action.view, form: null, confirm: null };
    case 'showFollowups':
      return {
        ...onRows(ui),
        view: 'followups',
        followupCursor: clamp(action.at, 0, Math.max(0, counts.followups - 1)),
        form: null,
        confirm: null,
      };
    case 'openItem':
      if (counts.items === 0) return ui;
      return {
        ...ui,
        view: 'item',
        itemIndex: clamp(action.index, 0, counts.items - 1),
        agendaCursor: clamp(action.index, 0, counts.items - 1) + 1,
        rowCursor: 0,
        form: null,
        confirm: null,
      };
    case 'openGeneral':
      return {
        ...ui,
        view: 'general',
        agendaCursor: counts.items + 1,
        rowCursor: 0,
        form: null,
        confirm: null,
      };
    case 'stepItem': {
      if (ui.view !== 'item' || counts.items === 0) return ui;
      const index = ui.itemIndex + action.delta;
      if (index < 0 || index >= counts.items) return ui;
      return { ...ui, itemIndex: index, agendaCursor: index + 1, rowCursor: 0 };
    }
    case 'moveCursor':
    case 'cursorTo': {
      if (ui.view === 'item') return moveOnPage(ui, action, counts);
      const size =
        ui.view === 'agenda'
          ? counts.items + 2
          : ui.view === 'followups'
            ? counts.followups
            : counts.decisions + 1;
      if (size <= 0) return ui;
      const current =
        ui.view === 'agenda' ? ui.agendaCursor : ui.view === 'followups' ? ui.followupCursor : ui.rowCursor;
      const next =
        action.type === 'cursorTo'
          ? action.at === 'first'
            ? 0
            : size - 1
          : clamp(current + action.delta, 0, size - 1);
      if (next === current) return ui;
      if (ui.view === 'agenda') return { ...ui, agendaCursor: next };
      if (ui.view === 'followups') return { ...ui, followupCursor: next };
      return { ...ui, rowCursor: next };
    }
    case 'setRow':
      return ui.rowCursor === action.row ? ui : { ...ui, rowCursor: clamp(action.row, 0, counts.decisions) };
    case 'openForm':
    case 'updateForm':
      return { ...ui, form: action.form, confirm: null };
    case 'closeForm':
      return ui.form === null && ui.confirm === null ? ui : { ...ui, form: null, confirm: null };
    case 'ask':
      return { ...ui, confirm: action.confirm };
    case 'answered':
      return ui.confirm === null ? ui : { ...ui, confirm: null };
    case 'agendaCursor':
      return { ...ui, agendaCursor: clamp(action.row, 0, counts.items + 1) };
    case 'decisionForm': {
      if (ui.form?.type !== 'decision') return ui;
      const draft = reduceDecisionForm(ui.form.draft, action.action);
      return draft === ui.form.draft ? ui : { ...ui, form: { type: 'decision', draft } };
    }
    case 'formText': {
      const form = ui.form;
      if (!form || form.type === 'decision') return ui;
      if (form.type === 'addItem')
        return form.query === action.text ? ui : { ...ui, form: { ...form, query: action.text } };
      return form.text === action.text ? ui : { ...ui, form: { ...form, text: action.text } };
    }
  }
}

/** "第3/12项" for the header, or the part of the meeting shown. */
export function whereLabel(ui: MeetingUi, counts: MeetingCounts): string {
  switch (ui.view) {
    case 'agenda':
      return `议程 共${counts.items}项`;
    case 'followups':
      return `上次议定事项 ${counts.followups === 0 ? 0 : ui.followupCursor + 1}/${counts.followups}`;
    case 'item':
      return `第${ui.itemIndex + 1}/${counts.items}项`;
    case 'general':
      return `综合事项 ${counts.decisions}项`;
    case 'closed':
      return '会议已结束';
  }
}

/** The draft file's content: the UI state, checked loosely when read back. */
export function parseDraftUi(value: unknown): MeetingUi | null {
  if (!value || typeof value !== 'object') return null;
  const v = value as Partial<MeetingUi>;
  const views: MeetingView[] = ['agenda', 'followups', 'item', 'general', 'closed'];
  if (!views.includes(v.view as MeetingView)) return null;
  const num = (n: unknown) => (typeof n === 'number' && Number.isInteger(n) && n >= 0 ? n : 0);
  return {
    view: v.view === 'closed' ? 'agenda' : (v.view as MeetingView),
    agendaCursor: num(v.agendaCursor),
    itemIndex: num(v.itemIndex),
    rowCursor: num(v.rowCursor),
    followupCursor: num(v.followupCursor),
    ...(typeof v.earlier === 'number' && v.view === 'item' ? { earlier: num(v.earlier) } : {}),
    form: parseForm(v.form),
    confirm: null,
  };
}

function str(v: unknown): string {
  return typeof v === 'string' ? v : '';
}

function parseForm(value: unknown): MeetingForm | null {
  if (!value || typeof value !== 'object') return null;
  const f = value as Record<string, unknown>;
  switch (f.type) {
    case 'decision': {
      const d = (f.draft ?? {}) as Record<string, unknown>;
      const fields: readonly string[] = DECISION_FIELDS;
      const draft: DecisionDraft = {
        project: str(d.project),
        text: str(d.text),
        unit: str(d.unit),
        coUnits: str(d.coUnits),
        owner: str(d.owner),
        due: str(d.due),
        field: (fields.includes(str(d.field)) ? str(d.field) : 'text') as DecisionDraft['field'],
        pick: typeof d.pick === 'number' ? d.pick : -1,
      };
      if (typeof d.id === 'string') draft.id = d.id;
      return draft.project ? { type: 'decision', draft } : null;
    }
    case 'notes':
      return str(f.project) ? { type: 'notes', project: str(f.project), text: str(f.text) } : null;
    case 'followupNote':
      return str(f.decision) ? { type: 'followupNote', decision: str(f.decision), text: str(f.text) } : null;
    case 'addItem':
      return { type: 'addItem', query: str(f.query) };
    case 'position':
      return str(f.project) || f.purpose === 'jump'
        ? {
            type: 'position',
            purpose: f.purpose === 'move' ? 'move' : 'jump',
            project: str(f.project),
            text: str(f.text),
          }
        : null;
    default:
      return null;
  }
}
