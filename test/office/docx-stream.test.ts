// Long tables in the Word export are written row by row from docx's own template rows
// (src/briefing/docx-stream.ts) over a small ZIP reader and writer (src/briefing/zip.ts). The
// streamed package must say exactly what the docx library would have written, and a table too long
// for the library (or for Math.max(...cells)) must still be written.
import zlib from 'node:zlib';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import type { BriefingDocument, Cell } from '../../src/briefing/document.js';
import { chars, renderDocx } from '../../src/briefing/docx.js';
import { STREAM_ROWS, escapeXml } from '../../src/briefing/docx-stream.js';
import { crc32, crc32Table, deflateText, entryText, readZip, writeZip } from '../../src/briefing/zip.js';
import { sampleBulletin } from './sample-documents.js';

/** Every entry's text but docProps/core.xml (it holds the time of writing). */
async function entries(doc: BriefingDocument, streamRows?: number): Promise<Map<string, string>> {
  const pkg = await renderDocx(doc, streamRows === undefined ? {} : { streamRows });
  return new Map(
    readZip(pkg)
      .filter((e) => e.name !== 'docProps/core.xml')
      .map((e) => [e.name, entryText(e)]),
  );
}

/** A bulletin whose 附件 holds every kind of cell: lights, empty, missing, hostile text. */
function awkwardBulletin(projects: number): BriefingDocument {
  const doc = sampleBulletin(projects);
  const table = doc.attachments[0]?.blocks[0];
  if (table?.type !== 'table') throw new Error('sample has no 附件 table');
  const odd: Cell[][] = [
    [{ text: 'A&B <C> "D" \'E\'' }, { text: '' }, { text: '红', light: '红' }],
    [{ text: 'x\u0007y\u001b[31mz\ttab\nline' }, { text: '黄', light: '黄' }],
    [],
    [{ text: '&amp; already escaped' }, { text: '〰ｶﾞ👍🏽 é' }, { text: '绿', light: '绿' }],
  ];
  table.rows.splice(5, 0, ...odd.map((r) => [...r, ...table.rows[0]!.slice(r.length, r.length ? 11 : 0)]));
  // long lists: one in the middle of the text, one last (its last item keeps with the signature)
  const items = (n: number, tag: string): string[] =>
    Array.from(
      { length: n },
      (_, i) => `${i + 1}.${tag}项目${i}（A&B <C> "D"\u0007）：滞后${i % 40}个百分点。`,
    );
  doc.blocks.splice(3, 0, { type: 'list', items: items(projects, '中间') });
  doc.blocks.push({ type: 'list', items: items(projects + 1, '最后') });
  return doc;
}

describe('streamed tables in the Word export', () => {
  it('writes the same package as the docx library does, cell for cell', async () => {
    const doc = awkwardBulletin(STREAM_ROWS + 80);
    const viaDocx = await entries(doc, Infinity);
    const streamed = await entries(doc);
    expect([...streamed.keys()]).toEqual([...viaDocx.keys()]);
    for (const [name, text] of viaDocx) expect(streamed.get(name), name).toBe(text);
    // and the streamed rows are all there, hostile text escaped and cleaned as docx does it
    // (dates, numbers and ids are held together with word joiners, U+2060: read the text without them)
    const xml = (streamed.get('word/document.xml') ?? '').replaceAll('\u2060', '');
    expect(xml.match(/<w:tr>/g)).toHaveLength(7 + 1 + STREAM_ROWS + 80 + 4);
    expect(xml).toContain('A&amp;B &lt;C&gt; &quot;D&quot; &apos;E&apos;');
    expect(xml).toContain('&amp;amp; already escaped');
    expect(xml).not.toContain('DIAODU');
    expect(xml).toContain(
      `>${STREAM_ROWS + 80}.最后项目${STREAM_ROWS + 79}（A&amp;B &lt;C&gt; &quot;D&quot;\ufffd）`,
    );
    const lastItem = /<w:p>(?:(?!<w:p>).)*最后项目180（.*?<\/w:p>/s.exec(xml)?.[0] ?? '';
    expect(lastItem).toContain('<w:keepNext/>');
    expect(/<w:p>(?:(?!<w:p>).)*最后项目179（.*?<\/w:p>/s.exec(xml)?.[0]).not.toContain('<w:keepNext/>');
  });

  it('streams every table over the limit, the ranking table too, and leaves short ones to docx', async () => {
    const doc = awkwardBulletin(40);
    const viaDocx = await entries(doc, Infinity);
    for (const limit of [0, 5]) {
      const streamed = await entries(doc, limit);
      expect(streamed.get('word/document.xml')).toBe(viaDocx.get('word/document.xml'));
    }
  });

  it('writes a table of 150,000 rows (too many for the library, or to spread into Math.max)', async () => {
    const n = 150_000;
    const rows: Cell[][] = Array.from({ length: n }, (_, i) => [
      { text: `BM-${String(i + 1).padStart(6, '0')}` },
      { text: i % 3 === 0 ? '红' : '绿', light: i % 3 === 0 ? '红' : '绿' },
    ]);
    const doc: BriefingDocument = {
      ...sampleBulletin(1),
      attachments: [
        {
          title: '进度表',
          blocks: [
            {
              type: 'table',
              columns: [
                { title: '编号', align: 'left' },
                { title: '灯', align: 'center' },
              ],
              rows,
            },
          ],
        },
      ],
    };
    const entry = readZip(await renderDocx(doc)).find((e) => e.name === 'word/document.xml');
    const xml = zlib.inflateRawSync(entry?.raw ?? Buffer.alloc(0));
    const count = (what: string): number => {
      let k = 0;
      for (let at = xml.indexOf(what); at >= 0; at = xml.indexOf(what, at + 1)) k++;
      return k;
    };
    // the ranking table's 7 rows, the 附件's header and every project
    expect(count('<w:tr>')).toBe(7 + 1 + n);
    expect(count('w:fill="FF0000"')).toBe(n / 3);
    expect(xml.toString('utf8', xml.lastIndexOf('<w:tr>')).replaceAll('\u2060', '')).toContain('BM-150000');
  }, 60_000);
});

