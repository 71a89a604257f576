// Bounded work on hostile or huge spreadsheets (issue 9, item 8). exceljs reads a whole workbook into
// memory: a 344 KB file holding a 300 MB text cell, 1,048,576 rows or one cell at XFD1048576 took it
// past 5 minutes and 3 GB. Before exceljs sees the file, this reads the zip's directory and streams
// each worksheet and the shared-string table through inflate, counting as it goes (never holding more
// than one chunk of inflated XML), and refuses a workbook over any cap with the sheet and cell named:
//   - the .xlsx file itself over MAX_XLSX_FILE_BYTES, or a part that inflates past MAX_PART_BYTES;
//   - a row number past MAX_ROWS, a column past MAX_COLUMNS, more than MAX_CELLS cells;
//   - a cell holding more than MAX_CELL_CHARS characters (Excel's own limit per cell).
// It also tells what a file that is not a zip is (an old .xls or a password-protected workbook, both
// OLE2 containers; a CSV or other text renamed to .xlsx), so no English from the zip library reaches
// the secretary.
import { createInflateRaw } from 'node:zlib';

export const MAX_XLSX_FILE_BYTES = 50 * 1024 * 1024;
/** inflated size of one worksheet or of the shared-string table */
export const MAX_PART_BYTES = 100 * 1024 * 1024;
export const MAX_ROWS = 50_000;
/** column GR; a register has about 20–40 columns */
export const MAX_COLUMNS = 200;
export const MAX_CELLS = 1_000_000;
/** Excel's own limit on the characters in one cell */
export const MAX_CELL_CHARS = 32_767;

/** A refusal: a sentence, and the sheet and cell it is about when there is one. */
export interface XlsxRefusal {
  message: string;
  sheet?: string;
  /** cell reference ("XFD1048576") or row number */
  row?: number;
  col?: string;
}

export interface XlsxScan {
  /** worksheets in workbook order with the rows and cells counted in each */
  sheets: { name: string; rows: number; cells: number }[];
  /** inflated bytes of every worksheet and the shared-string table */
  xmlBytes: number;
}

const MB = 1024 * 1024;
const mb = (n: number): string => `${(n / MB).toFixed(1)} MB`;
const thousands = (n: number): string => n.toLocaleString('en-US');

interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

class Refused extends Error {
  constructor(readonly refusal: XlsxRefusal) {
    super(refusal.message);
  }
}

const refuse = (refusal: XlsxRefusal): never => {
  throw new Refused(refusal);
};

const NOT_XLSX_TAIL = '请用 Excel 或 WPS 打开后“另存为” Excel 工作簿（.xlsx）再导入。';

/** What a file that is not a zip archive is, from its first bytes. */
function notAZip(bytes: Buffer, name: string): string {
  if (bytes.length === 0) return `“${name}”是空文件，不是 .xlsx 工作簿。`;
  if (bytes.readUInt32BE(0) === 0xd0cf11e0) {
    return `“${name}”不是 .xlsx 工作簿，而是旧版 .xls 文件，或设置了打开密码的 Excel 文件（两者都是 OLE2 格式）；有密码的请先在 Excel 或 WPS 中取消密码，再${NOT_XLSX_TAIL.slice(1)}`;
  }
  const head = bytes.subarray(0, 4096);
  const text = !head.includes(0);
  if (text) {
    return `“${name}”是文本文件（可能是 CSV 或网页导出的表格），不是 .xlsx 工作簿；${NOT_XLSX_TAIL}`;
  }
  return `“${name}”不是 .xlsx 工作簿（文件开头不是 zip 格式），可能已损坏或是其他格式的文件；${NOT_XLSX_TAIL}`;
}

