// One schema per record of the register and of a meeting record (docs/formats.md#register, docs/formats.md#meeting-record): each field's key in the
// file, its Chinese label, its type, whether it is required, and its place in the key order. Pure data:
// the YAML readers (store/register-file.ts, store/meeting-read.ts) read each field as its type and options
// here say (store/yaml/record.ts) and take required fields and the allowed keys with their labels from
// here, the meeting writer (store/meeting-document.ts) and the importer's YAML (import/xlsx-register) take
// their key order from here, and the Excel importer's column labels (import/columns.ts) and the register
// workbook's headers come from the labels.

import { FOLLOWUP_STATUSES, LIGHTS, MEETING_KINDS, MONEY_UNITS, NATURES, STAGES } from './normalize.js';
import { ITEM_STATUSES } from './types.js';

export type FieldType =
  /** one line of text */
  | 'text'
  /** text whose line breaks are kept */
  | 'prose'
  /** a plain number; `integer` for whole numbers */
  | 'number'
  | 'integer'
  /** a money amount in the file's money_unit (held in 万元) */
  | 'amount'
  | 'date'
  | 'bool'
  /** one of `values` */
  | 'enum'
  /** a list of text items */
  | 'list'
  /** a nested mapping (`schema`) */
  | 'record'
  /** a list of mappings (`schema`) */
  | 'records';

export interface FieldSpec {
  /** the key in the YAML file (snake_case) */
  readonly key: string;
  /** the Chinese name: in messages, the key hints, and as the spreadsheet header */
  readonly label: string;
  /** other Chinese names people give the field (key hints: “业主” → owner) */
  readonly aliases?: readonly string[];
  readonly type: FieldType;
  /** a missing or empty value is an error */
  readonly required?: boolean;
  /** required to be present, but an empty list is fine (`projects:`) */
  readonly mayBeEmpty?: boolean;
  /** the property of the typed record (domain/types.ts), when it differs from `key` */
  readonly prop?: string;
  /** the allowed values of an enum */
  readonly values?: readonly string[];
  /** decimals a number is written with (meeting records: 万元 to 2, fractions to 4) */
  readonly decimals?: number;
  /** the nested record of a `record` or `records` field */
  readonly schema?: RecordSchema;
  /**
   * The field that names the record in later messages (项目“PL-001”): the readers read it first and
   * may claim it before the record's other fields are read (store/yaml/record.ts, readHead).
   */
  readonly names?: boolean;
  /** what the value is, in messages (“天数”); an enum's defaults to its label, a number's to 整数/数字 */
  readonly noun?: string;
  /** the least (default 0) and greatest value of a number */
  readonly min?: number;
  readonly max?: number;
  /** an enum's hint for a value that is not allowed, by the value as normalised (“逾期” → why not) */
  readonly hints?: Readonly<Record<string, string>>;
  /** a list whose items keep their line breaks */
  readonly multiline?: boolean;
  /** a list left unset when absent or empty, rather than read as [] */
  readonly unsetWhenAbsent?: boolean;
}

export interface RecordSchema {
  /** what the record is, in Chinese (项目, 议定事项) */
  readonly label: string;
  /** the fields in the order they are written */
  readonly fields: readonly FieldSpec[];
}

const f = (
  key: string,
  label: string,
  type: FieldType,
  more: Omit<FieldSpec, 'key' | 'label' | 'type'> = {},
): FieldSpec => ({ key, label, type, ...more });

const record = (label: string, fields: FieldSpec[]): RecordSchema => ({ label, fields });

// ---- the register (docs/formats.md#register) ----

export const MILESTONE_SCHEMA = record('节点', [
  f('name', '节点名称', 'text', { required: true }),
  f('planned', '计划完成日期', 'date', { required: true }),
  f('done', '实际完成日期', 'date'),
]);

