// The meeting being recorded: its MeetingDocument (store), the lock that keeps a second recorder out,
// and what the meeting hears (domain). Every edit is saved at once; a failed save is reported and
// retried with the next edit. Not React: the meeting screen holds one and re-renders on `version`.
import * as path from 'node:path';
import { buildAgenda, followupsToHear } from '../../domain/agenda.js';
import { buildLedger, indexLedgerByProject } from '../../domain/ledger.js';
import { meetingState, type MeetingState } from '../../domain/meeting-snapshot.js';
import { InputError, formatDiagnostic } from '../../domain/types.js';
import type { IsoDate, LedgerEntry, Meeting, MeetingKind } from '../../domain/types.js';
import * as fs from 'node:fs';
import { acquireMeetingLock, MeetingLockedError, readLock } from '../../store/lock.js';
import type { LockInfo, MeetingLock } from '../../store/lock.js';
import { removeStaleTempFiles } from '../../store/atomic-write.js';
import { describeHolder, readOnlyNotice } from './lock-holder.js';
export { describeHolder, lockSince, readOnlyNotice } from './lock-holder.js';
import { droppedByHandEdit, MeetingChangedError, MeetingDocument } from '../../store/meeting-document.js';
import type { ItemSnapshot, NewMeetingHeader } from '../../store/meeting-document.js';
import {
  decisionIdsInDir,
  knownMeetings,
  nextMeetingNumber,
  openMeetingToRecord,
  scanMeetingsDir,
} from '../../store/meetings-dir.js';
import type { KnownMeetings } from '../../store/meetings-dir.js';
import { ensureFolder, readDraft, writeDraft } from './drafts.js';
import type { LoadedData, Session } from '../session.js';
import type { Settings } from '../../store/settings.js';
import { errorText } from '../../store/system-error.js';
import type { MeetingChange } from './undo.js';

/** How many changes `u` can take back. */
export const UNDO_DEPTH = 50;
import { attendanceLists, expectedAttendees } from './attendance.js';
import type { Attendee } from './attendance.js';

export function describeError(error: unknown): string {
  if (error instanceof InputError)
    return error.diagnostics.map((d) => d.message || formatDiagnostic(d)).join('；');
  return errorText(error);
}

/** What a new meeting is set up with: its date, kind, chair, place and the people expected. */
export interface MeetingSetup {
  date: string;
  kind: MeetingKind;
  chair: string;
  place: string;
  /** the checklist of people expected, each marked 出席 / 请假 / 列席 / 迟到 */
  attendees: Attendee[];
}

/** The set-up's first values: today, and who came last time (or the settings' defaults). */
export function setupDefaults(session: Session, data: LoadedData): MeetingSetup {
  const last = data.meetings[data.meetings.length - 1];
  let settings: Pick<Settings, 'chair' | 'present' | 'absent' | 'attending'> = {
    present: [],
    absent: [],
    attending: [],
  };
  try {
    settings = session.settings.all();
  } catch {
    // unreadable settings: the last meeting and empty lists will do
  }
  return {
    date: session.today,
    kind: '周调度',
    chair: settings.chair ?? last?.meeting.chair ?? '',
    place: last?.meeting.place ?? '',
    attendees: expectedAttendees(last?.meeting, settings),
  };
}

export interface UnfinishedMeeting {
  date: IsoDate;
  kind: MeetingKind;
  file: string;
}

/**
 * The meetings the session has already read (valid files only; those in `meetingProblems` are left
 * out, so the store still scans them), so starting a meeting does not parse every file again.
 * Memoized per LoadedData.
 */
const knownByData = new WeakMap<LoadedData, KnownMeetings>();
export function sessionKnownMeetings(data: LoadedData): KnownMeetings {
  let known = knownByData.get(data);
  if (!known) {
    known = knownMeetings(data.meetings);
    knownByData.set(data, known);
  }
  return known;
}