/** The zip's central directory (no ZIP64: a workbook under MAX_XLSX_FILE_BYTES does not need it). */
function readDirectory(bytes: Buffer, name: string): Map<string, ZipEntry> {
  if (bytes.length < 22 || bytes.readUInt32LE(0) !== 0x04034b50) refuse({ message: notAZip(bytes, name) });
  const damaged = (): never => refuse({ message: `“${name}”的 zip 结构已损坏，无法读取；${NOT_XLSX_TAIL}` });
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (bytes.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) damaged();
  const count = bytes.readUInt16LE(eocd + 10);
  const dirOffset = bytes.readUInt32LE(eocd + 16);
  const entries = new Map<string, ZipEntry>();
  let p = dirOffset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > bytes.length || bytes.readUInt32LE(p) !== 0x02014b50) damaged();
    const nameLength = bytes.readUInt16LE(p + 28);
    const entry: ZipEntry = {
      method: bytes.readUInt16LE(p + 10),
      compressedSize: bytes.readUInt32LE(p + 20),
      size: bytes.readUInt32LE(p + 24),
      localOffset: bytes.readUInt32LE(p + 42),
      name: bytes.toString('utf8', p + 46, p + 46 + nameLength).replace(/\\/g, '/'),
    };
    entries.set(entry.name.replace(/^\//, ''), entry);
    p += 46 + nameLength + bytes.readUInt16LE(p + 30) + bytes.readUInt16LE(p + 32);
  }
  return entries;
}

/** The compressed bytes of an entry. */
function entryData(bytes: Buffer, entry: ZipEntry, name: string): Buffer {
  const p = entry.localOffset;
  if (p + 30 > bytes.length || bytes.readUInt32LE(p) !== 0x04034b50) {
    refuse({ message: `“${name}”的 zip 结构已损坏（${entry.name}），无法读取；${NOT_XLSX_TAIL}` });
  }
  const start = p + 30 + bytes.readUInt16LE(p + 26) + bytes.readUInt16LE(p + 28);
  return bytes.subarray(start, start + entry.compressedSize);
}

/**
 * Streams an entry's inflated bytes to `onChunk` (which returns false to stop early), never more than
 * MAX_PART_BYTES of them. Resolves to the number of bytes seen.
 */
async function streamEntry(
  bytes: Buffer,
  entry: ZipEntry,
  file: string,
  part: string,
  onChunk: (chunk: Buffer) => boolean,
): Promise<number> {
  const data = entryData(bytes, entry, file);
  const tooLarge = (): never =>
    refuse({
      message: `“${file}”中的${part}解压后超过 ${mb(MAX_PART_BYTES)} 的上限（压缩后只有 ${mb(entry.compressedSize)}），疑为恶意构造或内容异常的文件；请检查表格后重新保存。`,
    });
  // the declared size is not trusted (nor used to refuse early: streaming finds the cell at fault)
  if (entry.method === 0) {
    for (let i = 0; i < data.length; i += MB) {
      if (!onChunk(data.subarray(i, Math.min(data.length, i + MB)))) break;
    }
    return data.length;
  }
  if (entry.method !== 8) {
    refuse({ message: `“${file}”使用了不支持的压缩方式，无法读取；${NOT_XLSX_TAIL}` });
  }
  return new Promise<number>((resolve, reject) => {
    const inflate = createInflateRaw({ chunkSize: 256 * 1024 });
    let total = 0;
    let done = false;
    const finish = (error?: unknown): void => {
      if (done) return;
      done = true;
      inflate.destroy();
      if (error === undefined) resolve(total);
      else reject(error instanceof Refused ? error : new Refused({ message: String(error) }));
    };
    inflate.on('data', (chunk: Buffer) => {
      if (done) return;
      total += chunk.length;
      try {
        if (total > MAX_PART_BYTES) tooLarge();
        if (!onChunk(chunk)) finish();
      } catch (e) {
        finish(e);
      }
    });
    inflate.on('end', () => finish());
    inflate.on('error', () =>
      finish(
        new Refused({
          message: `“${file}”中的${part}已损坏，无法解压；${NOT_XLSX_TAIL}`,
        }),
      ),
    );
    inflate.end(data);
  });
}

/** Column letters → 1-based number (A → 1, XFD → 16384). */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** 1-based number → column letters. */
export function columnLetters(n: number): string {
  let s = '';
  for (let m = n; m > 0; m = Math.floor((m - 1) / 26)) s = String.fromCharCode(65 + ((m - 1) % 26)) + s;
  return s;
}

/**
 * A byte-level XML scanner: tags are collected (up to 2 KB each, enough for any tag of a sheet) and
 * handed over with the characters of text seen since the previous tag (UTF-8 lead bytes counted, so
 * a 300 MB text is counted without being held).
 */
class XmlScanner {
  private inTag = false;
  private tag = '';
  private textChars = 0;
  /** digits of the text since the last tag (a <v> index), up to 16 */
  private digits = '';

