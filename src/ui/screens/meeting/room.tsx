// The meeting in progress: the agenda, the follow-ups, one project at a time, the forms. Every edit
// goes to the MeetingRecorder, which saves the meeting file at once; the UI state (and any half-typed
// form) goes to the draft file after every change, so quitting or a kill loses nothing typed.
import * as path from 'node:path';
import { Box, useInput } from 'ink';
import type { Key } from 'ink';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { GENERAL_PROJECT } from '../../../domain/types.js';
import type { FollowupStatus, ItemStatus, LedgerEntry, MeetingItem } from '../../../domain/types.js';
import { meetingDecisions } from '../../../domain/ledger.js';
import { keyHint } from '../../key-bindings.js';
import type { Command, Context } from '../../key-bindings.js';
import { useLatest } from '../../components/use-latest.js';
import { useSyncReducer } from '../../components/use-sync-reducer.js';
import { displayWidth, truncateToWidth } from '../../../text/width.js';
import type { LoadedData, Session } from '../../../app/session.js';
import { useTerminalSize } from '../../hooks/use-terminal-size.js';
import { useScreenStatus } from '../../hooks/use-screen-status.js';
import { Screen, bodyHeight } from '../chrome.js';
import type { StatusMessage } from '../chrome.js';
import type { Navigator } from '../types.js';
import { decisionFormContext, decisionFormLines } from './decision-form.js';
import { ADD_LIST_HEIGHT } from './add-project.js';
import { FormArea } from './form-area.js';
import { meetingKeyAction, scrollClosed, viewContext } from './key-action.js';
import type { HintView } from './key-action.js';
import { checkDecision, decisionDraftHasText, decisionWarnings, ownersOf, unitsFor } from './forms.js';
import type { DecisionDraft } from './forms.js';
import { formChanged } from './form-changes.js';
import { hearableEarlier } from './earlier.js';
import { describeHolder } from '../../../app/meeting/recorder.js';
import type { MeetingRecorder } from '../../../app/meeting/recorder.js';
import { clampMeetingUi, initialMeetingUi, parseDraftUi, reduceMeetingUi, whereLabel } from './state.js';
import type { LockInfo } from '../../../store/lock.js';
import type { MeetingCounts, MeetingUi, MeetingUiAction } from './state.js';
import { ItemTimer, TIMER_WIDTH } from './timer.js';
import { GeneralView, agendaPosition } from './general-view.js';
import {
  addDecisionChange,
  deleteDecisionChange,
  followupChange,
  itemStatusChange,
  moveItemChange,
  notesChange,
  updateDecisionChange,
} from '../../../app/meeting/undo.js';
import type { MeetingChange } from '../../../app/meeting/undo.js';
import {
  AgendaView,
  ClosedView,
  FollowupsView,
  ItemView,
  closedLines,
  heardMap,
  meetingTitle,
} from './views.js';

/** A decision of this meeting or an earlier one, for the form's units and owners. */
type DecisionSoFar = { unit: string; coUnits?: string[]; owner?: string; date: string };

export interface MeetingRoomProps {
  session: Session;
  data: LoadedData;
  recorder: MeetingRecorder;
  /** 期数 shown in the title */
  number: number | undefined;
  active: boolean;
  nav: Navigator;
  /** leave the meeting screen (the meeting stays open, to be resumed) */
  onLeave: () => void;
  /** the status to show first (resumed, reopened …) */
  initialStatus?: StatusMessage | null;
}

function countsFor(recorder: MeetingRecorder, ui: MeetingUi): MeetingCounts {
  const items = recorder.meeting.items;
  return {
    items: items.length,
    followups: recorder.followups.length,
    decisions:
      ui.view === 'general'
        ? (recorder.meeting.general?.length ?? 0)
        : (items[ui.itemIndex]?.decisions.length ?? 0),
    earlier: ui.view === 'item' ? earlierOnPage(recorder, ui).length : 0,
  };
}

/** The shown project's earlier decisions that can be heard from its page. */
function earlierOnPage(recorder: MeetingRecorder, ui: MeetingUi): LedgerEntry[] {
  const project = recorder.meeting.items[ui.itemIndex]?.project;
  if (project === undefined) return [];
  return hearableEarlier(recorder.earlierByProject.get(project) ?? [], recorder.followups);
}

