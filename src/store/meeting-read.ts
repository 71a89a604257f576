// Meeting records (one YAML file per meeting in meetings/, docs/formats.md#meeting-record): read and validated with the
// same positioned Chinese diagnostics as the register. Writing is store-meeting's (meeting-document.ts).

import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { LineCounter, isScalar } from './yaml-lib.js';
import type { Document, Node as YamlNode } from 'yaml';
import { InputError } from '../domain/types.js';
import type {
  Decision,
  Diagnostic,
  Followup,
  ItemFigures,
  ItemStatus,
  Meeting,
  MeetingHeader,
  MeetingItem,
  MeetingSnapshot,
  SourcePos,
} from '../domain/types.js';
import { DiagnosticSink } from './yaml/diagnostics.js';
import { decodeYamlBytes, describeIoError, readYamlFile } from './yaml/file.js';
import { parseYamlText } from './yaml/parse.js';
import { type At, YamlSource } from './yaml/source.js';
import { RecordReader } from './yaml/record.js';
import {
  DECISION_SCHEMA,
  FIGURES_SCHEMA,
  FOLLOWUP_SCHEMA,
  ITEM_SCHEMA,
  MEETING_FILE_SCHEMA,
  MEETING_HEADER_SCHEMA,
  SNAPSHOT_SCHEMA,
} from '../domain/schema.js';
import { isTempFileName } from './atomic-write.js';
import { type CacheInput, type LoadCache, cacheInput, resolveLoadCache, sameInput } from './load-cache.js';

export interface MeetingLoadOptions {
  /**
   * Where parsed meeting files are cached (load-cache.ts): a cache, false for none, or (undefined)
   * the user's cache folder unless DIAODU_NO_CACHE is set.
   */
  cache?: LoadCache | false;
  /**
   * Called with the inputs (each file as read, in name order) the returned meetings came from, when
   * the load cache is on and every file was read; [] for a missing folder.
   */
  onInputs?: (inputs: CacheInput[]) => void;
}

/** A decision id with where it was written, for duplicate and reference checks. */
interface DecisionPlace {
  at: SourcePos;
  meetingDate: string | undefined;
}

/** One meeting file read, with what the checks across meetings need (plain data: it is cached). */
interface ReadMeeting {
  meeting: Meeting;
  /** the file as given (in messages) */
  file: string;
  /** decision ids in the file, with where each is written */
  decisions: [id: string, at: SourcePos][];
  followups: { decision: string; at: SourcePos }[];
}

/** A meeting file's cached reading: no errors, its warnings (the listed ones and how many in all). */
interface CachedMeeting {
  read: ReadMeeting;
  warnings: Diagnostic[];
  warningCount: number;
}

// Each record's fields, read as its schema says (yaml/record.ts), by property.
const HEADER = new RecordReader<Partial<MeetingHeader>>(MEETING_HEADER_SCHEMA);
const SNAPSHOT = new RecordReader<Partial<MeetingSnapshot>>(SNAPSHOT_SCHEMA);
const ITEM = new RecordReader<Partial<MeetingItem>>(ITEM_SCHEMA);
const FIGURES = new RecordReader<Partial<ItemFigures>>(FIGURES_SCHEMA);
const DECISION = new RecordReader<Partial<Decision>>(DECISION_SCHEMA);
const FOLLOWUP = new RecordReader<Partial<Followup>>(FOLLOWUP_SCHEMA);

const where = (p: SourcePos): string => `${p.file}:${p.line}:${p.column}`;

