// Keys for a table: movement, Enter, and the sort cycle. Screen-specific keys (filters, search)
// stay with the screen; the binding table guarantees they never collide with these.

import { useInput, type Key } from 'ink';
import { useCallback } from 'react';
import { matches, type Context } from '../../key-bindings.js';
import { LIST_MOVES } from '../list-window.js';
import { useLatest } from '../use-latest.js';
import { useSyncReducer } from '../use-sync-reducer.js';
import {
  createTableState,
  tableReducer,
  type SortSpec,
  type TableAction,
  type TableState,
} from './reducer.js';

export interface UseTableOptions {
  /** Rows after filtering; the selection is clamped when it shrinks. */
  rowCount: number;
  /** Body rows on screen. */
  height: number;
  /** Only the focused widget listens to keys. Default true. */
  isActive?: boolean;
  /**
   * Binding context the keys are looked up in. Default 'list' (movement and Enter only); a screen
   * passes its own ('projects', 'ledger') so that s / S sort.
   */
  context?: Context;
  initialSort?: SortSpec;
  /** Sorts `list.sortNext` (s) walks through; without it s and S do nothing here. */
  sortCycle?: readonly SortSpec[];
  /**
   * Enter on a row: its index in the order of `state.sort`. Keys can arrive before React
   * re-renders (a sort then Enter in one read), so a caller holding a memoised sorted array should
   * check that `state.sort` is the sort it sorted by.
   */
  onOpen?: (index: number, state: TableState) => void;
  /** The selection moved (not called for the initial state). */
  onSelect?: (index: number) => void;
}

export function useTable(options: UseTableOptions): {
  state: TableState;
  dispatch: (action: TableAction) => void;
} {
  const { rowCount, height, isActive = true } = options;
  const {
    state: stored,
    dispatch: rawDispatch,
    current,
    replace,
  } = useSyncReducer(tableReducer, () => createTableState(rowCount, height, options.initialSort));
  // Row count and height come from props: adjust while rendering, so no frame ever shows a
  // selection past the end of a freshly filtered list.
  const state = tableReducer(stored, { type: 'resize', count: rowCount, height });
  if (state !== stored) replace(state);

  const latest = useLatest(options);
  const dispatch = useCallback(
    (action: TableAction) => {
      const before = current().selected;
      rawDispatch(action);
      const after = current().selected;
      if (after !== before && after >= 0) latest.current.onSelect?.(after);
    },
    [current, rawDispatch, latest],
  );
  const handler = useCallback(
    (input: string, key: Key) => {
      const o = latest.current;
      const context = o.context ?? 'list';
      for (const [command, move] of LIST_MOVES) {
        if (matches(command, input, key, context)) return dispatch({ type: 'move', move });
      }
      if (o.sortCycle && matches('list.sortNext', input, key, context)) {
        return dispatch({ type: 'sortNext', cycle: o.sortCycle });
      }
      if (o.sortCycle && matches('list.sortReverse', input, key, context)) {
        return dispatch({ type: 'sortReverse' });
      }
      const now = current();
      if (matches('nav.open', input, key, context) && now.selected >= 0) o.onOpen?.(now.selected, now);
    },
    [latest, dispatch, current],
  );
  useInput(handler, { isActive });
  return { state, dispatch };
}