/** "y 删除 · n 取消", the keys from the table. */
function answerKeys(yes: string, no: string): string {
  const y = keyHint('confirm', 'confirm.yes', { first: true });
  const n = keyHint('confirm', 'confirm.no', { first: true });
  return `${y?.keys ?? 'y'} ${yes} · ${n?.keys ?? 'n'} ${no}`;
}

/** The question on the status line; the decision's text is cut so that the keys always show. */
function confirmQuestion(ui: MeetingUi, recorder: MeetingRecorder, width: number): string {
  switch (ui.confirm?.type) {
    case 'deleteDecision': {
      const id = ui.confirm.id;
      const d = meetingDecisions(recorder.meeting).find((x) => x.id === id);
      const keys = answerKeys('删除', '取消');
      const room = Math.max(4, width - displayWidth(`删除议定事项“”？ ${keys}`));
      return `删除议定事项“${truncateToWidth(d?.text ?? id, room)}”？ ${keys}`;
    }
    case 'dropItem':
      return `把 ${ui.confirm.project} 移出议程？ ${answerKeys('移出', '取消')}`;
    case 'close': {
      const heard = new Set(recorder.meeting.followups.map((f) => f.decision));
      const waiting = recorder.followups.filter((e) => !heard.has(e.decision.id)).length;
      const note = waiting > 0 ? `还有${waiting}项以往议定事项未听取。` : '';
      return `结束会议？${note}结束后可再打开。 ${answerKeys('结束', '取消')}`;
    }
    case 'discard':
      return `放弃正在输入的内容？ ${answerKeys('放弃', '继续输入')}`;
    case 'takeOver': {
      // names the holder (进程号, 主机, since when) and warns that its later saves are refused
      const keys = answerKeys('接管', '取消');
      const who = describeHolder(ui.confirm.holder);
      const full = `接管记录？另一窗口（${who}）将停止记录，不能再保存。 ${keys}`;
      if (displayWidth(full) <= width) return full;
      const room = Math.max(4, width - displayWidth(`接管？另一窗口（）将不能再保存 ${keys}`));
      return `接管？另一窗口（${truncateToWidth(who, room)}）将不能再保存 ${keys}`;
    }
    case 'saveDecision': {
      // the form's last line lists them in full; here as many as fit
      const keys = answerKeys('保存', '返回修改');
      const full = `${ui.confirm.warnings.join('；')}。仍要保存？ ${keys}`;
      if (displayWidth(full) <= width) return full;
      return `${ui.confirm.warnings.length}处需要确认（见上）。仍要保存？ ${keys}`;
    }
    default:
      return '';
  }
}

/** The open form's text, named for the quit question; null when there is nothing typed in it. */
function typedText(ui: MeetingUi, recorder: MeetingRecorder): string | null {
  const form = ui.form;
  if (form?.type === 'decision')
    return decisionDraftHasText(form.draft)
      ? `议定事项“${form.draft.text.trim() || form.draft.owner}”`
      : null;
  if (form?.type === 'notes') {
    const saved = recorder.meeting.items.find((i) => i.project === form.project)?.notes ?? '';
    return form.text.trim() !== saved ? `备注“${form.text.trim()}”` : null;
  }
  if (form?.type === 'followupNote') return form.text.trim() ? `落实情况说明“${form.text.trim()}”` : null;
  return null;
}

/**
 * What quitting now would lose, as lines for the question (issue 9: Ctrl+C right after a failed save
 * must ask), or null when everything is in the meeting file, or typed text is safe in the draft.
 */
