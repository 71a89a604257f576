// The project register (重点项目台账): a YAML file, or a folder of them merged (docs/formats.md#register).
// Every error in every file is collected into one InputError, sorted by file and position.

import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { isMap, isScalar, isSeq } from './yaml-lib.js';
import type { Node as YamlNode } from 'yaml';
import { DEFAULT_RULES, InputError } from '../domain/types.js';
import type {
  Diagnostic,
  IsoDate,
  LagRules,
  Milestone,
  MoneyUnit,
  OfficeMarks,
  Problem,
  Project,
  Register,
  RegisterMeta,
  SourcePos,
} from '../domain/types.js';
import { DiagnosticSink } from './yaml/diagnostics.js';
import { decodeYamlBytes, describeIoError, readYamlFile } from './yaml/file.js';
import { fastYamlCandidate } from './fast-yaml.js';
import { parseYamlChunk, parseYamlHead, parseYamlText, splitTrailingList } from './yaml/parse.js';
import { type At, type Fields, YamlSource } from './yaml/source.js';
import {
  LazyPos,
  NOT_PLAIN,
  type PlainList,
  PlainSource,
  type RecordSource,
  plainList,
} from './yaml/plain.js';
import { RecordReader } from './yaml/record.js';
import { scaleNumber } from '../domain/values.js';
import { isStarted } from '../domain/figures.js';
import {
  MILESTONE_SCHEMA,
  PROBLEM_SCHEMA,
  PROJECT_SCHEMA,
  REGISTER_FILE_SCHEMA,
  REGISTER_HEADER_SCHEMA,
  RULES_SCHEMA,
  propOf,
} from '../domain/schema.js';
import { type CacheInput, type LoadCache, cacheInput, resolveLoadCache } from './load-cache.js';

export interface RegisterLoad {
  register: Register;
  warnings: Diagnostic[];
}

export interface RegisterLoadOptions {
  /**
   * Where parsed registers are cached (load-cache.ts): a cache, false for none, or (undefined) the
   * user's cache folder unless DIAODU_NO_CACHE is set.
   */
  cache?: LoadCache | false;
  /**
   * Parse the list of projects one item at a time when the file allows it (default true; the
   * result is the same, with a third of the memory on large files).
   */
  itemByItem?: boolean;
  /**
   * Called with the inputs (files as read: size, mtime, SHA-1) the returned register came from, when
   * the load cache is on and every file was read; a cache of what is derived from the register
   * (Session's home figures) is keyed by them.
   */
  onInputs?: (inputs: CacheInput[]) => void;
}

/** The Word 版头/版记 keys (OfficeMarks), by key in the file. */
const OFFICE_KEYS = {
  issuer_mark: 'mark',
  doc_number: 'number',
  cc: 'cc',
  printed_by: 'printedBy',
} as const satisfies Record<string, keyof OfficeMarks>;

const UNIT_SHIFT: Record<MoneyUnit, number> = { 万元: 0, 亿元: 4 };

// Each record's fields, read as its schema says (yaml/record.ts), by property.
const PROJECT = new RecordReader<Partial<Omit<Project, 'milestones' | 'problems' | 'source'>>>(
  PROJECT_SCHEMA,
);
const MILESTONE = new RecordReader<Partial<Milestone>>(MILESTONE_SCHEMA);
const PROBLEM = new RecordReader<Partial<Problem>>(PROBLEM_SCHEMA);
const HEADER = new RecordReader<Partial<Omit<RegisterMeta, 'rules' | 'office'>> & OfficeMarks>(
  REGISTER_HEADER_SCHEMA,
);
const RULES = new RecordReader<Partial<LagRules>>(RULES_SCHEMA);

/** A header value with where it was written, for agreement checks across files. */
interface Placed<T> {
  value: T;
  src: YamlSource;
  at: At;
}

