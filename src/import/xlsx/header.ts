// Finding the header row of a register sheet (one row, or two under merged cells) among its first rows,
// mapping each header to a register field (columns.ts), and the register header fields the title rows
// above it give (title, region, year, as_of).
import type { IsoDate, MoneyUnit } from '../../domain/types.js';
import { toSimplified } from '../../text/traditional.js';
import { classifyLabel, headerLabel, type FieldKey } from '../columns.js';
import type { Grid } from './grid.js';
import { PROJECT_SCHEMA } from '../../domain/schema.js';
import type { Meta } from './report.js';

export const HEADER_SCAN_ROWS = 15;

export interface ColumnMap {
  col: number;
  header: string;
  field: FieldKey;
  unit?: MoneyUnit;
}

export interface HeaderFound {
  row: number;
  /** rows the header takes (1 or 2) */
  span: 1 | 2;
  columns: ColumnMap[];
  ignored: { col: number; header: string; why?: string }[];
}

function scoreHeader(grid: Grid, row: number, span: 1 | 2): HeaderFound {
  const columns: ColumnMap[] = [];
  const ignored: { col: number; header: string }[] = [];
  for (let c = 1; c <= grid.cols; c++) {
    const top = grid.text(row, c);
    const bottom = span === 2 ? grid.text(row + 1, c) : undefined;
    if (top === '' && (bottom ?? '') === '') continue;
    const label = headerLabel(top, bottom);
    const field = classifyLabel(top, bottom);
    if (field === undefined || field === 'ignored') ignored.push({ col: c, header: label.raw });
    else columns.push({ col: c, header: label.raw, field, ...(label.unit ? { unit: label.unit } : {}) });
  }
  return { row: span === 2 ? row + 1 : row, span, columns, ignored };
}

export const headerScore = (h: HeaderFound): number =>
  new Set(h.columns.map((c) => c.field)).size + (h.columns.some((c) => c.field === 'name') ? 5 : 0);

/**
 * A row above a header that is the sheet's title and notes, not a parent header: one text, or only a
 * title ("平鲁区2021年重点项目台账", "…建设进度表") and notes ("单位：万元", "截至2021年9月30日").
 */
function titleRow(texts: string[]): boolean {
  if (texts.length < 2) return true;
  return texts.every((t) => {
    const s = toSimplified(t);
    return (
      (s.length >= 8 && /台账|表$|统计|一览|汇总|情况/.test(s)) ||
      /单位[:：]|截至|截止|填报|日期[:：]/.test(s)
    );
  });
}

/** The row (or pair of rows) among the first rows with the most known headers; it must name the project. */
export function findHeader(grid: Grid): HeaderFound | undefined {
  let best: HeaderFound | undefined;
  for (let r = 1; r <= Math.min(grid.rows, HEADER_SCAN_ROWS); r++) {
    if (grid.rowEmpty(r)) continue;
    for (const span of [1, 2] as const) {
      if (span === 2 && (r + 1 > grid.rows || grid.rowEmpty(r + 1))) continue;
      // a title in A1 (merged across or not) directly above the header is a title, not a parent header
      if (span === 2 && titleRow(grid.distinctTexts(r))) continue;
      const h = scoreHeader(grid, r, span);
      if (!h.columns.some((c) => c.field === 'name')) continue;
      if (!best || headerScore(h) > headerScore(best)) best = h;
    }
  }
  return best && new Set(best.columns.map((c) => c.field)).size >= 3 ? best : undefined;
}

/**
 * The columns a register sheet cannot do without: the schema's required project fields but the id (numbered
 * when absent), nature (group rows may give it) and stage (inferred from dates and progress).
 */
export const REQUIRED: FieldKey[] = PROJECT_SCHEMA.fields
  .filter((x) => x.required && !['id', 'nature', 'stage'].includes(x.key))
  .map((x) => x.key as FieldKey);

/** title / region / year / as_of / issuer from the rows above the header (and year-to-date headers). */
export function metaFromText(above: string[], headers: string[]): Meta & { asOfNote?: string } {
  const meta: Meta & { asOfNote?: string } = {};
  const simplified = above.map((t) => toSimplified(t));
  const title = simplified.find(
    (t) =>
      t.length >= 4 &&
      !/^(单位|截至|截止|填报|制表|日期|数据|附件|附表|表\d)/.test(t) &&
      !/^[\d\s.,-]+$/.test(t),
  );
  if (title) {
    meta.title = title.replace(/[（(](截至|截止)[^)）]*[)）]/, '').trim();
    const y = /(\d{4})\s*年/.exec(title);
    if (y) meta.year = Number(y[1]);
    const region = /^(.{2,12}?(?:新区|开发区|高新区|经开区|自治县|自治旗|市|区|县|旗|镇|乡))/.exec(
      meta.title.replace(/^关于/, ''),
    );
    if (region?.[1]) meta.region = region[1];
  }
  const all = simplified.join(' ');
  let m =
    /(?:截至|截止|数据截至|统计截至)[:：]?\s*(\d{4})\s*[年.\-/]\s*(\d{1,2})\s*[月.\-/]\s*(\d{1,2})\s*日?/.exec(
      all,
    );
  if (m) {
    meta.asOf = isoOf(Number(m[1]), Number(m[2]), Number(m[3]));
  } else {
    m = /(?:截至|截止)[:：]?\s*(\d{4})\s*年\s*(\d{1,2})\s*月(?:底|末)?/.exec(all);
    const range = /(\d{1,2})\s*[-—–~～至到]\s*(\d{1,2})\s*月/.exec(
      [all, ...headers.map((h) => toSimplified(h))].join(' '),
    );
    const year = meta.year;
    if (m) {
      meta.asOf = endOfMonth(Number(m[1]), Number(m[2]));
      meta.asOfNote = `数据截至日期按“${m[0].trim()}”取该月最后一天：${meta.asOf}；如不对请用 --as-of 指定。`;
    } else if (range && year) {
      meta.asOf = endOfMonth(year, Number(range[2]));
      meta.asOfNote = `表中写“${range[0]}”，数据截至日期按${year}年${Number(range[2])}月最后一天计：${meta.asOf}；如不对请用 --as-of 指定。`;
    }
  }
  const issuer = /(?:填报单位|报送单位|编制单位|制表单位)[:：]\s*([^\s\u3000]+)/.exec(all);
  if (issuer?.[1] && !/盖章/.test(issuer[1])) meta.issuer = issuer[1];
  if (meta.asOf && meta.year === undefined) meta.year = Number(meta.asOf.slice(0, 4));
  return meta;
}

const isoOf = (y: number, m: number, d: number): IsoDate =>
  `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
const endOfMonth = (y: number, m: number): IsoDate => isoOf(y, m, new Date(Date.UTC(y, m, 0)).getUTCDate());