describe('zip', () => {
  it('reads what it writes, and deflates streamed text to the same bytes', async () => {
    const pieces = ['<a>', '平鲁'.repeat(10_000), '</a>'];
    const packed = await deflateText(pieces);
    expect(zlib.inflateRawSync(packed.raw).toString('utf8')).toBe(pieces.join(''));
    expect(packed.size).toBe(Buffer.byteLength(pieces.join('')));
    expect(packed.crc).toBe(crc32(Buffer.from(pieces.join(''))));
    const stored = Buffer.from('stored entry');
    const written = writeZip([
      { name: '[Content_Types].xml', method: 8, time: 0x6000, date: 0x5a21, ...packed },
      {
        name: '文件.txt',
        method: 0,
        time: 0,
        date: 0x21,
        crc: crc32(stored),
        size: stored.length,
        compressedSize: stored.length,
        raw: stored,
      },
    ]);
    const read = readZip(written);
    expect(read.map((e) => e.name)).toEqual(['[Content_Types].xml', '文件.txt']);
    expect(entryText(read[0]!)).toBe(pieces.join(''));
    expect(entryText(read[1]!)).toBe('stored entry');
    expect(read[0]!.time).toBe(0x6000);
    expect(read[0]!.date).toBe(0x5a21);
  });

  it('passes on an error from the text it deflates, and stops the compressor', async () => {
    function* broken(): Generator<string> {
      yield '<a>';
      throw new Error('template not found');
    }
    await expect(deflateText(broken())).rejects.toThrow('template not found');
  });

  it('computes CRC-32 by table as zlib does (for Node before 20.15)', () => {
    const data = Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 7919) % 256));
    const native = (zlib as { crc32?: (d: Uint8Array) => number }).crc32;
    if (native) expect(crc32Table(data)).toBe(native(data));
    expect(crc32Table(Buffer.from('123456789'))).toBe(0xcbf43926);
    expect(crc32Table(data.subarray(2000), crc32Table(data.subarray(0, 2000)))).toBe(crc32Table(data));
    expect(crc32(data)).toBe(crc32Table(data));
  });
});

describe('table text measure', () => {
  it('counts simple text as string-width does', () => {
    const ranges: [number, number][] = [
      [0x20, 0x7e],
      [0x3000, 0x303e],
      [0x3400, 0x4dbf],
      [0x4e00, 0x9fff],
      [0xf900, 0xfaff],
      [0xff01, 0xff60],
      [0xffe0, 0xffe6],
    ];
    for (const [from, to] of ranges) {
      for (let cp = from; cp <= to; cp++) {
        const ch = String.fromCodePoint(cp);
        expect(chars(ch), cp.toString(16)).toBe(stringWidth(ch) / 2);
        expect(chars(`A${ch}中1`), cp.toString(16)).toBe(stringWidth(`A${ch}中1`) / 2);
      }
    }
    for (const text of ['', 'QC-019', '光伏新材料项目1号', '100.0%', 'ｶﾞ', '👍🏽', 'é', '\u302a']) {
      expect(chars(text), text).toBe(stringWidth(text) / 2);
    }
  });

  it('escapes text as the docx library does', () => {
    expect(escapeXml(`a&b<c>d"e'f`)).toBe('a&amp;b&lt;c&gt;d&quot;e&apos;f');
  });
});
