// Writing files so that a crash, a kill or a full disk never leaves a half-written file under the
// real name: write a temp file in the same directory, fsync it, rename it over the target, fsync the
// directory. Either the old content or the new content is there, never a mix.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';
import { InputError } from '../domain/types.js';
import { isProcessAlive } from './lock.js';
import { checkOutputTarget } from './regular-file.js';
import { noHardLinks, systemErrorText } from './system-error.js';
import { writeInPieces } from '../text/write-in-pieces.js';
import { TextInPieces } from '../text/text-in-pieces.js';
import { type SyncedFileIo, createSyncedFile, unlinkQuietly } from './synced-file.js';

/** The fs calls the writer makes; tests replace some of them to simulate failures. */
export interface AtomicWriteIo extends SyncedFileIo {
  renameSync: typeof fs.renameSync;
  linkSync: typeof fs.linkSync;
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
/** A meeting file moved aside for a moment by writeFileIfUnchanged. */
const ASIDE_RE = /^\.(.+)\.(\d+)\.[0-9a-f]{8}\.aside$/;

/** What a file is written from: text, bytes, or text made piece by piece (a long JSON bulletin). */
export type FileData = string | Uint8Array | TextInPieces;

export function tempPathFor(target: string): string {
  const dir = path.dirname(target);
  const base = path.basename(target);
  return path.join(dir, `.${base}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
}

/**
 * Write the data into a fresh temp file next to `target`, fsync'd; returns the temp path. A text is
 * encoded a piece at a time (text/write-in-pieces.ts: the same bytes, no second full-size copy).
 */
function writeTemp(target: string, data: FileData, io: AtomicWriteIo, mode: number): string {
  const temp = tempPathFor(target);
  createSyncedFile(
    temp,
    mode,
    (writeBytes) => {
      if (typeof data === 'string') {
        writeInPieces(data, (piece) => writeBytes(Buffer.from(piece, 'utf8')));
      } else if (data instanceof TextInPieces) {
        for (const piece of data.pieces()) writeBytes(piece);
      } else writeBytes(data);
    },
    io,
  );
  return temp;
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

function replaceFile(requested: string, data: FileData, options: AtomicWriteOptions): void {
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
  const temp = writeTemp(target, data, io, keepMode ?? options.mode ?? 0o666);
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
export function writeNewFile(target: string, data: FileData, options: WriteNewFileOptions = {}): void {
  try {
    createFile(target, data, options);
  } catch (error) {
    throw asInputError(target, error);
  }
}

function createFile(target: string, data: FileData, options: WriteNewFileOptions): void {
  // a device, FIFO or socket is never written or replaced, --force or not (issue 9: /dev/null)
  checkOutputTarget(target);
  if (options.force) {
    replaceFile(target, data, options);
    return;
  }
  if (fs.existsSync(target)) throw alreadyExists(target);
  const io: AtomicWriteIo = { ...realIo, ...options.io };
  const temp = writeTemp(target, data, io, options.mode ?? 0o666);
  try {
    try {
      io.linkSync(temp, target);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') throw alreadyExists(target);
      // file systems without hard links (some network and FAT mounts): check, then rename
      if (!noHardLinks(error)) throw error;
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
 * write in progress in another process is never disturbed). Returns the removed paths. An aside copy
 * (see writeFileIfUnchanged) whose target exists again is removed too: it holds the version the target
 * replaced (the save was killed after linking the new file in), so nothing is lost; one whose target is
 * missing is put back instead (restoreAsideFiles).
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
  restoreAsideFiles(dir, names);
  const removed: string[] = [];
  for (const name of names) {
    const m = TEMP_RE.exec(name) ?? ASIDE_RE.exec(name);
    if (!m || m[1] !== base) continue;
    if (ASIDE_RE.test(name) && !fs.existsSync(target)) continue; // restored above, or not ours to drop
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

/** What writeFileIfUnchanged found: written, or the target was not what the caller expected. */
export type CompareAndReplace = { written: true } | { written: false; current: string | null };

function readOrNull(file: string): string | null {
  return bytesOrNull(file)?.toString('utf8') ?? null;
}

function bytesOrNull(file: string): Buffer | null {
  try {
    return fs.readFileSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/**
 * One buffer the compare-and-swap reads the file into, for comparing only: a save of a 1.3 MB meeting
 * (5,040 agenda items, saved on every move between items) read it three times into fresh buffers, and
 * those ~4 MB a save drove the TUI's peak memory at 10,000 projects past 250 MB (bench, December).
 * A view into it is valid until the next read; nothing keeps one. Files over SCRATCH_MAX get their own.
 */
let scratch = Buffer.alloc(0);
const SCRATCH_MAX = 16 * 1024 * 1024;

function compareBytesOrNull(file: string): Buffer | null {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  try {
    const size = fs.fstatSync(fd).size;
    if (size >= SCRATCH_MAX) return fs.readFileSync(fd);
    if (scratch.length < size + 1)
      scratch = Buffer.alloc(Math.min(SCRATCH_MAX, Math.max(size + 1, scratch.length * 2, 64 * 1024)));
    let length = 0;
    for (;;) {
      if (length === scratch.length) {
        // grew while read: read the rest the plain way
        return Buffer.concat([scratch.subarray(0, length), fs.readFileSync(fd)]);
      }
      const n = fs.readSync(fd, scratch, length, scratch.length - length, null);
      if (n === 0) break;
      length += n;
    }
    return scratch.subarray(0, length);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Whether bytes read (null: no file) hold the text `expected` (null: no file expected). Compared as
 * bytes first: decoding a 1.3 MB meeting file to compare it took ~15 ms, and a save compares three
 * times; bytes that differ are decoded and compared as text, as before (invalid UTF-8 reads as U+FFFD).
 */
function holds(bytes: Buffer | null, expected: ExpectedText, expectedBytes: () => Buffer): boolean {
  if (bytes === null || expected === null) return bytes === null && expected === null;
  if (bytes.equals(expectedBytes())) return true;
  return bytes.toString('utf8') === (typeof expected === 'string' ? expected : expected.text());
}

/**
 * What the target should hold: its text; or the bytes it was written with, the text decoded only
 * when they differ (a long text need not be encoded again to be compared); null: no file.
 */
export type ExpectedText = string | null | { bytes: Buffer; text: () => string };

/**
 * Replace `target` with `data` only if it still holds `expected` (null: only if it does not exist),
 * compared at the very moment of the swap, so that a hand edit landing while the new content is being
 * written and synced (`sed -i`, an editor saving) is never overwritten. rename(2) alone cannot do that:
 * it replaces whatever is there. So the file in place is first renamed aside (atomic: we then hold
 * exactly what was there), compared, and the new content is put in with link(2), which fails if a new
 * file appeared under the name meanwhile. For those few microseconds the name is absent (a reader then
 * sees no file, a `sed -i` fails visibly); a crash right then leaves the old file beside it, which
 * restoreAsideFile puts back. When it does not match, the target is left as it is (what was moved aside
 * goes back, or stays beside it when another file took the name) and its content is returned.
 */
export function writeFileIfUnchanged(
  requested: string,
  data: string | Uint8Array,
  expected: ExpectedText,
  options: AtomicWriteOptions = {},
): CompareAndReplace {
  try {
    return compareAndReplace(requested, data, expected, options);
  } catch (error) {
    throw asInputError(requested, error);
  }
}

function asidePathFor(target: string): string {
  return path.join(
    path.dirname(target),
    `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.aside`,
  );
}

function compareAndReplace(
  requested: string,
  data: string | Uint8Array,
  expected: ExpectedText,
  options: AtomicWriteOptions,
): CompareAndReplace {
  const io: AtomicWriteIo = { ...realIo, ...options.io };
  let target = requested;
  try {
    target = fs.realpathSync(requested);
  } catch {
    // does not exist (yet)
  }
  let encoded: Buffer | undefined;
  const expectedBytes = (): Buffer =>
    (encoded ??=
      expected === null || typeof expected === 'string'
        ? Buffer.from(expected ?? '', 'utf8')
        : expected.bytes);
  // cheap early refusal, before anything is written
  const before = compareBytesOrNull(target);
  if (!holds(before, expected, expectedBytes))
    return { written: false, current: before?.toString('utf8') ?? null };
  const keepMode = existingMode(target);
  const temp = writeTemp(target, data, io, keepMode ?? options.mode ?? 0o666);
  try {
    if (keepMode !== undefined) {
      try {
        fs.chmodSync(temp, keepMode);
      } catch {
        // not fatal: the content is what matters
      }
    }
    const aside = asidePathFor(target);
    let moved = false;
    try {
      io.renameSync(target, aside);
      moved = true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    const held = moved ? compareBytesOrNull(aside) : null;
    if (!holds(held, expected, expectedBytes)) {
      // not ours to replace: put back what we took (unless a new file has the name already; then
      // both stay, nothing is lost, and the caller reports it)
      if (moved) putBack(aside, target, io);
      return { written: false, current: readOrNull(target) };
    }
    try {
      io.linkSync(temp, target);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'EEXIST') {
        if (moved) putBack(aside, target, io);
        throw error;
      }
      // a new file took the name while it was free: it is someone's edit, leave it
      if (moved) unlinkQuietly(aside, io);
      return { written: false, current: readOrNull(target) };
    }
    if (moved) {
      // an editor that had the old file open may have written into it after it was compared: its
      // edit wins, ours (the caller still has it) is taken back
      const after = compareBytesOrNull(aside) ?? Buffer.alloc(0);
      if (!holds(after, expected, expectedBytes)) {
        io.renameSync(aside, target);
        return { written: false, current: after.toString('utf8') };
      }
      unlinkQuietly(aside, io);
    }
  } finally {
    unlinkQuietly(temp, io);
  }
  fsyncDirectory(path.dirname(target), io);
  return { written: true };
}

/** Put a file moved aside back under its name; if the name was taken meanwhile, leave it beside. */
function putBack(aside: string, target: string, io: AtomicWriteIo): void {
  try {
    io.linkSync(aside, target);
  } catch {
    return; // the name is taken (or linking fails): the old content stays in `aside`
  }
  unlinkQuietly(aside, io);
}

/**
 * Wait (synchronously, at most `maxMs`) while `target` is absent: another process may be in the middle
 * of writeFileIfUnchanged, whose swap leaves the name empty for a few microseconds. Returns whether the
 * file is there. A file that stays absent (deleted, or its writer killed mid-swap: removeStaleTempFiles)
 * costs the caller `maxMs` once.
 */
export function waitForSwap(target: string, maxMs = 200): boolean {
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (let waited = 0; !fs.existsSync(target); waited += 2) {
    if (waited >= maxMs) return false;
    Atomics.wait(pause, 0, 0, 2);
  }
  return true;
}

/** The aside copies of each target in a folder listing: target name → aside names. */
function asidesByTarget(listing: readonly string[]): Map<string, { name: string; pid: number }[]> {
  const byTarget = new Map<string, { name: string; pid: number }[]>();
  for (const name of listing) {
    const m = ASIDE_RE.exec(name);
    if (!m) continue;
    const list = byTarget.get(m[1]!) ?? [];
    list.push({ name, pid: Number(m[2]) });
    byTarget.set(m[1]!, list);
  }
  return byTarget;
}

/**
 * A swap holds the file aside for microseconds; a copy aside longer than this is not a swap in
 * progress even if a process has its pid now (pids are reused: a dead writer's copy must come back).
 */
const SWAP_MAX_MS = 60_000;

/** Whether the aside copy `name` in `dir` is a live process's swap in progress (this process included). */
function heldBySwap(dir: string, name: string, pid: number): boolean {
  if (pid !== process.pid && !isProcessAlive(pid)) return false;
  const [movedAt] = movedAsideAt(path.join(dir, name));
  return movedAt < 0 || Date.now() - movedAt < SWAP_MAX_MS;
}

/** Whether a live process (this one included) has `target` moved aside right now: a save mid-swap. */
export function swapInProgress(target: string): boolean {
  const dir = path.dirname(target);
  let listing: string[];
  try {
    listing = fs.readdirSync(dir);
  } catch {
    return false;
  }
  const asides = asidesByTarget(listing).get(path.basename(target)) ?? [];
  return asides.some((a) => heldBySwap(dir, a.name, a.pid));
}

/** When a file was moved aside: rename(2) sets its ctime; its mtime is when it was written. */
function movedAsideAt(file: string): [number, number] {
  try {
    const st = fs.statSync(file);
    return [st.ctimeMs, st.mtimeMs];
  } catch {
    return [-1, -1];
  }
}

/**
 * After a crash in the middle of writeFileIfUnchanged a file may be missing with its content beside it
 * (`.<name>.<pid>.<random>.aside`, its writer dead): put it back. `names`: the folder's listing when the
 * caller has it. Returns the restored paths. An aside file whose target exists is left alone.
 *
 * Two rules keep an older version from coming back (found by the crash test on CI): a target missing
 * while a live process has it aside is that process's swap in progress, never restored from here (the
 * listing is read again after the target was seen missing, so a swap that began since is seen); and of
 * several dead writers' copies (a save killed after linking its new file in leaves the old one beside
 * it until the next open cleans up) the one moved aside last is the file's latest content.
 */
export function restoreAsideFiles(dir: string, names?: readonly string[]): string[] {
  let listing = names;
  if (!listing) {
    try {
      listing = fs.readdirSync(dir);
    } catch {
      return [];
    }
  }
  const restored: string[] = [];
  for (const base of asidesByTarget(listing).keys()) {
    const target = path.join(dir, base);
    if (fs.existsSync(target)) continue;
    let now: string[];
    try {
      now = fs.readdirSync(dir);
    } catch {
      return restored;
    }
    const asides = asidesByTarget(now).get(base) ?? [];
    if (asides.some((a) => heldBySwap(dir, a.name, a.pid))) continue;
    const newestFirst = asides
      .map((a) => ({ full: path.join(dir, a.name), at: movedAsideAt(path.join(dir, a.name)) }))
      .sort((a, b) => b.at[0] - a.at[0] || b.at[1] - a.at[1]);
    const newest = newestFirst[0];
    if (!newest) continue;
    try {
      fs.linkSync(newest.full, target);
      fs.unlinkSync(newest.full);
      restored.push(target);
    } catch {
      // taken meanwhile, or gone: nothing to put back
    }
  }
  return restored;
}
