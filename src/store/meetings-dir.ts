// The meetings folder: one YAML file per meeting, named `YYYY-MM-DD-周调度.yaml` (date and kind). Opening
// the meeting of a date again resumes it; 期数 are counted per kind and year unless a meeting sets its
// own; decision ids are unique across every file in the folder (docs/formats.md#decisions).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isMap, isScalar, isSeq, parseDocument } from './yaml-lib.js';
import { MEETING_KINDS, normalizeMeetingKind } from '../domain/normalize.js';
import type { IsoDate, Meeting, MeetingKind } from '../domain/types.js';
import { isTempFileName, removeStaleTempFiles, restoreAsideFiles } from './atomic-write.js';
import { acquireMeetingLock, MeetingLockedError } from './lock.js';
import type { MeetingLock } from './lock.js';
import { MeetingDocument } from './meeting-document.js';
import { MAX_FILE_BYTES } from './yaml/file.js';
import type { MeetingDocumentOptions, NewMeetingHeader } from './meeting-document.js';
import { meetingDecisions } from '../domain/ledger.js';

/** `2021-11-15-周调度.yaml` */
export function meetingFileName(date: IsoDate, kind: MeetingKind): string {
  return `${date}-${kind}.yaml`;
}

export function meetingPathFor(dir: string, date: IsoDate, kind: MeetingKind): string {
  return path.resolve(dir, meetingFileName(date, kind));
}

const NAME_RE = /^(\d{4}-\d{2}-\d{2})-(周调度|月调度|专题)\.ya?ml$/;

/** Date and kind from a conventional file name, or null. */
export function parseMeetingFileName(name: string): { date: IsoDate; kind: MeetingKind } | null {
  const m = NAME_RE.exec(path.basename(name));
  return m ? { date: m[1] as IsoDate, kind: m[2] as MeetingKind } : null;
}

/**
 * Every meeting file in `dir` (absolute paths, sorted by name): `.yaml`/`.yml` files that are not
 * hidden (the writer's temp files are hidden) and not lock files. A missing folder gives [].
 */
export function listMeetingFiles(dir: string): string[] {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  // a save killed at the moment of its compare-and-swap leaves the meeting beside its name: put it back
  if (
    restoreAsideFiles(
      dir,
      entries.map((e) => e.name),
    ).length > 0
  ) {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  }
  return entries
    .filter(
      (e) => e.isFile() && /\.ya?ml$/i.test(e.name) && !e.name.startsWith('.') && !isTempFileName(e.name),
    )
    .map((e) => path.resolve(dir, e.name))
    .sort();
}

/** What the folder needs to know about one meeting file without validating it (meeting-read does that). */
export interface MeetingFileSummary {
  file: string;
  date?: IsoDate;
  kind?: MeetingKind;
  number?: number;
  closed?: boolean;
  /** decision ids written in the file */
  decisionIds: string[];
}

// Anything shaped like a decision id counts as taken, even in a file with a syntax error, so a damaged
// file can never cause an id to be handed out twice.
const ID_RE = /\b\d{4}-\d{2}-\d{2}-\d{2,}\b/g;

