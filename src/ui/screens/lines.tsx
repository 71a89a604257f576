// Text laid out as lines for the scrollable screens (项目详情, 简报 preview, 帮助): wrapping by
// display width (Chinese counts two columns), and a view that draws only the lines on screen.
import { Text, useInput } from 'ink';
import type { Key } from 'ink';
import { useCallback, useState } from 'react';
import { graphemeWidth, graphemes, truncateToWidth } from '../../text/width.js';
import { commandFor } from '../key-bindings.js';
import type { Command, Context } from '../key-bindings.js';
import { useLatest } from '../components/use-latest.js';

export interface Line {
  text: string;
  color?: string;
  bold?: boolean;
  dim?: boolean;
  /** the selected row */
  inverse?: boolean;
}

// Characters a line must not start with (Chinese line breaking): closing punctuation.
const NO_LINE_START = new Set([...'，。、；：？！）》」』”’】〕…%,.;:?!)]']);
// A number or a Latin word is never split between lines ("75.0%", "100MW", "2021-09-30").
const UNBREAKABLE = /^[0-9A-Za-z.%\-/:]$/;

/**
 * Splits text into lines of at most `width` columns; `indent` starts every continuation line. A
 * closing punctuation mark never starts a line: the character before it moves down with it.
 */
export function wrapText(text: string, width: number, indent = ''): string[] {
  const out: string[] = [];
  const indentWidth = indent.length;
  for (const paragraph of text.split('\n')) {
    let line: string[] = [];
    let used = 0;
    let first = true;
    const flush = (rest: string[]) => {
      out.push((first ? '' : indent) + rest.join(''));
      first = false;
    };
    for (const g of graphemes(paragraph)) {
      const w = graphemeWidth(g);
      const room = width - (first ? 0 : indentWidth);
      if (used + w > room && line.length > 0) {
        // What moves down with `g`: the character before a closing mark, and a number or Latin
        // word cut by the break ("75.0%" never ends one line as "75.0" and starts the next with "%").
        let from = NO_LINE_START.has(g) && line.length > 1 ? line.length - 1 : line.length;
        if (UNBREAKABLE.test(from < line.length ? line[from]! : g)) {
          let at = from;
          while (at > 0 && UNBREAKABLE.test(line[at - 1]!)) at--;
          // only a short run moves down; a very long one (a path, a URL) is cut where it must be
          if (at > 0 && line.length - at <= 16) from = at;
        }
        const carry = line.splice(from);
        flush(line);
        line = g === ' ' && carry.length === 0 ? [] : [...carry, g];
        used = line.reduce((n, x) => n + graphemeWidth(x), 0);
        continue;
      }
      line.push(g);
      used += w;
    }
    flush(line);
  }
  return out;
}

/** Lines from wrapped text, each with the same style. */
export function wrapped(text: string, width: number, style: Omit<Line, 'text'> = {}, indent = ''): Line[] {
  return wrapText(text, width, indent).map((t) => ({ ...style, text: t }));
}

export function LinesView(props: { lines: readonly Line[]; offset: number; height: number; width: number }) {
  const visible = props.lines.slice(props.offset, props.offset + props.height);
  return (
    <>
      {visible.map((l, i) => (
        <Text key={props.offset + i} color={l.color} bold={l.bold} dimColor={l.dim} wrap="truncate">
          {truncateToWidth(l.text, props.width) || ' '}
        </Text>
      ))}
    </>
  );
}

/**
 * Scrolling keys of the `scroll` contexts (↑↓ PgUp PgDn Home End). Other commands of `context` go to
 * `onCommand`. The offset is clamped to the text.
 */
export function useScroll(options: {
  context: Context;
  lineCount: number;
  height: number;
  isActive: boolean;
  onCommand?: (command: Command) => void;
}): { offset: number; setOffset: (n: number) => void } {
  const [rawOffset, setOffset] = useState(0);
  const max = Math.max(0, options.lineCount - options.height);
  const offset = Math.min(rawOffset, max);
  const latest = useLatest({ ...options, max });
  const handler = useCallback(
    (input: string, key: Key) => {
      const { context, height, max, onCommand } = latest.current;
      const command = commandFor(context, input, key);
      if (!command) return;
      const step = (delta: number) => setOffset((o) => Math.max(0, Math.min(max, Math.min(o, max) + delta)));
      switch (command) {
        case 'nav.up':
          return step(-1);
        case 'nav.down':
          return step(1);
        case 'nav.pageUp':
          return step(-Math.max(1, height - 1));
        case 'nav.pageDown':
          return step(Math.max(1, height - 1));
        case 'nav.home':
          return setOffset(0);
        case 'nav.end':
          return setOffset(max);
        default:
          return onCommand?.(command);
      }
    },
    [latest],
  );
  useInput(handler, { isActive: options.isActive });
  return { offset, setOffset };
}
