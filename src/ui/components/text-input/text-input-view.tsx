// A one-line field: the visible part of the value, or the placeholder, and the terminal cursor at
// the caret while the field has focus (see terminal-cursor.tsx for the coordinates). A focused field
// scrolls to its caret; one without focus shows the start of its value, cut with an ellipsis.

import { Box, Text, type DOMElement } from 'ink';
import React, { useRef } from 'react';
import { graphemes, truncateToWidth } from '../../../text/width.js';
import { TerminalCursor } from '../terminal-cursor.js';
import type { InputWindow } from './window.js';

export interface TextInputViewProps {
  /** From useTextInput. */
  window: InputWindow;
  /** Field width in columns (the same width given to useTextInput). */
  width: number;
  /** Shown dimmed while the value is empty. */
  placeholder?: string;
  /** Places the terminal cursor at the caret. */
  focused: boolean;
  /** Also draw the character at the caret in inverse video (for terminals that hide the cursor). */
  inverseCursor?: boolean;
  /** The value is empty (the placeholder shows). */
  empty: boolean;
  /**
   * The whole value. Without focus the field then shows its start, cut with an ellipsis by display
   * width ("王晓峰、张建国、…"), not the part around a cursor nobody is looking at.
   */
  value?: string;
  /** The whole value is selected: drawn in inverse video (typing replaces it). */
  selected?: boolean;
}

export function TextInputView(props: TextInputViewProps): React.JSX.Element {
  const { window: win, width, focused } = props;
  const anchor = useRef<DOMElement>(null);
  const showPlaceholder = props.empty && props.placeholder !== undefined;
  let body: React.ReactNode;
  if (showPlaceholder) {
    body = <Text dimColor>{truncateToWidth(props.placeholder ?? '', width)}</Text>;
  } else if (focused && props.selected) {
    body = (
      <Text>
        <Text inverse>{win.text}</Text>
      </Text>
    );
  } else if (focused && props.inverseCursor) {
    const rest = graphemes(win.text.slice(win.before.length));
    body = (
      <Text>
        {win.before}
        <Text inverse>{rest[0] ?? ' '}</Text>
        {rest.slice(1).join('')}
      </Text>
    );
  } else if (!focused && props.value !== undefined) {
    body = <Text>{truncateToWidth(props.value, width)}</Text>;
  } else {
    body = <Text>{win.text}</Text>;
  }
  // The cursor component comes after the Box, not inside it: React attaches a host ref only after
  // the layout effects of the host's children have run, so a child would measure a null ref.
  return (
    <>
      <Box ref={anchor} width={width} height={1} flexShrink={0} overflow="hidden">
        {body}
      </Box>
      {focused ? <TerminalCursor anchor={anchor} x={showPlaceholder ? 0 : win.cursorColumn} /> : null}
    </>
  );
}
