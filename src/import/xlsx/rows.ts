// Reading the rows of a register sheet under its header: one project per row (amounts in the register's
// unit, dates, enums), totals, group headings and notes passed over, the sheet's own totals checked,
// stages inferred where the sheet has none.
import type ExcelJS from 'exceljs';
import type { IsoDate, MoneyUnit } from '../../domain/types.js';
import { sanitizeText } from '../../text/sanitize.js';
import { toSimplified } from '../../text/traditional.js';
import { DATE_KEYS, FIELD_LABEL, MONEY_FIELDS, MONEY_KEYS, unitIn, type FieldKey } from '../columns.js';
import {
  convertMoney,
  isNothing,
  parseDate,
  parseMoney,
  parseNature,
  parseStage,
  roundAmount,
  splitProblems,
  stageFromProgress,
} from '../values.js';
import { AUX_SHEETS } from './extra-sheets.js';
import { Grid, columnLetter, contentText } from './grid.js';
import { HEADER_SCAN_ROWS, REQUIRED, findHeader, metaFromText, type ColumnMap } from './header.js';
import type { Meta, ProjectOut, Reporter } from './report.js';
import type { ImportOptions, MappedColumn } from './types.js';

const TOTALS = /^(合计|总计|小计|共计|汇总|累计)|(合计|总计|小计)$/;
const NOTE_ROW =
  /^(注|备注|说明|填报人?|填报单位|制表人?|审核人?|报送单位|联系人|单位负责人|数据来源)\s*[:：]/;
const GROUP_NATURE = /(新建|续建|前期|预备)/;

/** One register sheet read: its header, its projects and what was passed over. */
export interface SheetRead {
  name: string;
  headerRow: number;
  columns: ColumnMap[];
  mapped: MappedColumn[];
  ignored: string[];
  skipped: { row: number; reason: string }[];
  projects: ProjectOut[];
  registerUnit: MoneyUnit;
  guessed: Meta & { asOfNote?: string };
}

export interface SheetContext {
  rep: Reporter;
  opts: ImportOptions;
  info: Meta;
  /** the 责任单位 is the sheet's name where the sheet has no 责任单位 column (or the cell is blank) */
  unitFromSheet: boolean;
  /** more than one sheet is read: 序号 restarts in each, so projects are numbered across sheets */
  multi: boolean;
  /** the register's unit when an earlier sheet or an option settled it */
  registerUnit: MoneyUnit | undefined;
  /** the ordinal of the sheet's first project (XM-001 …) */
  first: number;
}

/** "备注：本表金额单位为亿元", "（金额单位：亿元）", "单位：万元" in a note under the table. */
const UNIT_NOTE = /(?:金额|投资|资金)?(?:计量)?单位(?:为|是|均为|统一为)?[:：]?\s*(万元|亿元)/;

