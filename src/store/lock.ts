// One recorder per meeting: while a meeting is being recorded, `<file>.lock` next to it names the process
// (pid, host, user, since when). A second process is refused and may open the meeting read-only. A lock
// left by a process that died (same host, pid gone, or its pid now another process's, or a lock from
// before the last reboot) or a very old lock from another host is taken over; any lock can be taken over
// on purpose (takeOver), after the person confirmed it.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';
import { InputError } from '../domain/types.js';
import { readRegularHead } from './regular-file.js';
import { noHardLinks, systemErrorReason } from './system-error.js';
import { createSyncedFile, unlinkQuietly } from './synced-file.js';

export interface LockInfo {
  pid: number;
  hostname: string;
  user: string;
  /** ISO timestamp of when the lock was taken */
  started: string;
  /**
   * The holder's boot (Linux: /proc/sys/kernel/random/boot_id): a lock from an earlier boot is stale
   * whatever process has its pid now. Absent in locks written before issue 9 and off Linux.
   */
  bootId?: string;
  /** The holder's start time (Linux: /proc/<pid>/stat field 22, clock ticks since boot), to tell a reused pid. */
  pidStart?: number;
}

export interface MeetingLock {
  /** the meeting file (absolute) */
  file: string;
  lockFile: string;
  info: LockInfo;
  /** remove the lock (only if it is still ours); safe to call twice */
  release(): void;
  /** whether the lock file is still ours (false once another process took it over) */
  held(): boolean;
}

export interface AcquireOptions {
  /** a lock from another host older than this is taken over (default 12 hours) */
  staleAfterMs?: number;
  /** the clock (tests) */
  now?: () => Date;
  /** whether a pid on this host is alive (tests) */
  isAlive?: (pid: number) => boolean;
  /** this boot's id (tests); undefined where it cannot be known */
  bootId?: () => string | undefined;
  /** a process's start time as pidStart records it (tests) */
  processStart?: (pid: number) => number | undefined;
  /** when this machine booted, ms since the epoch (tests) */
  bootTimeMs?: () => number;
  /**
   * Take the lock from this holder even though it seems alive: the person asked for it and confirmed,
   * naming this holder. A lock since taken by anyone else is still refused.
   */
  takeOver?: LockInfo;
}

const DEFAULT_STALE_MS = 12 * 60 * 60 * 1000;
/** a lock file that cannot be read is being written right now, unless it is older than this */
const UNREADABLE_GRACE_MS = 5000;

/** The refusal when another live process records the meeting. Callers may catch it and open read-only. */
export class MeetingLockedError extends InputError {
  readonly holder: LockInfo;
  readonly lockFile: string;
  constructor(file: string, lockFile: string, holder: LockInfo) {
    const since = formatLocalTime(holder.started);
    const where = holder.hostname === os.hostname() ? '' : `，主机 ${holder.hostname}`;
    const who = holder.user ? `，用户 ${holder.user}` : '';
    super([
      {
        severity: 'error',
        file,
        line: 0,
        column: 0,
        message:
          `会议记录正由另一进程记录（进程号 ${holder.pid}${where}${who}，自 ${since} 起）；` +
          `可以只读方式打开，或待其结束后再试。若确认该进程已不存在，可删除锁文件 ${lockFile}`,
      },
    ]);
    this.name = 'MeetingLockedError';
    this.holder = holder;
    this.lockFile = lockFile;
  }
}

function formatLocalTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function lockPathFor(file: string): string {
  return `${path.resolve(file)}.lock`;
}

/** True when a process with this pid exists on this host (EPERM: it exists, owned by someone else). */
export function isProcessAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function currentUser(): string {
  try {
    return os.userInfo().username;
  } catch {
    return process.env.USER ?? process.env.USERNAME ?? '';
  }
}

/** This boot's id (Linux), or undefined. */
export function currentBootId(): string | undefined {
  try {
    const id = fs.readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
    return id || undefined;
  } catch {
    return undefined;
  }
}

/**
 * When a process started, in clock ticks since boot (Linux: field 22 of /proc/<pid>/stat), or undefined
 * (no such process, or not Linux). The command name (field 2) may hold spaces and parentheses, so the
 * fields are counted from the last ')'.
 */
export function processStartTicks(pid: number): number | undefined {
  if (!Number.isInteger(pid) || pid <= 0) return undefined;
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(rest[22 - 3]);
    return Number.isFinite(ticks) ? ticks : undefined;
  } catch {
    return undefined;
  }
}