interface FileHeader {
  title?: Placed<string>;
  region?: Placed<string>;
  year?: Placed<number>;
  asOf?: Placed<IsoDate>;
  issuer?: Placed<string>;
  recipients?: Placed<string>;
  moneyUnit: MoneyUnit;
  rules: Partial<Record<keyof LagRules, Placed<LagRules[keyof LagRules]>>>;
  /** 版头/版记 values, each as written (cc joined with 、 for the agreement check) */
  office: Partial<Record<keyof typeof OFFICE_KEYS, Placed<string>>>;
}

/**
 * Where an id was first written (a position, not a node: a project's document is dropped once read);
 * for a project read plain, where to find it should it be needed (yaml/plain.ts).
 */
type Seen = SourcePos | LazyPos;

/** `file:line:column` of a position, or `第 N 行` when it is in `fromFile`. */
function whereAt(seen: Seen, fromFile: string): string {
  const pos = seen instanceof LazyPos ? seen.resolve() : seen;
  return pos.file === fromFile ? `第 ${pos.line} 行` : `${pos.file}:${pos.line}:${pos.column}`;
}

/** State shared by the files of one register. */
class RegisterReader {
  readonly sink = new DiagnosticSink();
  readonly projects: Project[] = [];
  readonly headers: FileHeader[] = [];
  readonly files: string[] = [];
  private readonly projectIds = new Map<string, Seen>();
  private readonly problemIds = new Map<string, Seen>();
  /** ids claimed, in order, so that a file read item by item can be taken back */
  private readonly claims: { seen: Map<string, Seen>; id: string }[] = [];

  constructor(private readonly itemByItem = true) {}

  readText(text: string, file: string, absolute: string): void {
    this.files.push(absolute);
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    if (this.itemByItem && this.readItemByItem(text, file)) return;
    const parsed = parseYamlText(text, file, this.sink);
    if (!parsed) return;
    this.readDocument(new YamlSource(parsed, this.sink));
  }

  /**
   * Reads the file's head and then each project as a document of its own (yaml/parse.ts,
   * splitTrailingList). False, with nothing read, when the file does not have that shape or has
   * any error: the whole-file parse then reads it and words every message.
   */
  private readItemByItem(text: string, file: string): boolean {
    const candidate = fastYamlCandidate(text);
    const split = splitTrailingList(text, 'projects', candidate);
    if (!split) return false;
    const mark = this.sink.mark();
    const state = {
      projects: this.projects.length,
      headers: this.headers.length,
      claims: this.claims.length,
    };
    const ok = ((): boolean => {
      const head = parseYamlHead(text, split.headEnd, file, split.lineCounter, this.sink);
      if (!head) return false;
      const context = this.readDocument(new YamlSource(head, this.sink));
      if (!context || this.sink.errorsSince(mark)) return false;
      const plain = plainList(text, split, file, candidate);
      let n = 0;
      for (const [start, end] of split.items) {
        n++;
        if (plain && this.readPlainProject(plain, n - 1, context.unit, context.asOf)) continue;
        const parsed = parseYamlChunk(text, start, end, file, split.lineCounter, this.sink);
        if (!parsed) return false;
        const list = parsed.doc.contents;
        if (!isSeq(list) || list.items.length !== 1 || !isMap(list.items[0])) return false;
        const item = list.items[0];
        const p = this.readProject(
          new YamlSource(parsed, this.sink),
          item,
          item,
          n,
          context.unit,
          context.asOf,
        );
        if (p) this.projects.push(p);
        if (this.sink.errorsSince(mark)) return false;
      }
      return true;
    })();
    if (ok) return true;
    this.sink.rollback(mark);
    this.projects.length = state.projects;
    this.headers.length = state.headers;
    for (const { seen, id } of this.claims.splice(state.claims)) seen.delete(id);
    return false;
  }

