// The footer: key hints for the current context, generated from the key-binding table, as many as
// fit in the width (dropped from the end, never cut in the middle), after an optional message.

import { Box, Text } from 'ink';
import React from 'react';
import { displayWidth, truncateToWidth } from '../../../text/width.js';
import { hintsFor, type Command, type Context, type KeyHint } from '../../key-bindings.js';

const SEPARATOR = '  ';

/** The hints that fit in `width` columns, laid out as "key label  key label". */
export function fitHints(hints: readonly KeyHint[], width: number): KeyHint[] {
  const out: KeyHint[] = [];
  let used = 0;
  for (const h of hints) {
    const w = displayWidth(h.keys) + 1 + displayWidth(h.label) + (out.length > 0 ? SEPARATOR.length : 0);
    if (used + w > width) break;
    out.push(h);
    used += w;
  }
  return out;
}

export interface KeyHintsProps {
  context: Context;
  width: number;
  /** Show these commands, in this order, instead of every command with a short label. */
  only?: readonly Command[];
  /** A status message before the hints (saved, error…); it takes the room it needs first. */
  message?: string;
  messageColor?: string;
}

export function KeyHints({ context, width, only, message, messageColor }: KeyHintsProps): React.JSX.Element {
  const shownMessage = message ? truncateToWidth(message, width) : '';
  const room = width - displayWidth(shownMessage) - (shownMessage ? SEPARATOR.length : 0);
  const hints = fitHints(hintsFor(context, only), Math.max(0, room));
  return (
    <Box width={width} height={1}>
      <Text wrap="truncate">
        {shownMessage ? <Text color={messageColor}>{shownMessage}</Text> : null}
        {shownMessage && hints.length > 0 ? SEPARATOR : ''}
        {hints.map((h, i) => (
          <React.Fragment key={h.keys + h.label}>
            {i > 0 ? SEPARATOR : ''}
            <Text bold>{h.keys}</Text> <Text dimColor>{h.label}</Text>
          </React.Fragment>
        ))}
      </Text>
    </Box>
  );
}
