// Long tables and lists in the Word export, written row by row. The docx library builds an object
// for every row, cell, paragraph and run, then the whole document.xml as one string: a
// 10,000-project 附件 (90,000 cells) took 16 s and 1.6 GB, and 100,000 projects ran out of memory.
// So a table of more than STREAM_ROWS rows is given to docx with its real header and four template
// rows only (one plain, one for each light), every cell holding a marker instead of its text; a
// list of more items (the bulletin's 进度滞后项目, thousands at that size) with one template
// paragraph and its last item. Once docx has written the package, word/document.xml is written
// again: each template is cut at its marker, and the real rows and items are put together from those
// pieces and the escaped text, streamed into the compressor a few hundred at a time. Every byte
// around the text is what docx wrote, so the document is the same either way
// (test/office/docx-stream.test.ts compares the two), whatever docx.ts sets on cells and paragraphs.
import { randomBytes } from 'node:crypto';
import type { Block, Cell } from './document.js';
import type { Light } from '../domain/types.js';
import { sanitizeText } from '../text/sanitize.js';
import { deflateText, entryText, readZip, writeZip } from './zip.js';

/** Tables of more rows and lists of more items than this are streamed (the 平鲁 附件 of 171 rows is). */
export const STREAM_ROWS = 100;

/** Rows put together before they go to the compressor. */
const BATCH_ROWS = 256;

type TableBlock = Extract<Block, { type: 'table' }>;

/** The template rows' lights: row 0 has none, rows 1–3 have 红, 黄, 绿 in every cell. */
const VARIANTS: readonly (Light | undefined)[] = [undefined, '红', '黄', '绿'];

type Streamed = { kind: 'table'; block: TableBlock } | { kind: 'list'; items: string[] };

/** Where a streamed block's templates are in document.xml, and what replaces them. */
interface Span {
  start: number;
  end: number;
  write: () => Generator<string>;
}

/** `n` written in the letters a–z (base 26): markers hold no digits, which the Word text rules would join. */
function letters(n: number): string {
  let out = '';
  do {
    out = String.fromCharCode(97 + (n % 26)) + out;
    n = Math.floor(n / 26);
  } while (n > 0);
  return out;
}

/** The tables and lists of one Word document that are streamed, in the order docx.ts met them. */
export class StreamedBlocks {
  readonly blocks: Streamed[] = [];
  /** makes the markers unlike any text of the document (letters only: no text rule touches them) */
  private readonly nonce = letters([...randomBytes(8)].reduce((n, b) => n * 256 + b, 0));

  /**
   * `textOf`: what the renderer does to a cell's or item's text before it is escaped (docx.ts: sanitise,
   * and join dates and numbers with their units), so streamed rows read as rows docx wrote.
   */
  constructor(
    readonly minRows: number,
    private readonly textOf: (text: string) => string = sanitizeText,
  ) {}

  marker(block: number, variant: number, column: number): string {
    return `DIAODU${this.nonce}T${letters(block)}V${letters(variant)}C${letters(column)}E`;
  }

  /** The package docx wrote, with every streamed block's templates replaced by its rows or items. */
  async expand(pkg: Buffer): Promise<Buffer> {
    if (this.blocks.length === 0) return pkg;
    const entries = readZip(pkg);
    const entry = entries.find((e) => e.name === 'word/document.xml');
    if (!entry) throw new Error('docx-stream: the package has no word/document.xml');
    const packed = await deflateText(this.pieces(entryText(entry)));
    Object.assign(entry, packed, { method: 8 });
    return writeZip(entries);
  }

  /** document.xml in pieces: what docx wrote between the templates, and the rows and items. */
  *pieces(xml: string): Generator<string> {
    const spans = this.blocks
      .map((b, t) => (b.kind === 'table' ? this.table(xml, b.block, t) : this.list(xml, b.items, t)))
      .sort((a, b) => a.start - b.start);
    let at = 0;
    for (const span of spans) {
      yield xml.slice(at, span.start);
      yield* span.write();
      at = span.end;
    }
    yield xml.slice(at);
  }

