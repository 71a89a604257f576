// The meeting screen's draft: what is on screen and half typed (an open form), kept next to the meeting
// file as a hidden `.<name>.draft.json` so that a kill or a crash in the middle of a sentence loses
// nothing. Written on every change by rename (a reader sees the old or the new draft, never a mix);
// not fsync'd, since it guards against the process dying, not the machine. The meetings folder loader
// skips hidden files, so a draft is never taken for a meeting. A write that fails (disk full) leaves no
// temp file behind; one left by a killed process is removed when the draft is next read.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { removeStaleTempFiles, tempPathFor } from '../../store/atomic-write.js';
import { readRegularHead } from '../../store/regular-file.js';
import { errorText } from '../../store/system-error.js';

export function draftPathFor(meetingFile: string): string {
  return path.join(path.dirname(meetingFile), `.${path.basename(meetingFile)}.draft.json`);
}

/** Write (or, with null, remove) the draft of a meeting. Returns an error message, or null. */
export function writeDraft(meetingFile: string, draft: unknown): string | null {
  const target = draftPathFor(meetingFile);
  try {
    if (draft === null) {
      fs.rmSync(target, { force: true });
      return null;
    }
    const temp = tempPathFor(target);
    try {
      fs.writeFileSync(temp, JSON.stringify(draft), { flag: 'wx' });
      fs.renameSync(temp, target);
    } catch (error) {
      removeQuietly(temp);
      throw error;
    }
    return null;
  } catch (error) {
    return errorText(error, target, 'write');
  }
}

function removeQuietly(file: string): void {
  try {
    fs.rmSync(file, { force: true });
  } catch {
    // the first error is the one to report
  }
}

/** The draft left by an earlier session, or null. */
export function readDraft(meetingFile: string): unknown {
  removeStaleTempFiles(draftPathFor(meetingFile));
  try {
    // a regular file of at most 1 MB: a FIFO or device put in its place must not hang the app
    const bytes = readRegularHead(draftPathFor(meetingFile), 1024 * 1024 + 1);
    if (bytes === undefined || bytes.length > 1024 * 1024) return null;
    return JSON.parse(bytes.toString('utf8')) as unknown;
  } catch {
    return null;
  }
}

/** Make sure the meetings folder exists before the first meeting is saved into it. */
export function ensureFolder(dir: string): void {
  fs.mkdirSync(dir, { recursive: true });
}
