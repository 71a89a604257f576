// The shapes every layer shares. Pure types: no I/O, no React.
// Field meanings follow docs/formats.md; the rules follow docs/domain.md.

/** A calendar date as `YYYY-MM-DD`, already checked to exist. */
export type IsoDate = string;

export type Nature = '新建' | '续建' | '前期';
export type Stage = '前期' | '在建' | '竣工' | '投产' | '停工';
export type MoneyUnit = '万元' | '亿元';
export type TimeProgressMode = 'month' | 'half_month' | 'day';
export type Light = '红' | '黄' | '绿';
export type MeetingKind = '周调度' | '月调度' | '专题';
/** 落实状态 as typed at a meeting. 逾期 is computed, never stored (docs/formats.md#follow-ups). */
export type FollowupStatus = '已落实' | '推进中' | '撤销';

/** Where a value came from, for messages that name file:line:column (1-based). */
export interface SourcePos {
  file: string;
  line: number;
  column: number;
}

/** Lag thresholds; defaults in docs/domain.md#lights, overridable by the register's `rules`. */
export interface LagRules {
  timeProgress: TimeProgressMode;
  /** points behind time progress at which a project turns yellow (gap ≥ yellowGap) */
  yellowGap: number;
  /** points behind time progress beyond which it turns red (gap > redGap) */
  redGap: number;
  /** days a 新建 project may stay 前期 past planned_start before it turns red (more than this) */
  startRedDays: number;
  /** days a milestone may be overdue before it turns red (more than this) */
  milestoneRedDays: number;
}

export const DEFAULT_RULES: LagRules = {
  timeProgress: 'month',
  yellowGap: 10,
  redGap: 30,
  startRedDays: 60,
  milestoneRedDays: 30,
};

export interface Milestone {
  name: string;
  planned: IsoDate;
  done?: IsoDate;
}

export interface Problem {
  /** default `<project id>-<n>`, n from 1 */
  id: string;
  text: string;
  /** who must solve it (责任单位) */
  unit?: string;
  raised?: IsoDate;
  /** 解决时限 */
  due?: IsoDate;
  resolved?: IsoDate;
  resolution?: string;
}

/**
 * One row of the register. Every money field is held in 万元 whatever the file's `money_unit`
 * (a file in 亿元 is multiplied by 10000 on load), so figures never mix units.
 */
export interface Project {
  id: string;
  name: string;
  nature: Nature;
  stage: Stage;
  unit: string;
  leader?: string;
  owner?: string;
  area?: string;
  industry?: string;
  content?: string;
  totalInvestment: number;
  annualPlan: number;
  completedYear: number;
  completedMonth?: number;
  completedTotal?: number;
  plannedStart?: IsoDate;
  actualStart?: IsoDate;
  plannedFinish?: IsoDate;
  actualFinish?: IsoDate;
  progress?: string;
  contact?: string;
  milestones: Milestone[];
  problems: Problem[];
  /** position of the project's entry, for messages */
  source?: SourcePos;
}

export interface RegisterMeta {
  title: string;
  region: string;
  year: number;
  asOf: IsoDate;
  /** the unit the register's figures are shown in; amounts themselves are held in 万元 */
  moneyUnit: MoneyUnit;
  issuer?: string;
  /** 主送机关 of the bulletin ("各乡镇人民政府，区直各有关单位"); absent: derived from the region */
  recipients?: string;
  rules: LagRules;
  /** 版头 and 版记 of the Word documents (GB/T 9704 §7.2, §7.4); absent when the register gives none */
  office?: OfficeMarks;
}

/** The register's optional `office_*` keys: what the Word 版头 and 版记 print besides the text. */
export interface OfficeMarks {
  /** 发文机关标志, e.g. 平鲁区重点项目推进中心文件 (default: the issuer followed by 文件) */
  mark?: string;
  /** 发文字号 of the bulletin, e.g. 平项推〔2021〕9号 */
  number?: string;
  /** 抄送机关 */
  cc?: string[];
  /** 印发机关 (default: the issuer) */
  printedBy?: string;
}

export interface Register {
  meta: RegisterMeta;
  projects: Project[];
  /** the file or files it was loaded from (absolute paths) */
  files: string[];
}

export interface Decision {
  /** meeting date + sequence, e.g. 2021-11-15-01: unique across all meetings */
  id: string;
  text: string;
  /** 责任单位: the lead unit (牵头单位) when co-units are named */
  unit: string;
  /**
   * 配合单位 (file key `co_units`), none repeated and not the lead unit. A decision counts for its
   * lead unit (ledger, 督办, on-time rates); a filter by unit matches co-units as well.
   */
  coUnits?: string[];
  /** 责任人 */
  owner?: string;
  /** 完成时限 */
  due: IsoDate;
}

/** An agenda item's figures as they stood at the meeting (money in 万元, rates as fractions). */
export interface ItemFigures {
  annualPlan: number;
  completedYear: number;
  /** null when the annual plan is 0 */
  completionRate: number | null;
  timeProgress: number;
}

