// Writing files so that a crash, a kill or a full disk never leaves a half-written file under the
// real name: write a temp file in the same directory, fsync it, rename it over the target, fsync the
// directory. Either the old content or the new content is there, never a mix.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';
import { InputError } from '../domain/types.js';
import { isProcessAlive } from './lock.js';
import { checkOutputTarget } from './regular-file.js';
import { systemErrorText } from './system-error.js';

/** The fs calls the writer makes; tests replace some of them to simulate failures. */
export interface AtomicWriteIo {
  openSync: typeof fs.openSync;
  writeSync: (fd: number, buffer: Uint8Array, offset: number, length: number) => number;
  fsyncSync: typeof fs.fsyncSync;
  closeSync: typeof fs.closeSync;
  renameSync: typeof fs.renameSync;
  linkSync: typeof fs.linkSync;
  unlinkSync: typeof fs.unlinkSync;
}

const realIo: AtomicWriteIo = {
  openSync: fs.openSync,
  writeSync: (fd, buffer, offset, length) => fs.writeSync(fd, buffer, offset, length),
  fsyncSync: fs.fsyncSync,
  closeSync: fs.closeSync,
  renameSync: fs.renameSync,
  linkSync: fs.linkSync,
  unlinkSync: fs.unlinkSync,
};

export interface AtomicWriteOptions {
  /** replace fs calls (tests) */
  io?: Partial<AtomicWriteIo>;
  /** file mode for a new file; an existing file keeps its mode. Default 0o666 (minus umask). */
  mode?: number;
}

// `.name.<pid>.<random>.tmp`: hidden, so folder listings (and people) skip it; the pid lets a later
// process remove temp files a killed writer left behind (removeStaleTempFiles).
const TEMP_RE = /^\.(.+)\.(\d+)\.[0-9a-f]{8}\.tmp$/;