  constructor(
    private readonly onTag: (tag: string, textChars: number, digits: string) => boolean,
    /** called once a text run passes MAX_CELL_CHARS characters (before it ends); false stops */
    private readonly onLongText: () => boolean = () => true,
  ) {}

  /** False once onTag or onLongText asked to stop. */
  feed(chunk: Buffer): boolean {
    let i = 0;
    while (i < chunk.length) {
      if (this.inTag) {
        const close = chunk.indexOf(0x3e /* > */, i);
        const end = close === -1 ? chunk.length : close;
        if (this.tag.length < 2048) this.tag += chunk.toString('latin1', i, Math.min(end, i + 2048));
        if (close === -1) return true;
        this.inTag = false;
        const go = this.onTag(this.tag, this.textChars, this.digits);
        this.textChars = 0;
        this.digits = '';
        if (!go) return false;
        i = close + 1;
      } else {
        const open = chunk.indexOf(0x3c /* < */, i);
        const end = open === -1 ? chunk.length : open;
        for (let k = i; k < end; k++) {
          const b = chunk[k]!;
          if ((b & 0xc0) === 0x80) continue; // a UTF-8 continuation byte
          this.textChars++;
          if (this.textChars === MAX_CELL_CHARS + 1 && !this.onLongText()) return false;
          if (b >= 0x30 && b <= 0x39 && this.digits.length < 16) this.digits += String.fromCharCode(b);
        }
        if (open === -1) return true;
        this.inTag = true;
        this.tag = '';
        i = open + 1;
      }
    }
    return true;
  }
}

const tagName = (tag: string): string => /^\/?[\w:]+/.exec(tag)?.[0] ?? '';
const ATTRIBUTES = new Map<string, RegExp>();
const attr = (tag: string, name: string): string | undefined => {
  let re = ATTRIBUTES.get(name);
  if (!re) ATTRIBUTES.set(name, (re = new RegExp(`\\s${name}="([^"]*)"`)));
  return re.exec(tag)?.[1];
};
const localName = (name: string): string => name.replace(/^(\/?)[\w]+:/, '$1');

/** Lengths (in characters) of the shared strings, up to the first one over MAX_CELL_CHARS. */
interface SharedStrings {
  lengths: number[];
  /** index of the first string over MAX_CELL_CHARS, and its length (a lower bound when atLeast) */
  overlong?: { index: number; chars: number; atLeast?: boolean };
}

async function scanSharedStrings(bytes: Buffer, entry: ZipEntry, file: string): Promise<SharedStrings> {
  const result: SharedStrings = { lengths: [] };
  let current = -1;
  const scanner = new XmlScanner(
    (tag, chars) => {
      const name = localName(tagName(tag));
      if (current >= 0) current += chars;
      if (current > MAX_CELL_CHARS) {
        result.overlong = { index: result.lengths.length, chars: current };
        return false;
      }
      if (name === 'si' && tag.endsWith('/')) result.lengths.push(0);
      else if (name === 'si') current = 0;
      else if (name === '/si') {
        result.lengths.push(current);
        current = -1;
      }
      return true;
    },
    () => {
      // one text run past the cap (a 300 MB cell): stop here, without inflating the rest
      if (current < 0) return true;
      result.overlong = { index: result.lengths.length, chars: MAX_CELL_CHARS + 1, atLeast: true };
      return false;
    },
  );
  await streamEntry(bytes, entry, file, '共享文字表（sharedStrings.xml）', (c) => scanner.feed(c));
  return result;
}

interface SheetTotals {
  rows: number;
  cells: number;
}

