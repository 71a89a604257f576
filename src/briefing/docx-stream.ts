// Long tables in the Word export, written row by row. The docx library builds an object for every
// row, cell, paragraph and run, then the whole document.xml as one string: a 10,000-project 附件
// (90,000 cells) took 16 s and 1.6 GB, and 100,000 projects ran out of memory. So a table of more
// than STREAM_ROWS rows is given to docx with its real header and four template rows only (one
// plain, one for each light), every cell holding a marker instead of its text. Once docx has written
// the package, word/document.xml is written again: each template cell is cut at its marker, and the
// real rows are put together from those pieces and the escaped text, streamed into the compressor a
// few hundred rows at a time. Every byte around the text is what docx wrote, so the table looks the
// same either way (test/office/docx-stream.test.ts compares the two), whatever docx.ts sets on cells.
import { randomBytes } from 'node:crypto';
import type { Block, Cell } from './document.js';
import type { Light } from '../domain/types.js';
import { sanitizeText } from '../text/sanitize.js';
import { deflateText, entryText, readZip, writeZip } from './zip.js';

/** Tables of more rows than this are streamed (the 平鲁 附件 of 171 rows already is). */
export const STREAM_ROWS = 100;

/** Rows put together before they go to the compressor. */
const BATCH_ROWS = 256;

type TableBlock = Extract<Block, { type: 'table' }>;

/** The template rows' lights: row 0 has none, rows 1–3 have 红, 黄, 绿 in every cell. */
const VARIANTS: readonly (Light | undefined)[] = [undefined, '红', '黄', '绿'];

/** The tables of one Word document that are streamed, in the order docx.ts met them. */
export class StreamedTables {
  readonly tables: TableBlock[] = [];
  /** makes the markers unlike any text of the document */
  private readonly nonce = randomBytes(8).toString('hex');

  constructor(readonly minRows: number) {}

  marker(table: number, variant: number, column: number): string {
    return `DIAODU${this.nonce}T${table}V${variant}C${column}E`;
  }

  /** The package docx wrote, with every streamed table's template rows replaced by its rows. */
  async expand(pkg: Buffer): Promise<Buffer> {
    if (this.tables.length === 0) return pkg;
    const entries = readZip(pkg);
    const entry = entries.find((e) => e.name === 'word/document.xml');
    if (!entry) throw new Error('docx-stream: the package has no word/document.xml');
    const packed = await deflateText(this.pieces(entryText(entry)));
    Object.assign(entry, packed, { method: 8 });
    return writeZip(entries);
  }

  /** document.xml in pieces: the text docx wrote between the tables' template rows, and the rows. */
  *pieces(xml: string): Generator<string> {
    const spans = this.tables
      .map((block, t) => this.templates(xml, block, t))
      .sort((a, b) => a.start - b.start);
    let at = 0;
    for (const span of spans) {
      yield xml.slice(at, span.start);
      const { rowHead, cells } = span;
      for (let from = 0; from < span.block.rows.length; from += BATCH_ROWS) {
        let text = '';
        for (const row of span.block.rows.slice(from, from + BATCH_ROWS)) {
          text += rowHead;
          for (let c = 0; c < cells.length; c++) {
            const cell: Cell = row[c] ?? { text: '' };
            const piece = cells[c]?.[cell.light ? VARIANTS.indexOf(cell.light) : 0];
            if (!piece) throw new Error('docx-stream: no template for a cell');
            text += piece[0] + escapeXml(sanitizeText(cell.text)) + piece[1];
          }
          text += '</w:tr>';
        }
        yield text;
      }
      at = span.end;
    }
    yield xml.slice(at);
  }

  /** Finds table `t`'s template rows in document.xml and cuts each cell at its marker. */
  private templates(xml: string, block: TableBlock, t: number) {
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
    return { block, start, end: at, rowHead, cells };
  }
}

/** The template rows docx.ts sets for a streamed table (and notes the table). */
export function templateRows(block: TableBlock, streamed: StreamedTables): Cell[][] {
  const t = streamed.tables.push(block) - 1;
  return VARIANTS.map((light, v) =>
    block.columns.map((_, c) => ({ text: streamed.marker(t, v, c), ...(light ? { light } : {}) })),
  );
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