/** An unfinished meeting in the folder (the latest), to resume. `data`: what the session has read. */
export function unfinishedMeeting(dir: string, data?: LoadedData): UnfinishedMeeting | undefined {
  const open = scanMeetingsDir(dir, data && sessionKnownMeetings(data)).filter(
    (s) => s.closed === false && s.date !== undefined && s.kind !== undefined,
  );
  const last = open[open.length - 1];
  return last ? { date: last.date!, kind: last.kind!, file: last.file } : undefined;
}

/**
 * The issue number (期数) of a meeting of `kind` on `date`: one above the earlier ones of its year.
 * `recording`: the meeting being recorded, taken as it stands instead of reading its file, which the
 * session has not read when the meeting was started just now (with a 5,000-item agenda, parsing that
 * 1.3 MB file whole for its header was the TUI's peak memory: +70 MB, docs/bench.md).
 */
export function issueNumberFor(
  dir: string,
  kind: MeetingKind,
  date: IsoDate,
  data?: LoadedData,
  recording?: Meeting,
): number | undefined {
  try {
    let known = data && sessionKnownMeetings(data);
    if (recording?.file !== undefined) known = new Map([...(known ?? []), ...knownMeetings([recording])]);
    return nextMeetingNumber(dir, kind, date, known);
  } catch {
    return undefined;
  }
}

export class MeetingRecorder {
  private document: MeetingDocument;
  readonly file: string;
  /** the meeting as it stands after the last edit */
  meeting: Meeting;
  /** bumped after every edit, for React */
  version = 0;
  /** why the last save failed, or null when everything typed is on disk */
  saveError: string | null = null;
  /** why the last draft could not be written, or null */
  draftError: string | null = null;
  /** the UI state last given to writeDraft (written again on shutdown if that failed) */
  private lastDraft: unknown = null;
  /** the UI state the draft file holds (read, or last written successfully) */
  draftOnDisk: unknown = null;
  /** earlier decisions this meeting hears first (fixed when the meeting opens) */
  readonly followups: LedgerEntry[];
  /** earlier decisions by project (other meetings), for the project page */
  readonly earlierByProject: Map<string, LedgerEntry[]>;
  /** the meeting was found on disk and is being resumed */
  readonly resumed: boolean;
  /**
   * Set when another live diaodu records this meeting: it is shown read-only, nothing is saved, no
   * draft is written or read. Says who holds it (pid, since when). Cleared by takeOver(); set when
   * another window takes the meeting over from this one.
   */
  lockedBy: LockInfo | null;
  /** This window was recording and another took the meeting over (issue 9): who, for the status line. */
  takenOverBy: LockInfo | null = null;
  private lock: MeetingLock | null;
  /** when the lock file was first found missing while recording (checkLock), or null */
  private lockMissingSince: number | null = null;
  private removeShutdownHook: () => void;
  private diskStamp: string;
  private readonly data: LoadedData;
  private readonly others: Meeting[];
  private state: MeetingState | null = null;
  /** the changes `u` can take back, latest last (this session only) */
  private undoStack: MeetingChange[] = [];
  /** whether the last edit() reached the disk (directly, or made again on a hand-edited file) */
  private lastEditSaved = false;

  private constructor(
    session: Session,
    data: LoadedData,
    doc: MeetingDocument,
    lock: MeetingLock | null,
    resumed: boolean,
    lockedBy: MeetingLockedError | null,
    private readonly takeOverKey: string | undefined,
  ) {
    this.document = doc;
    this.file = doc.file;
    this.lock = lock;
    this.resumed = resumed;
    this.lockedBy = lockedBy ? lockedBy.holder : null;
    this.diskStamp = stampOf(doc.file);
    this.meeting = doc.toMeeting();
    const others = data.meetings.filter((m) => m.file === undefined || path.resolve(m.file) !== this.file);
    this.data = data;
    this.others = others;
    const day = this.meeting.meeting.date;
    const ledger = buildLedger(others, day);
    this.followups = followupsToHear(ledger, day);
    this.earlierByProject = indexLedgerByProject(ledger);
    this.removeShutdownHook = session.onShutdown(() => this.release());
  }

