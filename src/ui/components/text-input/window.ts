// Which part of a long value a field of `width` columns shows, scrolled horizontally by display
// width so the cursor stays in view. Pure.

import { graphemes, graphemeWidth } from '../../../text/width.js';

export interface InputWindow {
  /** Code-point index of the first grapheme shown. */
  start: number;
  /** Exactly what is drawn (at most `width` columns; never half a wide character). */
  text: string;
  /** Display column of the cursor inside the field, 0 … width − 1. */
  cursorColumn: number;
  /** Display width of `text`. */
  textWidth: number;
  /** The part of `text` before the cursor. */
  before: string;
}

/**
 * The window for `value` with the cursor at code point `cursor`.
 * - The cursor cell is always inside the field; a wide character under the cursor is shown whole.
 * - Scrolling is sticky: the window moves only when the cursor would leave it (`previousStart`),
 *   and slides back left when text is deleted so no empty room is left on the right.
 * - Moving right past the edge puts the cursor in the last column; moving left past the start puts
 *   it in the first.
 */
export function inputWindow(value: string, cursor: number, width: number, previousStart = 0): InputWindow {
  const w = Math.max(1, Math.trunc(width));
  const items = graphemes(value);
  const starts: number[] = []; // code-point start of each grapheme
  const cols: number[] = []; // display column of each grapheme
  let cp = 0;
  let col = 0;
  for (const g of items) {
    starts.push(cp);
    cols.push(col);
    cp += Array.from(g).length;
    col += graphemeWidth(g);
  }
  starts.push(cp);
  cols.push(col);
  const total = col;
  // Index of the grapheme at the cursor (items.length when at the end).
  let ci = starts.findIndex((s) => s >= cursor);
  if (ci === -1) ci = items.length;
  const cursorCol = cols[ci]!;
  const cursorCell = ci < items.length ? Math.max(1, graphemeWidth(items[ci]!)) : 1;
  const colOf = (i: number) => cols[i]!;

  // Smallest start that shows the cursor cell: the cursor sits at the right edge.
  let ideal = ci;
  while (ideal > 0 && cursorCol + Math.min(cursorCell, w) - colOf(ideal - 1) <= w) ideal--;
  // Smallest start that leaves no empty room on the right (one cell kept for the cursor at the end).
  let fill = items.length;
  while (fill > 0 && total + 1 - colOf(fill - 1) <= w) fill--;
  let pi = starts.findIndex((s) => s >= previousStart);
  if (pi === -1) pi = items.length;
  const si = pi > ci ? ci : Math.max(ideal, Math.min(pi, fill));

  let text = '';
  let used = 0;
  for (let i = si; i < items.length; i++) {
    const gw = graphemeWidth(items[i]!);
    if (used + gw > w) break;
    text += items[i]!;
    used += gw;
  }
  const before = items.slice(si, ci).join('');
  return { start: starts[si]!, text, cursorColumn: cursorCol - colOf(si), textWidth: used, before };
}
