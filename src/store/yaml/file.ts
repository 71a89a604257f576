// A YAML file's bytes and text: size and kind of file checked before reading, binary data and text
// that is not UTF-8 refused with the position of the first bad byte.

import { isUtf8 } from 'node:buffer';
import { readRegularFile } from '../regular-file.js';
import { systemErrorReason } from '../system-error.js';
import { fail } from './diagnostics.js';

/** Files larger than this are refused before they are read or parsed. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

const MB = 1024 * 1024;

/** Sizes in messages: 20.0 MB. */
export function formatMb(bytes: number): string {
  return `${(bytes / MB).toFixed(1)} MB`;
}

/** A YAML file's bytes with the size and modification time they were read at. */
export interface YamlFileBytes {
  bytes: Buffer;
  size: number;
  mtimeMs: number;
}

/**
 * Reads a YAML file's bytes: refuses missing files, folders and files over MAX_FILE_BYTES (checked
 * before reading). `file` is the path as the caller gave it; it is used both to read and in messages.
 */
export function readYamlFile(file: string): YamlFileBytes {
  // a device, FIFO or socket is refused before it is opened for reading (issue 9: /dev/zero)
  return readRegularFile(file, {
    what: 'YAML 文件',
    maxBytes: MAX_FILE_BYTES,
    tooLargeHint: '请确认选的是台账或会议记录文件。',
  });
}

/**
 * Reads a YAML file as text: readYamlFile's checks, then binary data and text that is not UTF-8
 * are refused. A UTF-8 BOM is dropped.
 */
export function readYamlText(file: string): string {
  return decodeYamlBytes(readYamlFile(file).bytes, file);
}

/** `fallback` (“无法读取会议记录文件夹”) and why, in Chinese (system-error.ts). */
export function describeIoError(e: unknown, fallback: string): string {
  if ((e as { code?: unknown } | null)?.code === 'EISDIR') return '这是一个文件夹，不是 YAML 文件。';
  return `${fallback}：${systemErrorReason(e, 'read') ?? '原因不明。'}`;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Bytes → text: UTF-16 and invalid UTF-8 are refused with the position of the first bad byte. */
export function decodeYamlBytes(bytes: Uint8Array, file: string): string {
  if (
    bytes.length >= 2 &&
    ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
  ) {
    fail(file, '文件是 UTF-16 编码；请另存为 UTF-8 编码后再打开。');
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    const prefix = new TextDecoder('utf-8').decode(bytes.subarray(0, nul));
    const { line, column } = textPosition(prefix, prefix.length);
    fail(file, '文件含有二进制数据（NUL 字节），不是 YAML 文本文件。', line, column);
  }
  // isUtf8 checks (simdutf) and toString decodes far faster than a fatal TextDecoder (a 4.5 MB
  // register: ~5 ms against ~200 ms); the same text, a first BOM dropped as the decoder drops it
  if (isUtf8(bytes)) {
    let text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  }
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    const bad = firstInvalidUtf8(bytes);
    const prefix = new TextDecoder('utf-8').decode(bytes.subarray(0, bad));
    const { line, column } = textPosition(prefix, prefix.length);
    fail(
      file,
      `文件不是有效的 UTF-8 文本（第 ${bad + 1} 字节无法解码），可能是 GBK/GB2312 编码或二进制文件；请用 UTF-8 编码另存。`,
      line,
      column,
    );
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Offset of the first byte that is not part of a valid UTF-8 sequence (only called on failure). */
function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    let n = 0;
    let min = 0;
    if (c < 0x80) n = 0;
    else if (c >= 0xc2 && c <= 0xdf) n = 1;
    else if (c >= 0xe0 && c <= 0xef) [n, min] = [2, 0x800];
    else if (c >= 0xf0 && c <= 0xf4) [n, min] = [3, 0x10000];
    else return i;
    let cp = n === 0 ? c : c & (0x3f >> n);
    for (let k = 1; k <= n; k++) {
      const cc = b[i + k];
      if (cc === undefined || (cc & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (cc & 0x3f);
    }
    if (n > 1 && (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))) return i;
    i += n + 1;
  }
  return b.length;
}

/** 1-based line and column of `offset` in `text` (slow path, for rare errors only). */
export function textPosition(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}
