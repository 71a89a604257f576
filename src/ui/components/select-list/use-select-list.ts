// Keys for a menu. With `filterable`, typing (IME included) goes into a filter field above the
// list — a real text input, so the IME window opens there — and only arrows and PgUp/PgDn move;
// Enter picks, Esc clears the filter first and cancels when it is empty.

import { useInput, type Key } from 'ink';
import { useCallback, useMemo } from 'react';
import { matches } from '../../key-bindings.js';
import { LIST_MOVES } from '../list-window.js';
import { useTextInput } from '../text-input/use-text-input.js';
import type { InputWindow } from '../text-input/window.js';
import { useLatest } from '../use-latest.js';
import { useSyncReducer } from '../use-sync-reducer.js';
import {
  createSelectListState,
  filterItems,
  selectListReducer,
  type SelectItem,
  type SelectListAction,
  type SelectListState,
} from './reducer.js';

export interface UseSelectListOptions<V> {
  items: readonly SelectItem<V>[];
  /** Item rows on screen (the filter line is extra). */
  height: number;
  /** Width of the filter field. Default 30. */
  filterWidth?: number;
  isActive?: boolean;
  filterable?: boolean;
  onSelect?: (item: SelectItem<V>) => void;
  onCancel?: () => void;
}

export interface SelectListHandle<V> {
  state: SelectListState;
  /** Items passing the filter; `state.selected` indexes these. */
  visible: SelectItem<V>[];
  /** The filter field's window, for TextInputView (only meaningful with `filterable`). */
  filter: InputWindow;
  dispatch: (action: SelectListAction) => void;
}

export function useSelectList<V>(options: UseSelectListOptions<V>): SelectListHandle<V> {
  const { items, height, isActive = true, filterable = false } = options;
  const {
    state: stored,
    dispatch,
    current,
    replace,
  } = useSyncReducer(selectListReducer, () => createSelectListState(items.length, height));
  const visible = useMemo(() => filterItems(items, stored.query), [items, stored.query]);
  const state = selectListReducer(stored, { type: 'resize', count: visible.length, height });
  if (state !== stored) replace(state);

  const latest = useLatest({ options, visible });
  const pick = useCallback(() => {
    const { options: o, visible: v } = latest.current;
    const item = v[current().selected];
    if (item && !item.disabled) o.onSelect?.(item);
  }, [latest, current]);
  const cancel = useCallback(() => {
    if (current().query !== '') dispatch({ type: 'setQuery', query: '' });
    else latest.current.options.onCancel?.();
  }, [current, dispatch, latest]);

  const field = useTextInput({
    value: state.query,
    onChange: (query) => dispatch({ type: 'setQuery', query }),
    onSubmit: pick,
    onCancel: cancel,
    isActive: isActive && filterable,
    width: options.filterWidth ?? 30,
  });

  const handler = useCallback(
    (input: string, key: Key) => {
      const context = latest.current.options.filterable ? 'search' : 'list';
      for (const [command, move] of LIST_MOVES) {
        if (matches(command, input, key, context)) return dispatch({ type: 'move', move });
      }
      if (context === 'list') {
        if (matches('nav.open', input, key, context)) return pick();
        if (matches('app.back', input, key, context)) return cancel();
      }
    },
    [latest, dispatch, pick, cancel],
  );
  useInput(handler, { isActive });
  return { state, visible, filter: field.window, dispatch };
}