/** A lenient read of a meeting file's header and decision ids. Never throws for bad content. */
export function summarizeMeetingFile(file: string): MeetingFileSummary {
  const summary: MeetingFileSummary = { file: path.resolve(file), decisionIds: [] };
  let source: string;
  try {
    // only a regular file under the size cap (issue 9: a FIFO or /dev/zero must not be read)
    const st = fs.statSync(file);
    if (!st.isFile() || st.size > MAX_FILE_BYTES) return summary;
    source = fs.readFileSync(file, 'utf8');
  } catch {
    return summary;
  }
  const ids = new Set(source.match(ID_RE) ?? []);
  const fromName = parseMeetingFileName(file);
  const doc = parseDocument(source);
  const root = doc.contents;
  const meeting = isMap(root) ? root.get('meeting', true) : undefined;
  if (isMap(meeting)) {
    const date = meeting.get('date');
    if (typeof date === 'string') summary.date = date;
    const kind = meeting.get('kind');
    const canonical = typeof kind === 'string' ? normalizeMeetingKind(kind) : undefined;
    if (canonical) summary.kind = canonical;
    const number = meeting.get('number');
    if (typeof number === 'number' && Number.isInteger(number)) summary.number = number;
    const closed = meeting.get('closed');
    if (typeof closed === 'boolean') summary.closed = closed;
  }
  summary.date ??= fromName?.date;
  summary.kind ??= fromName?.kind;
  // ids that really are decisions first, in file order; then anything else shaped like one
  const items = isMap(root) ? root.get('items', true) : undefined;
  const ordered: string[] = [];
  const general = isMap(root) ? root.get('general', true) : undefined;
  const lists = isSeq(items)
    ? items.items.map((item) => (isMap(item) ? item.get('decisions', true) : undefined))
    : [];
  lists.push(general);
  for (const decisions of lists) {
    if (!isSeq(decisions)) continue;
    for (const d of decisions.items) {
      const id = isMap(d) ? d.get('id', true) : undefined;
      if (isScalar(id) && id.value !== null && id.value !== undefined) ordered.push(String(id.value));
    }
  }
  summary.decisionIds = [...new Set([...ordered, ...ids])];
  return summary;
}

/**
 * What a caller has already read of the folder (the UI session's meetings, read and validated through
 * the load cache), so the folder's files are not parsed a second time. Only files that were read
 * without error belong here: a file missing from it (a syntax error, or added since) is still
 * summarized from disk, so a damaged file's ids stay taken.
 */
export type KnownMeetings = ReadonlyMap<string, MeetingFileSummary>;

/** Summaries of meetings already read (those with a `file`), keyed by absolute path. */
export function knownMeetings(meetings: readonly Meeting[]): KnownMeetings {
  const known = new Map<string, MeetingFileSummary>();
  for (const m of meetings) {
    if (m.file === undefined) continue;
    const file = path.resolve(m.file);
    const ids: string[] = [];
    for (const d of meetingDecisions(m)) ids.push(d.id);
    for (const f of m.followups) ids.push(f.decision);
    known.set(file, {
      file,
      date: m.meeting.date,
      kind: m.meeting.kind,
      ...(m.meeting.number !== undefined ? { number: m.meeting.number } : {}),
      closed: m.meeting.closed,
      decisionIds: [...new Set(ids)],
    });
  }
  return known;
}

/** The summary of `file` from `known`, else read from disk. */
function summaryOf(file: string, known: KnownMeetings | undefined): MeetingFileSummary {
  return known?.get(file) ?? summarizeMeetingFile(file);
}

/**
 * Summaries of every meeting file in `dir`, by date (then file name). Files in `known` are taken from
 * it instead of being read again.
 */
export function scanMeetingsDir(dir: string, known?: KnownMeetings): MeetingFileSummary[] {
  return listMeetingFiles(dir)
    .map((file) => summaryOf(file, known))
    .sort((a, b) => (a.date ?? '').localeCompare(b.date ?? '') || a.file.localeCompare(b.file));
}

/**
 * The meeting of `date` (and `kind`, when given): the conventionally named file if it exists, else any
 * file whose header says that date and kind. Undefined when there is none.
 */
export function findMeetingFile(
  dir: string,
  date: IsoDate,
  kind?: MeetingKind,
  known?: KnownMeetings,
): string | undefined {
  const kinds = kind ? [kind] : MEETING_KINDS;
  for (const k of kinds) {
    const conventional = meetingPathFor(dir, date, k);
    if (fs.existsSync(conventional)) return conventional;
  }
  const match = scanMeetingsDir(dir, known).find(
    (s) => s.date === date && (kind === undefined || s.kind === kind),
  );
  return match?.file;
}

/**
 * Every decision id used in the folder (optionally leaving out one file, e.g. the one being edited).
 * Files in `known` are taken from it instead of being read again.
 */
export function decisionIdsInDir(
  dir: string,
  options: { exclude?: string; known?: KnownMeetings } = {},
): Set<string> {
  const exclude = options.exclude ? path.resolve(options.exclude) : undefined;
  const ids = new Set<string>();
  for (const file of listMeetingFiles(dir)) {
    if (file === exclude) continue;
    for (const id of summaryOf(file, options.known).decisionIds) ids.add(id);
  }
  return ids;
}