export const PROBLEM_SCHEMA = record('问题', [
  // docs/formats.md#project-keys: the id defaults to <project id>-<n>
  f('id', '问题编号', 'text', { names: true }),
  f('text', '问题描述', 'prose', { required: true }),
  f('unit', '责任单位', 'text'),
  f('raised', '提出日期', 'date'),
  f('due', '解决时限', 'date'),
  f('resolved', '解决日期', 'date'),
  f('resolution', '解决情况', 'prose'),
]);

export const PROJECT_SCHEMA = record('项目', [
  f('id', '项目编号', 'text', { required: true, names: true }),
  f('name', '项目名称', 'text', { required: true }),
  f('nature', '建设性质', 'enum', { required: true, values: NATURES }),
  f('stage', '建设阶段', 'enum', { required: true, values: STAGES }),
  f('unit', '责任单位', 'text', { required: true }),
  f('leader', '包联领导', 'text'),
  f('owner', '建设单位', 'text', { aliases: ['项目业主', '业主'] }),
  f('area', '片区/园区', 'text'),
  f('industry', '产业类别', 'text'),
  f('content', '建设内容', 'prose'),
  f('total_investment', '总投资', 'amount', { required: true, prop: 'totalInvestment' }),
  f('annual_plan', '年度计划投资', 'amount', { required: true, prop: 'annualPlan' }),
  f('completed_year', '年度累计完成投资', 'amount', {
    required: true,
    prop: 'completedYear',
    aliases: ['年度完成投资'],
  }),
  f('completed_month', '本月完成投资', 'amount', { prop: 'completedMonth' }),
  f('completed_total', '开工以来累计完成投资', 'amount', {
    prop: 'completedTotal',
    aliases: ['累计完成投资'],
  }),
  f('planned_start', '计划开工时间', 'date', { prop: 'plannedStart', aliases: ['计划开工'] }),
  f('actual_start', '实际开工时间', 'date', { prop: 'actualStart', aliases: ['实际开工', '复工'] }),
  f('planned_finish', '计划竣工时间', 'date', { prop: 'plannedFinish', aliases: ['计划竣工', '投产'] }),
  f('actual_finish', '实际竣工时间', 'date', { prop: 'actualFinish', aliases: ['实际竣工'] }),
  f('progress', '形象进度', 'prose', { aliases: ['本月进展'] }),
  f('contact', '项目联系人', 'text', { aliases: ['联系人'] }),
  f('milestones', '节点计划', 'records', { schema: MILESTONE_SCHEMA }),
  f('problems', '存在问题', 'records', { aliases: ['问题清单'], schema: PROBLEM_SCHEMA }),
]);

export const RULES_SCHEMA = record('滞后判定规则', [
  f('time_progress', '序时进度计算方式', 'enum', {
    prop: 'timeProgress',
    values: ['month', 'half_month', 'day'],
  }),
  f('yellow_gap', '黄灯差距（个百分点）', 'number', { prop: 'yellowGap', max: 100, noun: '个百分点数' }),
  f('red_gap', '红灯差距（个百分点）', 'number', { prop: 'redGap', max: 100, noun: '个百分点数' }),
  f('start_red_days', '开工滞后转红天数', 'integer', { prop: 'startRedDays', noun: '天数' }),
  f('milestone_red_days', '节点滞后转红天数', 'integer', { prop: 'milestoneRedDays', noun: '天数' }),
]);

export const REGISTER_HEADER_SCHEMA = record('台账表头', [
  f('title', '台账标题', 'text', { required: true }),
  f('region', '地区', 'text', { required: true }),
  f('year', '年度', 'integer', { required: true, min: 1900, max: 2200, noun: '年份' }),
  f('as_of', '数据截至日期', 'date', { required: true, prop: 'asOf' }),
  f('money_unit', '金额单位', 'enum', { prop: 'moneyUnit', values: MONEY_UNITS }),
  f('issuer', '发文机关', 'text'),
  f('recipients', '主送机关', 'text'),
  f('rules', '滞后判定规则', 'record', { schema: RULES_SCHEMA }),
  f('issuer_mark', '发文机关标志', 'text', { prop: 'mark' }),
  f('doc_number', '发文字号', 'text', { prop: 'number' }),
  f('cc', '抄送机关', 'list'),
  f('printed_by', '印发机关', 'text', { prop: 'printedBy' }),
]);

