// Reusable widgets, each as a pure reducer + an input hook gated by `isActive` + a view.
// See README.md in this folder.
export * from './table/index.js';
export * from './text-input/index.js';
export * from './select-list/index.js';
export * from './scroll-view/index.js';
export * from './key-hints/index.js';
export {
  createListWindow,
  moveWindow,
  normalizeWindow,
  reduceWindow,
  resizeWindow,
  selectIndex,
  visibleRange,
  type ListMove,
  type ListWindow,
  type WindowAction,
  LIST_MOVES,
} from './list-window.js';
export { TerminalCursor, outputPosition, type Point, type TerminalCursorProps } from './terminal-cursor.js';
export { useLatest } from './use-latest.js';
export { useSyncReducer } from './use-sync-reducer.js';
