// The Chinese headers real 台账 spreadsheets use, and which register field each one means
// (docs/domain.md#the-register; docs/formats.md#project-keys for the fields). Headers are compared after
// normalisation: traditional → simplified, spaces and line breaks dropped, the unit in brackets taken out.
import type { MoneyUnit } from '../domain/types.js';
import { PROBLEM_SCHEMA, PROJECT_SCHEMA, field, type FieldType } from '../domain/schema.js';
import { toSimplified } from '../text/traditional.js';

export type FieldKey =
  | 'seq'
  | 'id'
  | 'name'
  | 'nature'
  | 'stage'
  | 'unit'
  | 'leader'
  | 'owner'
  | 'area'
  | 'industry'
  | 'content'
  | 'total_investment'
  | 'annual_plan'
  | 'completed_year'
  | 'completed_month'
  | 'completed_total'
  | 'planned_start'
  | 'actual_start'
  | 'planned_finish'
  | 'actual_finish'
  | 'progress'
  | 'contact'
  | 'problem_text'
  | 'problem_unit'
  | 'problem_due';

/** Columns recognised but deliberately not imported (computed by the app, or not part of a register). */
export type IgnoredKey = 'ignored';

/** The header most sheets use for each field, for messages ("找不到“年度计划投资”列"): the schema's labels. */
export const FIELD_LABEL: Record<FieldKey, string> = {
  seq: '序号',
  ...(Object.fromEntries(
    PROJECT_SCHEMA.fields.filter((x) => x.type !== 'records').map((x) => [x.key, x.label]),
  ) as Record<Exclude<FieldKey, 'seq' | `problem_${string}`>, string>),
  problem_text: field(PROJECT_SCHEMA, 'problems').label,
  problem_unit: `问题${field(PROBLEM_SCHEMA, 'unit').label}`,
  problem_due: field(PROBLEM_SCHEMA, 'due').label,
};

const projectKeysOf = (type: FieldType): FieldKey[] =>
  PROJECT_SCHEMA.fields.filter((x) => x.type === type).map((x) => x.key as FieldKey);

/** The amount fields, in the order a row's problems are reported (the schema's). */
export const MONEY_KEYS: readonly FieldKey[] = projectKeysOf('amount');
export const MONEY_FIELDS = new Set<FieldKey>(MONEY_KEYS);
/** The date fields, in the order a row's problems are reported (the schema's, then the problem's 解决时限). */
export const DATE_KEYS: readonly FieldKey[] = [...projectKeysOf('date'), 'problem_due'];
export const DATE_FIELDS = new Set<FieldKey>(DATE_KEYS);

/** "1-10月", "1至10月", "1～10月": a year-to-date range. */
const MONTH_RANGE = /\d{1,2}\s*[-—–~～至到]\s*\d{1,2}\s*月/;

/**
 * Ordered: the first rule that matches wins, so the specific come before the general
 * (问题责任单位 before 责任单位, 开工以来累计完成 before 累计完成, 计划总投资 before 计划投资).
 */
const RULES: [FieldKey | IgnoredKey, RegExp][] = [
  ['contact', /^(项目)?联系人(姓名)?$|^(项目)?联系人及?电话$|^(项目)?负责人$|项目负责人/],
  ['ignored', /完成率|占比|序时|进度率|比例|百分比|排名|差距|灯|联系电话|电话|手机|备注|说明|审核|填报/],
  ['problem_unit', /问题.*(责任|牵头|解决)单位|协调单位|解决单位/],
  ['problem_due', /解决时限|完成时限|办结时限/],
  [
    'problem_text',
    /存在(的)?问题|问题及建议|困难(和|及)?问题|需(协调)?解决(的)?问题|^问题$|问题清单|制约因素/,
  ],
  ['seq', /^序号?$|^编?序号$/],
  ['id', /^(项目)?(编号|代码|编码)$/],
  ['name', /^(项目)?(名称|全称)$|^项目$/],
  ['nature', /建设性质|项目性质|^性质$|新建续建|项目类型/],
  ['stage', /建设阶段|项目阶段|项目状态|建设状态|^状态$|^阶段$|开工状态|建设情况$/],
  ['content', /建设内容|建设规模|主要内容/],
  ['completed_total', /开工以来|自开工|建设以来|至今累计|项目累计完成|累计完成总投资|累计完成投资总额/],
  ['total_investment', /总投资|投资总额|总规模/],
  ['completed_month', /^(本月|当月|月度)(完成)?(投资)?$|^(本月|当月|月度)完成|^\d{1,2}月份?完成/],
  [
    'completed_year',
    /累计完成|年度完成|本年完成|当年完成|年完成投资|已完成投资|^完成投资$|截至.*完成|投资完成(额|情况)?$/,
  ],
  [
    'annual_plan',
    /年度?(计划)?投资计划|年度?计划(投资)?|本年计划|当年计划|计划完成投资|^年度投资$|^计划投资$/,
  ],
  ['planned_start', /计划开工|^开工(时间|日期)$|拟开工/],
  ['actual_start', /实际开工|开复工(时间|日期)|复工(时间|日期)|实际开复工/],
  ['planned_finish', /计划(竣工|投产|完工|建成)|^(竣工|投产|完工|建成)(时间|日期)$/],
  ['actual_finish', /实际(竣工|投产|完工|建成)/],
  ['progress', /形象进度|进展|工程进度|推进情况|进度情况|建设进度|当前进度|^进度$/],
  ['leader', /包联|联系领导|分包领导|责任领导|县级领导|区级领导|市级领导|包抓/],
  ['unit', /责任单位|牵头单位|主管部门|责任部门|牵头部门|主管单位|推进单位|^单位$/],
  ['owner', /建设单位|项目业主|业主单位|项目单位|实施单位|建设主体|^业主$|项目法人|投资主体|企业名称/],
  ['area', /片区|园区|所在地|建设地点|乡镇|所属区域|建设地址|^区域$|^地点$/],
  ['industry', /产业类别|产业类型|行业|项目类别|^类别$|产业分类|^领域$|^产业$/],
];