export function unsavedWork(recorder: MeetingRecorder, ui: MeetingUi): string[] | null {
  if (recorder.readOnly) {
    // taken over while typing: the text cannot be saved here, and the draft is the new holder's
    const typed = recorder.takenOverBy ? typedText(ui, recorder) : null;
    if (typed === null) return null;
    return [
      recorder.readOnlyReason() ?? '',
      `正在输入的${typed}没有记入会议记录，也不在草稿里；现在退出，这些文字会丢失，请先在接管的窗口里录入。`,
    ];
  }
  const typed = typedText(ui, recorder);
  // the draft file may still hold this very form from before the disk filled up
  const drafted = (recorder.draftOnDisk as Partial<MeetingUi> | null)?.form ?? null;
  const inDraft = recorder.draftError === null || JSON.stringify(drafted) === JSON.stringify(ui.form);
  const draftLost = typed !== null && !inDraft;
  if (recorder.saveError === null && !draftLost) return null;
  const lines: string[] = [];
  if (recorder.saveError !== null) lines.push(recorder.saveError);
  lines.push(
    typed
      ? `有未保存的内容：正在输入的${typed}还没有记入会议记录。`
      : '有未保存的内容：最后一次修改没有记入会议记录（保存失败时已撤回，须重做）。',
  );
  if (typed) {
    lines.push(
      inDraft
        ? '正在输入的文字已存入草稿，再次打开调度会可恢复；会议记录文件本身仍是上次保存的样子。'
        : `草稿也无法写入：${recorder.draftError ?? ''}；现在退出，刚输入的文字可能丢失。`,
    );
  }
  return lines;
}

/** The key that takes a read-only meeting over ("T"), from the table. */
const TAKE_OVER_KEY = keyHint('agenda', 'meeting.takeOver', { first: true })?.keys ?? 'T';

/** The footer of each view: what the secretary needs there, most used first. */
const VIEW_HINTS: Record<HintView, readonly Command[]> = {
  agenda: [
    'nav.open',
    'meeting.followups',
    'meeting.addDecision',
    'nav.down',
    'app.back',
    'app.help',
    'app.quit',
  ],
  meetingItem: [
    'meeting.addDecision',
    'meeting.editDecision',
    'meeting.deleteDecision',
    'meeting.notes',
    'meeting.nextItem',
    'meeting.prevItem',
    'nav.down',
    'app.back',
    'app.help',
    'app.quit',
  ],
  meetingGeneral: [
    'meeting.addDecision',
    'meeting.editDecision',
    'meeting.deleteDecision',
    'meeting.undo',
    'nav.down',
    'app.back',
    'app.help',
    'app.quit',
  ],
  followups: [
    'followup.done',
    'followup.inProgress',
    'followup.drop',
    'followup.reset',
    'followup.note',
    'nav.down',
    'app.back',
    'app.help',
    'app.quit',
  ],
  meetingEarlier: [
    'followup.done',
    'followup.inProgress',
    'followup.drop',
    'followup.reset',
    'followup.note',
    'nav.down',
    'app.back',
    'app.help',
    'app.quit',
  ],
  meetingClosed: ['meeting.minutes', 'nav.down', 'nav.pageDown', 'app.back', 'app.help', 'app.quit'],
};

/** Read-only: only the keys that look. */
const READ_ONLY_HINTS: Record<HintView, readonly Command[]> = {
  meetingGeneral: ['nav.down', 'meeting.takeOver', 'app.back', 'app.help', 'app.quit'],
  meetingEarlier: [
    'meeting.nextItem',
    'meeting.prevItem',
    'meeting.takeOver',
    'nav.down',
    'app.back',
    'app.help',
    'app.quit',
  ],
  agenda: [
    'nav.open',
    'meeting.followups',
    'meeting.takeOver',
    'nav.down',
    'app.back',
    'app.help',
    'app.quit',
  ],
  meetingItem: [
    'meeting.nextItem',
    'meeting.prevItem',
    'meeting.takeOver',
    'nav.down',
    'app.back',
    'app.help',
    'app.quit',
  ],
  followups: ['meeting.takeOver', 'nav.down', 'nav.pageDown', 'app.back', 'app.help', 'app.quit'],
  meetingClosed: ['nav.down', 'nav.pageDown', 'app.back', 'app.help', 'app.quit'],
};