async function scanSheet(
  bytes: Buffer,
  entry: ZipEntry,
  file: string,
  sheet: string,
  shared: SharedStrings,
): Promise<SheetTotals> {
  let row = 0;
  let rows = 0;
  let col = 0;
  let cells = 0;
  let cellRef = '';
  let sharedCell = false;
  let inValue = false;
  let inText = false;
  let inlineChars = 0;
  const where = (r: number, c: number): XlsxRefusal => ({
    message: '',
    sheet,
    row: r,
    col: columnLetters(c),
  });
  const tooLong = (chars: number, atLeast = false): never =>
    refuse({
      ...where(row, col),
      message: `单元格文字过长（${atLeast ? '超过 ' : ''}${thousands(atLeast ? MAX_CELL_CHARS : chars)} 字），超过 Excel 单元格 ${thousands(MAX_CELL_CHARS)} 字的上限，疑为恶意构造或内容异常的文件；请检查该单元格。`,
    });
  const scanner = new XmlScanner(
    (tag, chars, digits) => {
      const name = localName(tagName(tag));
      if (inText) inlineChars += chars;
      if (inValue && !sharedCell && chars > MAX_CELL_CHARS) tooLong(chars);
      switch (name) {
        case 'row': {
          const r = Number(attr(tag, 'r') ?? row + 1);
          row = Number.isFinite(r) && r > 0 ? r : row + 1;
          col = 0;
          rows++;
          // past the cap: named at its first cell when it has one, else at the row
          if (row > MAX_ROWS && tag.endsWith('/')) {
            refuse({
              message: `工作表有第 ${thousands(row)} 行，超过可导入的 ${thousands(MAX_ROWS)} 行上限；台账不需要这么多行。若只是格式延伸到了表格末尾，请删去多余的行（选中空行后“删除”）再保存。`,
              sheet,
              row,
            });
          }
          break;
        }
        case '/row':
          if (row > MAX_ROWS) {
            refuse({
              message: `工作表有第 ${thousands(row)} 行，超过可导入的 ${thousands(MAX_ROWS)} 行上限；台账不需要这么多行。若只是格式延伸到了表格末尾，请删去多余的行（选中空行后“删除”）再保存。`,
              sheet,
              row,
            });
          }
          break;
        case 'c': {
          const ref = attr(tag, 'r');
          const m = ref ? /^([A-Z]{1,3})(\d+)$/.exec(ref) : null;
          if (m) {
            col = columnNumber(m[1]!);
            row = Number(m[2]);
          } else col++;
          cellRef = ref ?? '';
          cells++;
          sharedCell = attr(tag, 't') === 's';
          inlineChars = 0;
          if (row > MAX_ROWS) {
            refuse({
              ...where(row, col),
              message: `单元格 ${cellRef || columnLetters(col) + String(row)} 在第 ${thousands(row)} 行，超过可导入的 ${thousands(MAX_ROWS)} 行上限；请删去表格下方多余的内容或格式再保存。`,
            });
          }
          if (col > MAX_COLUMNS) {
            refuse({
              ...where(row, col),
              message: `单元格 ${cellRef || columnLetters(col) + String(row)} 在第 ${thousands(col)} 列（${columnLetters(col)}列），超过可导入的 ${MAX_COLUMNS} 列（${columnLetters(MAX_COLUMNS)}列）上限；请删去表格右侧多余的内容或格式再保存。`,
            });
          }
          if (cells > MAX_CELLS) {
            refuse({
              ...where(row, col),
              message: `工作表的单元格超过 ${thousands(MAX_CELLS)} 个的上限；台账不需要这么多单元格，请删去多余的内容或格式再保存。`,
            });
          }
          break;
        }
        case 'v':
          inValue = !tag.endsWith('/');
          break;
        case '/v':
          inValue = false;
          if (sharedCell) {
            const index = Number(digits);
            if (shared.overlong && index === shared.overlong.index) {
              tooLong(shared.overlong.chars, shared.overlong.atLeast);
            }
            const length = shared.lengths[index] ?? 0;
            if (length > MAX_CELL_CHARS) tooLong(length);
          }
          break;
        case 't':
          inText = !tag.endsWith('/');
          break;
        case '/t':
          inText = false;
          if (inlineChars > MAX_CELL_CHARS) tooLong(inlineChars);
          break;
        default:
          break;
      }
      return true;
    },
    () => {
      // a text run past the cap inside a cell: refused at the cell, without inflating the rest
      if (inText || inValue) tooLong(MAX_CELL_CHARS + 1, true);
      return true;
    },
  );
  try {
    await streamEntry(bytes, entry, file, `工作表“${sheet}”`, (c) => scanner.feed(c));
  } catch (e) {
    if (e instanceof Refused && !e.refusal.sheet) throw new Refused({ ...e.refusal, sheet });
    throw e;
  }
  return { rows, cells };
}

/** Reads a whole (small) XML entry as text. */
async function entryText(bytes: Buffer, entry: ZipEntry, file: string, part: string): Promise<string> {
  const chunks: Buffer[] = [];
  await streamEntry(bytes, entry, file, part, (c) => {
    chunks.push(c);
    return true;
  });
  return Buffer.concat(chunks).toString('utf8');
}

