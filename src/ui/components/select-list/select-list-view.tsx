// A menu: an optional filter line, then the visible items; the selected one marked and inverse.

import { Box, Text } from 'ink';
import React from 'react';
import { sanitizeText } from '../../../text/sanitize.js';
import { displayWidth, fitToWidth, truncateToWidth } from '../../../text/width.js';
import { TextInputView } from '../text-input/text-input-view.js';
import type { InputWindow } from '../text-input/window.js';
import type { SelectItem } from './reducer.js';

export interface SelectListProps<V> {
  /** Items passing the filter (`visible` from useSelectList). */
  items: readonly SelectItem<V>[];
  selectedIndex: number;
  scrollOffset: number;
  height: number;
  width: number;
  focused?: boolean;
  /** Shows the filter line: its label and the field window from useSelectList. */
  filter?: { window: InputWindow; query: string; label?: string; placeholder?: string };
  emptyText?: string;
  /**
   * A fixed column for the hints, left-aligned, so that hints line up from row to row (a light and a
   * unit). Default: each hint right-aligned in its own width.
   */
  hintWidth?: number;
}

const MARK = '▶ ';

export function SelectList<V>(props: SelectListProps<V>): React.JSX.Element {
  const { items, selectedIndex, scrollOffset, height, width, filter } = props;
  const focused = props.focused ?? true;
  const label = filter ? (filter.label ?? '筛选：') : '';
  const fieldWidth = Math.max(1, width - displayWidth(label));
  const rows = items.slice(scrollOffset, scrollOffset + Math.max(0, height));
  return (
    <Box flexDirection="column" width={width} height={Math.max(0, height) + (filter ? 1 : 0)}>
      {filter ? (
        <Box>
          <Text>{label}</Text>
          <TextInputView
            window={filter.window}
            width={fieldWidth}
            focused={focused}
            empty={filter.query === ''}
            {...(filter.placeholder !== undefined ? { placeholder: filter.placeholder } : {})}
          />
        </Box>
      ) : null}
      {items.length === 0 && props.emptyText ? (
        <Text dimColor>{truncateToWidth(props.emptyText, width)}</Text>
      ) : null}
      {rows.map((item, i) => {
        const index = scrollOffset + i;
        const selected = index === selectedIndex;
        const hint = item.hint ? sanitizeText(item.hint) : '';
        const fixedHint =
          props.hintWidth !== undefined ? Math.min(props.hintWidth, Math.floor(width / 2)) : 0;
        const hintWidth = fixedHint || (hint ? Math.min(displayWidth(hint), Math.floor(width / 3)) : 0);
        const labelWidth = Math.max(0, width - MARK.length - (hintWidth ? hintWidth + 1 : 0));
        const text = fitToWidth(sanitizeText(item.label), labelWidth);
        return (
          <Text key={index} inverse={focused && selected} dimColor={item.disabled ?? false} wrap="truncate">
            {selected ? MARK : '  '}
            {text}
            {hintWidth ? ' ' : ''}
            {hintWidth ? (
              <Text dimColor>{fitToWidth(hint, hintWidth, fixedHint ? 'left' : 'right')}</Text>
            ) : null}
          </Text>
        );
      })}
    </Box>
  );
}