export function MeetingRoom(props: MeetingRoomProps) {
  const { recorder, data, session, active, nav } = props;
  const { columns, rows } = useTerminalSize();
  const [, setVersion] = useState(recorder.version);
  const [status, setStatus] = useState<StatusMessage | null>(props.initialStatus ?? null);
  const meeting = recorder.meeting;
  const meetingDate = meeting.meeting.date;

  const reducer = useCallback(
    (ui: MeetingUi, action: MeetingUiAction) => reduceMeetingUi(ui, action, countsFor(recorder, ui)),
    [recorder],
  );
  const {
    state: stored,
    dispatch,
    current,
    replace,
  } = useSyncReducer(reducer, () => {
    const fromDraft = parseDraftUi(recorder.readDraft());
    const ui = fromDraft ?? initialMeetingUi;
    return clampMeetingUi(ui, countsFor(recorder, ui));
  });
  const ui = clampMeetingUi(stored, countsFor(recorder, stored));
  if (ui !== stored) replace(ui);

  // The draft follows every change of what is on screen, written right after the frame is drawn.
  const closed = ui.view === 'closed';
  useLayoutEffect(() => {
    if (!closed) recorder.writeDraft(ui);
  }, [ui, closed, recorder]);

  // Ctrl+C asks first when quitting would lose something (a failed save, a draft that cannot be written).
  useEffect(() => session.guardQuit(() => unsavedWork(recorder, current())), [session, recorder, current]);

  // Time spent per agenda item (kept while the meeting screen is open).
  const clock = useRef<{ key: string; since: number; spent: Map<string, number> }>({
    key: '',
    since: session.now(),
    spent: new Map(),
  });
  const item: MeetingItem | undefined = ui.view === 'item' ? meeting.items[ui.itemIndex] : undefined;
  const clockKey = ui.view === 'item' ? `item:${item?.project ?? ''}` : ui.view;
  const freshStatus = useScreenStatus(status, setStatus, clockKey, active);
  if (clock.current.key !== clockKey) {
    const c = clock.current;
    const now = session.now();
    if (c.key) c.spent.set(c.key, (c.spent.get(c.key) ?? 0) + now - c.since);
    c.key = clockKey;
    c.since = now;
  }

  // An item opened on screen is taken up at the meeting (the minutes report it).
  const openedProject = item?.project;
  useEffect(() => {
    if (openedProject === undefined) return;
    const before = recorder.version;
    recorder.markDiscussed(openedProject);
    if (recorder.version !== before) setVersion(recorder.version);
  }, [openedProject, recorder]);

  // The time spent on each item is added to its `seconds:` when the item is left (another item, the
  // agenda, closing the meeting, leaving the screen).
  const timing = useRef<{ project: string | undefined; since: number }>({ project: undefined, since: 0 });
  const flushTime = useCallback(() => {
    const t = timing.current;
    const now = session.now();
    if (t.project !== undefined) recorder.addTime(t.project, Math.round((now - t.since) / 1000));
    t.since = now;
  }, [recorder, session]);
  useEffect(() => {
    flushTime();
    timing.current.project = openedProject;
  }, [openedProject, flushTime]);
  useEffect(() => flushTime, [flushTime]);

  const edit = useCallback(
    (change: Parameters<MeetingRecorder['edit']>[0], ok?: string): boolean => {
      const error = recorder.edit(change);
      setVersion(recorder.version);
      setStatus(error ? { kind: 'error', text: error } : ok ? { kind: 'ok', text: ok } : null);
      return error === null;
    },
    [recorder],
  );

  /** An undoable change (undo.ts), saved like any edit; `ok` is the status line when it is saved. */
  const record = useCallback(
    (change: MeetingChange, ok?: string): boolean => {
      const error = recorder.change(change);
      setVersion(recorder.version);
      setStatus(error ? { kind: 'error', text: error } : ok ? { kind: 'ok', text: ok } : null);
      return error === null;
    },
    [recorder],
  );

  const undo = useCallback(() => {
    const result = recorder.undo();
    setVersion(recorder.version);
    setStatus({ kind: result.error ? 'error' : 'info', text: result.text });
  }, [recorder]);

  const heard = useMemo(() => heardMap(meeting), [meeting]);

  // Read-only: follow what the other process saves, and say when it has let go of the meeting.
  const readOnly = recorder.readOnly;
  useEffect(() => {
    if (!readOnly) return;
    const timer = setInterval(() => {
      const before = recorder.version;
      const taker = recorder.takenOverBy;
      recorder.refresh();
      const there = recorder.holderStillThere();
      if (recorder.version !== before) setVersion(recorder.version);
      // the window that took this one over, first seen mid-write, is named now
      if (taker && recorder.takenOverBy !== taker)
        setStatus({ kind: 'error', text: recorder.readOnlyReason() ?? '' });
      if (!there) {
        setStatus({
          kind: 'info',
          text: `另一个 diaodu 已结束记录：按 ${TAKE_OVER_KEY} 接着记录`,
        });
        clearInterval(timer);
      }
    }, 1000);
    return () => clearInterval(timer);
  }, [readOnly, recorder]);

  // Recording: notice within a second when another window has taken the meeting over (issue 9).
  useEffect(() => {
    if (readOnly) return;
    const timer = setInterval(() => {
      if (!recorder.checkLock()) return;
      setVersion(recorder.version);
      setStatus({ kind: 'error', text: recorder.readOnlyReason() ?? '' });
    }, 1000);
    return () => clearInterval(timer);
  }, [readOnly, recorder]);

  // Scrolling the summary after the meeting closed.
  const [closedOffset, setClosedOffset] = useState(0);

  // ---- actions ----
  const latest = useLatest({ nav, props, data });

  // Units the form knows (the register's, and those of every decision so far, co-units included)
  // and the people each unit sent before: an unknown unit is asked about before it is saved. Made
  // when the decision form first asks, once per state of the meeting: not for every save of an
  // agenda move (at 10,000 projects each one rebuilt them, kept until the next: docs/bench.md).
  const formKnowledge = useMemo(() => {
    let made: { decisions: DecisionSoFar[]; units: ReadonlySet<string> } | null = null;
    return () => {
      if (made) return made;
      const byId = new Map<string, DecisionSoFar>();
      for (const e of data.ledgerToday) byId.set(e.decision.id, { ...e.decision, date: e.meetingDate });
      for (const d of meetingDecisions(meeting)) byId.set(d.id, { ...d, date: meetingDate });
      const decisions = [...byId.values()];
      const units = new Set([...data.units, ...decisions.flatMap((d) => [d.unit, ...(d.coUnits ?? [])])]);
      made = { decisions, units };
      return made;
    };
  }, [data.ledgerToday, data.units, meeting, meetingDate]);
  const ownersFor = useCallback((unit: string) => ownersOf(formKnowledge().decisions, unit), [formKnowledge]);

  const saveDecision = useCallback(
    (draft: DecisionDraft, confirmed = false) => {
      const check = checkDecision(draft, meetingDate);
      if (!check.ok) {
        dispatch({ type: 'decisionForm', action: { type: 'focus', field: check.field } });
        setStatus({ kind: 'error', text: check.message });
        return;
      }
      const value = check.value;
      const warnings = confirmed ? [] : decisionWarnings(value, meetingDate, formKnowledge().units);
      if (warnings.length > 0) {
        dispatch({
          type: 'ask',
          confirm: {
            type: 'saveDecision',
            warnings: warnings.map((w) => w.message),
            field: warnings[0]!.field,
          },
        });
        return;
      }
      let savedId = draft.id ?? '';
      const general = draft.project === GENERAL_PROJECT;
      const ok = record(
        draft.id
          ? updateDecisionChange(recorder.meeting, draft.id, value)
          : addDecisionChange(general ? null : draft.project, value, (id) => (savedId = id)),
      );
      if (!ok) return;
      const it = recorder.meeting.items.find((i) => i.project === draft.project);
      const list = general ? recorder.meeting.general : it?.decisions;
      const row = list ? list.findIndex((d) => d.id === savedId) : -1;
      dispatch({ type: 'closeForm' });
      if (row >= 0) dispatch({ type: 'setRow', row });
      setStatus({
        kind: 'ok',
        text: `已保存议定事项 ${savedId}：${value.text}（${value.unit}，${value.due}）`,
      });
    },
    [dispatch, record, meetingDate, recorder, formKnowledge],
  );

  const cancelForm = useCallback(() => {
    if (formChanged(current().form, recorder.meeting))
      dispatch({ type: 'ask', confirm: { type: 'discard' } });
    else dispatch({ type: 'closeForm' });
  }, [current, dispatch, recorder]);

  const submitLine = useCallback(() => {
    const form = current().form;
    if (!form) return;
    if (form.type === 'notes') {
      if (record(notesChange(recorder.meeting, form.project, form.text), '已保存备注'))
        dispatch({ type: 'closeForm' });
    } else if (form.type === 'followupNote') {
      const existing = recorder.meeting.followups.find((f) => f.decision === form.decision);
      const status = existing?.status ?? '推进中';
      if (
        record(
          followupChange(recorder.meeting, form.decision, status, form.text),
          `已记录落实情况：${status}`,
        )
      ) {
        dispatch({ type: 'closeForm' });
      }
    } else if (form.type === 'position') {
      const count = recorder.meeting.items.length;
      const at = agendaPosition(form.text, count);
      if (typeof at === 'string') return setStatus({ kind: 'error', text: at });
      dispatch({ type: 'closeForm' });
      if (form.purpose === 'jump') return dispatch({ type: 'openItem', index: at });
      const from = recorder.meeting.items.findIndex((i) => i.project === form.project);
      if (from < 0 || from === at) return;
      if (
        record(moveItemChange(recorder.meeting, form.project, at), `已把 ${form.project} 移到第${at + 1}项`)
      )
        dispatch({ type: 'agendaCursor', row: at + 1 });
    }
  }, [current, dispatch, record, recorder]);

  const addProject = useCallback(
    (projectId: string) => {
      const at = Math.max(0, current().agendaCursor); // after the selected row (row 0 is the follow-ups)
      const snapshot = recorder.snapshotFor(projectId);
      const ok = edit((doc) => doc.addItem(projectId, snapshot, at), `已把 ${projectId} 加入议程`);
      dispatch({ type: 'closeForm' });
      if (ok) dispatch({ type: 'agendaCursor', row: at + 1 });
    },
    [current, dispatch, edit, recorder],
  );

  // Read-only: take the meeting over (T). Without `holder`, taken at once when nobody live records it;
  // else the question naming who does. With `holder`: the secretary confirmed taking it from them.
  const takeOver = useCallback(
    (holder?: LockInfo) => {
      const result = recorder.takeOver(holder);
      setVersion(recorder.version);
      if (!result.taken) {
        if (result.holder && !holder) {
          dispatch({ type: 'ask', confirm: { type: 'takeOver', holder: result.holder } });
          return;
        }
        setStatus({
          kind: 'error',
          text: result.holder ? `${result.message}；要接管请再按 ${TAKE_OVER_KEY}` : result.message,
        });
        return;
      }
      // what the other window was typing (its draft) comes back here, as after a crash
      const fromDraft = parseDraftUi(recorder.readDraft());
      const restored = fromDraft?.form ? fromDraft : null;
      if (restored) replace(clampMeetingUi(restored, countsFor(recorder, restored)));
      const after = restored ? '已恢复其正在输入的内容' : null;
      setStatus({
        kind: 'ok',
        text: holder
          ? `已接管记录（原为${describeHolder(holder)}），${after ?? '另一窗口此后不能保存'}`
          : `已接着记录：另一个 diaodu 已不在记录${after ? `，${after}` : ''}`,
      });
    },
    [dispatch, recorder, replace],
  );

  const answer = useCallback(
    (yes: boolean) => {
      const ui = current();
      const confirm = ui.confirm;
      dispatch({ type: 'answered' });
      if (confirm?.type === 'saveDecision') {
        const form = current().form;
        if (yes && form?.type === 'decision') saveDecision(form.draft, true);
        else dispatch({ type: 'decisionForm', action: { type: 'focus', field: confirm.field } });
        return;
      }
      if (!yes || !confirm) return;
      switch (confirm.type) {
        case 'deleteDecision':
          record(deleteDecisionChange(recorder.meeting, confirm.id), `已删除议定事项 ${confirm.id}`);
          return;
        case 'dropItem':
          if (edit((doc) => doc.dropItem(confirm.project), `已把 ${confirm.project} 移出议程`)) {
            dispatch({ type: 'show', view: 'agenda' });
          }
          return;
        case 'discard':
          recorder.forgetFailedSave();
          dispatch({ type: 'closeForm' });
          return;
        case 'takeOver':
          takeOver(confirm.holder);
          return;
        case 'close': {
          flushTime();
          const error = recorder.close();
          setVersion(recorder.version);
          if (error) {
            setStatus({ kind: 'error', text: error });
            return;
          }
          session.reloadMeetings();
          dispatch({ type: 'show', view: 'closed' });
          setStatus({ kind: 'ok', text: `会议已结束，记录已保存：${path.basename(recorder.file)}` });
          return;
        }
      }
    },
    [current, dispatch, edit, record, flushTime, recorder, session, takeOver, saveDecision],
  );

  /** Marks an earlier decision (from the follow-up list or a project's page); true when saved. */
  const markFollowup = useCallback(
    (id: string, status: FollowupStatus | null): boolean => {
      const heard = recorder.meeting.followups.find((f) => f.decision === id);
      if (status === null) {
        if (!heard) {
          setStatus({ kind: 'info', text: `${id} 本次尚未听取` });
          return false;
        }
        const { decision: _id, ...input } = heard;
        // undoable like every mark (issue 11, 6)
        return record(
          {
            label: `落实情况 ${id} 改回未听取`,
            apply: (doc) => doc.removeFollowup(id),
            revert: (doc) => doc.setFollowup(id, input),
          },
          `${id}：改回未听取`,
        );
      }
      return record(followupChange(recorder.meeting, id, status, heard?.note), `${id}：${status}`);
    },
    [record, recorder],
  );

  /** 已讨论 / 跳过 on an agenda project: pressing the same mark again takes it off. */
  const markItem = useCallback(
    (project: string, status: ItemStatus) => {
      const before = recorder.meeting.items.find((i) => i.project === project)?.status;
      const next = before === status ? undefined : status;
      record(
        itemStatusChange(recorder.meeting, project, next),
        next ? `${project} 已标记为“${next}”` : `已取消 ${project} 的“${status}”标记`,
      );
    },
    [record, recorder],
  );

  // ---- keys (when no text field has focus) ----
  const closedCount = useRef(0);

  const onKey = useCallback(
    (input: string, key: Key) => {
      const u = current();
      const { nav, props, data } = latest.current;
      const actions = meetingKeyAction(
        u,
        { input, key },
        {
          meeting: recorder.meeting,
          followups: recorder.followups,
          earlier: u.view === 'item' && u.earlier !== undefined ? earlierOnPage(recorder, u) : [],
          readOnly: recorder.readOnly,
          hasProjectPage: (id) => data.statusById.has(id),
        },
      );
      for (const a of actions) {
        switch (a.type) {
          case 'ui':
            dispatch(a.action);
            break;
          case 'status':
            setStatus(a.status);
            break;
          case 'refuse':
            setStatus({
              kind: 'error',
              text: `只读，不能${a.doing}：另一个 diaodu（${recorder.lockedBy ? describeHolder(recorder.lockedBy) : ''}）正在记录`,
            });
            break;
          case 'answer':
            answer(a.yes);
            break;
          case 'help':
            nav.push({ screen: 'help', context: a.context });
            break;
          case 'takeOver':
            takeOver();
            break;
          case 'leave':
            props.onLeave();
            break;
          case 'minutes':
            nav.replace({ screen: 'briefings', meetingFile: recorder.file });
            break;
          case 'projectPage':
            nav.push({ screen: 'project', projectId: a.projectId });
            break;
          case 'scrollClosed': {
            const max = Math.max(0, closedCount.current - 1);
            setClosedOffset((o) => scrollClosed(o, a, max));
            break;
          }
          case 'undo':
            undo();
            break;
          case 'markFollowup':
            if (markFollowup(a.decision, a.status) && a.advance) dispatch({ type: 'moveCursor', delta: 1 });
            break;
          case 'markItem':
            markItem(a.project, a.status);
            break;
          case 'moveItem':
            if (record(moveItemChange(recorder.meeting, a.project, a.to)))
              dispatch({ type: 'agendaCursor', row: a.to + 1 });
            break;
        }
      }
    },
    [current, dispatch, latest, recorder, answer, record, undo, markItem, markFollowup, takeOver],
  );
  useInput(onKey, { isActive: active && (ui.form === null || ui.confirm !== null) });

  // ---- layout ----
  const body = bodyHeight(rows);
  const counts = countsFor(recorder, ui);
  const where = whereLabel(ui, counts);
  const formLines =
    ui.form?.type === 'decision'
      ? decisionFormLines(ui.form.draft, columns)
      : ui.form?.type === 'addItem'
        ? ADD_LIST_HEIGHT + 1
        : ui.form
          ? 2
          : 0;
  const viewHeight = Math.max(3, body - formLines);
  const title = meetingTitle(meeting, props.number);
  const shownView = viewContext(ui);
  const context: Context = ui.confirm
    ? 'confirm'
    : ui.form?.type === 'decision'
      ? decisionFormContext(ui.form.draft)
      : ui.form?.type === 'addItem'
        ? 'search'
        : ui.form
          ? 'input'
          : shownView;
  const hints =
    ui.form || shownView === 'confirm'
      ? undefined
      : shownView === 'followups' && recorder.followups.length === 0
        ? (['app.back', 'app.help', 'app.quit'] as const)
        : (readOnly ? READ_ONLY_HINTS : VIEW_HINTS)[shownView];
  const readOnlyReason = recorder.readOnlyReason();
  const shownStatus: StatusMessage | null = ui.confirm
    ? { kind: 'info', text: confirmQuestion(ui, recorder, columns) }
    : recorder.saveError
      ? { kind: 'error', text: recorder.saveError }
      : (freshStatus ?? (readOnlyReason ? { kind: 'error', text: readOnlyReason } : null));

  const c = clock.current;
  const timer =
    ui.view === 'item' ? (
      <ItemTimer
        since={c.since}
        before={c.spent.get(clockKey) ?? 0}
        now={session.now}
        paused={ui.form !== null}
      />
    ) : null;

  let view: React.ReactNode;
  if (ui.view === 'agenda') {
    view = (
      <AgendaView
        meeting={meeting}
        data={data}
        followups={recorder.followups}
        heard={heard}
        cursor={ui.agendaCursor}
        height={viewHeight}
        width={columns}
        title={title}
        readOnly={readOnly}
      />
    );
  } else if (ui.view === 'followups') {
    view = (
      <FollowupsView
        entries={recorder.followups}
        meeting={meeting}
        data={data}
        cursor={ui.followupCursor}
        height={viewHeight}
        width={columns}
        readOnly={readOnly}
      />
    );
  } else if (ui.view === 'general') {
    view = (
      <GeneralView
        decisions={meeting.general ?? []}
        rowCursor={ui.rowCursor}
        height={viewHeight}
        width={columns}
        focused={ui.form === null}
        readOnly={readOnly}
      />
    );
  } else if (ui.view === 'item' && item) {
    view = (
      <ItemView
        item={item}
        data={data}
        earlier={recorder.earlierByProject.get(item.project) ?? []}
        heard={heard}
        readOnly={readOnly}
        selectedEarlier={
          ui.earlier !== undefined ? earlierOnPage(recorder, ui)[ui.earlier]?.decision.id : undefined
        }
        rowCursor={ui.rowCursor}
        height={viewHeight}
        width={columns}
        focused={ui.form === null}
      />
    );
  } else {
    const lines = closedLines(meeting, data, columns);
    closedCount.current = Math.max(0, lines.length - viewHeight) + 1;
    view = (
      <ClosedView
        lines={lines}
        offset={Math.min(closedOffset, closedCount.current - 1)}
        height={viewHeight}
        width={columns}
      />
    );
  }

  return (
    <Screen
      title={`调度会 ${meetingDate}${readOnly ? '（只读）' : ''}`}
      rightText={`${where}${ui.view === 'item' ? '' : ' '}`}
      right={timer}
      rightWidth={timer ? TIMER_WIDTH : 0}
      context={context}
      {...(hints ? { hints } : {})}
      status={shownStatus}
    >
      <Box flexDirection="column" height={viewHeight} overflowY="hidden">
        {view}
      </Box>
      {ui.form ? (
        <FormArea
          form={ui.form}
          units={unitsFor(
            data.units,
            ui.form.type === 'decision'
              ? data.statusById.get(ui.form.draft.project)?.project.unit
              : undefined,
          )}
          today={meetingDate}
          ownersFor={ownersFor}
          {...(ui.confirm?.type === 'saveDecision' ? { warnings: ui.confirm.warnings } : {})}
          width={columns}
          active={active && ui.confirm === null}
          dispatch={dispatch}
          current={current}
          onSaveDecision={saveDecision}
          onCancel={cancelForm}
          onSubmitLine={submitLine}
          onPickProject={addProject}
          data={data}
          agenda={meeting.items}
          projectName={item ? (data.statusById.get(item.project)?.project.name ?? item.project) : ''}
          heardStatus={(decision) => heard.get(decision)?.status}
          onHelp={() => nav.push({ screen: 'help', context })}
        />
      ) : null}
    </Screen>
  );
}
