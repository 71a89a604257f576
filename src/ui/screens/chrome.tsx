// What every screen shares: a header line (where you are), the body, a status line (saved, errors)
// and a footer with the keys that work here, generated from the key-binding table.
import { Box, Text } from 'ink';
import type { ReactNode } from 'react';
import type { Light } from '../../domain/types.js';
import { hintsFor } from '../key-bindings.js';
import type { Command, Context, KeyHint } from '../key-bindings.js';
import { safeToEcho } from '../../text/sanitize.js';
import { displayWidth, fitToWidth, truncateToWidth } from '../../text/width.js';
import { useTerminalSize } from '../hooks/use-terminal-size.js';

/** Lines the chrome takes: header, status, footer. */
export const CHROME_LINES = 3;

export function bodyHeight(rows: number): number {
  return Math.max(1, rows - CHROME_LINES);
}

export const LIGHT_COLOR: Record<Light, string> = { 红: 'red', 黄: 'yellow', 绿: 'green' };
/** A shape as well as a colour and the character itself: readable in black and white. */
export const LIGHT_MARK: Record<Light, string> = { 红: '●', 黄: '▲', 绿: '○' };

export function LightText(props: { light: Light; bold?: boolean }) {
  return (
    <Text color={LIGHT_COLOR[props.light]} bold={props.bold ?? props.light === '红'}>
      {LIGHT_MARK[props.light]}
      {props.light}
    </Text>
  );
}

export type StatusKind = 'info' | 'ok' | 'error';

export interface StatusMessage {
  kind: StatusKind;
  text: string;
}

/** Hints the footer keeps while there is room for anything: going back and the help screen. */
const KEPT: ReadonlySet<string> = new Set(['app.back', 'app.help']);

/**
 * The footer line: "key label" pairs two spaces apart, as many as fit in `width`. When they do not
 * all fit, Ctrl+C goes first (it works everywhere and the help says so), then hints from the end,
 * except 返回 and 帮助, so that the way back and the way to every other key stay on screen.
 */
export function footerText(hints: readonly KeyHint[], width: number): string {
  const text = (list: readonly KeyHint[]) => list.map((h) => `${h.keys} ${h.label}`).join('  ');
  const chosen = [...hints];
  while (chosen.length > 0 && displayWidth(text(chosen)) > width) {
    let at = chosen.findIndex((h) => h.command === 'app.quit');
    if (at < 0) at = chosen.findLastIndex((h) => !KEPT.has(h.command ?? ''));
    if (at < 0) at = chosen.length - 1;
    chosen.splice(at, 1);
  }
  return text(chosen);
}

export interface ScreenProps {
  /** 总览, 项目, 调度会 … */
  title: string;
  /** right side of the header (第3/12项 · 02:13) as text … */
  rightText?: string;
  /** … or as a live element (a ticking timer) of a known width, after `rightText` */
  right?: ReactNode;
  rightWidth?: number;
  /** the key context: the footer shows its keys */
  context: Context;
  /** footer: these commands (in this order) instead of the context's short list */
  hints?: readonly Command[];
  /** footer: extra hints after the table's ones (e.g. the due quick picks) */
  extraHints?: readonly KeyHint[];
  status?: StatusMessage | null;
  children: ReactNode;
}

export function Screen(props: ScreenProps) {
  const { columns, rows } = useTerminalSize();
  const left = ` diaodu › ${props.title}`;
  const rightText = props.rightText ? `${props.rightText} ` : '';
  const liveWidth = props.right ? (props.rightWidth ?? 0) : 0;
  const room = Math.max(0, columns - displayWidth(rightText) - liveWidth);
  const header = fitToWidth(left, room) + rightText;
  const hints = [...hintsFor(props.context, props.hints), ...(props.extraHints ?? [])];
  const status = props.status;
  return (
    <Box flexDirection="column" width={columns} height={rows}>
      <Box height={1} width={columns} flexShrink={0}>
        <Box width={columns - liveWidth} flexShrink={0}>
          <Text inverse bold wrap="truncate">
            {fitToWidth(header, columns - liveWidth)}
          </Text>
        </Box>
        {props.right ? (
          <Box width={liveWidth} flexShrink={0}>
            {props.right}
          </Box>
        ) : null}
      </Box>
      <Box flexDirection="column" height={bodyHeight(rows)} overflowY="hidden">
        {/* never squeezed: lines that do not fit are cut off at the bottom, not drawn over each other */}
        <Box flexDirection="column" flexShrink={0}>
          {props.children}
        </Box>
      </Box>
      <Text
        wrap="truncate"
        color={status?.kind === 'error' ? 'red' : status?.kind === 'ok' ? 'green' : undefined}
        bold={status?.kind === 'error'}
      >
        {/* status lines name files and folders: echoed safe (issue 9) */}
        {status ? truncateToWidth(safeToEcho(status.text), columns) : ' '}
      </Text>
      <Text dimColor wrap="truncate">
        {footerText(hints, columns) || ' '}
      </Text>
    </Box>
  );
}
