// A worksheet read into memory as cell contents (formulas, rich text and hyperlinks looked through).
import type ExcelJS from 'exceljs';
import { sanitizeText } from '../../text/sanitize.js';
import type { CellContent } from '../values.js';

export function columnLetter(col: number): string {
  let letters = '';
  for (let c = col; c > 0; c = Math.floor((c - 1) / 26))
    letters = String.fromCharCode(65 + ((c - 1) % 26)) + letters;
  return letters;
}

/** What a cell holds, looking through formulas, rich text, hyperlinks and merged cells. */
export function cellContent(value: ExcelJS.CellValue): CellContent {
  if (value === null || value === undefined) return { kind: 'empty' };
  if (typeof value === 'number') return { kind: 'number', n: value };
  if (typeof value === 'boolean') return { kind: 'text', s: value ? 'TRUE' : 'FALSE' };
  if (typeof value === 'string') {
    const s = sanitizeText(value, { multiline: true }).trim();
    return s === '' ? { kind: 'empty' } : { kind: 'text', s };
  }
  if (value instanceof Date) return { kind: 'date', d: value };
  if (typeof value === 'object') {
    if ('richText' in value) return cellContent(value.richText.map((r) => r.text).join(''));
    if ('error' in value) return { kind: 'error', s: String(value.error) };
    if ('result' in value) return cellContent((value.result ?? null) as ExcelJS.CellValue);
    if ('formula' in value || 'sharedFormula' in value) return { kind: 'empty' };
    if ('text' in value) return cellContent(value.text as ExcelJS.CellValue);
  }
  return { kind: 'text', s: String(value as unknown) };
}

export function contentText(c: CellContent): string {
  switch (c.kind) {
    case 'empty':
      return '';
    case 'number':
      return String(c.n);
    case 'text':
      return c.s;
    case 'date':
      return Number.isNaN(c.d.getTime()) ? '' : c.d.toISOString().slice(0, 10);
    case 'error':
      return c.s;
  }
}

/** A sheet read into memory: grid[r][c], 1-based (index 0 unused). */
export class Grid {
  readonly rows: number;
  readonly cols: number;
  private readonly cells: CellContent[][];
  /**
   * Only cells that hold something are visited: a sheet formatted down to row 1048576 or across to
   * column XFD costs no more than its contents. rows/cols are the last row and column with a value.
   */
  constructor(ws: ExcelJS.Worksheet) {
    let rows = 0;
    let cols = 0;
    this.cells = [];
    ws.eachRow({ includeEmpty: false }, (wr, r) => {
      const row: CellContent[] = [];
      wr.eachCell({ includeEmpty: false }, (cell, c) => {
        const content = cellContent(cell.value);
        if (content.kind === 'empty') return;
        row[c] = content;
        rows = Math.max(rows, r);
        cols = Math.max(cols, c);
      });
      this.cells[r] = row;
    });
    this.rows = rows;
    this.cols = cols;
  }
  at(r: number, c: number): CellContent {
    return this.cells[r]?.[c] ?? { kind: 'empty' };
  }
  text(r: number, c: number): string {
    return contentText(this.at(r, c)).replace(/\s+/g, ' ').trim();
  }
  rowEmpty(r: number): boolean {
    for (let c = 1; c <= this.cols; c++) if (this.at(r, c).kind !== 'empty') return false;
    return true;
  }
  distinctTexts(r: number): string[] {
    const seen: string[] = [];
    for (let c = 1; c <= this.cols; c++) {
      const t = this.text(r, c);
      if (t !== '' && !seen.includes(t)) seen.push(t);
    }
    return seen;
  }
  get empty(): boolean {
    for (let r = 1; r <= this.rows; r++) if (!this.rowEmpty(r)) return false;
    return true;
  }
}