  /**
   * Reads item `i` of a file's list of projects from its plain value (yaml/plain.ts); false, with
   * nothing read or claimed, when it is to be read the positioned way (it has anything to report, or
   * was not read plain).
   */
  private readPlainProject(plain: PlainList, i: number, unit: MoneyUnit, asOf: IsoDate | undefined): boolean {
    const value = plain.values[i];
    if (value === undefined) return false;
    const claims = this.claims.length;
    try {
      const p = this.readProject(new PlainSource(plain, i), value, [], i + 1, unit, asOf);
      if (!p) return false; // not reached: what leaves a project unread is reported
      this.projects.push(p);
      return true;
    } catch (e) {
      if (e !== NOT_PLAIN) throw e;
      for (const { seen, id } of this.claims.splice(claims)) seen.delete(id);
      return false;
    }
  }

  readBytes(bytes: Uint8Array, file: string): void {
    let text: string;
    try {
      text = decodeYamlBytes(bytes, file);
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      this.files.push(resolve(file));
      for (const d of e.diagnostics) this.sink.add(d);
      return;
    }
    this.readText(text, file, resolve(file));
  }

  /** A file that could not be read: its error is reported. */
  unreadable(file: string, error: InputError): void {
    this.files.push(resolve(file));
    for (const d of error.diagnostics) this.sink.add(d);
  }

  /**
   * Reads the head and, unless the list of projects is read item by item (then undefined is
   * returned after the head), the projects. Returns the money unit and as_of the projects are
   * read with, or undefined when there are no projects to read.
   */
  private readDocument(src: YamlSource): { unit: MoneyUnit; asOf: IsoDate | undefined } | undefined {
    const rootNode = src.doc.contents as YamlNode | null;
    if (rootNode === null || (isScalar(rootNode) && rootNode.value === null)) {
      src.error(0, '文件是空的；台账应包含 register:（表头）和 projects:（项目列表）两部分。');
      return undefined;
    }
    const top = src.fields(rootNode, rootNode, '台账文件的顶层', REGISTER_FILE_SCHEMA);
    if (!top) return undefined;
    top.what = '台账文件';
    const headerNode = top.node('register');
    const header = headerNode === null ? undefined : this.readHeader(src, top, headerNode);
    const unit = header?.moneyUnit ?? '万元';
    const asOf = header?.asOf?.value;
    if (!top.has('projects')) {
      top.missing('projects');
      return undefined;
    }
    let n = 0;
    for (const item of top.list('projects')) {
      n++;
      const p = this.readProject(src, item.node, item.at, n, unit, asOf);
      if (p) this.projects.push(p);
    }
    return { unit, asOf };
  }

  private readHeader(src: YamlSource, top: Fields, node: YamlNode): FileHeader | undefined {
    const f = src.fields(node, top.valueAt('register'), '“register”（台账表头）', REGISTER_HEADER_SCHEMA);
    if (!f) return undefined;
    const v = HEADER.read(f);
    const placed = <T>(key: string, value: T | undefined): Placed<T> | undefined =>
      value === undefined ? undefined : { value, src, at: f.valueAt(key) };
    const header: FileHeader = {
      title: placed('title', v.title),
      region: placed('region', v.region),
      year: placed('year', v.year),
      asOf: placed('as_of', v.asOf),
      issuer: placed('issuer', v.issuer),
      recipients: placed('recipients', v.recipients),
      moneyUnit: v.moneyUnit ?? '万元',
      rules: {},
      office: {},
    };
    for (const key of Object.keys(OFFICE_KEYS) as (keyof typeof OFFICE_KEYS)[]) {
      const value =
        key === 'cc' ? v.cc!.join('、') || undefined : (v[OFFICE_KEYS[key]] as string | undefined);
      if (value !== undefined) header.office[key] = { value, src, at: f.valueAt(key) };
    }
    if (header.year && header.asOf && Number(header.asOf.value.slice(0, 4)) !== header.year.value) {
      src.warning(
        header.asOf.at,
        `数据截至日期 ${header.asOf.value} 不在台账年度 ${header.year.value} 年内；序时进度按该日期计算。`,
      );
    }
    const rulesNode = f.node('rules');
    if (rulesNode !== null) {
      const r = src.fields(rulesNode, f.valueAt('rules'), '“rules”（滞后判定规则）', RULES_SCHEMA);
      if (r) {
        const values = RULES.read(r);
        for (const x of RULES_SCHEMA.fields) {
          const k = propOf(x) as keyof LagRules;
          const value = values[k];
          if (value !== undefined) header.rules[k] = { value, src, at: r.valueAt(x.key) };
        }
      }
    }
    this.headers.push(header);
    return header;
  }

