// 帮助 (?): every key that works where it was asked for, generated from the key-binding table.
import { useMemo } from 'react';
import { CONTEXTS, helpSections } from '../key-bindings.js';
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
  // one heading per group (全局 once, not before and after the screen's own keys)
  for (const section of helpSections(context)) {
    out.push({ text: '' });
    out.push({ text: section.title, bold: true });
    for (const row of section.rows) out.push({ text: `  ${fitToWidth(row.keys, 22)} ${row.description}` });
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
