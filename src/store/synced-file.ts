// A new file whose content is on disk before anyone relies on it: created with 'wx' (refused when the
// name exists), written whole, fsync'd and closed; a file half made is removed and the first error is
// thrown. atomic-write.ts makes its temp files so, and lock.ts its lock files (lock.ts cannot import
// atomic-write.ts, which imports it).
import * as fs from 'node:fs';

/** The fs calls creating a synced file makes; atomic-write's tests replace some of them. */
export interface SyncedFileIo {
  openSync: typeof fs.openSync;
  writeSync: (fd: number, buffer: Uint8Array, offset: number, length: number) => number;
  fsyncSync: typeof fs.fsyncSync;
  closeSync: typeof fs.closeSync;
  unlinkSync: typeof fs.unlinkSync;
}

export const realSyncedFileIo: SyncedFileIo = {
  openSync: (...args) => fs.openSync(...args),
  writeSync: (fd, buffer, offset, length) => fs.writeSync(fd, buffer, offset, length),
  fsyncSync: (fd) => fs.fsyncSync(fd),
  closeSync: (fd) => fs.closeSync(fd),
  unlinkSync: (file) => fs.unlinkSync(file),
};

/**
 * Creates `file` with `mode` and writes its content: `write` is given a function that writes bytes
 * (all of them: a short write is continued). Then fsync and close.
 */
export function createSyncedFile(
  file: string,
  mode: number,
  write: (writeBytes: (bytes: Uint8Array) => void) => void,
  io: SyncedFileIo = realSyncedFileIo,
): void {
  const fd = io.openSync(file, 'wx', mode);
  try {
    write((bytes) => {
      let offset = 0;
      while (offset < bytes.length) offset += io.writeSync(fd, bytes, offset, bytes.length - offset);
    });
    io.fsyncSync(fd);
  } catch (error) {
    try {
      io.closeSync(fd);
    } catch {
      // already failing; the first error is the one to report
    }
    unlinkQuietly(file, io);
    throw error;
  }
  try {
    io.closeSync(fd);
  } catch (error) {
    unlinkQuietly(file, io);
    throw error;
  }
}

/** Removes `file` if it can; nothing to clean is not an error. */
export function unlinkQuietly(file: string, io: Pick<SyncedFileIo, 'unlinkSync'> = realSyncedFileIo): void {
  try {
    io.unlinkSync(file);
  } catch {
    // nothing to clean
  }
}
