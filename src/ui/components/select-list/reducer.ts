// A vertical menu: the visible window over the items that pass the filter, and the filter text.
// Pure. The reducer knows how many items pass; the hook counts them with `filterItems`.

import { sanitizeText } from '../../../text/sanitize.js';
import {
  createListWindow,
  normalizeWindow,
  reduceWindow,
  type ListWindow,
  type WindowAction,
} from '../list-window.js';

export interface SelectItem<V> {
  value: V;
  label: string;
  /** Right-aligned, dimmed (a count, a date, a light). */
  hint?: string;
  /** Extra text the filter matches (a project code, pinyin initials). */
  keywords?: string;
  /** Shown dimmed; Enter does nothing on it. */
  disabled?: boolean;
}

export interface SelectListState extends ListWindow {
  query: string;
}

export type SelectListAction =
  | WindowAction
  /** New filter text: the selection goes back to the first match. */
  | { type: 'setQuery'; query: string };

export function createSelectListState(count: number, height: number, query = ''): SelectListState {
  return { ...createListWindow(count, height), query };
}

export function selectListReducer(state: SelectListState, action: SelectListAction): SelectListState {
  switch (action.type) {
    case 'move':
    case 'select':
    case 'resize':
      return reduceWindow(state, action);
    case 'setQuery':
      if (action.query === state.query) return state;
      return normalizeWindow({ ...state, query: action.query }, { selected: 0, offset: 0 });
  }
}

/**
 * Items matching the query: every space-separated term must occur in the label or keywords,
 * ignoring case (full-width letters and digits match their ASCII forms). Order is kept.
 */
export function filterItems<V>(items: readonly SelectItem<V>[], query: string): SelectItem<V>[] {
  const terms = fold(query).split(/\s+/).filter(Boolean);
  if (terms.length === 0) return [...items];
  return items.filter((item) => {
    const text = fold(`${item.label} ${item.keywords ?? ''}`);
    return terms.every((t) => text.includes(t));
  });
}

function fold(s: string): string {
  return sanitizeText(s).normalize('NFKC').toLowerCase();
}
