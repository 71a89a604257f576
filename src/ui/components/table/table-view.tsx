// The table as text: a header row and only the rows on screen. No state, no keys.

import { Box, Text } from 'ink';
import React from 'react';
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
          <Text key={props.rowKey ? props.rowKey(row, index) : index} inverse={selected}>
            {rowSegments(columns, widths, row, gap).map((s, j) =>
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
      })}
    </Box>
  );
}