export const REGISTER_FILE_SCHEMA = record('台账文件', [
  f('register', '台账表头', 'record', { required: true, schema: REGISTER_HEADER_SCHEMA }),
  f('projects', '项目列表', 'records', { required: true, mayBeEmpty: true, schema: PROJECT_SCHEMA }),
]);

// ---- a meeting record (docs/formats.md#meeting-record) ----

// how the meeting record's numbers are named in messages
const COUNT = { noun: '非负整数' } as const;
const WAN = { noun: '非负数（万元）' } as const;
const FRACTION = { max: 1, noun: '0到1之间的小数' } as const;

export const SNAPSHOT_SCHEMA = record('开会时的台账总体数字', [
  f('projects', '项目数', 'integer', { required: true, ...COUNT }),
  f('total_investment', '总投资（万元）', 'number', {
    decimals: 2,
    required: true,
    prop: 'totalInvestment',
    ...WAN,
  }),
  f('started', '已开复工项目数', 'integer', { required: true, ...COUNT }),
  f('new_projects', '新建项目数', 'integer', { required: true, prop: 'newProjects', ...COUNT }),
  f('new_started', '新建项目已开工数', 'integer', { required: true, prop: 'newStarted', ...COUNT }),
  f('annual_plan', '年度计划投资（万元）', 'number', {
    decimals: 2,
    required: true,
    prop: 'annualPlan',
    ...WAN,
  }),
  f('completed_year', '年度累计完成投资（万元）', 'number', {
    decimals: 2,
    required: true,
    prop: 'completedYear',
    ...WAN,
  }),
  f('completed_month', '本月完成投资（万元）', 'number', { decimals: 2, prop: 'completedMonth', ...WAN }),
  f('time_progress', '序时进度（小数）', 'number', {
    decimals: 4,
    required: true,
    prop: 'timeProgress',
    ...FRACTION,
  }),
  f('red', '红灯项目数', 'integer', { required: true, ...COUNT }),
  f('yellow', '黄灯项目数', 'integer', { required: true, ...COUNT }),
  f('green', '绿灯项目数', 'integer', { required: true, ...COUNT }),
]);

export const FIGURES_SCHEMA = record('开会时的投资数字', [
  f('annual_plan', '年度计划投资（万元）', 'number', {
    decimals: 2,
    required: true,
    prop: 'annualPlan',
    ...WAN,
  }),
  f('completed_year', '年度累计完成投资（万元）', 'number', {
    decimals: 2,
    required: true,
    prop: 'completedYear',
    ...WAN,
  }),
  f('completion_rate', '投资完成率（小数）', 'number', {
    decimals: 4,
    prop: 'completionRate',
    noun: '非负小数',
  }),
  f('time_progress', '序时进度（小数）', 'number', {
    decimals: 4,
    required: true,
    prop: 'timeProgress',
    ...FRACTION,
  }),
]);

export const DECISION_SCHEMA = record('议定事项', [
  // without an id a decision is numbered <meeting date>-<nn>
  f('id', '编号', 'text', { names: true }),
  f('text', '内容', 'prose', { required: true, aliases: ['议定事项'] }),
  f('unit', '责任单位', 'text', { required: true }),
  f('co_units', '配合单位', 'list', { prop: 'coUnits' }),
  f('owner', '责任人', 'text'),
  f('due', '完成时限', 'date', { required: true }),
]);