  /** One project, read positioned (YamlSource) or plain (PlainSource: see readPlainProject). */
  private readProject<A>(
    src: RecordSource<A>,
    node: unknown,
    at: A,
    n: number,
    unit: MoneyUnit,
    asOf: IsoDate | undefined,
  ): Project | undefined {
    const f = src.fields(node, at, `“projects”的第 ${n} 项`, PROJECT_SCHEMA);
    if (!f) return undefined;
    // the id first: it names the project in the messages of its other fields, and is claimed before them
    const v = PROJECT.head(f, unit);
    const id = v.id;
    f.what = id ? `项目“${id}”` : `“projects”的第 ${n} 项`;
    if (id !== undefined) this.claimId(this.projectIds, id, src, f.valueAt('id'), '项目编号');
    PROJECT.rest(f, v, unit);
    const { name, nature, stage, unit: respUnit, totalInvestment, annualPlan, completedYear } = v;
    const { completedMonth, completedTotal, plannedStart, actualStart, plannedFinish } = v;

    const milestones: Milestone[] = [];
    let m = 0;
    for (const item of f.list('milestones')) {
      m++;
      const mf = src.fields(item.node, item.at, `“milestones”的第 ${m} 项`, MILESTONE_SCHEMA);
      if (!mf) continue;
      const { name: mName, planned, done } = MILESTONE.read(mf);
      if (mName !== undefined && planned !== undefined) {
        milestones.push(done === undefined ? { name: mName, planned } : { name: mName, planned, done });
      }
    }

    const problems: Problem[] = [];
    let k = 0;
    for (const item of f.list('problems')) {
      k++;
      const pf = src.fields(item.node, item.at, `“problems”的第 ${k} 项`, PROBLEM_SCHEMA);
      if (!pf) continue;
      const pv = PROBLEM.head(pf);
      const explicitId = pv.id;
      // docs/formats.md#project-keys: a problem's id defaults to <project id>-<n>, n counted from 1 in the list
      const pid = explicitId ?? (id !== undefined ? `${id}-${k}` : undefined);
      if (pid !== undefined) {
        this.claimId(
          this.problemIds,
          pid,
          src,
          explicitId !== undefined ? pf.valueAt('id') : item.at,
          '问题编号',
        );
      }
      const { text, unit: pUnit, raised, due, resolved, resolution } = PROBLEM.rest(pf, pv);
      const problem: Problem = { id: pid ?? '', text: text ?? '' };
      if (pUnit !== undefined) problem.unit = pUnit;
      if (raised !== undefined) problem.raised = raised;
      if (due !== undefined) problem.due = due;
      if (resolved !== undefined) problem.resolved = resolved;
      if (resolution !== undefined) problem.resolution = resolution;
      if (raised && resolved && resolved < raised) {
        pf.src.warning(pf.valueAt('resolved'), `解决日期 ${resolved} 早于提出日期 ${raised}。`);
      }
      if (raised && due && due < raised) {
        pf.src.warning(pf.valueAt('due'), `解决时限 ${due} 早于提出日期 ${raised}。`);
      }
      if (text !== undefined && pid !== undefined) problems.push(problem);
    }

    // Consistency checks that do not stop loading (docs/formats.md#register-checks: these are warnings).
    const shown = (wan: number): string => `${scaleNumber(wan, -UNIT_SHIFT[unit])}${unit}`;
    if (completedYear !== undefined && annualPlan !== undefined && completedYear > annualPlan) {
      src.warning(
        f.valueAt('completed_year'),
        `年度累计完成投资（${shown(completedYear)}）超过年度计划投资（${shown(annualPlan)}），请核对。`,
      );
    }
    if (stage !== undefined && isStarted(stage) && actualStart === undefined) {
      src.warning(
        f.valueAt('stage'),
        `建设阶段为“${stage}”，但没有填写“actual_start”（实际开工/复工日期）。`,
      );
    }
    if (completedMonth !== undefined && completedYear !== undefined && completedMonth > completedYear) {
      src.warning(
        f.valueAt('completed_month'),
        `本月完成投资（${shown(completedMonth)}）超过年度累计完成投资（${shown(completedYear)}），请核对。`,
      );
    }
    if (completedTotal !== undefined && completedYear !== undefined && completedYear > completedTotal) {
      src.warning(
        f.valueAt('completed_total'),
        `开工以来累计完成投资（${shown(completedTotal)}）少于年度累计完成投资（${shown(completedYear)}），请核对。`,
      );
    }
    if (totalInvestment !== undefined && annualPlan !== undefined && annualPlan > totalInvestment) {
      src.warning(
        f.valueAt('annual_plan'),
        `年度计划投资（${shown(annualPlan)}）超过总投资（${shown(totalInvestment)}），请核对。`,
      );
    }
    if (actualStart !== undefined && asOf !== undefined && actualStart > asOf) {
      src.warning(f.valueAt('actual_start'), `实际开工日期 ${actualStart} 晚于数据截至日期 ${asOf}。`);
    }
    if (plannedStart !== undefined && plannedFinish !== undefined && plannedFinish < plannedStart) {
      src.warning(
        f.valueAt('planned_finish'),
        `计划竣工日期 ${plannedFinish} 早于计划开工日期 ${plannedStart}。`,
      );
    }

    if (
      id === undefined ||
      name === undefined ||
      nature === undefined ||
      stage === undefined ||
      respUnit === undefined ||
      totalInvestment === undefined ||
      annualPlan === undefined ||
      completedYear === undefined
    ) {
      return undefined;
    }
    const source: SourcePos = src.pos(f.at);
    const p: Project = {
      id,
      name,
      nature,
      stage,
      unit: respUnit,
      totalInvestment,
      annualPlan,
      completedYear,
      milestones,
      problems,
      source,
    };
    if (v.leader !== undefined) p.leader = v.leader;
    if (v.owner !== undefined) p.owner = v.owner;
    if (v.area !== undefined) p.area = v.area;
    if (v.industry !== undefined) p.industry = v.industry;
    if (v.content !== undefined) p.content = v.content;
    if (v.completedMonth !== undefined) p.completedMonth = v.completedMonth;
    if (v.completedTotal !== undefined) p.completedTotal = v.completedTotal;
    if (v.plannedStart !== undefined) p.plannedStart = v.plannedStart;
    if (v.actualStart !== undefined) p.actualStart = v.actualStart;
    if (v.plannedFinish !== undefined) p.plannedFinish = v.plannedFinish;
    if (v.actualFinish !== undefined) p.actualFinish = v.actualFinish;
    if (v.progress !== undefined) p.progress = v.progress;
    if (v.contact !== undefined) p.contact = v.contact;
    return p;
  }

