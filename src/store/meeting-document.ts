// A meeting record being written: the file held as a `yaml` Document so that whatever a person wrote by
// hand (comments, key order, blank lines, extra keys) survives every edit and save. The live meeting
// screen calls the methods below after each keystroke-level change and saves at once (docs/formats.md#meeting-record:
// "Meeting record … written by the app, readable by people").
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isAlias, isMap, isScalar, isSeq, parseDocument, YAMLMap, YAMLSeq } from './yaml-lib.js';
import type { Document, Node as YamlNode, ToStringOptions } from 'yaml';
import { isValidIsoDate } from '../domain/dates.js';
import { FOLLOWUP_STATUSES, LIGHTS, MEETING_KINDS } from '../domain/normalize.js';
import { ITEM_STATUSES, InputError } from '../domain/types.js';
import type {
  Decision,
  FollowupStatus,
  IsoDate,
  ItemFigures,
  ItemStatus,
  Light,
  Meeting,
  MeetingHeader,
  MeetingItem,
  MeetingKind,
  MeetingSnapshot,
} from '../domain/types.js';
import { sanitizeText } from '../text/sanitize.js';
import { restoreAsideFiles, swapInProgress, waitForSwap, writeFileIfUnchanged } from './atomic-write.js';
import { meetingFromDocument } from './meeting-read.js';
import type { AtomicWriteIo, CompareAndReplace } from './atomic-write.js';
import { readRegularFile } from './regular-file.js';
import { systemErrorText } from './system-error.js';
import { MAX_FILE_BYTES } from './yaml/file.js';
import {
  DECISION_SCHEMA,
  FOLLOWUP_SCHEMA,
  ITEM_SCHEMA,
  MEETING_FILE_SCHEMA,
  MEETING_HEADER_SCHEMA,
  FIGURES_SCHEMA,
  SNAPSHOT_SCHEMA,
  type RecordSchema,
  keyOrder,
  propOf,
} from '../domain/schema.js';

// ---- key orders (docs/formats.md#key-order, domain/schema.ts), used only to place a key that is not there yet ----
const TOP_KEYS = keyOrder(MEETING_FILE_SCHEMA);
const HEADER_KEYS = keyOrder(MEETING_HEADER_SCHEMA);
const ITEM_KEYS = keyOrder(ITEM_SCHEMA);
const DECISION_KEYS = keyOrder(DECISION_SCHEMA);
const FOLLOWUP_KEYS = keyOrder(FOLLOWUP_SCHEMA);

/** Fractions kept to 4 decimals (0.1 of a percentage point), amounts to 2 (万元). */
const round = (x: number, places: number): number => Math.round(x * 10 ** places) / 10 ** places;

/**
 * A record of numbers as written in the file (the snapshot, an item's figures): snake_case keys in the
 * schema's order, one `{…}` line; absent values (undefined, or a null rate) are left out.
 */
function numbersRecord(schema: RecordSchema, value: object): Record<string, number> {
  const out: Record<string, number> = {};
  for (const field of schema.fields) {
    const v = (value as Record<string, unknown>)[propOf(field)];
    if (typeof v !== 'number') continue;
    out[field.key] = field.decimals === undefined ? v : round(v, field.decimals);
  }
  return out;
}