  /**
   * Start the meeting of the form's date and kind: resume its file when there is one, else create it
   * with the agenda built by the domain rules and save it at once. A closed meeting is reopened only
   * with `reopen` (the secretary confirmed it); without, MeetingClosedError. Throws InputError
   * (MeetingLockedError when another process records it).
   */
  static start(
    session: Session,
    data: LoadedData,
    setup: MeetingSetup,
    options: StartOptions = {},
  ): MeetingRecorder {
    const dir = session.meetingsDir;
    ensureFolder(dir);
    const header: NewMeetingHeader = {
      date: setup.date.trim(),
      kind: setup.kind,
      ...attendanceLists(setup.attendees),
      closed: false,
    };
    const chair = setup.chair.trim();
    const place = setup.place.trim();
    if (chair) header.chair = chair;
    if (place) header.place = place;
    const opened = openMeetingToRecord(dir, header, { known: sessionKnownMeetings(data) });
    const { document, resumed, lock } = opened;
    if (!lock) {
      if (!opened.lockedBy) throw new Error('无法取得会议记录的锁');
      return new MeetingRecorder(
        session,
        data,
        document,
        null,
        resumed,
        opened.lockedBy,
        options.takeOverKey,
      );
    }
    try {
      if (resumed) {
        if (document.toMeeting().meeting.closed) {
          if (!options.reopen) throw new MeetingClosedError(document.file, header.date, header.kind);
          document.setClosed(false);
        }
      } else {
        // The state at the meeting (lights with decisions judged on the meeting day) is recorded
        // in the file, so the minutes never depend on a register updated later.
        const day = header.date;
        const ledger = buildLedger(data.meetings, day);
        const state = meetingState(data.register, data.meetings, day);
        const agenda = buildAgenda(state.assessment, ledger, day);
        const snapshots: Record<string, ItemSnapshot> = {};
        for (const entry of agenda) {
          const item = state.item(entry.projectId);
          if (item) snapshots[entry.projectId] = item;
        }
        document.setItems(
          agenda.map((a) => a.projectId),
          snapshots,
        );
        const registerFile =
          data.register.files.length === 1 ? data.register.files[0]! : session.registerPath;
        document.setHeader({
          register: path
            .relative(path.dirname(document.file), path.resolve(registerFile))
            .split(path.sep)
            .join('/'),
          asOf: data.register.meta.asOf,
          snapshot: state.snapshot,
        });
      }
      // items are opened, timed and marked one at a time from now on: each save writes out only those
      document.keepItemTexts();
      document.save();
    } catch (error) {
      lock.release();
      throw error;
    }
    return new MeetingRecorder(session, data, document, lock, resumed, null, options.takeOverKey);
  }

  get doc(): MeetingDocument {
    return this.document;
  }

  /** A project's light, reasons and figures on the meeting day, to record when it joins the agenda. */
  snapshotFor(projectId: string): ItemSnapshot {
    this.state ??= meetingState(this.data.register, this.others, this.meeting.meeting.date);
    return this.state.item(projectId) ?? {};
  }

  /**
   * Record that the secretary opened an agenda item (`discussed: true`): the minutes take up only
   * items opened, decided on or noted. Nothing happens for a read-only meeting or one already marked.
   */
  markDiscussed(project: string): void {
    if (this.readOnly) return;
    const item = this.meeting.items.find((i) => i.project === project);
    // an item marked 已讨论 or 跳过 keeps its mark: opening it changes nothing
    if (!item || item.discussed || item.status !== undefined) return;
    this.edit((doc) => doc.setItemDiscussed(project));
  }

  /** The meeting can only be looked at (another process records it). */
  get readOnly(): boolean {
    return this.lockedBy !== null;
  }

  /** Why an edit is refused here, or null when the meeting can be changed. */
  readOnlyReason(): string | null {
    if (this.takenOverBy)
      return `本会议记录已由另一窗口接管（${describeHolder(this.takenOverBy)}），本窗口改为只读`;
    return this.lockedBy ? readOnlyNotice(this.lockedBy, this.takeOverKey) : null;
  }

