// Keys for scrolling text: ↑↓ j k by line, PgUp/PgDn/space by page, Home/End g G to the ends.

import { useInput, type Key } from 'ink';
import { useCallback } from 'react';
import { matches, type Context } from '../../key-bindings.js';
import { LIST_MOVES } from '../list-window.js';
import { useLatest } from '../use-latest.js';
import { useSyncReducer } from '../use-sync-reducer.js';
import { createScrollState, scrollReducer, type ScrollAction, type ScrollState } from './reducer.js';

export interface UseScrollViewOptions {
  lineCount: number;
  height: number;
  isActive?: boolean;
  /** Default 'scroll'; screens pass theirs ('briefings', 'project', 'help'). */
  context?: Context;
}

export function useScrollView(options: UseScrollViewOptions): {
  state: ScrollState;
  dispatch: (action: ScrollAction) => void;
} {
  const { lineCount, height, isActive = true } = options;
  const {
    state: stored,
    dispatch,
    replace,
  } = useSyncReducer(scrollReducer, () => createScrollState(lineCount, height));
  const state = scrollReducer(stored, { type: 'resize', count: lineCount, height });
  if (state !== stored) replace(state);
  const latest = useLatest(options);
  const handler = useCallback(
    (input: string, key: Key) => {
      const context = latest.current.context ?? 'scroll';
      for (const [command, move] of LIST_MOVES) {
        if (matches(command, input, key, context)) return dispatch({ type: 'scroll', move });
      }
    },
    [latest, dispatch],
  );
  useInput(handler, { isActive });
  return { state, dispatch };
}