export function readSheet(ws: ExcelJS.Worksheet, ctx: SheetContext): SheetRead | undefined {
  const { rep, opts, info } = ctx;
  const grid = new Grid(ws);
  if (grid.empty) {
    rep.add('error', { row: 0 }, '工作表是空的，没有可导入的内容。');
    return undefined;
  }

  // ---- header ----
  const header = findHeader(grid);
  if (!header) {
    rep.add(
      'error',
      { row: 0 },
      `前${Math.min(grid.rows, HEADER_SCAN_ROWS)}行中找不到表头行：表头至少要有“项目名称”列和另外两个可识别的列（如 建设性质、责任单位、总投资、年度计划投资、年度累计完成投资）。`,
    );
    return undefined;
  }
  const headerTop = header.span === 2 ? header.row - 1 : header.row;
  const byField = new Map<FieldKey, ColumnMap[]>();
  for (const c of header.columns) byField.set(c.field, [...(byField.get(c.field) ?? []), c]);
  for (const [field, cols] of byField) {
    if (cols.length > 1) {
      rep.add(
        'error',
        { row: header.row, col: cols[1]?.col },
        `${cols.map((c) => `${columnLetter(c.col)}列“${c.header}”`).join('和')}都对应“${FIELD_LABEL[field]}”，无法确定用哪一列；请删去或改名其中一列。`,
      );
    }
  }
  const col = (field: FieldKey): ColumnMap | undefined => byField.get(field)?.[0];

  // ---- the money unit: headers, a note above the header, a note under the table ----
  const above: string[] = [];
  for (let r = 1; r < headerTop; r++) above.push(...grid.distinctTexts(r));
  const sheetUnit = above.map(unitIn).find((u) => u !== undefined);
  const moneyCols = header.columns.filter((c) => MONEY_FIELDS.has(c.field));
  let belowUnit: { unit: MoneyUnit; row: number; text: string } | undefined;
  for (let r = header.row + 1; r <= grid.rows; r++) {
    if (moneyCols.some((c) => grid.at(r, c.col).kind === 'number')) continue;
    const text = grid.distinctTexts(r).join(' ');
    const m = UNIT_NOTE.exec(toSimplified(text));
    if (m?.[1]) {
      belowUnit = { unit: m[1] === '亿元' ? '亿元' : '万元', row: r, text };
      break;
    }
  }
  if (belowUnit) {
    const note = belowUnit;
    const clash = [
      ...moneyCols
        .filter((c) => c.unit !== undefined && c.unit !== note.unit)
        .map((c) => `表头“${c.header}”`),
      ...(sheetUnit !== undefined && sheetUnit !== note.unit ? [`表头上方的说明`] : []),
    ];
    if (clash.length > 0) {
      const other = note.unit === '亿元' ? '万元' : '亿元';
      rep.add(
        'error',
        { row: note.row },
        `表下说明“${note.text.slice(0, 30)}”写金额单位为${note.unit}，而${clash.join('、')}写的是${other}；请改正其中一处后重新导入。`,
      );
    }
  }
  const stated = sheetUnit ?? belowUnit?.unit;
  // A sheet that names no unit anywhere: --money-unit (or 台账信息's 金额单位) says what its amounts are in.
  const unnamed = stated === undefined && moneyCols.every((c) => c.unit === undefined);
  const unitOfCol = (c: ColumnMap): MoneyUnit =>
    c.unit ?? stated ?? (unnamed ? (opts.moneyUnit ?? info.moneyUnit) : undefined) ?? '万元';

  const guessed = metaFromText(
    above,
    header.columns.map((c) => c.header),
  );
  const registerUnit: MoneyUnit =
    ctx.registerUnit ??
    (moneyCols.length > 0 && moneyCols.every((c) => unitOfCol(c) === '亿元') ? '亿元' : '万元');

  const mapped: MappedColumn[] = header.columns.map((c) => ({
    header: c.header,
    field: c.field,
    column: columnLetter(c.col),
    ...(MONEY_FIELDS.has(c.field) ? { unit: unitOfCol(c) } : {}),
  }));
  const ignored = header.ignored.map((c) => `${c.header}（${columnLetter(c.col)}列）`);
  if (col('id') && col('seq')) {
    const seq = col('seq')!;
    ignored.push(`${seq.header}（${columnLetter(seq.col)}列，已有项目编号列）`);
  }
  const problemsSheet = ws.workbook.getWorksheet(AUX_SHEETS.problems);
  if (problemsSheet && col('problem_text')) {
    const p = col('problem_text')!;
    ignored.push(`${p.header}（${columnLetter(p.col)}列，问题以“${AUX_SHEETS.problems}”工作表为准）`);
  }

  for (const field of REQUIRED) {
    if (field === 'unit' && ctx.unitFromSheet) continue;
    if (!col(field)) {
      rep.add(
        'error',
        { row: header.row },
        `找不到“${FIELD_LABEL[field]}”列（表头第${header.row}行）；请在表头中加上这一列，或把相应的列名改为“${FIELD_LABEL[field]}”` +
          (field === 'unit'
            ? '（每个工作表是一个责任单位时，可加 --unit-from-sheet，责任单位取工作表名称）。'
            : '。'),
      );
    }
  }
  if (!col('stage')) {
    rep.add(
      'warning',
      { row: header.row },
      '没有“建设阶段”列：已按实际开工、竣工时间，形象进度的说法（如“主体施工”“前期手续办理中”“已竣工投产”），' +
        '和开工时间是否已到数据截至日期推定（续建项目为在建）；请导入后核对。',
    );
  }
  if (!col('id') && !col('seq')) {
    rep.add('warning', { row: header.row }, '没有“项目编号”或“序号”列：已按行序编号 XM-001、XM-002……');
  }

  // ---- rows ----
  const projects: ProjectOut[] = [];
  const skipped: { row: number; reason: string }[] = [];
  const blanks = new Map<FieldKey, number[]>();
  // 合计 rows, checked against the projects once all are read: where they stand among the projects
  const totals: { row: number; at: number; mark: number }[] = [];
  const marks: number[] = [0];
  let groupNature: string | undefined;
  const nameCol = col('name');
  const idCol = col('id') ?? col('seq');
  for (let r = header.row + 1; r <= grid.rows; r++) {
    if (grid.rowEmpty(r)) continue;
    const nameText = nameCol ? grid.text(r, nameCol.col) : '';
    const lead = [1, 2, 3].map((c) => grid.text(r, c).replace(/\s/g, ''));
    const idText = idCol ? grid.text(r, idCol.col).replace(/\s/g, '') : '';
    if ([nameText.replace(/\s/g, ''), idText, ...lead].some((t) => TOTALS.test(t))) {
      skipped.push({ row: r, reason: '合计行' });
      totals.push({ row: r, at: projects.length, mark: marks[marks.length - 1] ?? 0 });
      marks.push(projects.length);
      continue;
    }
    const texts = grid.distinctTexts(r);
    const hasAmounts = moneyCols.some((c) => grid.at(r, c.col).kind === 'number');
    if (
      (texts[0] !== undefined && NOTE_ROW.test(texts[0]) && !hasAmounts) ||
      (nameText === '' && !hasAmounts)
    ) {
      const text = texts.join(' ');
      if (NOTE_ROW.test(texts[0] ?? '')) {
        skipped.push({ row: r, reason: `表下说明“${text.slice(0, 20)}”` });
      } else {
        skipped.push({ row: r, reason: `分组行“${text.slice(0, 20)}”` });
        marks.push(projects.length);
        const m = GROUP_NATURE.exec(toSimplified(text));
        groupNature = m ? (m[1] === '预备' ? '前期' : m[1]) : groupNature;
      }
      continue;
    }
    if (texts.length === 1 && !hasAmounts && nameText !== '' && header.columns.length > 2) {
      // a heading merged across the whole row ("一、新建项目（45个）")
      skipped.push({ row: r, reason: `分组行“${nameText.slice(0, 20)}”` });
      marks.push(projects.length);
      const m = GROUP_NATURE.exec(toSimplified(nameText));
      groupNature = m ? (m[1] === '预备' ? '前期' : m[1]) : groupNature;
      continue;
    }
    if (nameText === '') {
      rep.add('error', { row: r, col: nameCol?.col, header: nameCol?.header }, '有数据但没有项目名称。');
      continue;
    }
    const p = readRow(grid, r, byField, unitOfCol, registerUnit, rep, blanks, groupNature, {
      ordinal: ctx.first + projects.length,
      numberRows: ctx.multi && !col('id'),
      sheetUnit: ctx.unitFromSheet ? sanitizeText(ws.name).trim() : undefined,
    });
    p.sheet = ws.name;
    if (idCol) p.idCol = { col: idCol.col, header: idCol.header };
    projects.push(p);
  }
  marks.push(projects.length);
  for (const [field, rows] of blanks) {
    const c = col(field)!;
    rep.add(
      'warning',
      { row: rows[0] ?? header.row, col: c.col, header: c.header },
      `${rows.length}行的“${FIELD_LABEL[field]}”为空，按0计（第${summarizeRows(rows)}行）。`,
    );
  }
  checkTotals(grid, totals, marks, projects, moneyCols, unitOfCol, registerUnit, rep);

  // amounts that look like 亿元 in a sheet that names no unit and is read as 万元
  const totalCol = col('total_investment');
  if (unnamed && totalCol && unitOfCol(totalCol) === '万元') {
    const amounts = projects
      .map((p) => p.fields.total_investment)
      .filter((n): n is number => typeof n === 'number' && n > 0)
      .sort((a, b) => a - b);
    const median = amounts[Math.floor(amounts.length / 2)];
    if (median !== undefined && median < SMALLEST_LIKELY_WAN) {
      rep.add(
        'error',
        { row: header.row, col: totalCol.col, header: totalCol.header },
        `表中没有写明金额单位；按万元计，总投资的中位数只有${median}万元，像是以亿元填写。请在表头注明单位（如“总投资（亿元）”），` +
          `或用 --money-unit 说明表中金额的单位（--money-unit 亿元；确是万元时 --money-unit 万元）。`,
      );
    }
  }

  return {
    name: ws.name,
    headerRow: header.row,
    columns: header.columns,
    mapped,
    ignored,
    skipped,
    projects,
    registerUnit,
    guessed,
  };
}