  /** Finds table `t`'s template rows in document.xml and cuts each cell at its marker. */
  private table(xml: string, block: TableBlock, t: number): Span {
    const columns = block.columns.length;
    const first = xml.indexOf(this.marker(t, 0, 0));
    if (first < 0) throw new Error(`docx-stream: table ${t}'s template rows are missing`);
    const start = Math.max(xml.lastIndexOf('<w:tr>', first), xml.lastIndexOf('<w:tr ', first));
    let rowHead = '';
    // cells[c][v]: the text before and after the marker of column c in variant v
    const cells: [string, string][][] = Array.from({ length: columns }, () => []);
    let at = start;
    for (let v = 0; v < VARIANTS.length; v++) {
      const end = xml.indexOf('</w:tr>', at);
      const row = xml.slice(at, end);
      const firstCell = row.search(/<w:tc[\s>]/);
      if (end < 0 || firstCell < 0)
        throw new Error(`docx-stream: table ${t}'s template row ${v} is not a row`);
      if (v === 0) rowHead = row.slice(0, firstCell);
      else if (row.slice(0, firstCell) !== rowHead) throw new Error('docx-stream: template rows differ');
      let cellAt = firstCell;
      for (let c = 0; c < columns; c++) {
        const cellEnd = row.indexOf('</w:tc>', cellAt) + '</w:tc>'.length;
        const cell = row.slice(cellAt, cellEnd);
        const marker = this.marker(t, v, c);
        const m = cell.indexOf(marker);
        if (cellEnd < cellAt || m < 0 || cell.includes(marker, m + 1)) {
          throw new Error(`docx-stream: table ${t}, template row ${v}, column ${c} is not as expected`);
        }
        cells[c]?.push([cell.slice(0, m), cell.slice(m + marker.length)]);
        cellAt = cellEnd;
      }
      if (cellAt !== row.length)
        throw new Error(`docx-stream: table ${t}'s template row ${v} has more cells`);
      at = end + '</w:tr>'.length;
    }
    const textOf = this.textOf;
    function* write(): Generator<string> {
      for (let from = 0; from < block.rows.length; from += BATCH_ROWS) {
        let text = '';
        for (const row of block.rows.slice(from, from + BATCH_ROWS)) {
          text += rowHead;
          for (let c = 0; c < columns; c++) {
            const cell: Cell = row[c] ?? { text: '' };
            const piece = cells[c]?.[cell.light ? VARIANTS.indexOf(cell.light) : 0];
            if (!piece) throw new Error('docx-stream: no template for a cell');
            text += piece[0] + escapeXml(textOf(cell.text)) + piece[1];
          }
          text += '</w:tr>';
        }
        yield text;
      }
    }
    return { start, end: at, write };
  }

  /** Finds list `t`'s template paragraph in document.xml: its items but the last are copies of it. */
  private list(xml: string, items: string[], t: number): Span {
    const marker = this.marker(t, 0, 0);
    const m = xml.indexOf(marker);
    if (m < 0) throw new Error(`docx-stream: list ${t}'s template paragraph is missing`);
    const start = Math.max(xml.lastIndexOf('<w:p>', m), xml.lastIndexOf('<w:p ', m));
    const end = xml.indexOf('</w:p>', m) + '</w:p>'.length;
    const para = xml.slice(start, end);
    if (start < 0 || end < m || para.indexOf(marker) !== para.lastIndexOf(marker)) {
      throw new Error(`docx-stream: list ${t}'s template paragraph is not as expected`);
    }
    const before = xml.slice(start, m);
    const after = xml.slice(m + marker.length, end);
    const textOf = this.textOf;
    function* write(): Generator<string> {
      for (let from = 0; from < items.length; from += BATCH_ROWS) {
        let text = '';
        for (const item of items.slice(from, from + BATCH_ROWS)) {
          text += before + escapeXml(textOf(item)) + after;
        }
        yield text;
      }
    }
    return { start, end, write };
  }
}

/** The template rows docx.ts sets for a streamed table (and notes the table). */
export function templateRows(block: TableBlock, streamed: StreamedBlocks): Cell[][] {
  const t = streamed.blocks.push({ kind: 'table', block }) - 1;
  return VARIANTS.map((light, v) =>
    block.columns.map((_, c) => ({ text: streamed.marker(t, v, c), ...(light ? { light } : {}) })),
  );
}

/**
 * The items docx.ts sets for a streamed list: one template for all but the last item, which docx
 * writes itself (it may differ: it keeps with what follows).
 */
export function templateItems(items: string[], streamed: StreamedBlocks): string[] {
  const t = streamed.blocks.push({ kind: 'list', items: items.slice(0, -1) }) - 1;
  return [streamed.marker(t, 0, 0), ...items.slice(-1)];
}

const XML_ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '"': '&quot;',
  "'": '&apos;',
  '<': '&lt;',
  '>': '&gt;',
};

/** Text as the docx library escapes it (its `xml` package: & " ' < >). */
export function escapeXml(text: string): string {
  return text.replace(/[&"'<>]/g, (ch) => XML_ENTITIES[ch] ?? ch);
}
