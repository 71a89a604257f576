// What `diaodu import` is asked (ImportOptions) and what it answers (ImportResult, ImportProblem).
import type { Diagnostic, IsoDate, MoneyUnit, Register } from '../../domain/types.js';

export interface ImportOptions {
  /** the worksheet to read; default: the one that looks like a register */
  sheet?: string;
  /** the register's money_unit; default: 亿元 when every amount column is in 亿元, else 万元 */
  moneyUnit?: MoneyUnit;
  /** register header fields; default: from a 台账信息 sheet, else from the title row */
  title?: string;
  region?: string;
  year?: number;
  asOf?: IsoDate;
  issuer?: string;
  /**
   * read every sheet that has a register header, the 责任单位 of each sheet's projects being the
   * sheet's name (done without asking when every sheet has the same header and none a 责任单位 column)
   */
  unitFromSheet?: boolean;
  /** progress lines for large imports (issue 9: the command writes them to stderr) */
  onProgress?: (line: string) => void;
}

export interface MappedColumn {
  /** the header as written ("投资（万元）/总投资" for a two-row header) */
  header: string;
  /** the register field (a key of docs/formats.md#project-keys) */
  field: string;
  /** column letter */
  column: string;
  /** the unit of an amount column */
  unit?: MoneyUnit;
}

/** A Diagnostic (file, line = row, column = column number) that also names the sheet and column letter. */
export interface ImportProblem extends Diagnostic {
  sheet: string;
  /** spreadsheet row (1-based); 0 when the problem is about the whole file or sheet */
  row: number;
  /** column letter, '' when not about one column */
  col: string;
  /** the column's header as written, when the problem is about one column */
  header?: string;
  /** the message without the place (`message` begins with 工作表“…”C5单元格（header）：) */
  detail: string;
}

export interface ImportResult {
  file: string;
  /** the sheet read (the first, when one sheet per 责任单位 was read) */
  sheet: string;
  /** every register sheet read: one, or one per 责任单位 (--unit-from-sheet) */
  read: string[];
  /** every sheet in the file */
  sheets: string[];
  /** the header row (the lower one of a two-row header); 0 when none was found */
  headerRow: number;
  mapped: MappedColumn[];
  /** headers not imported, as "备注（K列）" */
  ignored: string[];
  /** rows passed over on purpose: totals, group headings, notes under the table */
  skipped: { row: number; reason: string; sheet?: string }[];
  /** errors and warnings; any error means no YAML */
  problems: ImportProblem[];
  /** the register YAML; undefined when there is an error */
  yaml?: string;
  /** the register as `diaodu check` loads it from `yaml` */
  register?: Register;
  projectCount: number;
}