  /**
   * Recording: whether the lock is still ours, checked before every save and draft (issue 9). When
   * another window took the meeting over, this one turns read-only at once: nothing more is saved or
   * drafted here, so the new holder's saves are never overwritten; the meeting is read again as the
   * file holds it, and `takenOverBy` names who took it. A lock file removed by hand is simply taken
   * again. Returns true when the meeting was lost just now.
   */
  checkLock(): boolean {
    if (!this.lock || this.lock.held()) {
      this.lockMissingSince = null;
      return false;
    }
    if (!fs.existsSync(this.lock.lockFile)) {
      // Gone: a take-over moving it aside this very moment (it puts its own in place within
      // microseconds), or removed by hand. Take it again only once it has stayed gone a while, so a
      // take-over in progress is never undone; meanwhile saves go on (compare-and-swap: a save never
      // overwrites one made by the new holder).
      const now = Date.now();
      this.lockMissingSince ??= now;
      if (now - this.lockMissingSince < LOCK_GONE_MS) return false;
    }
    this.lockMissingSince = null;
    const ours = this.lock.info;
    try {
      this.lock = acquireMeetingLock(this.file);
      return false;
    } catch (error) {
      // the folder cannot be reached (a shared drive gone): the save reports that; go on recording
      if (!(error instanceof MeetingLockedError)) return false;
      // the lock file could not be read a moment ago, but it is still ours
      if (sameLock(error.holder, ours)) return false;
      const holder = error.holder;
      this.lock = null; // not released: the lock file is the new holder's
      this.lockedBy = holder;
      this.takenOverBy = holder;
      this.diskStamp = ''; // read the file again, as the new holder has it
      this.refresh();
      return true;
    }
  }

  /**
   * Read-only: take the meeting over (issue 9). Without `holder`, only when nobody live holds it now
   * (the other window has quit, or its lock is stale): no question needed. With `holder` — the one
   * named to the secretary, who confirmed — from that holder even though it seems alive; a lock taken
   * since by anyone else is still refused. Once taken, the file is opened again for writing as it is
   * now (the other window's last save included), and the other window refuses its later saves.
   */
  takeOver(holder?: LockInfo): TakeOverResult {
    if (!this.readOnly) return { taken: true };
    let lock: MeetingLock;
    try {
      lock = acquireMeetingLock(this.file, holder ? { takeOver: holder } : {});
    } catch (error) {
      if (error instanceof MeetingLockedError) {
        this.lockedBy = error.holder;
        return {
          taken: false,
          holder: error.holder,
          message: `未接管：会议记录正由另一个 diaodu 记录（${describeHolder(error.holder)}）`,
        };
      }
      return { taken: false, message: `未接管：${describeError(error)}` };
    }
    let document: MeetingDocument;
    try {
      removeStaleTempFiles(this.file);
      const takenIds = decisionIdsInDir(path.dirname(this.file), {
        exclude: this.file,
        known: sessionKnownMeetings(this.data),
      });
      // the other window may be saving right now: open() reads again once its swap is done
      document = MeetingDocument.open(this.file, { takenIds });
    } catch (error) {
      lock.release();
      return { taken: false, message: `未接管：${describeError(error)}` };
    }
    this.lock = lock;
    this.lockedBy = null;
    this.takenOverBy = null;
    this.document = document;
    this.diskStamp = stampOf(this.file);
    this.meeting = document.toMeeting();
    this.saveError = null;
    this.version++;
    return { taken: true };
  }

  /**
   * Read-only: read the file again when the other process has saved it since. Returns true when the
   * meeting changed. The followups heard and the agenda's project facts stay as opened.
   */
  refresh(): boolean {
    if (!this.readOnly) return false;
    const stamp = stampOf(this.file);
    if (stamp === this.diskStamp || stamp === '') return false;
    try {
      this.document = MeetingDocument.open(this.file, { readOnly: true });
    } catch {
      return false; // being written right now, or damaged: keep what is shown
    }
    this.diskStamp = stamp;
    this.meeting = this.document.toMeeting();
    this.version++;
    return true;
  }