function readMeetingSource(src: YamlSource, absolute: string): ReadMeeting | undefined {
  const rootNode = src.doc.contents as YamlNode | null;
  if (rootNode === null || (isScalar(rootNode) && rootNode.value === null)) {
    src.error(
      0,
      '文件是空的；会议记录应包含 meeting:（会议信息）、items:（议题）和 followups:（落实情况）。',
    );
    return undefined;
  }
  const top = src.fields(rootNode, rootNode, '会议记录的顶层', MEETING_FILE_SCHEMA);
  if (!top) return undefined;
  top.what = '会议记录';

  const header: Partial<MeetingHeader> & { present: string[]; absent: string[]; attending: string[] } = {
    present: [],
    absent: [],
    attending: [],
  };
  const headerNode = top.node('meeting');
  const m =
    headerNode === null
      ? undefined
      : src.fields(headerNode, top.valueAt('meeting'), '“meeting”（会议信息）', MEETING_HEADER_SCHEMA);
  if (m) {
    const v = HEADER.read(m);
    if (v.date !== undefined) header.date = v.date;
    if (v.kind !== undefined) header.kind = v.kind;
    if (v.number !== undefined) header.number = v.number;
    if (v.title !== undefined) header.title = v.title;
    if (v.chair !== undefined) header.chair = v.chair;
    if (v.place !== undefined) header.place = v.place;
    header.present = v.present!;
    header.absent = v.absent!;
    header.attending = v.attending!;
    if (v.late !== undefined) header.late = v.late;
    if (v.register !== undefined) header.register = v.register;
    if (v.asOf !== undefined) header.asOf = v.asOf;
    const snapNode = m.node('snapshot');
    if (snapNode !== null) {
      const sf = src.fields(
        snapNode,
        m.valueAt('snapshot'),
        '“snapshot”（开会时的台账总体数字）',
        SNAPSHOT_SCHEMA,
      );
      if (sf) {
        const sv = SNAPSHOT.read(sf);
        const snap = {
          projects: sv.projects,
          totalInvestment: sv.totalInvestment,
          started: sv.started,
          newProjects: sv.newProjects,
          newStarted: sv.newStarted,
          annualPlan: sv.annualPlan,
          completedYear: sv.completedYear,
          timeProgress: sv.timeProgress,
          red: sv.red,
          yellow: sv.yellow,
          green: sv.green,
        };
        const completedMonth = sv.completedMonth;
        if (Object.values(snap).every((x) => x !== undefined)) {
          header.snapshot = snap as MeetingSnapshot;
          if (completedMonth !== undefined) header.snapshot.completedMonth = completedMonth;
        }
      }
    }
    header.closed = v.closed ?? false; // absent: still being recorded (docs/formats.md#meeting-header)
  }

  const decisions = new Map<string, At>();
  const items: MeetingItem[] = [];
  let seq = 0;
  /** One decision (an item's or a general one), numbered `seq` when it has no id. */
  const readDecision = (
    dEntry: { node: YamlNode | null; at: YamlNode },
    label: string,
  ): Decision | undefined => {
    const df = src.fields(dEntry.node, dEntry.at, label, DECISION_SCHEMA);
    if (!df) return undefined;
    const v = DECISION.head(df);
    let id = v.id;
    const idAt: At = id !== undefined ? df.valueAt('id') : df.at;
    // Without an id, a decision is numbered like the app numbers it: meeting date + sequence.
    if (id === undefined && header.date !== undefined) id = `${header.date}-${String(seq).padStart(2, '0')}`;
    if (id !== undefined) {
      df.what = `议定事项“${id}”`;
      const first = decisions.get(id);
      if (first !== undefined) {
        src.error(
          idAt,
          `议定事项编号“${id}”重复：${src.where(first, src.file)}已有；编号在所有会议中必须唯一。`,
        );
      } else {
        decisions.set(id, idAt);
      }
    }
    const { text, unit, coUnits, owner, due } = DECISION.rest(df, v);
    if (header.date !== undefined && due !== undefined && due < header.date) {
      src.warning(df.valueAt('due'), `完成时限 ${due} 早于会议日期 ${header.date}。`);
    }
    if (id !== undefined && text !== undefined && unit !== undefined && due !== undefined) {
      const decision: Decision = { id, text, unit, due };
      // 配合单位: each once, and not the lead unit again
      const co = [...new Set(coUnits ?? [])].filter((u) => u !== unit);
      if (co.length > 0) decision.coUnits = co;
      if (owner !== undefined) decision.owner = owner;
      return decision;
    }
    return undefined;
  };
  let n = 0;
  for (const entry of top.list('items')) {
    n++;
    const f = src.fields(entry.node, entry.at, `“items”的第 ${n} 项`, ITEM_SCHEMA);
    if (!f) continue;
    const iv = ITEM.head(f);
    const project = iv.project;
    if (project !== undefined) f.what = `议题“${project}”`;
    const { light, reasons, notes, discussed, status, seconds } = ITEM.rest(f, iv);
    const item: MeetingItem = { project: project ?? '', reasons: reasons!, decisions: [] };
    if (light !== undefined) item.light = light;
    if (discussed !== undefined) item.discussed = discussed;
    if (status !== undefined) applyItemStatus(item, status);
    if (seconds !== undefined) item.seconds = seconds;
    const figNode = f.node('figures');
    if (figNode !== null) {
      const ff = src.fields(figNode, f.valueAt('figures'), '“figures”（开会时的投资数字）', FIGURES_SCHEMA);
      if (ff) {
        const fv = FIGURES.read(ff);
        const { annualPlan, completedYear, completionRate: rate, timeProgress: tp } = fv;
        if (annualPlan !== undefined && completedYear !== undefined && tp !== undefined) {
          const figures: ItemFigures = {
            annualPlan,
            completedYear,
            completionRate: rate ?? (annualPlan > 0 ? completedYear / annualPlan : null),
            timeProgress: tp,
          };
          item.figures = figures;
        }
      }
    }
    if (notes !== undefined) item.notes = notes;
    let d = 0;
    for (const dEntry of f.list('decisions')) {
      d++;
      seq++;
      const decision = readDecision(dEntry, `“decisions”的第 ${d} 项`);
      if (decision) item.decisions.push(decision);
    }
    if (project !== undefined) items.push(item);
  }

  // 综合事项: decisions tied to no project, numbered on after the items' decisions
  const general: Decision[] = [];
  n = 0;
  for (const entry of top.list('general')) {
    n++;
    seq++;
    const decision = readDecision(entry, `“general”（综合事项）的第 ${n} 项`);
    if (decision) general.push(decision);
  }

  const followups: Followup[] = [];
  const followupRefs: { decision: string; at: SourcePos }[] = [];
  n = 0;
  for (const entry of top.list('followups')) {
    n++;
    const f = src.fields(entry.node, entry.at, `“followups”的第 ${n} 项`, FOLLOWUP_SCHEMA);
    if (!f) continue;
    const { decision, status, note, date, doneOn } = FOLLOWUP.read(f);
    if (doneOn !== undefined && status !== undefined && status !== '已落实') {
      src.warning(f.valueAt('done_on'), `落实日期（done_on）只用于“已落实”的事项；状态为“${status}”时不计。`);
    }
    if (decision !== undefined) followupRefs.push({ decision, at: src.pos(f.valueAt('decision')) });
    if (decision !== undefined && status !== undefined) {
      const fu: Followup = { decision, status };
      if (note !== undefined) fu.note = note;
      if (date !== undefined) fu.date = date;
      if (doneOn !== undefined && status === '已落实') fu.doneOn = doneOn;
      followups.push(fu);
    }
  }

  const meeting: Meeting = {
    meeting: header as MeetingHeader,
    items,
    followups,
    file: absolute,
  };
  if (general.length > 0) meeting.general = general;
  return {
    meeting,
    file: src.file,
    decisions: [...decisions].map(([id, at]) => [id, src.pos(at)]),
    followups: followupRefs,
  };
}

