// Table columns: how wide each is, what each cell shows, and sorting rows by a column.
// Pure; the view calls `cellText` only for the rows on screen, and `sortRows` belongs in a
// `useMemo` keyed on the rows and the sort, never in the per-keypress render path.

import { sanitizeText } from '../../../text/sanitize.js';
import { fitToWidth, type Align } from '../../../text/width.js';
import type { SortSpec } from './reducer.js';

export interface Column<Row> {
  key: string;
  title: string;
  /** Fixed width in columns. */
  width?: number;
  /** Share of the width left after fixed columns and gaps (default 1 when `width` is absent). */
  flex?: number;
  /** A flex column narrower than this is not worth showing (default 0). */
  minWidth?: number;
  /**
   * How much the column matters when the terminal is too narrow for all of them: columns with the
   * lowest `keep` are hidden first, the rightmost of equals first (default 0).
   */
  keep?: number;
  align?: Align;
  /** The cell text; default `String(row[key])`. Plain text: it is sanitized and cut to fit. */
  value?: (row: Row) => string;
  /** Ink colour of the cell text (e.g. 'red' for 红灯): keep a character too, colour fades on projectors. */
  color?: (row: Row) => string | undefined;
  bold?: (row: Row) => boolean;
  /** Sort key; default the cell text. Undefined values sort last in both directions. */
  sortValue?: (row: Row) => string | number | undefined;
}

/**
 * Widths for the columns in `total` columns with `gap` spaces between them. When the fixed widths
 * and the flex columns' `minWidth`s do not fit, whole columns are hidden (width 0; the view skips
 * them and their gap), the least kept first: a narrow window loses 包联领导 before 名称. Then fixed
 * columns get their width and flex columns share what is left (rounded down, leftover columns to
 * the first flex columns). Never wider than `total`: a single column too wide for it is cut.
 */
export function layoutColumns<Row>(columns: readonly Column<Row>[], total: number, gap = 1): number[] {
  const shown = columns.map(() => true);
  const need = () => {
    const visible = columns.filter((_, i) => shown[i]);
    const widths = visible.reduce((sum, c) => sum + (c.width ?? c.minWidth ?? 0), 0);
    return widths + Math.max(0, visible.length - 1) * gap;
  };
  while (need() > total && shown.filter(Boolean).length > 1) {
    let drop = -1;
    columns.forEach((c, i) => {
      if (shown[i] && (drop === -1 || (c.keep ?? 0) <= (columns[drop]!.keep ?? 0))) drop = i;
    });
    shown[drop] = false;
  }

  const visibleCount = shown.filter(Boolean).length;
  const fixed = columns.reduce((sum, c, i) => sum + (shown[i] ? (c.width ?? 0) : 0), 0);
  const gaps = Math.max(0, visibleCount - 1) * gap;
  const shares = columns.map((c, i) => (shown[i] && c.width === undefined ? (c.flex ?? 1) : 0));
  const totalShare = shares.reduce((a, b) => a + b, 0);
  const room = Math.max(0, total - fixed - gaps);
  const widths = columns.map((c, i) =>
    !shown[i]
      ? 0
      : c.width !== undefined
        ? c.width
        : totalShare > 0
          ? Math.floor((room * shares[i]!) / totalShare)
          : 0,
  );
  let leftover = room - widths.reduce((sum, w, i) => sum + (shares[i]! > 0 ? w : 0), 0);
  for (let i = 0; i < columns.length && leftover > 0 && totalShare > 0; i++) {
    if (shares[i]! > 0) {
      widths[i]!++;
      leftover--;
    }
  }
  // Never wider than the table: cut from the right.
  let used = 0;
  return widths.map((w) => {
    const start = used === 0 ? 0 : used + gap;
    const fit = Math.max(0, Math.min(w, total - start));
    if (fit > 0) used = start + fit;
    return fit;
  });
}

export function cellText<Row>(column: Column<Row>, row: Row): string {
  const raw = column.value ? column.value(row) : String((row as Record<string, unknown>)[column.key] ?? '');
  return sanitizeText(raw);
}

/** Cell text cut and padded to exactly `width` columns. */
export function formatCell<Row>(column: Column<Row>, row: Row, width: number): string {
  return fitToWidth(cellText(column, row), width, column.align ?? 'left');
}

// Built on first use: constructing it loads ICU's Chinese collation (~9 ms), which the app's
// first frame does not need (issue 5).
let zh: Intl.Collator | undefined;
const collator = (): Intl.Collator => (zh ??= new Intl.Collator('zh-Hans-CN', { numeric: true }));

/**
 * Rows sorted by `sort` (stable: equal keys keep their order); the same array when unsorted.
 * Strings compare in Chinese (pinyin) order with numbers inside compared by value.
 * Each key is computed once per row, so 10,000 rows sort in a few milliseconds.
 */
export function sortRows<Row>(
  rows: readonly Row[],
  columns: readonly Column<Row>[],
  sort: SortSpec | undefined,
): readonly Row[] {
  const column = sort && columns.find((c) => c.key === sort.column);
  if (!sort || !column) return rows;
  const key = column.sortValue ?? ((row: Row) => cellText(column, row));
  const sign = sort.direction === 'asc' ? 1 : -1;
  const decorated = rows.map((row, index) => ({ row, index, key: key(row) }));
  decorated.sort((a, b) => {
    if (a.key === undefined || b.key === undefined) {
      if (a.key === b.key) return a.index - b.index;
      return a.key === undefined ? 1 : -1;
    }
    const c =
      typeof a.key === 'number' && typeof b.key === 'number'
        ? a.key - b.key
        : collator().compare(String(a.key), String(b.key));
    return c !== 0 ? sign * c : a.index - b.index;
  });
  return decorated.map((d) => d.row);
}
