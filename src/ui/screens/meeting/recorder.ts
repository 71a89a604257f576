// The meeting being recorded: its MeetingDocument (store), the lock that keeps a second recorder out,
// and what the meeting hears (domain). Every edit is saved at once; a failed save is reported and
// retried with the next edit. Not React: the meeting screen holds one and re-renders on `version`.
import * as path from 'node:path';
import { buildAgenda, followupsToHear } from '../../../domain/agenda.js';
import { buildLedger, indexLedgerByProject } from '../../../domain/ledger.js';
import { InputError, formatDiagnostic } from '../../../domain/types.js';
import type { IsoDate, LedgerEntry, Meeting, MeetingKind } from '../../../domain/types.js';
import * as fs from 'node:fs';
import { readLock } from '../../../store/lock.js';
import type { LockInfo, MeetingLock, MeetingLockedError } from '../../../store/lock.js';
import { readOnlyNotice } from '../../hooks/lock-holder.js';
export { describeHolder, lockSince, readOnlyNotice } from '../../hooks/lock-holder.js';
import { MeetingDocument } from '../../../store/meeting-document.js';
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
import { errorText } from '../../../store/system-error.js';

export function describeError(error: unknown): string {
  if (error instanceof InputError)
    return error.diagnostics.map((d) => d.message || formatDiagnostic(d)).join('；');
  return errorText(error);
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
    const day = this.meeting.meeting.date;
    const ledger = buildLedger(others, day);
    this.followups = followupsToHear(ledger, day);
    this.earlierByProject = indexLedgerByProject(ledger);
    this.removeShutdownHook = session.onShutdown(() => this.release());
  }

  /**
   * Start the meeting of the form's date and kind: resume its file when there is one (reopening it if
   * it was closed), else create it with the agenda built by the domain rules and save it at once.
   * Throws InputError (MeetingLockedError when another process records it).
   */
  static start(
    session: Session,
    data: LoadedData,
    setup: Pick<SetupDraft, 'date' | 'kind' | 'chair' | 'place' | 'present' | 'absent' | 'attending'>,
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
        if (document.toMeeting().meeting.closed) document.setClosed(false);
      } else {
        const day = header.date;
        const ledger = buildLedger(data.meetings, day);
        const agenda = buildAgenda(data.assessment, ledger, day);
        const snapshots: Record<string, ItemSnapshot> = {};
        for (const entry of agenda) {
          const status = data.statusById.get(entry.projectId);
          if (status)
            snapshots[entry.projectId] = { light: status.light, reasons: status.flags.map((f) => f.reason) };
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

  /** Apply an edit and save at once. Returns a message when the edit was refused or the save failed. */
  edit(change: (doc: MeetingDocument) => void): string | null {
    const refused = this.readOnlyReason();
    if (refused) return refused;
    try {
      change(this.doc);
    } catch (error) {
      return describeError(error);
    }
    return this.save();
  }

  save(): string | null {
    try {
      this.doc.save();
      this.saveError = null;
    } catch (error) {
      this.saveError = `保存失败：${describeError(error)}`;
    }
    this.meeting = this.doc.toMeeting();
    this.version++;
    return this.saveError;
  }

  /** Close the meeting (closed: true), save, remove the draft and the lock. */
  close(): string | null {
    const refused = this.readOnlyReason();
    if (refused) return refused;
    const error = this.edit((doc) => doc.setClosed(true));
    if (error) return error;
    writeDraft(this.file, null);
    this.release();
    return null;
  }

  /** The UI state and half-typed text, next to the meeting file (never for a read-only meeting). */
  writeDraft(ui: unknown): void {
    if (this.readOnly) return;
    writeDraft(this.file, ui);
  }

  readDraft(): unknown {
    if (this.readOnly) return null;
    return readDraft(this.file);
  }

  get locked(): boolean {
    return this.lock !== null;
  }

  /** Let go of the meeting: release the lock (the file stays as saved). Safe to call twice. */
  release(): void {
    this.lock?.release();
    this.lock = null;
    this.removeShutdownHook();
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