/**
 * Below this median 总投资, in 万元, a sheet that names no unit is taken to be in 亿元: a key project of
 * less than 1,000,000 yuan is rare; a sheet in 亿元 read as 万元 is 10,000 times too small.
 */
const SMALLEST_LIKELY_WAN = 100;

/**
 * Each 合计 row against its projects: all of the sheet's, those since the last group or total row
 * (a 小计), or those up to the next (a total written above its projects). A warning when none match.
 */
function checkTotals(
  grid: Grid,
  totals: { row: number; at: number; mark: number }[],
  marks: number[],
  projects: ProjectOut[],
  moneyCols: ColumnMap[],
  unitOfCol: (c: ColumnMap) => MoneyUnit,
  registerUnit: MoneyUnit,
  rep: Reporter,
): void {
  for (const t of totals) {
    const next = marks.find((m) => m > t.at) ?? projects.length;
    const spans: [number, number][] = [
      [0, projects.length],
      [t.mark, t.at],
      [t.at, next],
    ];
    for (const c of moneyCols) {
      const cell = grid.at(t.row, c.col);
      const written = parseMoney(cell, unitOfCol(c));
      if (!written.ok || written.value === undefined) continue;
      const unit = unitOfCol(c);
      const sums = spans
        .filter(([a, b]) => b > a)
        .map(([a, b]) => {
          let sum = 0;
          for (const p of projects.slice(a, b)) {
            const v = p.fields[c.field];
            if (typeof v === 'number') sum += v;
          }
          return roundAmount(convertMoney(sum, registerUnit, unit));
        });
      if (sums.length === 0) continue;
      const total = written.value;
      if (sums.some((s) => Math.abs(s - total) <= 0.01)) continue;
      const sum = sums[0]!;
      rep.add(
        'warning',
        { row: t.row, col: c.col, header: c.header },
        `合计行为${total}，各项目之和为${sum}（相差${roundAmount(Math.abs(total - sum))}）；请核对是否漏行、多行或合计有误。`,
      );
    }
  }
}