export function tempPathFor(target: string): string {
  const dir = path.dirname(target);
  const base = path.basename(target);
  return path.join(dir, `.${base}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
}

function toBytes(data: string | Uint8Array): Uint8Array {
  return typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
}

/** Write the data into a fresh temp file next to `target`, fsync'd; returns the temp path. */
function writeTemp(target: string, bytes: Uint8Array, io: AtomicWriteIo, mode: number): string {
  const temp = tempPathFor(target);
  const fd = io.openSync(temp, 'wx', mode);
  try {
    let offset = 0;
    while (offset < bytes.length) {
      offset += io.writeSync(fd, bytes, offset, bytes.length - offset);
    }
    io.fsyncSync(fd);
  } catch (error) {
    closeQuietly(fd, io);
    unlinkQuietly(temp, io);
    throw error;
  }
  try {
    io.closeSync(fd);
  } catch (error) {
    unlinkQuietly(temp, io);
    throw error;
  }
  return temp;
}

function closeQuietly(fd: number, io: AtomicWriteIo): void {
  try {
    io.closeSync(fd);
  } catch {
    // already failing; the first error is the one to report
  }
}

function unlinkQuietly(file: string, io: AtomicWriteIo): void {
  try {
    io.unlinkSync(file);
  } catch {
    // nothing to clean
  }
}

/** fsync the directory so the rename itself survives a power cut. Not possible on every platform. */
export function fsyncDirectory(dir: string, io: Partial<AtomicWriteIo> = {}): void {
  const openSync = io.openSync ?? fs.openSync;
  const fsyncSync = io.fsyncSync ?? fs.fsyncSync;
  let fd: number;
  try {
    fd = openSync(dir, 'r');
  } catch {
    return; // Windows cannot open a directory
  }
  try {
    fsyncSync(fd);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // some file systems do not support fsync on directories
    if (code !== 'EINVAL' && code !== 'EPERM' && code !== 'EISDIR' && code !== 'ENOTSUP') throw error;
  } finally {
    fs.closeSync(fd);
  }
}

function existingMode(target: string): number | undefined {
  try {
    return fs.statSync(target).mode & 0o7777;
  } catch {
    return undefined;
  }
}

/**
 * Replace `target` with `data` atomically: after a crash at any moment the file holds either the old
 * or the new content in full. Temp files are removed on failure; the error is rethrown.
 */
export function writeFileAtomic(
  target: string,
  data: string | Uint8Array,
  options: AtomicWriteOptions = {},
): void {
  try {
    replaceFile(target, data, options);
  } catch (error) {
    throw asInputError(target, error);
  }
}

function replaceFile(requested: string, data: string | Uint8Array, options: AtomicWriteOptions): void {
  const io: AtomicWriteIo = { ...realIo, ...options.io };
  // a symlinked meeting file stays a symlink: replace the file it points to
  let target = requested;
  try {
    target = fs.realpathSync(requested);
  } catch {
    // does not exist yet
  }
  checkOutputTarget(target);
  const keepMode = existingMode(target);
  const temp = writeTemp(target, toBytes(data), io, keepMode ?? options.mode ?? 0o666);
  if (keepMode !== undefined) {
    try {
      fs.chmodSync(temp, keepMode);
    } catch {
      // not fatal: the content is what matters
    }
  }
  try {
    io.renameSync(temp, target);
  } catch (error) {
    unlinkQuietly(temp, io);
    throw error;
  }
  fsyncDirectory(path.dirname(target), io);
}

export interface WriteNewFileOptions extends AtomicWriteOptions {
  /** overwrite an existing file (the command's --force) */
  force?: boolean;
}

/** System errors become an InputError in Chinese (system-error.ts); others pass through. */
function asInputError(target: string, error: unknown): unknown {
  if (error instanceof InputError) return error;
  const text = systemErrorText(error, target, 'write');
  if (text === undefined) return error;
  return new InputError([
    {
      severity: 'error',
      file: target,
      line: 0,
      column: 0,
      message: `${text.replace(/。$/, '')}；原文件未改动`,
    },
  ]);
}

function alreadyExists(target: string): InputError {
  return new InputError([
    {
      severity: 'error',
      file: target,
      line: 0,
      column: 0,
      message: `输出文件 ${target} 已存在；如需覆盖请加 --force`,
    },
  ]);
}

/**
 * Write a command's output file. Without `force` an existing file is never touched: the new content is
 * put in place with link(2), which fails if the name exists, so even a file created a moment earlier by
 * someone else survives. Throws InputError "…已存在；如需覆盖请加 --force".
 */
export function writeNewFile(
  target: string,
  data: string | Uint8Array,
  options: WriteNewFileOptions = {},
): void {
  try {
    createFile(target, data, options);
  } catch (error) {
    throw asInputError(target, error);
  }
}

function createFile(target: string, data: string | Uint8Array, options: WriteNewFileOptions): void {
  // a device, FIFO or socket is never written or replaced, --force or not (issue 9: /dev/null)
  checkOutputTarget(target);
  if (options.force) {
    replaceFile(target, data, options);
    return;
  }
  if (fs.existsSync(target)) throw alreadyExists(target);
  const io: AtomicWriteIo = { ...realIo, ...options.io };
  const temp = writeTemp(target, toBytes(data), io, options.mode ?? 0o666);
  try {
    try {
      io.linkSync(temp, target);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') throw alreadyExists(target);
      // file systems without hard links (some network and FAT mounts): check, then rename
      if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EXDEV' && code !== 'ENOSYS') throw error;
      if (fs.existsSync(target)) throw alreadyExists(target);
      io.renameSync(temp, target);
    }
  } finally {
    unlinkQuietly(temp, io);
  }
  fsyncDirectory(path.dirname(target), io);
}

/**
 * Remove temp files a killed writer left next to `target` (only those whose writer pid is dead, so a
 * write in progress in another process is never disturbed). Returns the removed paths.
 */
export function removeStaleTempFiles(target: string): string[] {
  const dir = path.dirname(target);
  const base = path.basename(target);
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const m = TEMP_RE.exec(name);
    if (!m || m[1] !== base) continue;
    const pid = Number(m[2]);
    if (pid === process.pid || isProcessAlive(pid)) continue;
    const full = path.join(dir, name);
    try {
      fs.unlinkSync(full);
      removed.push(full);
    } catch {
      // gone already
    }
  }
  return removed;
}

/** True for names writeFileAtomic uses for its temp files. */
export function isTempFileName(name: string): boolean {
  return TEMP_RE.test(name);
}
