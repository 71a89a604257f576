// Table state: the visible window over the rows plus the sort. Pure, no React.
// The rows themselves live with the screen; the reducer only knows how many there are.

import { createListWindow, reduceWindow, type ListWindow, type WindowAction } from '../list-window.js';

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
  | WindowAction
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
    case 'select':
    case 'resize':
      return reduceWindow(state, action);
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
  return { ...reduceWindow(state, { type: 'move', move: 'home' }), sort };
}