export interface MeetingItem {
  project: string;
  /** snapshot of the light at the meeting */
  light?: Light;
  reasons: string[];
  /** snapshot of the figures quoted at the meeting */
  figures?: ItemFigures;
  /** taken up at the meeting: the secretary opened the item (decisions and notes also count) */
  discussed?: boolean;
  /**
   * Marked by the secretary on the agenda: 已讨论 (taken up), 跳过 (passed over; the minutes do not
   * report it as taken up, unless decisions or notes were recorded on it). Absent: not marked.
   */
  status?: ItemStatus;
  /** time spent on the item at the meeting, in whole seconds (summed over each time it was open) */
  seconds?: number;
  notes?: string;
  decisions: Decision[];
}

export type ItemStatus = '已讨论' | '跳过';
export const ITEM_STATUSES: readonly ItemStatus[] = ['已讨论', '跳过'];

/**
 * What the ledger and the screens show as the "project" of a general decision (综合事项): one the
 * meeting agreed on that is tied to no project (Meeting.general).
 */
export const GENERAL_PROJECT = '综合事项';

/**
 * The register's 总体 figures as they stood when the meeting opened (money in 万元, time progress
 * as a fraction, lights judged on the meeting day): the minutes' 一、总体进展 prints these, so a
 * register updated later never changes an old meeting's minutes.
 */
export interface MeetingSnapshot {
  projects: number;
  totalInvestment: number;
  started: number;
  newProjects: number;
  newStarted: number;
  annualPlan: number;
  completedYear: number;
  /** absent when the register gave no 本月完成投资 */
  completedMonth?: number;
  timeProgress: number;
  red: number;
  yellow: number;
  green: number;
}

export interface Followup {
  decision: string;
  status: FollowupStatus;
  note?: string;
  /**
   * docs/formats.md#follow-ups `date`: the day the follow-up was learnt, when it was recorded between
   * meetings (督办 screen). Absent: the meeting's date.
   */
  date?: IsoDate;
  /** 已落实 only: the day the decision was carried out (按时落实 compares it with the time limit) */
  doneOn?: IsoDate;
}

export interface MeetingHeader {
  date: IsoDate;
  kind: MeetingKind;
  /** 期数: counted per kind and year unless set */
  number?: number;
  title?: string;
  chair?: string;
  place?: string;
  present: string[];
  absent: string[];
  attending: string[];
  /** 迟到: who came late (also listed under present; the minutes do not name them) */
  late?: string[];
  /** path of the register, relative to the meeting file */
  register?: string;
  asOf?: IsoDate;
  /** the register's figures at the meeting (absent in files written before it was recorded) */
  snapshot?: MeetingSnapshot;
  closed: boolean;
}

export interface Meeting {
  meeting: MeetingHeader;
  items: MeetingItem[];
  /** 综合事项: decisions tied to no project (ids in the same sequence as the items' decisions) */
  general?: Decision[];
  followups: Followup[];
  /** absolute path of the file it was read from, when it was */
  file?: string;
}

/** A message about input, in Chinese, with its position. */
export interface Diagnostic {
  severity: 'error' | 'warning';
  file: string;
  line: number;
  column: number;
  message: string;
}

/**
 * The one error type bad input produces. Commands print its diagnostics and exit 2; anything
 * else reaching the top is an internal error (exit 1).
 */
export class InputError extends Error {
  readonly diagnostics: Diagnostic[];
  constructor(diagnostics: Diagnostic[]) {
    super(diagnostics.map(formatDiagnostic).join('\n'));
    this.name = 'InputError';
    this.diagnostics = diagnostics;
  }
}

export function formatDiagnostic(d: Diagnostic): string {
  const label = d.severity === 'error' ? '错误' : '警告';
  // A message about a whole file (a lock, a refusal to overwrite) has no position: line 0.
  const where = d.line > 0 ? `${d.file}:${d.line}:${d.column}` : d.file;
  return `${where}: ${label}：${d.message}`;
}

// ---- Results of the rules (computed by domain/lag-rules.ts, figures.ts, ledger.ts) ----

export type LagFlagKind = 'investment' | 'start' | 'stopped' | 'milestone' | 'problem' | 'decision';

/** One reason a project lags, with the light it alone would give and its Chinese sentence. */
export interface LagFlag {
  kind: LagFlagKind;
  light: '黄' | '红';
  reason: string;
}

export interface ProjectStatus {
  project: Project;
  /** 投资完成率 as a fraction (0.74 = 74%); null when annual_plan is 0 */
  completionRate: number | null;
  /** 序时进度 − 完成率 in points (positive = behind); null when annual_plan is 0 */
  gap: number | null;
  flags: LagFlag[];
  /** the worst of the flags; 绿 when none */
  light: Light;
}

/** 逾期 is computed: open (no follow-up, or 推进中) and due < the day (docs/domain.md#decision-states). */
export type DecisionState = 'done' | 'open' | 'dropped' | 'overdue';

export interface LedgerEntry {
  decision: Decision;
  /** the project id; GENERAL_PROJECT for a general decision */
  project: string;
  /** a general decision (综合事项, Meeting.general), tied to no project */
  general?: boolean;
  /** the meeting that took the decision */
  meetingDate: IsoDate;
  meetingFile?: string;
  /** the latest follow-up, if any */
  latest?: Followup & { heardOn: IsoDate };
  state: DecisionState;
  /** days past due on the day (0 when not overdue) */
  daysOverdue: number;
  /** done and the follow-up that said so was heard on or before `due` */
  doneOnTime: boolean;
}