export const ITEM_SCHEMA = record('议题', [
  f('project', '项目编号', 'text', { required: true, names: true }),
  f('light', '灯色', 'enum', { values: LIGHTS }),
  f('reasons', '滞后原因', 'list', { multiline: true }),
  f('figures', '开会时的投资数字', 'record', { schema: FIGURES_SCHEMA }),
  f('discussed', '会上是否研究', 'bool'),
  f('status', '会上状态（已讨论/跳过）', 'enum', { values: ITEM_STATUSES, noun: '会上状态' }),
  f('seconds', '本项用时（秒）', 'integer', { noun: '非负整数（秒）' }),
  f('notes', '会议记录', 'prose', { aliases: ['备注'] }),
  f('decisions', '议定事项', 'records', { schema: DECISION_SCHEMA }),
]);

export const FOLLOWUP_SCHEMA = record('落实情况', [
  f('decision', '议定事项编号', 'text', { required: true }),
  // docs/formats.md#decisions: 逾期 is computed, never stored
  f('status', '落实状态', 'enum', {
    required: true,
    values: FOLLOWUP_STATUSES,
    hints: { 逾期: '“逾期”由完成时限自动判断，不需要填写；' },
  }),
  f('note', '说明', 'prose', { aliases: ['落实情况'] }),
  f('date', '跟进日期', 'date'),
  f('done_on', '落实日期', 'date', { prop: 'doneOn' }),
]);

export const MEETING_HEADER_SCHEMA = record('会议信息', [
  f('date', '会议日期', 'date', { required: true }),
  f('kind', '会议类型', 'enum', { required: true, values: MEETING_KINDS }),
  f('number', '期数', 'integer', { min: 1, noun: '期数（正整数）' }),
  f('title', '会议名称', 'text'),
  f('chair', '主持', 'text'),
  f('place', '地点', 'text'),
  f('present', '出席', 'list'),
  f('absent', '请假', 'list'),
  f('attending', '列席', 'list'),
  // absent: lateness was not recorded (docs/formats.md#meeting-header)
  f('late', '迟到', 'list', { unsetWhenAbsent: true }),
  f('register', '台账文件', 'text'),
  f('as_of', '数据截至日期', 'date', { prop: 'asOf' }),
  f('snapshot', '开会时的台账总体数字', 'record', { schema: SNAPSHOT_SCHEMA }),
  f('closed', '是否已结束', 'bool'),
]);

export const MEETING_FILE_SCHEMA = record('会议记录', [
  f('meeting', '会议信息', 'record', { required: true, schema: MEETING_HEADER_SCHEMA }),
  f('items', '议题（逐项目）', 'records', { schema: ITEM_SCHEMA }),
  f('general', '综合事项（不针对具体项目的议定事项）', 'records', { schema: DECISION_SCHEMA }),
  f('followups', '上次议定事项落实情况', 'records', { schema: FOLLOWUP_SCHEMA }),
]);

// ---- what is derived from a schema ----

/** Allowed keys → their Chinese names joined with “/” (“建设单位/项目业主/业主”), for key hints. */
export type KeySpec = Readonly<Record<string, string>>;

const keySpecs = new WeakMap<RecordSchema, KeySpec>();

/** The schema's keys with their Chinese names (label and aliases joined with “/”). */
export function keySpec(schema: RecordSchema): KeySpec {
  let spec = keySpecs.get(schema);
  if (!spec) {
    spec = Object.fromEntries(schema.fields.map((x) => [x.key, [x.label, ...(x.aliases ?? [])].join('/')]));
    keySpecs.set(schema, spec);
  }
  return spec;
}

/** The keys in the order they are written. */
export function keyOrder(schema: RecordSchema): string[] {
  return schema.fields.map((x) => x.key);
}

/** The field `key` of `schema`, or undefined. */
export function fieldOf(schema: RecordSchema, key: string): FieldSpec | undefined {
  return schema.fields.find((x) => x.key === key);
}

/** The field `key` of `schema`; throws for a key the schema does not have (a programming error). */
export function field(schema: RecordSchema, key: string): FieldSpec {
  const found = fieldOf(schema, key);
  if (!found) throw new Error(`schema ${schema.label} has no field ${key}`);
  return found;
}

/** The property of the typed record a field is held in (camelCase when it differs from the key). */
export const propOf = (x: FieldSpec): string => x.prop ?? x.key;
