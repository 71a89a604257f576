// The search line under a list (项目, 督办): a PromptedInput holding the list's query.
// Enter keeps the filter, Esc drops it; each screen decides what that means for its own state.
import { PromptedInput } from './prompted-input.js';

export interface SearchInputProps {
  /** "搜索：" and the like, drawn bold before the input */
  prompt: string;
  promptColor?: string;
  query: string;
  onQuery: (query: string) => void;
  /** Enter (keep = true) or Esc (keep = false) */
  onEnd: (keep: boolean) => void;
  isActive: boolean;
  /** the whole row's width, prompt included */
  width: number;
  placeholder: string;
}

export function SearchInput(props: SearchInputProps) {
  const { onEnd } = props;
  return (
    <PromptedInput
      prompt={props.prompt}
      {...(props.promptColor ? { promptColor: props.promptColor } : {})}
      value={props.query}
      onChange={props.onQuery}
      onSubmit={() => onEnd(true)}
      onCancel={() => onEnd(false)}
      isActive={props.isActive}
      width={props.width}
      placeholder={props.placeholder}
    />
  );
}

/** What a search line asks of its list's state (the project list's and the ledger's take both). */
export type SearchAction = { type: 'setQuery'; query: string } | { type: 'endSearch'; keep: boolean };

/**
 * The search line's handlers for such a list. A new query, or Esc dropping the filter, changes the
 * rows, so it goes through `change` (which also puts the selection back on the first row); Enter
 * keeps the rows as they are and only leaves the line.
 */
export function searchHandlers(
  dispatch: (action: SearchAction) => void,
  change: (action: SearchAction) => void,
): Pick<SearchInputProps, 'onQuery' | 'onEnd'> {
  return {
    onQuery: (query) => change({ type: 'setQuery', query }),
    onEnd: (keep) => (keep ? dispatch : change)({ type: 'endSearch', keep }),
  };
}
