// 帮助 (?): every key that works where it was asked for, generated from the key-binding table.
import { useMemo } from 'react';
import { CONTEXTS, COMMAND_GROUPS, keysFor } from '../key-bindings.js';
import type { Context } from '../key-bindings.js';
import { useTerminalSize } from '../hooks/use-terminal-size.js';
import { fitToWidth } from '../../text/width.js';
import { Screen, bodyHeight } from './chrome.js';
import { LinesView, useScroll } from './lines.js';
import type { Line } from './lines.js';
import type { ScreenProps } from './types.js';

/** The help text for a context: its commands grouped as in the table, keys then description. */
export function helpLines(context: Context): Line[] {
  const out: Line[] = [{ text: `在“${CONTEXTS[context].title}”中可用的按键：`, bold: true }];
  let group = '';
  for (const b of keysFor(context)) {
    const g = b.command.split('.')[0] ?? '';
    if (g !== group) {
      group = g;
      out.push({ text: '' });
      out.push({ text: COMMAND_GROUPS[g] ?? g, bold: true });
    }
    out.push({ text: `  ${fitToWidth(b.labels.join(' / '), 22)} ${b.description}` });
  }
  return out;
}

export function HelpScreen(props: ScreenProps & { context: Context }) {
  const { active, nav } = props;
  const { columns, rows } = useTerminalSize();
  const lines = useMemo(() => helpLines(props.context), [props.context]);
  const height = bodyHeight(rows);
  const { offset } = useScroll({
    context: 'help',
    lineCount: lines.length,
    height,
    isActive: active,
    onCommand: (command) => {
      if (command === 'app.back' || command === 'app.help') nav.pop();
    },
  });
  return (
    <Screen title="帮助" context="help" hints={['nav.down', 'nav.pageDown', 'app.back', 'app.quit']}>
      <LinesView lines={lines} offset={offset} height={height} width={columns} />
    </Screen>
  );
}