/**
 * The stage of the projects a sheet without 建设阶段 did not settle (新建, nothing in the row says):
 * a 开工时间 after the data date is 前期; one on or before it is 在建 when the column does not say
 * 计划; a blank 实际开工时间 is 前期. Any left are one error asking for the column.
 */
export function inferStages(projects: ProjectOut[], read: SheetRead[], asOf: IsoDate, rep: Reporter): void {
  const open = new Map<string, number[]>();
  for (const p of projects) {
    if (p.fields.stage !== undefined) continue;
    const sheet = read.find((s) => s.name === p.sheet);
    // with a 建设阶段 column a missing stage is the cell's error, already reported
    if (sheet?.columns.some((c) => c.field === 'stage')) continue;
    const start = sheet?.columns.find((c) => c.field === 'planned_start');
    const plannedStart = p.fields.planned_start as string | undefined;
    if (plannedStart !== undefined && plannedStart > asOf) p.fields.stage = '前期';
    else if (plannedStart !== undefined && start && !/计划|拟/.test(toSimplified(start.header)))
      p.fields.stage = '在建';
    else if (sheet?.columns.some((c) => c.field === 'actual_start')) p.fields.stage = '前期';
    else open.set(p.sheet, [...(open.get(p.sheet) ?? []), p.row]);
  }
  for (const [sheet, rows] of open) {
    rep.add(
      'error',
      { row: 0, sheet },
      `没有“建设阶段”列，${rows.length}个新建项目（第${summarizeRows(rows)}行）无法判断是否已开工：没有实际开工时间，` +
        `形象进度也没有说明。这些项目是否已开工？请在表中加“建设阶段”列（前期、在建、竣工、投产、停工），或填写“实际开工时间”列后重新导入；` +
        `不会一律按前期计（那样会把已开工的项目算作未开工，红灯和新开工率都会错）。`,
    );
  }
}

function summarizeRows(rows: number[]): string {
  return rows.length <= 8 ? rows.join('、') : `${rows.slice(0, 8).join('、')}等`;
}

