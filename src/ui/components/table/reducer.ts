// Table state: the visible window over the rows plus the sort. Pure, no React.
// The rows themselves live with the screen; the reducer only knows how many there are.

import {
  createListWindow,
  moveWindow,
  resizeWindow,
  selectIndex,
  type ListMove,
  type ListWindow,
} from '../list-window.js';

export type SortDirection = 'asc' | 'desc';

export interface SortSpec {
  /** Column key. */
  column: string;
  direction: SortDirection;
}

export interface TableState extends ListWindow {
  /** Undefined: the rows' own order (台账顺序). */
  sort: SortSpec | undefined;
}

export type TableAction =
  | { type: 'move'; move: ListMove }
  | { type: 'select'; index: number }
  /** Row count changed (filtering) or the screen was resized. */
  | { type: 'resize'; count: number; height: number }
  | { type: 'sortBy'; sort: SortSpec | undefined }
  /** Next entry of `cycle` after the current sort; after the last one, the rows' own order. */
  | { type: 'sortNext'; cycle: readonly SortSpec[] }
  | { type: 'sortReverse' };

export function createTableState(count: number, height: number, sort?: SortSpec): TableState {
  return { ...createListWindow(count, height), sort };
}

/**
 * A new sort moves the selection to the first row: the old index would point at another row.
 * A screen that wants to keep the same row selected dispatches `select` with its new index.
 */
export function tableReducer(state: TableState, action: TableAction): TableState {
  switch (action.type) {
    case 'move':
      return moveWindow(state, action.move);
    case 'select':
      return selectIndex(state, action.index);
    case 'resize':
      return resizeWindow(state, action.count, action.height);
    case 'sortBy':
      return withSort(state, action.sort);
    case 'sortNext': {
      const at = state.sort ? action.cycle.findIndex((s) => s.column === state.sort?.column) : -1;
      return withSort(state, action.cycle[at + 1]);
    }
    case 'sortReverse':
      if (!state.sort) return state;
      return withSort(state, {
        column: state.sort.column,
        direction: state.sort.direction === 'asc' ? 'desc' : 'asc',
      });
  }
}

function withSort(state: TableState, sort: SortSpec | undefined): TableState {
  if (sort?.column === state.sort?.column && sort?.direction === state.sort?.direction) return state;
  return { ...moveWindow(state, 'home'), sort };
}