function num(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** 配合单位 as written: trimmed, sanitised, each once, without the lead unit. */
function cleanCoUnits(coUnits: readonly string[] | undefined, lead: string): string[] {
  const out: string[] = [];
  for (const raw of coUnits ?? []) {
    const u = sanitizeText(raw.trim());
    if (u && u !== lead && !out.includes(u)) out.push(u);
  }
  return out;
}

/** Agenda entries as last written out or read, kept for the next save (MeetingDocument.toString). */
interface KeptItems<T> {
  doc: Document;
  seq: YAMLSeq;
  /** the entries, in order, when kept */
  nodes: unknown[];
  /** each entry's text or reading; null when the pieces did not give the whole (not used) */
  values: T[] | null;
  /** entries changed since (their values are made again) */
  dirty: Set<number>;
}

/** Stands for the agenda's entries while the rest of the document is written out. */
const ITEMS_MARK = 'diaodu-agenda-entries-9f2c4e';
/** A UTF-16 half without its other half: not written as itself in UTF-8 (kept pieces are not used). */
const LONE_SURROGATE = /\p{Cs}/u;

/** How the file is written: block style, no folding of long Chinese lines, `[a, b]` for short lists. */
const TO_STRING: ToStringOptions = { lineWidth: 0, flowCollectionPadding: false, indentSeq: true };

/** Header fields as the UI sets them (camelCase as in MeetingHeader); `undefined` removes a key. */
export type HeaderFields = Partial<Omit<MeetingHeader, 'closed'>> & { closed?: boolean };

export interface NewMeetingHeader extends Partial<MeetingHeader> {
  date: IsoDate;
  kind: MeetingKind;
}

export interface DecisionInput {
  text: string;
  unit: string;
  /** 配合单位; empty or absent: none */
  coUnits?: readonly string[];
  owner?: string;
  due: IsoDate;
}

export interface FollowupInput {
  status: FollowupStatus;
  note?: string;
  date?: IsoDate;
  /** 已落实: the day it was carried out */
  doneOn?: IsoDate;
}

export interface ItemSnapshot {
  light?: Light;
  reasons?: string[];
  figures?: ItemFigures;
}

export interface MeetingDocumentOptions {
  /** decision ids already used by other meetings (meetings-dir `decisionIdsInDir`) */
  takenIds?: Iterable<string>;
  /** refuse save(): for a meeting another process is recording (lock refused) */
  readOnly?: boolean;
  /** replace the writer's fs calls (tests: a full disk) */
  io?: Partial<AtomicWriteIo>;
}

function inputError(file: string, message: string, line = 0, column = 0): InputError {
  return new InputError([{ severity: 'error', file, line, column, message }]);
}

/**
 * save() refused: the file is no longer what this document last read or wrote (a hand edit, or another
 * program). Nothing was written; `onDisk` is what the file holds now (null: it is gone).
 */
export class MeetingChangedError extends InputError {
  readonly onDisk: string | null;
  constructor(file: string, onDisk: string | null, moved: boolean) {
    super([
      {
        severity: 'error',
        file,
        line: 0,
        column: 0,
        message: moved
          ? `会议记录 ${file} 已被移走或删除；未保存。请确认后重新打开`
          : `会议记录 ${file} 已在别处被修改；为免覆盖他人的修改，未保存。请重新打开后再记录`,
      },
    ]);
    this.name = 'MeetingChangedError';
    this.onDisk = onDisk;
  }
}

/**
 * What a hand edit dropped of what the app had saved: decisions (id and text), follow-ups and agenda
 * projects in `mine` (the text last saved) that `theirs` (the file now) no longer has. A hand edit made
 * from an older copy of the file (read before the app's last save, written after it) drops them; they
 * must be named to the secretary, never dropped silently. Unreadable texts give [].
 */
export function droppedByHandEdit(file: string, mine: string | null, theirs: string | null): string[] {
  if (mine === null) return [];
  let before: Meeting;
  let after: Meeting | null = null;
  try {
    before = MeetingDocument.fromText(mine, file).toMeeting();
    if (theirs !== null) after = MeetingDocument.fromText(theirs, file).toMeeting();
  } catch {
    return [];
  }
  const decisions = new Set(
    [...(after?.items.flatMap((i) => i.decisions) ?? []), ...(after?.general ?? [])].map((d) => d.id),
  );
  const followups = new Set(after?.followups.map((f) => f.decision) ?? []);
  const projects = new Set(after?.items.map((i) => i.project) ?? []);
  const dropped: string[] = [];
  for (const item of before.items) {
    if (!projects.has(item.project)) dropped.push(`议程项目 ${item.project}`);
    for (const d of item.decisions) if (!decisions.has(d.id)) dropped.push(`议定事项 ${d.id}（${d.text}）`);
  }
  for (const d of before.general ?? [])
    if (!decisions.has(d.id)) dropped.push(`综合事项 ${d.id}（${d.text}）`);
  for (const f of before.followups) if (!followups.has(f.decision)) dropped.push(`落实情况 ${f.decision}`);
  return dropped;
}

function keyOf(pair: unknown): unknown {
  const key = (pair as { key: unknown }).key;
  return isScalar(key) ? key.value : key;
}

/**
 * Set `key` in `map` to `value`. An existing scalar keeps its node (and so its comments and quoting);
 * a new key goes where docs/formats.md#key-order puts it among the keys already there, never reordering them.
 * `undefined` removes the key.
 */
function setKey(doc: Document, map: YAMLMap, key: string, value: unknown, order: string[]): void {
  if (value === undefined) {
    map.delete(key);
    return;
  }
  if (map.has(key)) {
    const existing = map.get(key, true) as unknown;
    if (isScalar(existing) && !(value instanceof Object)) {
      existing.value = value;
      // keep the person's quoting, but not a style that no longer fits the value
      const multiline = typeof value === 'string' && value.includes('\n');
      const block = existing.type === 'BLOCK_LITERAL' || existing.type === 'BLOCK_FOLDED';
      if (typeof value !== 'string' || block !== multiline) existing.type = undefined;
    } else {
      const node = isNodeLike(value) ? value : doc.createNode(value);
      // the new value takes over the comments (and list style) written around the old one
      if (isNodeLike(existing)) {
        node.comment ??= existing.comment;
        node.commentBefore ??= existing.commentBefore;
        node.spaceBefore ??= existing.spaceBefore;
        if (isSeq(existing) && isSeq(node) && !existing.flow && existing.items.length > 0) node.flow = false;
      }
      const pair = map.items.find((p) => keyOf(p) === key);
      if (pair) pair.value = node;
    }
    return;
  }
  const node = isNodeLike(value) ? value : doc.createNode(value);
  const rank = order.indexOf(key);
  const pair = doc.createPair(key, node);
  let at = map.items.length;
  if (rank >= 0) {
    const later = map.items.findIndex((p) => {
      const r = order.indexOf(String(keyOf(p)));
      return r > rank;
    });
    if (later >= 0) at = later;
  }
  map.items.splice(at, 0, pair);
}

/**
 * Put `next` into `seq` as its entries. Blank lines between entries belong to positions, not to entries
 * (a file with a blank line between every item keeps that look when items move); a position that did
 * not exist copies the last gap. The first entry never starts with a blank line.
 */
function arrange(seq: YAMLSeq, next: unknown[]): void {
  const flags = seq.items.map((n) => Boolean((n as { spaceBefore?: boolean } | null)?.spaceBefore));
  const gap = flags.length > 1 ? (flags[flags.length - 1] ?? false) : false;
  next.forEach((n, i) => {
    if (!isNodeLike(n)) return;
    n.spaceBefore = i === 0 ? undefined : (flags[i] ?? gap) || undefined;
  });
  seq.items = next;
}

/** Remove one entry; the others keep their blank lines, except that the first never starts with one. */
function removeEntry(seq: YAMLSeq, entry: unknown): void {
  const at = seq.items.indexOf(entry);
  if (at < 0) return;
  seq.items.splice(at, 1);
  const first = seq.items[0];
  if (isNodeLike(first)) first.spaceBefore = undefined;
}

/** Append an entry, with the same gap as the entries before it. */
function appendEntry(seq: YAMLSeq, entry: unknown): void {
  arrange(seq, [...seq.items, entry]);
}

function isNodeLike(value: unknown): value is YamlNode {
  return isMap(value) || isSeq(value) || isScalar(value);
}

function flowList(doc: Document, values: string[]): YAMLSeq {
  const seq = doc.createNode(values) as YAMLSeq;
  seq.flow = true;
  return seq;
}

/** Reasons can be long sentences: one line `[…]` when short, one per line otherwise. */
function reasonsList(doc: Document, values: string[]): YAMLSeq {
  const seq = doc.createNode(values) as YAMLSeq;
  const total = values.reduce((n, v) => n + v.length, 0);
  seq.flow = values.length <= 1 || total <= 60;
  return seq;
}

/** A block sequence ready to take maps: an empty `[]` becomes block style on its first entry. */
function blockSeq(seq: YAMLSeq): YAMLSeq {
  if (seq.flow && seq.items.length === 0) seq.flow = false;
  return seq;
}

/**
 * The yaml library attaches a comment written just above the first `- ` entry to the sequence, not to
 * the entry. Give it to the entry so that it travels with it when entries are moved or removed.
 */
function attachLeadingComment(seq: unknown): void {
  if (!isSeq(seq) || seq.flow || !seq.commentBefore) return;
  const first = seq.items[0];
  if (!isMap(first) && !isScalar(first) && !isSeq(first)) return;
  if (first.commentBefore) return;
  first.commentBefore = seq.commentBefore;
  seq.commentBefore = undefined;
}

function str(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return undefined;
}

export class MeetingDocument {
  readonly file: string;
  readonly readOnly: boolean;
  /** replaced as a whole when an edit is rolled back (update) */
  private doc: Document;
  private readonly io: Partial<AtomicWriteIo> | undefined;
  /** ids used elsewhere, and ids deleted in this session (never handed out twice) */
  private readonly takenIds = new Set<string>();
  /**
   * what was last read from or written to disk, as text, or as the bytes written (a save of kept
   * pieces: decoded only when asked, see diskText); both null for a meeting not saved yet
   */
  private diskString: string | null;
  private diskBytes: Buffer | null = null;
  /** the text parsed, for positions in messages */
  private readonly source: string;
  /** each agenda item's text and reading, kept between saves (toString, toMeeting); null: none kept */
  private keptTexts: KeptItems<Buffer> | null = null;
  private keptItems: KeptItems<MeetingItem> | null = null;
  /** an item was changed in place since the list last changed: keep the pieces at the next save */
  private keepItems = false;

  private constructor(
    file: string,
    doc: Document,
    source: string,
    diskText: string | null,
    options: MeetingDocumentOptions,
  ) {
    this.file = path.resolve(file);
    this.doc = doc;
    this.source = source;
    this.diskString = diskText;
    this.readOnly = options.readOnly ?? false;
    this.io = options.io;
    for (const id of options.takenIds ?? []) this.takenIds.add(id);
  }

  // ---- opening ----

  /** A new meeting, not yet on disk (save() writes it). Refuses when the file exists already. */
  static create(
    file: string,
    header: NewMeetingHeader,
    options: MeetingDocumentOptions = {},
  ): MeetingDocument {
    if (fs.existsSync(file)) {
      throw inputError(file, `会议记录 ${file} 已存在；请打开它继续记录，而不是新建`);
    }
    if (!isValidIsoDate(header.date))
      throw inputError(file, `会议日期“${header.date}”不是有效日期（应为 YYYY-MM-DD）`);
    if (!MEETING_KINDS.includes(header.kind)) {
      throw inputError(file, `会议类别“${header.kind}”无效；可选：${MEETING_KINDS.join('、')}`);
    }
    const skeleton = 'meeting: {}\nitems: []\nfollowups: []\n';
    const md = new MeetingDocument(file, parseDocument(skeleton), skeleton, null, options);
    const meeting = md.headerMap();
    meeting.flow = false;
    md.setHeader({
      present: [],
      absent: [],
      attending: [],
      ...header,
      closed: header.closed ?? false,
    });
    return md;
  }

  /** Open an existing meeting file for editing. Throws InputError (with line:column) on bad YAML. */
  static open(file: string, options: MeetingDocumentOptions = {}): MeetingDocument {
    // a regular file of at most MAX_FILE_BYTES (issue 9); system errors in Chinese
    const textOnDisk = readMeetingText(file);
    return MeetingDocument.fromText(textOnDisk, file, options, textOnDisk);
  }

  /** A document from text (tests, or text already read). `file` is where save() writes. */
  static fromText(
    source: string,
    file: string,
    options: MeetingDocumentOptions = {},
    diskText: string | null = null,
  ): MeetingDocument {
    const clean = source.replace(/^\uFEFF/, '');
    const doc = parseDocument(clean, { prettyErrors: true });
    const first = doc.errors[0];
    if (first) {
      const pos = first.linePos?.[0];
      const reason = first.message.split('\n')[0] ?? first.message;
      throw inputError(file, `YAML 格式错误：${reason}`, pos?.line ?? 0, pos?.col ?? 0);
    }
    const md = new MeetingDocument(file, doc, clean, diskText, options);
    md.checkShape();
    return md;
  }

  private checkShape(): void {
    const root = this.doc.contents;
    if (!isMap(root)) throw this.errorAt(root, '会议记录应为映射，顶层包含 meeting、items、followups');
    const meeting = root.get('meeting', true);
    if (!isMap(meeting)) throw this.errorAt(meeting ?? root, 'meeting 应为映射（日期、类别、主持等）');
    for (const key of ['items', 'general', 'followups']) {
      const seq = root.get(key, true);
      if (seq === undefined || seq === null || (isScalar(seq) && seq.value === null)) continue;
      if (!isSeq(seq)) throw this.errorAt(seq, `${key} 应为列表（每项以“- ”开头）`);
      attachLeadingComment(seq);
      if (key === 'general') {
        for (const d of seq.items)
          if (!isMap(d)) throw this.errorAt(d, 'general 的每一项应为映射（text、unit、due 等）');
      }
      if (key === 'items') {
        for (const item of seq.items) {
          if (!isMap(item)) throw this.errorAt(item, 'items 的每一项应为映射（project、decisions 等）');
          const decisions = item.get('decisions', true);
          if (decisions === undefined || (isScalar(decisions) && decisions.value === null)) continue;
          if (!isSeq(decisions)) throw this.errorAt(decisions, 'decisions 应为列表');
          attachLeadingComment(decisions);
        }
      }
    }
  }

  private errorAt(node: unknown, message: string): InputError {
    const range = (node as { range?: [number, number, number] } | null)?.range;
    if (!range) return inputError(this.file, message);
    const { line, column } = lineColumn(this.source, range[0]);
    return inputError(this.file, message, line, column);
  }

  // ---- nodes ----

  private root(): YAMLMap {
    return this.doc.contents as YAMLMap;
  }

  private headerMap(): YAMLMap {
    return this.root().get('meeting', true) as unknown as YAMLMap;
  }

  private seqAt(key: 'items' | 'general' | 'followups'): YAMLSeq {
    const root = this.root();
    const existing = root.get(key, true);
    if (isSeq(existing)) return existing;
    const seq = new YAMLSeq();
    setKey(this.doc, root, key, seq, TOP_KEYS);
    return seq;
  }

  private itemMaps(): YAMLMap[] {
    const seq = this.root().get('items', true);
    return isSeq(seq) ? seq.items.filter(isMap) : [];
  }

  private findItem(project: string): YAMLMap | undefined {
    // no list of the 5,000 entries made to look for one (each agenda move looks one up)
    const seq = this.root().get('items', true);
    if (!isSeq(seq)) return undefined;
    for (const m of seq.items) if (isMap(m) && str(m.get('project')) === project) return m;
    return undefined;
  }

  /** The item of `project`, to change: its kept text and reading are made again (touch). */
  private requireItem(project: string): YAMLMap {
    const item = this.findItem(project);
    if (!item) throw inputError(this.file, `议程中没有项目 ${project}`);
    this.touch(item);
    return item;
  }

  /**
   * An item changed in place: its kept text and reading are made again at the next use. The first
   * change of an item (since opening, or since the list changed) has the pieces kept from then on.
   */
  private touch(item: unknown): void {
    this.keepItems = true;
    // an entry not among those kept: the list changed behind them (not by this class): drop them
    const mark = <T>(kept: KeptItems<T> | null): KeptItems<T> | null => {
      const at = kept ? kept.nodes.indexOf(item) : -1;
      if (at < 0) return null;
      kept!.dirty.add(at);
      return kept;
    };
    this.keptTexts = mark(this.keptTexts);
    this.keptItems = mark(this.keptItems);
  }

  /**
   * The meeting screen is about to change items one at a time: keep their texts and readings from the
   * next save on, rather than from the first item changed (the pieces of a long agenda take as long to
   * write out once as the whole: better when the meeting opens than on the first item opened).
   */
  keepItemTexts(): void {
    this.keepItems = true;
  }

  /** The agenda's list changed (items added, dropped, moved): nothing kept holds. */
  private forgetKept(): void {
    this.keptTexts = null;
    this.keptItems = null;
    this.keepItems = false;
  }

  private decisionsOf(item: YAMLMap): YAMLSeq {
    const existing = item.get('decisions', true);
    if (isSeq(existing)) return existing;
    const seq = new YAMLSeq();
    setKey(this.doc, item, 'decisions', seq, ITEM_KEYS);
    return seq;
  }

  /** The decision lists: each agenda item's, then the general one (综合事项), when there. */
  private decisionSeqs(): YAMLSeq[] {
    const seqs: YAMLSeq[] = [];
    for (const item of this.itemMaps()) {
      const seq = item.get('decisions', true);
      if (isSeq(seq)) seqs.push(seq);
    }
    const general = this.root().get('general', true);
    if (isSeq(general)) seqs.push(general);
    return seqs;
  }

  /** A decision, to change: the item holding it is touched. */
  private findDecision(id: string): { seq: YAMLSeq; node: YAMLMap } | undefined {
    for (const seq of this.decisionSeqs()) {
      for (const node of seq.items) {
        if (isMap(node) && str(node.get('id')) === id) {
          const item = this.itemMaps().find((m) => (m.get('decisions', true) as unknown) === seq);
          if (item) this.touch(item);
          return { seq, node };
        }
      }
    }
    return undefined;
  }

  // ---- header ----

  /** Meeting date as written in the file. */
  get date(): IsoDate {
    return str(this.headerMap().get('date')) ?? '';
  }

  /** Set header fields; a field given as `undefined` is removed. */
  setHeader(fields: HeaderFields): void {
    const map = this.headerMap();
    for (const [field, value] of Object.entries(fields) as [keyof HeaderFields, unknown][]) {
      const key = field === 'asOf' ? 'as_of' : field;
      if ((key === 'date' || key === 'as_of') && value !== undefined && !isValidIsoDate(String(value))) {
        throw inputError(
          this.file,
          `${key === 'date' ? '会议日期' : '数据截至日期'}“${String(value)}”不是有效日期（应为 YYYY-MM-DD）`,
        );
      }
      if (key === 'kind' && value !== undefined && !MEETING_KINDS.includes(value as MeetingKind)) {
        throw inputError(this.file, `会议类别“${String(value)}”无效；可选：${MEETING_KINDS.join('、')}`);
      }
      if (key === 'snapshot') {
        const node =
          value === undefined
            ? undefined
            : this.doc.createNode(numbersRecord(SNAPSHOT_SCHEMA, value as MeetingSnapshot));
        if (node) (node as YAMLMap).flow = true;
        setKey(this.doc, map, key, node, HEADER_KEYS);
      } else if (key === 'present' || key === 'absent' || key === 'attending' || key === 'late') {
        setKey(
          this.doc,
          map,
          key,
          value === undefined ? undefined : flowList(this.doc, value as string[]),
          HEADER_KEYS,
        );
      } else {
        setKey(this.doc, map, key, value, HEADER_KEYS);
      }
    }
  }

  setClosed(closed: boolean): void {
    this.setHeader({ closed });
  }

  // ---- agenda items ----

  /** Add a project to the agenda (at `index`, default the end). Refuses a project already there. */
  addItem(project: string, snapshot: ItemSnapshot = {}, index?: number): void {
    if (this.findItem(project)) throw inputError(this.file, `项目 ${project} 已在议程中`);
    const seq = blockSeq(this.seqAt('items'));
    const map = new YAMLMap();
    setKey(this.doc, map, 'project', project, ITEM_KEYS);
    this.applySnapshot(map, snapshot);
    setKey(this.doc, map, 'decisions', new YAMLSeq(), ITEM_KEYS);
    const at = index === undefined ? seq.items.length : Math.max(0, Math.min(index, seq.items.length));
    const next = [...seq.items];
    next.splice(at, 0, map);
    arrange(seq, next);
    this.forgetKept();
  }

  private applySnapshot(map: YAMLMap, snapshot: ItemSnapshot): void {
    if ('light' in snapshot) {
      if (snapshot.light !== undefined && !LIGHTS.includes(snapshot.light)) {
        throw inputError(this.file, `灯色“${String(snapshot.light)}”无效；可选：${LIGHTS.join('、')}`);
      }
      setKey(this.doc, map, 'light', snapshot.light, ITEM_KEYS);
    }
    if ('reasons' in snapshot) {
      const reasons = snapshot.reasons;
      setKey(this.doc, map, 'reasons', reasons ? reasonsList(this.doc, reasons) : undefined, ITEM_KEYS);
    }
    if ('figures' in snapshot) {
      const node = snapshot.figures
        ? this.doc.createNode(numbersRecord(FIGURES_SCHEMA, snapshot.figures))
        : undefined;
      if (node) (node as YAMLMap).flow = true;
      setKey(this.doc, map, 'figures', node, ITEM_KEYS);
    }
  }

  /** Mark a project as taken up at the meeting (the secretary opened it): `discussed: true`. */
  setItemDiscussed(project: string, discussed = true): void {
    setKey(this.doc, this.requireItem(project), 'discussed', discussed ? true : undefined, ITEM_KEYS);
  }

  /** Mark an agenda item 已讨论 or 跳过 (`status:`); undefined removes the mark. */
  setItemStatus(project: string, status: ItemStatus | undefined): void {
    if (status !== undefined && !ITEM_STATUSES.includes(status))
      throw inputError(this.file, `会上状态“${String(status)}”无效；可选：${ITEM_STATUSES.join('、')}`);
    setKey(this.doc, this.requireItem(project), 'status', status, ITEM_KEYS);
  }

  /** Add time spent on an agenda item (`seconds:`, whole seconds, summed over each time it was open). */
  addItemSeconds(project: string, seconds: number): void {
    const item = this.requireItem(project);
    const before = num(item.get('seconds'));
    const total = Math.max(0, Math.round((before ?? 0) + seconds));
    setKey(this.doc, item, 'seconds', total, ITEM_KEYS);
  }

  /** Replace the light and reasons recorded for a project (the snapshot taken at the meeting). */
  setItemSnapshot(project: string, snapshot: ItemSnapshot): void {
    this.applySnapshot(this.requireItem(project), snapshot);
  }

  /** Remove a project from the agenda. Refuses when decisions were recorded on it. */
  dropItem(project: string): void {
    const item = this.requireItem(project);
    const decisions = item.get('decisions', true);
    if (isSeq(decisions) && decisions.items.length > 0) {
      throw inputError(
        this.file,
        `项目 ${project} 已有 ${decisions.items.length} 条议定事项，不能移出议程；请先删除这些议定事项`,
      );
    }
    removeEntry(this.seqAt('items'), item);
    this.forgetKept();
  }

  /** Move a project to position `index` (0-based, clamped) in the agenda. */
  moveItem(project: string, index: number): void {
    const item = this.requireItem(project);
    const seq = this.seqAt('items');
    const next = seq.items.filter((n) => n !== item);
    next.splice(Math.max(0, Math.min(index, next.length)), 0, item);
    arrange(seq, next);
    this.forgetKept();
  }

  /**
   * Make the agenda exactly `projects`, in that order: items already there keep their node (notes,
   * decisions, comments), new ones are added with their snapshot, others are dropped (refused if they
   * hold decisions, before anything changes).
   */
  setItems(projects: string[], snapshots: Record<string, ItemSnapshot> = {}): void {
    const wanted = new Set(projects);
    if (wanted.size !== projects.length) throw inputError(this.file, '议程中同一项目不能出现两次');
    for (const item of this.itemMaps()) {
      const project = str(item.get('project')) ?? '';
      const decisions = item.get('decisions', true);
      if (!wanted.has(project) && isSeq(decisions) && decisions.items.length > 0) {
        throw inputError(this.file, `项目 ${project} 已有议定事项，不能移出议程；请先删除这些议定事项`);
      }
    }
    const seq = blockSeq(this.seqAt('items'));
    const keep = new Map<string, unknown>();
    const others: unknown[] = [];
    for (const node of seq.items) {
      const project = isMap(node) ? str(node.get('project')) : undefined;
      if (project !== undefined && wanted.has(project) && !keep.has(project)) keep.set(project, node);
      else if (!isMap(node)) others.push(node);
    }
    const next: unknown[] = [];
    for (const project of projects) {
      const existing = keep.get(project);
      if (existing) {
        next.push(existing);
      } else {
        const map = new YAMLMap();
        setKey(this.doc, map, 'project', project, ITEM_KEYS);
        this.applySnapshot(map, snapshots[project] ?? {});
        setKey(this.doc, map, 'decisions', new YAMLSeq(), ITEM_KEYS);
        next.push(map);
      }
    }
    arrange(seq, [...next, ...others]);
    this.forgetKept();
  }

  /** Notes heard on a project (企业汇报…); empty or undefined removes them. */
  setItemNotes(project: string, notes: string | undefined): void {
    const value =
      notes === undefined || notes.trim() === '' ? undefined : sanitizeText(notes, { multiline: true });
    setKey(this.doc, this.requireItem(project), 'notes', value, ITEM_KEYS);
  }

  // ---- decisions ----

  /** Let ids used by other meetings be known (e.g. after another meeting file appeared). */
  addTakenIds(ids: Iterable<string>): void {
    for (const id of ids) this.takenIds.add(id);
  }

  /** All decision ids in this document, in file order. */
  decisionIds(): string[] {
    const ids: string[] = [];
    for (const seq of this.decisionSeqs()) {
      for (const node of seq.items) {
        const id = isMap(node) ? str(node.get('id')) : undefined;
        if (id) ids.push(id);
      }
    }
    return ids;
  }

  /**
   * The next id for this meeting: meeting date + two-digit sequence (2021-11-15-01), one above the
   * highest sequence of that date among this meeting's ids and all ids known to be taken (docs/formats.md#decisions:
   * unique across all meetings, so two meetings on one day never share an id).
   */
  nextDecisionId(): string {
    const date = this.date;
    const prefix = `${date}-`;
    let max = 0;
    for (const id of [...this.decisionIds(), ...this.takenIds]) {
      if (!id.startsWith(prefix)) continue;
      const rest = id.slice(prefix.length);
      if (/^\d+$/.test(rest)) max = Math.max(max, Number(rest));
    }
    return `${prefix}${String(max + 1).padStart(2, '0')}`;
  }

  private checkDecision(fields: Partial<DecisionInput>): void {
    if ('text' in fields && !fields.text?.trim()) throw inputError(this.file, '议定事项内容不能为空');
    if ('unit' in fields && !fields.unit?.trim()) throw inputError(this.file, '议定事项须写明责任单位');
    if ('due' in fields && (fields.due === undefined || !isValidIsoDate(fields.due))) {
      throw inputError(this.file, `完成时限“${fields.due ?? ''}”不是有效日期（应为 YYYY-MM-DD）`);
    }
  }

  /** Record a decision on an agenda project; returns it with its new id. */
  addDecision(project: string, input: DecisionInput): Decision {
    return this.appendDecision(() => this.decisionsOf(this.requireItem(project)), input);
  }

  /** Record a general decision (综合事项, tied to no project) in `general:`; returns it with its new id. */
  addGeneralDecision(input: DecisionInput): Decision {
    return this.appendDecision(() => this.seqAt('general'), input);
  }

  /**
   * Put a decision back (undo of a deletion) with its own id, at `index` of the agenda project's
   * decisions, or of the general ones when `project` is null.
   */
  restoreDecision(project: string | null, decision: Decision, index: number): void {
    if (this.findDecision(decision.id)) throw inputError(this.file, `议定事项 ${decision.id} 已存在`);
    this.checkDecision({ text: decision.text, unit: decision.unit, due: decision.due });
    const seq = blockSeq(
      project === null ? this.seqAt('general') : this.decisionsOf(this.requireItem(project)),
    );
    const next = [...seq.items];
    next.splice(Math.max(0, Math.min(index, next.length)), 0, this.decisionMap(decision));
    arrange(seq, next);
  }

  private decisionMap(decision: Decision): YAMLMap {
    const map = new YAMLMap();
    for (const key of DECISION_KEYS) {
      if (key === 'co_units') {
        if (decision.coUnits?.length)
          setKey(this.doc, map, key, flowList(this.doc, decision.coUnits), DECISION_KEYS);
        continue;
      }
      const value = decision[key as keyof Decision];
      if (value !== undefined) setKey(this.doc, map, key, value, DECISION_KEYS);
    }
    return map;
  }

  private appendDecision(list: () => YAMLSeq, input: DecisionInput): Decision {
    this.checkDecision({ text: input.text, unit: input.unit, due: input.due });
    const seq = list();
    const decision: Decision = {
      id: this.nextDecisionId(),
      text: sanitizeText(input.text.trim(), { multiline: true }),
      unit: sanitizeText(input.unit.trim()),
      due: input.due,
    };
    const coUnits = cleanCoUnits(input.coUnits, decision.unit);
    if (coUnits.length > 0) decision.coUnits = coUnits;
    const owner = input.owner?.trim();
    if (owner) decision.owner = sanitizeText(owner);
    appendEntry(blockSeq(seq), this.decisionMap(decision));
    return decision;
  }

  /** Change fields of a decision; `owner: undefined` (given) or '' removes the 责任人. */
  updateDecision(id: string, fields: Partial<DecisionInput>): void {
    const found = this.findDecision(id);
    if (!found) throw inputError(this.file, `找不到议定事项 ${id}`);
    this.checkDecision(fields);
    if ('coUnits' in fields) {
      const unit = fields.unit ?? String((found.node.get('unit') as unknown) ?? '');
      const coUnits = cleanCoUnits(fields.coUnits, unit.trim());
      setKey(
        this.doc,
        found.node,
        'co_units',
        coUnits.length > 0 ? flowList(this.doc, coUnits) : undefined,
        DECISION_KEYS,
      );
    }
    for (const [key, raw] of Object.entries(fields)) {
      if (!DECISION_KEYS.includes(key) || key === 'id') continue;
      let value: string | undefined = typeof raw === 'string' ? raw.trim() : undefined;
      if (value !== undefined) value = sanitizeText(value, { multiline: key === 'text' });
      if (key === 'owner' && value === '') value = undefined;
      setKey(this.doc, found.node, key, value, DECISION_KEYS);
    }
  }

  /** Delete a decision. Its id is never handed out again by this document. */
  deleteDecision(id: string): void {
    const found = this.findDecision(id);
    if (!found) throw inputError(this.file, `找不到议定事项 ${id}`);
    removeEntry(found.seq, found.node);
    this.takenIds.add(id);
  }

  // ---- follow-ups (上次会议议定事项落实情况) ----

  /** Record what this meeting heard about a decision: replaces an earlier entry for the same decision. */
  setFollowup(decision: string, input: FollowupInput): void {
    if (!FOLLOWUP_STATUSES.includes(input.status)) {
      throw inputError(
        this.file,
        `落实状态“${String(input.status)}”无效；可选：${FOLLOWUP_STATUSES.join('、')}（逾期由程序计算，不必填写）`,
      );
    }
    for (const date of [input.date, input.doneOn]) {
      if (date !== undefined && !isValidIsoDate(date)) {
        throw inputError(this.file, `日期“${date}”不是有效日期（应为 YYYY-MM-DD）`);
      }
    }
    const seq = blockSeq(this.seqAt('followups'));
    let map = seq.items.find((n): n is YAMLMap => isMap(n) && str(n.get('decision')) === decision);
    if (!map) {
      map = new YAMLMap();
      setKey(this.doc, map, 'decision', decision, FOLLOWUP_KEYS);
      appendEntry(seq, map);
    }
    setKey(this.doc, map, 'status', input.status, FOLLOWUP_KEYS);
    const note = input.note?.trim() ? sanitizeText(input.note.trim(), { multiline: true }) : undefined;
    setKey(this.doc, map, 'note', note, FOLLOWUP_KEYS);
    setKey(this.doc, map, 'date', input.date, FOLLOWUP_KEYS);
    setKey(this.doc, map, 'done_on', input.status === '已落实' ? input.doneOn : undefined, FOLLOWUP_KEYS);
  }

  removeFollowup(decision: string): void {
    const seq = this.root().get('followups', true);
    if (!isSeq(seq)) return;
    removeEntry(
      seq,
      seq.items.find((n) => isMap(n) && str(n.get('decision')) === decision),
    );
  }

  // ---- views and saving ----

  /** The typed view of the meeting as it stands, read as meeting-read reads a file (lenient: errors dropped). */
  toMeeting(): Meeting {
    return this.readKept() ?? this.readAll();
  }

  /**
   * The document as saved. A long agenda (5,000 items in the 10,000-project bench) takes ~0.3 s to
   * write out, and each item opened at the meeting is saved: so each item's text is kept, and only
   * items changed since (touch) are written out again, between the rest of the document written
   * around them. Kept only once the pieces were checked to give exactly the whole text.
   */
  toString(): string {
    return this.renderKept()?.toString('utf8') ?? this.renderAll();
  }

  /** The whole document written out, as the file is saved (O(agenda)). */
  renderAll(): string {
    return this.doc.toString(TO_STRING);
  }

  /** The whole document read as a Meeting (O(agenda)). */
  readAll(): Meeting {
    return meetingFromDocument(this.doc, this.file);
  }

  /** The agenda's list as it is now, or null when there is none (nothing is kept then). */
  private itemsSeq(): YAMLSeq | null {
    const root = this.doc.contents;
    const seq = isMap(root) ? root.get('items', true) : undefined;
    return isSeq(seq) && !seq.flow ? seq : null;
  }

  /** `kept` when it still describes this document's agenda (same list, same entries). */
  private stillKept<T>(kept: KeptItems<T> | null, seq: YAMLSeq): kept is KeptItems<T> {
    return (
      kept !== null &&
      kept.doc === this.doc &&
      kept.seq === seq &&
      kept.nodes.length === seq.items.length &&
      kept.nodes.every((n, i) => n === seq.items[i])
    );
  }

  /**
   * The document's bytes (UTF-8) from the kept item texts; null when they cannot be used (then the
   * whole is written out). Bytes, so that a save neither joins nor encodes nor compares a long text.
   */
  private renderKept(): Buffer | null {
    const seq = this.itemsSeq();
    if (!seq || seq.items.length === 0) return null;
    const kept = this.keptTexts;
    if (!this.stillKept(kept, seq)) {
      if (!this.keepItems) return null;
      // first time (or after the list changed): write the whole, and keep the pieces if they match
      const whole = this.renderAll();
      this.keptTexts = { doc: this.doc, seq, nodes: [...seq.items], values: null, dirty: new Set() };
      const around = this.renderAround(seq);
      const texts = around && this.renderItems(seq.items);
      const bytes = Buffer.from(whole, 'utf8');
      if (
        around &&
        texts &&
        !LONE_SURROGATE.test(whole) &&
        bytes.equals(joinBytes(around[0], texts, around[1]))
      )
        this.keptTexts.values = texts;
      return this.keptTexts.values ? bytes : null;
    }
    if (kept.values === null) return null;
    const texts = kept.values;
    const dirty = [...kept.dirty];
    const fresh = this.renderItems(dirty.map((i) => seq.items[i]));
    const around = fresh && this.renderAround(seq);
    if (!fresh || !around) {
      this.keptTexts = null;
      return null;
    }
    dirty.forEach((i, k) => (texts[i] = fresh[k]!));
    kept.dirty.clear();
    return joinBytes(around[0], texts, around[1]);
  }

  /**
   * Each entry written out alone, as it is within the agenda (UTF-8); null when one cannot be (an
   * alias to an anchor elsewhere, a lone surrogate) or may depend on its neighbours (a block scalar
   * keeping its final line breaks).
   */
  private renderItems(nodes: unknown[]): Buffer[] | null {
    const one = parseDocument('items:\n  - x\n');
    // written alone under the same rules only (a `%YAML 1.1` file quotes yes/on, writes dates apart)
    const version = (doc: Document): string | undefined => doc.directives?.yaml.version;
    if (one.schema.name !== this.doc.schema.name || version(one) !== version(this.doc)) return null;
    const seq = (one.contents as YAMLMap).get('items', true) as unknown as YAMLSeq;
    const texts: Buffer[] = [];
    for (const node of nodes) {
      seq.items = [node];
      let text: string;
      try {
        text = one.toString(TO_STRING);
      } catch {
        return null;
      }
      if (!text.startsWith('items:\n') || /[|>][1-9]?\+/.test(text) || LONE_SURROGATE.test(text)) return null;
      texts.push(Buffer.from(text.slice('items:\n'.length), 'utf8'));
    }
    return texts;
  }

  /** The document's text before and after its agenda's entries (UTF-8): [head, tail], or null. */
  private renderAround(seq: YAMLSeq): [Buffer, Buffer] | null {
    const items = seq.items;
    seq.items = [this.doc.createNode(ITEMS_MARK)];
    let text: string;
    try {
      text = this.doc.toString(TO_STRING);
    } catch {
      return null;
    } finally {
      seq.items = items;
    }
    const at = text.indexOf(ITEMS_MARK);
    if (at < 0 || text.indexOf(ITEMS_MARK, at + 1) >= 0 || LONE_SURROGATE.test(text)) return null;
    const start = text.lastIndexOf('\n', at) + 1;
    const end = text.indexOf('\n', at) + 1;
    if (end === 0 || !/^ *- $/.test(text.slice(start, at)) || end !== at + ITEMS_MARK.length + 1) return null;
    return [Buffer.from(text.slice(0, start), 'utf8'), Buffer.from(text.slice(end), 'utf8')];
  }

  /**
   * toMeeting from the kept readings of the items: the changed items are read again together with the
   * header, 综合事项 and follow-ups (a small document of the same nodes); null when that cannot stand
   * for the whole (a decision without an id is numbered by its place among all of them).
   */
  private readKept(): Meeting | null {
    const seq = this.itemsSeq();
    if (!seq || seq.items.length === 0) return null;
    const kept = this.keptItems;
    if (!this.stillKept(kept, seq)) {
      if (!this.keepItems) return null;
      const whole = this.readAll();
      this.keptItems = { doc: this.doc, seq, nodes: [...seq.items], values: null, dirty: new Set() };
      const aligned =
        whole.items.length === seq.items.length &&
        seq.items.every((n, i) => isMap(n) && str(n.get('project')) === whole.items[i]!.project) &&
        this.readAlone(seq.items);
      if (aligned) this.keptItems.values = whole.items;
      return whole;
    }
    if (kept.values === null) return null;
    const dirty = [...kept.dirty];
    const nodes = dirty.map((i) => seq.items[i]);
    if (!this.readAlone(nodes)) {
      this.keptItems = null;
      return null;
    }
    const root = this.root();
    const part = parseDocument('{}');
    const top = new YAMLMap();
    for (const pair of root.items) {
      if (keyOf(pair) !== 'items') top.items.push(pair);
      else top.items.push(this.doc.createPair('items', new YAMLSeq()));
    }
    (top.get('items', true) as unknown as YAMLSeq).items = nodes;
    (part as unknown as { contents: unknown }).contents = top;
    const read = meetingFromDocument(part, this.file);
    const fresh = read.items;
    if (
      fresh.length !== nodes.length ||
      fresh.some((it, k) => str((nodes[k] as YAMLMap).get('project')) !== it.project)
    ) {
      this.keptItems = null;
      return null;
    }
    const items = kept.values;
    dirty.forEach((i, k) => (items[i] = fresh[k]!));
    kept.dirty.clear();
    return { ...read, items: [...items] };
  }

  /**
   * Whether these agenda entries read alone as they read among the others: every decision of theirs
   * and of 综合事项 has its id written (else it is numbered by its place among all), and no alias
   * points to an anchor elsewhere.
   */
  private readAlone(nodes: unknown[]): boolean {
    const general = this.root().get('general', true);
    const seqs = nodes.map((n) => (isMap(n) ? n.get('decisions', true) : undefined));
    if (isSeq(general)) seqs.push(general);
    const ids = seqs.every(
      (s) => !isSeq(s) || s.items.every((d) => !isMap(d) || str(d.get('id')) !== undefined),
    );
    return ids && !nodes.some(hasAlias);
  }

  /**
   * The file as it is now, read again (after a MeetingChangedError: the hand edit is then in it). Ids this
   * document knew or handed out stay taken, so a decision a hand edit dropped never lends its id to
   * another one.
   */
  reopen(): MeetingDocument {
    return MeetingDocument.open(this.file, {
      readOnly: this.readOnly,
      takenIds: [...this.takenIds, ...this.decisionIds()],
    });
  }

  /** The text this document last read from or wrote to disk (null: never saved). */
  get savedText(): string | null {
    return this.diskText;
  }

  /** Whether the document was read from or written to disk. */
  private get onDisk(): boolean {
    return this.diskString !== null || this.diskBytes !== null;
  }

  /** The text last read from or written to disk (decoded when it was kept as the bytes written). */
  private get diskText(): string | null {
    if (this.diskString === null && this.diskBytes !== null)
      this.diskString = this.diskBytes.toString('utf8');
    return this.diskString;
  }

  /** The text last read from or written to disk, as bytes. */
  private diskEncoded(): Buffer | null {
    if (this.diskBytes === null && this.diskString !== null)
      this.diskBytes = Buffer.from(this.diskString, 'utf8');
    return this.diskBytes;
  }

  /** True when the document differs from what is on disk (or was never saved). */
  get dirty(): boolean {
    return this.diskText === null || this.diskText !== this.toString();
  }

  /**
   * Apply `change` and save at once, all or nothing: when the change or the save fails (disk full,
   * folder gone, file changed elsewhere) the document is put back to exactly what the file holds (the
   * text last read or written, parsed again) and the error is rethrown. So an edit that did not reach
   * the disk is never kept in memory, to be saved twice by a retry or later when it was given up
   * (issue 9). Nothing is copied when all goes well.
   */
  update<T>(change: (doc: this) => T): T {
    // a meeting never saved has no file to go back to: keep a copy instead
    const unsaved = this.onDisk ? null : this.doc.clone();
    const taken = [...this.takenIds];
    try {
      const result = change(this);
      this.save();
      return result;
    } catch (error) {
      this.doc = unsaved ?? this.parseDiskText();
      this.takenIds.clear();
      for (const id of taken) this.takenIds.add(id);
      throw error;
    }
  }

  /** The document as the file holds it (diskText), parsed as open() does. */
  private parseDiskText(): Document {
    const text = (this.diskText ?? '').replace(/^\uFEFF/, '');
    const doc = parseDocument(text, { prettyErrors: true });
    const root = doc.contents;
    if (isMap(root)) {
      for (const key of ['items', 'general', 'followups']) {
        const seq = root.get(key, true);
        attachLeadingComment(seq);
        if (key === 'items' && isSeq(seq))
          for (const item of seq.items) if (isMap(item)) attachLeadingComment(item.get('decisions', true));
      }
    }
    return doc;
  }

  /**
   * Write the meeting atomically (writeFileAtomic). Refuses, without writing, when the file was changed
   * on disk by someone else since it was read or last saved, so a hand edit is never overwritten.
   */
  save(): void {
    if (this.readOnly)
      throw inputError(this.file, `会议记录 ${this.file} 以只读方式打开（另一进程正在记录），不能保存`);
    const kept = this.renderKept();
    const next = kept ?? this.renderAll();
    const same = kept ? (this.diskEncoded()?.equals(kept) ?? false) : next === this.diskText;
    // nothing new: the file is read (as bytes, decoded only here) to learn of a hand edit; otherwise the
    // compare-and-swap below reads it (a 1.3 MB agenda read once more on every save cost memory)
    let bytes: Buffer | null = null;
    try {
      if (same) bytes = fs.readFileSync(this.file);
      else fs.statSync(this.file); // a folder gone (a shared drive) is reported as before: 无法读取…
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT')
        throw inputError(this.file, systemErrorText(error, this.file, 'read') ?? String(error));
    }
    if (same && bytes !== null) {
      const current = bytes.toString('utf8');
      // nothing to write; still refuse when the file changed, so the caller learns of the hand edit
      if (current === this.diskText) return;
      throw new MeetingChangedError(this.file, current, false);
    }
    // compare-and-swap: written only if the file is still what was last read or written, checked at the
    // moment of the swap, so a hand edit that lands during the save is never overwritten (issue 9)
    let result: CompareAndReplace;
    try {
      const disk = this.diskEncoded();
      const expected = disk && { bytes: disk, text: () => this.diskText ?? '' };
      result = writeFileIfUnchanged(this.file, next, expected, this.io ? { io: this.io } : {});
    } catch (error) {
      // linked into place, but a later step (the folder's fsync) failed: the file holds the new text,
      // so it counts as saved (else a retry would find it "changed elsewhere")
      if (readQuietly(this.file) !== (typeof next === 'string' ? next : next.toString('utf8'))) throw error;
      result = { written: true };
    }
    if (!result.written) {
      throw new MeetingChangedError(this.file, result.current, result.current === null && this.onDisk);
    }
    if (typeof next === 'string') {
      this.diskString = next;
      this.diskBytes = null;
    } else {
      this.diskString = null;
      this.diskBytes = next;
    }
  }
}

/**
 * `head`, the pieces and `tail` as one buffer: what Buffer.concat gives, without the list of 5,000
 * entries made to hand them to it (a save of each agenda move at 10,000 projects made one).
 */
function joinBytes(head: Buffer, pieces: readonly Buffer[], tail: Buffer): Buffer {
  let length = head.length + tail.length;
  for (const piece of pieces) length += piece.length;
  const out = Buffer.allocUnsafe(length);
  let at = head.copy(out, 0);
  for (const piece of pieces) at += piece.copy(out, at);
  tail.copy(out, at);
  return out;
}

/** Whether an alias is found anywhere in `node` (keys, values, entries). */
function hasAlias(node: unknown): boolean {
  if (isAlias(node)) return true;
  if (isMap(node)) return node.items.some((pair) => hasAlias(pair.key) || hasAlias(pair.value));
  if (isSeq(node)) return node.items.some(hasAlias);
  return false;
}

function readQuietly(file: string): string | null {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

/** 1-based line and column of `offset` in `source`. */
function lineColumn(source: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lastBreak = -1;
  for (let i = 0; i < offset && i < source.length; i++) {
    if (source[i] === '\n') {
      line++;
      lastBreak = i;
    }
  }
  return { line, column: offset - lastBreak };
}

/** Reads of a file absent for a moment (another process's save mid-swap) tried again before failing. */
const SWAP_READ_ATTEMPTS = 5;

/**
 * The meeting file's text. Another window's compare-and-swap save (atomic-write.ts
 * writeFileIfUnchanged) leaves the name empty for a few microseconds: a read failing then is tried
 * again once the file is back. A save killed mid-swap leaves the file beside its name: it is put back
 * (restoreAsideFiles) and read.
 */
function readMeetingText(file: string): string {
  for (let attempt = 1; ; attempt++) {
    try {
      return readRegularFile(file, { what: '会议记录', maxBytes: MAX_FILE_BYTES }).bytes.toString('utf8');
    } catch (error) {
      const last = attempt >= SWAP_READ_ATTEMPTS;
      if (fs.existsSync(file)) {
        if (last) throw error;
        continue; // back already: read it again (an error that stays is reported after the last try)
      }
      if (!last && swapInProgress(file) && waitForSwap(file)) continue;
      const restored = restoreAsideFiles(path.dirname(path.resolve(file)));
      if (!last && restored.length > 0 && fs.existsSync(file)) continue;
      throw inputError(file, `找不到会议记录 ${file}`);
    }
  }
}
