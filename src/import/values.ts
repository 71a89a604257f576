// Reading the values of a 台账 spreadsheet's cells: amounts (with their unit), dates in the forms
// people type them, and the domain's enum values in their common spellings. Pure: no I/O.
import type { IsoDate, MoneyUnit, Nature, Stage } from '../domain/types.js';
import { normalizeEnumText } from '../domain/normalize.js';
import { toSimplified } from '../text/traditional.js';
import { fromFullwidth, fullDateParts, isoDateOf } from '../domain/values.js';

/** What a spreadsheet cell holds, once formulas, rich text and hyperlinks are looked through. */
export type CellContent =
  | { kind: 'empty' }
  | { kind: 'number'; n: number }
  | { kind: 'text'; s: string }
  | { kind: 'date'; d: Date }
  | { kind: 'error'; s: string };

export type Parsed<T> = { ok: true; value: T; note?: string } | { ok: false; message: string };

/** Amounts are held to 6 decimals: enough for 万元 to the cent and 亿元 to the yuan; no float noise. */
export function roundAmount(n: number): number {
  return Number(n.toFixed(6));
}

export function convertMoney(n: number, from: MoneyUnit, to: MoneyUnit): number {
  if (from === to) return n;
  return roundAmount(from === '亿元' ? n * 10000 : n / 10000);
}

/**
 * An amount in `unit` (the column's). A number cell is taken as it is; text may carry a unit of its own
 * ("3亿元", "3000万"), digits grouped with commas, full-width digits. Approximate or mixed text ("约3亿",
 * "3000左右", "待定") is refused with the reason. Dashes and slashes read as blank.
 */
