// The table as text: a header row and only the rows on screen. No state, no keys.
//
// Speed (issue 5: a keypress in a 10,000-row list within 10 ms): each row's formatted line is kept
// while the columns and their widths stay the same, and a row is a memoised element, so moving the
// cursor formats nothing and re-renders two rows; Ink then re-measures only the rows that changed.
// Rows are taken as immutable values: a row whose content changes must be a new value.

import { Box, Text } from 'ink';
import React, { memo, useMemo } from 'react';
import { fitToWidth, truncateToWidth } from '../../../text/width.js';
import { cellText, layoutColumns, type Column } from './columns.js';
import type { SortSpec } from './reducer.js';

export interface TableProps<Row> {
  columns: readonly Column<Row>[];
  /** All rows, already filtered and sorted; only `height` of them from `scrollOffset` are drawn. */
  rows: readonly Row[];
  selectedIndex: number;
  scrollOffset: number;
  /** Body rows on screen (the header comes on top of these). */
  height: number;
  /** Total width in columns. */
  width: number;
  /** Marks the sorted column's title with ↑ or ↓. */
  sort?: SortSpec;
  /** Spaces between columns. Default 1. */
  gap?: number;
  /** Default true. */
  showHeader?: boolean;
  /** Draws the selected row in inverse video. Default true; false when another widget has focus. */
  focused?: boolean;
  /** Shown when there are no rows. */
  emptyText?: string;
  rowKey?: (row: Row, index: number) => string;
}

interface Segment {
  text: string;
  color?: string;
  bold?: boolean;
}

/** One line as segments: plain runs merged, styled cells kept apart. */
function rowSegments<Row>(
  columns: readonly Column<Row>[],
  widths: number[],
  row: Row,
  gap: number,
): Segment[] {
  const out: Segment[] = [];
  const push = (s: Segment) => {
    const last = out[out.length - 1];
    if (last && !last.color && !last.bold && !s.color && !s.bold) last.text += s.text;
    else out.push(s);
  };
  let first = true;
  columns.forEach((column, i) => {
    const w = widths[i] ?? 0;
    if (w <= 0) return;
    if (!first) push({ text: ' '.repeat(gap) });
    first = false;
    const text = fitToWidth(cellText(column, row), w, column.align ?? 'left');
    const color = column.color?.(row);
    const bold = column.bold?.(row) ?? false;
    push({ text, ...(color ? { color } : {}), ...(bold ? { bold } : {}) });
  });
  return out;
}

/** Rows' lines cached at most this many at a time (a long scroll through 10,000 rows stays small). */
const MAX_CACHED_ROWS = 4000;

/** One body row: re-rendered only when its line or its selection changes. */
const RowLine = memo(function RowLine(props: { segments: readonly Segment[]; selected: boolean }) {
  return (
    <Text inverse={props.selected}>
      {props.segments.map((s, j) =>
        s.color || s.bold ? (
          <Text key={j} color={s.color} bold={s.bold}>
            {s.text}
          </Text>
        ) : (
          s.text
        ),
      )}
    </Text>
  );
});

function headerLine<Row>(
  columns: readonly Column<Row>[],
  widths: number[],
  gap: number,
  sort?: SortSpec,
): string {
  const cells: string[] = [];
  columns.forEach((column, i) => {
    const w = widths[i] ?? 0;
    if (w <= 0) return;
    const mark = sort?.column === column.key ? (sort.direction === 'asc' ? '↑' : '↓') : '';
    // The arrow follows the title; a title too long for both is cut to make room.
    const title = mark ? truncateToWidth(column.title, Math.max(0, w - 1)).trimEnd() + mark : column.title;
    cells.push(fitToWidth(title, w, column.align ?? 'left'));
  });
  return cells.join(' '.repeat(gap));
}

export function Table<Row>(props: TableProps<Row>): React.JSX.Element {
  const { columns, rows, selectedIndex, scrollOffset, height, width, sort } = props;
  const gap = props.gap ?? 1;
  const showHeader = props.showHeader ?? true;
  const focused = props.focused ?? true;
  const widths = layoutColumns(columns, width, gap);
  const layout = widths.join(',');
  // Formatted lines by row, valid for this layout (columns, their widths, the gap).
  const lines = useMemo(
    () => new Map<Row, Segment[]>(),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the widths are in `layout`
    [columns, layout, gap],
  );
  const lineOf = (row: Row): Segment[] => {
    let line = lines.get(row);
    if (line === undefined) {
      if (lines.size >= MAX_CACHED_ROWS) lines.clear();
      line = rowSegments(columns, widths, row, gap);
      lines.set(row, line);
    }
    return line;
  };
  const visible = rows.slice(scrollOffset, scrollOffset + Math.max(0, height));
  // Lines are built to exactly `width` columns (layoutColumns never exceeds it), so no Ink
  // wrapping or truncation is asked for: at 100×30 that saves about a third of each frame.
  return (
    <Box flexDirection="column" width={width} height={Math.max(0, height) + (showHeader ? 1 : 0)}>
      {showHeader ? <Text bold>{headerLine(columns, widths, gap, sort)}</Text> : null}
      {rows.length === 0 && props.emptyText ? (
        <Text dimColor wrap="truncate">
          {props.emptyText}
        </Text>
      ) : null}
      {visible.map((row, i) => {
        const index = scrollOffset + i;
        const selected = focused && index === selectedIndex;
        return (
          <RowLine
            key={props.rowKey ? props.rowKey(row, index) : index}
            segments={lineOf(row)}
            selected={selected}
          />
        );
      })}
    </Box>
  );
}