export interface HeaderLabel {
  /** the header as written (parent and child joined with "/" for a two-row header) */
  raw: string;
  /** normalised, units and brackets removed */
  key: string;
  unit?: MoneyUnit;
}

const UNIT_IN_TEXT = /(?:单位[:：]?\s*)?(万元|亿元)|[（(]\s*(万|亿)\s*[)）]/;

/** The money unit a header or note names: （万元）, (亿元), 单位：亿元. */
export function unitIn(text: string): MoneyUnit | undefined {
  const m = UNIT_IN_TEXT.exec(toSimplified(text));
  const u = m?.[1] ?? m?.[2];
  return u === undefined ? undefined : u.startsWith('亿') ? '亿元' : '万元';
}

export function normalizeHeader(text: string): string {
  return toSimplified(text)
    .replace(/[\s\u3000\u200b]/g, '')
    .replace(/（/g, '(')
    .replace(/）/g, ')')
    .replace(/开\(复\)工/g, '开复工')
    .replace(/\((?:单位[:：]?)?(?:万元|亿元|万|亿|元)\)/g, '')
    .replace(/(?:单位[:：])(?:万元|亿元)/g, '')
    .replace(/\(([^)]*)\)/g, (_all, inner: string) => (/^(复|及规模|全称|含.*)$/.test(inner) ? '' : inner))
    .replace(/[:：*※]/g, '');
}

export function classify(label: string): FieldKey | IgnoredKey | undefined {
  const key = normalizeHeader(label);
  if (key === '') return undefined;
  // "1-10月完成投资", "1至9月累计完成": year to date, whatever the rest says
  if (MONTH_RANGE.test(key) && /完成/.test(key) && !/完成率/.test(key)) return 'completed_year';
  for (const [field, re] of RULES) if (re.test(key)) return field;
  return undefined;
}

/**
 * A header cell label from one row, or from two rows when the header spans two (a merged parent such as
 * "投资（万元）" over "总投资 | 年度计划"). The child decides the field; the parent gives the unit and, when
 * the child alone says nothing ("计划" under "2021年"), the context.
 */
export function headerLabel(top: string, bottom?: string): HeaderLabel {
  const t = top.trim();
  const b = (bottom ?? '').trim();
  if (b === '' || b === t) return { raw: t, key: normalizeHeader(t), ...unitOf(t) };
  if (t === '') return { raw: b, key: normalizeHeader(b), ...unitOf(b) };
  const unit = unitIn(b) ?? unitIn(t);
  const childField = classify(b);
  const key = childField !== undefined ? normalizeHeader(b) : normalizeHeader(t + b);
  return { raw: `${t}/${b}`, key, ...(unit ? { unit } : {}) };
}

function unitOf(text: string): { unit?: MoneyUnit } {
  const unit = unitIn(text);
  return unit ? { unit } : {};
}

/** The field of a (possibly two-row) header, with the parent's words when the child alone is not enough. */
export function classifyLabel(top: string, bottom?: string): FieldKey | IgnoredKey | undefined {
  const b = (bottom ?? '').trim();
  const t = top.trim();
  if (b === '' || b === t) return classify(t);
  if (t === '') return classify(b);
  // "年度计划投资" parent over "计划 | 完成": the joined words decide ("年度投资计划", "年度投资完成")
  const joined = classify(t + b);
  const child = classify(b);
  if (child === undefined) return joined;
  if (child === 'ignored') return child;
  if (joined !== undefined && joined !== 'ignored' && joined !== child && /年|月|累计/.test(t)) return joined;
  return child;
}
