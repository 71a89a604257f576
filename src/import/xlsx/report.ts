// The importer's shared state: the register header found so far (Meta), each project read (ProjectOut),
// and the problems reported, each placed at its sheet, row and column (Reporter).
import type { IsoDate, LagRules, MoneyUnit } from '../../domain/types.js';
import { REGISTER_HEADER_SCHEMA, field } from '../../domain/schema.js';
import { columnLetter } from './grid.js';
import type { ImportProblem } from './types.js';

export interface Meta {
  title?: string;
  region?: string;
  year?: number;
  asOf?: IsoDate;
  issuer?: string;
  moneyUnit?: MoneyUnit;
  rules?: LagRules;
  /** the Word 版头/版记 keys (issuer_mark, doc_number, cc, printed_by), as the YAML writes them */
  office?: Record<string, string | string[]>;
}

/** 台账信息 rows of the 版头/版记 keys: label, YAML key. */
export const OFFICE_INFO: [string, string][] = ['issuer_mark', 'doc_number', 'cc', 'printed_by'].map(
  (key) => [field(REGISTER_HEADER_SCHEMA, key).label, key],
);

export interface ProjectOut {
  /** the sheet and row it was read from */
  sheet: string;
  row: number;
  /** the 项目编号 (or 序号) column, for messages */
  idCol?: { col: number; header: string };
  fields: Record<string, unknown>;
  problems: Record<string, unknown>[];
  milestones: Record<string, unknown>[];
}

export class Reporter {
  readonly problems: ImportProblem[] = [];
  constructor(
    private readonly file: string,
    private readonly sheetName: () => string,
  ) {}
  add(
    severity: 'error' | 'warning',
    where: { row: number; col?: number; header?: string; sheet?: string },
    message: string,
  ): void {
    const sheet = where.sheet ?? this.sheetName();
    const letter = where.col ? columnLetter(where.col) : '';
    const place =
      where.row === 0
        ? `工作表“${sheet}”`
        : letter
          ? `工作表“${sheet}”${letter}${where.row}单元格${where.header ? `（${where.header}）` : ''}`
          : `工作表“${sheet}”第${where.row}行`;
    this.problems.push({
      severity,
      file: this.file,
      line: Math.max(1, where.row),
      column: Math.max(1, where.col ?? 1),
      message: `${place}：${message}`,
      sheet,
      row: where.row,
      col: letter,
      ...(where.header ? { header: where.header } : {}),
      detail: message,
    });
  }
  fileError(message: string): void {
    this.problems.push({
      severity: 'error',
      file: this.file,
      line: 1,
      column: 1,
      message,
      sheet: '',
      row: 0,
      col: '',
      detail: message,
    });
  }
  get hasErrors(): boolean {
    return this.problems.some((p) => p.severity === 'error');
  }
}