/**
 * The typed view of a meeting record held in memory as a yaml Document (meeting-document.ts
 * toMeeting): read exactly as a meeting file is read (one reader for both), its diagnostics dropped,
 * so a record with mistakes still gives everything that can be read of it. A missing date or kind
 * reads as '' and 周调度.
 */
export function meetingFromDocument(doc: Document, file: string): Meeting {
  const sink = new DiagnosticSink();
  // positions are only needed for diagnostics, which are dropped: no line table is built
  const parsed = { file, text: '', doc: doc as Document.Parsed, lineCounter: new LineCounter() };
  const read = readMeetingSource(new YamlSource(parsed, sink), file);
  const meeting: Meeting = read?.meeting ?? {
    meeting: { date: '', kind: '周调度', present: [], absent: [], attending: [], closed: false },
    items: [],
    followups: [],
    file,
  };
  const header = meeting.meeting as Partial<MeetingHeader>;
  header.date ??= '';
  header.kind ??= '周调度';
  header.closed ??= false;
  return meeting;
}

/** 已讨论 counts as taken up; 跳过 does not, whatever `discussed` says (the item may have been opened). */
export function applyItemStatus(item: MeetingItem, status: ItemStatus): void {
  item.status = status;
  item.discussed = status === '已讨论';
}

