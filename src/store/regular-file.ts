// Reading only regular files (issue 9): a device (/dev/zero), a FIFO or a socket given as a register,
// a meeting record or a spreadsheet would be read without end or block forever. The kind is checked
// before anything is read (stat, then open without blocking and check the opened file again, so a
// file swapped in between is caught too), and the size is capped while reading.
import { closeSync, constants, fstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../domain/types.js';
import { systemErrorText } from './system-error.js';

const MB = 1024 * 1024;

/** What a file that is not a regular file is, in words (“设备文件”). */
export function fileKindName(st: Stats): string {
  if (st.isDirectory()) return '文件夹';
  if (st.isCharacterDevice() || st.isBlockDevice()) return '设备文件';
  if (st.isFIFO()) return '命名管道（FIFO）';
  if (st.isSocket()) return '套接字';
  return '特殊文件';
}

function refuse(file: string, message: string): never {
  throw new InputError([{ severity: 'error', file, line: 1, column: 1, message }]);
}

/** A space before a name that starts with a Latin letter (“作为 YAML 文件”). */
const spaced = (what: string): string => (/^[A-Za-z.]/.test(what) ? ` ${what}` : what);

/** The sentence for a path that exists but is not a regular file; `what` names what was expected. */
export function notRegularMessage(st: Stats, what: string): string {
  return st.isDirectory()
    ? `这是一个文件夹，不是${what}。`
    : `这是${fileKindName(st)}，不是普通文件，不能作为${spaced(what)}读取；请给出保存在磁盘上的${spaced(what)}。`;
}

export interface RegularFileBytes {
  bytes: Buffer;
  size: number;
  mtimeMs: number;
}

export interface ReadRegularOptions {
  /** what the file should be, for messages (“YAML 文件”、“.xlsx 表格”) */
  what: string;
  /** files larger than this are refused before they are read */
  maxBytes: number;
  /** the sentence after the size for a file over maxBytes */
  tooLargeHint?: string;
}

function formatMb(bytes: number): string {
  return `${(bytes / MB).toFixed(1)} MB`;
}

/**
 * The bytes of `file` when it is a regular file no larger than `maxBytes`; otherwise an InputError at
 * 1:1 of `file` in Chinese (not a regular file, too large, or the system error in words).
 */
export function readRegularFile(file: string, opts: ReadRegularOptions): RegularFileBytes {
  let st: Stats;
  try {
    st = statSync(file);
  } catch (e) {
    refuse(file, systemErrorText(e, file, 'read') ?? `无法读取 ${file}。`);
  }
  if (!st.isFile()) refuse(file, notRegularMessage(st, opts.what));
  const tooLarge = (size: number): never =>
    refuse(
      file,
      `文件过大（${formatMb(size)}），超过 ${formatMb(opts.maxBytes)} 的上限${opts.tooLargeHint ? `；${opts.tooLargeHint}` : '。'}`,
    );
  if (st.size > opts.maxBytes) tooLarge(st.size);
  let fd: number;
  try {
    // O_NONBLOCK: a FIFO swapped in after the stat must not block the open
    fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (e) {
    refuse(file, systemErrorText(e, file, 'read') ?? `无法读取 ${file}。`);
  }
  try {
    const opened = fstatSync(fd);
    if (!opened.isFile()) refuse(file, notRegularMessage(opened, opts.what));
    if (opened.size > opts.maxBytes) tooLarge(opened.size);
    // read at most maxBytes + 1: a file that grows while it is read is still bounded
    const buffer = Buffer.allocUnsafe(Math.min(opened.size, opts.maxBytes) + 1);
    let length = 0;
    for (;;) {
      const n = readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
      if (length === buffer.length) {
        if (length > opts.maxBytes) tooLarge(length);
        break;
      }
    }
    return { bytes: buffer.subarray(0, length), size: opened.size, mtimeMs: opened.mtimeMs };
  } catch (e) {
    if (e instanceof InputError) throw e;
    refuse(file, systemErrorText(e, file, 'read') ?? `无法读取 ${file}。`);
  } finally {
    closeSync(fd);
  }
}

/**
 * The first `maxBytes` bytes of `file` when it is a regular file, else undefined (never blocks, never
 * throws): for sniffing what kind of file it is.
 */
export function readRegularHead(file: string, maxBytes: number): Buffer | undefined {
  try {
    if (!statSync(file).isFile()) return undefined;
    const fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    try {
      if (!fstatSync(fd).isFile()) return undefined;
      const buffer = Buffer.alloc(maxBytes);
      let length = 0;
      while (length < maxBytes) {
        const n = readSync(fd, buffer, length, maxBytes - length, null);
        if (n === 0) break;
        length += n;
      }
      return buffer.subarray(0, length);
    } finally {
      closeSync(fd);
    }
  } catch {
    return undefined;
  }
}

/**
 * Refuses an output path that exists and is not a regular file (a device such as /dev/null, a FIFO,
 * a socket, a folder), even with --force: writing would replace it or block. A missing path is fine.
 */
export function checkOutputTarget(file: string): void {
  let st: Stats;
  try {
    st = statSync(file);
  } catch {
    return; // does not exist (or cannot be seen): the write itself reports why
  }
  if (st.isFile()) return;
  refuse(
    file,
    st.isDirectory()
      ? `输出路径 ${file} 是一个文件夹；请给出文件名，如 ${join(file, '纪要.docx')}。`
      : `输出路径 ${file} 是${fileKindName(st)}，不是普通文件；diaodu 只写出普通文件，加 --force 也不会写入或替换它；请换一个文件名。`,
  );
}
