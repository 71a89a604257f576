// Markdown rendering of a briefing (minutes or bulletin). Text from files was sanitized by the
// loader; here only Markdown's own characters are escaped so a name cannot break a table or
// start emphasis.
import type { Attachment, Block, BriefingDocument, Cell, Column } from './document.js';
import { attachmentLabel } from './wording.js';

/** Escapes characters Markdown would act on inside a line (and table pipes). */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\r?\n/g, ' ')
    .replace(/([\\`*_[\]<>|])/g, '\\$1')
    .replace(/^([#+-])/, '\\$1');
}

function alignMarker(column: Column): string {
  if (column.align === 'right') return '---:';
  if (column.align === 'center') return ':---:';
  return '---';
}

function tableLines(columns: Column[], rows: Cell[][]): string[] {
  const line = (cells: string[]): string => `| ${cells.join(' | ')} |`;
  const out = [line(columns.map((c) => escapeMarkdown(c.title))), line(columns.map(alignMarker))];
  for (const row of rows) {
    out.push(line(columns.map((_, i) => escapeMarkdown(row[i]?.text ?? ''))));
  }
  return out;
}

function blockLines(block: Block): string[] {
  switch (block.type) {
    case 'heading':
      return [`${'#'.repeat(block.level + 1)} ${escapeMarkdown(block.text)}`];
    case 'paragraph':
      return [escapeMarkdown(block.text)];
    case 'list':
      // Items carry their own numbers ("1.…", no space after the dot, so Markdown does not renumber
      // them); a hard line break keeps one item a line.
      return block.items.map((item, i, all) => {
        const line = escapeMarkdown(item);
        return i < all.length - 1 ? `${line}  ` : line;
      });
    case 'table': {
      const out: string[] = [];
      if (block.caption) out.push(`**${escapeMarkdown(block.caption)}**`, '');
      if (block.unitNote) out.push(`（${escapeMarkdown(block.unitNote)}）`, '');
      out.push(...tableLines(block.columns, block.rows));
      return out;
    }
    case 'attendance': {
      const out: string[] = [`**出席：**${escapeMarkdown(block.present.join('、') || '无')}`];
      if (block.absent.length > 0) out.push(`**请假：**${escapeMarkdown(block.absent.join('、'))}`);
      if (block.attending.length > 0) out.push(`**列席：**${escapeMarkdown(block.attending.join('、'))}`);
      return out.map((l, i) => (i < out.length - 1 ? `${l}  ` : l));
    }
    case 'chart':
      return []; // the table beside it has the figures (a chart is an image in Word)
  }
}

function blocksText(blocks: Block[]): string[] {
  const parts: string[] = [];
  for (const block of blocks) if (block.type !== 'chart') parts.push(blockLines(block).join('\n'));
  return parts;
}

function attachmentText(att: Attachment, index: number, count: number): string[] {
  return [`## ${attachmentLabel(index, count)}：${escapeMarkdown(att.title)}`, ...blocksText(att.blocks)];
}

/** The issuing office and the date, joined by `separator`. */
function signature(doc: BriefingDocument, separator: string): string {
  return [doc.issuer, doc.dateText]
    .filter(Boolean)
    .map((t) => escapeMarkdown(t!))
    .join(separator);
}

export function renderMarkdown(doc: BriefingDocument): string {
  const parts: string[] = [`# ${escapeMarkdown(doc.title)}`];
  if (doc.issueLine) parts.push(escapeMarkdown(doc.issueLine));
  if (doc.kind === 'minutes') {
    // 纪要: the issuing office and the date stand under the issue number, before the body.
    parts.push(signature(doc, '　　'));
  }
  parts.push(...blocksText(doc.blocks));
  const count = doc.attachments.length;
  if (count > 0) {
    // 附件说明 follows the body, before the signature (GB/T 9704 §7.3.4).
    const titles = doc.attachments.map((a, i) => (count > 1 ? `${i + 1}.` : '') + escapeMarkdown(a.title));
    parts.push(`附件：${titles.join('；')}`);
  }
  if (doc.kind !== 'minutes') {
    // 通报 (and 考核通报, 督办通知单): the issuing office and the date close the text (落款).
    parts.push(signature(doc, '  \n'));
  }
  doc.attachments.forEach((att, i) => {
    parts.push('---', ...attachmentText(att, i, count));
  });
  return `${parts.join('\n\n')}\n`;
}