export function parseMoney(content: CellContent, unit: MoneyUnit): Parsed<number | undefined> {
  if (content.kind === 'empty') return { ok: true, value: undefined };
  if (content.kind === 'number') {
    if (!Number.isFinite(content.n)) return { ok: false, message: '不是有效的数字' };
    if (content.n < 0) return { ok: false, message: `金额不能为负数（${content.n}）` };
    return { ok: true, value: roundAmount(content.n) };
  }
  if (content.kind === 'date') return { ok: false, message: '是日期，不是金额' };
  if (content.kind === 'error') return { ok: false, message: `单元格是公式错误（${content.s}）` };
  const raw = fromFullwidth(toSimplified(content.s)).replace(/[\s\u3000]/g, '');
  if (raw === '' || /^[-—–/\\]+$/.test(raw)) return { ok: true, value: undefined };
  const m = /^([0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(\.[0-9]+)?(万元|亿元|万|亿|元)?$/.exec(raw);
  if (!m) {
    const why = /约|左右|多|余|近|超|以上|以下|不足/.test(raw)
      ? '是估计的说法，不是确定的金额'
      : /%|％/.test(raw)
        ? '是百分数，不是金额'
        : '不是数字';
    return {
      ok: false,
      message: `“${content.s}”${why}；请填写数字${unit === '亿元' ? '（单位亿元），例如 3' : '（单位万元），例如 30000'}`,
    };
  }
  const n = Number((m[1] ?? '').replace(/,/g, '') + (m[2] ?? ''));
  const written = m[3];
  if (written === '元') return { ok: false, message: `“${content.s}”以元为单位；请换算成${unit}填写` };
  const from: MoneyUnit | undefined =
    written === undefined ? undefined : written.startsWith('亿') ? '亿元' : '万元';
  return { ok: true, value: from ? convertMoney(n, from, unit) : roundAmount(n) };
}

const pad = (n: number): string => String(n).padStart(2, '0');
const iso = (y: number, m: number, d: number): IsoDate => `${y}-${pad(m)}-${pad(d)}`;

/** Excel's serial day numbers (1900 date system) for a plain number in a date column. */
function fromSerial(n: number): Date {
  return new Date(Date.UTC(1899, 11, 30) + Math.round(n) * 86400000);
}

/**
 * A date as people type it in 台账: an Excel date cell, 2021-03-01, 2021/3/1, 2021.3.1, 2021年3月1日,
 * and month-only forms (2021.3, 2021年3月, 2021-03, a number 2021.03) which become the first of the
 * month with a note saying so. 2021.1 as a number is refused: Excel has dropped the 0 of 2021.10.
 */
export function parseDate(content: CellContent): Parsed<IsoDate | undefined> {
  if (content.kind === 'empty') return { ok: true, value: undefined };
  if (content.kind === 'error') return { ok: false, message: `单元格是公式错误（${content.s}）` };
  if (content.kind === 'date') {
    const d = content.d;
    if (Number.isNaN(d.getTime())) return { ok: false, message: '日期无效' };
    return { ok: true, value: iso(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()) };
  }
  if (content.kind === 'number') {
    const n = content.n;
    if (n >= 1900 && n < 2200 && !Number.isInteger(n)) {
      const year = Math.floor(n);
      const frac = Math.round((n - year) * 100);
      if (frac === 10) {
        return {
          ok: false,
          message: `数字 ${n} 无法确定是${year}年1月还是10月（Excel 会把 2021.10 存成 2021.1）；请写成文字“${year}年10月”或日期格式`,
        };
      }
      const month = frac % 10 === 0 ? frac / 10 : frac;
      if (month >= 1 && month <= 12) return monthOnly(year, month, String(n));
    }
    if (n > 10000 && n < 80000 && Number.isInteger(n)) {
      const d = fromSerial(n);
      return { ok: true, value: iso(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()) };
    }
    return { ok: false, message: `“${n}”不是日期；请写成 2021-03-01 或 2021年3月1日` };
  }
  const raw = fromFullwidth(toSimplified(content.s)).replace(/[\s\u3000]/g, '');
  if (raw === '' || /^[-—–/\\]+$/.test(raw) || /^(无|暂无|未定|待定|未开工|未竣工)$/.test(raw)) {
    return { ok: true, value: undefined };
  }
  const full = fullDateParts(raw);
  if (full) {
    const value = isoDateOf(full.year, full.month, full.day);
    return value === undefined ? { ok: false, message: `日期“${content.s}”不存在` } : { ok: true, value };
  }
  let m = /^(\d{4})[-./年](\d{1,2})月?(?:份)?(?:底|末)?$/.exec(raw);
  if (m) {
    const [y, mo] = [Number(m[1]), Number(m[2])];
    if (mo < 1 || mo > 12) return { ok: false, message: `日期“${content.s}”不存在（月份应为1-12）` };
    return monthOnly(y, mo, content.s, /底|末/.test(raw));
  }
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(raw);
  if (m) {
    const value = isoDateOf(Number(m[1]), Number(m[2]), Number(m[3]));
    return value === undefined ? { ok: false, message: `日期“${content.s}”不存在` } : { ok: true, value };
  }
  return { ok: false, message: `“${content.s}”不是日期；请写成 2021-03-01、2021年3月1日 或 2021.3` };
}

function monthOnly(year: number, month: number, written: string, endOfMonth = false): Parsed<IsoDate> {
  if (endOfMonth) {
    const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
    return {
      ok: true,
      value: iso(year, month, last),
      note: `“${written}”只写到月底，按${year}年${month}月${last}日计`,
    };
  }
  return { ok: true, value: iso(year, month, 1), note: `“${written}”只写到月份，按${year}年${month}月1日计` };
}

const NATURE_WORDS: Record<string, Nature> = {
  新建: '新建',
  新开工: '新建',
  新建项目: '新建',
  新开工项目: '新建',
  续建: '续建',
  续建项目: '续建',
  续建工程: '续建',
  前期: '前期',
  前期项目: '前期',
  预备: '前期',
  预备项目: '前期',
  谋划: '前期',
};

export function parseNature(text: string): Parsed<Nature> {
  const key = normalizeEnumText(toSimplified(text));
  const value = NATURE_WORDS[key];
  if (value) return { ok: true, value };
  return { ok: false, message: `建设性质“${text}”无法识别；应为 新建、续建 或 前期` };
}

const STAGE_WORDS: [RegExp, Stage][] = [
  [/^(停工|停建|暂停|缓建|停工待建|暂缓)/, '停工'],
  [/^(已?投产|投运|已投运|运营|试运行|试生产|已投入使用|投入使用)$/, '投产'],
  [/^(已?竣工|已?完工|已?建成|竣工验收)$/, '竣工'],
  [/^(在建|施工|建设中|施工中|已?开工|已?复工|开复工|续建|主体施工|正在建设|加快建设)$/, '在建'],
  [/^(前期|前期手续|前期手续办理中?|前期工作|未开工|拟开工|筹备|谋划|准备开工|待开工)$/, '前期'],
];

export function parseStage(text: string): Parsed<Stage> {
  const key = normalizeEnumText(toSimplified(text));
  for (const [re, stage] of STAGE_WORDS) if (re.test(key)) return { ok: true, value: stage };
  return { ok: false, message: `建设阶段“${text}”无法识别；应为 前期、在建、竣工、投产 或 停工` };
}

/** Text with no meaning in a text column: "无", "/", "—". */
export function isNothing(text: string): boolean {
  return /^(无|暂无|没有|\/|\\|-+|—+|–+)$/.test(text.replace(/[\s\u3000]/g, ''));
}

/**
 * "1.土地未摘牌；2.环评未批复" → two problems. Items numbered 1. 1、 (1) ① split; otherwise one problem.
 */
export function splitProblems(text: string): string[] {
  const t = text.trim();
  if (isNothing(t)) return [];
  const parts = t
    .split(/\s*(?:^|[\n；;。]\s*)(?=(?:\d{1,2}[.、．)）]|[（(]\d{1,2}[)）]|[①②③④⑤⑥⑦⑧⑨⑩]))/)
    .map((p) =>
      p
        .replace(/^(?:\d{1,2}[.、．)）]|[（(]\d{1,2}[)）]|[①②③④⑤⑥⑦⑧⑨⑩])\s*/, '')
        .replace(/[；;]\s*$/, '')
        .trim(),
    )
    .filter((p) => p !== '');
  return parts.length > 0 ? parts : [t];
}

