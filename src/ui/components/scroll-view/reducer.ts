// Scrolling through lines of text (the briefing preview, help): only an offset, no selection.
// Pure. Invariant: 0 ≤ offset ≤ max(0, count − height).
import type { ListMove } from '../list-window.js';

export interface ScrollState {
  /** Number of lines. */
  count: number;
  /** Lines on screen. */
  height: number;
  /** First line shown. */
  offset: number;
}

/** The same moves as a list's (list-window.ts), without a selection. */
export type ScrollMove = ListMove;

export type ScrollAction =
  | { type: 'scroll'; move: ScrollMove }
  | { type: 'scrollTo'; offset: number }
  | { type: 'resize'; count: number; height: number };

export function createScrollState(count: number, height: number): ScrollState {
  return clampScroll({ count, height, offset: 0 });
}

function clampScroll(s: ScrollState): ScrollState {
  const count = Math.max(0, Math.trunc(s.count));
  const height = Math.max(0, Math.trunc(s.height));
  const max = Math.max(0, count - height);
  const offset = Math.min(max, Math.max(0, Math.trunc(s.offset)));
  return { count, height, offset };
}

function withOffset(state: ScrollState, offset: number): ScrollState {
  const next = clampScroll({ ...state, offset });
  return next.offset === state.offset ? state : next;
}

export function scrollReducer(state: ScrollState, action: ScrollAction): ScrollState {
  // A page keeps one line of the previous page in view, to read on from.
  const page = Math.max(1, state.height - 1);
  switch (action.type) {
    case 'scroll':
      switch (action.move) {
        case 'up':
          return withOffset(state, state.offset - 1);
        case 'down':
          return withOffset(state, state.offset + 1);
        case 'pageUp':
          return withOffset(state, state.offset - page);
        case 'pageDown':
          return withOffset(state, state.offset + page);
        case 'home':
          return withOffset(state, 0);
        case 'end':
          return withOffset(state, state.count);
      }
      break;
    case 'scrollTo':
      return withOffset(state, action.offset);
    case 'resize': {
      if (action.count === state.count && action.height === state.height) return state;
      return clampScroll({ ...state, count: action.count, height: action.height });
    }
  }
}

/** "第 21–40 行，共 120 行" — for a footer; empty text gives "（空）". */
export function scrollPosition(state: ScrollState): string {
  if (state.count === 0) return '（空）';
  const first = state.offset + 1;
  const last = Math.min(state.count, state.offset + Math.max(1, state.height));
  return `第 ${first}–${last} 行，共 ${state.count} 行`;
}