export interface NumberedMeeting {
  date: IsoDate;
  kind: MeetingKind;
  number?: number;
}

/**
 * 期数 of each meeting (same order as given): per kind and year, a meeting's own `number` when set, else
 * one more than the previous meeting of that kind in that year (the first counts from 1). So a series
 * that starts at 第38期 because earlier issues were on paper continues 39, 40, …
 */
export function meetingNumbers(meetings: readonly NumberedMeeting[]): number[] {
  const order = meetings
    .map((m, index) => ({ m, index }))
    .sort((a, b) => a.m.date.localeCompare(b.m.date) || a.index - b.index);
  const last = new Map<string, number>();
  const out = new Array<number>(meetings.length).fill(0);
  for (const { m, index } of order) {
    const key = `${m.date.slice(0, 4)}|${m.kind}`;
    const n = m.number ?? (last.get(key) ?? 0) + 1;
    last.set(key, n);
    out[index] = n;
  }
  return out;
}

/** 期数 for a new meeting of `kind` on `date`, counted from the meetings before it in `dir`. */
export function nextMeetingNumber(
  dir: string,
  kind: MeetingKind,
  date: IsoDate,
  known?: KnownMeetings,
): number {
  const earlier: NumberedMeeting[] = [];
  for (const s of scanMeetingsDir(dir, known)) {
    if (s.kind !== kind || s.date === undefined) continue;
    if (s.date.slice(0, 4) !== date.slice(0, 4) || s.date >= date) continue;
    earlier.push({ date: s.date, kind: s.kind, ...(s.number !== undefined ? { number: s.number } : {}) });
  }
  const numbers = meetingNumbers(earlier);
  return numbers.length === 0 ? 1 : Math.max(...numbers) + 1;
}

/**
 * Open the meeting of `header.date` and `header.kind` in `dir` to go on recording it, or create it (named
 * by the convention, not yet saved) when there is none. The document knows every decision id used by the
 * other files in the folder, so new ids never collide.
 */
export function openMeetingForDate(
  dir: string,
  header: NewMeetingHeader,
  options: Omit<MeetingDocumentOptions, 'takenIds'> & { known?: KnownMeetings } = {},
): { document: MeetingDocument; resumed: boolean } {
  const { known, ...docOptions } = options;
  const existing = findMeetingFile(dir, header.date, header.kind, known);
  const file = existing ?? meetingPathFor(dir, header.date, header.kind);
  const takenIds = decisionIdsInDir(dir, { exclude: file, known });
  if (existing)
    return { document: MeetingDocument.open(existing, { ...docOptions, takenIds }), resumed: true };
  return { document: MeetingDocument.create(file, header, { ...docOptions, takenIds }), resumed: false };
}

export interface MeetingToRecord {
  document: MeetingDocument;
  /** the meeting existed and is being continued */
  resumed: boolean;
  /** held while recording; release it when the meeting screen closes (releaseLockOnExit for signals) */
  lock?: MeetingLock;
  /** set when another live process records this meeting: the document is then read-only */
  lockedBy?: MeetingLockedError;
}

/**
 * What the meeting screen opens: the meeting of the date (resumed or new, as openMeetingForDate) with
 * its lock taken. When another process holds the lock the meeting is opened read-only and `lockedBy`
 * says who (its message is the Chinese sentence to show). Temp files left by a killed writer are
 * cleaned up once the lock is ours.
 */
export function openMeetingToRecord(
  dir: string,
  header: NewMeetingHeader,
  options: { known?: KnownMeetings } = {},
): MeetingToRecord {
  const { known } = options;
  const existing = findMeetingFile(dir, header.date, header.kind, known);
  const file = existing ?? meetingPathFor(dir, header.date, header.kind);
  let lock: MeetingLock;
  try {
    lock = acquireMeetingLock(file);
  } catch (error) {
    if (!(error instanceof MeetingLockedError)) throw error;
    const opened = openMeetingForDate(dir, header, { readOnly: true, known });
    return { ...opened, lockedBy: error };
  }
  try {
    removeStaleTempFiles(file);
    return { ...openMeetingForDate(dir, header, { known }), lock };
  } catch (error) {
    lock.release();
    throw error;
  }
}