function readRow(
  grid: Grid,
  r: number,
  byField: Map<FieldKey, ColumnMap[]>,
  unitOfCol: (c: ColumnMap) => MoneyUnit,
  registerUnit: MoneyUnit,
  rep: Reporter,
  blanks: Map<FieldKey, number[]>,
  groupNature: string | undefined,
  place: {
    /** the project's place in the register, for XM-001 numbers */
    ordinal: number;
    /** number the project XM-… even when the sheet has 序号 (one sheet per unit: 序号 restarts) */
    numberRows: boolean;
    /** the 责任单位 when the row has none: the sheet's name (--unit-from-sheet) */
    sheetUnit: string | undefined;
  },
): ProjectOut {
  const col = (f: FieldKey): ColumnMap | undefined => byField.get(f)?.[0];
  const err = (f: FieldKey, message: string): void => {
    const c = col(f);
    rep.add('error', { row: r, col: c?.col, header: c?.header }, message);
  };
  // an Excel error value (#DIV/0!, #N/A, #REF!) is never text: one error for the cell, none after
  const errored = new Set<FieldKey>();
  const cellText = (f: FieldKey): string => {
    const c = col(f);
    if (!c) return '';
    const content = grid.at(r, c.col);
    if (content.kind === 'error') {
      if (!errored.has(f)) err(f, `单元格是公式错误（${content.s}）；请修正公式或填写内容`);
      errored.add(f);
      return '';
    }
    return contentText(content).trim();
  };
  const text = (f: FieldKey): string | undefined => {
    const t = cellText(f);
    return t === '' || isNothing(t) ? undefined : t;
  };
  const out: Record<string, unknown> = {};
  const idField: FieldKey | undefined = col('id') ? 'id' : col('seq') ? 'seq' : undefined;
  const idText = idField && !(place.numberRows && idField === 'seq') ? cellText(idField) : '';
  out.id = idText !== '' ? idText : `XM-${String(place.ordinal).padStart(3, '0')}`;
  out.name = cellText('name').replace(/\s*\n\s*/g, '');

  const natureText = text('nature');
  if (natureText !== undefined) {
    const n = parseNature(natureText);
    if (n.ok) out.nature = n.value;
    else err('nature', n.message);
  } else if (groupNature) {
    out.nature = groupNature;
  } else {
    err(
      'nature',
      col('nature')
        ? '建设性质为空；应为 新建、续建 或 前期。'
        : '没有“建设性质”列，也不在“新建项目/续建项目”分组下；无法确定建设性质。',
    );
  }

  const dates: Record<string, string | undefined> = {};
  for (const f of DATE_KEYS) {
    const c = col(f);
    if (!c) continue;
    const d = parseDate(grid.at(r, c.col));
    if (!d.ok) err(f, d.message);
    else {
      dates[f] = d.value;
      if (d.note) rep.add('warning', { row: r, col: c.col, header: c.header }, d.note);
    }
  }

  const stageText = text('stage');
  const progress = text('progress');
  if (stageText !== undefined) {
    const s = parseStage(stageText);
    if (s.ok) out.stage = s.value;
    else err('stage', s.message);
  } else if (col('stage')) {
    if (!errored.has('stage')) err('stage', '建设阶段为空；应为 前期、在建、竣工、投产 或 停工。');
  } else {
    // no 建设阶段 column: what the row says; a 新建 project it says nothing of is settled by
    // inferStages once the data date is known (or asked about)
    const said = stageFromProgress(progress);
    if (said === '投产' || said === '竣工' || said === '停工') out.stage = said;
    else if (dates.actual_finish) out.stage = '竣工';
    else if (dates.actual_start || out.nature === '续建') out.stage = '在建';
    else if (said !== undefined) out.stage = said;
    else if (out.nature === '前期') out.stage = '前期';
  }

  const unitText = text('unit');
  if (unitText !== undefined) out.unit = unitText;
  else if (place.sheetUnit) out.unit = place.sheetUnit;
  else if (col('unit') && !errored.has('unit')) err('unit', '责任单位为空。');
  for (const f of ['leader', 'owner', 'area', 'industry', 'content'] as const) {
    const t = text(f);
    if (t !== undefined) out[f] = t;
  }

  for (const f of MONEY_KEYS) {
    const c = col(f);
    if (!c) continue;
    const m = parseMoney(grid.at(r, c.col), unitOfCol(c));
    if (!m.ok) {
      err(f, m.message);
      continue;
    }
    if (m.value === undefined) {
      if (f === 'total_investment') err(f, '总投资为空；请填写金额（没有请填 0）。');
      else if (f === 'annual_plan' || f === 'completed_year') {
        blanks.set(f, [...(blanks.get(f) ?? []), r]);
        out[f] = 0;
      }
      continue;
    }
    out[f] = convertMoney(m.value, unitOfCol(c), registerUnit);
  }
  for (const f of ['planned_start', 'actual_start', 'planned_finish', 'actual_finish'] as const) {
    if (dates[f]) out[f] = dates[f];
  }
  if (progress !== undefined) out.progress = progress.replace(/\s*\n\s*/g, '；');
  const contact = text('contact');
  if (contact !== undefined) out.contact = contact;

  const problems: Record<string, unknown>[] = [];
  const problemText = text('problem_text');
  if (problemText !== undefined) {
    const unit = text('problem_unit');
    for (const p of splitProblems(problemText)) {
      problems.push({
        text: p,
        ...(unit ? { unit } : {}),
        ...(dates.problem_due ? { due: dates.problem_due } : {}),
      });
    }
  }
  return { sheet: '', row: r, fields: out, problems, milestones: [] };
}