  private claimId<A>(seen: Map<string, Seen>, id: string, src: RecordSource<A>, at: A, noun: string): void {
    const first = seen.get(id);
    if (first) {
      src.error(
        at,
        `${noun}“${id}”重复：${whereAt(first, src.file)}已有同一编号；${noun}在整个台账中必须唯一。`,
      );
    } else {
      seen.set(id, src instanceof PlainSource ? src.lazyPos(at as readonly string[]) : src.pos(at));
      this.claims.push({ seen, id });
    }
  }

  /** Headers of all files agree; rules merge; returns the register's meta or undefined on errors. */
  mergeHeaders(): RegisterMeta | undefined {
    const meta: Partial<RegisterMeta> = {};
    const agreed: {
      [K in 'title' | 'region' | 'year' | 'asOf' | 'issuer' | 'recipients']?: Placed<string | number>;
    } = {};
    const keyName = Object.fromEntries(
      REGISTER_HEADER_SCHEMA.fields.map((x) => [propOf(x), x.key]),
    ) as Record<keyof typeof agreed, string>;
    for (const h of this.headers) {
      for (const k of ['title', 'region', 'year', 'asOf', 'issuer', 'recipients'] as const) {
        const v = h[k] as Placed<string | number> | undefined;
        if (!v) continue;
        const first = agreed[k];
        if (!first) agreed[k] = v;
        else if (first.value !== v.value) {
          v.src.error(
            v.at,
            `“${keyName[k]}”与 ${first.src.where(first.at)} 不一致（那里是“${first.value}”，这里是“${v.value}”）；同一台账各文件的表头必须一致。`,
          );
        }
      }
    }
    const rules: LagRules = { ...DEFAULT_RULES };
    // the rule's key in the file, by its property (the schema's)
    const ruleKey = Object.fromEntries(RULES_SCHEMA.fields.map((x) => [propOf(x), x.key])) as Record<
      keyof LagRules,
      string
    >;
    const ruleFrom: Partial<Record<keyof LagRules, Placed<unknown>>> = {};
    for (const h of this.headers) {
      for (const k of Object.keys(h.rules) as (keyof LagRules)[]) {
        const v = h.rules[k]!;
        const first = ruleFrom[k];
        if (!first) {
          ruleFrom[k] = v;
          (rules as unknown as Record<string, unknown>)[k] = v.value;
        } else if (first.value !== v.value) {
          v.src.error(
            v.at,
            `规则“${ruleKey[k]}”与 ${first.src.where(first.at)} 不一致（那里是 ${String(first.value)}，这里是 ${String(v.value)}）；各文件的 rules 必须一致。`,
          );
        }
      }
    }
    if (rules.yellowGap > rules.redGap) {
      const at = ruleFrom.yellowGap ?? ruleFrom.redGap;
      if (at) {
        at.src.error(
          at.at,
          `黄灯差距 yellow_gap（${rules.yellowGap}）大于红灯差距 red_gap（${rules.redGap}）；yellow_gap 应不大于 red_gap。`,
        );
      }
    }
    const units = new Set(this.headers.map((h) => h.moneyUnit));
    if (!agreed.title || !agreed.region || !agreed.year || !agreed.asOf) return undefined;
    meta.title = agreed.title.value as string;
    meta.region = agreed.region.value as string;
    meta.year = agreed.year.value as number;
    meta.asOf = agreed.asOf.value as string;
    meta.moneyUnit = units.size === 1 ? [...units][0]! : '万元';
    if (agreed.issuer) meta.issuer = agreed.issuer.value as string;
    if (agreed.recipients) meta.recipients = agreed.recipients.value as string;
    meta.rules = rules;
    const office = this.mergeOffice();
    if (office) meta.office = office;
    return meta as RegisterMeta;
  }

