// Plain tables and labels for command output, aligned by display width (Chinese takes two columns).
import { tableLines } from '../briefing/text.js';
import { displayWidth } from '../text/width.js';
import type { Column } from '../briefing/document.js';

/** A label padded with spaces to `width` display columns. */
export function padLabel(label: string, width: number): string {
  return label + ' '.repeat(Math.max(1, width - displayWidth(label)));
}

/** Rows of plain strings as an aligned table (header, dashes, rows). */
export function plainTable(columns: Column[], rows: string[][]): string[] {
  return tableLines(
    columns,
    rows.map((r) => r.map((text) => ({ text }))),
  );
}
