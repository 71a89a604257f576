// Just enough ZIP for the Word export: read the entries of a package (as the docx library writes it:
// stored or deflated, no ZIP64, no encryption) and write a package again in the same order, copying
// the entries that do not change byte for byte and deflating a replaced entry from a stream of text
// pieces, so that a large word/document.xml never has to exist as one string or one buffer.
import zlib from 'node:zlib';

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated */
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  /** MS-DOS time and date of the entry, kept when the package is written again */
  time: number;
  date: number;
  /** the entry's bytes as stored in the package (compressed when method is 8) */
  raw: Buffer;
}

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const END = 0x06054b50;
/** the largest size a ZIP without ZIP64 records: an entry or a package beyond it cannot be written */
export const ZIP_LIMIT = 0xffffffff;

/** The entries of a ZIP package, in the order of its central directory. */
export function readZip(zip: Buffer): ZipEntry[] {
  let end = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (zip.readUInt32LE(i) === END) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new Error('zip: no end of central directory');
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const entries: ZipEntry[] = [];
  for (let n = 0; n < count; n++) {
    if (zip.readUInt32LE(at) !== CENTRAL) throw new Error('zip: bad central directory');
    const flags = zip.readUInt16LE(at + 8);
    if (flags & 1) throw new Error('zip: encrypted entry');
    const method = zip.readUInt16LE(at + 10);
    const time = zip.readUInt16LE(at + 12);
    const date = zip.readUInt16LE(at + 14);
    const crc = zip.readUInt32LE(at + 16);
    const compressedSize = zip.readUInt32LE(at + 20);
    const size = zip.readUInt32LE(at + 24);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const offset = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    if (zip.readUInt32LE(offset) !== LOCAL) throw new Error(`zip: bad local header for ${name}`);
    const dataStart = offset + 30 + zip.readUInt16LE(offset + 26) + zip.readUInt16LE(offset + 28);
    entries.push({
      name,
      method,
      crc,
      compressedSize,
      size,
      time,
      date,
      raw: zip.subarray(dataStart, dataStart + compressedSize),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** An entry's text (UTF-8). */
export function entryText(entry: ZipEntry): string {
  const bytes = entry.method === 0 ? entry.raw : zlib.inflateRawSync(entry.raw);
  return bytes.toString('utf8');
}

const crcTable = ((): Uint32Array => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

const nativeCrc32 = (zlib as { crc32?: (data: Uint8Array, value?: number) => number }).crc32;

/** CRC-32 of the ZIP format, continued from `crc`: zlib's own where Node has it (20.15+), else a table. */
export function crc32(data: Uint8Array, crc = 0): number {
  return typeof nativeCrc32 === 'function' ? nativeCrc32(data, crc) : crc32Table(data, crc);
}

/** CRC-32 computed with a table, for Node before 20.15. */
export function crc32Table(data: Uint8Array, crc = 0): number {
  let c = ~crc >>> 0;
  for (let i = 0; i < data.length; i++) c = (crcTable[(c ^ (data[i] ?? 0)) & 0xff] ?? 0) ^ (c >>> 8);
  return ~c >>> 0;
}

/**
 * Deflates text pieces as they come (the generator is drawn one piece at a time, and waits while the
 * compressor is behind), returning the compressed bytes, the CRC and the size of the text.
 */
export async function deflateText(
  pieces: Iterable<string>,
): Promise<Pick<ZipEntry, 'raw' | 'crc' | 'size' | 'compressedSize'>> {
  const out: Buffer[] = [];
  const deflate = zlib.createDeflateRaw();
  deflate.on('data', (chunk: Buffer) => out.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    deflate.on('end', resolve);
    deflate.on('error', reject);
  });
  let crc = 0;
  let size = 0;
  try {
    for (const piece of pieces) {
      const bytes = Buffer.from(piece, 'utf8');
      crc = crc32(bytes, crc);
      size += bytes.length;
      if (size > ZIP_LIMIT) throw new RangeError('zip: entry over 4 GB');
      if (!deflate.write(bytes)) await new Promise((resolve) => deflate.once('drain', resolve));
    }
  } catch (error) {
    done.catch(() => undefined);
    deflate.destroy();
    throw error;
  }
  deflate.end();
  await done;
  const raw = Buffer.concat(out);
  return { raw, crc, size, compressedSize: raw.length };
}

/** A ZIP package of the entries, in their order (no ZIP64: refuses a package over 4 GB). */
export function writeZip(entries: ZipEntry[]): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL, 0);
    local.writeUInt16LE(20, 4); // version needed: 2.0 (deflate)
    local.writeUInt16LE(0x0800, 6); // names in UTF-8
    local.writeUInt16LE(e.method, 8);
    local.writeUInt16LE(e.time, 10);
    local.writeUInt16LE(e.date, 12);
    local.writeUInt32LE(e.crc, 14);
    local.writeUInt32LE(e.compressedSize, 18);
    local.writeUInt32LE(e.size, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(CENTRAL, 0);
    dir.writeUInt16LE(20, 4); // made by: version 2.0, MS-DOS attributes
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(0x0800, 8);
    dir.writeUInt16LE(e.method, 10);
    dir.writeUInt16LE(e.time, 12);
    dir.writeUInt16LE(e.date, 14);
    dir.writeUInt32LE(e.crc, 16);
    dir.writeUInt32LE(e.compressedSize, 20);
    dir.writeUInt32LE(e.size, 24);
    dir.writeUInt16LE(name.length, 28);
    dir.writeUInt32LE(offset, 42);
    parts.push(local, name, e.raw);
    central.push(dir, name);
    offset += 30 + name.length + e.raw.length;
    if (offset > ZIP_LIMIT) throw new RangeError('zip: package over 4 GB');
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(END, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, directory, end]);
}