const unescapeXml = (s: string): string =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/**
 * Checks an .xlsx file's bytes against the caps before exceljs reads it. Resolves to what was counted,
 * or rejects with an XlsxRefusal-carrying error (see refusalOf).
 */
export async function scanXlsx(bytes: Buffer, file: string): Promise<XlsxScan> {
  const entries = readDirectory(bytes, file);
  const get = (name: string): ZipEntry | undefined => entries.get(name);
  const workbookEntry = get('xl/workbook.xml');
  if (!workbookEntry) {
    refuse({
      message: `“${file}”是 zip 文件，但不是 Excel 工作簿（缺少 xl/workbook.xml）；可能是 Word 或 WPS 的其他文件改了扩展名；${NOT_XLSX_TAIL}`,
    });
  }
  // worksheets: names from workbook.xml, paths from its relationships
  const workbookXml = await entryText(bytes, workbookEntry!, file, '工作簿目录（workbook.xml）');
  const relsEntry = get('xl/_rels/workbook.xml.rels');
  const rels = new Map<string, { target: string; type: string }>();
  if (relsEntry) {
    const relsXml = await entryText(bytes, relsEntry, file, '工作簿关系表');
    for (const m of relsXml.matchAll(/<Relationship\b[^>]*>/g)) {
      const id = attr(m[0], 'Id');
      const target = attr(m[0], 'Target');
      if (id && target) rels.set(id, { target, type: attr(m[0], 'Type') ?? '' });
    }
  }
  const part = (target: string): string => {
    const t = target.replace(/\\/g, '/');
    if (t.startsWith('/')) return t.slice(1);
    const parts = ['xl'];
    for (const seg of t.split('/')) {
      if (seg === '..') parts.pop();
      else if (seg !== '.' && seg !== '') parts.push(seg);
    }
    return parts.join('/');
  };
  const sharedRel = [...rels.values()].find((r) => r.type.endsWith('/sharedStrings'));
  const sharedEntry = get(sharedRel ? part(sharedRel.target) : 'xl/sharedStrings.xml');
  let xmlBytes = 0;
  let shared: SharedStrings = { lengths: [] };
  if (sharedEntry) {
    shared = await scanSharedStrings(bytes, sharedEntry, file);
    xmlBytes += sharedEntry.size;
  }
  const sheets: XlsxScan['sheets'] = [];
  const scanned = new Set<ZipEntry>([workbookEntry!]);
  if (relsEntry) scanned.add(relsEntry);
  if (sharedEntry) scanned.add(sharedEntry);
  for (const m of workbookXml.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const name = unescapeXml(attr(m[0], 'name') ?? '');
    const rid = /\s(?:\w+:)?id="([^"]*)"/.exec(m[0])?.[1];
    const rel = rid ? rels.get(rid) : undefined;
    const entry = rel ? get(part(rel.target)) : undefined;
    if (!entry) continue; // exceljs reports a sheet it cannot find; the part is still scanned below
    const totals = await scanSheet(bytes, entry, file, name, shared);
    scanned.add(entry);
    xmlBytes += entry.size;
    sheets.push({ name, ...totals });
  }
  // every other part exceljs may read (a worksheet not named in workbook.xml, styles, drawings …) is
  // inflated once to check its size; worksheets also get the row, column and cell checks
  for (const [path, entry] of entries) {
    if (scanned.has(entry) || path.endsWith('/')) continue;
    if (/^xl\/worksheets\/[^/]+\.xml$/i.test(path)) {
      const name = path.slice(path.lastIndexOf('/') + 1);
      sheets.push({ name, ...(await scanSheet(bytes, entry, file, name, shared)) });
    } else {
      await streamEntry(bytes, entry, file, `“${path}”`, () => true);
    }
  }
  // a shared string over the cap that no sheet uses: still refused (exceljs would hold it all)
  if (shared.overlong) {
    refuse({
      message: `共享文字表中第 ${thousands(shared.overlong.index + 1)} 条文字过长（超过 ${thousands(MAX_CELL_CHARS)} 字的单元格上限），疑为恶意构造或内容异常的文件；请检查表格后重新保存。`,
    });
  }
  return { sheets, xmlBytes };
}

/** The refusal carried by an error scanXlsx threw, else undefined (an internal error). */
export function refusalOf(error: unknown): XlsxRefusal | undefined {
  return error instanceof Refused ? error.refusal : undefined;
}