  /** The 版头/版记 keys of all files: each agrees where several files give it. */
  private mergeOffice(): OfficeMarks | undefined {
    const office: OfficeMarks = {};
    const first: Partial<Record<keyof typeof OFFICE_KEYS, Placed<string>>> = {};
    for (const h of this.headers) {
      for (const key of Object.keys(h.office) as (keyof typeof OFFICE_KEYS)[]) {
        const v = h.office[key]!;
        const seen = first[key];
        if (!seen) {
          first[key] = v;
          if (key === 'cc') office.cc = v.value.split('、');
          else office[OFFICE_KEYS[key]] = v.value;
        } else if (seen.value !== v.value) {
          v.src.error(
            v.at,
            `“${key}”与 ${seen.src.where(seen.at)} 不一致（那里是“${seen.value}”，这里是“${v.value}”）；同一台账各文件的表头必须一致。`,
          );
        }
      }
    }
    return Object.keys(office).length > 0 ? office : undefined;
  }

  finish(): RegisterLoad {
    const meta = this.mergeHeaders();
    this.sink.throwIfErrors();
    if (!meta) throw new InputError([]); // unreachable: a missing header field is an error above
    return {
      register: { meta, projects: this.projects, files: this.files },
      warnings: this.sink.sortedWarnings(),
    };
  }
}