  /**
   * Read-only: whether the other process still holds the lock (false once it has let go). A holder
   * first seen mid-write (its lock file still empty: 进程号未知) is named once its lock can be read;
   * then `version` is bumped.
   */
  holderStillThere(): boolean {
    const holder = readLock(this.file);
    if (holder && this.lockedBy?.pid === 0 && holder.pid !== 0) {
      this.lockedBy = holder;
      if (this.takenOverBy) this.takenOverBy = holder;
      this.version++;
    }
    return holder !== null;
  }

  /**
   * Apply an edit and save at once. Returns a message when the edit was refused or the save failed;
   * then the meeting stays exactly as the file is (MeetingDocument.update), so nothing is saved twice
   * by a retry, or later after it was given up.
   */
  edit(change: (doc: MeetingDocument) => void): string | null {
    this.checkLock();
    const refused = this.readOnlyReason();
    if (refused) return refused;
    let changed = false;
    this.lastEditSaved = false;
    try {
      this.doc.update((doc) => {
        change(doc);
        changed = true;
      });
      this.saveError = null;
      this.lastEditSaved = true;
    } catch (error) {
      if (!changed) return describeError(error);
      // the file changed because another window took the meeting over: its saves win, this one stops
      if (error instanceof MeetingChangedError && this.checkLock()) return this.readOnlyReason();
      if (error instanceof MeetingChangedError) this.reapply(change, error);
      else this.saveError = this.failedSave(error);
    }
    this.meeting = this.doc.toMeeting();
    this.version++;
    return this.saveError;
  }

  /**
   * The file was changed by hand since the last save (issue 9): nothing was overwritten, and the edit
   * was rolled back (memory is what the file was). Read the file again (the hand edit now shows), make
   * the same edit on it and save once; say so, naming whatever the hand edit dropped of what had been
   * saved (it was made from an older copy), so nothing goes silently.
   */
  private reapply(change: (doc: MeetingDocument) => void, conflict: MeetingChangedError): void {
    if (conflict.onDisk === null) {
      this.saveError = this.failedSave(conflict);
      return;
    }
    const dropped = droppedByHandEdit(this.file, this.doc.savedText, conflict.onDisk);
    try {
      this.document = this.doc.reopen();
    } catch (error) {
      this.saveError = this.failedSave(error);
      return;
    }
    try {
      this.doc.update(change);
    } catch (error) {
      this.saveError = this.failedSave(error);
      return;
    }
    this.lastEditSaved = true;
    this.saveError = dropped.length
      ? `会议记录已在别处被修改：已载入并重新记入本次修改；但别处的修改去掉了已保存的 ${dropped.join('、')}，请核对`
      : null;
  }

  /**
   * Make an undoable change (edit, then remember its inverse). Returns what edit() returns: null when
   * saved, else the message.
   */
  change(c: MeetingChange): string | null {
    const error = this.edit((doc) => c.apply(doc));
    if (this.lastEditSaved) {
      this.undoStack.push(c);
      if (this.undoStack.length > UNDO_DEPTH) this.undoStack.shift();
    }
    return error;
  }

  /** How many changes `u` can take back now. */
  get undoDepth(): number {
    return this.undoStack.length;
  }

  /**
   * Take back the latest change, saved like any edit. Returns the status line's sentence: what was
   * undone ("已撤销：删除议定事项 …"), or why not (`error`). A save that failed keeps the step, to try
   * again; an inverse that no longer applies (the file was changed by hand) drops it.
   */
  undo(): { text: string; error: boolean } {
    const refused = this.readOnlyReason();
    if (refused) return { text: refused, error: true };
    const step = this.undoStack.pop();
    if (!step) return { text: '没有可撤销的修改', error: false };
    const error = this.edit((doc) => step.revert(doc));
    if (this.lastEditSaved) {
      return error === null
        ? { text: `已撤销：${step.label}`, error: false }
        : { text: `已撤销：${step.label}；${error}`, error: true };
    }
    if (this.saveError !== null) this.undoStack.push(step);
    return { text: `未能撤销${step.label}：${error ?? ''}`, error: true };
  }

