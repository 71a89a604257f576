// The meeting being recorded: its MeetingDocument (store), the lock that keeps a second recorder out,
// and what the meeting hears (domain). Every edit is saved at once; a failed save is reported and
// retried with the next edit. Not React: the meeting screen holds one and re-renders on `version`.
import * as path from 'node:path';
import { buildAgenda, followupsToHear } from '../../../domain/agenda.js';
import { buildLedger, indexLedgerByProject } from '../../../domain/ledger.js';
import { InputError, formatDiagnostic } from '../../../domain/types.js';
import type { IsoDate, LedgerEntry, Meeting, MeetingKind } from '../../../domain/types.js';
import type { MeetingLock } from '../../../store/lock.js';
import type { MeetingDocument, ItemSnapshot, NewMeetingHeader } from '../../../store/meeting-document.js';
import { nextMeetingNumber, openMeetingToRecord, scanMeetingsDir } from '../../../store/meetings-dir.js';
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

/** An unfinished meeting in the folder (the latest), to resume without asking. */
export function unfinishedMeeting(
  dir: string,
): { date: IsoDate; kind: MeetingKind; file: string } | undefined {
  const open = scanMeetingsDir(dir).filter(
    (s) => s.closed === false && s.date !== undefined && s.kind !== undefined,
  );
  const last = open[open.length - 1];
  return last ? { date: last.date!, kind: last.kind!, file: last.file } : undefined;
}

export function issueNumberFor(dir: string, kind: MeetingKind, date: IsoDate): number | undefined {
  try {
    return nextMeetingNumber(dir, kind, date);
  } catch {
    return undefined;
  }
}

export class MeetingRecorder {
  readonly doc: MeetingDocument;
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
  private lock: MeetingLock | null;
  private removeShutdownHook: () => void;

  private constructor(
    session: Session,
    data: LoadedData,
    doc: MeetingDocument,
    lock: MeetingLock,
    resumed: boolean,
  ) {
    this.doc = doc;
    this.file = doc.file;
    this.lock = lock;
    this.resumed = resumed;
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
    const opened = openMeetingToRecord(dir, header);
    const { document, resumed, lock } = opened;
    if (!lock) throw opened.lockedBy ?? new Error('无法取得会议记录的锁');
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

  /** Apply an edit and save at once. Returns a message when the edit was refused or the save failed. */
  edit(change: (doc: MeetingDocument) => void): string | null {
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
    const error = this.edit((doc) => doc.setClosed(true));
    if (error) return error;
    writeDraft(this.file, null);
    this.release();
    return null;
  }

  writeDraft(ui: unknown): void {
    writeDraft(this.file, ui);
  }

  readDraft(): unknown {
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