/** Parses one register file's text. `file` is used in messages (and resolved for `files`). */
export function parseRegisterText(
  text: string,
  file: string,
  options: Pick<RegisterLoadOptions, 'itemByItem'> = {},
): RegisterLoad {
  const reader = new RegisterReader(options.itemByItem ?? true);
  reader.readText(text, file, resolve(file));
  return reader.finish();
}

const YAML_FILE = /\.ya?ml$/i;

/** The register files of `path`: itself, or the *.yaml / *.yml files of a folder in name order. */
function registerFiles(path: string): string[] {
  let isDir: boolean;
  try {
    isDir = statSync(path).isDirectory();
  } catch (e) {
    throw new InputError([
      {
        severity: 'error',
        file: path,
        line: 1,
        column: 1,
        message: describeIoError(e, '找不到台账文件或文件夹'),
      },
    ]);
  }
  if (!isDir) return [path];
  let names: string[];
  try {
    names = readdirSync(path, { withFileTypes: true })
      .filter((d) => !d.name.startsWith('.') && YAML_FILE.test(d.name) && (d.isFile() || d.isSymbolicLink()))
      .map((d) => d.name)
      .sort();
  } catch (e) {
    throw new InputError([
      {
        severity: 'error',
        file: path,
        line: 1,
        column: 1,
        message: describeIoError(e, '无法读取台账文件夹'),
      },
    ]);
  }
  if (names.length === 0) {
    throw new InputError([
      {
        severity: 'error',
        file: path,
        line: 1,
        column: 1,
        message: '文件夹中没有 .yaml 或 .yml 台账文件。',
      },
    ]);
  }
  return names.map((name) => join(path, name));
}

/**
 * The register's files as loadRegister keys its cache entry (read and hashed, not parsed), or
 * undefined when one cannot be read (loadRegister then reports it). For the app's first frame
 * (app/home-overview.ts).
 */
export function registerInputs(path: string): CacheInput[] | undefined {
  try {
    return registerFiles(path).map((file) => {
      const { bytes, size, mtimeMs } = readYamlFile(file);
      return cacheInput(file, bytes, size, mtimeMs);
    });
  } catch {
    return undefined;
  }
}

/**
 * Loads a register from a file, or from a folder of *.yaml / *.yml files merged (one per unit, say):
 * headers must agree on title, region, year, as_of (and issuer when given); each file's amounts are
 * converted from its own money_unit to 万元; rules merge, a conflicting rule is an error.
 * A register read before from the same unchanged files comes from the load cache (load-cache.ts).
 */
export function loadRegister(path: string, options: RegisterLoadOptions = {}): RegisterLoad {
  const files = registerFiles(path);
  const cache = resolveLoadCache(options.cache);
  const read: { file: string; bytes?: Uint8Array; error?: InputError }[] = [];
  const inputs: CacheInput[] = [];
  for (const file of files) {
    try {
      const { bytes, size, mtimeMs } = readYamlFile(file);
      read.push({ file, bytes });
      if (cache) inputs.push(cacheInput(file, bytes, size, mtimeMs));
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      read.push({ file, error: e });
    }
  }
  const cacheable = cache !== undefined && inputs.length === files.length;
  if (cacheable) {
    const hit = cache.get<RegisterLoad>('register', inputs);
    if (hit && typeof hit === 'object' && hit.register && Array.isArray(hit.warnings)) {
      options.onInputs?.(inputs);
      return hit;
    }
  }
  const reader = new RegisterReader(options.itemByItem ?? true);
  for (const r of read) {
    if (r.bytes) reader.readBytes(r.bytes, r.file);
    else if (r.error) reader.unreadable(r.file, r.error);
  }
  read.length = 0; // the bytes are no longer needed
  const result = reader.finish(); // throws on errors: those are never cached
  if (cacheable) {
    cache.put('register', inputs, result);
    options.onInputs?.(inputs);
  }
  return result;
}
