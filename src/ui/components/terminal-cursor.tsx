// Puts the real terminal cursor at a spot inside a component, so that an IME opens its candidate
// window where the text goes (and a screen reader or magnifier follows the caret).
//
// How Ink 6.8 places the cursor (ink/build/hooks/use-cursor.js, log-update.js, cursor-helpers.js):
// - `useCursor().setCursorPosition({x, y})` stores a position; an insertion effect hands it to the
//   renderer during the commit; after writing the frame, log-update moves up from the bottom of the
//   output by (lines − y) and to column x, then shows the cursor.
// - x and y are 0-based and relative to the top-left of Ink's dynamic output (y = 0 is its first
//   line, <Static> output not counted), NOT to the component. A component inside Boxes must add its
//   own offset: we read it from Yoga, summing getComputedLeft/Top of the node and its ancestors —
//   the same sums Ink's renderer uses to place text (render-node-to-output.js), so borders,
//   padding and margins are included.
// - The renderer uses the cursor only if it was set during the commit being drawn; a commit that
//   does not re-render this component hides the cursor until it renders again. Keep the input under
//   the state that changes while it has focus (no independent timers beside it).
// - Yoga layout is computed in the commit (resetAfterCommit), after insertion effects run and before
//   layout effects. So the position is measured in a layout effect and, when it changed, stored in
//   state: one more render places the cursor from the fresh layout. That extra render also runs
//   after every unmount cleanup of the commit, so focus moving between fields never leaves the
//   cursor hidden.
// - Only the focused field may render this component: every useCursor user sets the cursor on each
//   of its renders, and the last one wins.

import { useCursor, type DOMElement } from 'ink';
import { useLayoutEffect, useState, type RefObject } from 'react';

export interface Point {
  x: number;
  y: number;
}

/** A node's top-left in Ink output coordinates (sum of Yoga offsets up to the root). */
export function outputPosition(node: DOMElement | null | undefined): Point | undefined {
  if (!node) return undefined;
  let x = 0;
  let y = 0;
  for (let n: DOMElement | undefined = node; n; n = n.parentNode) {
    if (!n.yogaNode) continue;
    x += n.yogaNode.getComputedLeft();
    y += n.yogaNode.getComputedTop();
  }
  return { x: Math.round(x), y: Math.round(y) };
}

export interface TerminalCursorProps {
  /** The Box the offsets are relative to. */
  anchor: RefObject<DOMElement | null>;
  /** Display column inside the anchor. */
  x: number;
  /** Line inside the anchor. Default 0. */
  y?: number;
}

export function TerminalCursor({ anchor, x, y = 0 }: TerminalCursorProps): null {
  const { setCursorPosition } = useCursor();
  const [origin, setOrigin] = useState<Point | undefined>(undefined);
  // No dependency list on purpose: the layout can move without any prop changing; the guard
  // below stops the loop once the stored origin matches.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useLayoutEffect(() => {
    const now = outputPosition(anchor.current);
    if (now && (now.x !== origin?.x || now.y !== origin?.y)) setOrigin(now);
  });
  const position = origin ? { x: origin.x + x, y: origin.y + y } : undefined;
  setCursorPosition(position);
  return null;
}
