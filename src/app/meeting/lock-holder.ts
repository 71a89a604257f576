// How the UI names the process that records a meeting (its lock): "进程号 4242，自 15:12 起".
import * as os from 'node:os';
import type { LockInfo } from '../../store/lock.js';

/** "15:12" (today) or "2026-11-24 15:12", local time, from the lock's ISO timestamp. */
export function lockSince(iso: string, now = new Date()): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const pad = (n: number) => String(n).padStart(2, '0');
  const day = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  const today = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
  const time = `${pad(d.getHours())}:${pad(d.getMinutes())}`;
  return day === today ? time : `${day} ${time}`;
}

/** Who records the meeting: "进程号 4242，自 15:12 起" (and the host when it is another). */
export function describeHolder(holder: LockInfo): string {
  const host = holder.hostname && holder.hostname !== os.hostname() ? `，主机 ${holder.hostname}` : '';
  const pid = holder.pid > 0 ? `进程号 ${holder.pid}` : '进程号未知';
  return `${pid}${host}，自 ${lockSince(holder.started)} 起`;
}

/** Why the meeting cannot be changed here, for the status line; with the key that takes it over. */
export function readOnlyNotice(holder: LockInfo, takeOverKey?: string): string {
  return takeOverKey
    ? `只读：另一个 diaodu 正在记录（${describeHolder(holder)}）；按 ${takeOverKey} 接管记录`
    : `只读：另一个 diaodu 正在记录这次会议（${describeHolder(holder)}），此处只能查看`;
}