function isCachedMeeting(v: unknown): v is CachedMeeting {
  const c = v as Partial<CachedMeeting> | null;
  return (
    typeof c === 'object' &&
    c !== null &&
    typeof c.read === 'object' &&
    c.read !== null &&
    Array.isArray(c.read.decisions) &&
    Array.isArray(c.read.followups) &&
    Array.isArray(c.warnings) &&
    typeof c.warningCount === 'number'
  );
}

/** Where readOne looks for, and keeps, a file's cached reading. */
interface MeetingCacheSlot {
  get(input: CacheInput): CachedMeeting | undefined;
  put(input: CacheInput, entry: CachedMeeting): void;
}

/** One cache entry per meeting file (loadMeetingWithWarnings). */
function fileSlot(cache: LoadCache): MeetingCacheSlot {
  return {
    get: (input) => {
      const hit = cache.get<unknown>('meeting', [input]);
      return isCachedMeeting(hit) ? hit : undefined;
    },
    put: (input, entry) => cache.put('meeting', [input], entry),
  };
}

/** A meetings folder's entry: each file's reading with the input it was read from. */
interface FolderEntry {
  files: Record<string, { input: CacheInput; entry: CachedMeeting }>;
}

function isFolderEntry(v: unknown): v is FolderEntry {
  const f = v as Partial<FolderEntry> | null;
  return typeof f === 'object' && f !== null && typeof f.files === 'object' && f.files !== null;
}

/**
 * One cache entry for a whole meetings folder (one read instead of one per file), holding each
 * file's reading; a changed file is read again and the entry rewritten. The entry's own key is the
 * folder: each file's reading is checked against that file's input.
 */
class FolderSlot implements MeetingCacheSlot {
  private readonly key: CacheInput[];
  private readonly before: FolderEntry['files'];
  private readonly after: FolderEntry['files'] = {};
  private changed = false;

  constructor(
    private readonly cache: LoadCache,
    dir: string,
  ) {
    this.key = [{ file: dir, abs: resolve(dir), size: 0, mtimeMs: 0, sha1: '' }];
    const stored = cache.get<unknown>('meetings', this.key);
    this.before = isFolderEntry(stored) ? stored.files : {};
  }

  get(input: CacheInput): CachedMeeting | undefined {
    const kept = Object.hasOwn(this.before, input.file) ? this.before[input.file] : undefined;
    if (typeof kept !== 'object' || kept === null || typeof kept.input !== 'object' || kept.input === null) {
      return undefined;
    }
    if (!sameInput(kept.input, input) || !isCachedMeeting(kept.entry)) return undefined;
    this.after[input.file] = kept;
    return kept.entry;
  }

  put(input: CacheInput, entry: CachedMeeting): void {
    this.after[input.file] = { input, entry };
    this.changed = true;
  }

  /** Rewrites the entry when a file was read afresh, or one is gone. */
  save(): void {
    const stale = Object.keys(this.before).length !== Object.keys(this.after).length;
    if (this.changed || stale) this.cache.put('meetings', this.key, { files: this.after });
  }
}

/**
 * Reads one meeting file, its diagnostics going to `sink`; from the load cache when the file is
 * unchanged since it was last read without errors.
 */
