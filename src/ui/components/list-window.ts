// The visible window over a long list with one selected row: shared by the table and the select
// list. Pure; every function returns the same object when nothing changes, so a reducer built on it
// lets React skip the render.
//
// Invariants after every function here, with h = max(1, height):
//   count = 0  → selected = -1, offset = 0;
//   count > 0  → 0 ≤ selected < count, 0 ≤ offset ≤ max(0, count − h), offset ≤ selected < offset + h.
import type { Command } from '../key-bindings.js';

export interface ListWindow {
  /** Number of rows in the (filtered) list. */
  count: number;
  /** Rows that fit on screen. */
  height: number;
  /** Index of the selected row, -1 when the list is empty. */
  selected: number;
  /** Index of the first visible row. */
  offset: number;
}

export type ListMove = 'up' | 'down' | 'pageUp' | 'pageDown' | 'home' | 'end';

/** The key commands that move through a list or scroll a text, with their moves (key-bindings.ts). */
export const LIST_MOVES: ReadonlyArray<readonly [Command, ListMove]> = [
  ['nav.up', 'up'],
  ['nav.down', 'down'],
  ['nav.pageUp', 'pageUp'],
  ['nav.pageDown', 'pageDown'],
  ['nav.home', 'home'],
  ['nav.end', 'end'],
];

export function createListWindow(count: number, height: number, selected = 0): ListWindow {
  return normalizeWindow({ count, height, selected, offset: 0 } as ListWindow);
}

function clampInt(n: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, Math.trunc(n)));
}

/**
 * Restores the invariants after applying `patch`: clamps the selection and scrolls just enough to
 * show it. Returns `w` itself when the result equals it.
 */
export function normalizeWindow<W extends ListWindow>(w: W, patch: Partial<ListWindow> = {}): W {
  const want = { ...w, ...patch };
  const count = Math.max(0, Math.trunc(want.count));
  const height = Math.max(0, Math.trunc(want.height));
  const h = Math.max(1, height);
  let selected: number;
  let offset: number;
  if (count === 0) {
    selected = -1;
    offset = 0;
  } else {
    selected = clampInt(want.selected, 0, count - 1);
    offset = clampInt(want.offset, 0, Math.max(0, count - h));
    if (selected < offset) offset = selected;
    else if (selected >= offset + h) offset = selected - h + 1;
  }
  if (count === w.count && height === w.height && selected === w.selected && offset === w.offset) return w;
  return { ...w, count, height, selected, offset };
}

/** New row count (after filtering) or height (after a resize); the selection is clamped. */
export function resizeWindow<W extends ListWindow>(w: W, count: number, height: number): W {
  if (w.count === count && w.height === height) return w;
  return normalizeWindow(w, { count, height });
}

export function selectIndex<W extends ListWindow>(w: W, index: number): W {
  if (w.count === 0) return w;
  return normalizeWindow(w, { selected: index });
}

/**
 * Moves the selection. Page moves shift both the selection and the window by a full page so the
 * selected row keeps its place on screen while there is room.
 */
export function moveWindow<W extends ListWindow>(w: W, move: ListMove): W {
  if (w.count === 0) return w;
  const h = Math.max(1, w.height);
  const last = w.count - 1;
  switch (move) {
    case 'up':
      return normalizeWindow(w, { selected: Math.max(0, w.selected - 1) });
    case 'down':
      return normalizeWindow(w, { selected: Math.min(last, w.selected + 1) });
    case 'pageUp':
      return normalizeWindow(w, { selected: Math.max(0, w.selected - h), offset: w.offset - h });
    case 'pageDown':
      return normalizeWindow(w, { selected: Math.min(last, w.selected + h), offset: w.offset + h });
    case 'home':
      return normalizeWindow(w, { selected: 0, offset: 0 });
    case 'end':
      return normalizeWindow(w, { selected: last, offset: w.count });
  }
}

/** Indices [start, end) of the rows on screen. */
/** What every list reducer does with its window (the table's and the select list's). */
export type WindowAction =
  | { type: 'move'; move: ListMove }
  | { type: 'select'; index: number }
  /** The rows (after filtering) or the height changed. */
  | { type: 'resize'; count: number; height: number };

export function reduceWindow<W extends ListWindow>(w: W, action: WindowAction): W {
  switch (action.type) {
    case 'move':
      return moveWindow(w, action.move);
    case 'select':
      return selectIndex(w, action.index);
    case 'resize':
      return resizeWindow(w, action.count, action.height);
  }
}

export function visibleRange(w: ListWindow): { start: number; end: number } {
  const start = w.offset;
  return { start, end: Math.min(w.count, start + Math.max(0, w.height)) };
}
