// The meeting screen's draft: what is on screen and half typed (an open form), kept next to the meeting
// file as a hidden `.<name>.draft.json` so that a kill or a crash in the middle of a sentence loses
// nothing. Written on every change by rename (a reader sees the old or the new draft, never a mix);
// not fsync'd, since it guards against the process dying, not the machine. The meetings folder loader
// skips hidden files, so a draft is never taken for a meeting. A write that fails (disk full) leaves no
// temp file behind; one left by a killed process is removed when the draft is next read.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { removeStaleTempFiles, tempPathFor } from '../../store/atomic-write.js';

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
    const code = (error as NodeJS.ErrnoException).code;
    return code ? `${DRAFT_PROBLEMS[code] ?? '无法写入'}（${code}）` : String(error);
  }
}

function removeQuietly(file: string): void {
  try {
    fs.rmSync(file, { force: true });
  } catch {
    // the first error is the one to report
  }
}

const DRAFT_PROBLEMS: Readonly<Record<string, string>> = {
  ENOSPC: '磁盘已满',
  EDQUOT: '超出磁盘配额',
  EACCES: '没有写入权限',
  EPERM: '没有写入权限',
  EROFS: '所在磁盘只读',
  ENOENT: '文件夹不存在',
  ENOTDIR: '文件夹不存在',
};

/** The draft left by an earlier session, or null. */
export function readDraft(meetingFile: string): unknown {
  removeStaleTempFiles(draftPathFor(meetingFile));
  try {
    return JSON.parse(fs.readFileSync(draftPathFor(meetingFile), 'utf8')) as unknown;
  } catch {
    return null;
  }
}

/** Make sure the meetings folder exists before the first meeting is saved into it. */
export function ensureFolder(dir: string): void {
  fs.mkdirSync(dir, { recursive: true });
}
