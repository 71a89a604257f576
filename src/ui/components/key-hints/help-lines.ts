// The help screen's text: every binding of a context, grouped, keys in an aligned column.
// Lines for a ScrollView.

import { displayWidth, padToWidth, truncateToWidth } from '../../../text/width.js';
import { CONTEXTS, helpSections, type Context } from '../../key-bindings.js';

export function helpLines(context: Context, width: number): string[] {
  const sections = helpSections(context);
  const keyWidth = Math.min(
    Math.max(0, ...sections.flatMap((s) => s.rows.map((r) => displayWidth(r.keys)))),
    Math.floor(width / 2),
  );
  const lines: string[] = [`${CONTEXTS[context].title}：快捷键`];
  for (const section of sections) {
    lines.push('', `【${section.title}】`);
    for (const row of section.rows) {
      const keys = padToWidth(truncateToWidth(row.keys, keyWidth), keyWidth);
      lines.push(truncateToWidth(`  ${keys}  ${row.description}`, width));
    }
  }
  return lines;
}
