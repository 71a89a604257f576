// Plain-text rendering of a briefing, for a terminal or a .txt file. Paragraphs start with two
// full-width spaces as in print; tables are aligned by display width (a Chinese character takes
// two columns), so columns line up in a terminal.
import { displayWidth } from '../text/width.js';
import type { Align, Attachment, Block, BriefingDocument, Cell, Column } from './document.js';
import { attachmentLabel } from './wording.js';
import { chartLines } from './chart.js';

export interface TextOptions {
  /**
   * draw chart blocks as Unicode bars this many columns wide (the TUI preview); without it they are
   * left out, as in a .txt file (the table beside a chart has its figures)
   */
  chartWidth?: number;
}

/** The width titles are centred in (a terminal line of 80 columns, less a margin). */
const PAGE_WIDTH = 76;
const INDENT = '　　';

export function pad(text: string, width: number, align: Align, textWidth = displayWidth(text)): string {
  const room = Math.max(0, width - textWidth);
  if (align === 'right') return ' '.repeat(room) + text;
  if (align === 'center') {
    const left = Math.floor(room / 2);
    return ' '.repeat(left) + text + ' '.repeat(room - left);
  }
  return text + ' '.repeat(room);
}

function oneLine(text: string): string {
  return text.replace(/\r?\n/g, ' ');
}

function centre(text: string): string {
  const room = PAGE_WIDTH - displayWidth(text);
  return room > 1 ? ' '.repeat(Math.floor(room / 2)) + text : text;
}

function rightAlign(text: string): string {
  // Dates in print sit four characters in from the right edge (GB/T 9704 §7.3.5.1).
  const room = PAGE_WIDTH - 8 - displayWidth(text);
  return room > 0 ? ' '.repeat(room) + text : text;
}

/** A table as lines: header, a rule of dashes, rows; columns two spaces apart, trailing spaces cut. */
export function tableLines(columns: Column[], rows: Cell[][]): string[] {
  const texts = rows.map((row) => columns.map((_, i) => oneLine(row[i]?.text ?? '')));
  const cellWidths = texts.map((row) => row.map(displayWidth));
  const widths = columns.map((c) => displayWidth(c.title));
  for (const row of cellWidths) {
    row.forEach((w, i) => {
      if (w > (widths[i] ?? 0)) widths[i] = w;
    });
  }
  const line = (cells: string[], aligns: Align[], own?: number[]): string =>
    cells
      .map((cell, i) => pad(cell, widths[i] ?? 0, aligns[i] ?? 'left', own?.[i]))
      .join('  ')
      .replace(/\s+$/, '');
  const headerAligns = columns.map((c) => c.align);
  const out = [
    line(
      columns.map((c) => oneLine(c.title)),
      headerAligns,
    ),
  ];
  out.push(widths.map((w) => '-'.repeat(w)).join('  '));
  const aligns = columns.map((c) => c.align);
  texts.forEach((row, r) => out.push(line(row, aligns, cellWidths[r])));
  return out;
}

function blockLines(block: Block, options: TextOptions): string[] {
  switch (block.type) {
    case 'heading':
      return [oneLine(block.text)];
    case 'paragraph':
      return [(block.flush ? '' : INDENT) + oneLine(block.text)];
    case 'list':
      return block.items.map((item) => INDENT + oneLine(item));
    case 'table': {
      const out: string[] = [];
      if (block.caption) out.push(centre(oneLine(block.caption)));
      if (block.unitNote) out.push(`（${oneLine(block.unitNote)}）`);
      out.push(...tableLines(block.columns, block.rows));
      return out;
    }
    case 'attendance': {
      const out = [`出席：${block.present.join('、') || '无'}`];
      if (block.absent.length > 0) out.push(`请假：${block.absent.join('、')}`);
      if (block.attending.length > 0) out.push(`列席：${block.attending.join('、')}`);
      return out.map(oneLine);
    }
    case 'chart':
      return options.chartWidth === undefined ? [] : chartLines(block, options.chartWidth).map(oneLine);
  }
}

function blocksText(blocks: Block[], options: TextOptions): string[] {
  return blocks
    .filter((b) => b.type !== 'chart' || options.chartWidth !== undefined)
    .map((b) => blockLines(b, options).join('\n'));
}

function attachmentText(att: Attachment, index: number, count: number, options: TextOptions): string[] {
  return [attachmentLabel(index, count), centre(oneLine(att.title)), ...blocksText(att.blocks, options)];
}

export function renderText(doc: BriefingDocument, options: TextOptions = {}): string {
  const parts: string[] = [centre(oneLine(doc.title))];
  if (doc.kind === 'minutes') {
    const head = [doc.issueLine ? centre(oneLine(doc.issueLine)) : undefined];
    const line = [doc.issuer, doc.dateText].filter(Boolean).map((t) => oneLine(t!));
    head.push(
      line.length === 2 ? pad(line[0]!, PAGE_WIDTH - displayWidth(line[1]!), 'left') + line[1]! : line[0],
    );
    parts.push(head.filter(Boolean).join('\n'));
    parts.push(...blocksText(doc.blocks, options));
  } else {
    if (doc.issueLine) parts.push(centre(oneLine(doc.issueLine)));
    parts.push(...blocksText(doc.blocks, options));
  }
  if (doc.attachments.length > 0) {
    const count = doc.attachments.length;
    const titles = doc.attachments.map((a, i) => (count > 1 ? `${i + 1}.` : '') + oneLine(a.title));
    parts.push(`${INDENT}附件：${titles.join('；')}`);
  }
  if (doc.kind !== 'minutes') {
    const foot = [doc.issuer, doc.dateText].filter(Boolean).map((t) => rightAlign(oneLine(t!)));
    parts.push(foot.join('\n'));
  }
  doc.attachments.forEach((att, i) => {
    parts.push('='.repeat(PAGE_WIDTH), ...attachmentText(att, i, doc.attachments.length, options));
  });
  return `${parts.join('\n\n')}\n`;
}