function parseLock(content: string): LockInfo | null {
  try {
    const raw = JSON.parse(content) as Partial<LockInfo>;
    if (typeof raw.pid !== 'number' || typeof raw.hostname !== 'string' || typeof raw.started !== 'string') {
      return null;
    }
    const info: LockInfo = {
      pid: raw.pid,
      hostname: raw.hostname,
      started: raw.started,
      user: String(raw.user ?? ''),
    };
    if (typeof raw.bootId === 'string' && raw.bootId) info.bootId = raw.bootId;
    if (typeof raw.pidStart === 'number') info.pidStart = raw.pidStart;
    return info;
  } catch {
    return null;
  }
}

/** The same holder (as named to the person who asked to take over). */
function sameHolder(a: LockInfo, b: LockInfo): boolean {
  return a.pid === b.pid && a.hostname === b.hostname && a.started === b.started;
}

/**
 * Whether the process a lock on this host names is the one that wrote it: not if the lock is from an
 * earlier boot (its boot id, or for a lock without one, taken before this boot began), and not if the pid
 * is gone or now belongs to a process that started at another time (a reused pid).
 */
function holderAlive(info: LockInfo, options: AcquireOptions): boolean {
  const bootId = (options.bootId ?? currentBootId)();
  if (info.bootId !== undefined && bootId !== undefined) {
    if (info.bootId !== bootId) return false;
  } else {
    const started = new Date(info.started).getTime();
    const booted = (options.bootTimeMs ?? (() => Date.now() - os.uptime() * 1000))();
    // a minute's margin: the boot time from uptime is not exact
    if (!Number.isNaN(started) && started < booted - 60_000) return false;
  }
  if (!(options.isAlive ?? isProcessAlive)(info.pid)) return false;
  if (info.pidStart !== undefined) {
    const start = (options.processStart ?? processStartTicks)(info.pid);
    if (start !== undefined && start !== info.pidStart) return false;
  }
  return true;
}

/** Who holds the lock on `file`, or null when nobody (or the lock file cannot be read). */
export function readLock(file: string): LockInfo | null {
  try {
    // never blocks on a FIFO in the lock's place; a lock file is a few hundred bytes
    const bytes = readRegularHead(lockPathFor(file), 64 * 1024);
    return bytes === undefined ? null : parseLock(bytes.toString('utf8'));
  } catch {
    return null;
  }
}

type Verdict = { kind: 'live'; info: LockInfo } | { kind: 'stale'; content: string } | { kind: 'gone' };

function judge(lockFile: string, options: AcquireOptions): Verdict {
  let content: string;
  let mtimeMs: number;
  try {
    content = fs.readFileSync(lockFile, 'utf8');
    mtimeMs = fs.statSync(lockFile).mtimeMs;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'gone' };
    throw error;
  }
  const now = (options.now ?? (() => new Date()))().getTime();
  const info = parseLock(content);
  if (!info) {
    // a damaged file, or a holder between open('wx') and write where there are no hard links
    if (now - mtimeMs < UNREADABLE_GRACE_MS) {
      return {
        kind: 'live',
        info: { pid: 0, hostname: os.hostname(), user: '', started: new Date(mtimeMs).toISOString() },
      };
    }
    return { kind: 'stale', content };
  }
  if (options.takeOver && sameHolder(info, options.takeOver)) return { kind: 'stale', content };
  if (info.hostname === os.hostname()) {
    return holderAlive(info, options) ? { kind: 'live', info } : { kind: 'stale', content };
  }
  // another host: its pids mean nothing here; only age tells
  const started = new Date(info.started).getTime();
  const age = now - (Number.isNaN(started) ? mtimeMs : started);
  return age > (options.staleAfterMs ?? DEFAULT_STALE_MS)
    ? { kind: 'stale', content }
    : { kind: 'live', info };
}

/**
 * Move a stale lock out of the way. Renaming is atomic, so of two processes taking over the same stale
 * lock only one moves it; if what we moved is not the stale lock we judged (someone took over in
 * between), put it back and start again.
 */