// 形象进度 wording, for a sheet without a 建设阶段 column. Work on site wins (施工许可, 施工图 and
// 施工单位 are paperwork, "计划10月开工" a plan), then an explicit 未开工, then the paperwork of 前期.
const PLAN = '(?:即将|计划|拟|准备|力争|确保|预计|争取)';
/** a clause that says what is to come ("计划年底完成基础结构", "即将开工建设") */
const PLANNED_CLAUSE = new RegExp(`${PLAN}[^，,。；;]*`, 'g');
const FUTURE_START = new RegExp(`${PLAN}[^，,。；;]{0,8}开工`);
const PAPERWORK_NAMES = /施工(?:许可证?|图设计|图审查|图|单位招标|单位|队伍|招标|合同)/g;
const NOT_STARTED = /未开工|尚未开工|没有开工|未动工|待开工|未能[^，,。；;]{0,8}开工/;
const STARTED = new RegExp(
  [
    '已开工|开工建设|月(?:上旬|中旬|下旬|初|底|\\d+日)?开工|复工|在建|施工|主体|基础|浇筑|封顶|砌筑|安装',
    '铺设|摊铺|吊装|进场|开挖|桩基|土方|路基|装修|硬化|平整|削坡|种植|绿化|工程量|调试|试生产|试运行|上线',
    '启动建设|建成|建设进度|完成投资|完成\\d+(?:\\.\\d+)?%',
  ].join('|'),
);
const PAPERWORK =
  /前期|手续|办理|备案|立项|可研|选址|招标|招商|洽谈|规划|设计|环评|稳评|能评|用地|摘牌|征地|征收|报批|审批|核准|签约/;

/**
 * The stage a 形象进度 text states, or undefined when it does not say: "已竣工投产" 投产, "已竣工" 竣工,
 * "停工" 停工, "主体结构施工" 在建, "前期手续办理中" 前期.
 */
export function stageFromProgress(progress: string | undefined): Stage | undefined {
  if (progress === undefined) return undefined;
  const t = toSimplified(progress).replace(/[\s\u3000]/g, '');
  // "受疫情停工影响进度滞后" is a stoppage past, not the stage now
  if (/停工|停建|缓建/.test(t) && !/复工|停工(?:影响|后|期间)|受[^，,。；;]*停工/.test(t)) return '停工';
  if (/已(?:竣工|建成)?投产|正式投产|已投入(?:使用|运营|生产|试生产)|已投运|已运营/.test(t)) return '投产';
  // "已建成充电站7座" is part of the work done, not the project
  if (/已竣工|已完工|全面完工|竣工验收|全部完工|全部建成|项目已建成|^已建成$/.test(t)) return '竣工';
  const work = t.replace(PLANNED_CLAUSE, '，').replace(PAPERWORK_NAMES, '，');
  if (STARTED.test(work)) return '在建';
  if (NOT_STARTED.test(t) || FUTURE_START.test(t)) return '前期';
  if (PAPERWORK.test(t)) return '前期';
  return undefined;
}