function readOne(
  file: string,
  sink: DiagnosticSink,
  slot: MeetingCacheSlot | undefined,
  inputs?: CacheInput[],
): ReadMeeting | undefined {
  let bytes: Uint8Array;
  let input: CacheInput | undefined;
  try {
    const f = readYamlFile(file);
    bytes = f.bytes;
    if (slot) input = cacheInput(file, f.bytes, f.size, f.mtimeMs);
    if (input) inputs?.push(input);
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    for (const d of e.diagnostics) sink.add(d);
    return undefined;
  }
  if (slot && input) {
    const hit = slot.get(input);
    if (hit) {
      sink.beginFile(file);
      for (const w of hit.warnings) sink.add(w);
      sink.addOmitted(file, 'warning', hit.warningCount - hit.warnings.length);
      return hit.read;
    }
  }
  const own = new DiagnosticSink();
  let read: ReadMeeting | undefined;
  try {
    const parsed = parseYamlText(decodeYamlBytes(bytes, file), file, own);
    if (parsed) read = readMeetingSource(new YamlSource(parsed, own), resolve(file));
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    for (const d of e.diagnostics) own.add(d);
  }
  if (read && !own.hasErrors && slot && input) {
    slot.put(input, { read, warnings: own.warnings, warningCount: own.count(file, 'warning') });
  }
  sink.absorb(own);
  return read;
}

/**
 * Follow-ups must name a decision taken at this meeting or an earlier one among `meetings`. One that
 * names a decision found nowhere is a warning, not an error: the usual cause is an old meeting file
 * deleted or moved to an archive folder, and refusing every meeting for it would stop the secretary
 * from opening her meetings at all. The follow-up then counts for nothing in the ledger (it has no
 * decision to settle), and `check` and the UI show the warning with its position so a mistyped id
 * is still found.
 */
function checkReferences(
  sink: DiagnosticSink,
  read: ReadMeeting[],
  knownDecisions: Map<string, DecisionPlace>,
  allRead: boolean,
): void {
  for (const r of read) {
    const date = r.meeting.meeting.date;
    for (const ref of r.followups) {
      const place = knownDecisions.get(ref.decision);
      if (!place) {
        // a meeting file that could not be read may hold it: its own errors are reported instead
        if (!allRead) continue;
        sink.warning(
          r.file,
          ref.at.line,
          ref.at.column,
          `跟进的议定事项“${ref.decision}”在会议记录中找不到，这条跟进不计入督办台账。` +
            `若编号写错，请改为某次会议 decisions 中的编号（id）；若所在会议记录已删除或移走，可忽略本提示。`,
        );
      } else if (date !== undefined && place.meetingDate !== undefined && place.meetingDate > date) {
        sink.error(
          r.file,
          ref.at.line,
          ref.at.column,
          `跟进的议定事项“${ref.decision}”是在之后的会议（${place.meetingDate}，${where(place.at)}）上作出的，本次（${date}）会议不能跟进它。`,
        );
      }
    }
  }
}

/** Reads one meeting file with its warnings; throws InputError listing every error in it. */
export function loadMeetingWithWarnings(
  file: string,
  options: MeetingLoadOptions = {},
): { meeting: Meeting; warnings: Diagnostic[] } {
  const sink = new DiagnosticSink();
  const cache = resolveLoadCache(options.cache);
  const r = readOne(file, sink, cache && fileSlot(cache));
  sink.throwIfErrors();
  if (!r)
    throw new InputError([{ severity: 'error', file, line: 1, column: 1, message: '无法读取会议记录。' }]);
  return { meeting: r.meeting, warnings: sink.sortedWarnings() };
}

/**
 * Reads one meeting file. Follow-ups are not checked against other meetings here (only
 * loadMeetings sees them all).
 */
export function loadMeeting(file: string, options: MeetingLoadOptions = {}): Meeting {
  return loadMeetingWithWarnings(file, options).meeting;
}

/** Parses one meeting's text (for tests and for checking text before it is saved). */
export function parseMeetingText(text: string, file: string): { meeting: Meeting; warnings: Diagnostic[] } {
  const sink = new DiagnosticSink();
  const parsed = parseYamlText(text, file, sink);
  const r = parsed ? readMeetingSource(new YamlSource(parsed, sink), resolve(file)) : undefined;
  sink.throwIfErrors();
  if (!r)
    throw new InputError([{ severity: 'error', file, line: 1, column: 1, message: '无法读取会议记录。' }]);
  return { meeting: r.meeting, warnings: sink.sortedWarnings() };
}

const YAML_FILE = /\.ya?ml$/i;