function takeOver(lockFile: string, staleContent: string): void {
  const aside = `${lockFile}.${process.pid}.${randomBytes(4).toString('hex')}.stale`;
  try {
    fs.renameSync(lockFile, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  let moved = '';
  try {
    moved = fs.readFileSync(aside, 'utf8');
  } catch {
    // unreadable: treat as the stale one
    moved = staleContent;
  }
  if (moved !== staleContent) {
    try {
      fs.linkSync(aside, lockFile); // fails if yet another process holds the name now: then it wins
    } catch {
      // the name is taken again; the lock we moved belonged to a process that lost the race
    }
  }
  unlinkQuietly(aside);
}

/**
 * Creates `lockFile` holding `content`, whole from the first moment: the content is written and synced
 * to a file of its own, which is then hard-linked to the lock's name (link fails if the name exists, as
 * open 'wx' does). A lock made by open and write was empty for a moment, and a window that lost the
 * meeting just then named its new holder "进程号未知". Where the file system has no hard links,
 * open 'wx' and write, as before. False when the lock exists already.
 */
function createLockFile(lockFile: string, content: string): boolean {
  const temp = `${lockFile}.${process.pid}.${randomBytes(4).toString('hex')}.new`;
  writeSynced(temp, content);
  try {
    fs.linkSync(temp, lockFile);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    if (!noHardLinks(error)) throw error;
  } finally {
    unlinkQuietly(temp);
  }
  // no hard links here: the lock is made in place
  try {
    writeSynced(lockFile, content);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

/** Writes a new file holding `content` and syncs it (store/synced-file.ts); refused when it exists. */
function writeSynced(file: string, content: string): void {
  createSyncedFile(file, 0o644, (writeBytes) => writeBytes(Buffer.from(content, 'utf8')));
}

/** A lock file that cannot be made (read-only folder, full disk …) as one Chinese sentence. */
function lockError(meetingFile: string, error: unknown): unknown {
  const reason = systemErrorReason(error, 'create');
  if (reason === undefined) return error;
  return new InputError([
    {
      severity: 'error',
      file: meetingFile,
      line: 0,
      column: 0,
      message: `无法在会议记录文件夹 ${path.dirname(meetingFile)} 中建立锁文件，会议不能记录：${reason}`,
    },
  ]);
}

/**
 * Take the lock for recording `file`. Throws MeetingLockedError (an InputError) naming the process
 * that holds it when that process is alive.
 */
export function acquireMeetingLock(file: string, options: AcquireOptions = {}): MeetingLock {
  const absolute = path.resolve(file);
  const lockFile = lockPathFor(absolute);
  const info: LockInfo = {
    pid: process.pid,
    hostname: os.hostname(),
    user: currentUser(),
    started: (options.now ?? (() => new Date()))().toISOString(),
  };
  const bootId = (options.bootId ?? currentBootId)();
  if (bootId !== undefined) info.bootId = bootId;
  const pidStart = (options.processStart ?? processStartTicks)(process.pid);
  if (pidStart !== undefined) info.pidStart = pidStart;
  const content = `${JSON.stringify(info, null, 2)}\n`;
  for (let attempt = 0; attempt < 10; attempt++) {
    let created: boolean;
    try {
      created = createLockFile(lockFile, content);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') {
        throw new InputError([
          {
            severity: 'error',
            file: absolute,
            line: 0,
            column: 0,
            message: `会议记录所在文件夹 ${path.dirname(absolute)} 不存在`,
          },
        ]);
      }
      throw lockError(absolute, error);
    }
    if (!created) {
      const verdict = judge(lockFile, options);
      if (verdict.kind === 'live') throw new MeetingLockedError(absolute, lockFile, verdict.info);
      if (verdict.kind === 'stale') takeOver(lockFile, verdict.content);
      continue;
    }
    let released = false;
    return {
      file: absolute,
      lockFile,
      info,
      held() {
        try {
          return !released && fs.readFileSync(lockFile, 'utf8') === content;
        } catch {
          return false;
        }
      },
      release() {
        if (released) return;
        released = true;
        try {
          // only remove it if it is still ours (a takeover after a long suspend may have replaced it)
          if (fs.readFileSync(lockFile, 'utf8') === content) fs.unlinkSync(lockFile);
        } catch {
          // gone already
        }
      },
    };
  }
  throw new InputError([
    {
      severity: 'error',
      file: absolute,
      line: 0,
      column: 0,
      message: `无法取得会议记录的锁 ${lockFile}：多次重试仍被占用`,
    },
  ]);
}

/**
 * Release the lock when the process ends: on normal exit, and on SIGINT/SIGTERM/SIGHUP (after releasing,
 * the signal's usual effect is restored: the process exits with 128 + signal number unless another
 * listener keeps it alive). Returns a function that removes these handlers (after release()).
 */
export function releaseLockOnExit(lock: MeetingLock): () => void {
  const onExit = () => lock.release();
  const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
  const handlers = new Map<NodeJS.Signals, () => void>();
  process.on('exit', onExit);
  for (const signal of signals) {
    const handler = () => {
      lock.release();
      remove();
      // if nobody else handles the signal, end the way the signal would have
      if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
    };
    handlers.set(signal, handler);
    process.on(signal, handler);
  }
  function remove(): void {
    process.off('exit', onExit);
    for (const [signal, handler] of handlers) process.off(signal, handler);
  }
  return remove;
}
