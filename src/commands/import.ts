// `diaodu import <台账.xlsx>`: turns a department's spreadsheet into a register YAML (the office
// helper's importer does the reading). Reports which columns were mapped and which ignored, rows
// passed over, and every row problem as 文件 工作表!C5. A register with errors is never written
// nor printed — not even the rows that did convert: a partial register would silently drop
// projects from every figure.
import { isValidIsoDate } from '../domain/dates.js';
import type { ImportOptions as ReaderOptions, ImportProblem } from '../import/xlsx-register.js';
import { safeLinesToEcho, safeToEcho } from '../text/sanitize.js';
import { guard, UsageError } from './errors.js';
import { resolvePath } from './paths.js';
import { writeOutput } from './output.js';
import type { CommandContext, CommandResult } from './context.js';

export interface ImportOptions {
  file: string;
  sheet?: string;
  out?: string;
  force?: boolean;
  /** register header fields the sheet may not give (strings as typed on the command line) */
  title?: string;
  region?: string;
  year?: string;
  asOf?: string;
  issuer?: string;
  moneyUnit?: string;
  /** one sheet per 责任单位: read them all, the unit being the sheet's name */
  unitFromSheet?: boolean;
}

/** Sheets read beside the register sheet (src/import/xlsx/extra-sheets.ts AUX_SHEETS). */
const AUX_SHEETS: readonly string[] = ['台账信息', '节点计划', '问题清单'];

/** Command-line strings → the reader's options, refusing values it could not use. */
function readerOptions(opts: ImportOptions): ReaderOptions {
  const o: ReaderOptions = {};
  if (opts.sheet !== undefined) o.sheet = opts.sheet;
  if (opts.title !== undefined) o.title = opts.title;
  if (opts.region !== undefined) o.region = opts.region;
  if (opts.issuer !== undefined) o.issuer = opts.issuer;
  if (opts.unitFromSheet) o.unitFromSheet = true;
  if (opts.year !== undefined) {
    if (!/^\d{4}$/.test(opts.year))
      throw new UsageError(`--year 应为四位年份，如 2021；收到“${opts.year}”。`);
    o.year = Number(opts.year);
  }
  if (opts.asOf !== undefined) {
    if (!isValidIsoDate(opts.asOf))
      throw new UsageError(`--as-of 应为存在的日期，写作 YYYY-MM-DD，如 2021-09-30；收到“${opts.asOf}”。`);
    o.asOf = opts.asOf;
  }
  if (opts.moneyUnit !== undefined) {
    if (opts.moneyUnit !== '万元' && opts.moneyUnit !== '亿元')
      throw new UsageError(`--money-unit 只能是 万元 或 亿元；收到“${opts.moneyUnit}”。`);
    o.moneyUnit = opts.moneyUnit;
  }
  return o;
}

/** "台账.xlsx 台账!C5: 错误：…" — the sheet and cell as Excel names them. */
export function importProblemLine(p: ImportProblem, file: string): string {
  const label = p.severity === 'error' ? '错误' : '警告';
  // A cell as Excel names it (台账!C5); a whole row or column in words (台账 第7行, 台账 C列).
  let where = '';
  if (p.col && p.row > 0) where = p.sheet ? ` ${p.sheet}!${p.col}${p.row}` : ` ${p.col}${p.row}`;
  else if (p.row > 0) where = `${p.sheet ? ` ${p.sheet}` : ''} 第${p.row}行`;
  else if (p.col) where = `${p.sheet ? ` ${p.sheet}` : ''} ${p.col}列`;
  else if (p.sheet) where = ` ${p.sheet}`;
  // the file name, sheet names and the detail (which may quote a path or a cell) echoed safe
  return safeLinesToEcho(`${file}${where}: ${label}：${p.detail}`);
}

export async function runImport(opts: ImportOptions, ctx: CommandContext): Promise<CommandResult> {
  return guard(async () => {
    const { importRegisterFromXlsx } = await import('../import/xlsx-register.js');
    const importOpts = readerOptions(opts);
    if (ctx.progress) importOpts.onProgress = ctx.progress;
    const result = await importRegisterFromXlsx(resolvePath(ctx, opts.file), importOpts);
    const report: string[] = [];
    if (result.sheet) {
      // The sheets `diaodu import` reads beside the register (节点计划, 问题清单, 台账信息 — the layout
      // registerToXlsx writes) are read, not passed over: say so rather than offer them to --sheet.
      const read = result.read.length > 0 ? result.read : [result.sheet];
      const others = result.sheets.filter((s) => !read.includes(s));
      const aux = others.filter((s) => AUX_SHEETS.includes(s));
      const rest = others.filter((s) => !AUX_SHEETS.includes(s));
      report.push(
        `工作表：${read.join('、')}${result.headerRow > 0 ? `（表头在第${result.headerRow}行）` : ''}` +
          (aux.length > 0 ? `；同时读取：${aux.join('、')}` : '') +
          (rest.length > 0 ? `；其他工作表：${rest.join('、')}（可用 --sheet 指定）` : ''),
      );
    }
    if (result.mapped.length > 0 || result.sheet) {
      // One column a line, so the list can be read against the spreadsheet (a single line of 21
      // columns runs to 700 characters).
      const letters = Math.max(1, ...result.mapped.map((m) => m.column.length));
      report.push(
        `已识别的列（${result.mapped.length}）：${result.mapped.length === 0 ? '无' : ''}`,
        ...result.mapped.map(
          (m) => `  ${m.column.padEnd(letters)}  ${m.header} → ${m.field}${m.unit ? `（${m.unit}）` : ''}`,
        ),
      );
    }
    if (result.ignored.length > 0)
      report.push(`未导入的列（${result.ignored.length}）：${result.ignored.join('、')}`);
    for (const s of result.skipped)
      report.push(`跳过${s.sheet !== undefined ? `工作表“${s.sheet}”` : ''}第${s.row}行：${s.reason}`);
    for (const p of result.problems) report.push(importProblemLine(p, opts.file));
    const errors = result.problems.filter((p) => p.severity === 'error').length;
    if (errors > 0 || result.yaml === undefined) {
      report.push(
        `共${errors}处错误，台账未${opts.out !== undefined ? '写入' : '输出'}（有错误时不生成部分台账）；请修改表格后重新导入。`,
      );
      return { stdout: '', stderr: `${report.join('\n')}\n`, exitCode: 2 };
    }
    report.push(`已转换${result.projectCount}个项目。`);
    if (opts.out === undefined) return { stdout: result.yaml, stderr: `${report.join('\n')}\n`, exitCode: 0 };
    const target = writeOutput(ctx, opts.out, result.yaml, opts.force ?? false);
    report.push(`已写入 ${safeToEcho(target)}`);
    return { stdout: '', stderr: `${report.join('\n')}\n`, exitCode: 0 };
  }, 'import');
}