/** The meeting files' names in `dir`, sorted (*.yaml, *.yml; dot-files and temporary files skipped). */
function meetingFileNames(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter(
      (d) =>
        !d.name.startsWith('.') &&
        YAML_FILE.test(d.name) &&
        !isTempFileName(d.name) &&
        (d.isFile() || d.isSymbolicLink()),
    )
    .map((d) => d.name)
    .sort();
}

/**
 * The meeting files in `dir` as loadMeetings reports them through `onInputs` (read and hashed, not
 * parsed; [] for a missing folder), or undefined when the folder or a file cannot be read.
 */
export function meetingInputs(dir: string): CacheInput[] | undefined {
  try {
    if (!statSync(dir).isDirectory()) return undefined;
  } catch (e) {
    return (e as { code?: unknown }).code === 'ENOENT' ? [] : undefined;
  }
  try {
    return meetingFileNames(dir).map((name) => {
      const file = join(dir, name);
      const { bytes, size, mtimeMs } = readYamlFile(file);
      return cacheInput(file, bytes, size, mtimeMs);
    });
  } catch {
    return undefined;
  }
}

/**
 * All meetings in `dir` (*.yaml, *.yml; dot-files skipped), sorted by date then file name, with
 * their warnings. A missing folder gives no meetings. Decision ids must be unique across all
 * meetings; every follow-up must name a decision of that meeting or an earlier one.
 */
export function loadMeetingsWithWarnings(
  dir: string,
  options: MeetingLoadOptions = {},
): { meetings: Meeting[]; warnings: Diagnostic[] } {
  let names: string[];
  try {
    if (!statSync(dir).isDirectory()) {
      throw new InputError([
        {
          severity: 'error',
          file: dir,
          line: 1,
          column: 1,
          message: '会议记录路径应为文件夹，这里是一个文件。',
        },
      ]);
    }
    names = meetingFileNames(dir);
  } catch (e) {
    if (e instanceof InputError) throw e;
    if ((e as { code?: unknown }).code === 'ENOENT') {
      if (resolveLoadCache(options.cache)) options.onInputs?.([]);
      return { meetings: [], warnings: [] };
    }
    throw new InputError([
      {
        severity: 'error',
        file: dir,
        line: 1,
        column: 1,
        message: describeIoError(e, '无法读取会议记录文件夹'),
      },
    ]);
  }
  const sink = new DiagnosticSink();
  const cache = resolveLoadCache(options.cache);
  const slot = cache && new FolderSlot(cache, dir);
  const read: ReadMeeting[] = [];
  const inputs: CacheInput[] = [];
  for (const name of names) {
    const r = readOne(join(dir, name), sink, slot, inputs);
    if (r) read.push(r);
  }
  slot?.save();
  // Sort by date then file name before the cross-meeting checks, so "first" means earliest.
  const fileOf = (r: ReadMeeting): string => r.file;
  read.sort((a, b) => {
    const da = a.meeting.meeting.date ?? '';
    const db = b.meeting.meeting.date ?? '';
    return da < db ? -1 : da > db ? 1 : fileOf(a) < fileOf(b) ? -1 : fileOf(a) > fileOf(b) ? 1 : 0;
  });
  const known = new Map<string, DecisionPlace>();
  for (const r of read) {
    for (const [id, at] of r.decisions) {
      const first = known.get(id);
      if (first) {
        sink.error(
          r.file,
          at.line,
          at.column,
          `议定事项编号“${id}”重复：${where(first.at)}已有；编号在所有会议中必须唯一。`,
        );
      } else {
        known.set(id, { at, meetingDate: r.meeting.meeting.date });
      }
    }
  }
  checkReferences(sink, read, known, read.length === names.length);
  sink.throwIfErrors();
  if (slot && inputs.length === names.length) options.onInputs?.(inputs);
  return { meetings: read.map((r) => r.meeting), warnings: sink.sortedWarnings() };
}

/** All meetings in `dir`, sorted by date then file name; a missing folder gives []. */
export function loadMeetings(dir: string, options: MeetingLoadOptions = {}): Meeting[] {
  return loadMeetingsWithWarnings(dir, options).meetings;
}