  /** Time spent on an agenda item (seconds, summed into `seconds:`); not a change to undo. */
  addTime(project: string, seconds: number): void {
    if (this.readOnly || !this.locked || seconds < 1) return;
    if (!this.meeting.items.some((i) => i.project === project)) return;
    this.edit((doc) => doc.addItemSeconds(project, seconds));
  }

  /** the status line's sentence for a save that failed, naming the file rather than its whole path */
  private failedSave(error: unknown): string {
    return `保存失败：${describeError(error).split(this.file).join(path.basename(this.file))}`;
  }

  /** Close the meeting (closed: true), save, remove the draft and the lock. */
  close(): string | null {
    const refused = this.readOnlyReason();
    if (refused) return refused;
    const error = this.edit((doc) => doc.setClosed(true));
    if (error) return error;
    writeDraft(this.file, null);
    this.lastDraft = null;
    this.draftOnDisk = null;
    this.draftError = null;
    this.release();
    return null;
  }

  /** The UI state and half-typed text, next to the meeting file (never for a read-only meeting). */
  writeDraft(ui: unknown): void {
    // the draft file is the holder's: once another window took over, this one writes none
    if (this.readOnly || this.checkLock()) return;
    this.lastDraft = ui;
    this.draftError = writeDraft(this.file, ui);
    if (this.draftError === null) this.draftOnDisk = ui;
  }

  /** The edit whose save failed was given up (放弃): it is no longer work waiting to be saved. */
  forgetFailedSave(): void {
    this.saveError = null;
  }

  readDraft(): unknown {
    if (this.readOnly) return null;
    this.draftOnDisk = readDraft(this.file);
    return this.draftOnDisk;
  }

  get locked(): boolean {
    return this.lock !== null;
  }

  /**
   * Let go of the meeting: release the lock (the file stays as saved). Safe to call twice. Runs on
   * leaving the screen, Ctrl+C, SIGHUP (the window closed) and SIGTERM: a draft that could not be
   * written gets one more try first (the disk may have room again).
   */
  release(): void {
    if (this.lock && this.draftError !== null && this.lastDraft !== null) this.writeDraft(this.lastDraft);
    this.lock?.release();
    this.lock = null;
    this.removeShutdownHook();
  }
}

export interface StartOptions {
  /** reopen the meeting when it was closed (the secretary confirmed) */
  reopen?: boolean;
  /** the key that takes a read-only meeting over, named in readOnlyReason() (the UI's key table) */
  takeOverKey?: string;
}

export type TakeOverResult =
  | { taken: true }
  /** `holder`: the one recording it now, when a live diaodu does */
  | { taken: false; holder?: LockInfo; message: string };

/** Start refused: the meeting was closed, and reopening it has to be asked for. */
export class MeetingClosedError extends InputError {
  constructor(
    readonly file: string,
    readonly date: IsoDate,
    readonly kind: MeetingKind,
  ) {
    super([
      {
        severity: 'error',
        file,
        line: 0,
        column: 0,
        message: `${date} 的${kind}会已结束（${path.basename(file)}）；重新打开须确认`,
      },
    ]);
  }
}

/** how long a missing lock file stays missing before a recorder takes it again (checkLock) */
const LOCK_GONE_MS = 1000;

function sameLock(a: LockInfo, b: LockInfo): boolean {
  return a.pid === b.pid && a.hostname === b.hostname && a.started === b.started;
}

/** Size and modification time of a file, to notice that another process saved it; '' when absent. */
function stampOf(file: string): string {
  try {
    const st = fs.statSync(file);
    return `${st.size}:${st.mtimeMs}`;
  } catch {
    return '';
  }
}
