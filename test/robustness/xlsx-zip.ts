// Small hostile .xlsx files built at run time (issue 9, item 8): a minimal workbook zip whose sheet or
// shared-string XML is given, deflated here. A long repeated part (a 300 MB text) is deflated as one
// segment repeated: sync-flushed deflate segments concatenate into one valid stream, so a 300 MB text
// costs a few hundred KB of zip and no 300 MB buffer in the test.
import { deflateRawSync, constants } from 'node:zlib';

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crcUpdate(crc: number, data: Uint8Array): number {
  let c = crc ^ 0xffffffff;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** Part of an entry: literal bytes, or `data` repeated `times` times. */
export type Piece = string | Buffer | { repeat: string | Buffer; times: number };

interface Built {
  name: string;
  deflated: Buffer;
  size: number;
  crc: number;
}

function buildEntry(name: string, pieces: Piece[], withCrc: boolean): Built {
  const segments: Buffer[] = [];
  let size = 0;
  let crc = 0;
  const sync = { finishFlush: constants.Z_SYNC_FLUSH };
  for (const piece of pieces) {
    if (typeof piece === 'string' || Buffer.isBuffer(piece)) {
      const b = Buffer.from(piece);
      segments.push(deflateRawSync(b, sync));
      size += b.length;
      if (withCrc) crc = crcUpdate(crc, b);
    } else {
      const b = Buffer.from(piece.repeat);
      const seg = deflateRawSync(b, sync);
      for (let i = 0; i < piece.times; i++) {
        segments.push(seg);
        if (withCrc) crc = crcUpdate(crc, b);
      }
      size += b.length * piece.times;
    }
  }
  segments.push(deflateRawSync(Buffer.alloc(0))); // the final block
  return { name, deflated: Buffer.concat(segments), size, crc };
}

/** A zip of the entries (deflated); sizes over 4 GB are not supported. */
export function zip(entries: { name: string; pieces: Piece[] }[], withCrc = true): Buffer {
  const built = entries.map((e) => buildEntry(e.name, e.pieces, withCrc));
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of built) {
    const name = Buffer.from(e.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(e.crc, 14);
    local.writeUInt32LE(e.deflated.length, 18);
    local.writeUInt32LE(e.size >>> 0, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(e.crc, 16);
    central.writeUInt32LE(e.deflated.length, 20);
    central.writeUInt32LE(e.size >>> 0, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, e.deflated);
    centrals.push(central, name);
    offset += 30 + name.length + e.deflated.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(built.length, 8);
  end.writeUInt16LE(built.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/**
 * A one-sheet workbook named `sheetName`; `sheetData` are the pieces between <sheetData> and
 * </sheetData>; `shared` (optional) the pieces between <sst> and </sst>.
 */
export function workbook(
  sheetData: Piece[],
  shared?: Piece[],
  sheetName = '台账',
  withCrc = true,
  extra: { name: string; pieces: Piece[] }[] = [],
): Buffer {
  const entries: { name: string; pieces: Piece[] }[] = [
    {
      name: '[Content_Types].xml',
      pieces: [
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
          '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
          '<Default Extension="xml" ContentType="application/xml"/>' +
          '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
          '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
          (shared
            ? '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
            : '') +
          '</Types>',
      ],
    },
    {
      name: '_rels/.rels',
      pieces: [
        `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
      ],
    },
    {
      name: 'xl/workbook.xml',
      pieces: [
        `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${NS}" xmlns:r="${REL}"><sheets><sheet name="${sheetName}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      ],
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      pieces: [
        `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>` +
          (shared ? `<Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>` : '') +
          '</Relationships>',
      ],
    },
    {
      name: 'xl/worksheets/sheet1.xml',
      pieces: [
        `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${NS}"><sheetData>`,
        ...sheetData,
        '</sheetData></worksheet>',
      ],
    },
  ];
  if (shared) {
    entries.push({
      name: 'xl/sharedStrings.xml',
      pieces: [`<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${NS}">`, ...shared, '</sst>'],
    });
  }
  return zip([...entries, ...extra], withCrc);
}

/** A header row and one project row, as inline strings (a register sheet exceljs reads). */
export const HEADER_ROW =
  '<row r="1">' +
  ['项目名称', '建设性质', '建设阶段', '责任单位', '总投资', '年度计划投资', '年度累计完成投资']
    .map((h, i) => `<c r="${String.fromCharCode(65 + i)}1" t="inlineStr"><is><t>${h}</t></is></c>`)
    .join('') +
  '</row>';
