// The meeting being recorded: its MeetingDocument (store), the lock that keeps a second recorder out,
// and what the meeting hears (domain). Every edit is saved at once; a failed save is reported and
// retried with the next edit. Not React: the meeting screen holds one and re-renders on `version`.
import * as path from 'node:path';
import { buildAgenda, followupsToHear } from '../../../domain/agenda.js';
import { buildLedger, indexLedgerByProject } from '../../../domain/ledger.js';
import { meetingState, type MeetingState } from '../../../domain/meeting-snapshot.js';
import { InputError, formatDiagnostic } from '../../../domain/types.js';
import type { IsoDate, LedgerEntry, Meeting, MeetingKind } from '../../../domain/types.js';
import * as fs from 'node:fs';
import { readLock } from '../../../store/lock.js';
import type { LockInfo, MeetingLock, MeetingLockedError } from '../../../store/lock.js';
import { readOnlyNotice } from '../../hooks/lock-holder.js';
export { describeHolder, lockSince, readOnlyNotice } from '../../hooks/lock-holder.js';
import { droppedByHandEdit, MeetingChangedError, MeetingDocument } from '../../../store/meeting-document.js';
import type { ItemSnapshot, NewMeetingHeader } from '../../../store/meeting-document.js';
import {
  knownMeetings,
  nextMeetingNumber,
  openMeetingToRecord,
  scanMeetingsDir,
} from '../../../store/meetings-dir.js';
import type { KnownMeetings } from '../../../store/meetings-dir.js';
import { ensureFolder, readDraft, writeDraft } from '../../hooks/drafts.js';
import type { LoadedData, Session } from '../../hooks/session.js';
import type { Settings } from '../../../store/settings.js';
import { joinNames } from './forms.js';
import type { SetupDraft } from './forms.js';
import { splitNames } from './forms.js';

export function describeError(error: unknown): string {
  if (error instanceof InputError)
    return error.diagnostics.map((d) => d.message || formatDiagnostic(d)).join('；');
  return error instanceof Error ? error.message : String(error);
}

/** The set-up form's first values: today, and who came last time (or the settings' defaults). */
export function setupDefaults(session: Session, data: LoadedData): SetupDraft {
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
  const lists = (key: 'present' | 'absent' | 'attending') =>
    joinNames(last && last.meeting[key].length > 0 ? last.meeting[key] : settings[key]);
  return {
    date: session.today,
    kind: '周调度',
    chair: settings.chair ?? last?.meeting.chair ?? '',
    place: last?.meeting.place ?? '',
    present: lists('present'),
    absent: lists('absent'),
    attending: lists('attending'),
    field: 'date',
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

export function issueNumberFor(
  dir: string,
  kind: MeetingKind,
  date: IsoDate,
  data?: LoadedData,
): number | undefined {
  try {
    return nextMeetingNumber(dir, kind, date, data && sessionKnownMeetings(data));
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
   * draft is written or read. Says who holds it (pid, since when).
   */
  readonly lockedBy: LockInfo | null;
  private lock: MeetingLock | null;
  private removeShutdownHook: () => void;
  private diskStamp: string;
  private readonly data: LoadedData;
  private readonly others: Meeting[];
  private state: MeetingState | null = null;

  private constructor(
    session: Session,
    data: LoadedData,
    doc: MeetingDocument,
    lock: MeetingLock | null,
    resumed: boolean,
    lockedBy: MeetingLockedError | null = null,
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
    setup: Pick<SetupDraft, 'date' | 'kind' | 'chair' | 'place' | 'present' | 'absent' | 'attending'>,
    options: { reopen?: boolean } = {},
  ): MeetingRecorder {
    const dir = session.meetingsDir;
    ensureFolder(dir);
    const header: NewMeetingHeader = {
      date: setup.date.trim(),
      kind: setup.kind,
      present: splitNames(setup.present),
      absent: splitNames(setup.absent),
      attending: splitNames(setup.attending),
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
      return new MeetingRecorder(session, data, document, null, resumed, opened.lockedBy);
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
      document.save();
    } catch (error) {
      lock.release();
      throw error;
    }
    return new MeetingRecorder(session, data, document, lock, resumed);
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
    if (!item || item.discussed) return;
    this.edit((doc) => doc.setItemDiscussed(project));
  }

  /** The meeting can only be looked at (another process records it). */
  get readOnly(): boolean {
    return this.lockedBy !== null;
  }

  /** Why an edit is refused here, or null when the meeting can be changed. */
  readOnlyReason(): string | null {
    return this.lockedBy ? readOnlyNotice(this.lockedBy) : null;
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

  /** Read-only: whether the other process still holds the lock (false once it has let go). */
  holderStillThere(): boolean {
    return readLock(this.file) !== null;
  }

  /**
   * Apply an edit and save at once. Returns a message when the edit was refused or the save failed;
   * then the meeting stays exactly as the file is (MeetingDocument.update), so nothing is saved twice
   * by a retry, or later after it was given up.
   */
  edit(change: (doc: MeetingDocument) => void): string | null {
    const refused = this.readOnlyReason();
    if (refused) return refused;
    let changed = false;
    try {
      this.doc.update((doc) => {
        change(doc);
        changed = true;
      });
      this.saveError = null;
    } catch (error) {
      if (!changed) return describeError(error);
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
    this.saveError = dropped.length
      ? `会议记录已在别处被修改：已载入并重新记入本次修改；但别处的修改去掉了已保存的 ${dropped.join('、')}，请核对`
      : null;
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
    if (this.readOnly) return;
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

/** Size and modification time of a file, to notice that another process saved it; '' when absent. */
function stampOf(file: string): string {
  try {
    const st = fs.statSync(file);
    return `${st.size}:${st.mtimeMs}`;
  } catch {
    return '';
  }
}
